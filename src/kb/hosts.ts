/** Runner labels and explicit builds → HostInfo. Pure functions over the KB data. */
import type { KbData, RunnerData, RunnerPatternData } from './data.js'
import type { HostInfo, HostKind, KbExtensions } from './types.js'

/** Runner data with its label patterns compiled once. */
export interface HostRules {
  readonly data: KbData
  readonly patterns: readonly { readonly re: RegExp; readonly entry: RunnerPatternData }[]
}

/** Compiles the runner label patterns of the KB. */
export function compileHostRules(data: KbData): HostRules {
  return { data, patterns: data.runnerPatterns.map((entry) => ({ re: new RegExp(entry.pattern, entry.flags ?? ''), entry })) }
}

const BUILD_LABEL = /^(?:10\.0\.(\d{5})(?:\.(\d+))?|(\d{5}))$/

/** `10.0.26100`, `10.0.26100.1234` or `26100` → build (and UBR); undefined for anything else. */
export function parseBuildLabel(label: string): { build: number; ubr?: number } | undefined {
  const m = BUILD_LABEL.exec(label.trim())
  if (!m) return undefined
  const build = Number(m[1] ?? m[3])
  return m[2] === undefined ? { build } : { build, ubr: Number(m[2]) }
}

/**
 * Host kind of a bare build: client for builds the KB knows as client-only releases, and for unlisted builds from
 * `clientBuilds.from` on (Windows 11 25H2, 26200, and later: no Windows Server release after 26100 is known).
 */
export function kindOfBuild(data: KbData, build: number): HostKind {
  const known = data.builds[String(build)]
  if (known) return known.kind === 'client' ? 'client' : 'server'
  return data.clientBuilds && build >= data.clientBuilds.from ? 'client' : 'server'
}

function fromRunner(label: string, r: RunnerData, provider: string): HostInfo {
  const windows = r.os === 'windows'
  const floating = r.floating && {
    resolvesTo: r.floating.resolvesTo,
    history: r.floating.previous?.length
      ? r.floating.previous.map((p) => `${p.label} (build ${p.build}) until ${p.until}`).join('; ')
      : r.floating.note,
    source: r.floating.source,
    ...(r.floating.previous && { previous: r.floating.previous.map(({ label: l, build, until }) => ({ label: l, build, until })) }),
  }
  const retired = r.retired && { on: r.retired.on, note: r.retired.note, source: r.retired.source }
  return hostInfo({ label, os: r.os, build: windows ? r.build : undefined, kind: r.kind, docker: windows && r.docker !== false, retired: retired || undefined, floating: floating || undefined, source: r.source, provider })
}

/**
 * A HostInfo with every field, in one order (undefined when not set): one object shape for every label, so the
 * code that reads hosts (linking, rules) sees one shape, not one per kind of label.
 */
export function hostInfo(h: HostInfo): HostInfo {
  return {
    label: h.label,
    os: h.os,
    build: h.build,
    ubr: h.ubr,
    kind: h.kind,
    docker: h.docker,
    retired: h.retired,
    floating: h.floating,
    source: h.source,
    provider: h.provider,
  }
}

function fromExtension(data: KbData, label: string, ext: NonNullable<KbExtensions['runners']>[string]): HostInfo {
  const os = ext.os ?? (ext.build !== undefined ? 'windows' : 'unknown')
  const windows = os === 'windows'
  const build = windows ? ext.build : undefined
  const kind = ext.kind ?? (build !== undefined ? kindOfBuild(data, build) : 'server')
  return hostInfo({ label, os, build, kind, docker: windows, source: 'isolint configuration (runners)' })
}

function findLabel<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  if (!map) return undefined
  const hit = Object.keys(map).find((k) => k.toLowerCase() === key)
  return hit === undefined ? undefined : map[hit]
}

/**
 * Resolves a runs-on label, Azure Pipelines vmImage, explicit build or configured label. Order: configuration,
 * bundled runner labels (providers in file order), explicit builds, non-Windows label patterns. Unknown → undefined.
 */
export function resolveHost(
  rules: HostRules,
  extensions: KbExtensions | undefined,
  labelOrBuild: string,
  provider?: string,
): HostInfo | undefined {
  const label = labelOrBuild.trim()
  const key = label.toLowerCase()
  if (key === '') return undefined
  const ext = findLabel(extensions?.runners, key)
  if (ext) return fromExtension(rules.data, label, ext)
  const preferred = provider !== undefined ? findLabel(rules.data.runners[provider], key) : undefined
  if (preferred) return fromRunner(label, preferred, provider!)
  for (const [name, labels] of Object.entries(rules.data.runners)) {
    const r = findLabel(labels, key)
    if (r) return fromRunner(label, r, name)
  }
  const parsed = parseBuildLabel(label)
  if (parsed) return hostInfo({ label, os: 'windows', build: parsed.build, ubr: parsed.ubr, kind: kindOfBuild(rules.data, parsed.build), docker: true })
  const pattern = rules.patterns.find((p) => p.re.test(label))
  if (pattern) return hostInfo({ label, os: pattern.entry.os, kind: 'server', docker: pattern.entry.docker, source: pattern.entry.source })
  return undefined
}
