/**
 * End-to-end tests of the committed bundle: `node dist/index.js` with INPUT_* variables, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, a real pull_request payload in GITHUB_EVENT_PATH, and a local HTTP server standing in for
 * the GitHub API at a GHES-style GITHUB_API_URL. Run `npm run bundle` after changing src/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Result } from 'sarif'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FakeGitHub, type FakeGitHubOptions } from './api-server.js'
import { BUNDLE, pullRequestEvent, runStep, type Command, type StepOptions, type StepResult } from './runner.js'
import { expectValidSarif } from './sarif-schema.js'
import { COMPOSE, WORKFLOW, addedPatch, imageLine, makeWorkspace, untaggedCompose, workflow } from './workspace.js'

const HEAD = 'headsha1111111111111111111111111111111111'
const TOKEN = 'ghs_testtoken'

let server: FakeGitHub | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

beforeAll(() => {
  expect(existsSync(BUNDLE), 'dist/index.js is missing: run npm run bundle').toBe(true)
})

async function withApi(options: FakeGitHubOptions): Promise<FakeGitHub> {
  server = new FakeGitHub(options)
  await server.start()
  return server
}

async function step(api: FakeGitHub | undefined, options: StepOptions): Promise<StepResult> {
  return runStep({ ...options, env: { ...(api ? { GITHUB_API_URL: api.url } : {}), ...options.env } })
}

function onPullRequest(options: StepOptions, headRepo = 'octo/repo'): StepOptions {
  return { ...options, eventName: 'pull_request', event: pullRequestEvent(7, HEAD, headRepo) }
}

/** Annotations on files (the setFailed message is an error command without a file). */
function annotations(r: StepResult, level?: string): Command[] {
  return r.commands.filter(
    (c) =>
      ['error', 'warning', 'notice'].includes(c.command) &&
      (level === undefined || c.command === level) &&
      c.properties.file !== undefined,
  )
}

interface CheckRunBody {
  name?: string
  head_sha?: string
  status?: string
  conclusion?: string
  output: { annotations?: { annotation_level: string }[] }
}

interface ReviewBody {
  event: string
  commit_id: string
  comments: { path: string; line: number; side: string; body: string }[]
}

function sarifResults(file: string): Result[] {
  return expectValidSarif(readFileSync(file, 'utf8')).runs[0]!.results ?? []
}

interface JsonFinding {
  ruleId: string
  severity: string
  message: string
  file: string
  line: number
}

function findingsOf(r: StepResult): JsonFinding[] {
  return (JSON.parse(readFileSync(r.outputs['findings-file']!, 'utf8')) as { findings: JsonFinding[] }).findings
}

