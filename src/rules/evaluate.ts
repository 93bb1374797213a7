/**
 * Shared reading of an execution for the compatibility rules: the host build, the image's candidate builds,
 * the build the engine would pick, and the isolation that applies. Pure.
 */
import type { BuildInfo, HostInfo, ImageInfo, Isolation, KnowledgeBase, Verdict } from '../kb/types.js'
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

/** Evaluates an execution on a Windows host whose build and image builds are known; undefined otherwise. */
export function evaluate(e: Execution, kb: KnowledgeBase): Evaluation | undefined {
  return evaluateImage(e, kb, e.image !== undefined ? kb.image(e.image) : undefined)
}

/**
 * Evaluations by knowledge base, host, image and isolation as written: an evaluation depends on nothing else, and a
 * large repository runs the same few images on the same few hosts thousands of times. Slots: see `isolationSlot`.
 */
const shared = new WeakMap<KnowledgeBase, Map<HostInfo, Map<ImageInfo, (Evaluation | null)[]>>>()

/** `evaluate` for an execution whose image the caller has classified already (`kb.image(e.image)`). */
export function evaluateImage(e: Execution, kb: KnowledgeBase, image: ImageInfo | undefined): Evaluation | undefined {
  const host = e.host?.info
  if (!host || host.os !== 'windows' || host.build === undefined || image === undefined) return undefined
  let byHost = shared.get(kb)
  if (!byHost) shared.set(kb, (byHost = new Map<HostInfo, Map<ImageInfo, (Evaluation | null)[]>>()))
  let byImage = byHost.get(host)
  if (!byImage) byHost.set(host, (byImage = new Map<ImageInfo, (Evaluation | null)[]>()))
  let slots = byImage.get(image)
  if (!slots) byImage.set(image, (slots = []))
  // The isolation that applies is worked out only for the first execution of a slot: most executions find their
  // evaluation made, and it took three calls per execution (issue 11).
  const slot = isolationSlot(e.isolation)
  let ev = slots[slot]
  if (ev === undefined) {
    const isolationIsDefault = e.isolation.value === undefined || e.isolation.value === 'default'
    slots[slot] = ev = evaluateOnce(host, host.build, image, effectiveIsolation(e, host, kb), isolationIsDefault, kb) ?? null
  }
  return ev ?? undefined
}

/**
 * The slot of an isolation as written, of which the effective isolation on a host and whether it is the default
 * follow: none (the host's default), unresolved (unknown), `default`, empty (the host's default, but written),
 * `process`, `hyperv`, anything else (invalid).
 */
function isolationSlot(isolation: Execution['isolation']): number {
  const v = isolation.value
  if (v === undefined) return isolation.raw === undefined ? 0 : 1
  return v === 'default' ? 2 : v === '' ? 3 : v === 'process' ? 4 : v === 'hyperv' ? 5 : 6
}

function evaluateOnce(
  host: HostInfo,
  hostBuild: number,
  image: ImageInfo,
  isolation: Isolation | undefined,
  isolationIsDefault: boolean,
  kb: KnowledgeBase,
): Evaluation | undefined {
  if (image.hostProcess || !image.builds || image.builds.length === 0) return undefined
  if (image.os !== 'windows' && image.os !== 'any') return undefined
  const picked = kb.pickBuild(image.builds, hostBuild)
  // Four literals, not a base object spread into each: a spread copy with a field added gets a hidden class of its
  // own, which made every reader of an evaluation megamorphic (issue 11). The keys keep the same order.
  if (picked === undefined) {
    const verdict: Verdict = { kind: 'newer-than-host' }
    return isolation ? { host, hostBuild, image, isolationIsDefault, isolation, verdict } : { host, hostBuild, image, isolationIsDefault, verdict }
  }
  const verdict = kb.compatibility(hostBuild, host.kind, picked, isolation ?? 'hyperv')
  return isolation
    ? { host, hostBuild, image, isolationIsDefault, isolation, picked, verdict }
    : { host, hostBuild, image, isolationIsDefault, picked, verdict }
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
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
  if (e.service !== undefined) return `isolation: hyperv under build: of service ${e.service}`
  return e.what.startsWith('service ') ? 'isolation: hyperv' : '--isolation=hyperv'
}

/** Build names by knowledge base: every finding of the compatibility rules names two builds. */
const buildNames = new WeakMap<KnowledgeBase, Map<number, string>>()

export function buildName(kb: KnowledgeBase, build: number): string {
  let names = buildNames.get(kb)
  if (!names) buildNames.set(kb, (names = new Map<number, string>()))
  let name = names.get(build)
  if (name === undefined) {
    const info = kb.buildInfo(build)
    names.set(build, (name = info ? `${build} (${info.name})` : String(build)))
  }
  return name
}

/**
 * The end of support of an image's Windows release, which end-of-life-windows-image reports (and unmaintained-image-tag
 * defers to): for an image of one Windows build, the end of its own line (Nano Server 1607 on build 14393: the
 * message names that release) or else of its build's release; undefined while supported.
 */
export function windowsEndOfLife(image: ImageInfo, kb: KnowledgeBase): { readonly info: BuildInfo; readonly endOfLife: string } | undefined {
  if (image.os !== 'windows' || image.builds?.length !== 1) return undefined
  const info = kb.buildInfo(image.builds[0]!)
  const endOfLife = image.endOfLife ?? info?.endOfLife
  return info && endOfLife ? { info, endOfLife } : undefined
}

export function imageText(e: Execution): string {
  // `imageRaw` is then a word before the image, such as `${OPTS[@]}`, not the image.
  if (e.unknownArguments) return `an image isolint cannot pick out (${e.imageRaw} expands to any number of words)`
  return e.image ?? e.imageRaw
}
