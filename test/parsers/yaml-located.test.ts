import { describe, expect, it } from 'vitest'
import { isMap, isScalar } from 'yaml'
import { parseWithYaml, parseYaml, Resolver, YAML_LIMITS, YamlLimitError, type YamlSource } from '../../src/parsers/yaml-located.js'

/** The source of `text` through the one-pass reader (parseYaml) and through `yaml` alone. */
function bothWays(text: string): { fast: YamlSource; reference: YamlSource } {
  const fast = parseYaml('f.yaml', text).source
  const reference = parseWithYaml('f.yaml', text, false).sources[0]
  if (!fast || !reference) throw new Error('no document')
  return { fast, reference }
}

describe('Resolver', () => {
  it('needs no anchor index for a document the one-pass reader read without aliases, and reads it the same', () => {
    const text = 'jobs:\n  a:\n    runs-on: windows-2022\n    env:\n      X: "1"\n'
    const { fast, reference } = bothWays(text)
    expect(fast.aliases).toBe(false)
    expect(reference.aliases).toBeUndefined()
    for (const src of [fast, reference]) {
      const r = new Resolver(src)
      const job = r.get(r.get(src.doc.contents, 'jobs')?.value, 'a')?.value
      expect(r.string(r.get(job, 'runs-on')?.value)).toBe('windows-2022')
      expect(r.entries(r.get(job, 'env')?.value).map((e) => [e.key, r.string(e.value)])).toEqual([['X', '1']])
      // Built once where aliases may be resolved: the same list again; without aliases, an equal list.
      if (src.aliases === false) expect(r.entries(job)).toEqual(r.entries(job))
      else expect(r.entries(job)).toBe(r.entries(job))
      expect(r.unknown).toEqual([])
    }
  })

  it('resolves aliases and reports unknown ones in documents that have them, either way they were read', () => {
    const text = 'base: &b\n  k: v\nuse: *b\nbad: *nope\n'
    const { fast, reference } = bothWays(text)
    expect(fast.aliases).toBe(true)
    for (const src of [fast, reference]) {
      const r = new Resolver(src)
      const used = r.get(src.doc.contents, 'use')?.value
      expect(isMap(used)).toBe(true)
      expect(r.string(r.get(used, 'k')?.value)).toBe('v')
      expect(r.unknown.map((a) => a.source)).toEqual(['nope'])
    }
  })

  it('counts the alias resolutions of a mapping on every read, so that the limit stops at the same read', () => {
    const aliases = 100
    const lines = Array.from({ length: aliases }, (_, i) => `  k${i}: *a`)
    const text = `a: &a x\nm:\n${lines.join('\n')}\n`
    const reads = YAML_LIMITS.maxAliasResolutions / aliases
    for (const src of Object.values(bothWays(text))) {
      const r = new Resolver(src)
      const m = r.get(src.doc.contents, 'm')?.value
      for (let i = 0; i < reads; i++) expect(r.entries(m)).toHaveLength(aliases)
      expect(() => r.entries(m)).toThrow(YamlLimitError)
    }
  })

  it('finds a key of a document without aliases as the entries list does: first own key, merged keys, keys as text', () => {
    const text = 'm:\n  <<: { a: 1, b: 2 }\n  b: 3\n  1: one\n  ~: n\nplain:\n  x: 1\n'
    const sources = bothWays(text)
    expect(sources.fast.aliases).toBe(false)
    for (const src of Object.values(sources)) {
      const r = new Resolver(src)
      for (const map of [r.get(src.doc.contents, 'm')?.value, r.get(src.doc.contents, 'plain')?.value]) {
        for (const key of ['a', 'b', '1', '<<', 'null', 'x', 'missing']) {
          const entry = r.get(map, key)
          const expected = r.entries(map).find((e) => e.key === key)
          expect([entry?.key, entry?.keyNode, entry?.value], key).toEqual([expected?.key, expected?.keyNode, expected?.value])
        }
      }
      expect(r.string(r.get(r.get(src.doc.contents, 'm')?.value, 'a')?.value)).toBe('1')
    }
  })

  it('reads keys as scalars only in documents known to have no aliases: the one-pass reader reads no other key', () => {
    // The Resolver reads a key's value without asking whether it is a scalar when the document has no aliases.
    for (const text of ['[a, b]: c\n', '? x\n: y\n', '{a: 1}: 2\n', 'a: {[b]: c}\n', 'a:\n  ? - b\n  : c\n', '? |\n  k\n: v\n']) {
      const src = parseYaml('f.yaml', text).source
      expect(src, text).toBeDefined()
      expect(src!.aliases, text).not.toBe(false)
      const r = new Resolver(src!)
      // A key that is not a scalar has no entry.
      const root = src!.doc.contents
      const scalarKeys = isMap(root) ? root.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])) : []
      expect(r.entries(root).map((e) => e.key), text).toEqual(scalarKeys)
    }
  })

  it('expands merge keys, explicit keys first', () => {
    const text = 'd: &d\n  a: 1\n  b: 2\nm:\n  <<: *d\n  b: 3\n'
    for (const src of Object.values(bothWays(text))) {
      const r = new Resolver(src)
      const m = r.get(src.doc.contents, 'm')?.value
      expect(r.entries(m).map((e) => [e.key, r.string(e.value)])).toEqual([['b', '3'], ['a', '1']])
    }
  })
})
