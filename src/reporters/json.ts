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
 * the runtime); a finding's own message is mostly its own and is quoted as it comes.
 */
function jsonFindingWriter(): (f: Finding, indent: string) => string {
  const quoted = new Map<string, string>()
  const quote = (text: string): string => {
    let q = quoted.get(text)
    if (q === undefined) quoted.set(text, (q = JSON.stringify(text)))
    return q
  }
  // The text between the values, made once per indentation (a report has one): fewer strings joined per finding.
  let keysIndent: string | undefined
  let k = findingKeys('')
  return (f, indent) => {
    if (indent !== keysIndent) k = findingKeys((keysIndent = indent))
    const s = f.span
    const start = s.start
    const end = s.end
    let related = '[]'
    if (f.related.length > 0) {
      related = '['
      for (let i = 0; i < f.related.length; i++) {
        const r = f.related[i]!
        const at = r.span.start
        related +=
          `${i > 0 ? k.nextRelatedFile : k.relatedFile}${quote(r.span.file)}${k.relatedLine}${jsonNumber(at.line)}` +
          `${k.relatedColumn}${jsonNumber(at.column)}${k.relatedMessage}${quote(r.message)}${k.relatedEnd}`
      }
      related += k.relatedClose
    }
    return (
      `${k.ruleId}${quote(f.ruleId)}${k.severity}${quote(f.severity)}${k.message}${JSON.stringify(f.message)}` +
      `${k.file}${quote(s.file)}${k.line}${jsonNumber(start.line)}${k.column}${jsonNumber(start.column)}` +
      `${k.endLine}${jsonNumber(end.line)}${k.endColumn}${jsonNumber(end.column)}${k.related}${related}${k.close}`
    )
  }
}

/** The text of a finding around its values, as `JSON.stringify(…, null, 2)` writes it at `indent`. */
function findingKeys(indent: string) {
  const a = `\n${indent}  `
  const b = `${a}  `
  const c = `${b}  `
  return {
    ruleId: `{${a}"ruleId": `,
    severity: `,${a}"severity": `,
    message: `,${a}"message": `,
    file: `,${a}"file": `,
    line: `,${a}"line": `,
    column: `,${a}"column": `,
    endLine: `,${a}"endLine": `,
    endColumn: `,${a}"endColumn": `,
    related: `,${a}"related": `,
    relatedFile: `${b}{${c}"file": `,
    nextRelatedFile: `,${b}{${c}"file": `,
    relatedLine: `,${c}"line": `,
    relatedColumn: `,${c}"column": `,
    relatedMessage: `,${c}"message": `,
    relatedEnd: `${b}}`,
    relatedClose: `${a}]`,
    close: `\n${indent}}`,
  }
}

/** A number as JSON.stringify writes it (positions are whole numbers; anything not finite is null). */
const jsonNumber = (n: number): string => (Number.isFinite(n) ? String(n) : 'null')

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
