/**
 * The `isolint` check run: every finding as a check annotation, past the runner's 10-per-level cap. The Checks
 * API takes at most 50 annotations per request, so the run is created with the first 50 and updated with 50 more
 * at a time, then completed with the conclusion. A 403 (fork pull requests, Dependabot, read-only tokens) is
 * reported as `forbidden` so the caller can fall back to workflow-command annotations.
 */
import { atLeast, type Finding, type Severity } from '../core/finding.js'
import { annotationMessage, annotationRange, reportedFindings, type ReportedFinding } from '../reporters/annotations.js'
import {
  ApiError,
  type CheckConclusion,
  type CheckRunAnnotation,
  type CheckRunCreate,
  type CheckRunUpdate,
  type GitHubApi,
} from './api.js'
import type { FailOn } from '../config/types.js'

export const CHECK_RUN_NAME = 'isolint'
/** Checks API: annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50
/** Checks API: `output.summary` and `output.text`. */
export const MAX_OUTPUT_CHARS = 65_535
/** Checks API: annotation `title`. */
export const MAX_TITLE_CHARS = 255
/** Checks API: annotation `message` (64 KB). */
export const MAX_MESSAGE_BYTES = 64 * 1024

const LEVEL: Readonly<Record<Severity, CheckRunAnnotation['annotation_level']>> = {
  error: 'failure',
  warning: 'warning',
  note: 'notice',
}

/** Cuts text to at most `max` UTF-8 bytes (never inside a character), ending with `…` when cut. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text
  let out = ''
  let used = 3 // the ellipsis
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8')
    if (used + size > max) break
    out += ch
    used += size
  }
  return `${out}…`
}

function truncateChars(text: string, max: number): string {
  if (text.length <= max) return text
  const chars = [...text]
  let out = ''
  for (const ch of chars) {
    if (out.length + ch.length > max - 1) break
    out += ch
  }
  return `${out}…`
}

/** The conclusion: failure when a finding is at or above `fail-on`, neutral for other findings, else success. */
export function conclusionOf(findings: readonly ReportedFinding[], failOn: FailOn): CheckConclusion {
  const shown = reportedFindings(findings)
  if (shown.some((f) => atLeast(f.severity, failOn))) return 'failure'
  return shown.length > 0 ? 'neutral' : 'success'
}

/** A finding as a check-run annotation (exact severity mapping, columns only on one line). */
export function toCheckAnnotation(f: Finding): CheckRunAnnotation {
  const range = annotationRange(f.span)
  return {
    path: f.span.file,
    start_line: range.startLine,
    end_line: range.endLine,
    ...(range.startColumn !== undefined ? { start_column: range.startColumn, end_column: range.endColumn! } : {}),
    annotation_level: LEVEL[f.severity],
    message: truncateBytes(annotationMessage(f), MAX_MESSAGE_BYTES),
    title: truncateChars(f.ruleId, MAX_TITLE_CHARS),
  }
}

/** The requests that publish a check run: one create, zero or more updates, one completing update. */
export interface CheckRunPlan {
  readonly create: CheckRunCreate
  readonly updates: readonly CheckRunUpdate[]
  readonly complete: CheckRunUpdate
  readonly annotationCount: number
}

export interface CheckRunOptions {
  readonly headSha: string
  readonly conclusion: CheckConclusion
  /** One line, e.g. `3 errors, 2 warnings`. */
  readonly title: string
  /** Markdown; cut to 65,535 characters. */
  readonly summary: string
  readonly text?: string
  readonly name?: string
}

/** Plans the requests; suppressed findings are left out. */
export function planCheckRun(findings: readonly ReportedFinding[], options: CheckRunOptions): CheckRunPlan {
  const annotations = reportedFindings(findings).map(toCheckAnnotation)
  const batches: CheckRunAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  }
  const output = {
    title: truncateChars(options.title, MAX_TITLE_CHARS),
    summary: truncateChars(options.summary, MAX_OUTPUT_CHARS),
    ...(options.text !== undefined ? { text: truncateChars(options.text, MAX_OUTPUT_CHARS) } : {}),
  }
  return {
    create: {
      name: options.name ?? CHECK_RUN_NAME,
      head_sha: options.headSha,
      status: 'in_progress',
      output: { ...output, ...(batches[0] ? { annotations: batches[0] } : {}) },
    },
    updates: batches.slice(1).map((batch) => ({ output: { ...output, annotations: batch } })),
    complete: { status: 'completed', conclusion: options.conclusion, output },
    annotationCount: annotations.length,
  }
}

export type CheckRunResult =
  | { readonly kind: 'created'; readonly id: number; readonly url?: string }
  /** The token may not write checks (403): nothing was created. */
  | { readonly kind: 'forbidden'; readonly message: string }
  /** Created but some annotations were not sent, or not created for another reason. */
  | { readonly kind: 'failed'; readonly message: string; readonly id?: number }

/**
 * Sends the plan. A failed update does not stop the run from being completed (so it never stays "in progress");
 * errors are returned, never thrown.
 */
export async function publishCheckRun(api: GitHubApi, plan: CheckRunPlan): Promise<CheckRunResult> {
  let created: { id: number; url?: string }
  try {
    created = await api.createCheckRun(plan.create)
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, String(e))
    if (err.status === 403) return { kind: 'forbidden', message: err.message }
    return { kind: 'failed', message: `creating the check run failed (${err.status || 'no answer'}): ${err.message}` }
  }
  let failure: string | undefined
  for (const update of plan.updates) {
    try {
      await api.updateCheckRun(created.id, update)
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, String(e))
      failure = `sending annotations to the check run failed (${err.status || 'no answer'}): ${err.message}`
      break
    }
  }
  try {
    await api.updateCheckRun(created.id, plan.complete)
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, String(e))
    failure ??= `completing the check run failed (${err.status || 'no answer'}): ${err.message}`
  }
  if (failure !== undefined) return { kind: 'failed', message: failure, id: created.id }
  return { kind: 'created', id: created.id, ...(created.url !== undefined ? { url: created.url } : {}) }
}
