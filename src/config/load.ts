/**
 * Finds, reads, validates (JSON Schema, then meaning) and normalises a config file. Every problem is a
 * `UsageError` (exit 2) naming `file:line:column` and what is wrong; several problems are reported together.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { isMap, isPair, isScalar, type Node } from 'yaml'
import { loadCatalog } from '../core/catalog.js'
import { UsageError } from '../core/errors.js'
import { loadKnowledgeBase, releaseBuild } from '../kb/index.js'
import { parseBuildLabel } from '../kb/hosts.js'
import type { HostKind } from '../kb/types.js'
import { parseYaml, type YamlSource } from '../parsers/yaml-located.js'
import { validate as validateGenerated } from './schema-validate.generated.js'
import {
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  type EnvironmentPolicy,
  type FailOn,
  type ImageMapping,
  type IsolintConfig,
  type RuleLevel,
  type RuleSetting,
  type RunnerMapping,
} from './types.js'

/** Names looked for at the root, in order. */
export const CONFIG_NAMES = ['.isolint.yml', '.isolint.yaml'] as const
const MAX_CONFIG_SIZE = 1024 * 1024

/** The schema's validator, compiled ahead of time (scripts/config-validator.mjs): no schema compile at run time. */
const validator = validateGenerated as ValidateFunction


function validate(data: unknown): ErrorObject[] {
  return validator(data) ? [] : [...(validator.errors ?? [])]
}

/** The config file at the root, or undefined. Both names present is an error (which one applies would be a guess). */
export function findConfigFile(root: string): string | undefined {
  const found = CONFIG_NAMES.map((n) => path.join(root, n)).filter((f) => existsSync(f))
  if (found.length > 1) throw new UsageError(`both ${CONFIG_NAMES.join(' and ')} exist in ${root}: keep one`)
  return found[0]
}

/** Defaults: what isolint does with no config file. */
export function defaultConfig(): IsolintConfig {
  return {
    ignore: [],
    hosts: [],
    runners: [],
    images: [],
    environments: [defaultProduction()],
    rules: new Map(),
    suppressions: { requireReason: true, never: [] },
    failOn: 'error',
    origins: {},
  }
}

function defaultProduction(): EnvironmentPolicy {
  return {
    name: 'production',
    workflowEnvironments: DEFAULT_PRODUCTION_ENVIRONMENTS,
    composeProfiles: [],
    namespaces: [],
    requireIsolation: 'hyperv',
  }
}

