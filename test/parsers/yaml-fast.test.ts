/**
 * Differential test of the one-pass YAML reader against the `yaml` package (the reference): on hand-written edge
 * cases, random text, every YAML file of ../shared/corpus (skipped visibly when absent), every YAML fixture and
 * example, and files of the benchmark corpus, either the reader declines (and `yaml` parses the file) or both give the
 * same documents node for node: kind, value, type, source, format, range, anchor, flow, pairs in order. The reader
 * must also take the fast path on the benchmark files and on most corpus files, so a reader that always declines fails.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Alias, Document, isAlias, isDocument, isMap, isPair, isScalar, isSeq, visit, YAMLMap } from 'yaml'
import { monorepo, rng, smallRepo } from '../../bench/corpus.mjs'
import { MAY_NOT_BE_STRING, mayNotBeString, OPTIONS, readYamlFast } from '../../src/parsers/yaml-fast.js'
import { parseWithYaml, parseYaml, parseYamlDocuments } from '../../src/parsers/yaml-located.js'
import { corpusEntries, describeCorpus, readCorpus } from '../harness/corpus.js'
import { filesUnder } from '../harness/files.js'
import { runs } from '../harness/fuzz.js'
import { agreeOnEdits, YAML_PIECES } from '../harness/line-mutations.js'

const repo = fileURLToPath(new URL('../../', import.meta.url))

/** A node as a plain value with every field a reader of the tree may use. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return node
  if (isAlias(node)) return { kind: 'alias', source: node.source, range: node.range, anchor: node.anchor }
  if (isScalar(node)) {
    const s = node as typeof node & { format?: string; minFractionDigits?: number }
    return {
      kind: 'scalar',
      value: s.value,
      valueType: typeof s.value,
      type: s.type,
      source: s.source,
      range: s.range,
      anchor: s.anchor,
      tag: s.tag,
      format: s.format,
      minFractionDigits: s.minFractionDigits,
    }
  }
  if (isMap(node) || isSeq(node)) {
    return {
      kind: isMap(node) ? 'map' : 'seq',
      range: node.range,
      anchor: node.anchor,
      tag: node.tag,
      flow: node.flow ?? false,
      items: (node.items as unknown[]).map((item) =>
        isPair(item) ? { key: shape(item.key), value: shape(item.value) } : shape(item),
      ),
    }
  }
  return { kind: 'other', node }
}

const docShape = (doc: Document.Parsed): unknown => ({
  range: doc.range,
  docStart: doc.directives?.docStart ?? null,
  errors: doc.errors.length,
  contents: shape(doc.contents),
})

/**
 * Compares the reader with `yaml` on `text` (as parseYaml or parseYamlDocuments); returns false when the reader
 * declines. When it does not, `yaml` must find no problem and build the same documents.
 */
function same(text: string, name = 'text', many = false): boolean {
  const fast = readYamlFast(text, many)
  const reference = parseWithYaml('f.yaml', text, many)
  if (fast === undefined) {
    // The fallback is the whole story: the public functions give yaml's result.
    const viaPublic = many ? parseYamlDocuments('f.yaml', text) : parseYaml('f.yaml', text)
    expect(viaPublic.problems, name).toEqual(reference.problems)
    return false
  }
  expect(reference.problems, `${name}: the reader accepted a text with problems`).toEqual([])
  expect(fast.map(docShape), name).toEqual(reference.sources.map((s) => docShape(s.doc)))
  return true
}

/** Both ways: as one document (workflows, Compose) and as a stream (Kubernetes manifests). */
function sameBoth(text: string, name = 'text'): boolean {
  const one = same(text, name, false)
  const many = same(text, `${name} (stream)`, true)
  return one || many
}

/** The YAML files of the fixtures, tests, examples and rule data. */
const fixtureYaml = (): string[] =>
  ['src', 'test', 'examples', 'rules'].flatMap((d) => filesUnder(path.join(repo, d), (name) => /\.ya?ml$/i.test(name)))

