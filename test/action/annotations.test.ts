import { describe, expect, it } from 'vitest'
import type { Finding, Severity } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'
import {
  ANNOTATION_LEVEL,
  annotationRange,
  annotationMessage,
  planAnnotations,
  type ReportedFinding,
} from '../../src/reporters/annotations.js'

function f(severity: Severity, file: string, line: number, extra: Partial<ReportedFinding> = {}): ReportedFinding {
  return {
    ruleId: `rule-${severity}`,
    severity,
    message: `${severity} at ${file}:${line}`,
    span: span(file, line, 3, line, 9),
    related: [],
    ...extra,
  }
}

function many(n: number, severity: Severity, file = 'a/Dockerfile'): ReportedFinding[] {
  return Array.from({ length: n }, (_, i) => f(severity, file, i + 1))
}

describe('planAnnotations', () => {
  it('maps severities exactly: error → error, warning → warning, note → notice', () => {
    const plan = planAnnotations([f('note', 'x', 1), f('warning', 'x', 2), f('error', 'x', 3)])
    expect(plan.annotations.map((a) => [a.level, a.message])).toEqual([
      ['error', 'error at x:3'],
      ['warning', 'warning at x:2'],
      ['notice', 'note at x:1'],
    ])
    expect(ANNOTATION_LEVEL).toEqual({ error: 'error', warning: 'warning', note: 'notice' })
    expect(plan.overflow).toBeUndefined()
    expect(plan.hidden).toEqual([])
  })

  it('keeps at most 10 per level and ends with one notice that counts the rest (120 findings)', () => {
    const findings = [...many(40, 'error'), ...many(40, 'warning'), ...many(40, 'note')]
    const plan = planAnnotations(findings, { seeAlso: ['the job summary', 'the SARIF file isolint.sarif'] })
    const levels = plan.annotations.map((a) => a.level)
    expect(levels.filter((l) => l === 'error')).toHaveLength(10)
    expect(levels.filter((l) => l === 'warning')).toHaveLength(10)
    // The overflow notice takes one of the 10 notice slots the runner keeps, so it is never the one dropped.
    expect(levels.filter((l) => l === 'notice')).toHaveLength(10)
    expect(plan.shown).toHaveLength(29)
    expect(plan.hidden).toHaveLength(91)
    expect(plan.annotations.at(-1)).toBe(plan.overflow)
    expect(plan.overflow!.file).toBeUndefined()
    expect(plan.overflow!.message).toBe(
      '91 more findings are not shown as annotations (30 errors, 30 warnings, 31 notes): GitHub keeps at most 10 ' +
        'annotations per level in a step. See every finding in the job summary, the SARIF file isolint.sarif.',
    )
    // Errors are emitted first, then warnings, then notices.
    const firstWarning = levels.indexOf('warning')
    const firstNotice = levels.indexOf('notice')
    expect(levels.slice(0, firstWarning).every((l) => l === 'error')).toBe(true)
    expect(levels.slice(firstWarning, firstNotice).every((l) => l === 'warning')).toBe(true)
  })

  it('leaves the error slots other annotations take (the failure message): 10 errors in all', () => {
    const ten = planAnnotations(many(10, 'error'), { reservedErrors: 1 })
    expect(ten.annotations.filter((a) => a.level === 'error')).toHaveLength(9)
    expect(ten.hidden).toHaveLength(1)
    expect(ten.overflow!.message).toMatch(/^1 more finding is not shown as annotations \(1 error, 0 warnings, 0 notes\)/)
    const nine = planAnnotations(many(9, 'error'), { reservedErrors: 1 })
    expect(nine.annotations).toHaveLength(9)
    expect(nine.overflow).toBeUndefined()
  })

  it('shows all 10 notes when nothing overflows', () => {
    const plan = planAnnotations(many(10, 'note'))
    expect(plan.annotations).toHaveLength(10)
    expect(plan.overflow).toBeUndefined()
  })

  it('puts lines in the diff first, then changed files, keeping file order otherwise', () => {
    const findings = [
      ...many(8, 'error', 'old/Dockerfile'),
      f('error', 'changed/Dockerfile', 50),
      f('error', 'changed/Dockerfile', 3),
      ...many(4, 'error', 'z/Dockerfile'),
    ]
    const rank = (x: Finding): 2 | 1 | 0 => (x.span.file !== 'changed/Dockerfile' ? 0 : x.span.start.line === 3 ? 2 : 1)
    const plan = planAnnotations(findings, { rank })
    expect(plan.shown.slice(0, 2).map((x) => `${x.span.file}:${x.span.start.line}`)).toEqual([
      'changed/Dockerfile:3',
      'changed/Dockerfile:50',
    ])
    expect(plan.shown.slice(2).map((x) => x.span.file)).toEqual(Array(8).fill('old/Dockerfile'))
    expect(plan.hidden.map((x) => x.span.file)).toEqual(Array(4).fill('z/Dockerfile'))
  })

  it('never annotates suppressed findings and does not count them as hidden', () => {
    const plan = planAnnotations([
      f('error', 'x', 1, { suppressed: true }),
      f('warning', 'x', 2),
      ...many(10, 'note').map((n) => ({ ...n, suppressed: true })),
    ])
    expect(plan.annotations.map((a) => a.level)).toEqual(['warning'])
    expect(plan.hidden).toEqual([])
  })

  it('carries title, file and a single-line range with an inclusive end column', () => {
    const [a] = planAnnotations([f('error', 'dir,x/a:b.yml', 4)]).annotations
    expect(a).toEqual({
      level: 'error',
      title: 'rule-error',
      message: 'error at dir,x/a:b.yml:4',
      file: 'dir,x/a:b.yml',
      startLine: 4,
      endLine: 4,
      startColumn: 3,
      endColumn: 8,
    })
  })
})

describe('annotationRange', () => {
  it('drops columns on multi-line ranges and ends before a column-1 end', () => {
    expect(annotationRange(span('f', 2, 3, 5, 7))).toEqual({ startLine: 2, endLine: 5 })
    expect(annotationRange(span('f', 2, 3, 3, 1))).toEqual({ startLine: 2, endLine: 2, startColumn: 3, endColumn: 3 })
    expect(annotationRange(span('f', 2, 3, 2, 3))).toEqual({ startLine: 2, endLine: 2, startColumn: 3, endColumn: 3 })
  })
})

describe('annotationMessage', () => {
  it('lists related locations and stays under the runner limit', () => {
    const msg = annotationMessage({
      ...f('error', 'Dockerfile', 1),
      message: 'x'.repeat(5000),
      related: [{ span: span('.github/workflows/ci.yml', 8, 1, 8, 5), message: 'runs here' }],
    })
    expect(msg.length).toBeLessThanOrEqual(4000)
    expect(msg.endsWith('…')).toBe(true)
    const short = annotationMessage({
      ...f('error', 'Dockerfile', 1),
      related: [{ span: span('.github/workflows/ci.yml', 8, 1, 8, 5), message: 'runs here' }],
    })
    expect(short).toBe('error at Dockerfile:1\n\nRelated:\n.github/workflows/ci.yml:8: runs here')
  })
})
