/** The configuration of a CLI run: `--config FILE`, else the root's `.isolint.yml`, then the flags over it. */
import path from 'node:path'
import { UsageError } from '../core/errors.js'
import { defaultConfig, findConfigFile, loadConfigFile } from '../config/load.js'
import type { FailOn, IsolintConfig } from '../config/types.js'

export interface ConfigFlags {
  readonly config?: string
  readonly exclude?: readonly string[]
  readonly runners?: readonly string[]
  readonly failOn?: FailOn
}

/** Loads the config and applies the flags over it, recording where each value came from. */
export function cliConfig(cwd: string, root: string, flags: ConfigFlags, label = { config: '--config', exclude: '--exclude', runner: '--runner', failOn: '--fail-on' }): IsolintConfig {
  let file: string | undefined
  if (flags.config !== undefined && flags.config !== '') {
    file = path.resolve(cwd, flags.config)
  } else file = findConfigFile(root)
  let base: IsolintConfig
  try {
    base = file ? loadConfigFile(file, root) : defaultConfig()
  } catch (e) {
    if (e instanceof UsageError && flags.config) throw new UsageError(`${label.config}: ${e.message}`)
    throw e
  }
  const origins: Record<string, string> = { ...base.origins }
  const exclude = flags.exclude ?? []
  if (exclude.length > 0) origins.ignore = [origins.ignore, label.exclude].filter(Boolean).join(' + ')
  const runners = flags.runners ?? []
  if (runners.length > 0) origins.hosts = label.runner
  if (flags.failOn !== undefined) origins['fail-on'] = label.failOn
  return {
    ...base,
    ignore: [...base.ignore, ...exclude],
    hosts: runners.length > 0 ? runners : base.hosts,
    failOn: flags.failOn ?? base.failOn,
    origins,
  }
}
