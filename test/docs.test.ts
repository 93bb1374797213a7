/**
 * docs/rules/ is generated from the catalog and the fixtures; this test fails when a committed page differs from
 * what would be generated now. `npm run docs` (UPDATE_DOCS=1) rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { loadCatalog } from '../src/core/catalog.js'
import { RULES } from '../src/rules/index.js'
import { ruleDoc, rulesIndex } from './harness/docs.js'

const docsDir = fileURLToPath(new URL('../docs/rules/', import.meta.url))
const update = process.env.UPDATE_DOCS === '1'

function check(file: string, want: string): void {
  const path = docsDir + file
  if (update) {
    mkdirSync(docsDir, { recursive: true })
    writeFileSync(path, want)
  }
  expect(existsSync(path), `${path} is missing: run npm run docs`).toBe(true)
  expect(readFileSync(path, 'utf8'), `docs/rules/${file} is out of date: run npm run docs`).toBe(want)
}

test('docs/rules/README.md lists every rule', () => {
  check('README.md', rulesIndex([...loadCatalog().values()]))
})

test.each(RULES.map((r) => [r.id, r] as const))('docs/rules/%s.md is up to date', (id, rule) => {
  check(`${id}.md`, ruleDoc(rule, loadCatalog().get(id)!))
})