describe('dist/index.js: a pull request with 120 findings', () => {
  const compose = untaggedCompose(60)
  const ws = makeWorkspace({ [WORKFLOW]: workflow(), [COMPOSE]: compose })

  it('annotates 9 + 10 + a notice (the failure is the 10th error), puts all 120 in the check run, writes summary, SARIF and outputs', async () => {
    const api = await withApi({
      files: [
        { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
        { filename: COMPOSE, status: 'modified', patch: addedPatch(compose, 100, 121) },
      ],
      pageSize: 1,
    })
    const r = await step(api, onPullRequest({ workspace: ws }))
    expect(r.exitCode).toBe(1)
    expect(api.problems).toEqual([])

    // Workflow-command annotations: 9 errors, 10 warnings, one notice; lines in the diff come first. The step's
    // failure message is an error annotation too: 10 errors in all, as many as GitHub keeps.
    expect(annotations(r, 'error')).toHaveLength(9)
    expect(r.commands.filter((c) => c.command === 'error')).toHaveLength(10)
    expect(annotations(r, 'warning')).toHaveLength(10)
    const notices = r.commands.filter((c) => c.command === 'notice')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.data).toContain('101 more findings are not shown as annotations (51 errors, 50 warnings, 0 notes)')
    expect(notices[0]!.data).toContain('the isolint check run')
    const errorLines = annotations(r, 'error').map((c) => Number(c.properties.line))
    expect(errorLines.every((l) => l >= 100 && l <= 121)).toBe(true)
    for (const c of annotations(r)) {
      expect(c.properties.title).toMatch(/^(windows-image-missing-tag|unknown-image-build)$/)
      expect(c.properties.file).toBe(COMPOSE)
    }
    // Severities map exactly.
    expect(annotations(r, 'error').every((c) => c.properties.title === 'windows-image-missing-tag')).toBe(true)
    expect(annotations(r, 'warning').every((c) => c.properties.title === 'unknown-image-build')).toBe(true)

    // The pull request's files were read page by page, at the GHES API URL, with the token.
    expect(api.of('GET', /\/pulls\/7\/files$/).map((q) => q.query.get('page') ?? '1')).toEqual(['1', '2'])
    // The check run: create with 50, updates with 50 and 20, then the conclusion; on the PR head.
    const create = api.of('POST', /\/repos\/octo\/repo\/check-runs$/)
    const updates = api.of('PATCH', /\/repos\/octo\/repo\/check-runs\/77$/)
    expect(create).toHaveLength(1)
    const bodies = [create[0]!, ...updates].map((q) => q.body as CheckRunBody)
    expect(bodies[0]!.name).toBe('isolint')
    expect(bodies[0]!.head_sha).toBe(HEAD)
    expect(bodies.map((b) => b.output.annotations?.length ?? 0)).toEqual([50, 50, 20, 0])
    const levels = bodies.flatMap((b) => (b.output.annotations ?? []).map((a) => a.annotation_level))
    expect(levels.filter((l) => l === 'failure')).toHaveLength(60)
    expect(levels.filter((l) => l === 'warning')).toHaveLength(60)
    expect(updates.at(-1)!.body).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(api.requests.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true)
    // No review without pr-review.
    expect(api.of('POST', /\/reviews$/)).toEqual([])

    // Job summary, SARIF, JSON report, outputs.
    expect(r.summary).toContain('## isolint: 60 errors, 60 warnings, 0 notes')
    expect(r.summary).toContain('101 findings are not shown as workflow annotations')
    expect(r.summary).toContain(`https://github.com/octo/repo/blob/${HEAD}/deploy/compose.yml#L3)`)
    expect(sarifResults(path.join(ws, 'isolint.sarif'))).toHaveLength(120)
    expect(findingsOf(r)).toHaveLength(120)
    expect(r.outputs).toMatchObject({ errors: '60', warnings: '60', notes: '0', conclusion: 'failure' })
    expect(r.outputs['sarif-file']).toBe(path.join(ws, 'isolint.sarif'))
    // setFailed: the step fails with a message that says why.
    const failed = r.commands.filter((c) => c.command === 'error' && c.properties.file === undefined)
    expect(failed.map((c) => c.data)).toEqual(['isolint: 60 findings at or above fail-on (error): 60 errors, 60 warnings, 0 notes'])
    // The token never reaches the log.
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  })

  it('falls back to workflow-command annotations on 403 and says so once', async () => {
    const api = await withApi({ checkRunStatus: 403 })
    const r = await step(api, { workspace: ws, inputs: { annotations: 'false' } })
    expect(r.exitCode).toBe(1)
    expect(api.of('POST', /check-runs$/)).toHaveLength(1)
    expect(api.of('PATCH', /check-runs/)).toEqual([])
    expect(annotations(r, 'error')).toHaveLength(9)
    expect(r.commands.filter((c) => c.command === 'error')).toHaveLength(10)
    expect(annotations(r, 'warning')).toHaveLength(10)
    expect(r.log.filter((l) => l.includes('may not write checks'))).toHaveLength(1)
    // The fallback warning is a log line, not an annotation eating the warning budget.
    expect(r.commands.filter((c) => c.command === 'warning' && c.properties.file === undefined)).toEqual([])
    expect(r.summary).toContain('No check run')
  })
})

