/**
 * What the action needs to know about the workflow run, read from the environment and the event payload
 * (GITHUB_EVENT_PATH) without `@actions/github`'s import-time context. Pure apart from reading the payload file.
 */
import { readFileSync } from 'node:fs'
import type { Env } from './inputs.js'

/** The pull request the run is about (pull_request and pull_request_target events). */
export interface PullRequestContext {
  readonly number: number
  readonly headSha: string
  /** `owner/name` of the head repository (differs from the base for forks). */
  readonly headRepository: string
  readonly fromFork: boolean
}

export interface RunContext {
  readonly eventName: string
  /** `owner/name`, '' when unknown. */
  readonly repository: string
  /** The commit to attach the check run to: the pull request head, else GITHUB_SHA. '' when unknown. */
  readonly headSha: string
  /** https://github.com or the GHES server. */
  readonly serverUrl: string
  readonly pullRequest?: PullRequestContext
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** Parses the event payload text; a missing or broken payload is treated as an empty one. */
export function parseEvent(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {}
  try {
    const v: unknown = JSON.parse(text)
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Builds the run context from the environment and the parsed event payload. */
export function runContext(env: Env, event: Record<string, unknown>): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const repository = env.GITHUB_REPOSITORY ?? ''
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const pr = event.pull_request as Record<string, unknown> | undefined
  let pullRequest: PullRequestContext | undefined
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && pr && typeof pr === 'object') {
    const head = (pr.head ?? {}) as Record<string, unknown>
    const headRepo = (head.repo ?? {}) as Record<string, unknown>
    const number = typeof pr.number === 'number' ? pr.number : typeof event.number === 'number' ? event.number : NaN
    const headSha = str(head.sha)
    if (Number.isSafeInteger(number) && number > 0 && headSha !== undefined) {
      const headRepository = str(headRepo.full_name) ?? repository
      pullRequest = { number, headSha, headRepository, fromFork: headRepository !== repository }
    }
  }
  return {
    eventName,
    repository,
    headSha: pullRequest?.headSha ?? env.GITHUB_SHA ?? '',
    serverUrl,
    ...(pullRequest ? { pullRequest } : {}),
  }
}

/** Reads GITHUB_EVENT_PATH (if any) and builds the run context. */
export function readRunContext(env: Env): RunContext {
  let text: string | undefined
  if (env.GITHUB_EVENT_PATH) {
    try {
      text = readFileSync(env.GITHUB_EVENT_PATH, 'utf8')
    } catch {
      text = undefined
    }
  }
  return runContext(env, parseEvent(text))
}
