/**
 * Which jobs run code they cannot trust, and on which kind of runner. Microsoft's guidance: use Hyper-V isolation
 * when the host cannot trust the code it runs; GitHub's: `pull_request_target`, `issue_comment` and `workflow_run`
 * jobs that check out the pull request's code run it with the base repository's privileges ("pwn requests"), and
 * `pull_request` jobs run code from forks. Pure functions over the workflow model.
 */
import type { RunnerFacts } from '../core/rule.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { HostRef, Untrusted } from '../model/project.js'
import type { Job, WorkflowModel } from '../model/workflow.js'

/** Events whose jobs run with the base repository's token and secrets, whatever code they check out. */
const PRIVILEGED_EVENTS = new Set(['pull_request_target', 'issue_comment', 'workflow_run'])

/**
 * A checkout `ref`/`repository` (or a script) that brings in the pull request's code: a value taken from the event
 * other than the base branch (`github.event.pull_request.head.sha`, `github.event.workflow_run.head_sha`), the head
 * ref, or a pull request ref (`refs/pull/N/merge`, `pull/N/head`, `gh pr checkout`).
 */
const PR_CODE =
  /\$\{\{[^}]*\bgithub\.event\.(?![^}]*\bbase\b)[^}]*\}\}|\bgithub\.head_ref\b|\brefs\/pull\/|(?:^|[\s:'"])pull\/[^\s/]+\/(?:head|merge)\b|\bgh\s+pr\s+checkout\b/i

/** A job condition that keeps fork pull requests (or pull requests altogether) out. */
const FORK_GUARD =
  /github\.event\.pull_request\.head\.repo\.full_name\s*==\s*github\.repository|github\.repository\s*==\s*github\.event\.pull_request\.head\.repo\.full_name|!\s*github\.event\.pull_request\.head\.repo\.fork|github\.event\.pull_request\.head\.repo\.fork\s*==\s*false|github\.event_name\s*!=\s*['"]pull_request['"]/i

/**
 * Why a job runs code from a pull request, or undefined. A `pull_request` job does (fork pull requests run it),
 * unless its `if:` keeps forks or pull requests out; a `pull_request_target`, `issue_comment` or `workflow_run` job
 * does when it checks out the pull request's code.
 */
export function jobUntrusted(workflow: WorkflowModel, job: Job): Untrusted | undefined {
  const events = eventsOf(workflow)
  if (events.privileged !== undefined) {
    const code = checksOutPullRequest(job)
    if (code) return { reason: `the workflow runs on ${events.privileged} and this job checks out ${code.what}`, span: code.span }
  }
  if (events.pullRequest && !excludesForks(job)) return events.pullRequest
  return undefined
}

/** What a workflow's events say of its jobs, worked out once per workflow (every job asks). */
interface WorkflowEvents {
  /** The first privileged event among the triggers (trimmed and lower-cased), which the reason names, if any. */
  readonly privileged: string | undefined
  /** The reason a `pull_request` workflow's jobs run untrusted code (shared by those jobs), if it has that trigger. */
  readonly pullRequest: Untrusted | undefined
}

const workflowEvents = new WeakMap<WorkflowModel, WorkflowEvents>()

function eventsOf(workflow: WorkflowModel): WorkflowEvents {
  let events = workflowEvents.get(workflow)
  if (!events) {
    let privileged: string | undefined
    let pullRequest: Untrusted | undefined
    for (const trigger of workflow.triggers ?? []) {
      const event = trigger.value.trim().toLowerCase()
      if (PRIVILEGED_EVENTS.has(event)) privileged ??= event
      else if (event === 'pull_request' && !pullRequest) {
        pullRequest = { reason: 'the workflow runs on pull_request, and a pull request from a fork runs this job with its own code', span: trigger.span }
      }
    }
    workflowEvents.set(workflow, (events = { privileged, pullRequest }))
  }
  return events
}

function checksOutPullRequest(job: Job): { what: string; span: Job['span'] } | undefined {
  for (const step of job.steps) {
    const c = step.checkout
    for (const input of [c?.ref, c?.repository]) {
      if (input && PR_CODE.test(input.value)) return { what: `${input.value.trim()}, the pull request's code`, span: input.span }
    }
    if (step.run && PR_CODE.test(step.run.value)) return { what: "the pull request's code in a script", span: step.run.span }
  }
  return undefined
}

/** `if:` conditions that keep forks out, or that run the job only on events other than pull_request. */
function excludesForks(job: Job): boolean {
  const condition = job.condition?.value
  if (condition === undefined) return false
  if (FORK_GUARD.test(condition)) return true
  const events = [...condition.matchAll(/github\.event_name\s*==\s*['"]([^'"]+)['"]/gi)].map((m) => m[1]!.toLowerCase())
  return events.length > 0 && !events.includes('pull_request') && !/!\s*\(|!=|\bnot\b/i.test(condition)
}

/** Who provides a job's runner: GitHub (a fresh VM per job), an ephemeral self-hosted runner, or a persistent one. */
export type RunnerKind = 'github-hosted' | 'ephemeral' | 'self-hosted'

/**
 * The labels GitHub gives every self-hosted runner (unless it is set up with `--no-default-labels`): `self-hosted`, its
 * OS and its architecture. A larger runner (GitHub-hosted) has none of them, only the name its organisation gives it.
 * https://docs.github.com/actions/how-tos/manage-runners/self-hosted-runners/apply-labels (2026-12-03)
 */
const SELF_HOSTED_DEFAULT_LABELS: ReadonlySet<string> = new Set(['self-hosted', 'windows', 'linux', 'macos', 'x64', 'arm', 'arm64'])

/**
 * The kind of runner a host is; undefined for `--runner` hosts, hosts without labels, and hosts isolint cannot tell.
 * Self-hosted: one of the labels only self-hosted runners have (`self-hosted`, `windows`, `x64`, …), or labels the
 * configuration maps with `ephemeral: false`. Ephemeral: the configuration marks the label set ephemeral (just-in-time
 * runners). Other labels none of which the knowledge base knows (`github-hosted-windows-x64-large`, an Actions Runner
 * Controller scale set's name) are unknown: a larger runner (GitHub-hosted, a fresh VM per job) or a runner scale set
 * (most often ephemeral) is targeted by its name alone.
 */
export function runnerKind(host: HostRef | undefined, kb: KnowledgeBase, facts: RunnerFacts | undefined): RunnerKind | undefined {
  const labels = host?.labels
  if (!labels || labels.length === 0) return undefined
  const explicit = labels.some((l) => l.toLowerCase() === 'self-hosted')
  if (!explicit && labels.some((l) => kb.host(l)?.provider === 'github')) return 'github-hosted'
  const ephemeral = facts?.(labels)?.ephemeral
  if (ephemeral === true) return 'ephemeral'
  if (ephemeral === false) return 'self-hosted'
  return labels.some((l) => SELF_HOSTED_DEFAULT_LABELS.has(l.toLowerCase())) ? 'self-hosted' : undefined
}
