import type { Finding, Fix, RelatedLocation } from './finding.js'
import type { Span } from './span.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { Project } from '../model/project.js'
import type { SmokeObservation } from '../model/smoke.js'

/** What a rule reports; severity comes from the catalog (and, later, configuration). */
export interface Report {
  /** Plain text: what is wrong, why, and how to fix it. */
  readonly message: string
  /** Where the fix goes. */
  readonly span: Span
  readonly related?: readonly RelatedLocation[]
  readonly fix?: Fix
}

export interface RuleContext {
  readonly project: Project
  readonly kb: KnowledgeBase
  readonly report: (report: Report) => void
  /** Failures a smoke test observed on a real engine (`isolint smoke`); absent in static linting. */
  readonly smoke?: readonly SmokeObservation[]
}

/** The logic half of a rule; its id must match exactly one entry of rules/catalog.yaml. */
export interface RuleModule {
  readonly id: string
  check(ctx: RuleContext): void
}

export type { Finding }
