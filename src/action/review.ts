/**
 * Pull request review comments (opt-in `pr-review`): one review with event COMMENT, one comment per finding whose
 * line is inside the diff (RIGHT side), and with `suggestions` a suggested change where the finding has a one-line
 * fix. Each comment carries a hidden marker with a fingerprint, so a re-run updates its own comments instead of
 * posting them again, and marks the ones whose finding is gone as resolved. Everything else goes to the summary.
 * Planning is pure; `publishReview` sends the plan through the `GitHubApi` port.
 */
import { createHash } from 'node:crypto'
import { SEVERITY_RANK, type Finding } from '../core/finding.js'
import { SEVERITY_ICON } from '../reporters/counts.js'
import { ruleHelpUri } from '../core/meta.js'
import { LineIndex } from '../core/span.js'
import { applyFixes } from '../fix/edits.js'
import { reportedFindings, type ReportedFinding } from '../reporters/annotations.js'
import { escapeMarkdown } from '../reporters/summary.js'
import { ApiError, type GitHubApi, type NewReviewComment, type ReviewComment } from './api.js'
import type { PullDiff } from './diff.js'

/** Most new comments in one review: hundreds of comments make a pull request page unusable. */
export const MAX_REVIEW_COMMENTS = 50

const MARKER = /<!-- isolint:fp=([0-9a-f]{8,64})(?: rule=([a-z0-9-]+))?( resolved)? -->/

/** The hidden marker of a comment. */
export function marker(fingerprint: string, ruleId: string, resolved = false): string {
  return `<!-- isolint:fp=${fingerprint} rule=${ruleId}${resolved ? ' resolved' : ''} -->`
}

/** Reads the marker of an existing comment; undefined for comments isolint did not write. */
export function readMarker(body: string): { fingerprint: string; ruleId?: string; resolved: boolean } | undefined {
  const m = MARKER.exec(body)
  if (!m) return undefined
  return { fingerprint: m[1]!, ...(m[2] !== undefined ? { ruleId: m[2] } : {}), resolved: m[3] !== undefined }
}

/** A planned new comment. */
export interface PlannedComment extends NewReviewComment {
  readonly finding: Finding
  readonly fingerprint: string
}

export interface ReviewPlan {
  readonly create: readonly PlannedComment[]
  /** Existing isolint comments whose text changed (same finding, same line). */
  readonly update: readonly { readonly id: number; readonly body: string }[]
  /** Existing isolint comments whose finding is gone. */
  readonly resolve: readonly { readonly id: number; readonly body: string }[]
  /** Findings that have a review comment after the plan is sent (new or already there). */
  readonly commented: readonly Finding[]
  /** Findings not commented on (outside the diff, or past the cap): the summary lists them. */
  readonly outside: readonly Finding[]
}

