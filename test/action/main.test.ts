/**
 * The action's orchestration with a fake runner and a fake GitHub API (no module mocks), on real temporary
 * workspaces linted by the real linter. The bundled action is tested end to end in e2e.test.ts.
 */
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CheckRunCreate, CheckRunUpdate, ReviewCreate } from '../../src/action/api.js'
import { run } from '../../src/action/main.js'
import { FakeApi, FakeIO } from './fakes.js'
import { expectValidSarif } from './sarif-schema.js'
import { COMPOSE, WORKFLOW, addedPatch, imageLine, makeWorkspace, untaggedCompose, workflow } from './workspace.js'

function env(ws: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: 'pushsha',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: realpathSync(mkdtempSync(path.join(tmpdir(), 'isolint-temp-'))),
    ...extra,
  }
}

/** A pull_request event payload file. */
function prEvent(headRepo = 'octo/repo'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'isolint-event-')), 'event.json')
  const payload = { number: 7, pull_request: { number: 7, head: { sha: 'headsha', repo: { full_name: headRepo } }, base: { sha: 'basesha' } } }
  writeFileSync(file, JSON.stringify(payload))
  return file
}

/** The summary text as rendered (character references decoded). */
function shown(md: string | undefined): string {
  return (md ?? '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
}

async function runWith(inputs: Record<string, string>, e: Record<string, string>, api = new FakeApi()): Promise<FakeIO> {
  const io = new FakeIO({ 'github-token': 'secret-token', ...inputs }, e, api)
  await run(io)
  return io
}

describe('run: 120 findings on a push', () => {
  const ws = makeWorkspace({ [WORKFLOW]: workflow(), [COMPOSE]: untaggedCompose(60) })

  it('annotates 9 + 10 + a notice (the failure message is the 10th error), sends all 120 to the check run in batches, writes summary, SARIF, outputs', async () => {
    const api = new FakeApi()
    const io = await runWith({}, env(ws), api)
    // GitHub keeps 10 error annotations per step, and the step's failure message is one of them.
    expect(io.annotations.filter((a) => a.level === 'error')).toHaveLength(9)
    expect(io.annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    const notices = io.annotations.filter((a) => a.level === 'notice')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toContain('101 more findings are not shown as annotations (51 errors, 50 warnings, 0 notes)')
    expect(notices[0]!.message).toContain('the job summary, the isolint check run, the SARIF file isolint.sarif')

    expect(api.calls.map((c) => c.method)).toEqual(['createCheckRun', 'updateCheckRun', 'updateCheckRun', 'updateCheckRun'])
    const create = api.callsOf('createCheckRun')[0]!.args[0] as CheckRunCreate
    expect(create.head_sha).toBe('pushsha')
    const updates = api.callsOf('updateCheckRun').map((c) => c.args[1] as CheckRunUpdate)
    expect([create, ...updates].map((r) => r.output.annotations?.length ?? 0)).toEqual([50, 50, 20, 0])
    expect(updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' })

    expect(io.summaries).toHaveLength(1)
    expect(io.summaries[0]).toContain('## isolint: 60 errors, 60 warnings, 0 notes')
    expect(io.summaries[0]).toContain('101 findings are not shown as workflow annotations')
    expect(io.summaries[0]).toContain('https://github.com/octo/repo/blob/pushsha/deploy/compose.yml#L3')

    const sarif = expectValidSarif(readFileSync(path.join(ws, 'isolint.sarif'), 'utf8'))
    expect(sarif.runs[0]!.results).toHaveLength(120)
    expect(Object.fromEntries(io.outputs)).toMatchObject({
      errors: '60',
      warnings: '60',
      notes: '0',
      conclusion: 'failure',
      'sarif-file': path.join(ws, 'isolint.sarif'),
    })
    const report = JSON.parse(readFileSync(io.outputs.get('findings-file')!, 'utf8')) as { findings: unknown[] }
    expect(report.findings).toHaveLength(120)
    expect(io.failed).toBe('isolint: 60 findings at or above fail-on (error): 60 errors, 60 warnings, 0 notes')
    // The token is never printed.
    expect(JSON.stringify([io.log, io.warnings, io.summaries, io.untrustedBlocks])).not.toContain('secret-token')
  })

  it('falls back to annotations on 403 and says so once', async () => {
    const api = new FakeApi()
    api.fail.set('createCheckRun', { status: 403, message: 'Resource not accessible by integration' })
    const io = await runWith({ annotations: 'false' }, env(ws), api)
    expect(io.annotations.filter((a) => a.level === 'error')).toHaveLength(9)
    expect(io.warnings.filter((w) => w.includes('may not write checks'))).toHaveLength(1)
    expect(io.annotations.at(-1)!.message).not.toContain('check run')
    expect(shown(io.summaries[0])).toContain('No check run: the token may not write checks')
    expect(io.failed).toContain('60 findings at or above fail-on')
  })

  it('also falls back to annotations when the check run cannot be created for another reason', async () => {
    const api = new FakeApi()
    api.fail.set('createCheckRun', { status: 502, message: 'Bad Gateway' })
    const io = await runWith({ annotations: 'false' }, env(ws), api)
    expect(io.annotations.filter((a) => a.level === 'error')).toHaveLength(9)
    expect(io.warnings.some((w) => w.includes('creating the check run failed (502): Bad Gateway'))).toBe(true)
    expect(io.failed).toContain('60 findings at or above fail-on')
  })

  it('passes with fail-on none, and skips what is turned off', async () => {
    const api = new FakeApi()
    const io = await runWith({ 'fail-on': 'none', annotations: 'false', 'check-run': 'false', summary: 'false' }, env(ws), api)
    expect(io.failed).toBeUndefined()
    expect(io.outputs.get('conclusion')).toBe('neutral')
    expect(io.annotations).toEqual([])
    expect(io.summaries).toEqual([])
    expect(api.calls).toEqual([])
  })

  it('fails on warnings when fail-on is warning', async () => {
    const small = makeWorkspace({ 'compose.yml': 'services:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver:20H2\n' })
    const io = await runWith({ 'fail-on': 'warning', 'check-run': 'false' }, env(small))
    expect(io.outputs.get('warnings')).toBe('1')
    expect(io.failed).toContain('1 finding at or above fail-on (warning)')
  })
})

describe('run: pull requests', () => {
  const composeText = untaggedCompose(5)
  const ws = makeWorkspace({
    [WORKFLOW]: workflow(),
    [COMPOSE]: composeText,
    'other/compose.yml': untaggedCompose(2),
  })
  // The PR adds services 1 and 2 (lines 4-7) of deploy/compose.yml.
  const files = () => [{ filename: COMPOSE, status: 'modified', patch: addedPatch(composeText, 4, 7) }]

  it('scope changed keeps changed files and the files linked to them', async () => {
    const api = new FakeApi()
    api.files = files()
    const io = await runWith({ scope: 'changed', 'check-run': 'false' }, env(ws, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: prEvent() }), api)
    // 5 services × 2 in deploy/compose.yml; other/compose.yml (2 errors; no workflow starts it) is out of scope.
    expect(io.outputs.get('errors')).toBe('5')
    expect(io.outputs.get('warnings')).toBe('5')
    expect(shown(io.summaries[0])).toContain('Scope: the 1 file changed by pull request #7')
    // Annotations rank the lines in the diff first.
    expect(io.annotations[0]!.props).toMatchObject({ file: COMPOSE, startLine: imageLine(1) })
    // The SARIF file still holds the whole workspace; the JSON report holds the findings in scope.
    expect(expectValidSarif(readFileSync(path.join(ws, 'isolint.sarif'), 'utf8')).runs[0]!.results).toHaveLength(12)
    const report = JSON.parse(readFileSync(io.outputs.get('findings-file')!, 'utf8')) as { findings: { file: string }[] }
    expect(new Set(report.findings.map((x) => x.file))).toEqual(new Set([COMPOSE]))
  })

  it('scope changed on a push reports everything and says why', async () => {
    const io = await runWith({ scope: 'changed', 'check-run': 'false' }, env(ws))
    expect(io.outputs.get('errors')).toBe('7')
    expect(io.log.some((l) => l.includes("scope 'changed' applies to pull_request events"))).toBe(true)
  })

  it('posts one review with comments on diff lines only, and does not duplicate on a re-run', async () => {
    const api = new FakeApi()
    api.files = files()
    const e = env(ws, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: prEvent('fork/repo') })
    const io = await runWith({ 'pr-review': 'comments' }, e, api)
    const reviews = api.callsOf('createReview')
    expect(reviews).toHaveLength(1)
    const review = reviews[0]!.args[1] as ReviewCreate
    expect(review.event).toBe('COMMENT')
    expect(review.commit_id).toBe('headsha')
    // Services 1 and 2 have their image on lines 5 and 7, each with an error and a warning.
    expect(review.comments.map((c) => [c.path, c.line, c.side])).toEqual([
      [COMPOSE, 5, 'RIGHT'],
      [COMPOSE, 7, 'RIGHT'],
      [COMPOSE, 5, 'RIGHT'],
      [COMPOSE, 7, 'RIGHT'],
    ])
    // The check run goes to the PR head; summary links point at the head repository (a fork).
    expect((api.callsOf('createCheckRun')[0]!.args[0] as CheckRunCreate).head_sha).toBe('headsha')
    expect(io.summaries[0]).toContain('https://github.com/fork/repo/blob/headsha/deploy/compose.yml#L5')
    expect(io.summaries[0]).toContain('review comment')

    const again = await runWith({ 'pr-review': 'comments' }, e, api)
    expect(api.callsOf('createReview')).toHaveLength(1)
    expect(api.callsOf('updateReviewComment')).toHaveLength(0)
    expect(again.failed).toBe('isolint: 7 findings at or above fail-on (error): 7 errors, 5 warnings, 0 notes')
  })

  it('falls back to the summary when the token may not write reviews', async () => {
    const api = new FakeApi()
    api.files = files()
    api.fail.set('createReview', { status: 403, message: 'Resource not accessible by integration' })
    const io = await runWith({ 'pr-review': 'comments', 'check-run': 'false' }, env(ws, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: prEvent() }), api)
    expect(io.warnings.some((w) => w.includes('may not write pull request reviews'))).toBe(true)
    expect(io.summaries[0]).not.toContain('review comment |')
  })
})

