/**
 * The JSON report: a stable, documented contract for downstream tools. Bump `version` on any breaking change.
 *
 * Shape: `{ version: 1, findings: [...], skipped: [...] }`. Positions are 1-based, columns count UTF-16 code units,
 * and `endLine`/`endColumn` are exclusive (the position after the last character), as in SARIF regions.
 */
import type { Finding, LintResult } from '../core/finding.js'
import { jsonChunks, lazyMap, type LazyList } from './json-chunks.js'

/** Version of the JSON report format. */
export const JSON_REPORT_VERSION = 1

/** One related location in the JSON report. */
export interface JsonRelated {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly message: string
}

/** One finding in the JSON report. */
export interface JsonFinding {
  readonly ruleId: string
  readonly severity: Finding['severity']
  readonly message: string
  readonly file: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  readonly related: readonly JsonRelated[]
}

/** A finding silenced by an inline suppression. */
export interface JsonSuppressedFinding extends JsonFinding {
  readonly suppressed: { readonly reason: string | null; readonly until: string | null; readonly file: string; readonly line: number }
}

/** The whole JSON report. `suppressed` and `baseline` are present only when there is something to say. */
export interface JsonReport {
  readonly version: typeof JSON_REPORT_VERSION
  readonly findings: readonly JsonFinding[]
  readonly skipped: readonly { readonly file: string; readonly reason: string }[]
  readonly suppressed?: readonly JsonSuppressedFinding[]
  /** With --baseline: findings the baseline knows that remain (not listed), and entries fixed since. */
  readonly baseline?: { readonly known: number; readonly fixed: number }
  /** Only in `isolint smoke` reports and the action's with `smoke-test: true` (shape: src/smoke/report.ts). */
  readonly smoke?: unknown
  /** Only in `--shard i/n` reports, for `isolint merge` (shape: src/cli/merge.ts ShardSection). */
  readonly shard?: unknown
}

function toJsonFinding(f: Finding): JsonFinding {
  // Properties are listed one by one so the key order is fixed and no other field (e.g. `fix`) leaks out.
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.span.file,
    line: f.span.start.line,
    column: f.span.start.column,
    endLine: f.span.end.line,
    endColumn: f.span.end.column,
    related: f.related.map((r) => ({
      file: r.span.file,
      line: r.span.start.line,
      column: r.span.start.column,
      message: r.message,
    })),
  }
}

/**
 * `JSON.stringify(toJsonFinding(f), null, 2)` with every line after the first indented by `indent`, written
 * directly: no object per finding and related location, and no second pass to indent (issue 11: a 3,900-file
 * repository's report has about 6,800 findings). One per report: file names, rule ids, severities and related
 * messages recur from finding to finding, each is quoted once (a JSON.stringify call per string costs a call into
 * the runtime).
 */
function jsonFindingWriter(): (f: Finding, indent: string) => string {
  const quoted = new Map<string, string>()
  const quote = (text: string): string => {
    let q = quoted.get(text)
    if (q === undefined) quoted.set(text, (q = JSON.stringify(text)))
    return q
  }
  let writerIndent: string | undefined
  let write = findingWriter('', quote)
  return (f, indent) => {
    if (indent !== writerIndent) write = findingWriter((writerIndent = indent), quote)
    return write(f)
  }
}

/**
 * The writer of findings at one indentation, for {@link jsonFindingWriter}. It runs mostly in V8's baseline code,
 * where each string joined, property read and call costs (issue 11): the texts between the values are constants of
 * the closure, the text from a finding's start up to its message is made once per rule id and severity, that of a
 * file up to the line once per file, and a message goes through JSON.stringify only when it has a character to escape.
 */
