import { describe, expect, it } from 'vitest'
import type { Finding, Severity } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'
import type { ReviewCreate } from '../../src/action/api.js'
import { pullDiff } from '../../src/action/diff.js'
import {
  commentBody,
  fixedLine,
  planReview,
  publishReview,
  readMarker,
  suggestionBlock,
  type ReviewOptions,
} from '../../src/action/review.js'
import type { ReportedFinding } from '../../src/reporters/annotations.js'
import { FakeApi } from './fakes.js'

const FILE = 'src/api/Dockerfile'
const SOURCE = [
  '# escape=`',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS build',
  'RUN echo hi',
  'FROM mcr.microsoft.com/windows/nanoserver:ltsc2019',
  'CMD ["app.exe"]',
  '',
].join('\n')
// Lines 2-3 are added by the pull request; 1 and 4 are context; 5 is outside the hunk.
const PATCH = '@@ -1,3 +1,4 @@\n # escape=`\n+FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS build\n+RUN echo hi\n FROM mcr.microsoft.com/windows/nanoserver:ltsc2019'

function f(line: number, severity: Severity = 'error', extra: Partial<ReportedFinding> = {}): ReportedFinding {
  const text = SOURCE.split('\n')[line - 1]!
  return { ruleId: 'process-isolation-build-mismatch', severity, message: `problem on ${line}`, span: span(FILE, line, 1, line, text.length + 1), related: [], ...extra }
}

/** The tag fix a rule gives: replace `ltsc2019` on the FROM line. */
function withFix(line: number): ReportedFinding {
  const text = SOURCE.split('\n')[line - 1]!
  const at = text.indexOf('ltsc2019') + 1
  return f(line, 'error', {
    fix: { span: span(FILE, line, at, line, at + 8), replacement: 'ltsc2022', description: 'use the ltsc2022 image' },
  })
}

const OPTIONS: ReviewOptions = {
  mode: 'comments',
  diff: pullDiff([{ filename: FILE, status: 'modified', patch: PATCH }]),
  sources: new Map([[FILE, SOURCE]]),
  headSha: '0123456789abcdef',
}

describe('planReview', () => {
  it('comments only on RIGHT-side lines inside the diff; the rest goes to the summary', () => {
    const findings = [f(2), f(4, 'warning'), f(5), { ...f(1), span: span('other/Dockerfile', 1, 1, 1, 2) }]
    const plan = planReview(findings, [], OPTIONS)
    expect(plan.create.map((c) => [c.path, c.line, c.side])).toEqual([
      [FILE, 2, 'RIGHT'],
      [FILE, 4, 'RIGHT'],
    ])
    expect(plan.outside.map((x) => x.span.start.line)).toEqual([5, 1])
    expect(plan.commented.map((x) => x.span.start.line)).toEqual([2, 4])
  })

  it('adds a suggestion with the whole fixed line in suggestions mode', () => {
    const plan = planReview([withFix(2)], [], { ...OPTIONS, mode: 'suggestions' })
    expect(plan.create).toHaveLength(1)
    expect(plan.create[0]!.body).toContain('```suggestion\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\n```')
    const plain = planReview([withFix(2)], [], OPTIONS)
    expect(plain.create[0]!.body).not.toContain('suggestion')
  })

  it('never comments on suppressed findings', () => {
    expect(planReview([{ ...f(2), suppressed: true }], [], OPTIONS).create).toEqual([])
  })

  it('does not duplicate on re-runs, updates changed text, resolves findings that are gone', () => {
    const first = planReview([f(2), f(3)], [], OPTIONS)
    const existing = first.create.map((c, i) => ({ id: i + 1, body: c.body, path: c.path, line: c.line }))
    // Same findings: nothing to do.
    const again = planReview([f(2), f(3)], existing, OPTIONS)
    expect([again.create, again.update, again.resolve]).toEqual([[], [], []])
    expect(again.commented).toHaveLength(2)
    // Line 2's finding got a related location (same finding, new text); line 3's finding is gone.
    const related = [{ span: span('.github/workflows/ci.yml', 9, 1, 9, 5), message: 'runs on windows-2025' }]
    const next = planReview([{ ...f(2), related }], existing, OPTIONS)
    expect(next.create).toEqual([])
    expect(next.update.map((u) => u.id)).toEqual([1])
    expect(next.update[0]!.body).toContain('runs on windows-2025')
    expect(next.resolve.map((r) => r.id)).toEqual([2])
    expect(next.resolve[0]!.body).toContain('Resolved')
    expect(readMarker(next.resolve[0]!.body)).toMatchObject({ resolved: true })
    // When it comes back, the resolved comment is reopened rather than a new one posted.
    const back = planReview([f(2), f(3)], [existing[0]!, { ...existing[1]!, body: next.resolve[0]!.body }], OPTIONS)
    expect(back.create).toEqual([])
    expect(back.update.map((u) => u.id)).toEqual([2])
    // No resolutions when some rule crashed (its findings are missing, not fixed).
    expect(planReview([], existing, { ...OPTIONS, resolveStale: false }).resolve).toEqual([])
  })

  it('tells apart findings on identical lines by what they are about', () => {
    const same = (line: number, message: string): ReportedFinding => ({ ...f(2), message, span: span(FILE, line, 1, line, 5) })
    const first = planReview([same(2, 'service a'), same(3, 'service b')], [], OPTIONS)
    const existing = first.create.map((c, i) => ({ id: i + 1, body: c.body, path: c.path, line: c.line }))
    // Service a is fixed: its comment is resolved, b's stays (b does not inherit a's comment).
    const next = planReview([same(3, 'service b')], existing, OPTIONS)
    expect(next.resolve.map((r) => r.id)).toEqual([1])
    expect([next.create, next.update]).toEqual([[], []])
  })

  it('ignores comments without an isolint marker', () => {
    const plan = planReview([f(2)], [{ id: 9, body: 'LGTM <!-- other -->', path: FILE, line: 2 }], OPTIONS)
    expect(plan.create).toHaveLength(1)
    expect(plan.resolve).toEqual([])
  })

  it('caps new comments, keeping the most severe', () => {
    const plan = planReview([f(4, 'note'), f(3, 'warning'), f(2, 'error')], [], { ...OPTIONS, maxComments: 2 })
    expect(plan.create.map((c) => c.finding.severity)).toEqual(['error', 'warning'])
    expect(plan.outside.map((x) => x.severity)).toEqual(['note'])
  })
})