/** Cases the reader must take itself (the rest of CASES may go either way, but must agree when taken). */
const FAST: Record<string, string> = {
  empty: '',
  'only comments': '# a\n\n  # b\n',
  'core schema scalars':
    'a: on\nb: yes\nc: ~\nd: null\ne: Null\nf: 0o17\ng: 0x1F\nh: 1e3\ni: .inf\nj: -.Inf\nk: .nan\nl: 3.10\n' +
    'm: 010\nn: +1\no:\np: true\nq: False\nr: NULL\ns: -12\nt: 1.\nu: .5\nv: 0o8\nw: 1_000\nx: 2e-3\n',
  'quoted strings': `a: "x"\nb: 'y'\nc: "it's"\nd: 'it''s'\ne: "a\\tb\\n\\"q\\" \\\\ \\/"\nf: ""\ng: ''\nh: "1"\n`,
  'block scalars':
    'a: |\n  one\n  two\n\nb: |-\n  x\n\n\nc: |+\n  y\n\n\nd: >\n  folded\n  line\n\n  para\n    more\ne: >-\n  z\n' +
    'f: >+\n  k\n\n',
  'block scalar with comment header': 'run: | # the script\n  echo 1\n  echo 2\nnext: 1\n',
  'block scalar at the end without newline': 'run: |\n  echo 1',
  'block scalar with blank lines inside': 'run: |\n  a\n\n  b\n   \n  c\n\n\nx: 1\n',
  'block scalar more indented trailing blank': 'run: |\n  a\n     \nx: 1\n',
  'key:value plain': '- key:value\n- a:b:c\n',
  'nested sequences': '- - a\n  - b\n- - - c\n',
  'compact maps': 'steps:\n  - uses: actions/checkout@v6\n    with:\n      fetch-depth: 0\n  - name: x\n    run: echo\n',
  'sequence at the key column': 'a:\n- x\n- y\nb: 1\n',
  'comments after values': 'a: 1 # one\nb: "x"  # two\nc: [a] # three\nd: # four\n  e: 5\n',
  crlf: 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\nc: |\r\n  l1\r\n  l2\r\n',
  bom: '\ufeffa: 1\nb: 2\n',
  'bom then comment': '\ufeff# c\n- a\n',
  'many keys': Array.from({ length: 40 }, (_, i) => `k${i}: ${i}\n`).join(''),
  'keys with spaces and quotes': '"a b": 1\n\'c d\': 2\ne f: 3\n',
  'hash inside values': 'a: a#b\nb: "#x"\nc: x #y\n',
  'colon inside values': 'image: mcr.microsoft.com/x:ltsc2022\nurl: http://x\nc: a:b\n',
  'flow collections': 'a: [a, b]\nb: { a: 1 }\nc: []\nd: {}\ne: [ "x", \'y\', 1, [n], {k: v} ]\nf: [main]\n',
  'template expressions': 'runs-on: ${{ matrix.os }}\nif: ${{ github.event_name == \'push\' }}\n',
  'documents': 'a: 1\n---\nb: 2\n---\n# c\nc: 3\n',
  'explicit document start': '---\na: 1\n',
  'indented comments attach': 'a:\n  b: 1\n      # deeper\n  # same\nc: 2\n',
  'trailing comments kept by a nested map': 'a:\n  b:\n    c: 1\n  # two\nd: 2\n',
  'empty values and comments': 'a:\n  b: # c\n  c:\n\n    # deeper\n\n  d: 1\n  e:\n# end\n',
  'comment between items': 'steps:\n  - uses: a\n    # c4\n  - run: b\n  # c2\n  - run: c\n',
  'numbers as keys': '1: a\ntrue: b\n~: c\n',
  'trailing spaces': 'a: x   \nb:   \nc: "y"   \n',
  'no final newline': 'a:\n  b: c',
  'anchors and aliases': 'a: &x 1\nb: *x # c\n    # d\nc:\n  - *x\n  - &y [w]\n  - "q"\n',
  'merge keys': 'x-base: &base # shared\n  image: a\n  isolation: hyperv\nsvc:\n  <<: *base\n  image: b\n',
  'unknown alias': 'a: *nope\n',
  // Keys and values that start with a letter skip the indicator check, the others do not.
  'keys and values starting with no letter': '_a: _b\n1a: 2b\n\u00e9: \u00e8\n/x: /y\nZ: z\n',
  'NaN keys that differ': '.nan: 1\nx: 2\n.inf: 3\n',
  'few keys then many': Array.from({ length: 15 }, (_, i) => `k${i}: ${i}\n`).join('') + 'x: 1\ny: 2\n',
  'sequence items after blanks': '-    a\n-  "b"\n- c # d\n',
}

