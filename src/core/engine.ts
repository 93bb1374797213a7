/**
 * Runs rules over a project. Validates every report (the rule is in the catalog, the span lies inside a linted
 * file, the message is not empty) and isolates rule crashes so the other rules' findings are never lost.
 */
import { loadCatalog, type CatalogEntry } from './catalog.js'
import { InternalError } from './errors.js'
import { compareFindings, isSeverity, type Finding } from './finding.js'
import type { Report, RuleModule, RunnerFacts } from './rule.js'
import type { Span } from './span.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { Project } from '../model/project.js'
import type { IsolintConfig } from '../config/types.js'
import type { Directive } from '../suppressions/directives.js'

import type { SmokeObservation } from '../model/smoke.js'

export interface EngineInput {
  readonly project: Project
  readonly kb: KnowledgeBase
  readonly rules: readonly RuleModule[]
  /** Line count of every linted file, to check that spans lie inside it. */
  readonly lineCounts: ReadonlyMap<string, number>
  readonly catalog?: ReadonlyMap<string, CatalogEntry>
  /** Configured facts about self-hosted runners, passed to the rules. */
  readonly runnerFacts?: RunnerFacts
  /** Rule levels (`off` skips the rule) and the rest of the policy. */
  readonly config?: IsolintConfig
  readonly directives?: readonly Directive[]
  /** Smoke test failures, for the `smoke-test-failed` rule. */
  readonly smoke?: readonly SmokeObservation[]
}

export interface EngineOutput {
  readonly findings: Finding[]
  /** Rules that crashed, with the error; the CLI turns these into exit code 3. */
  readonly crashes: { readonly ruleId: string; readonly error: Error }[]
}

export function runRules(input: EngineInput): EngineOutput {
  const catalog = input.catalog ?? loadCatalog()
  const findings: Finding[] = []
  const crashes: EngineOutput['crashes'] = []
  const seen = new Set<string>()
  const ran = new Set<string>()
  const ordered = [...input.rules.filter((r) => !r.late), ...input.rules.filter((r) => r.late)]
  for (const rule of ordered) {
    const entry = catalog.get(rule.id)
    if (!entry || entry.stage === 'retired') {
      crashes.push({ ruleId: rule.id, error: new InternalError(`rule '${rule.id}' has no active catalog entry`) })
      continue
    }
    // A level set in the config wins over the rule's own choice and the catalog's default.
    const configured = input.config?.rules.get(rule.id)?.level
    if (configured === 'off') continue
    const report = (r: Report): void => {
      checkSpan(rule.id, r.span, input.lineCounts)
      for (const rel of r.related ?? []) checkSpan(rule.id, rel.span, input.lineCounts)
      if (!r.message.trim()) throw new InternalError(`rule '${rule.id}' reported an empty message at ${where(r.span)}`)
      if (r.severity !== undefined && !isSeverity(r.severity)) {
        throw new InternalError(`rule '${rule.id}' reported an unknown severity '${String(r.severity)}' at ${where(r.span)}`)
      }
      const finding: Finding = {
        ruleId: rule.id,
        severity: configured ?? r.severity ?? entry.defaultSeverity,
        message: r.message,
        span: r.span,
        related: r.related ?? [],
        ...(r.fix ? { fix: r.fix } : {}),
      }
      // The same problem reached twice (two matrix entries with one outcome) is reported once.
      const key = `${rule.id}\0${where(r.span)}\0${r.message}`
      if (seen.has(key)) return
      seen.add(key)
      findings.push(finding)
    }
    try {
      ran.add(rule.id)
      rule.check({
        project: input.project,
        kb: input.kb,
        report,
        ...(input.runnerFacts ? { runnerFacts: input.runnerFacts } : {}),
        ...(input.config ? { config: input.config } : {}),
        directives: input.directives ?? [],
        ...(rule.late ? { findings: [...findings], ranRules: new Set(ran) } : {}),
        ...(input.smoke ? { smoke: input.smoke } : {}),
      })
    } catch (e) {
      crashes.push({ ruleId: rule.id, error: e instanceof Error ? e : new Error(String(e)) })
    }
  }
  findings.sort(compareFindings)
  return { findings, crashes }
}

function where(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`
}

function checkSpan(ruleId: string, span: Span, lineCounts: ReadonlyMap<string, number>): void {
  const lines = lineCounts.get(span.file)
  const ok =
    lines !== undefined &&
    span.start.line >= 1 &&
    span.start.column >= 1 &&
    span.start.line <= lines &&
    (span.end.line > span.start.line || (span.end.line === span.start.line && span.end.column >= span.start.column)) &&
    span.end.line <= lines
  if (!ok) throw new InternalError(`rule '${ruleId}' reported a position outside its file: ${where(span)}`)
}
