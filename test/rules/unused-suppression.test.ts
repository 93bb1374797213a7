// The valid suppressions of a run are worked out once: the run applies them to its findings, and unused-suppression
// reads the same list from the rule context instead of judging every directive again.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runRules } from '../../src/core/engine.js'
import type { RuleModule } from '../../src/core/rule.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import { lint } from '../../src/lint.js'
import type { Project } from '../../src/model/project.js'
import unusedSuppression from '../../src/rules/unused-suppression/rule.js'
import { parseDirectives, validDirectives } from '../../src/suppressions/directives.js'

vi.mock('../../src/suppressions/directives.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/suppressions/directives.js')>()
  return { ...real, validDirectives: vi.fn(real.validDirectives) }
})

const roots: string[] = []
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))

describe('valid suppressions', () => {
  it('are worked out once per run', () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'isolint-unused-')))
    roots.push(root)
    mkdirSync(path.join(root, 'a'))
    const stale = '# isolint-disable-next-line windows-image-missing-tag -- pinned\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n'
    const used = '# isolint-disable-next-line windows-image-missing-tag -- pinned\nFROM mcr.microsoft.com/windows/servercore\n'
    writeFileSync(path.join(root, 'Dockerfile'), stale)
    writeFileSync(path.join(root, 'a', 'Dockerfile'), used)
    vi.mocked(validDirectives).mockClear()
    const r = lint({ root, config: false })
    expect(r.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`)).toEqual(['Dockerfile:1 unused-suppression'])
    expect(r.suppressed.map((s) => `${s.finding.span.file}:${s.finding.span.start.line} ${s.finding.ruleId}`)).toEqual(['a/Dockerfile:2 windows-image-missing-tag'])
    expect(vi.mocked(validDirectives)).toHaveBeenCalledTimes(1)
  })

  it('reach unused-suppression through the rule context: it reports the valid directives it is given, no others', () => {
    const project: Project = { files: [], problems: [], executions: [], images: [], jobs: [], workflows: [], dockerfiles: [], composeFiles: [], links: [] }
    const directives = parseDirectives('Dockerfile', '# isolint-disable-next-line windows-image-missing-tag -- x\nFROM a\n# isolint-disable-next-line windows-image-missing-tag -- y\nFROM b\n')
    const tagRule: RuleModule = { id: 'windows-image-missing-tag', check: () => undefined }
    const run = (valid: typeof directives) =>
      runRules({
        project,
        kb: loadKnowledgeBase(),
        rules: [tagRule, unusedSuppression],
        lineCounts: new Map([['Dockerfile', 4]]),
        directives,
        suppressions: { valid, today: '2026-11-30' },
      }).findings.map((f) => `${f.span.start.line} ${f.ruleId}`)
    expect(run(directives)).toEqual(['1 unused-suppression', '3 unused-suppression'])
    expect(run([directives[1]!])).toEqual(['3 unused-suppression'])
    expect(run([])).toEqual([])
  })
})
