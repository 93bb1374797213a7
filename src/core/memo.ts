/**
 * `fn` remembered per string argument, for pure functions of short values read from files (a `shell:` value, an
 * expression) that a large repository repeats thousands of times. The cache is bounded, like any cache keyed by
 * file content: it is emptied when it holds `max` values. Callers must not change what `fn` returns.
 */
export function remembered<T>(fn: (key: string) => T, max = 1_000): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T
    if (cache.size >= max) cache.clear()
    const value = fn(key)
    cache.set(key, value)
    return value
  }
}
