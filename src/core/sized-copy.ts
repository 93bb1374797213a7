/**
 * Lists that models keep until the end of the run (issue 11: memory). In V8 a list built by `push` (or by `filter`)
 * keeps spare capacity (room for 17 items after the first push), so a model holding it pays for the room it never
 * uses; a copy made by `slice` is exactly its size. Empty lists are all the same one, frozen, so that sharing it is
 * safe: nothing can add to it.
 */

/** The shared empty list (frozen). */
export const EMPTY_LIST: readonly never[] = Object.freeze([])

/** `list` copied to its size (exactly as many slots as items), or the shared {@link EMPTY_LIST} when it is empty. */
export function sizedCopy<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? EMPTY_LIST : list.slice()
}
