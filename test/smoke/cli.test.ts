/**
 * `isolint smoke` end to end: the bundled CLI (dist/cli/index.js, run `npm run bundle` after changing src/) in a
 * child process, against the fake Windows engine first on PATH. Asserts what was started, with which isolation,
 * what the report says, and that every container started was removed.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { makeWorkspace } from '../action/workspace.js'
import { FakeEngine, type FakeEngineConfig } from './fake-engine.js'

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/index.js')
const WS2019 = 'mcr.microsoft.com/windows/nanoserver:ltsc2019'
const WS2022 = 'mcr.microsoft.com/windows/servercore:ltsc2022'
const WS2025 = 'mcr.microsoft.com/windows/nanoserver:ltsc2025'

beforeAll(() => {
  expect(existsSync(CLI), 'dist/cli/index.js is missing: run npm run bundle').toBe(true)
})

/** A workflow on `runner` running each image (line 6 + i), with an isolation flag when given. */
function workflow(runner: string, images: readonly (string | [string, string])[]): string {
  const lines = ['on: push', 'jobs:', '  test:', `    runs-on: ${runner}`, '    steps:']
  for (const i of images) {
    const [image, iso] = typeof i === 'string' ? [i, undefined] : i
    lines.push(`      - run: docker run --rm ${iso ? `--isolation=${iso} ` : ''}${image} cmd /c ver`)
  }
  return lines.join('\n') + '\n'
}

interface Result {
  code: number | null
  stdout: string
  stderr: string
  json: {
    findings: { ruleId: string; line: number; file: string; message: string }[]
    smoke: {
      status: string
      reason?: string
      host?: { build: number; revision: number }
      hyperv: { result: string } | null
      entries: { image: string; isolation: string | null; result: string; cause: string | null; line: number; outputTail: string[]; exitCode: number | null }[]
    }
  }
}

function smoke(engine: FakeEngine, files: Record<string, string>, args: string[] = [], onStart?: (kill: () => void) => void): Promise<Result> {
  const ws = makeWorkspace(files)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'smoke', '--format', 'json', '--pull-attempts', '2', ...args, ws], { env: engine.env(), cwd: ws })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    onStart?.(() => child.kill('SIGTERM'))
    child.on('close', (code) => {
      let json = {} as Result['json']
      try {
        json = JSON.parse(stdout) as Result['json']
      } catch {
        // asserted by the caller
      }
      resolve({ code, stdout, stderr, json })
    })
  })
}

function engine(config: FakeEngineConfig): FakeEngine {
  return new FakeEngine(config)
}

