/** The CLI contract: formats, exit codes, usage errors, and the golden report of the examples/ repository. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import nodeModule from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { main } from '../../src/cli/main.js'
import { loadCatalog } from '../../src/core/catalog.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = ''
  let err = ''
  const code = main(argv, { cwd: root, stdout: (t) => (out += t), stderr: (t) => (err += t), color: false })
  return { code, out, err }
}

describe('isolint examples', () => {
  test('text report (golden) and exit code 1', async () => {
    const r = cli('examples')
    expect(r.code).toBe(1)
    expect(r.err).toBe('')
    await expect(r.out).toMatchFileSnapshot('golden/examples.txt')
  })

  test('JSON report (golden): version 1, relative POSIX paths, 1-based positions', async () => {
    const r = cli('examples', '--format', 'json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.out) as { version: number; findings: { file: string; line: number; column: number }[] }
    expect(report.version).toBe(1)
    for (const f of report.findings) {
      expect(f.file).not.toMatch(/^\/|\\/)
      expect(f.line).toBeGreaterThanOrEqual(1)
      expect(f.column).toBeGreaterThanOrEqual(1)
    }
    await expect(r.out).toMatchFileSnapshot('golden/examples.json')
  })

  test('SARIF report (golden) with every rule in the catalog', async () => {
    const r = cli('examples', '--format', 'sarif')
    const sarif = JSON.parse(r.out) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: unknown[] }[] }
    expect(sarif.runs[0]!.tool.driver.rules.map((x) => x.id)).toEqual([...loadCatalog().keys()])
    expect(sarif.runs[0]!.results.length).toBe(8)
    await expect(r.out).toMatchFileSnapshot('golden/examples.sarif')
  })

  test('--fail-on decides the exit code', () => {
    expect(cli('examples', '--fail-on', 'none').code).toBe(0)
    expect(cli('examples/deploy', '--fail-on', 'error').code).toBe(1)
    expect(cli('examples/.github', '--root', 'examples', '--fail-on', 'warning').code).toBe(1)
  })

  test('a clean folder exits 0', () => {
    const r = cli('src/rules/image-newer-than-host/fixtures/valid-same-build.workflow.yaml', '--root', 'src/rules')
    expect(r.code).toBe(0)
    expect(r.out).toContain('No problems found in 1 file.')
  })

  test.runIf(process.platform !== 'win32')('files given one by one: plain, through a link, and a broken link (exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isolint-cli-'))
    try {
      mkdirSync(path.join(dir, 'a'))
      writeFileSync(path.join(dir, 'a', 'Dockerfile'), 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n')
      symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'))
      symlinkSync(path.join(dir, 'a', 'Dockerfile'), path.join(dir, 'Dockerfile.link'))
      symlinkSync(path.join(dir, 'missing'), path.join(dir, 'broken'))
      const ok = cli('--root', dir, path.join(dir, 'a', 'Dockerfile'), path.join(dir, 'b', 'Dockerfile'), path.join(dir, 'Dockerfile.link'))
      expect(ok).toEqual({ code: 0, out: 'No problems found in 3 files.\n', err: '' })
      const broken = cli('--root', dir, path.join(dir, 'broken'))
      expect(broken.code).toBe(2)
      expect(broken.err).toContain(`path not found: ${path.join(dir, 'broken')}`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('--output writes the report to a file and nothing to stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isolint-cli-'))
    try {
      const file = path.join(dir, 'report.json')
      const r = cli('examples', '--format', 'json', '--output', file)
      expect(r.out).toBe('')
      expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('version', 1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a vendored library`s own workflow is skipped with a note; named, it is linted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isolint-cli-'))
    try {
      const workflow = 'on: push\njobs:\n  build:\n    runs-on: windows-2019\n    steps:\n      - run: echo hi\n'
      for (const folder of ['.github/workflows', 'lib/vendored/.github/workflows']) {
        mkdirSync(path.join(dir, folder), { recursive: true })
        writeFileSync(path.join(dir, folder, 'ci.yml'), workflow)
      }
      const r = cli('--root', dir, dir)
      expect(r.code).toBe(1)
      expect(r.out).toContain('.github/workflows/ci.yml:4:14 error retired-runner-label')
      expect(r.out).not.toContain('lib/vendored/.github/workflows/ci.yml:4')
      expect(r.out).toContain(
        "skipped: lib/vendored/.github/workflows/ci.yml: not a workflow GitHub runs: only the repository root's .github/workflows are",
      )
      const named = cli('--root', dir, path.join(dir, 'lib/vendored/.github/workflows/ci.yml'))
      expect(named.out).toContain('lib/vendored/.github/workflows/ci.yml:4:14 error retired-runner-label')
      expect(named.out).not.toContain('skipped:')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('--runner checks files no workflow reaches against that host', () => {
    const r = cli('examples/src/api', '--runner', 'windows-2022', '--format', 'json')
    const ids = (JSON.parse(r.out) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)
    expect(ids).toContain('process-isolation-build-mismatch')
  })
})

describe('usage', () => {
  test('--list-rules prints every active rule with its severity', () => {
    const r = cli('--list-rules')
    expect(r.code).toBe(0)
    for (const id of loadCatalog().keys()) expect(r.out).toContain(id)
  })

  test('--help and --version', () => {
    expect(cli('--help').out).toContain('Usage: isolint')
    expect(cli('--version').out).toMatch(/^isolint \d+\.\d+\.\d+\n$/)
  })

  test.each([
    [['--format', 'xml'], "--format must be one of text, json, sarif, got 'xml'"],
    [['--fail-on', 'fatal'], "--fail-on must be one of error, warning, note, none, got 'fatal'"],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--runner', 'windows-1999', 'examples'], "unknown runner 'windows-1999'"],
    [['no/such/path'], 'path not found: no/such/path'],
    [['--max-file-size', '-1', 'examples'], '--max-file-size'],
    [['/etc', '--root', 'examples'], 'outside the scanned root'],
  ])('%j exits 2 with the problem', (argv, message) => {
    const r = cli(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
    expect(r.out).toBe('')
  })
})

describe('the committed bundle', () => {
  test('node dist/cli/index.js examples prints the same report as the sources', async () => {
    const { spawnSync } = await import('node:child_process')
    const run = spawnSync(process.execPath, ['dist/cli/index.js', 'examples'], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe(cli('examples').out)
  })

  describe('the code cache', () => {
    const run = (env: Record<string, string>, ...argv: string[]) => {
      const r = spawnSync(process.execPath, ['dist/cli/index.js', ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } })
      return { status: r.status, stdout: r.stdout, stderr: r.stderr }
    }
    const withFolder = (f: (cache: string) => void) => {
      const cache = mkdtempSync(path.join(tmpdir(), 'isolint-cache-'))
      try {
        f(cache)
      } finally {
        rmSync(cache, { recursive: true, force: true })
      }
    }
    const uncached = run({ NODE_DISABLE_COMPILE_CACHE: '1' }, 'examples', '--format', 'json')
    // isolint's own cache files (Node.js before 22.8); from 22.8 Node's cache writes files of its own naming.
    const ownFiles = (cache: string) => readdirSync(cache).filter((f) => /^isolint-.*\.cache$/.test(f))
    // Node.js 22.8 and later: the launcher turns on Node's own cache (module.enableCompileCache).
    const nodeCache = 'enableCompileCache' in nodeModule

    test('written by the first run and read by the next, it changes nothing: report, exit code, usage errors', () => {
      withFolder((cache) => {
        const first = run({ NODE_COMPILE_CACHE: cache }, 'examples', '--format', 'json')
        expect(readdirSync(cache).length).toBeGreaterThan(0)
        if (!nodeCache) expect(ownFiles(cache)).toHaveLength(1)
        const second = run({ NODE_COMPILE_CACHE: cache }, 'examples', '--format', 'json')
        expect(first).toEqual(uncached)
        expect(second).toEqual(uncached)
        expect(uncached.status).toBe(1)
        const usage = run({ NODE_DISABLE_COMPILE_CACHE: '1' }, '--no-such-option')
        expect(run({ NODE_COMPILE_CACHE: cache }, '--no-such-option')).toEqual(usage)
        expect(usage.status).toBe(2)
      })
    })

    test('the bundle run from the cache still loads dockerfile-ast (through import.meta.url) for a Dockerfile it falls back on', () => {
      withFolder((cache) => {
        const repo = path.join(cache, 'repo')
        mkdirSync(repo)
        // A byte order mark: the one-pass reader leaves the file to dockerfile-ast.
        writeFileSync(path.join(repo, 'Dockerfile'), '\ufeffFROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo hi\n')
        const args = ['--runner', 'windows-2022', '--format', 'json', repo]
        const uncachedDf = run({ NODE_DISABLE_COMPILE_CACHE: '1' }, ...args)
        expect(uncachedDf.stdout).toContain('process-isolation-build-mismatch')
        const env = { NODE_COMPILE_CACHE: path.join(cache, 'cache') }
        expect(run(env, ...args)).toEqual(uncachedDf)
        expect(run(env, ...args)).toEqual(uncachedDf)
      })
    })

    test.skipIf(nodeCache || process.getuid === undefined)('a cache file V8 refuses (garbage) is replaced, the run unchanged', () => {
      withFolder((cache) => {
        run({ NODE_COMPILE_CACHE: cache }, 'examples', '--format', 'json')
        const [name] = ownFiles(cache)
        writeFileSync(path.join(cache, name!), 'not a code cache')
        expect(run({ NODE_COMPILE_CACHE: cache }, 'examples', '--format', 'json')).toEqual(uncached)
        expect(readFileSync(path.join(cache, name!), 'utf8')).not.toBe('not a code cache')
      })
    })

    test.skipIf(nodeCache || process.getuid === undefined)('a folder others can write to is neither read nor written: the cache is code that runs', () => {
      withFolder((cache) => {
        chmodSync(cache, 0o777)
        expect(run({ NODE_COMPILE_CACHE: cache }, 'examples', '--format', 'json')).toEqual(uncached)
        expect(readdirSync(cache)).toEqual([])
      })
    })
  })
})
