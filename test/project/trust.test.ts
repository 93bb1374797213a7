import { describe, expect, it } from 'vitest'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { HostRef } from '../../src/model/project.js'
import { parseWorkflow } from '../../src/parsers/workflow.js'
import { jobUntrusted, runnerKind } from '../../src/project/trust.js'

function untrusted(on: string, job: string): string | undefined {
  const text = `on: ${on}\njobs:\n  j:\n    runs-on: [self-hosted, windows]\n${job}`
  const { model, problems } = parseWorkflow('.github/workflows/x.yml', text)
  expect(problems).toEqual([])
  return jobUntrusted(model!, model!.jobs[0]!)?.reason
}

const checkout = (ref: string) => `    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${ref}\n`

describe('jobUntrusted', () => {
  it.each([
    ['pull_request_target', checkout('${{ github.event.pull_request.head.sha }}')],
    ['pull_request_target', checkout('${{ github.event.pull_request.head.ref }}')],
    ['pull_request_target', `    steps:\n      - uses: actions/checkout@v4\n        with:\n          repository: \${{ github.event.pull_request.head.repo.full_name }}\n`],
    ['[issue_comment]', checkout('refs/pull/${{ github.event.issue.number }}/merge')],
    ['{workflow_run: {workflows: [ci]}}', checkout('${{ github.event.workflow_run.head_sha }}')],
    ['pull_request_target', checkout('${{ github.head_ref }}')],
    ['issue_comment', '    steps:\n      - run: gh pr checkout ${{ github.event.issue.number }}\n'],
    ['issue_comment', '    steps:\n      - run: git fetch origin pull/${{ github.event.issue.number }}/head\n'],
    ['pull_request', '    steps:\n      - run: echo\n'],
    ['[push, pull_request]', "    if: github.event_name == 'push' || github.event_name == 'pull_request'\n    steps: []\n"],
  ])('%s with %j runs code from a pull request', (on, job) => {
    expect(untrusted(on, job)).toBeDefined()
  })

  it.each([
    ['pull_request_target', '    steps:\n      - uses: actions/checkout@v4\n'],
    ['pull_request_target', checkout('${{ github.event.pull_request.base.sha }}')],
    ['issue_comment', checkout('main')],
    ['push', checkout('${{ github.event.pull_request.head.sha }}')],
    ['pull_request', '    if: github.event.pull_request.head.repo.full_name == github.repository\n    steps: []\n'],
    ['pull_request', '    if: ${{ !github.event.pull_request.head.repo.fork }}\n    steps: []\n'],
    ['[push, pull_request]', "    if: github.event_name == 'push'\n    steps: []\n"],
    ['[push, pull_request]', "    if: github.event_name != 'pull_request'\n    steps: []\n"],
  ])('%s with %j does not', (on, job) => {
    expect(untrusted(on, job)).toBeUndefined()
  })

  it('names the event and the ref', () => {
    expect(untrusted('pull_request_target', checkout('${{ github.event.pull_request.head.sha }}'))).toBe(
      "the workflow runs on pull_request_target and this job checks out ${{ github.event.pull_request.head.sha }}, the pull request's code",
    )
  })

  it('names the first privileged event among the triggers, lower-cased', () => {
    const job = checkout('${{ github.event.pull_request.head.sha }}')
    expect(untrusted('[push, Issue_Comment, pull_request_target]', job)).toMatch(/^the workflow runs on issue_comment and /)
    expect(untrusted('[pull_request, workflow_run, issue_comment]', job)).toMatch(/^the workflow runs on workflow_run and /)
  })
})

describe('runnerKind', () => {
  const kb = loadKnowledgeBase()
  const host = (labels?: string[]): HostRef => ({
    info: { label: 'x', os: 'windows', kind: 'server', docker: true },
    ...(labels ? { labels } : {}),
  })
  it('GitHub-hosted labels, self-hosted labels, unknown label sets, ephemeral runners', () => {
    expect(runnerKind(host(['windows-2022']), kb, undefined)).toBe('github-hosted')
    expect(runnerKind(host(['Windows-Latest']), kb, undefined)).toBe('github-hosted')
    expect(runnerKind(host(['self-hosted', 'windows-2022']), kb, undefined)).toBe('self-hosted')
    expect(runnerKind(host(['windows', 'gpu']), kb, undefined)).toBe('self-hosted')
    expect(runnerKind(host(['X64', 'build-pool']), kb, undefined)).toBe('self-hosted')
    // Names alone: a larger runner (GitHub-hosted) or a runner scale set may be one.
    expect(runnerKind(host(['github-hosted-windows-x64-large']), kb, undefined)).toBeUndefined()
    expect(runnerKind(host(['arc-windows', 'gpu']), kb, undefined)).toBeUndefined()
    expect(runnerKind(host(['arc-windows']), kb, () => ({ hyperv: true }))).toBeUndefined()
    expect(runnerKind(host(['arc-windows']), kb, () => ({ ephemeral: false }))).toBe('self-hosted')
    expect(runnerKind(host(['arc-windows']), kb, () => ({ ephemeral: true }))).toBe('ephemeral')
    expect(runnerKind(host(['self-hosted', 'windows']), kb, (l) => (l.includes('windows') ? { ephemeral: true } : undefined))).toBe('ephemeral')
    expect(runnerKind(host(['self-hosted', 'windows']), kb, () => ({ ephemeral: false }))).toBe('self-hosted')
    expect(runnerKind(host(), kb, undefined)).toBeUndefined()
    expect(runnerKind(undefined, kb, undefined)).toBeUndefined()
  })
})
