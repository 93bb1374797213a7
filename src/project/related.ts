/** Helpers shared by the followers of make and scripts: where an invocation stands, and its chain of locations. */
import type { RelatedLocation } from '../core/finding.js'
import { spanAt, type Span } from '../core/span.js'
import type { Word } from '../model/workflow.js'

/** The span from the first word's start to the last word's end (`words` is not empty). */
export function spanOfWords(words: readonly Word[]): Span {
  const first = words[0]!.span
  const last = words[words.length - 1]!.span
  return spanAt(first.file, first.start, last.end)
}

/** The locations without repeats (same file, line, column and message), in order. */
export function uniqueRelated(list: RelatedLocation[]): RelatedLocation[] {
  const seen = new Set<string>()
  return list.filter((r) => {
    const k = `${r.span.file}:${r.span.start.line}:${r.span.start.column}:${r.message}`
    return !seen.has(k) && (seen.add(k), true)
  })
}
