/**
 * Which environment a workflow job, a file, a Compose service or a Kubernetes namespace belongs to, per the config's
 * `environments`. Pure. Production's built-in naming rule, for paths when `paths` is not set and for Kubernetes
 * namespaces when `namespaces` is empty: `prod` or `production` as a whole word, never right after `non`, `not` or
 * `pre` (`non-prod/`, `compose.not-prod.yml`, `pre-prod` and `preprod` are not production).
 */
import picomatch from 'picomatch'
import type { EnvironmentPolicy, IsolintConfig } from './types.js'

/** Why a workload belongs to an environment (for messages), and whether it must use Hyper-V isolation. */
export interface EnvironmentMatch {
  readonly environment: string
  readonly reason: string
  readonly requireIsolation?: 'hyperv'
  /** Set when production was recognised by the built-in name rule, not by the config's lists. */
  readonly builtIn?: true
}

const PRODUCTION_WORD = /(?<![a-z0-9])(?<!(?:non|not|pre)[-_. ]?)prod(?:uction)?(?![a-z0-9])/i

/** The built-in production file rule. */
export function namedForProduction(file: string): boolean {
  return PRODUCTION_WORD.test(file)
}

export interface EnvironmentClassifier {
  /** Environments of a workflow job's `environment:` name (case-insensitive). */
  workflowEnvironment(name: string): EnvironmentMatch[]
  /** Environments of a Compose (or Kubernetes) file by its path. */
  file(path: string): EnvironmentMatch[]
  /** Environments of a Compose service by its profiles. */
  composeProfiles(profiles: readonly string[]): EnvironmentMatch[]
  /** Environments of a Kubernetes namespace (production also by the built-in name rule, unless namespaces are listed). */
  namespace(name: string): EnvironmentMatch[]
  /** An environment by name (`--environment NAME`); production also by its workflow names. */
  named(name: string): EnvironmentMatch[]
}

function match(env: EnvironmentPolicy, reason: string): EnvironmentMatch {
  return { environment: env.name, reason, ...(env.requireIsolation ? { requireIsolation: env.requireIsolation } : {}) }
}

export function environmentClassifier(config: Pick<IsolintConfig, 'environments'>): EnvironmentClassifier {
  const compiled = config.environments.map((env) => ({
    env,
    workflow: new Set(env.workflowEnvironments.map((n) => n.toLowerCase())),
    paths: env.paths ? picomatch(env.paths as string[], { dot: true }) : undefined,
    profiles: new Set(env.composeProfiles),
    namespaces: new Set(env.namespaces),
  }))
  return {
    workflowEnvironment: (name) =>
      compiled.filter((c) => c.workflow.has(name.trim().toLowerCase())).map((c) => match(c.env, `environment '${name.trim()}'`)),
    file: (path) =>
      compiled.flatMap((c) => {
        if (c.paths) return c.paths(path) ? [match(c.env, `${path} matches environments.${c.env.name}.paths`)] : []
        if (c.env.name === 'production' && namedForProduction(path)) return [{ ...match(c.env, `${path} is named for production`), builtIn: true }]
        return []
      }),
    composeProfiles: (profiles) =>
      compiled.flatMap((c) => {
        const p = profiles.find((x) => c.profiles.has(x))
        return p !== undefined ? [match(c.env, `Compose profile '${p}' is in environments.${c.env.name}`)] : []
      }),
    namespace: (name) =>
      compiled.flatMap((c) => {
        if (c.namespaces.has(name)) return [match(c.env, `namespace '${name}' is in environments.${c.env.name}`)]
        if (c.namespaces.size === 0 && c.env.name === 'production' && namedForProduction(name)) {
          return [{ ...match(c.env, `namespace '${name}' is named for production`), builtIn: true }]
        }
        return []
      }),
    named: (name) =>
      compiled
        .filter((c) => c.env.name.toLowerCase() === name.trim().toLowerCase() || c.workflow.has(name.trim().toLowerCase()))
        .map((c) => match(c.env, `--environment ${name.trim()}`)),
  }
}
