/**
 * Shared reading of an execution for the compatibility rules: the host build, the image's candidate builds,
 * the build the engine would pick, and the isolation that applies. Pure.
 */
import type { HostInfo, ImageInfo, Isolation, KnowledgeBase, Verdict } from '../kb/types.js'
import type { Execution } from '../model/project.js'

export const VALID_ISOLATION = new Set(['default', 'process', 'hyperv'])

export interface Evaluation {
  readonly host: HostInfo
  readonly hostBuild: number
  readonly image: ImageInfo
  /** The build the engine pulls on this host; undefined when every candidate is newer than the host. */
  readonly picked?: number
  /** Undefined when the isolation is invalid or could not be expanded. */
  readonly isolation?: Isolation
  /** True when the isolation comes from the host's default, not from the file. */
  readonly isolationIsDefault: boolean
  readonly verdict: Verdict
}

/** The effective isolation of an execution on a host; undefined when invalid or unknown. */
export function effectiveIsolation(e: Execution, host: HostInfo, kb: KnowledgeBase): Isolation | undefined {
  const v = e.isolation.value
  if (v === undefined) return e.isolation.raw !== undefined ? undefined : kb.defaultIsolation(host.kind)
  if (v === 'default' || v === '') return kb.defaultIsolation(host.kind)
  if (v === 'process' || v === 'hyperv') return v
  return undefined
}

/** Evaluations by knowledge base and execution: several rules and the reports read the same execution. */
const evaluations = new WeakMap<KnowledgeBase, WeakMap<Execution, Evaluation | null>>()

/** Evaluates an execution on a Windows host whose build and image builds are known; undefined otherwise. */
export function evaluate(e: Execution, kb: KnowledgeBase): Evaluation | undefined {
  let byExecution = evaluations.get(kb)
  if (!byExecution) evaluations.set(kb, (byExecution = new WeakMap()))
  let ev = byExecution.get(e)
  if (ev === undefined) byExecution.set(e, (ev = evaluateOnce(e, kb) ?? null))
  return ev ?? undefined
}

function evaluateOnce(e: Execution, kb: KnowledgeBase): Evaluation | undefined {
  const host = e.host?.info
  if (!host || host.os !== 'windows' || host.build === undefined || e.image === undefined) return undefined
  const image = kb.image(e.image)
  if (image.hostProcess || !image.builds || image.builds.length === 0) return undefined
  if (image.os !== 'windows' && image.os !== 'any') return undefined
  const picked = kb.pickBuild(image.builds, host.build)
  const isolation = effectiveIsolation(e, host, kb)
  const isolationIsDefault = e.isolation.value === undefined || e.isolation.value === 'default'
  const base = { host, hostBuild: host.build, image, isolationIsDefault, ...(isolation ? { isolation } : {}) }
  if (picked === undefined) return { ...base, verdict: { kind: 'newer-than-host' } }
  const verdict = kb.compatibility(host.build, host.kind, picked, isolation ?? 'hyperv')
  return { ...base, picked, verdict }
}

/**
 * `runner windows-2022`, `host 10.0.20348`, with the matrix combination when there is one, or with where a
 * user-given host comes from (`host windows-2022 (from --runner)`).
 */
export function describeHost(e: Execution): string {
  const h = e.host!
  if (h.provider === 'kubernetes') return h.info.label
  const what = h.span ? `runner ${h.info.label}` : `host ${h.info.label}`
  if (h.matrix) return `${what} (matrix ${h.matrix})`
  return !h.span && h.origin ? `${what} (${h.origin})` : what
}

/** The isolation flag or key that fixes a mismatch for this kind of execution. */
export function hypervFix(e: Execution): string {
  if (e.host?.provider === 'kubernetes') {
    return 'a node selector node.kubernetes.io/windows-build for the image build (Kubernetes has process isolation only)'
  }
  if (e.host?.provider === 'azure-pipelines' && e.host.hypervUnsupported) {
    return 'a vmImage of the image build (Microsoft-hosted agents cannot use Hyper-V isolation)'
  }
  return e.what.startsWith('service ') ? 'isolation: hyperv' : '--isolation=hyperv'
}

export function buildName(kb: KnowledgeBase, build: number): string {
  const info = kb.buildInfo(build)
  return info ? `${build} (${info.name})` : String(build)
}

export function imageText(e: Execution): string {
  return e.image ?? e.imageRaw
}
