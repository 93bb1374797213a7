/**
 * Name lookups for names that Windows, PowerShell and the CI expression languages compare without case. Pure, but for
 * the indexes of names a caller keeps for its maps.
 */

/** The names of maps that keep an index of them without case (see {@link keepNamesWithoutCase}). */
const namesWithoutCase = new WeakMap<ReadonlyMap<string, unknown>, ReadonlyMap<string, string>>()

/**
 * Makes {@link getIgnoreCase} read `names` (each key of `map` in lower case → that key, the first spelling) instead of
 * scanning `map`: one look-up for a name it misses, for a map of many names looked up often (Azure Pipelines
 * variables). The caller keeps `names` true as long as it changes the keys of `map`.
 */
export function keepNamesWithoutCase(map: ReadonlyMap<string, unknown>, names: ReadonlyMap<string, string>): void {
  namesWithoutCase.set(map, names)
}

/** The index {@link keepNamesWithoutCase} keeps for `map`, if any. */
export function keptNamesWithoutCase(map: ReadonlyMap<string, unknown>): ReadonlyMap<string, string> | undefined {
  return namesWithoutCase.get(map)
}

/** The value of `key`: under its exact spelling first, else under the first key that equals it ignoring case. */
export function getIgnoreCase<V>(map: ReadonlyMap<string, V>, key: string): V | undefined {
  const exact = map.get(key)
  if (exact !== undefined) return exact
  const lower = key.toLowerCase()
  const names = namesWithoutCase.get(map)
  if (names) {
    const k = names.get(lower)
    return k === undefined ? undefined : map.get(k)
  }
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v
  return undefined
}
