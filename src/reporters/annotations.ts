/**
 * Workflow-command annotations, planned before they are emitted: ranked, capped and with an overflow notice.
 *
 * The runner keeps at most 10 error, 10 warning and 10 notice annotations per step and drops the rest without a
 * word (actions/runner `ExecutionContext._maxCountPerIssueType`), so this module spends that budget on what
 * matters most (errors, then lines and files in the pull request's diff) and ends with one notice that says how
 * many more there are and where to see them. The overflow notice is itself a notice, so when anything overflows
 * one notice slot is kept for it. Pure: the action turns each spec into one `core.error/warning/notice` call,
 * which escapes `%`, `\r`, `\n`, `:` and `,`.
 */
import type { Finding, Severity } from '../core/finding.js'
import type { Span } from '../core/span.js'
import { plural } from './counts.js'

/** How many annotations of one level the runner keeps per step. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10

/** The runner truncates annotation messages to 4096 characters; stay under it so our own ending survives. */
export const MAX_ANNOTATION_MESSAGE = 4000

/**
 * A finding as reporters receive it. `suppressed` is reserved for inline suppressions (not implemented yet): such
 * findings are never annotated, sent to the check run or commented on.
 */
export type ReportedFinding = Finding & { readonly suppressed?: boolean }

/** Annotation level of the runner and the Checks API's workflow-command counterpart. */
export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** Exact severity → level mapping: no warning is ever shown as an error. */
export const ANNOTATION_LEVEL: Readonly<Record<Severity, AnnotationLevel>> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
}

/** Lines and columns of an annotation: 1-based, `endColumn` inclusive, columns only on single-line ranges. */
export interface AnnotationRange {
  readonly startLine: number
  readonly endLine: number
  readonly startColumn?: number
  readonly endColumn?: number
}

/** One annotation to emit. `file` is a POSIX path relative to the workspace. */
export interface AnnotationSpec extends Partial<AnnotationRange> {
  readonly level: AnnotationLevel
  readonly message: string
  readonly title: string
  readonly file?: string
}

/** Where a finding sits relative to the pull request: higher ranks are annotated first. */
export type DiffRank = 2 | 1 | 0

export interface AnnotationOptions {
  /** Per-level cap (default 10, the runner's). */
  readonly maxPerLevel?: number
  /** 2 when the finding's line is in the diff, 1 when its file is changed, 0 otherwise (default: all 0). */
  readonly rank?: (f: Finding) => DiffRank
  /** Where the findings that are not annotated can be seen, e.g. `the job summary`, `the SARIF file isolint.sarif`. */
  readonly seeAlso?: readonly string[]
  /**
   * Error slots taken by other annotations of the step: the step's failure message is an error annotation too, so a
   * failing run reserves 1 and emits at most 9 findings as errors (10 in all, as many as the runner keeps).
   */
  readonly reservedErrors?: number
}

export interface AnnotationPlan {
  /** The annotations to emit, in order (errors, warnings, notices, then the overflow notice). */
  readonly annotations: readonly AnnotationSpec[]
  /** Findings that got an annotation. */
  readonly shown: readonly Finding[]
  /** Findings left out by the cap (suppressed findings are in neither list). */
  readonly hidden: readonly Finding[]
  /** The overflow notice, when `hidden` is not empty (also the last entry of `annotations`). */
  readonly overflow?: AnnotationSpec
}

/** Findings that reporters show: everything but suppressed findings. */
export function reportedFindings<T extends ReportedFinding>(findings: readonly T[]): T[] {
  return findings.filter((f) => f.suppressed !== true)
}

/**
 * The annotation range of a span (1-based, end exclusive). A span that ends at column 1 of a later line ends on
 * the line before; columns are kept only when the range is on one line, as the runner and the Checks API demand.
 */
export function annotationRange(span: Span): AnnotationRange {
  const startLine = Math.max(1, span.start.line)
  let endLine = Math.max(startLine, span.end.line)
  if (endLine > startLine && span.end.column <= 1) endLine--
  if (endLine !== startLine) return { startLine, endLine }
  const startColumn = Math.max(1, span.start.column)
  const endColumn = span.end.line === startLine ? Math.max(startColumn, span.end.column - 1) : startColumn
  return { startLine, endLine, startColumn, endColumn }
}

/** Cuts text to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = max - 1
  const c = text.charCodeAt(cut - 1)
  if (c >= 0xd800 && c <= 0xdbff) cut--
  return `${text.slice(0, cut)}…`
}

/** The annotation text of a finding: its message, then its related locations, one per line. */
export function annotationMessage(f: Finding): string {
  const related = f.related.map((r) => `${r.span.file}:${r.span.start.line}: ${r.message}`)
  const text = related.length === 0 ? f.message : `${f.message}\n\nRelated:\n${related.join('\n')}`
  return truncateText(text, MAX_ANNOTATION_MESSAGE)
}

function toSpec(f: Finding): AnnotationSpec {
  return {
    level: ANNOTATION_LEVEL[f.severity],
    message: annotationMessage(f),
    title: f.ruleId,
    file: f.span.file,
    ...annotationRange(f.span),
  }
}

/** The overflow notice's text: how many findings are not annotated, per level, and where to see them. */
export function overflowMessage(hidden: readonly Finding[], maxPerLevel: number, seeAlso: readonly string[]): string {
  const count = (s: Severity): number => hidden.filter((f) => f.severity === s).length
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('note'), 'note')]
  const where = seeAlso.length === 0 ? 'the action log' : seeAlso.join(', ')
  return (
    `${plural(hidden.length, 'more finding')} ${hidden.length === 1 ? 'is' : 'are'} not shown as annotations ` +
    `(${parts.join(', ')}): GitHub keeps at most ${maxPerLevel} annotations per level in a step. ` +
    `See every finding in ${where}.`
  )
}

/**
 * Plans the annotations of a run: suppressed findings are dropped, the rest are ranked (severity, then diff rank,
 * then file and line as given) and capped per level; when anything is left out, one notice says so.
 */
export function planAnnotations(findings: readonly ReportedFinding[], options: AnnotationOptions = {}): AnnotationPlan {
  const max = Math.max(1, options.maxPerLevel ?? MAX_ANNOTATIONS_PER_LEVEL)
  const rank = options.rank ?? ((): DiffRank => 0)
  const byLevel = (severity: Severity): Finding[] =>
    reportedFindings(findings)
      .map((f, i) => ({ f, i, r: rank(f) }))
      .filter((x) => x.f.severity === severity)
      .sort((a, b) => b.r - a.r || a.i - b.i)
      .map((x) => x.f)
  const errors = byLevel('error')
  const warnings = byLevel('warning')
  const notes = byLevel('note')
  const errorCap = Math.max(0, max - Math.max(0, options.reservedErrors ?? 0))
  const overflows = errors.length > errorCap || warnings.length > max || notes.length > max
  // The overflow notice takes one of the notice slots, so it is never the one the runner drops.
  const noteCap = overflows ? max - 1 : max
  const shown = [...errors.slice(0, errorCap), ...warnings.slice(0, max), ...notes.slice(0, noteCap)]
  const hidden = [...errors.slice(errorCap), ...warnings.slice(max), ...notes.slice(noteCap)]
  const annotations = shown.map(toSpec)
  if (hidden.length === 0) return { annotations, shown, hidden }
  const overflow: AnnotationSpec = {
    level: 'notice',
    title: 'isolint: more findings than annotations',
    message: overflowMessage(hidden, max, options.seeAlso ?? []),
  }
  return { annotations: [...annotations, overflow], shown, hidden, overflow }
}