/** Cases the reader must leave to `yaml` (they must still agree through the fallback). */
const DECLINED: Record<string, string> = {
  tag: 'a: !!str 1\n',
  'anchor on an empty value': 'a: &x\nb: 1\n',
  'anchor on a sequence': 'a: &x\n  - 1\n',
  'anchor on a block scalar': 'a: &x |\n  y\n',
  'anchor on a compact mapping': '- &x k: v\n',
  'alias with an anchor': 'a: &x *y\n',
  'alias ending in a colon': 'a: *x:\n',
  'explicit key': '? a\n: 1\n',
  'multi-line plain': 'a: one\n  two\n',
  'multi-line quoted': 'a: "one\n  two"\n',
  'unicode escape': 'a: "\\u00e9"\n',
  'flow over lines': 'a: [x,\n  y]\n',
  'indentation indicator': 'a: |2\n   x\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'document end': 'a: 1\n...\n',
  'tab indentation': 'a:\n\tb: 1\n',
  'duplicate key': 'a: 1\na: 2\n',
  'duplicate key as values': '1: a\n0x1: b\n',
  'duplicate NaN keys': '.nan: 1\n.NaN: 2\n',
  'duplicate key after many': Array.from({ length: 40 }, (_, i) => `k${i}: ${i}\n`).join('') + 'k3: x\n',
  'duplicate key in a flow mapping': 'a: { b: 1, c: 2, b: 3 }\n',
  'syntax error': 'a: b: c\n',
  'bad indentation': 'a:\n  b: 1\n c: 2\n',
  'unclosed quote': 'a: "x\n',
  'empty sequence item': '- \n- a\n',
  'empty document': '---\n---\na: 1\n',
  'root scalar': 'just text\n',
  'lone cr': 'a: 1\rb: 2\n',
  'duplicate key among few': 'a: 1\nb: 2\nc: 3\nb: 4\n',
  'duplicate key as the sixteenth': Array.from({ length: 15 }, (_, i) => `k${i}: ${i}\n`).join('') + 'k0: x\n',
  'indicator starting a value': 'a: @x\n',
  'sequence item with only a comment': '- # c\n  a\n',
  'too deep': Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' v\n',
}