/** Reads and checks a config file; `root` makes the file name in messages relative. */
export function loadConfigFile(file: string, root: string): IsolintConfig {
  const rel = path.relative(root, file)
  const shown = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file
  let text: string
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new Error('not a file')
    if (stat.size > MAX_CONFIG_SIZE) throw new Error(`larger than ${MAX_CONFIG_SIZE} bytes`)
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read config ${shown}: ${(e as Error).message}`)
  }
  return parseConfig(text, shown)
}

/** Parses config text; `file` is the name used in messages and origins. */
export function parseConfig(text: string, file: string): IsolintConfig {
  const parsed = parseYaml(file, text.replace(/^\uFEFF/, ''))
  if (!parsed.source) {
    throw new UsageError(
      `invalid config:\n${parsed.problems.map((p) => `  ${file}:${p.span.start.line}:${p.span.start.column}: ${p.message}`).join('\n')}`,
    )
  }
  const src = parsed.source
  let data: unknown
  try {
    data = src.doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    throw new UsageError(`invalid config: ${file}: ${(e as Error).message}`)
  }
  if (data === null || data === undefined) data = {}
  const errors = validate(data)
  // An anyOf of `required` alternatives is said once (the anyOf message), not once per alternative.
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath))
  const problems = errors
    .filter((e) => !(anyOfAt.has(e.instancePath) && /\/anyOf\/\d+\//.test(e.schemaPath)))
    .map((e) => schemaProblem(src, e))
  if (problems.length > 0) throw configError(problems)
  return normalise(data as RawConfig, src)
}

interface Problem {
  readonly at: string
  readonly message: string
}

function configError(problems: readonly Problem[]): UsageError {
  const line = (p: Problem): number[] => (/:(\d+):(\d+)$/.exec(p.at) ?? [0, 0, 0]).slice(1).map(Number)
  const unique = [...new Map(problems.map((p) => [`${p.at} ${p.message}`, p])).values()].sort(
    (a, b) => line(a)[0]! - line(b)[0]! || line(a)[1]! - line(b)[1]!,
  )
  return new UsageError(`invalid config:\n${unique.map((p) => `  ${p.at}: ${p.message}`).join('\n')}`)
}

/** `file:line:column` of the node at a JSON pointer path (or of its key, for a key problem). */
function locate(src: YamlSource, segments: readonly (string | number)[], key?: string): string {
  let node: unknown = src.doc.contents
  let best = node
  for (const s of segments) {
    node = getChild(node, s)
    if (node === undefined) break
    best = node
  }
  let offset = (best as Node | null)?.range?.[0] ?? 0
  if (key !== undefined && isMap(best)) {
    const pair = best.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key)
    if (pair && isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset
  }
  const pos = src.lines.position(offset)
  return `${src.file}:${pos.line}:${pos.column}`
}

function getChild(node: unknown, s: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(s))
    return pair?.value ?? undefined
  }
  if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
    return (node as { items: unknown[] }).items[Number(s)]
  }
  return undefined
}

function pointer(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function schemaProblem(src: YamlSource, e: ErrorObject): Problem {
  const segs = pointer(e.instancePath)
  const where = segs.length > 0 ? `'${segs.join('.')}'` : 'the config'
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty)
      return { at: locate(src, segs, key), message: `unknown key '${key}' in ${where}` }
    }
    case 'required':
      return { at: locate(src, segs), message: `${where} needs '${(e.params as { missingProperty: string }).missingProperty}'` }
    case 'enum':
      return {
        at: locate(src, segs),
        message: `${where} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`,
      }
    case 'anyOf':
      return {
        at: locate(src, segs),
        message: segs[0] === 'images' ? `${where} needs 'build' or 'os: linux'` : `${where} needs 'build' (or 'os' for a non-Windows runner)`,
      }
    case 'propertyNames':
      return { at: locate(src, segs), message: `${where} has a key that is not a valid name` }
    default:
      return { at: locate(src, segs), message: `${where} ${e.message ?? 'is invalid'}` }
  }
}

// --- meaning: builds, rule ids, globs ---

/** The options each rule accepts, with a check of the value (undefined = valid). */
const RULE_OPTIONS: Readonly<Record<string, Readonly<Record<string, (value: unknown) => string | undefined>>>> = {
  'hostprocess-workload': {
    // Workloads that are node agents, as picomatch globs over `namespace/name` (`monitoring/fluent-bit-windows`).
    'node-agents': (v) =>
      Array.isArray(v) && v.every((g) => typeof g === 'string' && /^[^/]+\/[^/]+$/.test(g))
        ? undefined
        : "must be a list of 'namespace/name' globs (monitoring/fluent-bit, logging/*)",
  },
}

interface RawConfig {
  ignore?: string[]
  hosts?: (string | number)[]
  runners?: { labels: string[]; build?: string | number; revision?: number; os?: RunnerMapping['os']; kind?: HostKind; hyperv?: boolean; ephemeral?: boolean }[]
  images?: { match: string; build?: string | number; os?: 'windows' | 'linux' }[]
  environments?: Record<string, { 'workflow-environments'?: string[]; paths?: string[]; 'compose-profiles'?: string[]; namespaces?: string[]; 'require-isolation'?: 'hyperv' | 'none' }>
  rules?: Record<string, RuleLevel | { level?: RuleLevel; options?: Record<string, unknown> }>
  suppressions?: { 'require-reason'?: boolean; 'max-days'?: number; never?: string[] }
  'fail-on'?: FailOn
}

/** A build as written (20348, '10.0.20348', '10.0.20348.1234', 'ltsc2022', 'windows-2022') → build and UBR. */
export function parseBuild(value: string | number): { build: number; ubr?: number } | undefined {
  const text = String(value).trim()
  const explicit = parseBuildLabel(text)
  if (explicit) return explicit
  const named = releaseBuild(text)
  if (named !== undefined) return { build: named }
  const host = loadKnowledgeBase().host(text)
  if (host?.os === 'windows' && host.build !== undefined && !host.floating) return { build: host.build }
  return undefined
}

function normalise(raw: RawConfig, src: YamlSource): IsolintConfig {
  const problems: Problem[] = []
  const at = (...segs: (string | number)[]): string => locate(src, segs)
  const catalog = loadCatalog()
  const origins: Record<string, string> = {}
  for (const key of Object.keys(raw)) origins[key] = locate(src, [], key)
  const build = (v: string | number, ...segs: (string | number)[]): { build: number; ubr?: number } | undefined => {
    const b = parseBuild(v)
    if (!b) problems.push({ at: at(...segs), message: `'${segs.join('.')}': unknown Windows build or release '${v}' (give 20348, 10.0.20348 or ltsc2022)` })
    return b
  }
  const ruleId = (id: string, where: string): void => {
    const entry = catalog.get(id)
    if (!entry || entry.stage === 'retired') problems.push({ at: where, message: `unknown rule '${id}' (isolint --list-rules lists them)` })
  }

  const hosts = (raw.hosts ?? []).map((h, i) => {
    const text = String(h)
    const mapped = (raw.runners ?? []).some((r) => r.labels.length === 1 && r.labels[0]!.toLowerCase() === text.toLowerCase())
    if (!mapped && !loadKnowledgeBase().host(text) && !parseBuild(text)) {
      problems.push({ at: at('hosts', i), message: `'hosts.${i}': unknown runner '${text}' (give windows-2022, 10.0.20348, or map the label under runners)` })
    }
    const b = typeof h === 'number' ? parseBuild(h) : undefined
    return b ? `10.0.${b.build}` : text
  })

  const runners: RunnerMapping[] = (raw.runners ?? []).map((r, i) => {
    const b = r.build !== undefined ? build(r.build, 'runners', i, 'build') : undefined
    const os = r.os ?? 'windows'
    if (os !== 'windows' && r.build !== undefined) problems.push({ at: at('runners', i, 'os'), message: `'runners.${i}': a ${os} runner has no Windows build` })
    const ubr = r.revision ?? b?.ubr
    return {
      labels: r.labels,
      os,
      ...(b && os === 'windows' ? { build: b.build } : {}),
      ...(ubr !== undefined ? { ubr } : {}),
      kind: r.kind ?? 'server',
      hyperv: r.hyperv ?? true,
      ...(r.ephemeral !== undefined ? { ephemeral: r.ephemeral } : {}),
      where: at('runners', i),
    }
  })

  const images: ImageMapping[] = (raw.images ?? []).map((m, i) => {
    const b = m.build !== undefined ? build(m.build, 'images', i, 'build') : undefined
    const os = m.os ?? 'windows'
    if (os === 'linux' && m.build !== undefined) problems.push({ at: at('images', i, 'build'), message: `'images.${i}': a linux image has no Windows build` })
    return { match: m.match.toLowerCase(), os, ...(b && os === 'windows' ? { build: b.build } : {}), where: at('images', i) }
  })

  const environments: EnvironmentPolicy[] = []
  const rawEnvs = raw.environments ?? {}
  const names = Object.keys(rawEnvs)
  for (const name of ['production', ...names.filter((n) => n !== 'production')]) {
    const e = rawEnvs[name]
    const base = name === 'production' ? defaultProduction() : undefined
    if (!e) {
      if (base) environments.push(base)
      continue
    }
    const require = e['require-isolation'] ?? base?.requireIsolation
    environments.push({
      name,
      workflowEnvironments: e['workflow-environments'] ?? base?.workflowEnvironments ?? [],
      ...(e.paths ? { paths: e.paths } : {}),
      composeProfiles: e['compose-profiles'] ?? [],
      namespaces: e.namespaces ?? [],
      ...(require === 'hyperv' ? { requireIsolation: 'hyperv' as const } : {}),
    })
  }

  const rules = new Map<string, RuleSetting>()
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    ruleId(id, locate(src, ['rules'], id))
    const level = typeof v === 'string' ? v : v.level
    const options = typeof v === 'string' ? {} : (v.options ?? {})
    const known = RULE_OPTIONS[id] ?? {}
    for (const [key, value] of Object.entries(options)) {
      const check = known[key]
      const problem = !check
        ? Object.keys(known).length === 0
          ? `rule '${id}' has no options`
          : `rule '${id}' has no option '${key}' (options: ${Object.keys(known).join(', ')})`
        : check(value)
      if (problem !== undefined) problems.push({ at: at('rules', id, 'options', key), message: `'rules.${id}.options.${key}': ${problem}` })
    }
    rules.set(id, { ...(level !== undefined ? { level } : {}), options })
  }
  const never = raw.suppressions?.never ?? []
  never.forEach((id, i) => ruleId(id, at('suppressions', 'never', i)))

  if (problems.length > 0) throw configError(problems)
  return {
    file: src.file,
    ignore: raw.ignore ?? [],
    hosts,
    runners,
    images,
    environments,
    rules,
    suppressions: {
      requireReason: raw.suppressions?.['require-reason'] ?? true,
      ...(raw.suppressions?.['max-days'] !== undefined ? { maxDays: raw.suppressions['max-days'] } : {}),
      never,
    },
    failOn: raw['fail-on'] ?? 'error',
    origins,
  }
}
