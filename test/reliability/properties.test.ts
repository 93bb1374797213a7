/**
 * Property-based tests of the whole pipeline (discovery → loader → parsers → linker → rules → reporters → CLI):
 * random bytes and random structured documents never make isolint throw, exit with 3, or write an invalid report;
 * every finding has a position inside its file.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import {
  NAMES,
  composeText,
  dockerfileText,
  encodeAs,
  junk,
  manifestText,
  mutate,
  mutation,
  workflowText,
} from './generators.js'
import { fuzzTimeout, runs } from '../harness/fuzz.js'
import { checkRun, cli, parseJsonReport, removeTemps, sarifProblems, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

const base = tempDir()
let counter = 0
/** A fresh folder for one generated case, removed after it. */
function withTree<T>(files: Record<string, Uint8Array | string>, body: (root: string) => T): T {
  const root = path.join(base, String(counter++))
  mkdirSync(root)
  try {
    writeTree(root, files)
    return body(root)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

const allNames = [...NAMES.dockerfile, ...NAMES.compose, ...NAMES.workflow, ...NAMES.other]
const encoding = fc.constantFrom<'utf8' | 'utf8bom' | 'utf16le' | 'utf16be'>('utf8', 'utf8', 'utf8', 'utf8bom', 'utf16le', 'utf16be')

/** Rule ids and skip reasons seen over all generated cases: shows the generators reach the rules. */
const seenRules = new Set<string>()
const seenSkips = new Set<string>()

/** Asserts the run's properties (fast-check reports the shrunk counterexample). */
function expectGoodRun(root: string, paths: readonly string[] = [], extra: readonly string[] = []): void {
  const { run, problems } = checkRun(root, paths, extra)
  expect(problems).toEqual([])
  for (const f of run!.json.findings) seenRules.add(f.ruleId)
  for (const s of run!.json.skipped) seenSkips.add(s.reason.replace(/\(.*|\d.*/, ''))
}

describe('random bytes', () => {
  test('any bytes in any discovered file: exit 0 or 1, valid JSON and SARIF, positions inside files', () => {
    const file = fc.tuple(fc.constantFrom(...allNames), fc.uint8Array({ maxLength: 3000 }))
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), (files) => {
        withTree(Object.fromEntries(files), (root) => expectGoodRun(root))
      }),
      { numRuns: runs(150) },
    )
  }, fuzzTimeout(60_000))

  test('any text (also lone surrogates, controls, bidi) in any encoding, named explicitly', () => {
    const file = fc.tuple(fc.constantFrom(...allNames), fc.string({ unit: 'binary', maxLength: 400 }), encoding)
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), (files) => {
        const tree = Object.fromEntries(files.map(([name, text, enc]) => [name, encodeAs(text, enc)]))
        withTree(tree, (root) => expectGoodRun(root, Object.keys(tree)))
      }),
      { numRuns: runs(100) },
    )
  }, fuzzTimeout(60_000))
})

describe('random structured documents', () => {
  const doc = fc.oneof(
    fc.tuple(fc.constantFrom(...NAMES.dockerfile), dockerfileText),
    fc.tuple(fc.constantFrom(...NAMES.compose), composeText),
    fc.tuple(fc.constantFrom(...NAMES.workflow), workflowText),
    fc.tuple(fc.constantFrom(...NAMES.other), manifestText),
  )

  test('Dockerfiles, Compose files, workflows and manifests together: the run properties hold', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), fc.boolean(), (docs, explicit) => {
        const tree = Object.fromEntries(docs)
        withTree(tree, (root) => expectGoodRun(root, explicit ? Object.keys(tree) : [], ['--runner', 'windows-2022']))
      }),
      { numRuns: runs(250) },
    )
    // Not vacuous: the generated documents reach the rules (also the cross-file ones), not only parse-error.
    expect([...seenRules].sort()).toEqual(
      expect.arrayContaining([
        'image-newer-than-host',
        'invalid-isolation-value',
        'parse-error',
        'process-isolation-build-mismatch',
        'production-requires-hyperv',
        'retired-runner-label',
        'windows-image-missing-tag',
      ]),
    )
  }, fuzzTimeout(60_000))

  test('the same documents re-encoded and mutated (truncation, byte flips, line shuffles, insertions)', () => {
    const mutated = fc.tuple(doc, encoding, fc.array(mutation, { maxLength: 3 }))
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 4 }), (docs) => {
        const tree = Object.fromEntries(
          docs.map(([[name, text], enc, ms]) => [name, ms.reduce((b, m) => mutate(b, m), encodeAs(text, enc))]),
        )
        withTree(tree, (root) => expectGoodRun(root))
      }),
      { numRuns: runs(200) },
    )
  }, fuzzTimeout(60_000))
})

describe('random command lines', () => {
  const value = fc.oneof(junk, fc.constantFrom('-1', '0', '1', '1e99', '99999999999999999999', '0x10', '1.5', '', 'json', 'sarif', 'error', 'none'))
  const arg = fc.oneof(
    fc.tuple(fc.constantFrom('--format', '--fail-on', '--max-file-size', '--runner', '--environment'), value).map(([f, v]) => [f, v]),
    fc.tuple(fc.constantFrom('--format', '--fail-on'), fc.constantFrom('json', 'sarif', 'text', 'warning', 'note')).map(([f, v]) => [f, v]),
    fc.constantFrom(['--bogus'], ['-x'], ['--no-color'], ['--max-file-size'], ['../outside'], ['missing/path'], ['Dockerfile'], ['.'], ['--runner', 'windows-2019']),
  )

  test('exit 0, 1 or 2; exit 2 says why on stderr and writes nothing, else the report is valid', () => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 5 }), (args) => {
        withTree({ 'a/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo\n', 'a/compose.yaml': 'services:\n  web:\n    image: ${X}\n' }, (root) => {
          const output = path.join(root, 'out', 'report')
          mkdirSync(path.dirname(output))
          const argv = [...args.flat(), '--root', root, '--output', output]
          const r = cli(path.join(root, 'a'), ...argv)
          expect([0, 1, 2]).toContain(r.code)
          expect(r.out).toBe('')
          if (r.code === 2) {
            expect(r.err).toMatch(/^isolint: \S[^]*\nRun 'isolint --help' for usage\.\n$/)
            expect(r.err).not.toMatch(/internal error|\n\s+at /)
            expect(existsSync(output)).toBe(false)
            return
          }
          expect(r.err).toBe('')
          const text = readFileSync(output, 'utf8')
          const format = [...argv].reverse().find((_, i, rev) => rev[i + 1] === '--format')
          if (format === 'json') parseJsonReport(text)
          else if (format === 'sarif') expect(sarifProblems(text)).toEqual([])
          else expect(text).toMatch(/(No problems found|problems? \()/)
        })
      }),
      { numRuns: runs(150) },
    )
  }, fuzzTimeout(60_000))
})