describe('one-pass YAML reader = yaml', () => {
  it.each(Object.entries(FAST))('reads %s itself', (name, text) => {
    expect(sameBoth(text, name)).toBe(true)
  })

  it.each(Object.entries(DECLINED))('leaves %s to yaml', (name, text) => {
    expect(sameBoth(text, name)).toBe(false)
  })

  it('resolves plain scalars with the YAML 1.2 core schema, keeping what was written as the source', () => {
    const text = 'a: on\nb: yes\nc: ~\nd: Null\ne: 0o17\nf: 0x1F\ng: 1e3\nh: -.Inf\ni: .nan\nj: 3.10\nk: 010\nl: +1\nm:\n'
    const map = readYamlFast(text, false)![0]!.contents
    if (!isMap(map)) throw new Error('not a map')
    const values = Object.fromEntries(
      map.items.map((p) => [String((p.key as { value: unknown }).value), (p.value as { value: unknown }).value]),
    )
    expect(values).toEqual({
      a: 'on', b: 'yes', c: null, d: null, e: 15, f: 31, g: 1000, h: -Infinity, i: NaN, j: 3.1, k: 10, l: 1, m: null,
    })
    const j = map.items[9]!.value as { source?: string; minFractionDigits?: number; range?: number[] }
    const at = text.indexOf('3.10')
    expect([j.source, j.minFractionDigits, j.range]).toEqual(['3.10', 2, [at, at + 4, at + 5]])
  })

  it('sees every plain scalar the core schema may resolve to a non-string by its first character and length', () => {
    const tests = new Document(undefined, OPTIONS).schema.tags.flatMap((t) => ('test' in t && t.test ? [t.test] : []))
    expect(tests.length).toBeGreaterThan(5)
    const text = fc.string({ unit: fc.constantFrom(...'~nNulLtTrRuUeEfFaAsSlLoOxXiInN0179+-._a/:'), maxLength: 7 })
    fc.assert(
      fc.property(text, (s) => {
        if (tests.some((t) => t.test(s))) expect(mayNotBeString(s), s).toBe(true)
      }),
      { numRuns: runs(20000), seed: 3 },
    )
    for (const s of ['null', 'NULL', '~', 'true', 'False', '0o17', '-12', '+3', '0x1F', '.inf', '-.Inf', '.nan', '1e3', '.5', '3.10'])
      expect(MAY_NOT_BE_STRING[s.charCodeAt(0)] !== 0 && mayNotBeString(s), s).toBe(true)
    // The words that start like null and bool values are looked up: no other text of theirs is tried against the tags.
    for (const s of ['name', 'nulls', 'trueish', 'target', 'false_', 'file', 'teams/x', 'needs', 'nul', 'tru', 'fALSE', 'NuLL', '~a'])
      expect(mayNotBeString(s), s).toBe(false)
  })

  it('builds nodes that are yaml nodes to every reader: identity checks, instanceof, toJS, visit', () => {
    const text = 'a: &x 1\nb: *x\nc: [d, { e: f }]\ng:\n  - "h"\n  - |\n    i\n'
    const doc = readYamlFast(text, false)![0]!
    expect(isDocument(doc)).toBe(true)
    expect(doc).toBeInstanceOf(Document)
    const map = doc.contents
    expect(isMap(map) && map instanceof YAMLMap).toBe(true)
    const kinds: string[] = []
    visit(doc, {
      Pair: () => void kinds.push('pair'),
      Scalar: (_k, n) => void kinds.push(`scalar:${String(n.value)}`),
      Alias: (_k, n) => void kinds.push(`alias:${n.source}`),
      Seq: () => void kinds.push('seq'),
      Map: () => void kinds.push('map'),
    })
    expect(kinds).toEqual([
      'map', 'pair', 'scalar:a', 'scalar:1', 'pair', 'scalar:b', 'alias:x', 'pair', 'scalar:c', 'seq', 'scalar:d', 'map',
      'pair', 'scalar:e', 'scalar:f', 'pair', 'scalar:g', 'seq', 'scalar:h', 'scalar:i\n',
    ])
    expect(doc.toJS()).toEqual({ a: 1, b: 1, c: ['d', { e: 'f' }], g: ['h', 'i\n'] })
    expect(String(doc)).toBe(parseWithYaml('f.yaml', text, false).sources[0]!.doc.toString())
    const alias = (map as YAMLMap).items[1]!.value as Alias
    expect(isAlias(alias) && alias instanceof Alias).toBe(true)
    expect(() => {
      alias.tag = 'x'
    }).toThrow()
  })

  it('gives the document to the consumers as before: a workflow parses the same way through either path', () => {
    const text = 'on: push\njobs:\n  b:\n    runs-on: windows-2022\n    steps:\n      - run: |\n          docker build .\n'
    const fast = parseYaml('w.yml', text)
    const reference = parseWithYaml('w.yml', text, false)
    expect(readYamlFast(text, false)).toBeDefined()
    expect(fast.problems).toEqual([])
    expect(fast.source!.doc.toJS()).toEqual(reference.sources[0]!.doc.toJS())
    expect(fast.source!.doc.toJS()).toEqual({
      on: 'push',
      jobs: { b: { 'runs-on': 'windows-2022', steps: [{ run: 'docker build .\n' }] } },
    })
  })

  it('agrees on random text made of the tricky pieces', () => {
    const piece = fc.constantFrom(
      'a', 'b', 'key', 'on', '1', '0x1F', '3.10', '~', '', ' ', '  ', '    ', '\t', '\n', '\r\n', '# c', ' # c',
      ':', ': ', '- ', '-', '"q"', "'s'", '"a\\"b"', "''", '[a, b]', '{ k: v }', '[', ']', '{', '}', ',', '|', '|-',
      '|+', '>', '>-', '---', '...', '&x ', '*x', '!t ', '?', '#', '\ufeff', 'a:b', 'a #b', 'x: |\n  y\n', '\u0000',
      '\u0085', '\u2028', '%', '@', '`', '\\', '"\\u0041"', '{ a: [b, c] }', '{"k": 1}', '[a:]', 'a: b: c', '- - ',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        sameBoth(pieces.join(''))
      }),
      { numRuns: runs(3000), seed: 11 },
    )
  })

  it('agrees on random well-formed block YAML', () => {
    const scalars = ['x', 'a b', '1', '0x1F', 'true', 'null', '~', '"q"', '"a\\tb"', "'s'", '[a, b]', '{ k: 1 }', 'a:b', 'c#d', '${{ x }}']
    const gaps = ['\n', '   \n', '# c\n']
    /** A random document: nested maps and sequences with comments and blank lines at random columns. */
    function yamlText(seed: number): string {
      const r = rng(seed)
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
      let n = 0
      let out = ''
      const gap = (indent: number): void => {
        while (r() < 0.25) {
          const g = pick(gaps)
          out += (g.startsWith('#') ? ' '.repeat(Math.floor(r() * (indent + 5))) : '') + g
        }
      }
      const comment = (): string => (r() < 0.2 ? ' # c' : '')
      // The value after `key:` or `- ` (the line so far is in `out`), for a collection at `indent`.
      const value = (indent: number, depth: number, inSeq: boolean): void => {
        const roll = r()
        if (depth > 3 || roll < 0.45) {
          const anchor = r() < 0.1 ? ` &a${n}` : ''
          out += r() < 0.05 ? ` *a${Math.floor(r() * n)}${comment()}\n` : `${anchor} ${pick(scalars)}${comment()}\n`
        } else if (roll < 0.55) {
          out += ` ${pick(['|', '|-', '|+', '>', '>-'])}${comment()}\n`
          const body = indent + 2
          for (let i = 0, k = 1 + Math.floor(r() * 3); i < k; i++) out += `${' '.repeat(body + (r() < 0.2 ? 2 : 0))}line ${i}\n`
          if (r() < 0.3) out += '\n'
        } else if (roll < 0.62) {
          out += `${comment()}\n` // an empty value
        } else if (inSeq && roll < 0.75) {
          // A compact mapping (or sequence) in the item.
          if (r() < 0.7) mapping(indent + 2, depth + 1, true)
          else sequence(indent + 2, depth + 1, true)
          return
        } else {
          const anchor = r() < 0.2 ? ` &m${n}` : ''
          out += `${anchor}${comment()}\n`
          gap(indent)
          if (r() < 0.5 || anchor) mapping(indent + 2, depth + 1, false)
          else sequence(!inSeq && r() < 0.4 ? indent : indent + 2, depth + 1, false)
          return
        }
        gap(indent)
      }
      function mapping(indent: number, depth: number, inline: boolean): void {
        for (let i = 0, k = 1 + Math.floor(r() * 3); i < k; i++) {
          out += `${inline && i === 0 ? '' : ' '.repeat(indent)}k${n++}:`
          value(indent, depth, false)
        }
      }
      function sequence(indent: number, depth: number, inline: boolean): void {
        for (let i = 0, k = 1 + Math.floor(r() * 3); i < k; i++) {
          out += `${inline && i === 0 ? '' : ' '.repeat(indent)}-`
          value(indent, depth, true)
        }
      }
      if (r() < 0.2) out += '# head\n---\n'
      if (r() < 0.7) mapping(0, 0, false)
      else sequence(0, 0, false)
      if (r() < 0.2) {
        out += '---\n'
        mapping(0, 0, false)
      }
      return r() < 0.2 ? out.replace(/\n/g, '\r\n') : out
    }
    let taken = 0
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        if (sameBoth(yamlText(seed))) taken++
      }),
      { numRuns: runs(3000), seed: 12 },
    )
    // Not a vacuous agreement: the reader takes most of these texts itself.
    expect(taken).toBeGreaterThan(1500)
  })

  it('agrees on every YAML fixture and example, and reads most of them itself', () => {
    const files = fixtureYaml()
    expect(files.length).toBeGreaterThan(50)
    const fast = files.filter((f) => sameBoth(readFileSync(f, 'utf8'), path.relative(repo, f)))
    expect(fast.length).toBeGreaterThan(files.length * 0.8)
  })

  it('agrees on small line edits of the fixtures, the examples and benchmark files', () => {
    const texts = [
      ...fixtureYaml().map((f) => readFileSync(f, 'utf8')),
      ...monorepo({ dockerfiles: 40, seed: 9 }).filter((f) => /\.ya?ml$/.test(f.path)).map((f) => f.text),
    ]
    expect(agreeOnEdits(texts, YAML_PIECES, 13, 800, sameBoth)).toBeGreaterThan(0.15)
  })

  it('reads the benchmark corpus itself, and agrees', () => {
    const files = [...monorepo({ dockerfiles: 1500, seed: 5 }), ...smallRepo()].filter((f) => /\.ya?ml$/.test(f.path))
    expect(files.length).toBeGreaterThan(400)
    const fallbacks = files.filter((f) => !same(f.text, f.path)).map((f) => f.path)
    expect(fallbacks).toEqual([])
  })
})

describeCorpus('the YAML reader on the corpus', () => {
  it('agrees with yaml on every YAML file of the corpus and reads most of them itself', () => {
    const locals = corpusEntries()
      .filter((e) => /\.ya?ml(@|$)/i.test(e.local) || ['compose', 'gha-workflow', 'k8s', 'azure-pipelines'].includes(e.kind))
      .map((e) => e.local)
    expect(locals.length).toBeGreaterThan(50)
    const fast = locals.filter((local) => sameBoth(readCorpus(local), local))
    console.log(`yaml-fast: the one-pass reader read ${fast.length} of ${locals.length} corpus YAML files itself`)
    expect(fast.length).toBeGreaterThan(locals.length * 0.6)
  })

  it('agrees on small line edits of the corpus YAML files', () => {
    const texts = corpusEntries()
      .filter((e) => /\.ya?ml(@|$)/i.test(e.local) || ['compose', 'gha-workflow', 'k8s', 'azure-pipelines'].includes(e.kind))
      .map((e) => readCorpus(e.local))
    expect(agreeOnEdits(texts, YAML_PIECES, 14, 300, sameBoth)).toBeGreaterThan(0.15)
  })
})
