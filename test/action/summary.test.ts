import { describe, expect, it } from 'vitest'
import type { Severity } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'
import type { ReportedFinding } from '../../src/reporters/annotations.js'
import { escapeMarkdown, lineUrl, renderSummary, STEP_SUMMARY_LIMIT } from '../../src/reporters/summary.js'

function f(severity: Severity, file: string, line: number, message = 'Something is wrong.'): ReportedFinding {
  return { ruleId: `rule-${severity}`, severity, message, span: span(file, line, 1, line, 5), related: [] }
}

const LINKS = { serverUrl: 'https://github.com', repository: 'octo/fork', ref: 'abc123' }

/** Text with every character that could break out of a table cell or inject Markdown/HTML. */
const HOSTILE = 'a|b <script>alert(1)</script> [x](https://evil) @admin $x^2$ `code` **b** ::error::x %0A,:\r\nnext'

describe('escapeMarkdown', () => {
  it('leaves no character with Markdown or HTML meaning and no line break', () => {
    const out = escapeMarkdown(HOSTILE)
    expect(out.replace(/&#\d+;/g, '')).not.toMatch(/[|<>[\]@$`*\r\n:#&]/)
    // Entities decode back to the original text (line breaks shown as spaces).
    const decoded = out.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    expect(decoded).toBe(HOSTILE.replace('\r\n', ' '))
  })

  it('stops autolinks and block starts', () => {
    expect(escapeMarkdown('see www.evil.example')).toBe('see www&#46;evil.example')
    expect(escapeMarkdown('# title')).toBe('&#35; title')
    expect(escapeMarkdown('- item')).toBe('&#45; item')
    expect(escapeMarkdown('> quote')).toBe('&#62; quote')
    expect(escapeMarkdown('12. item')).toBe('12&#46; item')
    expect(escapeMarkdown('a-b.c (d)')).toBe('a-b.c (d)')
  })

  it('shows control characters as visible pictures', () => {
    expect(escapeMarkdown('a\u0007b\u001bc\td')).toBe('a\u2407b\u241bc d')
  })
})

describe('lineUrl', () => {
  it('links to the ref with each path segment encoded', () => {
    expect(lineUrl(LINKS, 'dir with space/a#b%.yml', 3)).toBe(
      'https://github.com/octo/fork/blob/abc123/dir%20with%20space/a%23b%25.yml#L3',
    )
    expect(lineUrl(LINKS, 'x', 3, 5)).toBe('https://github.com/octo/fork/blob/abc123/x#L3-L5')
    expect(lineUrl(undefined, 'x', 3)).toBeUndefined()
  })
})

describe('renderSummary', () => {
  it('counts per rule and severity, links lines to the head and says where each finding was shown', () => {
    const findings = [f('error', 'Dockerfile', 1), f('error', 'Dockerfile', 2), f('warning', 'compose.yml', 4), f('note', 'x', 1)]
    const shownAs = new Map([[findings[0]!, ['annotation', 'review comment'] as const]])
    const md = renderSummary({
      findings,
      conclusion: 'failure',
      failOn: 'error',
      shownAs: new Map([...shownAs].map(([k, v]) => [k, [...v]])),
      links: LINKS,
      executions: [
        { kind: 'run', what: 'docker run', file: 'ci.yml', line: 9, image: 'img:ltsc2019', imageBuild: 17763, host: 'windows-2022', hostBuild: 20348, isolation: 'process' },
      ],
      fileCount: 3,
    })
    expect(md).toContain('## isolint: 2 errors, 1 warning, 1 note')
    expect(md).toContain('**Result:** ❌ failure (fails on error and above) · 3 files linted')
    expect(md).toMatch(/\| \[rule-error\]\([^)]+rule-error\.md\) \| 2 \| 0 \| 0 \| 2 \|/)
    expect(md).toContain('| **Total** | 2 | 1 | 1 | 4 |')
    expect(md).toContain('(https://github.com/octo/fork/blob/abc123/Dockerfile#L1)')
    expect(md).toContain('| annotation, review comment |')
    expect(md.match(/\| summary only \|/g)).toHaveLength(3)
    expect(md).toContain('3 findings are not shown as workflow annotations')
    expect(md).toMatch(/\| windows-2022 \| 20348 \| img&#58;ltsc2019 \| 17763 \| process \| run \|/)
    // Findings are listed errors first, then warnings, then notes.
    const rows = md.split('\n').filter((l) => /^\| (🔴|🟠|🔵)/.test(l))
    expect(rows.map((r) => r.split(' ')[2])).toEqual(['error', 'error', 'warning', 'note'])
  })

  it('escapes file names, messages, images and notes from the repository', () => {
    const md = renderSummary({
      findings: [f('error', 'evil|<b>.yml', 1, HOSTILE)],
      conclusion: 'failure',
      failOn: 'error',
      notes: [HOSTILE],
      executions: [{ kind: 'pull', what: 'docker pull', file: 'a|b', line: 1, image: HOSTILE }],
      skipped: [{ file: HOSTILE, reason: HOSTILE }],
    })
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('<b>')
    expect(md).not.toContain('@admin')
    expect(md).not.toContain('](https://evil)')
    expect(md).not.toContain('::error::')
    // Every findings row keeps exactly its 5 cells (6 pipes).
    const rows = md.split('\n').filter((l) => l.startsWith('| 🔴'))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.split('|')).toHaveLength(7)
  })

  it('leaves suppressed findings out of the lists and counts them', () => {
    const md = renderSummary({
      findings: [f('error', 'a', 1), { ...f('warning', 'b', 1), suppressed: true }],
      conclusion: 'failure',
      failOn: 'error',
    })
    expect(md).toContain('1 error, 0 warnings, 0 notes')
    expect(md).toContain('1 suppressed')
    expect(md).not.toContain('rule-warning')
  })

  it('says "No findings" and success when there are none', () => {
    const md = renderSummary({ findings: [], conclusion: 'success', failOn: 'warning' })
    expect(md).toContain('✅ success (fails on warning and above)')
    expect(md).toContain('No findings.')
  })

  it('stays under the byte budget and says how many findings were left out', () => {
    const findings = Array.from({ length: 500 }, (_, i) => f('warning', `dir/file${i}.yml`, i + 1, 'm'.repeat(300)))
    const md = renderSummary({ findings, conclusion: 'neutral', failOn: 'error', maxBytes: 50_000, links: LINKS })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(50_000)
    const listed = md.split('\n').filter((l) => l.startsWith('| 🟠')).length
    expect(listed).toBeGreaterThan(10)
    expect(listed).toBeLessThan(500)
    expect(md).toContain(`**Truncated, ${500 - listed} more findings not listed**`)
  })

  it('keeps a huge run under the 1 MiB step summary limit by default', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => f('error', `d/${'x'.repeat(200)}${i}`, i + 1, '<>|'.repeat(600)))
    const md = renderSummary({ findings, conclusion: 'failure', failOn: 'error', links: LINKS })
    expect(Buffer.byteLength(md)).toBeLessThan(STEP_SUMMARY_LIMIT)
    expect(md).toMatch(/\*\*Truncated, \d+ more findings not listed\*\*/)
  })

  it('cuts at a line when even the fixed sections do not fit', () => {
    const notes = Array.from({ length: 50 }, () => 'n'.repeat(1500))
    const md = renderSummary({ findings: [f('error', 'a', 1)], conclusion: 'failure', failOn: 'error', notes, maxBytes: 10_000 })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(10_000)
    expect(md).toContain('**Truncated:**')
  })

  it('omits the findings list when asked (check run summaries)', () => {
    const md = renderSummary({ findings: [f('error', 'a', 1)], conclusion: 'failure', failOn: 'error', listFindings: false })
    expect(md).toContain('### Findings per rule')
    expect(md).not.toContain('### Findings\n')
  })
})
