/**
 * The isolation posture: per host (runner label, pool, --runner build), which containers share its kernel (process
 * isolation) and which run in Hyper-V with a kernel of their own, with untrusted and production workloads marked.
 * A reviewer sees at a glance where a kernel exploit in one container reaches. Pure: built from the lint output's
 * executions; rendered as Markdown (a Mermaid diagram plus a table, for the job summary) and as plain text.
 */
import type { ExecutionSummary } from '../lint.js'
import { plural } from './counts.js'

/** Most hosts shown; the rest are counted. */
export const MAX_POSTURE_HOSTS = 20
/** Most containers shown in all (diagram and table alike); the rest are counted per host. */
export const MAX_POSTURE_CONTAINERS = 100
/** Longest diagram text: Mermaid refuses to draw beyond its maxTextSize (50,000 characters by default). */
export const MAX_DIAGRAM_CHARS = 40_000
/** Longest part (what, image, host) of a label in the diagram, before escaping. */
const MAX_LABEL_PART_CHARS = 60

export interface PostureContainer {
  readonly what: string
  readonly image: string
  readonly kind: ExecutionSummary['kind']
  readonly file: string
  readonly line: number
  readonly untrusted: boolean
  readonly production: boolean
}

export interface PostureHost {
  readonly host: string
  readonly hostBuild?: number
  /** Process-isolated: these share the host's kernel, with each other and with the host. */
  readonly shared: readonly PostureContainer[]
  /** Hyper-V isolated: each has its own kernel. */
  readonly hyperv: readonly PostureContainer[]
  /** The isolation could not be worked out (an unexpanded variable, an invalid value). */
  readonly unknown: readonly PostureContainer[]
}

/**
 * Groups the containers the pipeline starts (builds' RUN steps and runs; pulls start none) by Windows host. Hosts
 * are in first-seen order, containers deduplicated by what, image and place (matrix combinations repeat them).
 */
export function buildPosture(executions: readonly ExecutionSummary[]): PostureHost[] {
  type Entry = { isolation?: 'process' | 'hyperv'; c: PostureContainer }
  const hosts = new Map<string, { host: string; hostBuild?: number; containers: Map<string, Entry> }>()
  for (const e of executions) {
    if (e.kind === 'pull' || e.host === undefined) continue
    // Only Windows hosts get an isolation (or a build); Linux and unknown hosts are not part of this picture.
    if (e.isolation === undefined && e.hostBuild === undefined) continue
    const key = JSON.stringify([e.host, e.hostBuild ?? null])
    let h = hosts.get(key)
    if (!h) {
      h = { host: e.host, ...(e.hostBuild !== undefined ? { hostBuild: e.hostBuild } : {}), containers: new Map() }
      hosts.set(key, h)
    }
    const id = JSON.stringify([e.what, e.image, e.file, e.line, e.isolation ?? null])
    const before = h.containers.get(id)?.c
    // The same container reached once as untrusted or production (one matrix combination) is marked so.
    h.containers.set(id, {
      ...(e.isolation ? { isolation: e.isolation } : {}),
      c: {
        what: e.what,
        image: e.image,
        kind: e.kind,
        file: e.file,
        line: e.line,
        untrusted: e.untrusted === true || before?.untrusted === true,
        production: e.production === true || before?.production === true,
      },
    })
  }
  return [...hosts.values()].map(({ host, hostBuild, containers }) => {
    const all = [...containers.values()]
    const pick = (iso: 'process' | 'hyperv' | undefined): PostureContainer[] => all.filter((x) => x.isolation === iso).map((x) => x.c)
    return { host, ...(hostBuild !== undefined ? { hostBuild } : {}), shared: pick('process'), hyperv: pick('hyperv'), unknown: pick(undefined) }
  })
}

/** A label of the diagram: each part cut to {@link MAX_LABEL_PART_CHARS}, joined, escaped. */
function label(parts: readonly string[]): string {
  return mermaidText(parts.map((p) => (p.length <= MAX_LABEL_PART_CHARS ? p : `${p.slice(0, MAX_LABEL_PART_CHARS - 1)}…`)).join(' · '))
}

function marks(c: PostureContainer): string[] {
  return [...(c.untrusted ? ['untrusted'] : []), ...(c.production ? ['production'] : [])]
}

