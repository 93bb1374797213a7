/** Name lookups for names that Windows, PowerShell and the CI expression languages compare without case. Pure. */

/** The value of `key`: under its exact spelling first, else under the first key that equals it ignoring case. */
export function getIgnoreCase<V>(map: ReadonlyMap<string, V>, key: string): V | undefined {
  const exact = map.get(key)
  if (exact !== undefined) return exact
  const lower = key.toLowerCase()
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v
  return undefined
}
