/**
 * The smoke plan: which images to start on the engine at hand, with which isolation. A pure function of the lint
 * model and the engine's host.
 *
 * One entry per distinct image the pipeline runs (and isolation it is tested with), and one per Dockerfile a
 * workflow builds (built first with the same isolation, then run). Isolation: what the pipeline writes is tested as
 * written; otherwise `hyperv` where production requires it or the host cannot run the image build in process
 * isolation, `process` where it can. An image newer than the host is never started (the static rules already report
 * it), nor one whose reference or isolation could not be worked out.
 */
import type { Span } from '../core/span.js'
import type { Isolation, KnowledgeBase } from '../kb/types.js'
import type { BuildSpec, Execution, Project } from '../model/project.js'
import { hostVersion, type EngineHost } from './engine.js'

/** The command each container runs unless the options name another for its image. */
export const DEFAULT_COMMAND: readonly string[] = ['cmd', '/c', 'ver']

export interface PlanUse {
  readonly span: Span
  readonly what: string
}

/** Why an entry is not started. */
export type SkipCause = 'newer-than-host' | 'unresolved-image' | 'invalid-isolation' | 'linux-image' | 'hyperv-unavailable'

export interface PlanEntry {
  /** 1-based, in plan order. */
  readonly id: number
  /** The image started (for builds: the base images, `a, b`). */
  readonly image: string
  /** The image build the engine picks on this host; undefined when unknown. */
  readonly imageBuild?: number
  /** The isolation it is tested with; undefined when skipped before an isolation applies. */
  readonly isolation?: Isolation
  /** Why this isolation (or why skipped). */
  readonly why: string
  /** Set for a Dockerfile a workflow builds: built with `docker build` first, then its image is run. */
  readonly build?: BuildSpec
  readonly command: readonly string[]
  /** Where the pipeline uses the image, first = where a failure is reported. */
  readonly uses: readonly PlanUse[]
  readonly skip?: { readonly cause: SkipCause; readonly reason: string }
}

export interface SmokePlan {
  readonly host: EngineHost
  readonly entries: readonly PlanEntry[]
  /** The image of the Hyper-V probe (the smallest image of the host's own build), when a Hyper-V entry needs it. */
  readonly probeImage?: string
}

export interface PlanOptions {
  /** Commands per image reference (as the pipeline writes it, after expansion), overriding DEFAULT_COMMAND. */
  readonly commands?: ReadonlyMap<string, readonly string[]>
}

interface Decision {
  readonly isolation?: Isolation
  readonly why: string
  readonly imageBuild?: number
  readonly skip?: PlanEntry['skip']
}

/** The isolation an execution is tested with on this host, or why it is not started. */
export function decide(e: Execution, host: EngineHost, kb: KnowledgeBase): Decision {
  if (e.unknownArguments) {
    return { why: 'not started', skip: { cause: 'unresolved-image', reason: `the image cannot be picked out of the arguments (${e.imageRaw} expands to any number of words)` } }
  }
  if (e.image === undefined) {
    return { why: 'not started', skip: { cause: 'unresolved-image', reason: `the image reference ${e.imageRaw} could not be expanded (${e.unresolved.join(', ') || 'unknown value'})` } }
  }
  const info = kb.image(e.image)
  if (info.os === 'linux') {
    return { why: 'not started', skip: { cause: 'linux-image', reason: 'a Linux image cannot run on a Windows-containers engine' } }
  }
  const v = e.isolation.value
  if (v !== undefined && v !== '' && v !== 'default' && v !== 'process' && v !== 'hyperv') {
    return { why: 'not started', skip: { cause: 'invalid-isolation', reason: `the isolation '${e.isolation.raw ?? v}' is not process, hyperv or default` } }
  }
  const picked = info.builds && info.builds.length > 0 ? kb.pickBuild(info.builds, host.build) : undefined
  const build = picked !== undefined ? { imageBuild: picked } : {}
  if (info.builds && info.builds.length > 0 && picked === undefined) {
    return {
      why: 'not started',
      skip: {
        cause: 'newer-than-host',
        reason: `the image (build ${info.builds.join(', ')}) is newer than the host (${hostVersion(host)}); no isolation runs it, and the static rules report it`,
      },
    }
  }
  if (v === 'process' || v === 'hyperv') return { ...build, isolation: v, why: 'as written in the pipeline' }
  if (v === 'default' || v === '') return { ...build, isolation: host.defaultIsolation, why: "'default' as written: the engine's default" }
  if (e.production) return { ...build, isolation: 'hyperv', why: `production requires Hyper-V (${e.production.reason})` }
  if (picked === undefined) return { isolation: host.defaultIsolation, why: "image build unknown: the engine's default" }
  const verdict = kb.compatibility(host.build, host.kind, picked, 'process')
  if (verdict.kind === 'ok') return { ...build, isolation: 'process', why: 'the host runs this build in process isolation' }
  return { ...build, isolation: 'hyperv', why: "the image is outside the host's process-isolation range" }
}

