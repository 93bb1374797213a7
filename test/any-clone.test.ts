/**
 * The suite passes on any clone: the files that read ../shared/corpus pass with the corpus hidden (their corpus
 * tests skipped, and the run says so), and under CI=true (what .ci/run and the GitHub workflow set) a missing golden
 * file fails the run instead of being written. Both run vitest itself, as a user or CI would.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs')

/** The environment of a fresh vitest run: this run's worker variables removed. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && k !== 'NODE_ENV') out[k] = v
  return { ...out, NO_COLOR: '1', ...extra }
}

function vitest(args: string[], extra: Record<string, string>) {
  const r = spawnSync(process.execPath, [VITEST, 'run', ...args], { cwd: ROOT, env: env(extra), encoding: 'utf8', timeout: 240_000 })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

/** Every test file under test/, as a POSIX path from the project root. */
function testFiles(dir = 'test'): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
  )
}

/** The test files that read the corpus: those that use test/harness/corpus.ts. */
const CORPUS_READERS = testFiles().filter(
  (f) => f.endsWith('.test.ts') && /from '(\.\.?\/)+(harness\/)?corpus\.js'|from '\.\/harness\/corpus\.js'/.test(readFileSync(path.join(ROOT, f), 'utf8')),
)

describe('a clone without ../shared', () => {
  test('every test that reads the corpus goes through test/harness/corpus.ts', () => {
    expect(CORPUS_READERS).toEqual(expect.arrayContaining(['test/corpus.test.ts', 'test/parsers/compose.test.ts', 'test/reliability/determinism.test.ts']))
    const direct = testFiles().filter((f) => {
      if (f === 'test/harness/corpus.ts' || f === 'test/any-clone.test.ts') return false
      return /shared\/corpus|MANIFEST\.tsv/.test(readFileSync(path.join(ROOT, f), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, ''))
    })
    expect(direct).toEqual([])
  })

  test('the files that read the corpus pass with it hidden, and the run says how many tests were skipped and why', () => {
    const report = path.join(process.env.TMPDIR ?? ROOT, `no-corpus-${process.pid}.json`)
    const r = vitest([...CORPUS_READERS, '--reporter=json', `--outputFile=${report}`, '--reporter=./test/harness/corpus-reporter.ts'], {
      ISOLINT_CORPUS: '/nonexistent/corpus',
    })
    expect(r.out).toMatch(/corpus: \d+ tests skipped: no corpus at \/nonexistent\/corpus/)
    expect(r.status, r.out).toBe(0)
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numFailedTests: number; numPassedTests: number; numPendingTests: number }
    rmSync(report, { force: true })
    expect(json.numFailedTests).toBe(0)
    // The unit tests in the same files (about 130 of them) still run; only the corpus suites are skipped.
    expect(json.numPassedTests).toBeGreaterThan(100)
    expect(json.numPendingTests).toBeGreaterThan(0)
  }, 300_000)

  test('with CI=true a missing golden file fails the run and is not written', () => {
    const dir = path.join(ROOT, 'test', `.golden-probe-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    try {
      writeFileSync(
        path.join(dir, 'probe.test.ts'),
        "import { expect, test } from 'vitest'\ntest('probe', async () => {\n  await expect('text').toMatchFileSnapshot('./missing.golden')\n})\n",
      )
      const r = vitest([path.relative(ROOT, path.join(dir, 'probe.test.ts'))], { CI: 'true' })
      expect(r.status, r.out).toBe(1)
      expect(r.out).toMatch(/Snapshots\s+1 failed/)
      expect(existsSync(path.join(dir, 'missing.golden'))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 300_000)

  test('.ci/run fails when the corpus is there but its tests were skipped, and passes without it', () => {
    const report = (statuses: string[]) => {
      const file = path.join(process.env.TMPDIR ?? ROOT, `summary-${process.pid}-${statuses.join('-')}.json`)
      const assertionResults = [
        { fullName: 'unit test', status: 'passed' },
        ...statuses.map((status, i) => ({ fullName: `corpus [corpus] case ${i}`, status })),
      ]
      const passed = assertionResults.filter((t) => t.status === 'passed').length
      writeFileSync(file, JSON.stringify({ numPassedTests: passed, numFailedTests: 0, numTotalTests: assertionResults.length, testResults: [{ assertionResults }] }))
      return file
    }
    const summary = (file: string, corpus: string) =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts/test-summary.mjs'), file], { cwd: ROOT, env: env({ ISOLINT_CORPUS: corpus }), encoding: 'utf8' })
    const here = path.join(ROOT, 'test') // a folder that exists, standing in for the corpus
    const skipped = summary(report(['passed', 'skipped']), here)
    expect(skipped.status).toBe(1)
    expect(skipped.stderr).toBe(`${here} exists but 1 of 2 corpus tests were skipped\n`)
    expect(summary(report(['passed', 'passed']), here)).toMatchObject({ status: 0, stdout: '3 passed, 0 failed\n' })
    expect(summary(report(['skipped', 'skipped']), '/nonexistent/corpus')).toMatchObject({
      status: 0,
      stdout: '1 passed, 0 failed\ncorpus: 2 tests skipped (no /nonexistent/corpus)\n',
    })
  })
})
