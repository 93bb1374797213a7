/** Helpers shared by the followers of make and scripts: where an invocation stands, and its chain of locations. */
import type { RelatedLocation } from '../core/finding.js'
import { spanAt, type Position, type Span } from '../core/span.js'
import type { Word } from '../model/workflow.js'

/**
 * The span from the first word's start to the last word's end (`words` is not empty). Words written out of order (an
 * Azure task's `arguments` above its `filePath`): from the earliest start to the latest end.
 */
export function spanOfWords(words: readonly Word[]): Span {
  const first = words[0]!.span
  let start = first.start
  let end = words[words.length - 1]!.span.end
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!.span
    if (before(w.start, start)) start = w.start
    if (before(end, w.end)) end = w.end
  }
  return spanAt(first.file, start, end)
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column)
}

/** The locations without repeats (same file, line, column and message), in order. */
export function uniqueRelated(list: RelatedLocation[]): RelatedLocation[] {
  const seen = new Set<string>()
  return list.filter((r) => {
    const k = `${r.span.file}:${r.span.start.line}:${r.span.start.column}:${r.message}`
    return !seen.has(k) && (seen.add(k), true)
  })
}
