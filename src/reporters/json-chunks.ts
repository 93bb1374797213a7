/**
 * `JSON.stringify(value, null, 2)` in pieces, so that a large report is written as it is made instead of being
 * held whole (a 26,000-file repository's JSON report is about 40 MB, and its UTF-8 copy as much again). Objects and
 * arrays nearer the top than `depth` are written member by member; values at `depth` are stringified whole.
 * The pieces joined are byte-identical to `JSON.stringify(value, null, 2)`; no piece ends inside a string.
 */
export function* jsonChunks(value: unknown, depth: number): Generator<string> {
  yield* chunks(toJsonValue(value, ''), depth, '')
}

/**
 * An array whose items are made when they are written: {@link jsonChunks} makes and writes them one at a time, so a
 * report's tens of thousands of findings are never all held at once; `JSON.stringify` sees the whole array (`toJSON`).
 */
export class LazyList<T> {
  /**
   * @param text when given, item `index` as `JSON.stringify(item, null, 2)` writes it with every line after the first
   * indented by `indent` (what {@link jsonChunks} writes), made without the item (a report's findings: issue 11).
   */
  constructor(
    readonly length: number,
    private readonly item: (index: number) => T,
    readonly text?: (index: number, indent: string) => string,
  ) {}

  at(index: number): T {
    return this.item(index)
  }

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.item(i))
  }
}

/** A list of `items.length` items, each `map(items[i])` made when it is written (or `text(items[i], indent)`, see LazyList). */
export function lazyMap<T, U>(items: readonly T[], map: (item: T) => U, text?: (item: T, indent: string) => string): LazyList<U> {
  return new LazyList(items.length, (i) => map(items[i]!), text && ((i, indent) => text(items[i]!, indent)))
}

/** The size of the pieces that the items of a LazyList written directly are joined into. */
const PIECE = 16 * 1024

/** `v` is a value after its `toJSON`, as JSON.stringify sees it. */
function* chunks(v: unknown, depth: number, indent: string): Generator<string> {
  if (depth <= 0 || v === null || typeof v !== 'object') {
    // JSON strings hold no raw line break, so every line break of the text is one of its own indentation.
    const text = JSON.stringify(v, null, 2)
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(v) || v instanceof LazyList) {
    const at = v instanceof LazyList ? (i: number): unknown => v.at(i) : (i: number): unknown => (v as unknown[])[i]
    if (v.length === 0) {
      yield '[]'
      return
    }
    const text = v instanceof LazyList ? v.text : undefined
    if (text) {
      // Items written directly (a report's findings) are joined into pieces of about PIECE characters: a piece and
      // a generator step per item cost more than making the item's text (issue 11).
      let piece = '['
      for (let i = 0; i < v.length; i++) {
        piece += `${i > 0 ? ',' : ''}\n${inner}${text(i, inner)}`
        if (piece.length >= PIECE) {
          yield piece
          piece = ''
        }
      }
      yield `${piece}\n${indent}]`
      return
    }
    yield '['
    for (let i = 0; i < v.length; i++) {
      yield `${i > 0 ? ',' : ''}\n${inner}`
      // As JSON.stringify does: a value JSON cannot hold is null in an array.
      const item = toJsonValue(at(i), String(i))
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null'
      else yield* chunks(item, depth - 1, inner)
    }
    yield `\n${indent}]`
    return
  }
  let first = true
  for (const key of Object.keys(v)) {
    // As JSON.stringify does: a member whose value JSON cannot hold is left out.
    const item = toJsonValue((v as Record<string, unknown>)[key], key)
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `
    first = false
    yield* chunks(item, depth - 1, inner)
  }
  yield first ? '{}' : `\n${indent}}`
}

/** The value as JSON.stringify sees it under `key`: after `toJSON(key)`. */
function toJsonValue(value: unknown, key: string): unknown {
  if (!hasToJson(value) || value instanceof LazyList) return value
  const out = value.toJSON(key)
  // JSON.stringify would not call toJSON again on what toJSON returned, but a whole value given to it would be.
  if (hasToJson(out)) throw new Error('jsonChunks: a toJSON result with a toJSON of its own is not supported')
  return out
}

function hasToJson(value: unknown): value is { toJSON: (key: string) => unknown } {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
}
