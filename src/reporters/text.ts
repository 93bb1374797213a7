/**
 * The human-readable report for terminals and logs: one block per finding with a code frame, then a summary.
 *
 * Everything printed that comes from the scanned files (paths, messages quoting them, source lines) goes through
 * `visible()`, so a hostile file cannot move the cursor, clear the screen or reorder the text: control characters
 * other than tab, C1 controls and bidirectional overrides are shown as visible escapes.
 */
import { ruleHelpUri } from '../core/meta.js'
import type { Finding, LintResult, Severity } from '../core/finding.js'
import { LineIndex } from '../core/span.js'
import type { ExecutionSummary } from '../lint.js'
import { buildPosture, renderPostureText } from './posture.js'
import { plural } from './counts.js'

/** Options of the text reporter. */
export interface TextOptions {
  /** Use ANSI colors (only when writing to a terminal that wants them). Default false. */
  readonly color?: boolean
  /** Append the isolation posture of these executions (`--posture`). */
  readonly posture?: readonly ExecutionSummary[]
}

type Paint = (style: Style, text: string) => string
type Style = 'bold' | 'dim' | Severity | 'ok'

const ANSI: Readonly<Record<Style, string>> = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  error: '\u001b[1;31m',
  warning: '\u001b[1;33m',
  note: '\u001b[1;36m',
  ok: '\u001b[1;32m',
}
const RESET = '\u001b[0m'

/** One printable piece of a line and the UTF-16 code units of the original text it stands for. */
interface Segment {
  readonly text: string
  /** Index of the first code unit in the original text. */
  readonly index: number
}

/** Invisible or terminal-controlling characters that are not C0/C1 controls: bidi marks, line separators, BOM. */
const UNSAFE_FORMAT = new Set([0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff])

function escapeCodeUnit(c: number): string {
  return `\\u{${c.toString(16)}}`
}

/** Splits text into printable segments; tabs stay tabs, unsafe characters become visible escapes. */
function segments(text: string): Segment[] {
  const out: Segment[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let shown: string
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push({ text: text.slice(i, i + 2), index: i })
        i++
        continue
      }
      shown = '\ufffd'
    } else if (c >= 0xd800 && c <= 0xdfff) shown = '\ufffd' // a lone surrogate cannot be encoded
    else if (c === 9) shown = '\t'
    else if (c < 0x20) shown = String.fromCharCode(0x2400 + c) // control pictures: ␀ … ␟
    else if (c === 0x7f) shown = '\u2421' // ␡
    else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || UNSAFE_FORMAT.has(c)) {
      shown = escapeCodeUnit(c)
    } else shown = text[i]!
    out.push({ text: shown, index: i })
  }
  return out
}

/**
 * Any code unit that `segments` shows as something else: controls other than tab, DEL and C1 controls, the
 * UNSAFE_FORMAT characters, bidirectional overrides, and surrogates (a pair is kept, but is looked at closely).
 */
// eslint-disable-next-line no-control-regex
const NEEDS_SEGMENTS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/

/** Text made safe to print: no control characters except tab. */
function visible(text: string): string {
  // Nearly all text is plain: it is shown as it is.
  if (!NEEDS_SEGMENTS.test(text)) return text
  return segments(text)
    .map((s) => s.text)
    .join('')
}

/**
 * The source line and an underline under columns [start, end) of it, as two strings without gutter. `end`
 * undefined underlines to the end of the line (multi-line spans). Tabs before and inside the underline are kept
 * so the carets stay aligned whatever the terminal's tab width.
 */
function underline(lineText: string, startColumn: number, endColumn: number | undefined): [string, string] {
  const start = startColumn - 1
  const end = endColumn === undefined ? lineText.length : endColumn - 1
  if (!NEEDS_SEGMENTS.test(lineText)) return [lineText, plainUnderline(lineText, start, end)]
  const segs = segments(lineText)
  let pad = ''
  let marks = ''
  for (const s of segs) {
    if (s.index < start) pad += s.text === '\t' ? '\t' : ' '.repeat(s.text.length)
    else if (s.index < end) {
      if (s.text === '\t' && marks !== '') marks += '\t'
      else marks += (marks === '' ? '^' : '~') + '~'.repeat(s.text.length - 1)
    }
  }
  if (start > lineText.length) pad += ' '.repeat(start - lineText.length)
  if (marks === '') marks = '^'
  return [segs.map((s) => s.text).join(''), pad + marks]
}

