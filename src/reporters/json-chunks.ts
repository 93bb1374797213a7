/**
 * `JSON.stringify(value, null, 2)` in pieces, so that a large report is written as it is made instead of being
 * held whole (a 26,000-file repository's JSON report is about 40 MB, and its UTF-8 copy as much again). Objects and
 * arrays nearer the top than `depth` are written member by member; values at `depth` are stringified whole.
 * The pieces joined are byte-identical to `JSON.stringify(value, null, 2)`, and no piece ends inside a string
 * value or splits a value's text other than at its own punctuation.
 */
export function* jsonChunks(value: unknown, depth: number): Generator<string> {
  yield* chunks(value, depth, '')
}

function* chunks(value: unknown, depth: number, indent: string): Generator<string> {
  const v = toJsonValue(value)
  if (depth <= 0 || v === null || typeof v !== 'object') {
    // JSON strings hold no raw line break, so every line break of the text is one of its own indentation.
    const text = JSON.stringify(v, null, 2)
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield '[]'
      return
    }
    yield '['
    for (let i = 0; i < v.length; i++) {
      yield `${i > 0 ? ',' : ''}\n${inner}`
      // As JSON.stringify does: a value JSON cannot hold is null in an array.
      const item = toJsonValue(v[i])
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

/** The value as JSON.stringify sees it: after `toJSON`. */
function toJsonValue(value: unknown, key = ''): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key)
  }
  return value
}
