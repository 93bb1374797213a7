/**
 * The GitHub REST calls the action makes, as a port: request and answer shapes (Checks API and pull request field
 * names) and the error type. The binding to Octokit is in io.ts; tests use a fake or a local HTTP server.
 */

/** An error answer of the GitHub API: status and message only (never headers, never the token). */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** One annotation of a check run (Checks API field names). */
export interface CheckRunAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly start_column?: number
  readonly end_column?: number
  readonly annotation_level: 'notice' | 'warning' | 'failure'
  readonly message: string
  readonly title?: string
  readonly raw_details?: string
}

export interface CheckRunOutput {
  readonly title: string
  readonly summary: string
  readonly text?: string
  readonly annotations?: readonly CheckRunAnnotation[]
}

export type CheckConclusion = 'success' | 'neutral' | 'failure'

export interface CheckRunCreate {
  readonly name: string
  readonly head_sha: string
  readonly status: 'in_progress' | 'completed'
  readonly conclusion?: CheckConclusion
  readonly output: CheckRunOutput
  readonly details_url?: string
}

export interface CheckRunUpdate {
  readonly status?: 'in_progress' | 'completed'
  readonly conclusion?: CheckConclusion
  readonly output: CheckRunOutput
}

/** A file of a pull request, as `pulls.listFiles` returns it. */
export interface PullFile {
  readonly filename: string
  readonly status: string
  readonly patch?: string
  readonly previous_filename?: string
}

/** An existing review comment of a pull request. */
export interface ReviewComment {
  readonly id: number
  readonly body: string
  readonly path: string
  readonly line?: number | null
}

export interface NewReviewComment {
  readonly path: string
  readonly line: number
  readonly side: 'RIGHT'
  readonly body: string
}

export interface ReviewCreate {
  readonly commit_id: string
  readonly event: 'COMMENT'
  readonly body: string
  readonly comments: readonly NewReviewComment[]
}

/** The few GitHub REST calls the action makes, on the current repository. Errors are `ApiError`s. */
export interface GitHubApi {
  createCheckRun(request: CheckRunCreate): Promise<{ readonly id: number; readonly url?: string }>
  updateCheckRun(id: number, request: CheckRunUpdate): Promise<void>
  /** Every file of the pull request (all pages). */
  listPullFiles(pull: number): Promise<readonly PullFile[]>
  /** Every review comment of the pull request (all pages). */
  listReviewComments(pull: number): Promise<readonly ReviewComment[]>
  createReview(pull: number, request: ReviewCreate): Promise<void>
  updateReviewComment(id: number, body: string): Promise<void>
}
