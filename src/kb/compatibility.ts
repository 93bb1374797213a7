/** Host ↔ image build compatibility: the Microsoft matrix first, then the hcsshim/containerd rule. Pure functions. */
import type { AlgorithmData, KbData, MatrixEntryData } from './data.js'
import type { BuildInfo, HostKind, Isolation, Verdict } from './types.js'

const OK: Verdict = Object.freeze({ kind: 'ok' })
const NEEDS_HYPERV: Verdict = Object.freeze({ kind: 'needs-hyperv' })
const NEWER: Verdict = Object.freeze({ kind: 'newer-than-host' })
const NEEDS_HYPERV_UNVERIFIED: Verdict = Object.freeze({ kind: 'needs-hyperv', hypervUnverified: true })

/**
 * The build the classic moby image store picks from a manifest list on a host: entries newer than the host are
 * dropped, the host's own build is preferred, otherwise the first remaining entry in list order wins.
 */
export function pickBuild(candidates: readonly number[], hostBuild: number): number | undefined {
  const usable = candidates.filter((b) => b <= hostBuild)
  return usable.includes(hostBuild) ? hostBuild : usable[0]
}

/**
 * hcsshim/containerd `CheckHostAndContainerCompat` for process isolation: below the threshold the builds must be
 * equal; above it the image must lie between the newest LTSC strictly lower than the host (default: the threshold)
 * and the host.
 */
export function algorithmAllows(algorithm: Pick<AlgorithmData, 'ltsc' | 'threshold'>, hostBuild: number, imageBuild: number): boolean {
  if (hostBuild < algorithm.threshold) return imageBuild === hostBuild
  const lower = algorithm.ltsc.filter((b) => b < hostBuild)
  const floor = lower.length > 0 ? Math.max(...lower) : algorithm.threshold
  return floor <= imageBuild && imageBuild <= hostBuild
}

/** The Microsoft matrix row of a host build, if the KB lists it for that host kind. */
export function matrixEntry(data: KbData, hostBuild: number, hostKind: HostKind): MatrixEntryData | undefined {
  return data.hostMatrix[hostKind][String(hostBuild)]
}

/** Whether process isolation runs the image build on the host (dev/test-only client support counts). */
export function processAllowed(data: KbData, hostBuild: number, hostKind: HostKind, imageBuild: number): boolean {
  if (imageBuild > hostBuild) return false
  const row = matrixEntry(data, hostBuild, hostKind)
  if (!row) return algorithmAllows(data.algorithm, hostBuild, imageBuild)
  return row.process.includes(imageBuild) || (row.processDevTestOnly?.includes(imageBuild) ?? false)
}

/**
 * Verdict for an image build on a host with an isolation mode. A newer image never runs (moby refuses to pull it);
 * Hyper-V isolation runs any older or equal build; process isolation follows the matrix, then the algorithm.
 */
export function compatibility(
  data: KbData,
  hostBuild: number,
  hostKind: HostKind,
  imageBuild: number,
  isolation: Isolation,
): Verdict {
  if (imageBuild > hostBuild) return NEWER
  if (isolation === 'hyperv') return OK
  if (processAllowed(data, hostBuild, hostKind, imageBuild)) return OK
  // The Hyper-V rule applies to every host, but where the matrix row is unconfirmed Microsoft says nothing: say so.
  return matrixEntry(data, hostBuild, hostKind)?.confirmed === false ? NEEDS_HYPERV_UNVERIFIED : NEEDS_HYPERV
}

/** Default isolation of a host kind, from the KB defaults. */
export function defaultIsolation(data: KbData, kind: HostKind): Isolation {
  return data.defaults[kind].isolation
}

/** Name facts of a build; undefined when the KB does not know it. */
export function buildInfo(data: KbData, build: number): BuildInfo | undefined {
  const entry = data.builds[String(build)]
  if (!entry) return undefined
  const endOfLife = entry.lifecycle?.endOfLife
  return endOfLife ? { build, name: entry.name, title: entry.title, endOfLife } : { build, name: entry.name, title: entry.title }
}

/** The tag token of the newest published base-image build the host runs in process isolation. */
export function matchingTag(data: KbData, hostBuild: number, hostKind: HostKind): string | undefined {
  let best: { build: number; tag: string } | undefined
  for (const [key, entry] of Object.entries(data.builds)) {
    const build = Number(key)
    if (!entry.tag || (best && best.build >= build)) continue
    if (processAllowed(data, hostBuild, hostKind, build)) best = { build, tag: entry.tag }
  }
  return best?.tag
}
