import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeReport } from '../../src/cli/command-line.js'
import type { LintResult } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'
import { jsonChunks, LazyList, lazyMap } from '../../src/reporters/json-chunks.js'
import { renderJson, renderJsonChunks } from '../../src/reporters/json.js'
import { renderSarif, renderSarifChunks } from '../../src/reporters/sarif.js'
import { SAMPLE_CATALOG, SAMPLE_RESULT, finding, resultOf } from './sample.js'

const stringify = (v: unknown): string => JSON.stringify(v, null, 2)

describe('jsonChunks', () => {
  const values: Record<string, unknown> = {
    'empty object': {},
    'empty array': [],
    scalars: [1, 'two', true, null, -0.5, 'line\nbreak "quoted" \u2028'],
    nested: { a: [{ b: [] }, { c: {} }], d: { e: [1, [2, [3, { f: 'g' }]]] }, h: 'i' },
    'values JSON cannot hold': { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, Symbol('t')], e: 1 },
    'only members JSON cannot hold': { a: undefined },
    'toJSON at every depth, with its key': {
      a: { toJSON: (key: string) => `key ${key}` },
      b: [{ toJSON: (key: string) => ({ c: [key] }) }, { toJSON: (key: string) => `item ${key}` }],
      d: new Date(0),
      e: { f: { g: { toJSON: (key: string) => [key] } } },
    },
    'keys that need escaping': { 'a"b': 1, 'c\nd': { '##[e': '##[f' } },
    'a top-level scalar': 'text',
  }

  for (const [name, value] of Object.entries(values)) {
    it(`joins to JSON.stringify(value, null, 2) at every depth: ${name}`, () => {
      for (let depth = 0; depth <= 6; depth++) expect([...jsonChunks(value, depth)].join('')).toBe(stringify(value))
    })
  }

  it('joins to JSON.stringify on random nested values', () => {
    let seed = 7
    const next = (): number => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
    const make = (level: number): unknown => {
      const r = next()
      if (level > 3 || r < 0.3) return [0, 'a b', true, null, undefined, 'x\ny'][Math.floor(next() * 6)]
      if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => make(level + 1))
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, make(level + 1)]))
    }
    for (let i = 0; i < 500; i++) {
      const v = [make(0)] // a top-level undefined has no JSON text at all
      expect([...jsonChunks(v, 1 + (i % 4))].join('')).toBe(stringify(v))
    }
  })

  it('refuses a toJSON whose result has a toJSON of its own (JSON.stringify would call only the first)', () => {
    const twice = { a: { toJSON: () => ({ toJSON: () => 'x' }) } }
    expect(() => [...jsonChunks(twice, 3)]).toThrow(/toJSON of its own/)
  })

  it('writes a LazyList as the array it stands for, making each item only when it is written', () => {
    const made: number[] = []
    const list = new LazyList(3, (i) => {
      made.push(i)
      return i === 1 ? { toJSON: (key: string) => `item ${key}` } : { n: i, undefinedKey: undefined }
    })
    const value = { a: lazyMap([1, 2], (n) => [n]), list, empty: new LazyList(0, () => 1) }
    for (let depth = 0; depth <= 4; depth++) expect([...jsonChunks(value, depth)].join('')).toBe(stringify(value))
    made.length = 0
    const madeWhenWritten: number[][] = []
    for (const piece of jsonChunks(value, 2)) if (piece.includes('"n"') || piece.includes('item')) madeWhenWritten.push([...made])
    expect(madeWhenWritten).toEqual([[0], [0, 1], [0, 1, 2]])
  })

  it('streams each member of the containers above the depth as a piece of its own', () => {
    const pieces = [...jsonChunks({ findings: [{ a: 1 }, { a: 2 }] }, 2)]
    expect(pieces).toContain('{\n      "a": 1\n    }')
    expect(pieces).toContain('{\n      "a": 2\n    }')
  })
})

