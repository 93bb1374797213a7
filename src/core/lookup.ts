/**
 * Name lookups for names that Windows, PowerShell and the CI expression languages compare without case. Pure.
 */

/**
 * A map whose names are compared without case when asked so ({@link getIgnoreCase}, {@link keyIgnoreCase}): it keeps
 * an index of its keys in lower case (→ the first spelling set), so a look-up without case, hit or miss, is one
 * look-up, not a scan. For maps of many names looked up often (Azure Pipelines variables). Every change goes
 * through `set`, `delete` and `clear`, which keep the index true.
 */
export class IgnoreCaseMap<V> extends Map<string, V> {
  private readonly lower = new Map<string, string>()

  constructor(entries?: Iterable<readonly [string, V]>) {
    // Map's constructor would call `set` before `lower` exists.
    super()
    if (entries) for (const [k, v] of entries) this.set(k, v)
  }

  override set(key: string, value: V): this {
    const lower = key.toLowerCase()
    if (!this.lower.has(lower)) this.lower.set(lower, key)
    return super.set(key, value)
  }

  override delete(key: string): boolean {
    if (!super.delete(key)) return false
    const lower = key.toLowerCase()
    if (this.lower.get(lower) === key) {
      this.lower.delete(lower)
      // Another spelling of the name, if any, is now the first.
      for (const k of super.keys()) {
        if (k.toLowerCase() === lower) {
          this.lower.set(lower, k)
          break
        }
      }
    }
    return true
  }

  override clear(): void {
    super.clear()
    this.lower.clear()
  }

  /** The key that names `name` without case: the first spelling set. */
  keyIgnoringCase(name: string): string | undefined {
    return this.lower.get(name.toLowerCase())
  }
}

/** The key of `map` that names `key`: its exact spelling first, else the first key that equals it ignoring case. */
export function keyIgnoreCase(map: ReadonlyMap<string, unknown>, key: string): string | undefined {
  if (map.has(key)) return key
  if (map instanceof IgnoreCaseMap) return map.keyIgnoringCase(key)
  const lower = key.toLowerCase()
  for (const k of map.keys()) if (k.toLowerCase() === lower) return k
  return undefined
}

/** The value of `key`: under its exact spelling first, else under the first key that equals it ignoring case. */
export function getIgnoreCase<V>(map: ReadonlyMap<string, V>, key: string): V | undefined {
  const exact = map.get(key)
  if (exact !== undefined) return exact
  const k = keyIgnoreCase(map, key)
  return k === undefined ? undefined : map.get(k)
}