describe('isolint smoke against a Windows Server 2022 engine', () => {
  test('each image starts with the predicted isolation; the newer image never starts; all containers removed', async () => {
    const e = engine({ host: '2022', hyperv: true })
    const r = await smoke(e, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022, WS2019, WS2025]) })
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.json.smoke.host).toMatchObject({ build: 20348, revision: 2582 })
    expect(r.json.smoke.hyperv).toMatchObject({ result: 'available' })
    expect(r.json.smoke.entries.map((x) => [x.image, x.isolation, x.result, x.line])).toEqual([
      [WS2022, 'process', 'passed', 6],
      [WS2019, 'hyperv', 'passed', 7],
      [WS2025, null, 'skipped', 8],
    ])
    const runs = e.runs()
    expect(runs.map((x) => [x.image, x.isolation])).toEqual(
      expect.arrayContaining([
        ['mcr.microsoft.com/windows/nanoserver:ltsc2022', 'hyperv'], // the probe
        [WS2022, 'process'],
        [WS2019, 'hyperv'],
      ]),
    )
    expect(runs).toHaveLength(3)
    expect(e.calls().some((c) => c.args.includes(WS2025))).toBe(false)
    expect(e.leftBehind()).toEqual([])
    expect(runs.every((x) => /^isolint-smoke-[0-9a-f]{8}-(probe|\d+)$/.test(x.name))).toBe(true)
    expect(r.json.findings.filter((f) => f.ruleId === 'smoke-test-failed')).toEqual([])
    expect(r.code).toBe(1) // the static errors (ltsc2019 without isolation, ltsc2025 on 2022) remain
  })

  test('no Hyper-V: the Hyper-V entries are skipped for that reason, never reported as image failures', async () => {
    for (const noHypervMessage of [
      'No hypervisor is present on this system. (0xc0351000)',
      'The virtual machine could not be started because a required feature is not installed.',
      'The request is not supported. (0x32)',
    ]) {
      const e = engine({ host: '2022', hyperv: false, noHypervMessage })
      const r = await smoke(e, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022, [WS2019, 'hyperv']]) })
      expect(r.json.smoke.hyperv).toMatchObject({ result: 'unavailable' })
      expect(r.json.smoke.entries.map((x) => [x.result, x.cause])).toEqual([
        ['passed', null],
        ['skipped', 'hyperv-unavailable'],
      ])
      expect(r.json.findings.filter((f) => f.ruleId === 'smoke-test-failed')).toEqual([])
      // Only the probe tried Hyper-V.
      expect(e.runs().filter((x) => x.isolation === 'hyperv')).toHaveLength(1)
      expect(e.leftBehind()).toEqual([])
      expect(r.code).toBe(0)
    }
  })

  test('engine failures become smoke-test-failed errors at the line that uses the image', async () => {
    const e = engine({
      host: '2022',
      images: {
        'contoso/patched:1': { build: 20348, run: 'patch' },
        'contoso/layer:1': { build: 20348, run: 'layer' },
        'contoso/tool:1': { run: 'exit1', output: '::error::forged annotation' },
        'contoso/linux:1': { linux: true },
        [WS2019]: { wording: 'classic' },
      },
    })
    const r = await smoke(e, {
      '.github/workflows/ci.yml': workflow('windows-2022', ['contoso/patched:1', 'contoso/layer:1', 'contoso/tool:1', 'contoso/linux:1', [WS2019, 'process']]),
    })
    const byLine = Object.fromEntries(r.json.smoke.entries.map((x) => [x.line, [x.result, x.cause]]))
    expect(byLine).toEqual({
      6: ['failed', 'patch-newer-than-host'],
      7: ['failed', 'unrecognized-layer'],
      8: ['failed', 'command-failed'],
      9: ['failed', 'linux-image'],
      10: ['failed', 'build-mismatch'],
    })
    const failed = r.json.findings.filter((f) => f.ruleId === 'smoke-test-failed')
    expect(failed.map((f) => [f.file, f.line])).toEqual([6, 7, 8, 9, 10].map((l) => ['.github/workflows/ci.yml', l]))
    expect(failed[0]!.message).toMatch(/host 10\.0\.20348\.2582 \(Windows Server\) with process isolation \(patch-newer-than-host\).*0xc0370106/)
    expect(failed[2]!.message).toMatch(/exited with code 1/)
    const tool = r.json.smoke.entries.find((x) => x.line === 8)!
    expect(tool.exitCode).toBe(1)
    expect(tool.outputTail).toEqual(expect.arrayContaining(['::error::forged annotation', 'the command failed']))
    expect(e.leftBehind()).toEqual([])
    expect(r.code).toBe(1)
  })

  test('a hung container is stopped at the timeout and removed', async () => {
    const e = engine({ host: '2022', images: { [WS2022]: { run: 'hang' } } })
    const t0 = Date.now()
    const r = await smoke(e, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022]) }, ['--timeout', '1'])
    expect(Date.now() - t0).toBeLessThan(20_000)
    expect(r.json.smoke.entries.map((x) => [x.result, x.cause])).toEqual([['failed', 'timeout']])
    expect(e.runs()).toHaveLength(1)
    expect(e.leftBehind()).toEqual([])
    expect(r.json.findings.find((f) => f.ruleId === 'smoke-test-failed')?.message).toMatch(/did not finish within 1 s/)
  })

  test('SIGTERM during a run removes the container and exits 130', async () => {
    const e = engine({ host: '2022', images: { [WS2022]: { run: 'hang' } } })
    const r = await smoke(e, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022]) }, [], (kill) => {
      const poll = setInterval(() => {
        if (e.runs().length > 0) {
          clearInterval(poll)
          kill()
        }
      }, 50)
    })
    expect(r.code).toBe(130)
    expect(e.runs()).toHaveLength(1)
    expect(e.leftBehind()).toEqual([])
    expect(r.json.smoke.status).toBe('cancelled')
  })

  test('slow pulls time out after the retries; a flaky registry is retried', async () => {
    const slow = engine({ host: '2022', pullDelayMs: 3000 })
    const r = await smoke(slow, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022]) }, ['--pull-timeout', '0.5'])
    expect(r.json.smoke.entries.map((x) => [x.result, x.cause])).toEqual([['failed', 'pull-timeout']])
    expect(slow.calls().filter((c) => c.cmd === 'pull')).toHaveLength(2)
    expect(slow.runs()).toEqual([])

    const flaky = engine({ host: '2022', images: { [WS2022]: { pullFailTimes: 1 } } })
    const f = await smoke(flaky, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022]) })
    expect(f.json.smoke.entries.map((x) => x.result)).toEqual(['passed'])
    expect(flaky.calls().filter((c) => c.cmd === 'pull')).toHaveLength(2)
  }, 30_000)

  test('--plan prints the plan and starts nothing', async () => {
    const e = engine({ host: '2022' })
    const r = await smoke(e, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022, WS2025]) }, ['--plan'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/1\. run mcr\.microsoft\.com\/windows\/servercore:ltsc2022 \(build 20348\) --isolation=process cmd \/c ver/)
    expect(r.stdout).toMatch(/2\. skip run mcr\.microsoft\.com\/windows\/nanoserver:ltsc2025: the image \(build 26100\) is newer than the host/)
    expect(e.calls().map((c) => c.cmd)).toEqual(['version', 'info'])
  })
})

