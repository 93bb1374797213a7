import { describe, expect, it } from 'vitest'
import { runRules } from '../../src/core/engine.js'
import type { Report, RuleModule } from '../../src/core/rule.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { Project } from '../../src/model/project.js'

const project: Project = { files: [], problems: [], executions: [], images: [], jobs: [], workflows: [], dockerfiles: [], composeFiles: [], links: [] }
const span = { file: 'a.yaml', start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }

function run(reports: Report[], id = 'engine-access-from-container') {
  const rule: RuleModule = { id, check: ({ report }) => reports.forEach(report) }
  return runRules({ project, kb: loadKnowledgeBase(), rules: [rule], lineCounts: new Map([['a.yaml', 3]]) })
}

describe('per-finding severity', () => {
  it('a report may set its severity; without it the catalog default applies', () => {
    const { findings, crashes } = run([
      { message: 'a', span, severity: 'error' },
      { message: 'b', span },
    ])
    expect(crashes).toEqual([])
    expect(findings.map((f) => [f.message, f.severity])).toEqual([
      ['a', 'error'],
      ['b', 'warning'],
    ])
  })
  it('an invalid severity is a crash of the rule, not a finding', () => {
    const { findings, crashes } = run([{ message: 'a', span, severity: 'fatal' as never }])
    expect(findings).toEqual([])
    expect(crashes[0]?.error.message).toMatch(/unknown severity 'fatal' at a.yaml:1:1/)
  })
  it('passes the runner facts to the rules', () => {
    let seen: unknown
    const rule: RuleModule = { id: 'untrusted-code-requires-hyperv', check: (ctx) => (seen = ctx.runnerFacts?.(['x'])) }
    runRules({ project, kb: loadKnowledgeBase(), rules: [rule], lineCounts: new Map(), runnerFacts: () => ({ ephemeral: true }) })
    expect(seen).toEqual({ ephemeral: true })
  })
})
