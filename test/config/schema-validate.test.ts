/**
 * The config schema's validator is generated ahead of time (scripts/config-validator.mjs): it must be the schema's
 * current compile and report exactly what Ajv compiling the schema at run time reports.
 */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { validate } from '../../src/config/schema-validate.generated.js'
import { configSchema } from '../../src/config/schema.js'
// @ts-expect-error: a build script without type declarations
import { generate, OUTPUT } from '../../scripts/config-validator.mjs'

const EVERY_KEY: unknown = parse(`ignore: ["examples/**"]
hosts: [windows-2025]
runners:
  - labels: [self-hosted, windows, ws2019]
    build: 17763
    hyperv: true
images:
  - match: contoso.azurecr.io/tools/*
    os: linux
environments:
  production:
    workflow-environments: [prod]
rules:
  unknown-image-build: warning
suppressions:
  require-reason: true
fail-on: warning
`)

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null }
const generated = validate as Validate

describe('the generated config validator', () => {
  it('is the current schema compiled (run node scripts/config-validator.mjs after changing the schema)', () => {
    expect(readFileSync(OUTPUT as string, 'utf8')).toBe((generate as () => string)())
  })

  const runtime = new Ajv({ allErrors: true, strict: false }).compile(configSchema())
  const cases: [string, unknown][] = [
    ['a config using every key', EVERY_KEY],
    ['an empty config', {}],
    ['not a mapping', ['a']],
    ['unknown keys', { ignorez: [], rules: { 'no-such': 'off' } }],
    ['wrong types and values', { ignore: 'x', 'fail-on': 'fatal', hosts: [1.5, ''] }],
    ['a runner with neither build nor os', { runners: [{ labels: ['a'] }] }],
    ['an image with neither build nor os', { images: [{ match: 'x' }] }],
    ['an empty string where one character is needed', { images: [{ match: '', build: 20348 }] }],
    ['one code point in two UTF-16 units', { images: [{ match: '\u{1F600}', build: 20348 }] }],
    ['bad environment and rule names', { environments: { 'Bad Name!': {} }, rules: { Bad_Rule: 'off' } }],
  ]
  it.each(cases)('reports what a runtime compile reports: %s', (_name, data) => {
    const ok = generated(data)
    expect(ok).toBe(runtime(data))
    expect(ok ? [] : generated.errors).toEqual(runtime(data) ? [] : runtime.errors)
  })

  it('accepts a valid config and finds the errors a user sees', () => {
    expect(generated(EVERY_KEY)).toBe(true)
    expect(generated({ 'fail-on': 'fatal' })).toBe(false)
    expect(generated.errors).toContainEqual(expect.objectContaining({ keyword: 'enum', instancePath: '/fail-on' }))
  })
})
