/**
 * The configuration model: what a `.isolint.yml` says once validated and normalised. Every part of isolint reads
 * policy from here (never from the raw YAML). Defaults are filled in, so a consumer never checks for absence.
 *
 * Origins: `origins[key]` says where each top-level value came from (`default`, `.isolint.yml:12:3`, `--exclude`,
 * `input 'paths'`), for `--print-config`.
 */
import type { Severity } from '../core/finding.js'
import type { HostKind } from '../kb/types.js'

export type RuleLevel = 'off' | Severity
export type FailOn = Severity | 'none'

/** A runner label set from `runners:` (a self-hosted or larger runner). */
export interface RunnerMapping {
  /** Labels as written; matched case-insensitively against runs-on (every label of the set must appear). */
  readonly labels: readonly string[]
  readonly os: 'windows' | 'linux' | 'macos'
  /** Windows build of the host (undefined for non-Windows runners). */
  readonly build?: number
  /** Update build revision, from `revision:` or `build: 10.0.B.U`. */
  readonly ubr?: number
  readonly kind: HostKind
  /** Hyper-V isolation available on the host (default true). */
  readonly hyperv: boolean
  /**
   * A just-in-time runner discarded after each job (true) or a persistent one (false); unsaid, a runner without the
   * `self-hosted` label may be a larger runner (project/trust.ts `runnerKind`). The untrusted-code rule reads it.
   */
  readonly ephemeral?: boolean
  /** `file:line:column` of the entry, for messages. */
  readonly where: string
}

/** A private image family from `images:`. */
export interface ImageMapping {
  /** picomatch glob over `registry/repository` (lower-cased); a glob with `:` is matched against `repository:tag`. */
  readonly match: string
  readonly os: 'windows' | 'linux'
  readonly build?: number
  readonly where: string
}

/** One environment of `environments:` (production is always present, with defaults). */
export interface EnvironmentPolicy {
  readonly name: string
  /** Workflow job `environment` names, compared case-insensitively. */
  readonly workflowEnvironments: readonly string[]
  /** Path globs of Compose (and Kubernetes) files; undefined = the built-in naming rule (production only). */
  readonly paths?: readonly string[]
  readonly composeProfiles: readonly string[]
  /** Kubernetes namespaces (production without a list: namespaces named for production, as paths are). */
  readonly namespaces: readonly string[]
  /** Isolation every Windows container of the environment must use explicitly. */
  readonly requireIsolation?: 'hyperv'
}

export interface RuleSetting {
  /** Undefined when only options are set: each finding keeps the rule's own severity. */
  readonly level?: RuleLevel
  readonly options: Readonly<Record<string, unknown>>
}

export interface SuppressionPolicy {
  readonly requireReason: boolean
  /** Longest allowed `until=` from today; undefined = no limit (and no expiry required). */
  readonly maxDays?: number
  /** Rules that may never be suppressed inline. */
  readonly never: readonly string[]
}

export interface IsolintConfig {
  /** The config file (relative to the root when inside it), undefined when none was used. */
  readonly file?: string
  readonly ignore: readonly string[]
  /** Hosts for files no workflow reaches (labels, builds, or labels mapped in `runners`). */
  readonly hosts: readonly string[]
  readonly runners: readonly RunnerMapping[]
  readonly images: readonly ImageMapping[]
  /** `production` first, then the others in file order. */
  readonly environments: readonly EnvironmentPolicy[]
  readonly rules: ReadonlyMap<string, RuleSetting>
  readonly suppressions: SuppressionPolicy
  readonly failOn: FailOn
  readonly origins: Readonly<Record<string, string>>
}

/** Production names of workflow environments when the config names none. */
export const DEFAULT_PRODUCTION_ENVIRONMENTS: readonly string[] = ['production', 'prod', 'prd', 'live']
