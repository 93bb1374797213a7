import type { Located, Span } from '../core/span.js'
import type { Step } from './workflow.js'

/** A `- template: path` reference with its literal parameters (scalars only). */
export interface AzureTemplateRef {
  readonly path: Located<string>
  readonly parameters: ReadonlyMap<string, string>
  /** Where each given parameter's value is written (absent when none is given). */
  readonly parameterSpans?: ReadonlyMap<string, Span>
  /** The list item, for related locations. */
  readonly span: Span
}

/**
 * One entry of `variables:`: a name with its value (the value's span), a `- template:` of variables, or a `- group:`
 * (a variable group of the project's Library: its name, as written, and where; its variables are not in the files).
 */
export type AzureVariable =
  | { readonly name: string; readonly value: string; readonly span: Span }
  | { readonly template: AzureTemplateRef }
  | { readonly group: string; readonly span: Span }

/** `variables:` in map or list form, in the order written (a later entry overrides an earlier one). */
export interface AzureVariables {
  readonly entries: readonly AzureVariable[]
}

export interface AzurePool {
  /** Microsoft-hosted image (`windows-2022`). */
  readonly vmImage?: Located<string>
  /** A self-hosted (or named) pool. */
  readonly name?: Located<string>
  /** `demands:` of a self-hosted pool, as written (`docker`, `Agent.OS -equals Windows_NT`). */
  readonly demands?: readonly Located<string>[]
  readonly span: Span
}

/**
 * The container a container job runs in (`container:` of a job, or of a pipeline of one job), or a
 * `resources.containers` entry. The agent starts it with `docker create OPTIONS IMAGE` before the first step.
 */
export interface AzureContainer {
  /** The image: the string form (which names a `resources.containers` entry first: see `byName`) or `image:`. */
  readonly image: Located<string>
  /** The string form: the name of a `resources.containers` entry when there is one, else the image. */
  readonly byName: boolean
  /** `--isolation` and `--platform` in `options`, as written. */
  readonly isolation?: Located<string>
  readonly platform?: Located<string>
  /** `options` isolint cannot read as the agent passes them (no shell): what the container runs is unknown. */
  readonly optionsUnknown?: boolean
  /** The `container` key (a job's) or the entry's `container:` alias (a resource's). */
  readonly span: Span
}

/** A step, or a `- template:` of steps. */
export type AzureStepItem = { readonly step: Step } | { readonly template: AzureTemplateRef }

export interface AzureJob {
  /** `job:` / `deployment:` name, or `job` for the implicit job of a pipeline with top-level steps. */
  readonly id: string
  readonly span: Span
  readonly pool?: AzurePool
  readonly variables: AzureVariables
  /** `strategy.matrix`: one entry per leg, its variables with their spans. */
  readonly matrix?: readonly { readonly name: string; readonly values: ReadonlyMap<string, Located<string>> }[]
  /** The matrix is an expression or a variable isolint cannot see. */
  readonly matrixUnknown?: boolean
  /** `environment:` of a deployment job. */
  readonly environment?: Located<string>
  /** `container:`: a container job. */
  readonly container?: AzureContainer
  readonly steps: readonly AzureStepItem[]
}

export type AzureJobItem = { readonly job: AzureJob } | { readonly template: AzureTemplateRef }

export interface AzureStage {
  readonly id: string
  readonly span: Span
  readonly pool?: AzurePool
  readonly variables: AzureVariables
  readonly jobs: readonly AzureJobItem[]
}

export type AzureStageItem = { readonly stage: AzureStage } | { readonly template: AzureTemplateRef }

/** An Azure Pipelines file: a pipeline, or a stages/jobs/steps/variables template it includes. */
export interface AzurePipelinesModel {
  readonly kind: 'azure-pipelines'
  readonly file: string
  /** Declared parameters with their literal defaults (`parameters:` list or the older map form). */
  readonly parameters: ReadonlyMap<string, string | undefined>
  readonly variables: AzureVariables
  readonly pool?: AzurePool
  readonly stages: readonly AzureStageItem[]
  /** Top-level `jobs:` (a pipeline of one stage, or a jobs template). */
  readonly jobs: readonly AzureJobItem[]
  /** Top-level `steps:` (a pipeline of one job, or a steps template). */
  readonly steps: readonly AzureStepItem[]
  /** Top-level `strategy.matrix` of a pipeline of one job (its `steps:`), as {@link AzureJob.matrix}. */
  readonly matrix?: AzureJob['matrix']
  /** The top-level matrix is an expression or a variable isolint cannot see. */
  readonly matrixUnknown?: boolean
  /** Top-level `container:` of a pipeline of one job. */
  readonly container?: AzureContainer
  /** `resources.containers`, by their `container:` alias. */
  readonly containers?: ReadonlyMap<string, AzureContainer>
  /** `extends: template:`. */
  readonly extends?: AzureTemplateRef
}
