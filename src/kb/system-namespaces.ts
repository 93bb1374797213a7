/**
 * rules/kubernetes-system-namespaces.yaml: the namespaces of a cluster's own node agents, where HostProcess
 * DaemonSets are expected. Bundled into dist/ by ncc through the URL below.
 */
import { readFileSync } from 'node:fs'
import { parseDataText } from '../core/data-text.js'
import { InternalError } from '../core/errors.js'

let cached: readonly string[] | undefined

export function systemNamespaces(): readonly string[] {
  if (!cached) {
    // `const text = readFileSync(new URL(...))`: the form ncc copies under the file's own name (else a content hash).
    const text = readFileSync(new URL('../../rules/kubernetes-system-namespaces.yaml', import.meta.url), 'utf8')
    cached = validate(parseDataText(text))
  }
  return cached
}

/**
 * A cluster's own node agent: a DaemonSet in one of `system` (the namespaces above by default), which the node needs
 * (a CSI node plugin, kube-proxy, a CNI agent). `listed`: the workloads the configuration names as node agents, by
 * `namespace/name` (config/node-agents.ts).
 */
export function isNodeAgent(
  kind: string,
  namespace: string | undefined,
  name: string | undefined,
  listed?: (namespaceAndName: string) => boolean,
  system: readonly string[] = systemNamespaces(),
): boolean {
  if (listed?.(`${namespace ?? 'default'}/${name ?? ''}`)) return true
  if (kind.toLowerCase() !== 'daemonset' || namespace === undefined) return false
  const ns = namespace.toLowerCase()
  return system.some((n) => n.toLowerCase() === ns)
}

function validate(data: unknown): string[] {
  const fail = (what: string): never => {
    throw new InternalError(`rules/kubernetes-system-namespaces.yaml: ${what}`)
  }
  const list = (data as { namespaces?: unknown } | null)?.namespaces
  if (!Array.isArray(list) || list.length === 0) return fail('expected a non-empty list under namespaces')
  return list.map((e: unknown, i) => {
    const entry = e as Record<string, unknown> | null
    const name = entry?.name
    if (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return fail(`entry ${i + 1}: name must be a namespace name`)
    if (typeof entry?.source !== 'string' || entry.source === '') return fail(`entry ${i + 1} (${name}): source is required`)
    const date = entry.date instanceof Date ? entry.date.toISOString().slice(0, 10) : entry.date
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(`entry ${i + 1} (${name}): date must be YYYY-MM-DD`)
    return name
  })
}