function findingWriter(indent: string, quote: (text: string) => string): (f: Finding) => string {
  const a = `\n${indent}  `
  const b = `${a}  `
  const c = `${b}  `
  const column = `,${a}"column": `
  const endLine = `,${a}"endLine": `
  const endColumn = `,${a}"endColumn": `
  const noRelated = `,${a}"related": []\n${indent}}`
  const relatedOpen = `,${a}"related": [`
  const relatedColumn = `,${c}"column": `
  const relatedMessage = `,${c}"message": `
  const relatedEnd = `${b}}`
  const relatedClose = `${a}]\n${indent}}`
  // By rule id: the text up to the message's value, and the severity it was made for.
  const heads = new Map<string, { readonly severity: string; readonly text: string }>()
  // By file: the text from the file's key up to the line's value, of a finding and of a related location.
  const places = new Map<string, string>()
  const relatedPlaces = new Map<string, string>()
  // The related locations are a function of their own: V8's optimizing compiler compiles a function whole, and the
  // loop's concatenations in the finding's function made it cost more to compile than its calls saved (issue 11).
  const relatedText = (list: Finding['related']): string => {
    let related = relatedOpen
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!
      const at = r.span.start
      let relatedPlace = relatedPlaces.get(r.span.file)
      if (relatedPlace === undefined) {
        relatedPlaces.set(r.span.file, (relatedPlace = `${b}{${c}"file": ${quote(r.span.file)},${c}"line": `))
      }
      related +=
        `${i > 0 ? ',' : ''}${relatedPlace}${jsonPair(at.line, relatedColumn, at.column)}` +
        `${relatedMessage}${quote(r.message)}${relatedEnd}`
    }
    return related + relatedClose
  }
  return (f) => {
    const s = f.span
    const start = s.start
    const end = s.end
    let head = heads.get(f.ruleId)
    if (head === undefined || head.severity !== f.severity) {
      const text = `{${a}"ruleId": ${quote(f.ruleId)},${a}"severity": ${quote(f.severity)},${a}"message": `
      heads.set(f.ruleId, (head = { severity: f.severity, text }))
    }
    let place = places.get(s.file)
    if (place === undefined) places.set(s.file, (place = `,${a}"file": ${quote(s.file)},${a}"line": `))
    const related = f.related.length > 0 ? relatedText(f.related) : noRelated
    return (
      `${head.text}${jsonString(f.message)}${place}${jsonPair(start.line, column, start.column)}` +
      `${endLine}${jsonPair(end.line, endColumn, end.column)}${related}`
    )
  }
}

/** What JSON.stringify writes escaped: `"`, `\\`, control characters, and surrogates when they stand alone. */
// eslint-disable-next-line no-control-regex
const TO_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

/**
 * A string as JSON.stringify writes it. Most have nothing to escape and are their own text between quotes: testing
 * for what would be escaped costs about half of JSON.stringify's pass over the characters (issue 11).
 */
export function jsonString(text: string): string {
  return TO_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`
}

/** A number as JSON.stringify writes it (positions are whole numbers; anything not finite is null). */
const jsonNumber = (n: number): string => (Number.isFinite(n) ? String(n) : 'null')

/**
 * `jsonNumber(line) + between + jsonNumber(column)`, with one test for both numbers (a sum is finite only when both
 * are): the JSON report writes about 25,000 such pairs per 6,800 findings, and in code not yet optimized each call
 * costs (issue 11).
 */
export function jsonPair(line: number, between: string, column: number): string {
  return Number.isFinite(line + column) ? `${line}${between}${column}` : `${jsonNumber(line)}${between}${jsonNumber(column)}`
}

/** Sections added to the report: `smoke` (isolint smoke, the action's smoke test), `shard` (--shard i/n). */
export interface JsonExtra {
  readonly smoke?: unknown
  readonly shard?: unknown
}

/** Renders a lint result as the JSON report: 2-space indented, trailing newline, findings in result order. */
export function renderJson(result: LintResult, extra: JsonExtra = {}): string {
  return `${JSON.stringify(jsonReport(result, extra), null, 2)}\n`
}

/** {@link renderJson} in pieces (one per finding), for writing a large report as it is made. */
export function* renderJsonChunks(result: LintResult, extra: JsonExtra = {}): Generator<string> {
  // Top object, then its arrays member by member: each finding is stringified whole.
  // Findings are made one at a time as they are written (a large repository has tens of thousands).
  yield* jsonChunks(jsonReport(result, extra), 2)
  yield '\n'
}

/**
 * The {@link JsonReport} as it is written: its findings lists are {@link LazyList}s, made as they are written
 * ({@link jsonChunks}; a finding's JSON is written directly) or whole by `JSON.stringify` (`toJSON`), which writes
 * each as the array it stands for.
 */
type JsonReportOut = Omit<JsonReport, 'findings' | 'suppressed'> & {
  readonly findings: LazyList<JsonFinding>
  readonly suppressed?: LazyList<JsonSuppressedFinding>
}

function jsonReport(result: LintResult, extra: JsonExtra): JsonReportOut {
  return {
    version: JSON_REPORT_VERSION,
    findings: lazyMap(result.findings, toJsonFinding, jsonFindingWriter()),
    skipped: result.skipped.map((s) => ({ file: s.file, reason: s.reason })),
    ...(result.suppressed && result.suppressed.length > 0
      ? {
          suppressed: lazyMap(result.suppressed, (s): JsonSuppressedFinding => ({
            ...toJsonFinding(s.finding),
            suppressed: {
              reason: s.directive.reason ?? null,
              until: s.directive.until ?? null,
              file: s.directive.span.file,
              line: s.directive.span.start.line,
            },
          })),
        }
      : {}),
    ...(result.baseline ? { baseline: { known: result.baseline.known, fixed: result.baseline.fixed } } : {}),
    ...(extra.smoke !== undefined ? { smoke: extra.smoke } : {}),
    ...(extra.shard !== undefined ? { shard: extra.shard } : {}),
  }
}
