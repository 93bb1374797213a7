import { describe, expect, it } from 'vitest'
import { compareFindings } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'
import { jsonPair, jsonString, renderJson } from '../../src/reporters/json.js'
import { COMPOSE, SAMPLE_RESULT, finding, resultOf } from './sample.js'

const FINDING_KEYS = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'related']

describe('renderJson', () => {
  it('matches the golden report', async () => {
    await expect(renderJson(SAMPLE_RESULT)).toMatchFileSnapshot('./golden/report.json')
  })

  it('the sample is sorted as the linter sorts findings', () => {
    expect([...SAMPLE_RESULT.findings].sort(compareFindings)).toEqual(SAMPLE_RESULT.findings)
  })

  it('writes version first, then findings, then skipped, with exactly the documented fields', () => {
    const report = JSON.parse(renderJson(SAMPLE_RESULT)) as Record<string, unknown>
    expect(Object.keys(report)).toEqual(['version', 'findings', 'skipped'])
    expect(report.version).toBe(1)
    const findings = report.findings as Record<string, unknown>[]
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(FINDING_KEYS)
      for (const r of f.related as Record<string, unknown>[]) {
        expect(Object.keys(r)).toEqual(['file', 'line', 'column', 'message'])
      }
    }
    expect(report.skipped).toEqual([{ file: 'vendor/huge.yml', reason: 'larger than 1 MiB' }])
  })

  it('keeps the order of result.findings and copies positions from the spans', () => {
    const report = JSON.parse(renderJson(SAMPLE_RESULT)) as { findings: { ruleId: string; file: string }[] }
    expect(report.findings.map((f) => f.ruleId)).toEqual(SAMPLE_RESULT.findings.map((f) => f.ruleId))
    expect(report.findings[2]).toMatchObject({ file: COMPOSE, line: 2, column: 3, endLine: 4, endColumn: 23 })
    expect(report.findings[2]).toMatchObject({
      related: [
        { file: COMPOSE, line: 4, column: 16, message: 'isolation is set to process here' },
        { file: '.github/workflows/ci.yml', line: 10, column: 9, message: 'the file is deployed to [production] here' },
      ],
    })
  })

  it('does not leak fixes or other finding fields', () => {
    expect(SAMPLE_RESULT.findings[0]!.fix).toMatchObject({ replacement: 'mcr.microsoft.com/windows/servercore:ltsc2022' })
    expect(renderJson(SAMPLE_RESULT)).not.toContain('replacement')
  })

  it('is 2-space indented, ends with one newline and does not depend on the order the sources were read', () => {
    const a = renderJson(SAMPLE_RESULT)
    expect(a).toMatch(/^\{\n {2}"version": 1,\n {2}"findings": \[\n {4}\{\n {6}"ruleId": "process-isolation-build-mismatch",\n/)
    expect(a.endsWith('}\n')).toBe(true)
    expect(a.endsWith('\n\n')).toBe(false)
    expect(renderJson({ ...SAMPLE_RESULT, sources: new Map([...SAMPLE_RESULT.sources].reverse()) })).toBe(a)
  })

  it('renders an empty result', () => {
    expect(renderJson(resultOf([]))).toBe('{\n  "version": 1,\n  "findings": [],\n  "skipped": []\n}\n')
  })

  it('escapes quotes and control characters in messages as JSON', () => {
    const text = renderJson(resultOf([finding({ span: span('a', 1, 1, 1, 2), message: 'say "hi"\u001b[2J' })]))
    expect(text).toContain('"message": "say \\"hi\\"\\u001b[2J"')
    expect((JSON.parse(text) as { findings: { message: string }[] }).findings[0]!.message).toBe('say "hi"\u001b[2J')
  })
})

describe('jsonString', () => {
  it('is JSON.stringify of the string, with or without characters to escape', () => {
    const strings = ['', 'plain text ##[x]', 'quote "', 'backslash \\', 'tab \t', 'line\nbreak', '\u0000 \u001f \u007f', '\u2028 \u2029']
    strings.push('lone \ud800', 'lone \udfff', 'pair \u{1f600}', 'é ü 中')
    for (const s of strings) expect(jsonString(s)).toBe(JSON.stringify(s))
  })
})

describe('jsonPair', () => {
  it('writes both numbers as JSON.stringify does, finite or not', () => {
    const numbers = [0, -0, 1, 42, 4096, 1.5, -3, 1e21, Number.MAX_VALUE, Number.NaN, Infinity, -Infinity]
    for (const line of numbers) {
      for (const column of numbers) {
        expect(jsonPair(line, ', ', column)).toBe(`${JSON.stringify(line)}, ${JSON.stringify(column)}`)
      }
    }
  })
})
