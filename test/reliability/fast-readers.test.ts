/**
 * The one-pass readers end to end: every report is the same whether isolint reads YAML and Dockerfiles with its
 * one-pass readers or with `yaml` and `dockerfile-ast` alone (the readers' fallback; `dockerfile-ast` as BuildKit reads
 * a line ending in an escaped escape character, see dockerfile-reader.test.ts), on the examples, a benchmark
 * repository, every repository of ../shared/corpus (read in place; skipped visibly when absent) and small line edits
 * of each. The parser tests compare the trees; this compares what users see, models, links and findings included.
 */
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { monorepo } from '../../bench/corpus.mjs'
import { corpusEntries, type CorpusEntry, describeCorpus, readCorpusBytes } from '../harness/corpus.js'
import { DOCKERFILE_PIECES, mutateLines, YAML_PIECES } from '../harness/line-mutations.js'
import { fuzzTimeout, runs } from '../harness/fuzz.js'
import { PROJECT_ROOT, cli, removeTemps, tempDir, writeTree } from './helpers.js'

/** Which readers the run uses, and how many files the one-pass readers read themselves. */
const mode = vi.hoisted(() => ({ slow: false, fastYaml: 0, fastDockerfiles: 0 }))

vi.mock('../../src/parsers/yaml-fast.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parsers/yaml-fast.js')>()
  return {
    ...real,
    readYamlFastStream: (text: string, many: boolean) => {
      if (mode.slow) return undefined
      const read = real.readYamlFastStream(text, many)
      if (read) mode.fastYaml++
      return read
    },
  }
})

vi.mock('../../src/parsers/dockerfile-reader.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parsers/dockerfile-reader.js')>()
  return {
    ...real,
    // readInstructions' own fallback (readDockerfile, else dockerfile-ast with BuildKit's rule for a line ending in an
    // escaped escape character) spelled out, to count the fast reads: its call to readDockerfile is inside the module,
    // where a mock of that export would not reach.
    readInstructions: (src: string) => {
      if (mode.slow) return real.readWithDockerfileAstLikeBuildKit(src)
      const read = real.readDockerfile(src)
      if (read) mode.fastDockerfiles++
      return read ?? real.readWithDockerfileAstLikeBuildKit(src)
    },
  }
})

afterAll(removeTemps)

/** The JSON report and exit code of a run on `root`, with the one-pass readers or without. */
function report(root: string, slow: boolean): { code: number; out: string; err: string } {
  mode.slow = slow
  try {
    return cli(root, '--root', root, '--format', 'json', '--runner', 'windows-2022')
  } finally {
    mode.slow = false
  }
}

/** Both ways on `root`: the same report, byte for byte. */
function sameReport(root: string, name: string): void {
  const fast = report(root, false)
  const slow = report(root, true)
  expect(fast.err, name).toBe(slow.err)
  expect(fast.code, name).toBe(slow.code)
  expect(fast.out, name).toBe(slow.out)
}

/**
 * Runs `check`, then holds the agreement it asserted not vacuous: the one-pass readers read some YAML and some
 * Dockerfiles themselves on the way (rather than leaving every file to the libraries).
 */
function readingFast(check: () => void): void {
  const before = { ...mode }
  check()
  expect(mode.fastYaml).toBeGreaterThan(before.fastYaml)
  expect(mode.fastDockerfiles).toBeGreaterThan(before.fastDockerfiles)
}

/** Pieces of either format that line edits put at the start or end of a line, and two the rules read. */
const PIECES = [...YAML_PIECES, ...DOCKERFILE_PIECES, 'windows-2025', 'ltsc2019']

describe('reports with the one-pass readers = reports with yaml and dockerfile-ast', () => {
  test('the examples', () => {
    readingFast(() => sameReport(path.join(PROJECT_ROOT, 'examples'), 'examples'))
  })

  test('a benchmark repository, and line edits of its files', () => {
    const files = monorepo({ dockerfiles: 20, seed: 4 })
    const root = tempDir()
    writeTree(root, Object.fromEntries(files.map((f) => [f.path, f.text])))
    readingFast(() => sameReport(root, 'benchmark repository'))
    readingFast(() =>
      fc.assert(
        fc.property(fc.nat(), (seed) => {
          const mutant = tempDir()
          writeTree(mutant, Object.fromEntries(files.map((f, i) => [f.path, mutateLines(f.text, seed + i, PIECES, 2)])))
          sameReport(mutant, `benchmark mutant ${seed}`)
        }),
        { numRuns: runs(15), seed: 21 },
      ),
    )
  }, fuzzTimeout(60_000))
})

const entries: CorpusEntry[] = corpusEntries().filter((e) => !e.local.includes('@'))
const repos = [...new Set(entries.map((e) => e.repo))].sort()
const bytes = new Map<string, string>()

describeCorpus('reports with the one-pass readers = reports with the libraries, on the corpus', () => {
  beforeAll(() => {
    for (const e of entries) bytes.set(e.local, readCorpusBytes(e.local).toString('utf8'))
  })

  test('every repository of the corpus, at its original paths', () => {
    expect(repos.length).toBeGreaterThan(20)
    readingFast(() => {
      for (const repo of repos) {
        const root = tempDir()
        writeTree(root, Object.fromEntries(entries.filter((e) => e.repo === repo).map((e) => [e.path, bytes.get(e.local)!])))
        sameReport(root, repo)
      }
    })
  }, 120_000)

  test('line edits of the files of one repository', () => {
    readingFast(() =>
      fc.assert(
        fc.property(fc.constantFrom(...repos), fc.nat(), (repo, seed) => {
          const root = tempDir()
          const files = entries.filter((e) => e.repo === repo)
          writeTree(root, Object.fromEntries(files.map((e, i) => [e.path, mutateLines(bytes.get(e.local)!, seed + i, PIECES, 2)])))
          sameReport(root, `${repo} mutant ${seed}`)
        }),
        { numRuns: runs(40), seed: 22 },
      ),
    )
  }, fuzzTimeout(120_000))
})