function hostTitle(h: PostureHost): string {
  if (h.hostBuild !== undefined) return `${h.host} (build ${h.hostBuild})`
  // A label that says why its build is not known already (a Kubernetes node with no windows-build selector is
  // `a Windows node (build not pinned)`, link-kubernetes.ts) is not told so twice.
  return LABEL_SAYS_BUILD.test(h.host) ? h.host : `${h.host} (build not known)`
}

/** A host label that ends with what it says of its build, `(build not pinned)`. */
const LABEL_SAYS_BUILD = /\(build [^()]*\)$/

/** Containers shown per host under the overall cap, in host order: process first, then Hyper-V, then unknown. */
function shownContainers(hosts: readonly PostureHost[]): Map<PostureHost, { isolation: string; c: PostureContainer }[]> {
  const out = new Map<PostureHost, { isolation: string; c: PostureContainer }[]>()
  let budget = MAX_POSTURE_CONTAINERS
  for (const h of hosts) {
    const all = [
      ...h.shared.map((c) => ({ isolation: 'process', c })),
      ...h.hyperv.map((c) => ({ isolation: 'hyperv', c })),
      ...h.unknown.map((c) => ({ isolation: 'unknown', c })),
    ]
    const shown = all.slice(0, Math.max(0, budget))
    budget -= shown.length
    out.set(h, shown)
  }
  return out
}

/** One line per host: how many containers share its kernel, and how many of them are untrusted or production. */
function hostSentence(h: PostureHost): string {
  const untrusted = h.shared.filter((c) => c.untrusted).length
  const production = h.shared.filter((c) => c.production).length
  const risk = [...(untrusted > 0 ? [`${untrusted} untrusted`] : []), ...(production > 0 ? [`${production} production`] : [])]
  return (
    `${plural(h.shared.length, 'container')} share${h.shared.length === 1 ? 's' : ''} the host kernel` +
    (risk.length > 0 ? ` (${risk.join(', ')})` : '') +
    `, ${h.hyperv.length} in Hyper-V` +
    (h.unknown.length > 0 ? `, ${h.unknown.length} with isolation not known` : '')
  )
}

/**
 * Text for a Mermaid label inside `["…"]`: cut, then every character outside a small safe set becomes a Mermaid
 * entity code (`#35;`), so repository text cannot close the label, start a link or directive, or end the code fence.
 */
