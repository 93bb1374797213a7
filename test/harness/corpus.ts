/**
 * The shared corpus (../shared/corpus next to the repository), read in place and never copied into the project.
 * Only this team's machines have it: on any other clone (a user's, GitHub's CI) every corpus test is skipped, and the
 * run says so. Every corpus read in the suite goes through this module, so collecting a test file never throws
 * ENOENT when the corpus is missing.
 *
 * ISOLINT_CORPUS=<folder> points at another copy; ISOLINT_CORPUS=/nonexistent runs the suite as a clone without the
 * corpus would (test/any-clone.test.ts does exactly that).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe } from 'vitest'

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The corpus folder: ISOLINT_CORPUS when set, else ../shared/corpus beside the project. */
export const CORPUS_DIR = process.env.ISOLINT_CORPUS
  ? path.resolve(PROJECT_ROOT, process.env.ISOLINT_CORPUS)
  : path.resolve(PROJECT_ROOT, '../shared/corpus')

/** Whether the corpus is there (its MANIFEST.tsv exists). */
export const CORPUS_PRESENT = existsSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'))

/** Why corpus tests are skipped, or undefined when they run. */
export const CORPUS_SKIP_REASON = CORPUS_PRESENT
  ? undefined
  : `no corpus at ${CORPUS_DIR} (MANIFEST.tsv not found); it exists only next to this team's clones`

/** Appended to the name of every corpus suite; the reporter and .ci/run count skipped tests by it. */
export const CORPUS_TAG = '[corpus]'

/** One row of MANIFEST.tsv. */
export interface CorpusEntry {
  /** Path inside the corpus folder (`files/owner__repo/a__b__Dockerfile`). */
  readonly local: string
  /** `owner/repo`. */
  readonly repo: string
  /** The file's path in its repository. */
  readonly path: string
  /** `dockerfile`, `compose`, `gha-workflow`, ... */
  readonly kind: string
}

let cached: CorpusEntry[] | undefined

/** The manifest's rows; empty when the corpus is missing. */
export function corpusEntries(): readonly CorpusEntry[] {
  if (!CORPUS_PRESENT) return []
  cached ??= readFileSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [local, repo, p, , kind] = line.split('\t')
      return { local: local!, repo: repo!, path: p!, kind: kind ?? '' }
    })
  return cached
}

/** The absolute path of a corpus file (`files/...`). */
export function corpusPath(local: string): string {
  return path.join(CORPUS_DIR, local)
}

/** A corpus file's text. Call it only inside a corpus suite's tests (it throws when the corpus is missing). */
export function readCorpus(local: string): string {
  return readFileSync(corpusPath(local), 'utf8')
}

/** A corpus file's bytes. Call it only inside a corpus suite's tests. */
export function readCorpusBytes(local: string): Buffer {
  return readFileSync(corpusPath(local))
}

/**
 * Copies one repository's current files (not its `@ref` versions) to their original paths under `dir`, for the
 * cross-file cases (the corpus stores files flat). `only` filters by the file's path in its repository. Call it
 * only inside a corpus suite's tests. Returns `dir`.
 */
export function layoutRepo(repo: string, dir: string, only?: (p: string) => boolean): string {
  for (const e of corpusEntries()) {
    if (e.repo !== repo || e.local.includes('@') || (only && !only(e.path))) continue
    const target = path.join(dir, e.path)
    mkdirSync(path.dirname(target), { recursive: true })
    copyFileSync(corpusPath(e.local), target)
  }
  return dir
}

/**
 * A suite that needs the corpus: skipped, and named with CORPUS_TAG, when the corpus is missing. Its body is still
 * collected, so it must read corpus files only inside tests, or through corpusEntries() (empty without the corpus).
 */
export function describeCorpus(name: string, body: () => void): void {
  describe.skipIf(!CORPUS_PRESENT)(`${name} ${CORPUS_TAG}`, body)
}