function key(e: Execution, d: Decision): string {
  if (e.build) return JSON.stringify(['build', e.build.dockerfile, e.build.context, e.build.target ?? '', e.build.args, e.isolation.value ?? ''])
  return JSON.stringify(['run', e.image ?? e.imageRaw, d.isolation ?? '', d.skip?.cause ?? ''])
}

function compareSpans(a: Span, b: Span): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.start.line - b.start.line || a.start.column - b.start.column
}

/** Which executions a Windows engine can be asked about: containers (not pulls) on Windows hosts or no known host. */
function relevant(e: Execution, kb: KnowledgeBase): boolean {
  if (e.kind === 'pull') return false
  const hostOs = e.host?.info.os
  if (hostOs !== undefined && hostOs !== 'windows') return false
  if (e.image === undefined) return hostOs === 'windows'
  const info = kb.image(e.image)
  if (info.hostProcess) return false
  // A Linux image is only worth a (skipped) entry where the pipeline runs it on Windows.
  if (info.os === 'linux') return hostOs === 'windows'
  return true
}

export function planSmoke(project: Project, kb: KnowledgeBase, host: EngineHost, options: PlanOptions = {}): SmokePlan {
  const groups = new Map<string, { decisions: Decision[]; executions: Execution[] }>()
  const executions = project.executions.filter((e) => relevant(e, kb)).sort((a, b) => compareSpans(a.span, b.span))
  for (const e of executions) {
    const d = decide(e, host, kb)
    const k = key(e, d)
    const g = groups.get(k) ?? { decisions: [], executions: [] }
    g.decisions.push(d)
    g.executions.push(e)
    groups.set(k, g)
  }
  // A build is decided over all its stages: any stage newer than the host skips it, any that needs Hyper-V needs it.
  const entries: PlanEntry[] = []
  const merged = new Map<string, { e: Execution[]; d: Decision }>()
  for (const [k, g] of groups) {
    const first = g.executions[0]!
    if (first.build) {
      const skip = g.decisions.find((d) => d.skip)
      const hyperv = g.decisions.find((d) => d.isolation === 'hyperv')
      const d = skip ?? hyperv ?? g.decisions[0]!
      merged.set(k, { e: g.executions, d })
    } else merged.set(k, { e: g.executions, d: g.decisions[0]! })
  }
  for (const { e, d } of merged.values()) {
    const first = e[0]!
    const images = [...new Set(e.map((x) => x.image ?? x.imageRaw))]
    const image = first.build ? images.join(', ') : (first.image ?? first.imageRaw)
    const uses = uniqueUses(e.map((x) => ({ span: x.span, what: x.what })))
    entries.push({
      id: entries.length + 1,
      image,
      ...(d.imageBuild !== undefined ? { imageBuild: d.imageBuild } : {}),
      ...(d.isolation !== undefined && !d.skip ? { isolation: d.isolation } : {}),
      why: d.why,
      ...(first.build ? { build: first.build } : {}),
      command: options.commands?.get(first.image ?? first.imageRaw) ?? DEFAULT_COMMAND,
      uses,
      ...(d.skip ? { skip: d.skip } : {}),
    })
  }
  const needsProbe = entries.some((x) => x.isolation === 'hyperv' && !x.skip)
  const tag = needsProbe ? kb.matchingTag(host.build, host.kind) : undefined
  return { host, entries, ...(tag ? { probeImage: `mcr.microsoft.com/windows/nanoserver:${tag}` } : {}) }
}

function uniqueUses(uses: readonly PlanUse[]): PlanUse[] {
  const seen = new Set<string>()
  return uses.filter((u) => {
    const k = `${u.span.file}:${u.span.start.line}:${u.span.start.column}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** The plan as text, one line per entry (`--plan`). */
export function renderPlan(plan: SmokePlan): string {
  const h = plan.host
  const lines = [`Smoke plan for the engine's host ${hostVersion(h)} (${h.kind === 'server' ? 'Windows Server' : 'Windows client'}, default isolation ${h.defaultIsolation}):`]
  if (plan.entries.length === 0) lines.push('  nothing to start: no Windows container found in the pipeline')
  if (plan.probeImage) lines.push(`  probe: docker run --isolation=hyperv ${plan.probeImage} ${DEFAULT_COMMAND.join(' ')} (once, before the Hyper-V entries)`)
  for (const x of plan.entries) {
    const at = x.uses.map((u) => `${u.span.file}:${u.span.start.line}`).join(', ')
    const what = x.build ? `build ${x.build.dockerfile} (FROM ${x.image}) then run` : `run ${x.image}`
    const build = x.imageBuild !== undefined ? ` (build ${x.imageBuild})` : ''
    if (x.skip) lines.push(`  ${x.id}. skip ${what}${build}: ${x.skip.reason} [${at}]`)
    else lines.push(`  ${x.id}. ${what}${build} --isolation=${x.isolation} ${x.command.join(' ')}: ${x.why} [${at}]`)
  }
  return lines.join('\n') + '\n'
}
