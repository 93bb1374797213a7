/**
 * Name lookups for names that Windows, PowerShell and the CI expression languages compare without case. Pure.
 */

/**
 * A map that finds a name without case itself, in one look-up or a few (no scan of its keys): each map class here is
 * one, so that {@link keyIgnoreCase} asks it instead of scanning.
 */
export interface IgnoreCaseLookup<V> extends ReadonlyMap<string, V> {
  /** The key that names `name` without case (its exact spelling need not be tried first), or undefined. */
  keyIgnoringCase(name: string): string | undefined
}

/**
 * A map whose names are compared without case when asked so ({@link getIgnoreCase}, {@link keyIgnoreCase}): it keeps
 * an index of its keys in lower case (→ the first spelling set), so a look-up without case, hit or miss, is one
 * look-up, not a scan. For maps of many names looked up often (Azure Pipelines variables). Every change goes
 * through `set` and `clear`, which keep the index true; `delete` is refused.
 */
export class IgnoreCaseMap<V> extends Map<string, V> implements IgnoreCaseLookup<V> {
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

  /** Not supported: nothing deletes a name (a variable is defined again instead), and the index would need a scan. */
  override delete(key: string): boolean {
    throw new Error(`IgnoreCaseMap: delete is not supported (${key})`)
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

/**
 * What a read-only map view needs beyond `get`, `has`, `size`, `entries` and `keyIgnoringCase`: the other
 * `ReadonlyMap` members, made from `entries` (the views below hold no map of their own to hand them to). Each view
 * finds a name without case through the maps it reads.
 */
abstract class MapView<V> implements IgnoreCaseLookup<V> {
  abstract get(key: string): V | undefined
  abstract has(key: string): boolean
  abstract get size(): number
  abstract entries(): MapIterator<[string, V]>
  abstract keyIgnoringCase(name: string): string | undefined

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this)
  }
}

/**
 * `own` over `base`, read only, without copying `base` (a step's few `env` values over a job's many variables): a key
 * of `own` hides the same key of `base`. Names without case read `own`'s, then `base`'s (one look-up each for an
 * {@link IgnoreCaseMap}).
 */
export class LayeredMap<V> extends MapView<V> {
  constructor(
    private readonly own: ReadonlyMap<string, V>,
    private readonly base: ReadonlyMap<string, V>,
  ) {
    super()
  }

  get(key: string): V | undefined {
    return this.own.has(key) ? this.own.get(key) : this.base.get(key)
  }

  has(key: string): boolean {
    return this.own.has(key) || this.base.has(key)
  }

  get size(): number {
    let n = this.own.size
    for (const k of this.base.keys()) if (!this.own.has(k)) n++
    return n
  }

  *entries(): MapIterator<[string, V]> {
    yield* this.own.entries()
    for (const e of this.base.entries()) if (!this.own.has(e[0])) yield e
  }

  /** The key that names `name` without case: `own`'s first. */
  keyIgnoringCase(name: string): string | undefined {
    return keyIgnoreCase(this.own, name) ?? keyIgnoreCase(this.base, name)
  }
}

/**
 * `base` with each value as `fn` gives it, computed when first looked up and remembered (a job's template parameters,
 * thousands, read by a few commands of each step): making one is no work. Read only; names without case as `base`'s.
 */
export class MappedMap<V> extends MapView<V> {
  private readonly done = new Map<string, V>()

  constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly fn: (value: V) => V,
  ) {
    super()
  }

  get(key: string): V | undefined {
    const known = this.done.get(key)
    if (known !== undefined || !this.base.has(key)) return known
    const value = this.fn(this.base.get(key)!)
    this.done.set(key, value)
    return value
  }

  has(key: string): boolean {
    return this.base.has(key)
  }

  get size(): number {
    return this.base.size
  }

  *entries(): MapIterator<[string, V]> {
    for (const k of this.base.keys()) yield [k, this.get(k)!]
  }

  override keys(): MapIterator<string> {
    return this.base.keys()
  }

  /** The key that names `name` without case: `base`'s. */
  keyIgnoringCase(name: string): string | undefined {
    return keyIgnoreCase(this.base, name)
  }
}

/** The key of `map` that names `key`: its exact spelling first, else the first key that equals it ignoring case. */
export function keyIgnoreCase(map: ReadonlyMap<string, unknown>, key: string): string | undefined {
  if (map.has(key)) return key
  if (findsIgnoringCase(map)) return map.keyIgnoringCase(key)
  const lower = key.toLowerCase()
  for (const k of map.keys()) if (k.toLowerCase() === lower) return k
  return undefined
}

/** Whether `map` finds a name without case itself (an {@link IgnoreCaseLookup}: any map class of this module). */
function findsIgnoringCase<V>(map: ReadonlyMap<string, V>): map is IgnoreCaseLookup<V> {
  return typeof (map as Partial<IgnoreCaseLookup<V>>).keyIgnoringCase === 'function'
}

/** The value of `key`: under its exact spelling first, else under the first key that equals it ignoring case. */
export function getIgnoreCase<V>(map: ReadonlyMap<string, V>, key: string): V | undefined {
  const exact = map.get(key)
  if (exact !== undefined) return exact
  const k = keyIgnoreCase(map, key)
  return k === undefined ? undefined : map.get(k)
}