describe('reports in pieces', () => {
  const many = resultOf(
    Array.from({ length: 40 }, (_, i) =>
      finding({ span: span('a.yml', i + 1, 1, i + 1, 4), message: `problem ${i} at ##[x]` }),
    ),
    { 'a.yml': 'x: 1\n'.repeat(40) },
  )

  it('the JSON report in pieces is the JSON report', () => {
    for (const result of [SAMPLE_RESULT, many, resultOf([])]) {
      expect([...renderJsonChunks(result)].join('')).toBe(renderJson(result))
      expect([...renderJsonChunks(result, { smoke: { ok: true }, shard: { index: 1 } })].join('')).toBe(
        renderJson(result, { smoke: { ok: true }, shard: { index: 1 } }),
      )
    }
  })

  it('writes findings directly as JSON.stringify would: related locations, strings to escape, suppressed findings', () => {
    const odd = 'quote " backslash \\ tab \t line\nbreak \u2028 \u0001 lone \ud800 emoji \u{1f600} ##['
    const related = [
      { span: span('b.yml', 2, 3, 2, 5), message: odd },
      { span: span(`dir/${odd}.yml`, 1, 1, 1, 2), message: 'second' },
    ]
    const findings = [
      finding({ span: span('a.yml', 1, 1, 1, 4), message: odd, related }),
      finding({ span: span(odd, 2, 1, 3, 1), message: 'no related', related: [] }),
      finding({ span: span('a.yml', 3, 2, 3, 9), message: 'one related', related: related.slice(0, 1), severity: 'note' }),
    ]
    const result = resultOf(findings, { 'a.yml': 'x: 1\n'.repeat(3) })
    const directive = { kind: 'next-line' as const, file: 'a.yml', span: span('a.yml', 1, 1, 1, 2), ruleIds: ['x'], reason: odd }
    const suppressed: LintResult = { ...result, suppressed: [{ finding: findings[0]!, directive }] }
    for (const r of [result, suppressed]) {
      expect([...renderJsonChunks(r)].join('')).toBe(renderJson(r))
      expect(JSON.parse(renderJson(r))).toEqual(JSON.parse([...renderJsonChunks(r)].join('')))
    }
  })

  it('the SARIF report in pieces is the SARIF report', () => {
    for (const result of [SAMPLE_RESULT, many, resultOf([])]) {
      expect([...renderSarifChunks(result, SAMPLE_CATALOG)].join('')).toBe(renderSarif(result, SAMPLE_CATALOG))
    }
  })

  const dir = mkdtempSync(path.join(os.tmpdir(), 'isolint-chunks-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writeReport writes the pieces to standard output neutralized, in blocks of 64 KiB, and to --output as they are', () => {
    const large = resultOf(
      Array.from({ length: 1500 }, (_, i) =>
        finding({ span: span('a.yml', i + 1, 1, i + 1, 4), message: `problem ${i} at ##[x]` }),
      ),
      { 'a.yml': 'x: 1\n'.repeat(1500) },
    )
    const out: string[] = []
    const io = { cwd: dir, stdout: (t: string) => out.push(t) }
    writeReport(renderJsonChunks(large), 'json', undefined, io)
    const whole = renderJson(large)
    expect(whole.length).toBeGreaterThan(3 * 64 * 1024)
    expect(out.length).toBeGreaterThan(2)
    for (const block of out.slice(0, -1)) expect(block.length).toBeGreaterThanOrEqual(64 * 1024)
    expect(out.join('')).toBe(whole.replaceAll('##[', '#\\u0023['))
    writeReport(renderJsonChunks(large), 'json', 'report.json', io)
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe(whole)
    expect(() => writeReport(renderJsonChunks(many), 'json', 'missing/dir/report.json', io)).toThrow(/cannot write missing\/dir\/report.json/)
  })

  it('an error while making the report is not reported as an error writing the file', () => {
    function* broken(): Generator<string> {
      yield '{'
      throw new Error('renderer bug')
    }
    const io = { cwd: dir, stdout: () => undefined }
    expect(() => writeReport(broken(), 'json', 'broken.json', io)).toThrow(/^renderer bug$/)
    expect(() => writeReport(broken(), 'json', undefined, io)).toThrow(/^renderer bug$/)
  })
})
