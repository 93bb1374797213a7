/** Raw shape of rules/windows-knowledge.json and a cheap structural check (the full JSON Schema runs in tests). */
import { InternalError } from '../core/errors.js'
import type { HostKind, Isolation } from './types.js'

/** Every fact carries where it comes from and when that was checked. */
export interface Fact {
  readonly source: string
  /** ISO date the fact was checked against its source. */
  readonly verified: string
  /** False when the sources could not confirm the fact. */
  readonly confirmed?: boolean
}

export type ImageOs = 'windows' | 'linux' | 'any' | 'unknown'

export interface LifecycleData extends Fact {
  readonly available?: string
  readonly mainstreamEnd?: string
  readonly extendedEnd?: string
  /** Set once support has ended. */
  readonly endOfLife?: string
}

export interface BuildData extends Fact {
  readonly name: string
  readonly title: string
  readonly kind: 'server' | 'client' | 'server+client'
  readonly channel: 'ltsc' | 'sac' | 'annual' | 'client'
  /** Tag token of the published base images (`ltsc2022`); absent when no base image exists. */
  readonly tag?: string
  readonly aliases: readonly string[]
  readonly lifecycle?: LifecycleData
  readonly note?: string
}

export interface MatrixEntryData extends Fact {
  readonly name: string
  readonly process: readonly number[]
  readonly hyperv: readonly number[]
  readonly processDevTestOnly?: readonly number[]
  readonly notes?: string
}

export interface AlgorithmData extends Fact {
  readonly ltsc: readonly number[]
  readonly threshold: number
  readonly description?: string
}

export interface DefaultIsolationData extends Fact {
  readonly isolation: Isolation
}

export interface FloatingData extends Fact {
  readonly resolvesTo: string
  readonly note: string
  readonly previous?: readonly (Fact & { readonly label: string; readonly build: number; readonly until: string })[]
}

export interface RunnerData extends Fact {
  readonly os: 'windows' | 'linux' | 'macos'
  readonly build?: number
  readonly kind: HostKind
  readonly docker: boolean | 'unknown'
  readonly floating?: FloatingData
  readonly retired?: Fact & { readonly on: string; readonly note: string }
  readonly notes?: string
}

export interface RunnerPatternData extends Fact {
  readonly pattern: string
  readonly flags?: string
  readonly os: 'windows' | 'linux' | 'macos'
  readonly docker: boolean
}

export interface TagExampleData {
  readonly ref: string
  readonly os: ImageOs
  readonly builds?: readonly number[]
  readonly ubr?: number
}

export interface TagPatternData extends Fact {
  readonly token: string
  readonly pattern: string
  readonly flags?: string
  /** A build number; `captured` = named groups `build`/`ubr`; null = a modifier that names no build. */
  readonly build: number | 'captured' | null
  /** `windows`: only inside Windows-looking tags or on Windows repositories. */
  readonly context: 'any' | 'windows'
  readonly note?: string
  /** Support of the images this token names ended on this date (Nano Server sac2016). */
  readonly endOfLife?: string
  /** The release whose support ended, for messages (`Nano Server 1607`); set with endOfLife. */
  readonly release?: string
  readonly examples: readonly TagExampleData[]
}

export interface MarkerData extends Fact {
  readonly pattern: string
  readonly flags?: string
}

export interface TagRuleData extends Fact {
  readonly pattern: string
  readonly flags?: string
  readonly os: ImageOs
  readonly builds?: readonly number[]
  readonly reason: string
}

export interface RepositoryData extends Fact {
  readonly id: string
  readonly repositories: readonly string[]
  readonly platform: 'windows' | 'linux' | 'mixed'
  readonly windowsBase?: boolean
  readonly hostProcess?: boolean
  /** False when the repository publishes no `latest` tag. */
  readonly latestTag?: boolean
  readonly tags?: readonly TagRuleData[]
  readonly otherTags?: Fact & { readonly os: ImageOs; readonly builds?: readonly number[]; readonly reason: string }
  /** Tags that are not published, or no longer maintained. */
  readonly tagStatus?: readonly TagStatusData[]
  /** Builds whose images here are a release of their own (Nano Server on 14393 is Nano Server 1607, not ltsc2016). */
  readonly releases?: readonly ReleaseData[]
  readonly reason: string
}

export interface ReleaseData extends Fact {
  readonly build: number
  /** `Nano Server 1607`. */
  readonly release: string
  /** Support of this release ended on this date, whatever the build's lifecycle says. */
  readonly endOfLife: string
}

