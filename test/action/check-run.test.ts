import { describe, expect, it } from 'vitest'
import type { Severity } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'
import type { CheckRunCreate, CheckRunUpdate } from '../../src/action/api.js'
import {
  conclusionOf,
  planCheckRun,
  publishCheckRun,
  toCheckAnnotation,
  truncateBytes,
} from '../../src/action/check-run.js'
import type { ReportedFinding } from '../../src/reporters/annotations.js'
import { FakeApi } from './fakes.js'

function f(severity: Severity, line: number): ReportedFinding {
  return { ruleId: `rule-${severity}`, severity, message: `m${line}`, span: span('a/Dockerfile', line, 2, line, 6), related: [] }
}

const OPTIONS = { headSha: 'abc', conclusion: 'failure', title: 't', summary: 's' } as const

describe('conclusionOf', () => {
  it('fails at or above fail-on, is neutral for lesser findings, succeeds without findings', () => {
    expect(conclusionOf([f('warning', 1)], 'error')).toBe('neutral')
    expect(conclusionOf([f('warning', 1)], 'warning')).toBe('failure')
    expect(conclusionOf([f('note', 1)], 'note')).toBe('failure')
    expect(conclusionOf([f('error', 1)], 'none')).toBe('neutral')
    expect(conclusionOf([], 'note')).toBe('success')
    expect(conclusionOf([{ ...f('error', 1), suppressed: true }], 'error')).toBe('success')
  })
})

describe('toCheckAnnotation', () => {
  it('maps severities exactly and keeps columns on one line only', () => {
    expect(toCheckAnnotation(f('error', 3))).toEqual({
      path: 'a/Dockerfile',
      start_line: 3,
      end_line: 3,
      start_column: 2,
      end_column: 5,
      annotation_level: 'failure',
      message: 'm3',
      title: 'rule-error',
    })
    expect(toCheckAnnotation(f('warning', 1)).annotation_level).toBe('warning')
    expect(toCheckAnnotation(f('note', 1)).annotation_level).toBe('notice')
    const multi = toCheckAnnotation({ ...f('note', 1), span: span('x', 1, 4, 3, 2) })
    expect(multi).not.toHaveProperty('start_column')
    expect(multi).toMatchObject({ start_line: 1, end_line: 3 })
  })

  it('cuts messages to 64 KB and titles to 255 characters', () => {
    const a = toCheckAnnotation({ ...f('error', 1), ruleId: 'r'.repeat(300), message: '€'.repeat(40_000) })
    expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(64 * 1024)
    expect(a.title!.length).toBeLessThanOrEqual(255)
    // Never splits a character: 'é' is 2 bytes and '…' is 3.
    expect(truncateBytes('aébcd', 5)).toBe('a…')
    expect(truncateBytes('aébcdef', 6)).toBe('aé…')
    expect(truncateBytes('abc', 3)).toBe('abc')
  })
})

describe('planCheckRun', () => {
  it('sends 120 annotations as a create with 50, updates with 50 and 20, then completes', () => {
    const findings = Array.from({ length: 120 }, (_, i) => f((['error', 'warning', 'note'] as const)[i % 3]!, i + 1))
    const plan = planCheckRun(findings, OPTIONS)
    expect(plan.create.status).toBe('in_progress')
    expect(plan.create.head_sha).toBe('abc')
    expect(plan.create.name).toBe('isolint')
    expect(plan.create.output.annotations).toHaveLength(50)
    expect(plan.updates.map((u) => u.output.annotations?.length)).toEqual([50, 20])
    expect(plan.complete).toEqual({ status: 'completed', conclusion: 'failure', output: { title: 't', summary: 's' } })
    const all = [plan.create, ...plan.updates].flatMap((r) => r.output.annotations ?? [])
    expect(all.map((a) => a.message)).toEqual(findings.map((x) => x.message))
  })

  it('creates without annotations when there are none, and leaves suppressed findings out', () => {
    const plan = planCheckRun([{ ...f('error', 1), suppressed: true }], { ...OPTIONS, conclusion: 'success' })
    expect(plan.create.output).not.toHaveProperty('annotations')
    expect(plan.updates).toEqual([])
    expect(plan.annotationCount).toBe(0)
  })

  it('cuts summary and text to 65,535 characters', () => {
    const plan = planCheckRun([], { ...OPTIONS, summary: 'x'.repeat(70_000), text: 'y'.repeat(70_000) })
    expect(plan.complete.output.summary.length).toBeLessThanOrEqual(65_535)
    expect(plan.complete.output.text!.length).toBeLessThanOrEqual(65_535)
  })
})

describe('publishCheckRun', () => {
  const plan = planCheckRun(
    Array.from({ length: 120 }, (_, i) => f('error', i + 1)),
    OPTIONS,
  )

  it('creates, updates and completes in order', async () => {
    const api = new FakeApi()
    expect(await publishCheckRun(api, plan)).toEqual({ kind: 'created', id: 42, url: 'https://github.example/o/r/runs/42' })
    expect(api.calls.map((c) => c.method)).toEqual(['createCheckRun', 'updateCheckRun', 'updateCheckRun', 'updateCheckRun'])
    const [create] = api.callsOf('createCheckRun')[0]!.args as [CheckRunCreate]
    expect(create.output.annotations).toHaveLength(50)
    const updates = api.callsOf('updateCheckRun').map((c) => c.args as [number, CheckRunUpdate])
    expect(updates.map(([id, u]) => [id, u.output.annotations?.length, u.conclusion])).toEqual([
      [42, 50, undefined],
      [42, 20, undefined],
      [42, undefined, 'failure'],
    ])
  })

  it('reports 403 as forbidden without further requests', async () => {
    const api = new FakeApi()
    api.fail.set('createCheckRun', { status: 403, message: 'Resource not accessible by integration' })
    expect(await publishCheckRun(api, plan)).toEqual({ kind: 'forbidden', message: 'Resource not accessible by integration' })
    expect(api.calls).toHaveLength(1)
  })

  it('still completes the run when an update fails', async () => {
    const api = new FakeApi()
    api.fail.set('updateCheckRun', { status: 422, message: 'Invalid', after: 0 })
    const res = await publishCheckRun(api, plan)
    expect(res.kind).toBe('failed')
    expect(res.kind === 'failed' && res.message).toContain('sending annotations to the check run failed (422): Invalid')
    // One failing batch stops the batches; the completing update is still attempted.
    expect(api.calls.map((c) => c.method)).toEqual(['createCheckRun', 'updateCheckRun', 'updateCheckRun'])
    const last = api.calls.at(-1)!.args as [number, CheckRunUpdate]
    expect(last[1].status).toBe('completed')
  })
})
