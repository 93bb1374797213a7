/**
 * The published config schema (schema/isolint.schema.json), read once. isolint itself validates configs with the
 * validator compiled from it ahead of time (`schema-validate.generated.ts`); the tests compile the schema with Ajv
 * at run time to check that validator against it.
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