export interface TagStatusData extends Fact {
  /** A named group `stamp` captures the tag's `YYYYMMDD` date stamp (ImageStatus.stamped). */
  readonly pattern: string
  readonly flags?: string
  readonly status: 'unpublished' | 'unmaintained'
  readonly since?: string
  readonly reason: string
}

/** The parts of the knowledge base the lookups use; other sections are documentation for humans and rules. */
export interface KbData {
  readonly meta: { readonly version: string; readonly verified: string; readonly description: string }
  readonly builds: Readonly<Record<string, BuildData>>
  readonly hostMatrix: {
    readonly server: Readonly<Record<string, MatrixEntryData>>
    readonly client: Readonly<Record<string, MatrixEntryData>>
  }
  readonly algorithm: AlgorithmData
  readonly defaults: { readonly server: DefaultIsolationData; readonly client: DefaultIsolationData }
  readonly runners: Readonly<Record<string, Readonly<Record<string, RunnerData>>>>
  readonly runnerPatterns: readonly RunnerPatternData[]
  readonly tagPatterns: readonly TagPatternData[]
  readonly windowsTagMarkers: MarkerData
  readonly linuxTagMarkers: MarkerData & {
    /** The images whose tag conventions make a Linux tag word a fact (and every repository the KB lists). */
    readonly appliesTo: Fact & { readonly officialImages: boolean; readonly registries: readonly string[] }
  }
  readonly repositories: readonly RepositoryData[]
  /** Unlisted builds from this one on are client hosts (Windows 11 25H2 and later). */
  readonly clientBuilds?: Fact & { readonly from: number; readonly note: string }
  /** Kubernetes facts, for the Kubernetes rules (AKS node pool retirements). */
  readonly kubernetes?: {
    readonly aks?: Readonly<
      Record<string, Fact & { readonly build?: number; readonly retired?: string; readonly retires?: string; readonly supported?: boolean; readonly note: string }>
    >
  }
}

const WHERE = 'rules/windows-knowledge.json'
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Obj = Record<string, unknown>

function fail(path: string, what: string): never {
  throw new InternalError(`${WHERE}: ${path} ${what}`)
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'must be an object')
  return v as Obj
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'must be a list')
  return v
}

function text(o: Obj, key: string, path: string): string {
  const v = o[key]
  if (typeof v !== 'string' || v.trim() === '') fail(`${path}.${key}`, 'must be a non-empty string')
  return v
}

function builds(v: unknown, path: string): void {
  if (!arr(v, path).every((b) => Number.isInteger(b))) fail(path, 'must be a list of build numbers')
}

function fact(v: unknown, path: string): Obj {
  const o = obj(v, path)
  text(o, 'source', path)
  if (!DATE.test(text(o, 'verified', path))) fail(`${path}.verified`, 'must be an ISO date')
  return o
}

function regex(o: Obj, path: string): void {
  const flags = o.flags === undefined ? '' : o.flags
  if (typeof flags !== 'string') fail(`${path}.flags`, 'must be a string')
  try {
    new RegExp(text(o, 'pattern', path), flags)
  } catch (e) {
    fail(`${path}.pattern`, `is not a valid regular expression (${(e as Error).message})`)
  }
}

function checkBuildMap(v: unknown, path: string, each: (o: Obj, p: string) => void): void {
  for (const [key, entry] of Object.entries(obj(v, path))) {
    if (!/^\d{5}$/.test(key)) fail(`${path}.${key}`, 'key must be a 5-digit build number')
    each(fact(entry, `${path}.${key}`), `${path}.${key}`)
  }
}

/**
 * Cheap structural check of the parsed knowledge base: the sections and fields the lookups read, that every fact
 * there has a source and a verified date, and that every regex compiles. Throws InternalError naming the path.
 */
