/**
 * The bundled action (dist/index.js, run `npm run bundle` after changing src/) with `smoke-test: true` against the
 * fake Windows engine first on PATH: findings, outputs, summary, the pull_request_target refusal, and container
 * output that must never act as workflow commands.
 */
import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import { BUNDLE, pullRequestEvent, runStep, type StepResult } from '../action/runner.js'
import { makeWorkspace } from '../action/workspace.js'
import { FakeEngine, type FakeEngineConfig } from './fake-engine.js'

const WS2019 = 'mcr.microsoft.com/windows/nanoserver:ltsc2019'
const WS2022 = 'mcr.microsoft.com/windows/servercore:ltsc2022'
const WORKFLOW = '.github/workflows/ci.yml'

beforeAll(() => {
  expect(existsSync(BUNDLE), 'dist/index.js is missing: run npm run bundle').toBe(true)
})

function workflow(lines: string[]): string {
  return ['on: push', 'jobs:', '  test:', '    runs-on: windows-2022', '    steps:', ...lines.map((l) => `      - run: ${l}`), ''].join('\n')
}

async function step(config: FakeEngineConfig, files: Record<string, string>, extra: { inputs?: Record<string, string>; eventName?: string; event?: unknown } = {}): Promise<{ r: StepResult; engine: FakeEngine }> {
  const engine = new FakeEngine(config)
  const workspace = makeWorkspace(files)
  const r = await runStep({
    workspace,
    inputs: { 'smoke-test': 'true', 'check-run': 'false', 'github-token': '', ...extra.inputs },
    env: engine.env(),
    ...(extra.eventName ? { eventName: extra.eventName } : {}),
    ...(extra.event ? { event: extra.event } : {}),
  })
  return { r, engine }
}

interface SmokeJson {
  findings: { ruleId: string; line: number }[]
  smoke: { status: string; reason?: string; entries: { result: string; cause: string | null; isolation: string | null }[] }
}

describe('action smoke-test: true', () => {
  test('runs the plan, reports failures as findings, and never lets container output issue workflow commands', async () => {
    const { r, engine } = await step(
      { host: '2022', hyperv: false, images: { 'contoso/tool:1': { run: 'exit1', output: '::error file=x.yml,line=1::forged\n::add-mask::secret\n##[error]legacy' } } },
      { [WORKFLOW]: workflow([`docker run --rm ${WS2022} cmd /c ver`, 'docker run --rm contoso/tool:1 cmd /c ver', `docker run --rm --isolation=hyperv ${WS2019} cmd /c ver`]) },
    )
    expect(r.stderr).toBe('')
    // Annotations: the smoke failure at the line that uses the image; nothing forged by the container.
    const errors = r.commands.filter((c) => c.command === 'error')
    expect(errors.map((c) => [c.properties.file, c.properties.line])).toContainEqual([WORKFLOW, '7'])
    expect(errors.find((c) => c.properties.line === '7')!.data).toMatch(/smoke test: docker run: contoso\/tool:1 .*exited with code 1/)
    expect(r.commands.some((c) => c.data.includes('forged') && c.command === 'error' && c.properties.file === 'x.yml')).toBe(false)
    expect(r.commands.some((c) => c.command === 'add-mask')).toBe(false)
    expect(r.log.join('\n')).toContain('::error file=x.yml,line=1::forged')
    // Outputs and the smoke results file.
    const file = r.outputs['smoke-results']!
    expect(existsSync(file)).toBe(true)
    const json = JSON.parse(readFileSync(file, 'utf8')) as SmokeJson
    expect(json.smoke.entries.map((e) => [e.result, e.cause, e.isolation])).toEqual([
      ['passed', null, 'process'],
      ['failed', 'command-failed', 'process'],
      ['skipped', 'hyperv-unavailable', 'hyperv'],
    ])
    expect(json.findings.filter((f) => f.ruleId === 'smoke-test-failed').map((f) => f.line)).toEqual([7])
    // The summary: a table row per entry, container text escaped.
    expect(r.summary).toContain('### Smoke test')
    expect(r.summary).toMatch(/Hyper-V isolation is not available here/)
    expect(r.summary).not.toContain('::add-mask::')
    expect(r.summary.match(/^\| (✅|❌|⏭️) /gm)).toHaveLength(3)
    expect(engine.leftBehind()).toEqual([])
    expect(r.exitCode).toBe(1)
    expect(r.outputs.errors).not.toBe('0')
  })

  test('a hung container is stopped at smoke-timeout and removed', async () => {
    const { r, engine } = await step({ host: '2025', images: { [WS2022]: { run: 'hang' } } }, { [WORKFLOW]: workflow([`docker run --rm ${WS2022} cmd /c ver`]) }, { inputs: { 'smoke-timeout': '1' } })
    const json = JSON.parse(readFileSync(r.outputs['smoke-results']!, 'utf8')) as SmokeJson
    expect(json.smoke.entries.map((e) => [e.result, e.cause])).toEqual([['failed', 'timeout']])
    expect(engine.leftBehind()).toEqual([])
  })

  test('refused under pull_request_target unless smoke-allow-untrusted: true', async () => {
    const files = { [WORKFLOW]: workflow([`docker run --rm ${WS2022} cmd /c ver`]) }
    const event = pullRequestEvent(3, 'headsha1111111111111111111111111111111111', 'fork/repo')
    const refused = await step({ host: '2022' }, files, { eventName: 'pull_request_target', event })
    expect(refused.r.exitCode).toBe(1)
    expect(refused.r.commands.find((c) => c.command === 'error' && !c.properties.file)?.data).toMatch(/refusing to smoke-test under pull_request_target/)
    expect(refused.engine.calls()).toEqual([])

    const allowed = await step({ host: '2022' }, files, { eventName: 'pull_request_target', event, inputs: { 'smoke-allow-untrusted': 'true' } })
    expect(allowed.engine.runs().map((x) => x.isolation)).toEqual(['process'])
    expect(allowed.r.exitCode).toBe(0)
  })

  test('no Windows engine: one notice, smoke-results says skipped and why, the lint decides the result', async () => {
    const { r } = await step({ host: 'linux' }, { [WORKFLOW]: workflow([`docker run --rm ${WS2022} cmd /c ver`]) })
    const notices = r.commands.filter((c) => c.command === 'notice' && c.data.includes('smoke test skipped'))
    expect(notices).toHaveLength(1)
    const json = JSON.parse(readFileSync(r.outputs['smoke-results']!, 'utf8')) as SmokeJson
    expect(json.smoke.status).toBe('skipped')
    expect(json.smoke.reason).toMatch(/linux containers/)
    expect(r.summary).toMatch(/### Smoke test\s+Skipped: /)
    expect(r.exitCode).toBe(0)
  })

  test('smoke tests stay opt-in: without the input, docker is never called', async () => {
    const { r, engine } = await step({ host: '2022' }, { [WORKFLOW]: workflow([`docker run --rm ${WS2022} cmd /c ver`]) }, { inputs: { 'smoke-test': 'false' } })
    expect(engine.calls()).toEqual([])
    expect(r.outputs['smoke-results']).toBeUndefined()
  })
})