/** `underline` for a line that `segments` shows as it is: one segment of one code unit per code unit. */
function plainUnderline(lineText: string, start: number, end: number): string {
  let pad = ''
  let marks = ''
  const before = Math.min(start, lineText.length)
  for (let i = 0; i < before; i++) pad += lineText.charCodeAt(i) === 9 ? '\t' : ' '
  for (let i = start; i < Math.min(end, lineText.length); i++) {
    if (lineText.charCodeAt(i) === 9 && marks !== '') marks += '\t'
    else marks += marks === '' ? '^' : '~'
  }
  if (start > lineText.length) pad += ' '.repeat(start - lineText.length)
  if (marks === '') marks = '^'
  return pad + marks
}

function renderFinding(f: Finding, lines: (file: string) => LineIndex | undefined, paint: Paint): string[] {
  const { file, start, end } = f.span
  const out = [
    `${paint('bold', `${visible(file)}:${start.line}:${start.column}`)} ${paint(f.severity, f.severity)} ` +
      `${paint('dim', f.ruleId)} ${visible(f.message)}`,
  ]
  const index = lines(file)
  if (index && start.line >= 1 && start.line <= index.lineCount) {
    const text = index.lineText(start.line)
    const [shown, marks] = underline(text, start.column, end.line === start.line ? end.column : undefined)
    const gutter = String(start.line)
    const bar = paint('dim', '|')
    out.push(`  ${paint('dim', gutter)} ${bar}${shown === '' ? '' : ` ${shown}`}`)
    out.push(`  ${' '.repeat(gutter.length)} ${bar} ${paint(f.severity, marks)}`)
  }
  for (const r of f.related) {
    const where = `${visible(r.span.file)}:${r.span.start.line}:${r.span.start.column}`
    out.push(`  ${paint('note', 'note:')} ${where} ${visible(r.message)}`)
  }
  // Messages say what and how to fix; the rule page says why.
  out.push(`  ${paint('dim', `see ${ruleHelpUri(f.ruleId)}`)}`)
  return out
}

function summary(result: LintResult, paint: Paint): string {
  const files = plural(result.files.length, 'file')
  const extra = [
    ...(result.suppressed && result.suppressed.length > 0 ? [`${result.suppressed.length} suppressed inline`] : []),
    ...(result.baseline ? [`baseline: ${result.baseline.known} known remain, ${result.baseline.fixed} fixed`] : []),
  ]
  const more = extra.length > 0 ? `; ${extra.join('; ')}` : ''
  if (result.findings.length === 0) return paint('ok', `No problems found in ${files}${more}.`)
  const count = (s: Severity): number => result.findings.filter((f) => f.severity === s).length
  const [errors, warnings, notes] = [count('error'), count('warning'), count('note')]
  const text =
    `${plural(result.findings.length, 'problem')} ` +
    `(${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}) in ${files}${more}`
  return paint(errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'note', text)
}

/** The start of the reason of a file skipped by the config's `ignore` or `--exclude`. */
export const IGNORED_REASON = 'ignored by'

/** Renders a lint result for people: findings with code frames, a summary line and the skipped files. */
export function renderText(result: LintResult, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (style, text) => `${ANSI[style]}${text}${RESET}` : (_style, text) => text
  const cache = new Map<string, LineIndex>()
  const lines = (file: string): LineIndex | undefined => {
    let index = cache.get(file)
    if (!index) {
      const source = result.sources.get(file)
      if (source === undefined) return undefined
      index = new LineIndex(source)
      cache.set(file, index)
    }
    return index
  }
  const out: string[] = []
  for (const f of result.findings) out.push(...renderFinding(f, lines, paint), '')
  out.push(summary(result, paint))
  // Files the configuration ignores on purpose are counted, not listed (the JSON report lists them).
  const ignored = result.skipped.filter((s) => s.reason.startsWith(IGNORED_REASON))
  for (const s of result.skipped) {
    if (!s.reason.startsWith(IGNORED_REASON)) out.push(`${paint('dim', 'skipped:')} ${visible(s.file)}: ${visible(s.reason)}`)
  }
  if (ignored.length > 0) {
    out.push(`${paint('dim', 'skipped:')} ${plural(ignored.length, 'file')} ignored by configuration (--format json lists them)`)
  }
  if (options.posture) out.push('', ...renderPostureText(buildPosture(options.posture), visible))
  return `${out.join('\n')}\n`
}
