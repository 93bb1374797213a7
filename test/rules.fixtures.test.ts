/**
 * Every fixture under src/rules/<id>/fixtures/ is linted with only the owning rule enabled; its findings must be
 * exactly the ones its `# expect:` markers announce. `invalid-*` fixtures announce at least one, `valid-*` none.
 * The full text output is kept next to each fixture as a reviewable golden file (`<fixture>.out`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runRules } from '../src/core/engine.js'
import { compareFindings } from '../src/core/finding.js'
import type { RuleModule } from '../src/core/rule.js'
import { LineIndex, lineSpan } from '../src/core/span.js'
import { loadKnowledgeBase } from '../src/kb/index.js'
import { lint, type LintOutput } from '../src/lint.js'
import type { SmokeObservation } from '../src/model/smoke.js'
import { renderText } from '../src/reporters/text.js'
import { RULES } from '../src/rules/index.js'
import { fixtureOptions, formatExpectation, readMarkers, type Expectation } from './harness/markers.js'

const rulesDir = fileURLToPath(new URL('../src/rules/', import.meta.url))

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort()
}

/** `--smoke FILE`: smoke observations (JSON, each with file and line) fed to the rules, as `isolint smoke` does. */
function withSmoke(result: LintOutput, root: string, file: string, rule: RuleModule): LintOutput {
  const raw = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as (Omit<SmokeObservation, 'span' | 'alsoAt'> & { file: string; line: number })[]
  const smoke: SmokeObservation[] = raw.map(({ file: f, line, ...o }) => ({
    ...o,
    span: lineSpan(f, line, result.sources.get(f)!.split('\n')[line - 1]!),
    alsoAt: [],
  }))
  const lineCounts = new Map([...result.sources].map(([f, text]) => [f, new LineIndex(text).lineCount]))
  const { findings, crashes } = runRules({ project: result.project, kb: loadKnowledgeBase(), rules: [rule], lineCounts, smoke })
  return { ...result, findings: [...result.findings, ...findings].sort(compareFindings), crashes: [...result.crashes, ...crashes] }
}

for (const rule of RULES) {
  const dir = path.join(rulesDir, rule.id, 'fixtures')
  const fixtures = readdirSync(dir)
    .filter((f) => !f.endsWith('.out'))
    .sort()
  describe(rule.id, () => {
    test.each(fixtures)('%s', async (fixture) => {
      const abs = path.join(dir, fixture)
      const isProject = statSync(abs).isDirectory()
      const root = isProject ? abs : dir
      const files = isProject ? filesUnder(abs) : [fixture]
      const expected: Expectation[] = []
      const args: string[] = []
      for (const f of files) {
        const markers = readMarkers(f, readFileSync(path.join(root, f), 'utf8'))
        expected.push(...markers.expectations)
        args.push(...markers.args)
      }
      const { also, smoke, ...options } = fixtureOptions(args)
      const rules = [rule, ...RULES.filter((r) => also.includes(r.id))]
      const linted = lint({ root, paths: isProject ? [] : [fixture], rules, ...options })
      const result = smoke !== undefined ? withSmoke(linted, root, smoke, rule) : linted
      expect(result.crashes).toEqual([])
      const wantsColumn = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.file}:${e.line}`))
      const wantsSeverity = new Set(expected.filter((e) => e.severity !== undefined).map((e) => `${e.file}:${e.line}`))
      const actual = result.findings.map((f) =>
        formatExpectation({
          file: f.span.file,
          ruleId: f.ruleId,
          line: f.span.start.line,
          ...(wantsColumn.has(`${f.span.file}:${f.span.start.line}`) ? { column: f.span.start.column } : {}),
          ...(wantsSeverity.has(`${f.span.file}:${f.span.start.line}`) ? { severity: f.severity } : {}),
        }),
      )
      if (fixture.startsWith('invalid-')) expect(expected.length, 'an invalid fixture announces findings').toBeGreaterThan(0)
      else if (fixture.startsWith('valid-')) expect(expected, 'a valid fixture announces none').toEqual([])
      else throw new Error(`fixture names start with valid- or invalid-: ${fixture}`)
      expect(actual.sort()).toEqual(expected.map(formatExpectation).sort())
      await expect(renderText(result, { color: false })).toMatchFileSnapshot(path.join(dir, `${fixture}.out`))
    })
  })
}