describe('run: errors', () => {
  const ws = makeWorkspace({ 'Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' })

  it('fails with the input error and still writes a valid SARIF file', async () => {
    const io = await runWith({ 'fail-on': 'fatal' }, env(ws))
    expect(io.failed).toBe("isolint: input 'fail-on' must be one of error, warning, note, none, got 'fatal'")
    expect(io.outputs.get('conclusion')).toBe('failure')
    const sarif = expectValidSarif(readFileSync(path.join(ws, 'isolint.sarif'), 'utf8'))
    expect(sarif.runs[0]!.results).toEqual([])
    expect(sarif.runs[0]!.invocations![0]).toMatchObject({ executionSuccessful: false })
    expect(sarif.runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain("input 'fail-on'")
    expect(sarif.runs[0]!.tool.driver.rules!.length).toBeGreaterThan(0)
  })

  it('reports an internal error as a bug, and writes a SARIF file that says the run did not finish', async () => {
    const broken = makeWorkspace({ Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' })
    const io = new FakeIO({ 'github-token': 'secret-token' }, env(broken))
    io.api = () => {
      throw new TypeError('boom')
    }
    await run(io)
    expect(io.failed).toBe('isolint: internal error: boom. This is a bug in isolint; please report it.')
    expect(io.log.some((l) => l.startsWith('debug: TypeError: boom'))).toBe(true)
    const sarif = expectValidSarif(readFileSync(path.join(broken, 'isolint.sarif'), 'utf8'))
    expect(sarif.runs[0]!.invocations![0]).toMatchObject({ executionSuccessful: false })
    expect(io.outputs.get('sarif-file')).toBe(path.join(broken, 'isolint.sarif'))
  })

  it('fails with file:line:column on an invalid config, and reads a valid one', async () => {
    writeFileSync(path.join(ws, 'bad.yml'), 'ignore: [x]\nrunnrs: []\n')
    const bad = await runWith({ config: 'bad.yml' }, env(ws))
    expect(bad.failed).toContain("bad.yml:2:1: unknown key 'runnrs' in the config")
    const missing = await runWith({ config: 'none.yml' }, env(ws))
    expect(missing.failed).toContain('cannot read config')
    writeFileSync(path.join(ws, 'good.yml'), 'fail-on: none\n')
    const good = await runWith({ config: 'good.yml' }, env(ws))
    expect(good.failed).toBeUndefined()
  })

  it('refuses paths outside the workspace', async () => {
    const io = await runWith({ paths: '../../etc' }, env(ws))
    expect(io.failed).toContain("path '../../etc' is outside the workspace")
  })

  it('says plainly that nothing was linted when paths holds no file isolint reads', async () => {
    const empty = makeWorkspace({ 'docs/README.md': '# docs\n' })
    const io = await runWith({ paths: 'docs', 'github-token': '' }, env(empty))
    expect(io.failed).toBeUndefined()
    expect(io.annotations).toEqual([
      {
        level: 'notice',
        message: 'Nothing was linted: no Dockerfile, Compose file or GitHub workflow was found under paths (docs). Check the paths input.',
        props: { title: 'isolint: nothing was linted' },
      },
    ])
    expect(shown(io.summaries[0])).toContain('- Nothing was linted: no Dockerfile, Compose file or GitHub workflow was found under paths (docs).')
    expect(shown(io.summaries[0])).toContain('0 files linted')
  })

  it('succeeds with a clean workspace and no token', async () => {
    const io = await runWith({ 'github-token': '' }, env(ws))
    expect(io.failed).toBeUndefined()
    expect(io.outputs.get('conclusion')).toBe('success')
    expect(shown(io.summaries[0])).toContain('No check run: no github-token')
    expect(expectValidSarif(readFileSync(path.join(ws, 'isolint.sarif'), 'utf8')).runs[0]!.results).toEqual([])
  })
})
