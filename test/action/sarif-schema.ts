/** Validates SARIF text against the official 2.1.0 schema (as shipped by Microsoft's sarif-js-sdk). */
import type { Log } from 'sarif'
import { expect } from 'vitest'
import { sarifSchemaErrors } from '../harness/sarif-schema.js'

/** Parses and validates; fails the test with the schema errors. Also checks what upload-sarif needs. */
export function expectValidSarif(text: string): Log {
  const log = JSON.parse(text) as Log
  expect(sarifSchemaErrors(log)).toEqual([])
  expect(log.version).toBe('2.1.0')
  expect(log.runs).toHaveLength(1)
  expect(log.runs[0]!.tool.driver.name).toBe('isolint')
  return log
}