describe('isolint smoke against a Windows Server 2025 engine', () => {
  test('ltsc2022 and ltsc2025 in process isolation, ltsc2019 with Hyper-V; a workflow build is built first', async () => {
    const e = engine({ host: '2025', hyperv: true })
    const r = await smoke(e, {
      '.github/workflows/ci.yml': [
        workflow('windows-2025', [WS2022, WS2025, WS2019]).trimEnd(),
        '      - run: docker build -f app/Dockerfile -t contoso/app --build-arg V=1 app',
        '',
      ].join('\n'),
      'app/Dockerfile': `FROM ${WS2022}\nARG V\nRUN echo %V%\n`,
    })
    expect(r.json.smoke.host).toMatchObject({ build: 26100, revision: 4946 })
    expect(r.json.smoke.entries.map((x) => [x.image, x.isolation, x.result])).toEqual([
      [WS2022, 'process', 'passed'],
      [WS2025, 'process', 'passed'],
      [WS2019, 'hyperv', 'passed'],
      [WS2022, 'process', 'passed'],
    ])
    const build = e.calls().find((c) => c.cmd === 'build')!
    expect(build.args.slice(0, 2)).toEqual(['--isolation=process', '--force-rm'])
    expect(build.args).toEqual(expect.arrayContaining(['--build-arg', 'V=1']))
    const tag = build.args[build.args.indexOf('-t') + 1]!
    expect(e.runs().some((x) => x.image === tag && x.isolation === 'process')).toBe(true)
    expect(e.calls().some((c) => c.cmd === 'rmi' && c.args.includes(tag))).toBe(true)
    expect(e.leftBehind()).toEqual([])
  })
})

describe('no Windows engine', () => {
  test.each([
    ['none', /no Docker engine answered/],
    ['linux', /runs linux containers, not Windows containers/],
  ] as const)('%s: skipped with one notice on stderr; the exit code is the lint\'s', async (host, why) => {
    const e = engine({ host })
    const r = await smoke(e, { '.github/workflows/ci.yml': workflow('windows-2022', [WS2022]) })
    expect(r.stderr).toMatch(why)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.json.smoke).toMatchObject({ status: 'skipped', entries: [] })
    expect(r.code).toBe(0)
  })

  test('no docker client at all', async () => {
    const e = engine({ host: '2022' })
    const ws = makeWorkspace({ 'a.yml': 'x: 1\n' })
    const r = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'smoke', '--docker', path.join(e.dir, 'missing-docker'), ws], { env: e.env() })
      let stderr = ''
      let stdout = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.on('close', (code) => resolve({ code, stderr, stdout }))
    })
    expect(r.stderr).toMatch(/skipped: no Docker client/)
    expect(r.stdout).toMatch(/Smoke test skipped/)
    expect(r.code).toBe(0)
    expect(readFileSync(path.join(ws, 'a.yml'), 'utf8')).toBe('x: 1\n')
  })
})