describe('comment text', () => {
  it('escapes repository text and hides the marker', () => {
    const body = commentBody({ ...f(2), message: 'ping @admin <img src=x> [x](y) ```' }, 'abcdef0123456789')
    expect(body).not.toContain('@admin')
    expect(body).not.toContain('<img')
    expect(body).not.toContain('```')
    expect(readMarker(body)).toEqual({ fingerprint: 'abcdef0123456789', ruleId: 'process-isolation-build-mismatch', resolved: false })
  })

  it('uses a fence longer than any backtick run in the suggestion', () => {
    expect(suggestionBlock('RUN echo ```x``')).toBe('````suggestion\nRUN echo ```x``\n````')
    expect(suggestionBlock('plain')).toBe('```suggestion\nplain\n```')
  })

  it('builds the fixed line only for one-line fixes inside the line', () => {
    expect(fixedLine(withFix(2), OPTIONS.sources)).toEqual({ line: 2, text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build' })
    const bad: Finding = { ...withFix(2), fix: { span: span(FILE, 2, 1, 3, 1), replacement: 'x', description: 'd' } }
    expect(fixedLine(bad, OPTIONS.sources)).toBeUndefined()
    expect(fixedLine(f(2), OPTIONS.sources)).toBeUndefined()
  })

  it('suggests an inserted line as a two-line suggestion on the line before it, the same edit as --fix', () => {
    const compose = 'services:\n  web:\n    image: contoso/web:1-ltsc2022\n'
    const sources = new Map([['compose.prod.yml', compose]])
    const insert: Finding = {
      ruleId: 'production-requires-hyperv',
      severity: 'error',
      message: 'm',
      span: span('compose.prod.yml', 2, 3, 2, 6),
      related: [],
      fix: { span: span('compose.prod.yml', 3, 1, 3, 1), replacement: '    isolation: hyperv\n', description: 'use Hyper-V isolation' },
    }
    expect(fixedLine(insert, sources)).toEqual({ line: 2, text: '  web:\n    isolation: hyperv' })
    // An option inserted inside a line is a one-line suggestion.
    const run: Finding = { ...insert, span: span('compose.prod.yml', 3, 12, 3, 36), fix: { span: span('compose.prod.yml', 3, 12, 3, 12), replacement: 'x', description: 'd' } }
    expect(fixedLine(run, sources)).toEqual({ line: 3, text: '    image: xcontoso/web:1-ltsc2022' })
  })
})

describe('publishReview', () => {
  it('sends one COMMENT review with every new comment on the head commit', async () => {
    const api = new FakeApi()
    const plan = planReview([f(2), f(4), f(5)], [], OPTIONS)
    const res = await publishReview(api, 7, plan, 'headsha', plan.outside.length)
    expect(res).toEqual({ created: 2, updated: 0, resolved: 0, forbidden: false, errors: [] })
    const [pull, review] = api.callsOf('createReview')[0]!.args as [number, ReviewCreate]
    expect(pull).toBe(7)
    expect(review.event).toBe('COMMENT')
    expect(review.commit_id).toBe('headsha')
    expect(review.comments.map((c) => c.line)).toEqual([2, 4])
    expect(review.body).toContain('1 more finding is listed in the job summary')
  })

  it('stops on 403 and reports a 422 without throwing', async () => {
    const plan = planReview([f(2)], [], OPTIONS)
    const forbidden = new FakeApi()
    forbidden.fail.set('createReview', { status: 403, message: 'Resource not accessible by integration' })
    expect((await publishReview(forbidden, 1, plan, 'h', 0)).forbidden).toBe(true)
    const invalid = new FakeApi()
    invalid.fail.set('createReview', { status: 422, message: 'Pull request review thread line must be part of the diff' })
    const res = await publishReview(invalid, 1, plan, 'h', 0)
    expect(res.created).toBe(0)
    expect(res.errors[0]).toContain('422')
  })
})
