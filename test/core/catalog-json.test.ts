/** The bundle's rule catalog is compiled to JSON (scripts/bundle.mjs): it must read the same as the YAML. */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { parseCatalogText, validateCatalog } from '../../src/core/catalog.js'

test('the catalog compiled to JSON reads the same as rules/catalog.yaml', () => {
  const yamlText = readFileSync(new URL('../../rules/catalog.yaml', import.meta.url), 'utf8')
  const compiled = `${JSON.stringify(parse(yamlText))}\n`
  expect(compiled.startsWith('[')).toBe(true)
  expect(validateCatalog(parseCatalogText(compiled))).toEqual(validateCatalog(parseCatalogText(yamlText)))
})
