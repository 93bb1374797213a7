/**
 * The one lookup from runner labels to a host, used for workflow `runs-on`, `--runner`/`hosts`, and (later) Azure
 * Pipelines pools: the config's label sets first, then the knowledge base's hosted labels and builds. Pure.
 */
import type { HostInfo, KnowledgeBase } from '../kb/types.js'
import { hostInfo } from '../kb/hosts.js'
import type { RunnerMapping } from './types.js'

/** Labels every self-hosted runner has, or that only name an OS or CPU: they never identify a runner on their own. */
export const GENERIC_LABELS: ReadonlySet<string> = new Set(['self-hosted', 'windows', 'linux', 'macos', 'x64', 'arm64', 'arm'])

export interface RunnerResolution {
  /** The host; undefined when the labels say nothing about it. */
  readonly info?: HostInfo
  /** The config entry that matched, when one did (ephemeral, hyperv, where it is written). */
  readonly mapping?: RunnerMapping
  /** Index of the label that identified the host (the hosted label, or the first label of a mapped set). */
  readonly labelIndex?: number
  /**
   * Labels of a Windows job that neither the knowledge base nor the config knows (self-hosted runners, larger
   * runners); empty when the host is known.
   */
  readonly unknown: readonly string[]
}

function hostOf(m: RunnerMapping, label: string): HostInfo {
  const windows = m.os === 'windows'
  const source = `isolint configuration (runners at ${m.where})`
  return hostInfo({ label, os: m.os, build: windows ? m.build : undefined, ubr: windows ? m.ubr : undefined, kind: m.kind, docker: m.os !== 'macos', source })
}

/**
 * Resolves a job's labels. A config entry applies when every one of its labels is among the job's labels (the
 * entry with the most labels wins); a job that names one specific label (not a generic one such as `windows`)
 * found in exactly one entry gets that entry too. Otherwise the first label the knowledge base knows.
 */
export function resolveRunnerLabels(labels: readonly string[], kb: KnowledgeBase, runners: readonly RunnerMapping[]): RunnerResolution {
  const names = labels.map((l) => l.trim().toLowerCase())
  const given = new Set(names)
  const label = labels.map((l) => l.trim()).join(', ')
  let best: RunnerMapping | undefined
  for (const m of runners) {
    if (m.labels.every((l) => given.has(l.toLowerCase())) && (!best || m.labels.length > best.labels.length)) best = m
  }
  if (!best) {
    const specific = names.filter((n) => !GENERIC_LABELS.has(n) && !kb.host(n))
    for (const n of specific) {
      const hits = runners.filter((m) => m.labels.some((l) => l.toLowerCase() === n))
      if (hits.length === 1) {
        best = hits[0]
        break
      }
    }
  }
  if (best) {
    const first = names.indexOf(best.labels[0]!.toLowerCase())
    return { info: hostOf(best, label), mapping: best, labelIndex: Math.max(0, first), unknown: [] }
  }
  // `[self-hosted, windows-2022]`: a hosted runner's name on a machine of one's own is a label like any other; the
  // hosted image's build, Docker engine, retirement and moves say nothing of that machine. A build (`10.0.20348`) does.
  const selfHosted = given.has('self-hosted')
  for (let i = 0; i < labels.length; i++) {
    const info = kb.host(labels[i]!.trim())
    if (info && !(selfHosted && info.provider !== undefined)) return { info, labelIndex: i, unknown: [] }
  }
  // A larger runner's own label (`github-hosted-windows-x64-large`) names its OS as one of its words.
  const words = new Set(names.flatMap((n) => n.split(/[-_. ]+/)))
  const os: HostInfo['os'] | undefined = words.has('windows') ? 'windows' : words.has('linux') ? 'linux' : words.has('macos') ? 'macos' : undefined
  if (!os) return { unknown: [] }
  const info = hostInfo({ label, os, kind: 'server', docker: os !== 'macos' })
  return { info, unknown: os === 'windows' ? labels.map((l) => l.trim()) : [] }
}
