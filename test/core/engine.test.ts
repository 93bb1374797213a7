import { describe, expect, it } from 'vitest'
import { runRules } from '../../src/core/engine.js'
import type { Report, RuleModule } from '../../src/core/rule.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { KnowledgeBase } from '../../src/kb/types.js'
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

describe('span checks', () => {
  const at = (file: string, line: number) => ({ file, start: { line, column: 1 }, end: { line, column: 2 } })
  const runIn = (reports: Report[]) => {
    const rule: RuleModule = { id: 'engine-access-from-container', check: ({ report }) => reports.forEach(report) }
    return runRules({ project, kb: loadKnowledgeBase(), rules: [rule], lineCounts: new Map([['a.yaml', 9], ['b.yaml', 3]]) })
  }
  it('bounds each span by the line count of its own file, whatever the file of the span before', () => {
    expect(runIn([{ message: 'a', span: at('a.yaml', 9) }, { message: 'b', span: at('b.yaml', 3), related: [{ span: at('a.yaml', 5), message: 'r' }] }]).crashes).toEqual([])
    // Line 5 is inside a.yaml (9 lines), not inside b.yaml (3 lines).
    expect(runIn([{ message: 'a', span: at('a.yaml', 5) }, { message: 'b', span: at('b.yaml', 5) }]).crashes[0]?.error.message).toMatch(/outside its file: b.yaml:5:1/)
    expect(runIn([{ message: 'a', span: at('a.yaml', 1) }, { message: 'b', span: at('a.yaml', 10) }]).crashes[0]?.error.message).toMatch(/outside its file: a.yaml:10:1/)
    expect(runIn([{ message: 'a', span: at('a.yaml', 1) }, { message: 'b', span: at('c.yaml', 1) }]).crashes[0]?.error.message).toMatch(/outside its file: c.yaml:1:1/)
    expect(
      runIn([{ message: 'a', span: at('b.yaml', 1), related: [{ span: at('a.yaml', 4), message: 'r' }, { span: at('b.yaml', 4), message: 'r' }] }]).crashes[0]?.error.message,
    ).toMatch(/outside its file: b.yaml:4:1/)
  })
})

describe('findings', () => {
  it('reports a problem reached twice once, and keeps other messages at the same position', () => {
    const { findings } = run([
      { message: 'a', span },
      { message: 'b', span },
      { message: 'a', span },
    ])
    expect(findings.map((f) => f.message)).toEqual(['a', 'b'])
  })
  it('sorts by file, line, column, rule id and message', () => {
    const at = (file: string, line: number, column: number) => ({ file, start: { line, column }, end: { line, column } })
    const rule = (id: string, reports: Report[]): RuleModule => ({ id, check: ({ report }) => reports.forEach(report) })
    const { findings } = runRules({
      project,
      kb: loadKnowledgeBase(),
      lineCounts: new Map([
        ['b.yaml', 9],
        ['a.yaml', 9],
        ['a.yaml.d', 9],
      ]),
      rules: [
        rule('retired-runner-label', [
          { message: 'z', span: at('b.yaml', 1, 1) },
          { message: 'y', span: at('a.yaml', 2, 1) },
          { message: 'x', span: at('a.yaml', 1, 5) },
        ]),
        rule('engine-access-from-container', [
          { message: 'w', span: at('a.yaml', 2, 1) },
          { message: 'v', span: at('a.yaml.d', 1, 1) },
          { message: 'u', span: at('a.yaml', 1, 5) },
          { message: 't', span: at('a.yaml', 1, 5) },
        ]),
      ],
    })
    expect(findings.map((f) => `${f.span.file}:${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.message}`)).toEqual([
      'a.yaml:1:5 engine-access-from-container t',
      'a.yaml:1:5 engine-access-from-container u',
      'a.yaml:1:5 retired-runner-label x',
      'a.yaml:2:1 engine-access-from-container w',
      'a.yaml:2:1 retired-runner-label y',
      'a.yaml.d:1:1 engine-access-from-container v',
      'b.yaml:1:1 retired-runner-label z',
    ])
  })
  it('builds the model index only for rules that read it, once per run', () => {
    const seen: unknown[] = []
    const reader: RuleModule = { id: 'retired-runner-label', check: (ctx) => seen.push(ctx.index) }
    const other: RuleModule = { id: 'engine-access-from-container', check: (ctx) => seen.push(ctx.index) }
    runRules({ project, kb: loadKnowledgeBase(), rules: [reader, other], lineCounts: new Map() })
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBe(seen[1])
  })

  it('does not build the model index when no rule reads it', () => {
    // Building the index classifies every execution's image: count the classifications.
    let classified = 0
    const base = loadKnowledgeBase()
    const kb: KnowledgeBase = {
      ...base,
      image: (image) => {
        classified++
        return base.image(image)
      },
    }
    const image = 'mcr.microsoft.com/windows/nanoserver:ltsc2022'
    const withImage: Project = { ...project, images: [{ raw: image, image, span, where: 'from' }] }
    runRules({ project: withImage, kb, rules: [{ id: 'retired-runner-label', check: () => undefined }], lineCounts: new Map() })
    expect(classified).toBe(0)
    runRules({ project: withImage, kb, rules: [{ id: 'retired-runner-label', check: (ctx) => void ctx.index }], lineCounts: new Map() })
    expect(classified).toBeGreaterThan(0)
  })
})
