import type { Finding, Fix, RelatedLocation, Severity } from './finding.js'
import type { Span } from './span.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { Project } from '../model/project.js'
import type { IsolintConfig } from '../config/types.js'
import type { Directive } from '../suppressions/directives.js'
import type { SmokeObservation } from '../model/smoke.js'
import type { ModelIndex } from '../rules/model-index.js'

/** What a rule reports; severity comes from the catalog (and, later, configuration). */
export interface Report {
  /** Plain text: what is wrong, why, and how to fix it. */
  readonly message: string
  /** Where the fix goes. */
  readonly span: Span
  readonly related?: readonly RelatedLocation[]
  readonly fix?: Fix
  /** Overrides the catalog's default severity for this finding (e.g. a parse error no pipeline reaches). */
  readonly severity?: Severity
}

/**
 * What isolint knows about a self-hosted runner from configuration (`runners:` of the config file), looked up by the
 * job's `runs-on` labels (expanded, as written). Undefined when nothing is known about these labels.
 */
export type RunnerFacts = (labels: readonly string[]) =>
  | { readonly ephemeral?: boolean; readonly build?: number; readonly hyperv?: boolean }
  | undefined

/** The directives that suppress (without problems), and the day (YYYY-MM-DD) their expiry was judged on. */
export interface Suppressions {
  readonly valid: readonly Directive[]
  readonly today: string
}

export interface RuleContext {
  readonly project: Project
  readonly kb: KnowledgeBase
  /** The project's executions and image uses with their classification and evaluation, worked out once per run. */
  readonly index: ModelIndex
  readonly report: (report: Report) => void
  /** Configured facts about self-hosted runners (default: none known). */
  readonly runnerFacts?: RunnerFacts
  /** The effective configuration (defaults when there is no config file). */
  readonly config?: IsolintConfig
  /** Inline suppression directives of every linted file. */
  readonly directives?: readonly Directive[]
  /** Those of {@link directives} that suppress, worked out once per run (the run applies them to the findings). */
  readonly suppressions?: Suppressions
  /** For `late` rules: the findings of the other rules, and the ids of the rules that ran. */
  readonly findings?: readonly Finding[]
  readonly ranRules?: ReadonlySet<string>
  /** Failures a smoke test observed on a real engine (`isolint smoke`); absent in static linting. */
  readonly smoke?: readonly SmokeObservation[]
}

/** The logic half of a rule; its id must match exactly one entry of rules/catalog.yaml. */
export interface RuleModule {
  readonly id: string
  /** Runs after every other rule and sees their findings (`ctx.findings`). */
  readonly late?: boolean
  check(ctx: RuleContext): void
}

export type { Finding }
