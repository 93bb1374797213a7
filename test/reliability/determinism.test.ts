/**
 * Deterministic output: the same tree gives byte-identical JSON, SARIF and text, wherever it lies and in whatever
 * order its files were created; no timestamps, no absolute paths, no dependence on the run.
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { corpusEntries, describeCorpus, readCorpusBytes } from '../harness/corpus.js'
import { NAMES, composeText, dockerfileText, workflowText } from './generators.js'
import { runs } from '../harness/fuzz.js'
import { PROJECT_ROOT, cli, parseJsonReport, removeTemps, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

/** The three reports of a tree, with the same flags. */
function reports(root: string, ...flags: string[]): string[] {
  return ['json', 'sarif', 'text'].map((format) => cli(root, '--root', root, '--format', format, '--fail-on', 'none', ...flags).out)
}

/** Every file under `dir` (POSIX relative path → bytes). */
function snapshot(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {}
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const p = rel ? `${rel}/${name}` : name
      if (statSync(path.join(dir, p)).isDirectory()) walk(p)
      else out[p] = readFileSync(path.join(dir, p))
    }
  }
  walk('')
  return out
}

/** Writes the files in the given order (later files first when `reverse`), to a new folder. */
function layout(files: Record<string, string | Uint8Array>, reverse: boolean): string {
  const dir = tempDir()
  const entries = Object.entries(files)
  for (const [p, c] of reverse ? entries.reverse() : entries) writeTree(dir, { [p]: c })
  return dir
}

describe('deterministic output', () => {
  test('the examples repository: byte-identical reports from two copies made in opposite orders', () => {
    const files = snapshot(path.join(PROJECT_ROOT, 'examples'))
    const a = layout(files, false)
    const b = layout(files, true)
    const first = reports(a, '--runner', 'windows-2022')
    expect(reports(a, '--runner', 'windows-2022')).toEqual(first) // the same tree twice
    expect(reports(b, '--runner', 'windows-2022')).toEqual(first) // another place, another creation order
    const [json, sarif] = first
    expect(parseJsonReport(json!).findings.length).toBeGreaterThan(3)
    for (const text of first) {
      expect(text).not.toContain(a)
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/) // no timestamps
    }
    expect(sarif).not.toMatch(/"(startTimeUtc|endTimeUtc|timeUtc)"/)
  })

  test('random trees: byte-identical reports from two copies made in opposite orders', () => {
    const doc = fc.oneof(
      fc.tuple(fc.constantFrom(...NAMES.dockerfile), dockerfileText),
      fc.tuple(fc.constantFrom(...NAMES.compose), composeText),
      fc.tuple(fc.constantFrom(...NAMES.workflow), workflowText),
    )
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (docs) => {
        const files = Object.fromEntries(docs)
        expect(reports(layout(files, true))).toEqual(reports(layout(files, false)))
      }),
      { numRuns: runs(60) },
    )
  })
})

describeCorpus('deterministic output', () => {
  test('the corpus, laid out repository by repository: byte-identical reports from two copies', () => {
    const files: Record<string, Buffer> = {}
    for (const { local, repo, path: p } of corpusEntries()) {
      if (!local.includes('@')) files[`${repo}/${p}`] = readCorpusBytes(local)
    }
    const a = layout(files, false)
    const b = tempDir()
    cpSync(a, b, { recursive: true })
    const first = reports(a, '--runner', 'windows-2022')
    expect(parseJsonReport(first[0]!).findings.length).toBeGreaterThan(20)
    expect(reports(b, '--runner', 'windows-2022')).toEqual(first)
  })
})
