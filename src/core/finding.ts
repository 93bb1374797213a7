import type { Span } from './span.js'

export type Severity = 'error' | 'warning' | 'note'

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, note: 1 }

/** Every severity, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note']

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)
}

export interface RelatedLocation {
  readonly span: Span
  readonly message: string
}

/**
 * An edit that fixes a finding, used by `--fix` and the action's suggested changes: `replacement` replaces the text of
 * `span`. An empty span (start == end) inserts at that position; a replacement ending in a line feed, inserted at
 * column 1, adds whole lines (written with the file's own line endings).
 */
export interface Fix {
  readonly span: Span
  readonly replacement: string
  readonly description: string
}

export interface Finding {
  readonly ruleId: string
  readonly severity: Severity
  /** Plain text: what is wrong, why, and how to fix it. */
  readonly message: string
  /** Where the fix goes. */
  readonly span: Span
  readonly related: readonly RelatedLocation[]
  readonly fix?: Fix
}

/** A file that was discovered but not linted (too large, binary, unreadable, a link out of the tree). */
export interface SkippedFile {
  readonly file: string
  readonly reason: string
}

export interface LintResult {
  /** Sorted by file, line, column, rule id. */
  readonly findings: readonly Finding[]
  /** Files that were read and parsed (POSIX paths relative to the root), sorted. */
  readonly files: readonly string[]
  readonly skipped: readonly SkippedFile[]
  /** Source text of every linted file, for code frames and fingerprints. */
  readonly sources: ReadonlyMap<string, string>
  /** Findings silenced by an inline suppression: not counted, listed in the reports with the suppression. */
  readonly suppressed?: readonly SuppressedFinding[]
  /** Set when a baseline was applied: findings it knows that remain, and entries no longer found. */
  readonly baseline?: { readonly known: number; readonly fixed: number }
}

/** A finding and the inline suppression that silenced it. */
export interface SuppressedFinding {
  readonly finding: Finding
  readonly directive: {
    readonly kind: 'next-line' | 'file'
    readonly span: Span
    readonly ruleIds: readonly string[]
    readonly reason?: string
    readonly until?: string
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
    a.span.start.line - b.span.start.line ||
    a.span.start.column - b.span.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  )
}

/**
 * Sorts findings in `compareFindings` order (stable) and returns them; with `unique`, a finding equal to the one
 * before it in that order (same rule, position and message: the same problem reached twice) is left out, so the
 * first one reported stays. The sort keys are read once per finding into typed arrays and files compared by rank,
 * not once per comparison: a large repository has tens of thousands of findings, and an object of keys for each
 * was garbage at the end of the run, when the memory used peaks (issue 11).
 */
export function sortFindings<T extends Finding>(findings: readonly T[], options: { readonly unique?: boolean } = {}): T[] {
  const n = findings.length
  const rank = new Map<string, number>()
  for (const f of findings) rank.set(f.span.file, 0)
  ;[...rank.keys()].sort().forEach((file, i) => rank.set(file, i))
  const files = new Uint32Array(n)
  const lines = new Float64Array(n)
  const columns = new Float64Array(n)
  let maxLine = 0
  let maxColumn = 0
  let whole = true
  for (let i = 0; i < n; i++) {
    const f = findings[i]!
    const { line, column } = f.span.start
    files[i] = rank.get(f.span.file)!
    lines[i] = line
    columns[i] = column
    if (line > maxLine) maxLine = line
    if (column > maxColumn) maxColumn = column
    // Whole numbers below 2^32 pack (not NaN, a fraction or a negative number): any other leaves it to the comparator.
    if (!(line >>> 0 === line && column >>> 0 === column)) whole = false
  }
  const unique = options.unique === true
  return (
    (whole && packedSort(findings, files, lines, columns, rank.size, maxLine + 1, maxColumn + 1, unique)) ||
    comparatorSort(findings, files, lines, columns, unique)
  )
}

/** Sorts by a comparator over the keys: equal keys keep their order (the index breaks ties). */
function comparatorSort<T extends Finding>(findings: readonly T[], files: Uint32Array, lines: Float64Array, columns: Float64Array, unique: boolean): T[] {
  const order: number[] = []
  for (let i = 0; i < findings.length; i++) order.push(i)
  // The findings themselves are read only for a tie on the position (most comparisons are decided before).
  order.sort((a, b) => files[a]! - files[b]! || lines[a]! - lines[b]! || columns[a]! - columns[b]! || compareTexts(findings[a]!, findings[b]!) || a - b)
  const sorted: T[] = []
  let last = -1
  for (const i of order) {
    const f = findings[i]!
    const repeat =
      unique &&
      last >= 0 &&
      files[i] === files[last] &&
      lines[i] === lines[last] &&
      columns[i] === columns[last] &&
      f.ruleId === findings[last]!.ruleId &&
      f.message === findings[last]!.message
    if (!repeat) sorted.push(f)
    last = i
  }
  return sorted
}

/**
 * The same result as `comparatorSort` from one sort of numbers, native, with no comparator function: the comparator
 * ran in the interpreter some thirteen times per finding (issue 11). File rank, line, column and index are packed
 * into one whole number, exact in a double below 2^53 (so sorting the numbers sorts by position, then report order);
 * only findings at the same position are then compared by rule id and message, and only they can repeat one another.
 * Undefined when the keys do not fit. `lines` and `columns` hold whole numbers below `lineCount` and `columnCount`.
 */
function packedSort<T extends Finding>(
  findings: readonly T[],
  files: Uint32Array,
  lines: Float64Array,
  columns: Float64Array,
  fileCount: number,
  lineCount: number,
  columnCount: number,
  unique: boolean,
): T[] | undefined {
  const n = findings.length
  if (fileCount * lineCount * columnCount * n > Number.MAX_SAFE_INTEGER) return undefined
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) keys[i] = ((files[i]! * lineCount + lines[i]!) * columnCount + columns[i]!) * n + i
  keys.sort()
  const sorted: T[] = []
  for (let k = 0; k < n; ) {
    // A run of keys with the same position: the key less its index (the remainder, exact, unlike a division).
    const position = keys[k]! - (keys[k]! % n)
    let end = k + 1
    while (end < n && keys[end]! - (keys[end]! % n) === position) end++
    if (end - k === 1) {
      sorted.push(findings[keys[k]! - position]!)
    } else {
      const run: T[] = []
      for (let j = k; j < end; j++) run.push(findings[keys[j]! - position]!)
      run.sort(compareTexts)
      let last: T | undefined
      for (const f of run) {
        if (!(unique && last !== undefined && f.ruleId === last.ruleId && f.message === last.message)) sorted.push(f)
        last = f
      }
    }
    k = end
  }
  return sorted
}

/** Rule id, then message, as `compareFindings` orders them. */
function compareTexts(x: Finding, y: Finding): number {
  return (x.ruleId < y.ruleId ? -1 : x.ruleId > y.ruleId ? 1 : 0) || (x.message < y.message ? -1 : x.message > y.message ? 1 : 0)
}

export function atLeast(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
}
