/**
 * Applying fixes to a text, and the unified diff of the result. Pure: no file access.
 */
import type { Fix } from '../core/finding.js'
import { LineIndex } from '../core/span.js'

export interface Applied {
  readonly text: string
  /** The fixes applied, in text order (an edit proposed twice is made, and listed, once). */
  readonly applied: readonly Fix[]
  /** Fixes left out because they overlap an earlier one or point outside the text. */
  readonly conflicts: readonly Fix[]
}

interface Edit {
  readonly fix: Fix
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * Applies the fixes of one file. Overlapping fixes keep the first in text order (a second pass of --fix gets the
 * others if they still apply); the same edit proposed twice (one image on two matrix hosts) is made once. Inserted
 * line feeds follow the file's line endings.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): Applied {
  const index = new LineIndex(text)
  const crlf = /\r\n/.test(text)
  const edits: Edit[] = []
  const conflicts: Fix[] = []
  const seen = new Set<string>()
  for (const fix of fixes) {
    const key = JSON.stringify([fix.span.start, fix.span.end, fix.replacement])
    if (seen.has(key)) continue // the same edit
    seen.add(key)
    const start = offsetOf(index, fix.span.start)
    const end = offsetOf(index, fix.span.end)
    if (start === undefined || end === undefined || end < start) conflicts.push(fix)
    else edits.push({ fix, start, end, text: crlf ? fix.replacement.replace(/\r?\n/g, '\r\n') : fix.replacement })
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end)
  const kept: Edit[] = []
  for (const e of edits) {
    const last = kept.at(-1)
    // Two insertions at one point, or an edit inside another, cannot both apply.
    if (last && (e.start < last.end || (e.start === last.start && e.start === e.end))) conflicts.push(e.fix)
    else kept.push(e)
  }
  let out = ''
  let at = 0
  for (const e of kept) {
    out += text.slice(at, e.start) + e.text
    at = e.end
  }
  out += text.slice(at)
  return { text: out, applied: kept.map((e) => e.fix), conflicts }
}

/** The offset of a position inside the text (a column may be one past the end of its line), else undefined. */
function offsetOf(index: LineIndex, pos: { line: number; column: number }): number | undefined {
  if (pos.line < 1 || pos.column < 1) return undefined
  if (pos.line > index.lineCount) return undefined
  if (pos.column - 1 > index.lineText(pos.line).length) return undefined
  return index.offset(pos)
}

/**
 * A unified diff (`diff -u`, three lines of context) between two versions of a file, as `git apply` and `patch -p1`
 * read it; empty when they are equal. Lines are compared as whole lines: the changed region is everything between
 * the common leading and trailing lines of each group of changes.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return ''
  const a = splitLines(before)
  const b = splitLines(after)
  const hunks = changedRegions(a, b)
  const out = [`--- a/${file}`, `+++ b/${file}`]
  const CONTEXT = 3
  let i = 0
  while (i < hunks.length) {
    // Merge regions whose context touches.
    let j = i
    while (j + 1 < hunks.length && hunks[j + 1]!.aStart - hunks[j]!.aEnd <= 2 * CONTEXT) j++
    const first = hunks[i]!
    const last = hunks[j]!
    const aFrom = Math.max(0, first.aStart - CONTEXT)
    const aTo = Math.min(a.length, last.aEnd + CONTEXT)
    const bFrom = first.bStart - (first.aStart - aFrom)
    const body: string[] = []
    let pos = aFrom
    let bLen = 0
    for (let k = i; k <= j; k++) {
      const h = hunks[k]!
      for (; pos < h.aStart; pos++, bLen++) body.push(line(' ', a[pos]!))
      for (let x = h.aStart; x < h.aEnd; x++) body.push(line('-', a[x]!))
      for (let x = h.bStart; x < h.bEnd; x++, bLen++) body.push(line('+', b[x]!))
      pos = h.aEnd
    }
    for (; pos < aTo; pos++, bLen++) body.push(line(' ', a[pos]!))
    out.push(`@@ -${range(aFrom, aTo - aFrom)} +${range(bFrom, bLen)} @@`, ...body)
    i = j + 1
  }
  return out.join('\n') + '\n'
}

interface Line {
  readonly text: string
  /** False for a last line without a line feed. */
  readonly eol: boolean
}

interface Region {
  readonly aStart: number
  readonly aEnd: number
  readonly bStart: number
  readonly bEnd: number
}

function splitLines(text: string): Line[] {
  const parts = text.split(/(?<=\n)/)
  if (parts.at(-1) === '') parts.pop()
  return parts.map((p) => (p.endsWith('\n') ? { text: p.slice(0, -1), eol: true } : { text: p, eol: false }))
}

function same(x: Line | undefined, y: Line | undefined): boolean {
  return x !== undefined && y !== undefined && x.text === y.text && x.eol === y.eol
}

/**
 * The changed regions, found by walking both versions from the common ends inward and, in between, resynchronising
 * on the next line that appears once in the rest of each side (fixes change a few lines, so this stays linear in
 * practice and exact for edits that do not reorder lines).
 */
function changedRegions(a: readonly Line[], b: readonly Line[]): Region[] {
  let top = 0
  while (top < a.length && top < b.length && same(a[top], b[top])) top++
  let aEnd = a.length
  let bEnd = b.length
  while (aEnd > top && bEnd > top && same(a[aEnd - 1], b[bEnd - 1])) {
    aEnd--
    bEnd--
  }
  const regions: Region[] = []
  let i = top
  let k = top
  while (i < aEnd || k < bEnd) {
    if (i < aEnd && k < bEnd && same(a[i], b[k])) {
      i++
      k++
      continue
    }
    // Find the nearest pair (i + di, k + dk) of equal lines, by increasing distance.
    let found: [number, number] | undefined
    const limit = Math.max(aEnd - i, bEnd - k)
    for (let d = 1; d <= limit && !found; d++) {
      for (let di = 0; di <= d && !found; di++) {
        const dk = d - di
        if (i + di < aEnd && k + dk < bEnd && same(a[i + di], b[k + dk])) found = [i + di, k + dk]
      }
    }
    const [ni, nk] = found ?? [aEnd, bEnd]
    regions.push({ aStart: i, aEnd: ni, bStart: k, bEnd: nk })
    i = ni
    k = nk
  }
  return regions
}

function line(prefix: string, l: Line): string {
  return l.eol ? `${prefix}${l.text}` : `${prefix}${l.text}\n\\ No newline at end of file`
}

function range(start: number, length: number): string {
  return length === 0 ? `${start},0` : `${start + 1},${length}`
}
