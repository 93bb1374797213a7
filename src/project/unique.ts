/** Lists without repeats, shared by the linkers of workflows and of Azure Pipelines. */
import type { HostRef } from '../model/project.js'

/** The first of each group of items with the same key, in order. */
export function uniqueBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  const unique = list.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
  // Models keep the list: a copy is sized to its items (a filtered list keeps room for 17).
  return unique.length > 0 ? unique.slice() : unique
}

/** A job's host: its label and the line that names it. */
export const hostKey = (h: HostRef): string => `${h.info.label}\0${h.span?.start.line ?? ''}`
