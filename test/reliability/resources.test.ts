/**
 * Resources: the alias bomb, deep nesting, an error on every byte, and the 50 MB file finish in bounded time and
 * memory. Each runs the CLI (the sources, compiled to a temporary folder with the project's TypeScript) in a child
 * process, so that its peak memory is measured alone. The bounds are loose on purpose (10 s, 500 MB; a run takes a
 * fraction of that), so that they cannot flake on a slow runner and still catch a file read whole or an expansion.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseJsonReport, PROJECT_ROOT, removeTemps, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

let cliPath = ''
let runner = ''

/** Compiles src/ to plain ESM in a temporary folder next to a copy of rules/ and a link to node_modules. */
function compileCli(): string {
  const out = tempDir('isolint-build-')
  const compile = (rel: string): void => {
    for (const name of readdirSync(path.join(PROJECT_ROOT, rel))) {
      const src = path.join(rel, name)
      if (statSync(path.join(PROJECT_ROOT, src)).isDirectory()) compile(src)
      else if (name.endsWith('.ts')) {
        const js = ts.transpileModule(readFileSync(path.join(PROJECT_ROOT, src), 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
        }).outputText
        mkdirSync(path.join(out, rel), { recursive: true })
        writeFileSync(path.join(out, src.replace(/\.ts$/, '.js')), js)
      }
    }
  }
  compile('src')
  cpSync(path.join(PROJECT_ROOT, 'rules'), path.join(out, 'rules'), { recursive: true })
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(out, 'node_modules'))
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n')
  return path.join(out, 'src', 'cli', 'main.js')
}

beforeAll(() => {
  cliPath = compileCli()
  // Runs main() and prints its exit code, the time it took and the peak memory of the process on fd 3.
  runner = path.join(path.dirname(cliPath), 'measure.mjs')
  writeFileSync(
    runner,
    [
      "import { writeSync } from 'node:fs'",
      "import { main } from './main.js'",
      'const started = performance.now()',
      'const io = { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }',
      'const code = main(process.argv.slice(2), { ...io, color: false })',
      'const ms = performance.now() - started',
      "writeSync(3, JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }))",
      '',
    ].join('\n'),
  )
}, 60_000)

interface Measured {
  readonly code: number
  readonly ms: number
  readonly maxRssMb: number
  readonly stdout: string
  readonly stderr: string
}

function measure(cwd: string, ...argv: string[]): Measured {
  const r = spawnSync(process.execPath, [runner, ...argv], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  })
  expect(r.error, 'the child process ended').toBeUndefined()
  const m = JSON.parse((r.output[3] as string | null) ?? '{}') as { code: number; ms: number; maxRssMb: number }
  return { ...m, stdout: r.stdout, stderr: r.stderr }
}

const SECONDS_10 = 10_000
const MB_500 = 500

describe('bounded time and memory', () => {
  test('the 50 MB file: skipped with a note before it is read, in well under 10 s and 500 MB', () => {
    const root = tempDir()
    // Generated once: 50 MB of a plausible Dockerfile, so that reading it would mean parsing it.
    const line = 'RUN powershell -Command Write-Host hello world from a very long dockerfile line\n'
    const big = Buffer.alloc(50 * 1024 * 1024, line)
    big.write('FROM mcr.microsoft.com/windows/servercore\n')
    writeFileSync(path.join(root, 'Dockerfile'), big)
    writeTree(root, { 'small/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n' })
    const m = measure(root, '--format', 'json')
    expect(m.stderr).toBe('')
    expect(m.code).toBe(1)
    const report = parseJsonReport(m.stdout)
    expect(report.skipped).toEqual([{ file: 'Dockerfile', reason: 'larger than the 2.0 MB limit (50.0 MB)' }])
    expect(report.findings.map((f) => f.file)).toEqual(['small/Dockerfile'])
    expect(m.ms).toBeLessThan(SECONDS_10)
    // Reading it would take 50 MB of buffer and 100 MB of string at least; node itself needs about 60 MB.
    expect(m.maxRssMb).toBeLessThan(200)
  })

  test('20,000 GITHUB_ENV writes in one step, 2,000 job variables, 200 steps after it: read in under 10 s and 500 MB', () => {
    // Each later step sees the job's variables with those written unknown: linear, not variables x writes per step.
    const lines = ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', '    env:']
    for (let i = 0; i < 2_000; i++) lines.push(`      V${i}: x`)
    lines.push('    steps:', '      - run: |')
    for (let i = 0; i < 20_000; i++) lines.push(`          echo "W${i}=1" >> $env:GITHUB_ENV`)
    for (let i = 0; i < 200; i++) lines.push('      - run: docker run mcr.microsoft.com/windows/servercore:ltsc2022 cmd')
    lines.push('      - run: docker run mcr.microsoft.com/windows/servercore:ltsc2019 cmd', '')
    const root = tempDir()
    writeTree(root, { '.github/workflows/ci.yml': lines.join('\n') })
    const m = measure(root, '--format', 'json')
    expect(m.stderr).toBe('')
    expect(parseJsonReport(m.stdout).findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual([`process-isolation-build-mismatch:${lines.length - 1}`])
    expect(m.ms).toBeLessThan(SECONDS_10)
    expect(m.maxRssMb).toBeLessThan(MB_500)
  })

  test.each([
    [
      'billion laughs in a Compose file',
      'compose.yaml',
      (() => {
        const l = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        const names = 'abcdefghi'
        for (let i = 1; i < names.length; i++) l.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`)
        return `${l.join('\n')}\nservices:\n  web:\n    <<: *i\n    build:\n      args: *i\n`
      })(),
    ],
    [
      'billion laughs through merge keys in a workflow',
      '.github/workflows/bomb.yml',
      (() => {
        const l = ['a0: &a0 {k: v}']
        for (let i = 1; i <= 12; i++) l.push(`a${i}: &a${i} {<<: [${Array(9).fill(`*a${i - 1}`).join(', ')}]}`)
        return `${l.join('\n')}\non: push\njobs:\n  b:\n    runs-on: windows-2022\n    env: *a12\n    strategy:\n      matrix: *a12\n    steps:\n      - run: docker run img\n`
      })(),
    ],
    ['2 MB of nesting', 'compose.yaml', `services:\n  web: ${'['.repeat(2 * 1024 * 1024 - 100)}\n`],
    ['2 MB of sequence indicators', '.github/workflows/deep.yml', `jobs:\n${'- '.repeat(1024 * 1024 - 100)}\n`],
    ['an error on every line', 'compose.yaml', `services:\n${'\t- x\n'.repeat(100_000)}`],
    ['30,000 services (keys of one mapping)', 'compose.yaml', `services:\n${Array.from({ length: 30_000 }, (_, i) => `  s${i}: {image: x}`).join('\n')}\n`],
  ])('%s: a parse-error finding or none, under 10 s and 500 MB', (name, file, text) => {
    const root = tempDir()
    writeTree(root, { [file]: text })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2 * 1024 * 1024)
    const m = measure(root, '--format', 'json')
    expect(m.stderr).toBe('')
    const report = parseJsonReport(m.stdout)
    const hostile = !name.startsWith('30,000')
    expect(report.findings.map((f) => f.ruleId)).toEqual(hostile ? [expect.stringMatching(/^parse-error$/)] : [])
    // A broken workflow fails its pipeline (error); a broken Compose file no workflow starts is a warning (exit 0).
    expect(m.code).toBe(hostile && file.startsWith('.github/') ? 1 : 0)
    expect(m.ms).toBeLessThan(SECONDS_10)
    expect(m.maxRssMb).toBeLessThan(MB_500)
  })
})
