/**
 * Runs rules over a project. Validates every report (the rule is in the catalog, the span lies inside a linted
 * file, the message is not empty) and isolates rule crashes so the other rules' findings are never lost.
 */
import { loadCatalog, type CatalogEntry } from './catalog.js'
import { InternalError } from './errors.js'
import { isSeverity, sortFindings, type Finding } from './finding.js'
import { EMPTY_LIST } from './sized-copy.js'
import type { Report, RuleModule, RunnerFacts, Suppressions } from './rule.js'
import { spanInLines, type Span } from './span.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { Project } from '../model/project.js'
import type { IsolintConfig } from '../config/types.js'
import type { Directive } from '../suppressions/directives.js'

import type { SmokeObservation } from '../model/smoke.js'
import { buildModelIndex, type ModelIndex } from '../rules/model-index.js'

export interface EngineInput {
  readonly project: Project
  readonly kb: KnowledgeBase
  readonly rules: readonly RuleModule[]
  /** Line count of every linted file (undefined for other files), to check that spans lie inside it. */
  readonly lineCounts: LineCounts
  readonly catalog?: ReadonlyMap<string, CatalogEntry>
  /** Configured facts about self-hosted runners, passed to the rules. */
  readonly runnerFacts?: RunnerFacts
  /** Rule levels (`off` skips the rule) and the rest of the policy. */
  readonly config?: IsolintConfig
  readonly directives?: readonly Directive[]
  /** The valid ones of `directives`, for the rule that reports those that suppress nothing. */
  readonly suppressions?: Suppressions
  /** Smoke test failures, for the `smoke-test-failed` rule. */
  readonly smoke?: readonly SmokeObservation[]
}

/** The line counts of the linted files: a map, or any lookup (counting lazily). */
export interface LineCounts {
  get(file: string): number | undefined
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
  const ran = new Set<string>()
  const checkedRelated = new WeakSet<readonly unknown[]>()
  const ordered = [...input.rules.filter((r) => !r.late), ...input.rules.filter((r) => r.late)]
  // What the rules read of the model, worked out once for all of them (and only when a rule asks).
  let index: ModelIndex | undefined
  const modelIndex = (): ModelIndex => (index ??= buildModelIndex(input.project, input.kb))
  // Every span a rule reports is checked, read without a Position object (`spanInLines`); most are in the file of the
  // span before, whose line count is kept rather than looked up again (issue 11): a file's count never changes.
  let lastFile: string | undefined
  let lastLines: number | undefined
  const checkSpan = (ruleId: string, span: Span): void => {
    if (span.file !== lastFile) lastLines = input.lineCounts.get((lastFile = span.file))
    if (lastLines === undefined || !spanInLines(span, lastLines)) {
      throw new InternalError(`rule '${ruleId}' reported a position outside its file: ${span.file}:${span.start.line}:${span.start.column}`)
    }
  }
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
      checkSpan(rule.id, r.span)
      // Rules pass an execution's related locations as they are, again and again: each list is checked once.
      if (r.related && !checkedRelated.has(r.related)) {
        for (let i = 0; i < r.related.length; i++) checkSpan(rule.id, r.related[i]!.span)
        checkedRelated.add(r.related)
      }
      if (!r.message.trim()) throw new InternalError(`rule '${rule.id}' reported an empty message at ${where(r)}`)
      if (r.severity !== undefined && !isSeverity(r.severity)) {
        throw new InternalError(`rule '${rule.id}' reported an unknown severity '${String(r.severity)}' at ${where(r)}`)
      }
      // Fields assigned in order, `fix` only when set (a literal ending in a conditional spread copies a temporary).
      const finding: { -readonly [K in keyof Finding]?: Finding[K] } = {
        ruleId: rule.id,
        severity: configured ?? r.severity ?? entry.defaultSeverity,
        message: r.message,
        span: r.span,
        related: r.related ?? EMPTY_LIST, // shared: findings are only read
      }
      if (r.fix) finding.fix = r.fix
      findings.push(finding as Finding)
    }
    try {
      ran.add(rule.id)
      const late = rule.late ? lateInput(findings, ran) : undefined
      rule.check({
        project: input.project,
        kb: input.kb,
        get index() {
          return modelIndex()
        },
        report,
        ...(input.runnerFacts ? { runnerFacts: input.runnerFacts } : {}),
        ...(input.config ? { config: input.config } : {}),
        directives: input.directives ?? [],
        ...(input.suppressions ? { suppressions: input.suppressions } : {}),
        // For late rules: the other rules' findings, sorted when first read.
        get findings() {
          return late?.findings()
        },
        ...(late ? { ranRules: late.ranRules } : {}),
        ...(input.smoke ? { smoke: input.smoke } : {}),
      })
    } catch (e) {
      crashes.push({ ruleId: rule.id, error: e instanceof Error ? e : new Error(String(e)) })
    }
  }
  // The same problem reached twice (two matrix entries with one outcome) is reported once.
  return { findings: sortFindings(findings, { unique: true }), crashes }
}

/** What a late rule sees: the other rules' findings (sorted when first read) and the ids of the rules that ran. */
function lateInput(findings: readonly Finding[], ran: ReadonlySet<string>): { findings: () => readonly Finding[]; ranRules: ReadonlySet<string> } {
  let sorted: readonly Finding[] | undefined
  const copy = [...findings]
  return { findings: () => (sorted ??= sortFindings(copy, { unique: true })), ranRules: new Set(ran) }
}

/** `file:line:column` of a report, for errors. */
function where(r: Report): string {
  return `${r.span.file}:${r.span.start.line}:${r.span.start.column}`
}

