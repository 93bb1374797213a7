/** `--print-config`: the effective configuration as YAML, each key with where its value came from. */
import { stringify } from 'yaml'
import type { IsolintConfig } from '../config/types.js'

/** The config model back in the file's shape (what `.isolint.yml` would say to get the same run). */
export function configToYaml(config: IsolintConfig): Record<string, unknown> {
  return {
    ignore: [...config.ignore],
    hosts: [...config.hosts],
    runners: config.runners.map((r) => ({
      labels: [...r.labels],
      ...(r.build !== undefined ? { build: r.build } : {}),
      ...(r.ubr !== undefined ? { revision: r.ubr } : {}),
      ...(r.os !== 'windows' ? { os: r.os } : {}),
      kind: r.kind,
      hyperv: r.hyperv,
      ...(r.ephemeral !== undefined ? { ephemeral: r.ephemeral } : {}),
    })),
    images: config.images.map((m) => ({ match: m.match, ...(m.build !== undefined ? { build: m.build } : { os: m.os }) })),
    environments: Object.fromEntries(
      config.environments.map((e) => [
        e.name,
        {
          'workflow-environments': [...e.workflowEnvironments],
          ...(e.paths ? { paths: [...e.paths] } : {}),
          'compose-profiles': [...e.composeProfiles],
          namespaces: [...e.namespaces],
          'require-isolation': e.requireIsolation ?? 'none',
        },
      ]),
    ),
    rules: Object.fromEntries(
      [...config.rules].map(([id, s]) => [
        id,
        Object.keys(s.options).length > 0 || s.level === undefined ? { ...(s.level !== undefined ? { level: s.level } : {}), options: s.options } : s.level,
      ]),
    ),
    suppressions: {
      'require-reason': config.suppressions.requireReason,
      ...(config.suppressions.maxDays !== undefined ? { 'max-days': config.suppressions.maxDays } : {}),
      never: [...config.suppressions.never],
    },
    'fail-on': config.failOn,
  }
}

export function printConfig(config: IsolintConfig): string {
  const out = [
    `# Effective isolint configuration (${config.file !== undefined ? `config file ${config.file}` : 'no config file: defaults'}).`,
    '# Each key says where its value came from. Production without a paths key uses the built-in rule: a file or',
    '# folder named prod or production as a whole word (not non-prod, not-prod, pre-prod).',
  ]
  for (const [key, value] of Object.entries(configToYaml(config))) {
    const text = stringify({ [key]: value }, { lineWidth: 0 }).trimEnd().split('\n')
    text[0] = `${text[0]}  # from ${config.origins[key] ?? 'default'}`
    out.push(...text)
  }
  return `${out.join('\n')}\n`
}