export interface ReviewOptions {
  readonly mode: 'comments' | 'suggestions'
  readonly diff: PullDiff
  /** Source text of the linted files (LintOutput.sources), for fingerprints and suggestions. */
  readonly sources: ReadonlyMap<string, string>
  /** The commit the review is about (short form used in texts). */
  readonly headSha: string
  readonly maxComments?: number
  /** Mark comments of findings that are gone as resolved (off when some rule crashed). Default true. */
  readonly resolveStale?: boolean
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

/**
 * Fingerprints of findings: rule id, file, message and the normalised text of the first line (not its number),
 * numbered when several findings share them, so a comment follows its finding when lines move. The message is
 * part of it because it names what the finding is about (`service web`), which identical lines do not.
 */
export function commentKeys(findings: readonly Finding[], sources: ReadonlyMap<string, string>): Map<Finding, string> {
  const indexes = new Map<string, LineIndex>()
  const seen = new Map<string, number>()
  const out = new Map<Finding, string>()
  for (const f of findings) {
    const source = sources.get(f.span.file)
    let index = indexes.get(f.span.file)
    if (!index && source !== undefined) indexes.set(f.span.file, (index = new LineIndex(source)))
    const text = index ? normalise(index.lineText(f.span.start.line)) : ''
    const base = createHash('sha256')
      .update(`${f.ruleId}\u0000${f.span.file}\u0000${f.message}\u0000${text}`)
      .digest('hex')
      .slice(0, 24)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    out.set(f, n === 1 ? base : createHash('sha256').update(`${base}:${n}`).digest('hex').slice(0, 24))
  }
  return out
}

/**
 * The suggested change of a fix (the same edit --fix makes): the line it rewrites and that line's new text, which
 * holds two lines when the fix inserts one (suggested on the line before the insertion, the line the finding points
 * at, kept as it is plus the new line). Undefined when the fix spans several lines or changes nothing.
 */
export function fixedLine(
  f: Finding,
  sources: ReadonlyMap<string, string>,
): { line: number; text: string } | undefined {
  const fix = f.fix
  if (!fix || fix.span.start.line !== fix.span.end.line) return undefined
  const source = sources.get(fix.span.file)
  if (source === undefined || fix.span.file !== f.span.file) return undefined
  const { text, applied } = applyFixes(source, [fix])
  if (applied.length === 0 || text === source) return undefined
  const inserted = fix.span.start.column === 1 && fix.span.end.column === 1 && fix.replacement.endsWith('\n')
  const line = inserted && fix.span.start.line > 1 ? fix.span.start.line - 1 : fix.span.start.line
  const added = fix.replacement.split('\n').length - 1
  const after = new LineIndex(text)
  const lines: string[] = []
  for (let l = line; l <= line + added; l++) lines.push(after.lineText(l))
  return { line, text: lines.join('\n') }
}

/** A fenced block GitHub reads as a suggested change; the fence is longer than any backtick run in the text. */
export function suggestionBlock(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}suggestion\n${text}\n${fence}`
}

/** The Markdown body of a comment: severity, rule link, escaped message and related locations, suggestion, marker. */
export function commentBody(f: Finding, fingerprint: string, suggestion?: string): string {
  const lines = [
    `${SEVERITY_ICON[f.severity]} **isolint ${f.severity}** · [${escapeMarkdown(f.ruleId)}](${ruleHelpUri(f.ruleId)})`,
    '',
    escapeMarkdown(f.message),
  ]
  if (f.related.length > 0) {
    lines.push('')
    for (const r of f.related) {
      lines.push(`- ${escapeMarkdown(`${r.span.file}:${r.span.start.line}`)}: ${escapeMarkdown(r.message)}`)
    }
  }
  if (suggestion !== undefined) {
    lines.push('', suggestionBlock(suggestion))
    if (f.fix) lines.push('', `<sub>Suggested fix: ${escapeMarkdown(f.fix.description)}</sub>`)
  }
  lines.push('', marker(fingerprint, f.ruleId))
  return lines.join('\n')
}

function resolvedBody(ruleId: string | undefined, fingerprint: string, headSha: string): string {
  const rule = ruleId !== undefined ? ` (${escapeMarkdown(ruleId)})` : ''
  return [
    `✅ **Resolved:** isolint no longer reports this finding${rule} at ${headSha.slice(0, 7)}.`,
    '',
    marker(fingerprint, ruleId ?? 'unknown', true),
  ].join('\n')
}

/** Plans the review: new comments on diff lines, updates of changed comments, resolutions of stale ones. */
export function planReview(
  findings: readonly ReportedFinding[],
  existing: readonly ReviewComment[],
  options: ReviewOptions,
): ReviewPlan {
  const max = options.maxComments ?? MAX_REVIEW_COMMENTS
  const shown = reportedFindings(findings)
  const prints = commentKeys(shown, options.sources)
  const ours = existing
    .map((c) => ({ c, m: readMarker(c.body) }))
    .filter((x): x is { c: ReviewComment; m: NonNullable<ReturnType<typeof readMarker>> } => x.m !== undefined)
  const byPrint = new Map<string, { c: ReviewComment; m: NonNullable<ReturnType<typeof readMarker>> }[]>()
  for (const x of ours) byPrint.set(x.m.fingerprint, [...(byPrint.get(x.m.fingerprint) ?? []), x])

  const create: PlannedComment[] = []
  const update: { id: number; body: string }[] = []
  const commented: Finding[] = []
  const outside: Finding[] = []
  // Most severe first, so the cap keeps errors.
  const ordered = shown
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map((x) => x.f)
  for (const f of ordered) {
    const fp = prints.get(f)!
    const lines = options.diff.files.get(f.span.file)?.commentable
    const fix = options.mode === 'suggestions' ? fixedLine(f, options.sources) : undefined
    let line: number | undefined
    let suggestion: string | undefined
    if (lines && fix && lines.has(fix.line)) {
      line = fix.line
      suggestion = fix.text
    } else if (lines) {
      const last = Math.max(f.span.start.line, f.span.end.line - (f.span.end.column <= 1 ? 1 : 0))
      for (let l = f.span.start.line; l <= last; l++) {
        if (lines.has(l)) {
          line = l
          break
        }
      }
    }
    const body = commentBody(f, fp, suggestion)
    const previous = byPrint.get(fp) ?? []
    const active = previous.find((x) => !x.m.resolved)
    if (active) {
      // Already commented: refresh the text when it changed and the comment still sits on that line.
      if (line !== undefined && active.c.line === line && active.c.body !== body) update.push({ id: active.c.id, body })
      commented.push(f)
      continue
    }
    if (line === undefined) {
      outside.push(f)
      continue
    }
    const reopened = previous.find((x) => x.c.line === line && x.c.path === f.span.file)
    if (reopened) {
      update.push({ id: reopened.c.id, body })
      commented.push(f)
      continue
    }
    if (create.length >= max) {
      outside.push(f)
      continue
    }
    create.push({ path: f.span.file, line, side: 'RIGHT', body, finding: f, fingerprint: fp })
    commented.push(f)
  }
  const current = new Set(prints.values())
  const resolve =
    options.resolveStale === false
      ? []
      : ours
          .filter((x) => !x.m.resolved && !current.has(x.m.fingerprint))
          .map((x) => ({ id: x.c.id, body: resolvedBody(x.m.ruleId, x.m.fingerprint, options.headSha) }))
  // Report order (file, line) for the lists the summary uses.
  const order = new Map(shown.map((f, i) => [f, i]))
  const byOrder = (a: Finding, b: Finding): number => order.get(a)! - order.get(b)!
  return { create, update, resolve, commented: commented.sort(byOrder), outside: outside.sort(byOrder) }
}

export interface ReviewResult {
  readonly created: number
  readonly updated: number
  readonly resolved: number
  /** True when the token may not write pull requests (403): nothing more was tried. */
  readonly forbidden: boolean
  readonly errors: readonly string[]
}

function describe(e: unknown): { status: number; message: string } {
  const err = e instanceof ApiError ? e : new ApiError(0, String(e))
  return { status: err.status, message: `${err.status || 'no answer'}: ${err.message}` }
}

/** Sends the plan: updates and resolutions one by one, then one review with every new comment. Never throws. */
export async function publishReview(
  api: GitHubApi,
  pull: number,
  plan: ReviewPlan,
  headSha: string,
  outsideCount: number,
): Promise<ReviewResult> {
  const errors: string[] = []
  let updated = 0
  let resolved = 0
  for (const [list, kind] of [
    [plan.update, 'update'],
    [plan.resolve, 'resolve'],
  ] as const) {
    for (const u of list) {
      try {
        await api.updateReviewComment(u.id, u.body)
        if (kind === 'update') updated++
        else resolved++
      } catch (e) {
        const d = describe(e)
        if (d.status === 403) return { created: 0, updated, resolved, forbidden: true, errors: [d.message] }
        errors.push(`updating review comment ${u.id} failed (${d.message})`)
      }
    }
  }
  if (plan.create.length === 0) return { created: 0, updated, resolved, forbidden: false, errors }
  const n = plan.create.length
  const more = outsideCount === 1 ? '1 more finding is' : `${outsideCount} more findings are`
  const body =
    `isolint found ${n} problem${n === 1 ? '' : 's'} on lines this pull request changes.` +
    (outsideCount > 0 ? ` ${more} listed in the job summary.` : '')
  try {
    await api.createReview(pull, {
      commit_id: headSha,
      event: 'COMMENT',
      body,
      comments: plan.create.map((c) => ({ path: c.path, line: c.line, side: c.side, body: c.body })),
    })
  } catch (e) {
    const d = describe(e)
    if (d.status === 403) return { created: 0, updated, resolved, forbidden: true, errors: [d.message] }
    errors.push(`creating the review failed (${d.message})`)
    return { created: 0, updated, resolved, forbidden: false, errors }
  }
  return { created: plan.create.length, updated, resolved, forbidden: false, errors }
}
