/** Validates SARIF text against the official 2.1.0 schema (as shipped by Microsoft's sarif-js-sdk). */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import AjvDraft04 from 'ajv-draft-04'
import type { Log } from 'sarif'
import { expect } from 'vitest'

const require = createRequire(import.meta.url)
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>
const Ajv = AjvDraft04.default
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false })
const validate = ajv.compile(schema)

/** Parses and validates; fails the test with the schema errors. Also checks what upload-sarif needs. */
export function expectValidSarif(text: string): Log {
  const log = JSON.parse(text) as Log
  const ok = validate(log)
  expect(ok ? [] : validate.errors).toEqual([])
  expect(log.version).toBe('2.1.0')
  expect(log.runs).toHaveLength(1)
  expect(log.runs[0]!.tool.driver.name).toBe('isolint')
  return log
}
