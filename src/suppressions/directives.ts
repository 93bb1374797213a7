/**
 * Inline suppressions, for any file whose comments start with `#` (Dockerfile, Compose, workflow, Kubernetes YAML):
 *
 *   # isolint-disable-next-line <rule-id>[, <rule-id>] [until=YYYY-MM-DD] -- <reason>
 *   # isolint-disable-file <rule-id>[, <rule-id>] [until=YYYY-MM-DD] -- <reason>
 *
 * `next-line` applies to the next line that is neither blank nor a comment (so directives may be stacked), and
 * matches a finding located there or naming that line as a related location (a `runs-on` line). Pure.
 */
import type { CatalogEntry } from '../core/catalog.js'
import { LineIndex, span as makeSpan, type Span } from '../core/span.js'
import type { SuppressionPolicy } from '../config/types.js'

export interface Directive {
  readonly kind: 'next-line' | 'file'
  readonly file: string
  /** The comment, from `#` to the end of the line. */
  readonly span: Span
  /** Rule ids as written. */
  readonly ruleIds: readonly string[]
  readonly reason?: string
  /** `until=` as written. */
  readonly until?: string
  /** The line a `next-line` directive applies to (undefined when nothing follows it). */
  readonly target?: number
}

const DIRECTIVE = /(^|\s)#\s*isolint-disable(-next-line|-file|\S*)(?=\s|$)(.*)$/
const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
/** Suppressions of these would hide the suppression findings themselves. */
const NEVER_SUPPRESSIBLE = ['invalid-suppression', 'unused-suppression']

/** The directives of one file. A malformed directive is still returned (with what was read) so it can be reported. */
export function parseDirectives(file: string, text: string): Directive[] {
  if (!text.includes('isolint-disable')) return []
  const index = new LineIndex(text)
  const out: Directive[] = []
  let pending: Directive[] = []
  for (let line = 1; line <= index.lineCount; line++) {
    const lineText = index.lineText(line)
    const isComment = /^\s*#/.test(lineText)
    const code = !isComment && lineText.trim() !== ''
    if (code) {
      // Directives waiting for a line apply to this one.
      out.push(...pending.map((d) => ({ ...d, target: line })))
      pending = []
    }
    const d = readDirective(file, line, lineText)
    if (!d) continue
    if (d.kind === 'file') out.push(d)
    else pending.push(d) // on a comment line or at the end of a code line: the next code line
  }
  out.push(...pending)
  return out
}

function readDirective(file: string, line: number, lineText: string): Directive | undefined {
  const m = DIRECTIVE.exec(lineText)
  if (!m) return undefined
  const start = m.index + m[1]!.length
  const span: Span = makeSpan(file, line, start + 1, line, lineText.length + 1)
  const kind = m[2] === '-file' ? 'file' : m[2] === '-next-line' ? 'next-line' : 'invalid'
  let body = m[3]!
  let reason: string | undefined
  const sep = body.search(/(^|\s)--(\s|$)/)
  if (sep >= 0) {
    reason = body.slice(sep).replace(/^\s*--/, '').trim()
    body = body.slice(0, sep)
  }
  const untilRe = /(?:^|\s)until=(\S*)/
  const u = untilRe.exec(body) ?? (reason !== undefined ? untilRe.exec(reason) : null)
  let until: string | undefined
  if (u) {
    until = u[1]!
    body = body.replace(untilRe, ' ')
    if (reason !== undefined) reason = reason.replace(untilRe, ' ').trim()
  }
  return {
    kind: kind as Directive['kind'],
    file,
    span,
    ruleIds: body.split(/[\s,]+/).filter(Boolean),
    ...(reason ? { reason } : {}),
    ...(until !== undefined ? { until } : {}),
  }
}

/**
 * The directives that suppress: those with no problem (see {@link directiveProblems}). The run applies them to its
 * findings and unused-suppression reports those that match none; invalid-suppression reports the others.
 */
export function validDirectives(
  directives: readonly Directive[],
  policy: SuppressionPolicy,
  catalog: ReadonlyMap<string, CatalogEntry>,
  today: string,
): Directive[] {
  return directives.filter((d) => directiveProblems(d, policy, catalog, today).length === 0)
}

/** What is wrong with a directive (empty when it is valid); `today` is YYYY-MM-DD (UTC). */
export function directiveProblems(
  d: Directive,
  policy: SuppressionPolicy,
  catalog: ReadonlyMap<string, CatalogEntry>,
  today: string,
): string[] {
  const problems: string[] = []
  if ((d.kind as string) === 'invalid') problems.push('unknown directive: use isolint-disable-next-line or isolint-disable-file')
  if (d.ruleIds.length === 0) problems.push('it names no rule: give the ids of the rules it suppresses')
  for (const id of d.ruleIds) {
    const entry = RULE_ID.test(id) ? catalog.get(id) : undefined
    if (!entry || entry.stage === 'retired') problems.push(`unknown rule '${id}'`)
    else if (NEVER_SUPPRESSIBLE.includes(id) || policy.never.includes(id)) {
      problems.push(`rule '${id}' may not be suppressed (${NEVER_SUPPRESSIBLE.includes(id) ? 'it reports on suppressions' : 'suppressions.never in the config'})`)
    }
  }
  if (policy.requireReason && !d.reason) problems.push("it gives no reason: add ' -- <why this is acceptable>'")
  if (d.until !== undefined) {
    if (!validDate(d.until)) problems.push(`until=${d.until} is not a date (YYYY-MM-DD)`)
    else if (policy.maxDays !== undefined && daysBetween(today, d.until) > policy.maxDays) {
      problems.push(`until=${d.until} is more than ${policy.maxDays} days away (suppressions.max-days)`)
    }
  } else if (policy.maxDays !== undefined) {
    problems.push(`it has no expiry: add until=YYYY-MM-DD at most ${policy.maxDays} days away (suppressions.max-days)`)
  }
  if (d.kind === 'next-line' && d.target === undefined) problems.push('no line follows it')
  return problems
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const t = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Today's date in UTC as YYYY-MM-DD (`ISOLINT_TODAY` pins it for tests and reproducible runs). */
export function today(): string {
  const pinned = process.env.ISOLINT_TODAY
  return pinned && validDate(pinned) ? pinned : new Date().toISOString().slice(0, 10)
}

/** True when the directive's expiry has passed. */
export function expired(d: Directive, on: string): boolean {
  return d.until !== undefined && validDate(d.until) && d.until < on
}