describe('dist/index.js: review comments', () => {
  // Services on windows-2025 with ltsc2019 images: process isolation cannot run them; the fix is the ltsc2025 tag.
  const lines = ['services:']
  for (let i = 0; i < 6; i++) lines.push(`  app${i}:`, '    image: mcr.microsoft.com/windows/nanoserver:ltsc2019')
  const compose = `${lines.join('\n')}\n`
  const ws = makeWorkspace({ [WORKFLOW]: workflow(), [COMPOSE]: compose })
  // The pull request adds services 2 and 3 (lines 6-9).
  const files = [{ filename: COMPOSE, status: 'modified', patch: addedPatch(compose, 6, 9) }]

  it('posts one COMMENT review on diff lines with suggested changes, and updates instead of duplicating', async () => {
    const api = await withApi({ files })
    const first = await step(api, onPullRequest({ workspace: ws, inputs: { 'pr-review': 'suggestions', 'check-run': 'false' } }))
    expect(api.problems).toEqual([])
    const reviews = api.of('POST', /\/repos\/octo\/repo\/pulls\/7\/reviews$/)
    expect(reviews).toHaveLength(1)
    const review = reviews[0]!.body as ReviewBody
    expect(review.event).toBe('COMMENT')
    expect(review.commit_id).toBe(HEAD)
    expect(review.comments.length).toBeGreaterThan(0)
    expect(new Set(review.comments.map((c) => c.line))).toEqual(new Set([imageLine(2), imageLine(3)]))
    const fixed = review.comments.filter((c) => c.body.includes('```suggestion'))
    expect(fixed.length).toBeGreaterThan(0)
    const suggestion = '```suggestion\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2025\n```'
    for (const c of fixed) expect(c.body).toContain(suggestion)
    // The summary says which findings got a review comment; the others (outside the diff) only an annotation.
    const rows = first.summary.split('\n').filter((l) => l.startsWith('| 🔴'))
    expect(rows).toHaveLength(6)
    expect(rows.filter((l) => l.endsWith('| annotation, review comment |'))).toHaveLength(review.comments.length)
    expect(rows.filter((l) => l.endsWith('| annotation |'))).toHaveLength(6 - review.comments.length)

    // Re-run on the same commit: nothing new, nothing rewritten.
    await step(api, onPullRequest({ workspace: ws, inputs: { 'pr-review': 'suggestions', 'check-run': 'false' } }))
    expect(api.of('POST', /\/reviews$/)).toHaveLength(1)
    expect(api.of('PATCH', /\/pulls\/comments\//)).toEqual([])

    // Service 2 fixed: its comments are marked resolved, the others stay.
    const composePath = path.join(ws, ...COMPOSE.split('/'))
    writeFileSync(composePath, compose.replace(/(app2:\n {4}image: [^\n]*:)ltsc2019/, '$1ltsc2025'))
    await step(api, onPullRequest({ workspace: ws, inputs: { 'pr-review': 'suggestions', 'check-run': 'false' } }))
    const patched = api.of('PATCH', /\/pulls\/comments\//)
    expect(patched.length).toBeGreaterThan(0)
    for (const p of patched) expect((p.body as { body: string }).body).toContain('Resolved')
    const resolvedIds = new Set(patched.map((p) => Number(p.path.split('/').at(-1))))
    expect(api.comments.filter((c) => resolvedIds.has(c.id)).every((c) => c.line === imageLine(2))).toBe(true)
    expect(api.of('POST', /\/reviews$/)).toHaveLength(1)
    writeFileSync(composePath, compose)
  })
})

describe('dist/index.js: scope changed', () => {
  it('reports the changed files and the files linked to them', async () => {
    const ws = makeWorkspace({
      [WORKFLOW]: workflow(),
      [COMPOSE]: untaggedCompose(3),
      'unrelated/compose.yml': untaggedCompose(4),
    })
    const patch = '@@ -4 +4 @@\n-    runs-on: windows-2022\n+    runs-on: windows-2025'
    const api = await withApi({ files: [{ filename: WORKFLOW, status: 'modified', patch }] })
    const r = await step(api, onPullRequest({ workspace: ws, inputs: { scope: 'changed', 'check-run': 'false' } }))
    // The changed workflow re-checks the Compose file its job starts; unrelated/compose.yml is left out.
    expect(new Set(findingsOf(r).map((f) => f.file))).toEqual(new Set([COMPOSE]))
    expect(r.outputs.errors).toBe('3')
    // SARIF keeps the whole workspace, so code scanning does not close alerts in other files.
    expect(sarifResults(path.join(ws, 'isolint.sarif')).length).toBe(6 + 4)
  })
})

// Windows file names cannot hold ':', CR or LF.
describe.skipIf(process.platform === 'win32')('dist/index.js: escaping', () => {
  // A folder name and a Compose service name holding ::, %, \r, \n, commas and colons.
  const dir = 'we::ird %25,a:b\r\nx::warning::pwn'
  const service = 'web::error file=x::pwn %0A,a:b'
  const file = `${dir}/compose.production.yml`
  const ws = makeWorkspace({
    [file]: [
      'services:',
      `  "${service}":`,
      '    image: mcr.microsoft.com/windows/servercore:ltsc2022',
      // YAML escapes: the service name holds a real CR LF.
      '  "x\\r\\n::error::injected":',
      '    image: mcr.microsoft.com/windows/servercore:ltsc2022',
      '',
    ].join('\n'),
  })

  it('annotates exactly the findings, with file and message intact after the runner unescapes them', async () => {
    const r = await step(undefined, { workspace: ws, inputs: { 'check-run': 'false' } })
    const findings = findingsOf(r)
    expect(findings.length).toBeGreaterThanOrEqual(2)
    const shown = annotations(r)
    expect(shown.map((c) => [c.command, c.properties.file, c.properties.title, c.data.split('\n\nRelated:')[0]])).toEqual(
      findings.map((f) => [f.severity === 'note' ? 'notice' : f.severity, f.file, f.ruleId, f.message]),
    )
    expect(shown.every((c) => c.properties.file === file)).toBe(true)
    expect(findings.some((f) => f.message.includes(service))).toBe(true)
    expect(findings.some((f) => f.message.includes('x\r\n::error::injected'))).toBe(true)
    // Nothing was injected: every command is one the action emits on purpose.
    const expected = (c: Command): boolean =>
      ['group', 'endgroup', 'debug'].includes(c.command) ||
      (['error', 'warning', 'notice'].includes(c.command) && (c.properties.file === file || c.data.startsWith('isolint:')))
    const unexpected = r.commands.filter((c) => !expected(c))
    expect(unexpected).toEqual([])
    expect(r.commands.filter((c) => c.command === 'error' && c.properties.file === undefined)).toHaveLength(1)
    // The summary shows the names escaped: no raw line breaks inside table rows, no HTML.
    const rows = r.summary.split('\n').filter((l) => l.startsWith('| 🔴'))
    expect(rows).toHaveLength(findings.filter((f) => f.severity === 'error').length)
    for (const row of rows) expect(row.split('|')).toHaveLength(7)
    expect(r.summary).not.toMatch(/\r/)
    expect(sarifResults(path.join(ws, 'isolint.sarif')).length).toBe(findings.length)
  })
})

describe('dist/index.js: inputs and failures', () => {
  it('fails a bad input with a clear message and still writes a valid SARIF file', async () => {
    const ws = makeWorkspace({ Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' })
    const r = await step(undefined, { workspace: ws, inputs: { 'fail-on': 'fatal' } })
    expect(r.exitCode).toBe(1)
    expect(r.commands.filter((c) => c.command === 'error').map((c) => c.data)).toEqual([
      "isolint: input 'fail-on' must be one of error, warning, note, none, got 'fatal'",
    ])
    expect(r.outputs.conclusion).toBe('failure')
    const log = expectValidSarif(readFileSync(path.join(ws, 'isolint.sarif'), 'utf8'))
    expect(log.runs[0]!.results).toEqual([])
    expect(log.runs[0]!.invocations![0]!.executionSuccessful).toBe(false)
  })

  it('refuses a SARIF path outside the workspace', async () => {
    const ws = makeWorkspace({ Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' })
    const r = await step(undefined, { workspace: ws, inputs: { 'sarif-file': '../escape.sarif' } })
    expect(r.exitCode).toBe(1)
    expect(r.commands.find((c) => c.command === 'error')!.data).toContain("sarif-file '../escape.sarif' is outside the workspace")
    expect(existsSync(path.join(ws, '..', 'escape.sarif'))).toBe(false)
  })

  it('passes a clean workspace with zero findings and a valid empty SARIF file', async () => {
    const ws = makeWorkspace({ Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' })
    const api = await withApi({})
    const r = await step(api, { workspace: ws })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ errors: '0', warnings: '0', notes: '0', conclusion: 'success' })
    expect(sarifResults(path.join(ws, 'isolint.sarif'))).toEqual([])
    expect(api.of('PATCH', /check-runs\/77$/).at(-1)!.body).toMatchObject({ conclusion: 'success' })
    expect(r.summary).toContain('No findings.')
  })

  it('checks files no workflow runs only against the runner input, never against a guessed job host', async () => {
    const ws = makeWorkspace({ 'compose.yml': 'services:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2025\n' })
    const windows = { RUNNER_OS: 'Windows', ImageOS: 'win22' }
    const onWindows = await step(undefined, { workspace: ws, inputs: { 'check-run': 'false' }, env: windows })
    expect(onWindows.outputs.errors).toBe('0')
    const named = await step(undefined, { workspace: ws, inputs: { 'check-run': 'false', runner: 'windows-2022' }, env: windows })
    const found = findingsOf(named).filter((f) => f.ruleId === 'image-newer-than-host')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('windows-2022 (from the runner input)')
  })
})
