/**
 * Mutations of the real corpus (../shared/corpus, read in place): truncations, byte flips, line shuffles and
 * hostile insertions of real files, laid out at their original repository paths (so that workflows still reach the
 * Dockerfiles and Compose files they name) in temporary folders. The run properties hold for every mutant.
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { lint } from '../../src/lint.js'
import { mutate, mutation } from './generators.js'
import { corpusEntries, type CorpusEntry, describeCorpus, readCorpusBytes } from '../harness/corpus.js'
import { fuzzTimeout, runs } from '../harness/fuzz.js'
import { checkRun, removeTemps, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

const entries: CorpusEntry[] = corpusEntries()
  // `@ref` names are older versions of the same path; they would overwrite the current file.
  .filter((e) => !e.local.includes('@'))
// Read in place through the harness, once the suite runs (never while the file is collected).
const bytes = new Map<string, Buffer>()
const repos = [...new Set(entries.map((e) => e.repo))].sort()

describeCorpus('corpus mutations', () => {
  let base = ''
  let n = 0
  beforeAll(() => {
    for (const e of entries) bytes.set(e.local, readCorpusBytes(e.local))
    base = tempDir()
  })
  // After every mutation run: the corpus is read in place and must never be written.
  afterAll(() => {
    for (const e of entries) expect(readCorpusBytes(e.local).equals(bytes.get(e.local)!)).toBe(true)
  })

  test('the corpus is there', () => {
    expect(entries.length).toBeGreaterThan(100)
  })

  test('files of one repository, each mutated, at their original paths: the run properties hold', () => {
    const arb = fc.constantFrom(...repos).chain((repo) => {
      const files = entries.filter((e) => e.repo === repo)
      return fc.tuple(
        fc.constant(files),
        fc.array(fc.array(mutation, { maxLength: 3 }), { minLength: files.length, maxLength: files.length }),
      )
    })
    fc.assert(
      fc.property(arb, ([files, mutations]) => {
        const root = path.join(base, String(n++))
        mkdirSync(root)
        try {
          const tree: Record<string, Uint8Array> = {}
          files.forEach((e, i) => {
            tree[e.path] = mutations[i]!.reduce<Uint8Array>((b, m) => mutate(b, m), bytes.get(e.local)!)
          })
          writeTree(root, tree)
          const { problems } = checkRun(root, [], ['--runner', 'windows-2022'])
          expect(problems).toEqual([])
        } finally {
          rmSync(root, { recursive: true, force: true })
        }
      }),
      { numRuns: runs(200) },
    )
  }, fuzzTimeout(60_000))

  test('every corpus file truncated at a line boundary in the middle and cut inside a character', () => {
    const root = tempDir()
    const tree: Record<string, Uint8Array> = {}
    for (const e of entries) {
      const b = bytes.get(e.local)!
      const mid = b.indexOf(0x0a, Math.floor(b.length / 2))
      tree[`lines/${e.path}`] = b.subarray(0, mid < 0 ? b.length : mid + 1)
      // Cut after the first byte of a multi-byte character when there is one, else mid-line.
      const multi = b.findIndex((x) => x >= 0xc0)
      tree[`bytes/${e.path}`] = b.subarray(0, multi >= 0 ? multi + 1 : Math.floor(b.length / 3))
    }
    writeTree(root, tree)
    const { run, problems } = checkRun(root)
    expect(problems).toEqual([])
    // The mutants are linted, not skipped: the same files are read as from the same layout of the intact corpus.
    const whole = tempDir()
    writeTree(whole, Object.fromEntries(Object.keys(tree).map((p) => [p, bytes.get(entries.find((e) => p.endsWith(`/${e.path}`))!.local)!])))
    const intact = lint({ root: whole }).files
    expect(intact.length).toBeGreaterThan(200)
    // Except Kubernetes manifests cut into invalid YAML and pipeline files cut before their first key (issue 9), and a
    // file named like a Dockerfile whose truncated text keeps no instruction (only comments), or whose cut leaves
    // template syntax in a file that no longer parses: those are skipped with a note, never parse errors.
    const mutated = lint({ root })
    const noted = new Set(mutated.skipped.map((s) => s.file))
    const kindOf = (f: string): string | undefined => entries.find((e) => f.endsWith(`/${e.path}`))?.kind
    const dropped = new Set(mutated.skipped.filter((s) => /^(named like a Dockerfile|template)/.test(s.reason)).map((s) => s.file))
    expect(dropped.size).toBeLessThan(entries.length / 10)
    expect(mutated.files).toEqual(intact.filter((f) => !noted.has(f)))
    expect(
      intact.filter((f) => noted.has(f) && !dropped.has(f)).map((f) => kindOf(f)).filter((k) => k !== 'k8s' && k !== 'azure-pipelines'),
    ).toEqual([])
    expect(run!.json.findings.length).toBeGreaterThan(0)
  })
})
