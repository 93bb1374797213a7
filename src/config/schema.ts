/**
 * The published config schema (schema/isolint.schema.json), read once. A module of its own, read with
 * `const text = readFileSync(new URL(...))`: the form ncc copies into dist/ under the file's own name (in a module
 * with dynamic file reads it falls back to webpack's asset handling, which names the copy by a content hash).
 */
import { readFileSync } from 'node:fs'

let schema: object | undefined

export function configSchema(): object {
  if (!schema) {
    const text = readFileSync(new URL('../../schema/isolint.schema.json', import.meta.url), 'utf8')
    schema = JSON.parse(text) as object
  }
  return schema
}
