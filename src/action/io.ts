/**
 * The action's port to the outside world (`ActionIO`, `GitHubApi`) and its single binding to `@actions/core` and
 * `@actions/github`. Everything else in the action works against these interfaces, so tests pass a fake instead
 * of mocking modules. Nothing in here decides anything; it only translates calls.
 */
import { randomUUID } from 'node:crypto'
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import type { AnnotationLevel, AnnotationRange } from '../reporters/annotations.js'
import { ApiError, type GitHubApi } from './api.js'
import { neutralizeLines } from '../core/log-safe.js'

/** Workflow-command annotation properties (as `@actions/core` takes them). */
export interface AnnotationProps extends Partial<AnnotationRange> {
  readonly title?: string
  readonly file?: string
}

/** Everything the action reads from and writes to the runner. */
export interface ActionIO {
  /** The input as given (trimmed), '' when not set. */
  getInput(name: string): string
  setOutput(name: string, value: string | number): void
  setFailed(message: string): void
  annotate(level: AnnotationLevel, message: string, props: AnnotationProps): void
  /** A log line (lines that look like workflow commands are neutralised). */
  info(message: string): void
  /**
   * A warning in the log only: no annotation, so the runner's 10-warnings-per-step budget stays for findings.
   */
  warning(message: string): void
  debug(message: string): void
  /** Prints text from the repository in a collapsed group, so that the runner does not read `::commands` in it. */
  untrusted(title: string, text: string): void
  /** Appends Markdown to the step summary ($GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): Promise<void>
  /** The environment of the step (GITHUB_*, RUNNER_*, ImageOS). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** A client for the current repository, or undefined when there is no token or repository. */
  api(token: string): GitHubApi | undefined
}

type Octokit = ReturnType<typeof getOctokit>

/** Requests that hang would hold the job; 60 s is far above a normal answer. */
const REQUEST_TIMEOUT_MS = 60_000

function apiError(e: unknown): ApiError {
  const err = e as { status?: unknown; message?: unknown; response?: { data?: { message?: unknown } } }
  const status = typeof err?.status === 'number' ? err.status : 0
  const fromBody = err?.response?.data?.message
  const message = typeof fromBody === 'string' ? fromBody : typeof err?.message === 'string' ? err.message : String(e)
  return new ApiError(status, message)
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw apiError(e)
  }
}

/** The `GitHubApi` binding on Octokit, for `owner/repo`, at `GITHUB_API_URL` (GHES: https://HOST/api/v3). */
export function createGitHubApi(token: string, repository: string, baseUrl: string): GitHubApi {
  const [owner = '', repo = ''] = repository.split('/')
  const octokit: Octokit = getOctokit(token, { baseUrl })
  const request = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  return {
    createCheckRun: (r) =>
      call(async () => {
        const res = await octokit.rest.checks.create({
          owner,
          repo,
          ...r,
          output: { ...r.output, annotations: r.output.annotations ? [...r.output.annotations] : undefined },
          request: request(),
        })
        return { id: res.data.id, ...(res.data.html_url ? { url: res.data.html_url } : {}) }
      }),
    updateCheckRun: (id, r) =>
      call(async () => {
        await octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: id,
          ...r,
          output: { ...r.output, annotations: r.output.annotations ? [...r.output.annotations] : undefined },
          request: request(),
        })
      }),
    listPullFiles: (pull) =>
      call(() =>
        octokit.paginate(octokit.rest.pulls.listFiles, {
          owner,
          repo,
          pull_number: pull,
          per_page: 100,
          request: request(),
        }),
      ).then((files) =>
        files.map((f) => ({
          filename: f.filename,
          status: f.status,
          ...(f.patch !== undefined ? { patch: f.patch } : {}),
          ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
        })),
      ),
    listReviewComments: (pull) =>
      call(() =>
        octokit.paginate(octokit.rest.pulls.listReviewComments, {
          owner,
          repo,
          pull_number: pull,
          per_page: 100,
          request: request(),
        }),
      ).then((comments) => comments.map((c) => ({ id: c.id, body: c.body, path: c.path, line: c.line ?? null }))),
    createReview: (pull, r) =>
      call(async () => {
        await octokit.rest.pulls.createReview({
          owner,
          repo,
          pull_number: pull,
          commit_id: r.commit_id,
          event: r.event,
          body: r.body,
          comments: r.comments.map((c) => ({ ...c })),
          request: request(),
        })
      }),
    updateReviewComment: (id, body) =>
      call(async () => {
        await octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id: id, body, request: request() })
      }),
  }
}

/** The one binding of `ActionIO` to the runner, through `@actions/core` and `@actions/github`. */
export function createActionIO(): ActionIO {
  const env = process.env
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    annotate: (level, message, props) => {
      const p: core.AnnotationProperties = { ...props }
      if (level === 'error') core.error(message, p)
      else if (level === 'warning') core.warning(message, p)
      else core.notice(message, p)
    },
    info: (message) => core.info(neutralizeLines(message)),
    warning: (message) => core.info(neutralizeLines(`Warning: ${message}`)),
    debug: (message) => core.debug(message),
    untrusted: (title, text) => {
      // A fresh token per block: the runner ignores workflow commands until it sees `::<token>::` again.
      const token = randomUUID()
      core.startGroup(neutralizeLines(title))
      core.info(`::stop-commands::${token}`)
      core.info(text)
      core.info(`::${token}::`)
      core.endGroup()
    },
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write()
    },
    env,
    api: (token) => {
      const repository = env.GITHUB_REPOSITORY
      if (token === '' || !repository || !repository.includes('/')) return undefined
      return createGitHubApi(token, repository, env.GITHUB_API_URL || 'https://api.github.com')
    },
  }
}
