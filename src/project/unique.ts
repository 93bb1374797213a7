/** Lists without repeats, shared by the linkers of workflows and of Azure Pipelines. */
import { sizedCopy } from '../core/sized-copy.js'
import type { HostRef } from '../model/project.js'

/** The first of each group of items with the same key, in order. */
export function uniqueBy<T>(list: readonly T[], key: (item: T) => string): readonly T[] {
  const seen = new Set<string>()
  const unique = list.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
  // Models keep the list, and a filtered list keeps spare room: keep a copy of its size.
  return sizedCopy(unique)
}

/** A job's host: its label and the line that names it. */
export const hostKey = (h: HostRef): string => `${h.info.label}\0${h.span?.start.line ?? ''}`

/**
 * A job's hosts, one per label and line that names it. A host several matrix legs share names no leg: every one of
 * them runs there (`runs-on: windows-2019` beside a matrix of tags, Azure's `vmImage` beside `strategy.matrix`).
 */
export function jobHosts(hosts: readonly HostRef[]): readonly HostRef[] {
  if (hosts.length < 2) return hosts
  const legs = new Map<string, number>()
  for (const h of hosts) legs.set(hostKey(h), (legs.get(hostKey(h)) ?? 0) + 1)
  return uniqueBy(hosts, hostKey).map((h) => {
    if (h.matrix === undefined || legs.get(hostKey(h)) === 1) return h
    const { matrix: _leg, ...shared } = h
    return shared
  })
}