export function mermaidText(text: string): string {
  return [...text].map((ch) => (/^[A-Za-z0-9 .,:/_+=()\-…·]$/.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('')
}

/** The Markdown section for the job summary: a sentence, a Mermaid diagram and a table of the same facts. */
export function renderPostureMarkdown(
  hosts: readonly PostureHost[],
  escape: (text: string) => string,
  where: (file: string, line: number) => string,
): string[] {
  if (hosts.length === 0) return []
  const shownHosts = hosts.slice(0, MAX_POSTURE_HOSTS)
  const shown = shownContainers(shownHosts)
  const lines = [
    '### Isolation posture',
    '',
    'Containers in process isolation share their host\'s kernel: a kernel exploit in one reaches the host and every ' +
      'other process-isolated container there (on a persistent runner, also the next jobs). Hyper-V isolated ' +
      'containers have a kernel of their own.',
    '',
  ]
  for (const h of shownHosts) lines.push(`- **${escape(hostTitle(h))}**: ${hostSentence(h)}`)
  lines.push('', '```mermaid', 'flowchart LR')
  const classes: Record<'untrusted' | 'production' | 'hyperv' | 'unknown', string[]> = { untrusted: [], production: [], hyperv: [], unknown: [] }
  // Host frames always fit (at most MAX_POSTURE_HOSTS of them); container nodes are drawn while the text fits.
  let budget = MAX_DIAGRAM_CHARS - 2_000 - shownHosts.length * 1_200
  const fits = (text: string): boolean => {
    if (text.length > budget) return false
    budget -= text.length
    return true
  }
  shownHosts.forEach((h, i) => {
    const list = shown.get(h) ?? []
    const hid = `h${i}`
    let drawn = 0
    lines.push(`  subgraph ${hid}["${label([hostTitle(h), 'shared kernel'])}"]`)
    lines.push(`    ${hid}k(["host kernel"])`)
    list.forEach(({ isolation, c }, j) => {
      if (isolation !== 'process') return
      const id = `${hid}c${j}`
      const node = `    ${id}["${label([...marks(c).map((m) => m.toUpperCase()), c.what, c.image])}"]\n    ${id} --- ${hid}k`
      if (!fits(node)) return
      lines.push(...node.split('\n'))
      drawn++
      if (c.untrusted) classes.untrusted.push(id)
      else if (c.production) classes.production.push(id)
    })
    lines.push('  end')
    list.forEach(({ isolation, c }, j) => {
      if (isolation === 'process') return
      const id = `${hid}c${j}`
      const parts = [...marks(c).map((m) => m.toUpperCase()), c.what, c.image, isolation === 'hyperv' ? 'Hyper-V, own kernel' : 'isolation not known']
      const node = `  ${id}["${label(parts)}"] -.- ${hid}`
      if (!fits(node)) return
      lines.push(node)
      drawn++
      classes[isolation === 'hyperv' ? 'hyperv' : 'unknown'].push(id)
    })
    const hidden = h.shared.length + h.hyperv.length + h.unknown.length - drawn
    if (hidden > 0) lines.push(`  ${hid}more["${label([`…and ${plural(hidden, 'more container')}`])}"] -.- ${hid}`)
  })
  lines.push(
    '  classDef untrusted fill:#ffd7d7,stroke:#b00020,color:#000',
    '  classDef production fill:#fff0c2,stroke:#9a6700,color:#000',
    '  classDef hyperv fill:#dcf5e3,stroke:#1a7f37,color:#000',
    '  classDef unknown fill:#eeeeee,stroke:#777777,color:#000',
  )
  for (const [name, ids] of Object.entries(classes)) if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${name}`)
  lines.push('```', '', '| Host | Isolation | Container | Image | Marks | Where |', '| --- | --- | --- | --- | --- | --- |')
  for (const h of shownHosts) {
    for (const { isolation, c } of shown.get(h) ?? []) {
      const iso = isolation === 'process' ? 'process (shares the host kernel)' : isolation === 'hyperv' ? 'hyperv (own kernel)' : '_not known_'
      lines.push(
        `| ${escape(hostTitle(h))} | ${iso} | ${escape(c.what)} | ${escape(c.image)} | ${marks(c).join(', ') || '—'} | ` +
          `${where(c.file, c.line)} |`,
      )
    }
  }
  const shownCount = [...shown.values()].reduce((n, l) => n + l.length, 0)
  const total = hosts.reduce((n, h) => n + h.shared.length + h.hyperv.length + h.unknown.length, 0)
  if (hosts.length > shownHosts.length || total > shownCount) {
    lines.push('', `_…${plural(hosts.length - shownHosts.length, 'more host')} and ${plural(total - shownCount, 'more container')} not shown._`)
  }
  lines.push('')
  return lines
}

/** The plain-text section (`--format text --posture`). `visible` makes repository text safe to print. */
export function renderPostureText(hosts: readonly PostureHost[], visible: (text: string) => string): string[] {
  const lines = ['Isolation posture (process-isolated containers share their host\'s kernel; Hyper-V ones have their own):']
  if (hosts.length === 0) return [...lines, '  no Windows containers with a known host.']
  const shownHosts = hosts.slice(0, MAX_POSTURE_HOSTS)
  const shown = shownContainers(shownHosts)
  for (const h of shownHosts) {
    lines.push(`  ${visible(hostTitle(h))}: ${hostSentence(h)}`)
    const list = shown.get(h) ?? []
    for (const { isolation, c } of list) {
      const m = marks(c)
      lines.push(
        `    ${isolation.padEnd(7)}  ${visible(c.what)}  ${visible(c.image)}${m.length > 0 ? `  [${m.join(', ')}]` : ''}  ` +
          `${visible(c.file)}:${c.line}`,
      )
    }
    const hidden = h.shared.length + h.hyperv.length + h.unknown.length - list.length
    if (hidden > 0) lines.push(`    …and ${plural(hidden, 'more container')}`)
  }
  if (hosts.length > shownHosts.length) lines.push(`  …and ${plural(hosts.length - shownHosts.length, 'more host')}`)
  return lines
}