export function validateKbData(raw: unknown): KbData {
  const root = obj(raw, '(root)')
  const meta = obj(root.meta, 'meta')
  text(meta, 'version', 'meta')
  if (!DATE.test(text(meta, 'verified', 'meta'))) fail('meta.verified', 'must be an ISO date')
  checkBuildMap(root.builds, 'builds', (o, p) => {
    text(o, 'name', p)
    text(o, 'title', p)
    if (!['server', 'client', 'server+client'].includes(o.kind as string)) fail(`${p}.kind`, 'must be server, client or server+client')
    if (o.lifecycle !== undefined) fact(o.lifecycle, `${p}.lifecycle`)
  })
  const matrix = obj(root.hostMatrix, 'hostMatrix')
  for (const kind of ['server', 'client']) {
    checkBuildMap(matrix[kind], `hostMatrix.${kind}`, (o, p) => {
      builds(o.process, `${p}.process`)
      builds(o.hyperv, `${p}.hyperv`)
      if (o.processDevTestOnly !== undefined) builds(o.processDevTestOnly, `${p}.processDevTestOnly`)
    })
  }
  const algorithm = fact(root.algorithm, 'algorithm')
  builds(algorithm.ltsc, 'algorithm.ltsc')
  if (!Number.isInteger(algorithm.threshold)) fail('algorithm.threshold', 'must be a build number')
  const defaults = obj(root.defaults, 'defaults')
  for (const kind of ['server', 'client']) {
    const d = fact(defaults[kind], `defaults.${kind}`)
    if (d.isolation !== 'process' && d.isolation !== 'hyperv') fail(`defaults.${kind}.isolation`, 'must be process or hyperv')
  }
  for (const [provider, labels] of Object.entries(obj(root.runners, 'runners'))) {
    for (const [label, entry] of Object.entries(obj(labels, `runners.${provider}`))) {
      const p = `runners.${provider}.${label}`
      const r = fact(entry, p)
      if (!['windows', 'linux', 'macos'].includes(r.os as string)) fail(`${p}.os`, 'must be windows, linux or macos')
      if (r.kind !== 'server' && r.kind !== 'client') fail(`${p}.kind`, 'must be server or client')
      if (r.floating !== undefined) fact(r.floating, `${p}.floating`)
      if (r.retired !== undefined) fact(r.retired, `${p}.retired`)
    }
  }
  arr(root.runnerPatterns, 'runnerPatterns').forEach((e, i) => regex(fact(e, `runnerPatterns[${i}]`), `runnerPatterns[${i}]`))
  arr(root.tagPatterns, 'tagPatterns').forEach((e, i) => {
    const p = `tagPatterns[${i}]`
    const t = fact(e, p)
    regex(t, p)
    if (!(t.build === null || t.build === 'captured' || Number.isInteger(t.build))) fail(`${p}.build`, 'must be a build, "captured" or null')
    if (t.context !== 'any' && t.context !== 'windows') fail(`${p}.context`, 'must be any or windows')
    // Messages name the release whose support ended (`Nano Server 1607`), not the build's (`ltsc2016`).
    if (t.endOfLife !== undefined) text(t, 'release', p)
  })
  regex(fact(root.windowsTagMarkers, 'windowsTagMarkers'), 'windowsTagMarkers')
  const linux = fact(root.linuxTagMarkers, 'linuxTagMarkers')
  regex(linux, 'linuxTagMarkers')
  const appliesTo = fact(linux.appliesTo, 'linuxTagMarkers.appliesTo')
  if (typeof appliesTo.officialImages !== 'boolean') fail('linuxTagMarkers.appliesTo.officialImages', 'must be true or false')
  arr(appliesTo.registries, 'linuxTagMarkers.appliesTo.registries').forEach((r, i) => {
    if (typeof r !== 'string' || r === '') fail(`linuxTagMarkers.appliesTo.registries[${i}]`, 'must be a registry host')
  })
  arr(root.repositories, 'repositories').forEach((e, i) => {
    const p = `repositories[${i}]`
    const r = fact(e, p)
    text(r, 'id', p)
    text(r, 'reason', p)
    if (arr(r.repositories, `${p}.repositories`).length === 0) fail(`${p}.repositories`, 'must not be empty')
    if (!['windows', 'linux', 'mixed'].includes(r.platform as string)) fail(`${p}.platform`, 'must be windows, linux or mixed')
    if (r.tags !== undefined) arr(r.tags, `${p}.tags`).forEach((t, j) => regex(fact(t, `${p}.tags[${j}]`), `${p}.tags[${j}]`))
    if (r.tagStatus !== undefined) {
      arr(r.tagStatus, `${p}.tagStatus`).forEach((t, j) => {
        const o = fact(t, `${p}.tagStatus[${j}]`)
        regex(o, `${p}.tagStatus[${j}]`)
        if (o.status !== 'unpublished' && o.status !== 'unmaintained') fail(`${p}.tagStatus[${j}].status`, 'must be unpublished or unmaintained')
      })
    }
    if (r.otherTags !== undefined) fact(r.otherTags, `${p}.otherTags`)
    if (r.releases !== undefined) {
      arr(r.releases, `${p}.releases`).forEach((t, j) => {
        const o = fact(t, `${p}.releases[${j}]`)
        if (!Number.isInteger(o.build)) fail(`${p}.releases[${j}].build`, 'must be a build number')
        text(o, 'release', `${p}.releases[${j}]`)
        if (!DATE.test(text(o, 'endOfLife', `${p}.releases[${j}]`))) fail(`${p}.releases[${j}].endOfLife`, 'must be an ISO date')
      })
    }
  })
  return root as unknown as KbData
}
