/**
 * Sharding: for 1 to 4 shards, the reports of `--shard i/n --format json` merged by `isolint merge` give the same
 * bytes as the unsharded run, as JSON, SARIF and text, and each finding comes from exactly one shard. Repositories:
 * examples/, the cross-file rule fixtures and a sample of the benchmark monorepo (with and without --runner).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { monorepo } from '../../bench/corpus.mjs'
import { main } from '../../src/cli/main.js'
import { parseShard, shardOf } from '../../src/project/shard.js'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const tmp = mkdtempSync(path.join(tmpdir(), 'isolint-shard-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function cli(cwd: string, ...argv: string[]): { code: number; out: string; err: string } {
  let out = ''
  let err = ''
  const code = main(argv, { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t), color: false })
  return { code, out, err }
}

function benchSample(): string {
  const dir = path.join(tmp, 'bench')
  for (const f of monorepo({ dockerfiles: 80, seed: 99 })) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true })
    writeFileSync(path.join(dir, f.path), f.text)
  }
  // Dockerfiles no workflow or Compose file builds, so that --runner executions are shard-local too.
  mkdirSync(path.join(dir, 'standalone'), { recursive: true })
  writeFileSync(path.join(dir, 'standalone/Dockerfile'), 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n')
  return dir
}

/** Fixture folders of the rules that hold a workflow (cross-file cases). */
function crossFileFixtures(): string[] {
  const rules = path.join(repo, 'src/rules')
  const out: string[] = []
  for (const rule of readdirSync(rules)) {
    const fixtures = path.join(rules, rule, 'fixtures')
    if (!existsSync(fixtures)) continue
    for (const e of readdirSync(fixtures, { withFileTypes: true })) {
      if (e.isDirectory()) out.push(path.join(fixtures, e.name))
    }
  }
  return out
}

function unionEqualsWhole(dir: string, extra: string[] = []): void {
  const whole = {
    json: cli(dir, '.', '--format', 'json', ...extra),
    sarif: cli(dir, '.', '--format', 'sarif', ...extra),
    text: cli(dir, '.', ...extra),
  }
  expect(whole.json.err).toBe('')
  const wholeCount = (JSON.parse(whole.json.out) as { findings: unknown[] }).findings.length
  for (const n of [1, 2, 3, 4]) {
    const reports: string[] = []
    let count = 0
    for (let i = 1; i <= n; i++) {
      const r = cli(dir, '.', '--format', 'json', '--shard', `${i}/${n}`, ...extra)
      expect(r.err).toBe('')
      const out = path.join(tmp, `shard-${i}-of-${n}.json`)
      writeFileSync(out, r.out)
      reports.push(out)
      const parsed = JSON.parse(r.out) as { findings: { file: string }[] }
      count += parsed.findings.length
      // Each finding is reported by the shard of its file only.
      for (const f of parsed.findings) expect(shardOf(f.file, n)).toBe(i)
    }
    expect(count).toBe(wholeCount)
    for (const format of ['json', 'sarif', 'text'] as const) {
      const merged = cli(dir, 'merge', '--format', format, ...reports)
      expect(merged.err).toBe('')
      expect(merged.out, `${path.basename(dir)}: ${n} shards, ${format}`).toBe(whole[format].out)
      expect(merged.code).toBe(whole[format].code)
    }
  }
}

describe('shards', () => {
  test('examples/', () => unionEqualsWhole(path.join(repo, 'examples')))

  test('a sample of the benchmark monorepo, with and without --runner', () => {
    const dir = benchSample()
    unionEqualsWhole(dir)
    unionEqualsWhole(dir, ['--runner', 'windows-2022'])
  })

  test('cross-file rule fixtures', () => {
    const dirs = crossFileFixtures()
    expect(dirs.length).toBeGreaterThan(3)
    for (const d of dirs) unionEqualsWhole(d)
  })

  test('with --baseline the merged report counts known and fixed findings as the whole run does', () => {
    const dir = benchSample()
    const baseline = path.join(tmp, 'baseline.json')
    // Recorded with --runner, applied without: some entries are still found, the rest count as fixed.
    expect(cli(dir, '.', '--runner', 'windows-2022', '--write-baseline', baseline).code).toBe(0)
    const whole = JSON.parse(cli(dir, '.', '--format', 'json', '--baseline', baseline).out) as { baseline: { known: number; fixed: number } }
    expect(whole.baseline.known).toBeGreaterThan(0)
    expect(whole.baseline.fixed).toBeGreaterThan(0)
    unionEqualsWhole(dir, ['--baseline', baseline])
    const refused = cli(dir, '.', '--shard', '1/2', '--write-baseline', baseline)
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('run it without --shard')
  })

  test('the shard of a file is fixed and the shares are balanced', () => {
    const files = Array.from({ length: 4000 }, (_, i) => `teams/t${i % 40}/svc-${i}/Dockerfile`)
    const sizes = [0, 0, 0, 0]
    for (const f of files) sizes[shardOf(f, 4) - 1]!++
    for (const s of sizes) expect(s).toBeGreaterThan(800)
    expect(shardOf('a/Dockerfile', 4)).toBe(shardOf('a/Dockerfile', 4))
  })

  test('bad --shard values and incomplete merges are usage errors', () => {
    expect(() => parseShard('0/4')).toThrow(/--shard must be i\/n/)
    expect(() => parseShard('5/4')).toThrow(/--shard must be i\/n/)
    expect(() => parseShard('x')).toThrow(/--shard must be i\/n/)
    expect(cli(repo, 'examples', '--shard', '3/2').code).toBe(2)
    const ex = path.join(repo, 'examples')
    const a = path.join(tmp, 'a.json')
    writeFileSync(a, cli(ex, '.', '--format', 'json', '--shard', '1/2').out)
    const missing = cli(ex, 'merge', a)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('missing shard report(s): 2/2')
    const twice = cli(ex, 'merge', a, a)
    expect(twice.err).toContain('given twice')
    const plain = path.join(tmp, 'plain.json')
    writeFileSync(plain, cli(ex, '.', '--format', 'json').out)
    expect(cli(ex, 'merge', plain).err).toContain('is not a shard report')
    expect(readFileSync(plain, 'utf8')).not.toContain('"shard"')
  })
})
