/**
 * The lines of a pull request a review comment may point at. GitHub rejects the whole review (422) when one
 * comment is outside the diff, so comments go only to RIGHT-side lines of a hunk: added lines and the context
 * lines around them. Pure.
 */
import type { PullFile } from './api.js'

/** The RIGHT-side (new file) lines of one file's patch. */
export interface FileDiff {
  /** Every new-file line shown in a hunk (added or context): review comments may go there. */
  readonly commentable: ReadonlySet<number>
  /** Lines added or changed by the pull request. */
  readonly added: ReadonlySet<number>
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/

/**
 * Parses a unified diff patch as `pulls.listFiles` returns it (hunks only, no file header). Lines outside hunks,
 * `\ No newline at end of file` markers and unparsable text are ignored; hunk lengths bound each hunk.
 */
export function parsePatch(patch: string): FileDiff {
  const commentable = new Set<number>()
  const added = new Set<number>()
  let line = 0
  let remaining = 0
  for (const raw of patch.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const hunk = HUNK.exec(text)
    if (hunk) {
      line = Number(hunk[1])
      remaining = hunk[2] === undefined ? 1 : Number(hunk[2])
      continue
    }
    if (remaining <= 0) continue
    const mark = text.charAt(0)
    if (mark === '+') {
      commentable.add(line)
      added.add(line)
      line++
      remaining--
    } else if (mark === ' ' || text === '') {
      // An empty line inside a hunk is a context line whose leading space was stripped by some tools.
      commentable.add(line)
      line++
      remaining--
    }
    // '-' lines exist only on the LEFT side; '\' is the no-newline marker.
  }
  return { commentable, added }
}

/** The diff of a pull request: its files (new names) and, per file, the lines a comment may point at. */
export interface PullDiff {
  /** Files added, changed or renamed (not removed), as repository paths. */
  readonly changed: ReadonlySet<string>
  readonly files: ReadonlyMap<string, FileDiff>
}

/** Builds the diff from `pulls.listFiles`. A file without `patch` (binary, too large) is changed but uncommentable. */
export function pullDiff(files: readonly PullFile[]): PullDiff {
  const changed = new Set<string>()
  const map = new Map<string, FileDiff>()
  for (const f of files) {
    if (f.status === 'removed') continue
    changed.add(f.filename)
    map.set(f.filename, f.patch !== undefined ? parsePatch(f.patch) : { commentable: new Set(), added: new Set() })
  }
  return { changed, files: map }
}

/** 2 when the line is in a hunk of the diff, 1 when only its file changed, 0 otherwise. */
export function diffRank(diff: PullDiff | undefined, file: string, line: number): 2 | 1 | 0 {
  if (!diff || !diff.changed.has(file)) return 0
  return diff.files.get(file)?.commentable.has(line) ? 2 : 1
}
