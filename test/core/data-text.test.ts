/** The bundles hold rules/*.yaml compiled to JSON (scripts/bundle.mjs): each must read the same as its YAML. */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseDataText } from '../../src/core/data-text.js'

const rules = new URL('../../rules/', import.meta.url)
const files = readdirSync(rules).filter((f) => f.endsWith('.yaml'))

describe('data files compiled to JSON', () => {
  it('covers the data files', () => {
    expect(files).toEqual(expect.arrayContaining(['build-actions.yaml', 'catalog.yaml', 'engine-messages.yaml', 'kubernetes-system-namespaces.yaml']))
  })

  it.each(files)('%s: as written it is read as YAML, compiled to JSON it reads the same', (file) => {
    const yamlText = readFileSync(new URL(file, rules), 'utf8')
    expect(yamlText.startsWith('[') || yamlText.startsWith('{')).toBe(false)
    const compiled = `${JSON.stringify(parse(yamlText))}\n`
    expect(parseDataText(compiled)).toEqual(parseDataText(yamlText))
    expect(parseDataText(yamlText)).toEqual(parse(yamlText))
  })
})
