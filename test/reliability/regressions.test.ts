/**
 * Regression tests, one per bug the reliability suite found, at the level of the fix (see docs/security.md for
 * the promises they keep).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { UsageError } from '../../src/core/errors.js'
import { LineIndex } from '../../src/core/span.js'
import { lint } from '../../src/lint.js'
import { parseCompose } from '../../src/parsers/compose.js'
import { githubEnvWrites } from '../../src/parsers/github-env.js'
import { parseWorkflow } from '../../src/parsers/workflow.js'
import { parseYaml, tooDeepAt, YAML_LIMITS } from '../../src/parsers/yaml-located.js'
import { discover } from '../../src/project/discover.js'
import { MAX_PROBLEMS_PER_FILE, readBounded } from '../../src/project/load.js'
import { removeTemps, tempDir, writeTree, POSIX } from './helpers.js'

afterAll(removeTemps)

const PROC = existsSync('/proc/self/status')

describe('LineIndex: an offset between CR and LF', () => {
  test('is the end of its line, not a column past it', () => {
    const lines = new LineIndex('a: \r\nb\r\n')
    expect(lines.position(3)).toEqual({ line: 1, column: 4 }) // before \r
    expect(lines.position(4)).toEqual({ line: 1, column: 4 }) // between \r and \n: was column 5
    expect(lines.position(5)).toEqual({ line: 2, column: 1 })
    // A YAML error whose range ends between CR and LF (a duplicate merge key) stays inside its line.
    const r = parseCompose('c.yaml', '\nservices:\n  <<:\n    image: \r\n  <<:\n', new Map())
    for (const p of r.problems) expect(p.span.end.column).toBeLessThanOrEqual(new LineIndex('    image: ').lineText(1).length + 1)
  })
})

describe('readBounded: one bounded read for every file', () => {
  test.runIf(PROC)('reads a file that reports size 0 but has content (/proc), up to the limit', () => {
    const got = readBounded('/proc/self/status', 1024 * 1024)
    expect('bytes' in got && got.bytes.toString('utf8')).toMatch(/^Name:/)
  })

  test.runIf(PROC)('stops past the limit even when the size said otherwise', () => {
    // /proc files say size 0; their content is longer than 10 bytes.
    expect(readBounded('/proc/self/status', 10)).toEqual({
      skip: 'larger than the 10 bytes limit (its size changed while it was read)',
    })
  })

  // `regular`: the caller saw a regular file there; whatever is there when it is read, the answer is the same.
  for (const regular of [false, true]) {
    test.runIf(POSIX)(`a folder, a pipe and a missing file are skip reasons, never a throw or a wait (regular: ${regular})`, () => {
      const dir = tempDir()
      execFileSync('mkfifo', [path.join(dir, 'pipe')])
      expect(readBounded(dir, 100, regular)).toEqual({ skip: 'not a regular file (a folder)' })
      expect(readBounded(path.join(dir, 'pipe'), 100, regular)).toEqual({ skip: 'not a regular file (a named pipe)' })
      expect(readBounded(path.join(dir, 'missing'), 100, regular)).toEqual({ skip: 'cannot read: ENOENT' })
    })

    test(`files around the size of the shared read buffer read whole, each read by itself (regular: ${regular})`, () => {
      const dir = tempDir()
      for (const size of [64 * 1024 + 1, 64 * 1024, 64 * 1024 - 1, 3, 0]) {
        const bytes = Buffer.alloc(size, size % 251)
        writeFileSync(path.join(dir, 'f'), bytes)
        const got = readBounded(path.join(dir, 'f'), 1024 * 1024, regular)
        expect('bytes' in got && Buffer.compare(got.bytes, bytes), `${size} bytes`).toBe(0)
      }
    })

    test(`the size in the reason is exact when rounding would show the limit (regular: ${regular})`, () => {
      const dir = tempDir()
      writeFileSync(path.join(dir, 'f'), Buffer.alloc(2 * 1024 * 1024 + 10))
      expect(readBounded(path.join(dir, 'f'), 2 * 1024 * 1024, regular)).toEqual({ skip: 'larger than the 2.0 MB limit (2097162 bytes)' })
    })

    test(`a small limit: files at, under and over it (regular: ${regular})`, () => {
      const dir = tempDir()
      for (const size of [9, 10]) {
        writeFileSync(path.join(dir, 'f'), Buffer.alloc(size, 0x61))
        expect(readBounded(path.join(dir, 'f'), 10, regular)).toEqual({ bytes: Buffer.alloc(size, 0x61) })
      }
      writeFileSync(path.join(dir, 'f'), Buffer.alloc(11, 0x61))
      expect(readBounded(path.join(dir, 'f'), 10, regular)).toEqual({ skip: 'larger than the 10 bytes limit (11 bytes)' })
    })
  }
})

describe('YAML: bounded work', () => {
  test('duplicate keys are found in linear time (yaml compares every key with all earlier ones)', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: v`).join('\n')
    const started = Date.now()
    expect(parseYaml('a.yml', `m:\n${keys}\n`).problems).toEqual([])
    expect(Date.now() - started).toBeLessThan(8_000) // was about 20 s
    const dup = parseYaml('a.yml', 'm:\n  a: 1\n  b: {x: 1, x: 2}\n  a: 3\n')
    expect(dup.problems.map((p) => [p.message, p.span.start.line, p.span.start.column])).toEqual([
      ['Map keys must be unique', 3, 13],
      ['Map keys must be unique', 4, 3],
    ])
  })

  test('nesting deeper than the limit is refused before the document is built, at the place it happens', () => {
    const limit = YAML_LIMITS.maxDepth
    const flow = (n: number): string => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`
    expect(tooDeepAt(flow(limit - 1), limit)).toBeUndefined() // `a:` is one level
    expect(tooDeepAt(flow(limit), limit)).toBe(3 + limit - 1)
    const block = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n'
    expect(tooDeepAt(block(limit), limit)).toBeUndefined()
    expect(tooDeepAt(block(limit + 1), limit)).toBe(block(limit + 1).indexOf(`k${limit}:`)) // the key one level too deep
    expect(tooDeepAt(`a:\n${'- '.repeat(limit + 1)}x\n`, limit)).toBe(3 + 2 * limit) // the last `- ` (`a:` is one level)
    // Brackets and indentation inside strings, comments and block scalars are not structure.
    const text = [
      `a: "${'['.repeat(500)}"`,
      `b: '${'{'.repeat(500)}'`,
      `# ${'['.repeat(500)}`,
      'c: |',
      ...Array.from({ length: 200 }, (_, i) => `  ${' '.repeat(i)}- ${'['.repeat(i)}`),
      'd: x',
      '',
    ].join('\n')
    expect(tooDeepAt(text, limit)).toBeUndefined()
    expect(parseYaml('a.yml', text).problems).toEqual([])
  })

  test('a workflow nested too deeply says so (it said "Maximum call stack size exceeded")', () => {
    const r = parseWorkflow('w.yml', `on: push\njobs:\n  a: ${'{b: '.repeat(2_000)}1${'}'.repeat(2_000)}\n`)
    expect(r.problems.map((p) => [p.message, p.span.start.line])).toEqual([['YAML nested too deeply', 3]])
  })

  test('errors are collected without stack traces, and the setting is restored', () => {
    const before = Error.stackTraceLimit
    const started = Date.now()
    const r = parseYaml('a.yml', `a: ${']'.repeat(200_000)}\n`)
    expect(r.problems.length).toBeGreaterThan(1000)
    expect(Date.now() - started).toBeLessThan(8_000)
    expect(Error.stackTraceLimit).toBe(before)
  })
})

describe('the loader', () => {
  test(`keeps the first ${MAX_PROBLEMS_PER_FILE} problems of a file`, () => {
    const root = tempDir()
    writeTree(root, { Dockerfile: `${'ENV a=b\n'.repeat(1_000)}FROM mcr.microsoft.com/windows/servercore:ltsc2022\n` })
    const r = lint({ root })
    expect(r.findings.map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(
      Array.from({ length: MAX_PROBLEMS_PER_FILE }, (_, i) => `${i + 1} parse-error`),
    )
  })

  test('refuses a size limit above 256 MiB or not a whole number (the action and the CLI share it)', () => {
    const root = tempDir()
    for (const maxFileSize of [0, -1, 1.5, Number.NaN, 2 ** 40]) {
      expect(() => lint({ root, maxFileSize }), String(maxFileSize)).toThrow(UsageError)
    }
  })
})

describe('discovery', () => {
  test('a missing root or a root that is a file is a usage error, not an internal one', () => {
    const dir = tempDir()
    writeTree(dir, { f: '' })
    expect(() => discover(path.join(dir, 'nope'), [])).toThrow(new UsageError(`root folder not found: ${path.join(dir, 'nope')}`))
    expect(() => discover(path.join(dir, 'f'), [])).toThrow(new UsageError(`the root is not a folder: ${path.join(dir, 'f')}`))
  })
})

describe('GITHUB_ENV: long pipelines', () => {
  // `… | cat | cat …` and `… | tee x | …` were read by recursion, one frame per program: 'Maximum call stack size
  // exceeded' made the whole workflow a parse-error, and every finding of the file was lost.
  test.each([
    ['| cat', 'echo A=1' + ' | cat'.repeat(30_000) + ' >> $GITHUB_ENV'],
    ['| tee x', 'echo A=1' + ' | tee x'.repeat(30_000) + ' | tee -a "$GITHUB_ENV"'],
    ['| tee -a $GITHUB_ENV', 'echo A=1' + ' | tee -a $GITHUB_ENV'.repeat(30_000)],
  ])('a write at the end of 30,000 %s is read', (_, script) => {
    expect(githubEnvWrites(script, 'posix')).toEqual({ names: ['A'], all: false })
    const workflow = `on: push\njobs:\n  a:\n    runs-on: windows-2022\n    steps:\n      - shell: bash\n        run: ${script}\n`
    expect(parseWorkflow('w.yml', workflow).problems).toEqual([])
  })
})
