/** The registry, the rule folders, the catalog and the fixtures agree (ESLint's checkRuleFiles, for isolint). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '../src/core/catalog.js'
import { RULES } from '../src/rules/index.js'

const rulesDir = fileURLToPath(new URL('../src/rules/', import.meta.url))
const folders = readdirSync(rulesDir).filter((f) => statSync(path.join(rulesDir, f)).isDirectory()).sort()
const catalog = loadCatalog()

test('every rule folder is registered, and every registered rule has a folder named by its id', () => {
  expect(RULES.map((r) => r.id).sort()).toEqual(folders)
})

test('the registry is sorted and ids are unique kebab-case', () => {
  const ids = RULES.map((r) => r.id)
  expect(ids).toEqual([...ids].sort())
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
})

test('every registered rule has one active catalog entry and every active entry a rule', () => {
  const active = [...catalog.values()].filter((e) => e.stage !== 'retired').map((e) => e.id).sort()
  expect(RULES.map((r) => r.id).sort()).toEqual(active)
})

test.each(folders)('%s has valid and invalid fixtures', (id) => {
  const dir = path.join(rulesDir, id, 'fixtures')
  expect(existsSync(dir)).toBe(true)
  const fixtures = readdirSync(dir).filter((f) => !f.endsWith('.out'))
  expect(fixtures.some((f) => f.startsWith('valid-'))).toBe(true)
  expect(fixtures.some((f) => f.startsWith('invalid-'))).toBe(true)
  for (const f of fixtures) expect(existsSync(path.join(dir, `${f}.out`)), `${f}.out golden output`).toBe(true)
})

test.each([...catalog.values()])('catalog entry $id is complete', (entry) => {
  expect(entry.summary).not.toMatch(/\.$/)
  expect(entry.sources.length).toBeGreaterThan(0)
  expect(entry.help.length).toBeGreaterThan(40)
})

test('rules/catalog.yaml matches rules/catalog.schema.json', () => {
  const read = (f: string) => readFileSync(new URL(`../rules/${f}`, import.meta.url), 'utf8')
  const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(read('catalog.schema.json')) as object)
  const data: unknown = parse(read('catalog.yaml'))
  expect(validate(data) ? [] : validate.errors).toEqual([])
  // The schema is not a formality: an entry without sources is rejected.
  const broken = structuredClone(data) as { sources?: unknown }[]
  delete broken[0]!.sources
  expect(validate(broken)).toBe(false)
})
