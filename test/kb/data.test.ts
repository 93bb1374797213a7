import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { InternalError } from '../../src/core/errors.js'
import { createKnowledgeBase, loadKnowledgeBase, validateKbData } from '../../src/kb/index.js'

/** The fields these tests read or mutate; everything else stays opaque. */
interface Entry {
  [key: string]: unknown
  source?: string
  verified?: string
}
interface RawKb {
  [key: string]: unknown
  meta: { version?: string; verified: string }
  builds: Record<string, Entry & { channel?: string; lifecycle?: Entry }>
  hostMatrix: Record<'server' | 'client', Record<string, Entry & { process: number[]; hyperv: number[]; processDevTestOnly?: number[] }>>
  algorithm: { ltsc: number[] }
  defaults: Record<'server' | 'client', Entry>
  runners: Record<string, Record<string, Entry & { build?: number; retired?: Entry }>>
  tagPatterns: (Entry & { token: string; build: unknown; release?: string })[]
  repositories: (Entry & { id?: string; repositories: string[]; tags?: Entry[]; releases?: (Entry & { endOfLife?: string })[] })[]
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
const raw = readJson('../../rules/windows-knowledge.json') as RawKb
const schema = readJson('../../rules/windows-knowledge.schema.json') as object
const clone = (): RawKb => structuredClone(raw)

/** A record entry that must exist. */
function at<T>(record: Record<string, T> | T[] | undefined, key: string | number): T {
  const value = (record as Record<string, T> | undefined)?.[key]
  if (value === undefined) throw new Error(`fixture: missing ${key}`)
  return value
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true })
  return ajv.compile(schema)
}

/** Objects that group facts (maps keyed by build or label) rather than being facts themselves. */
const CONTAINERS = new Set(['', 'builds', 'hostMatrix', 'hostMatrix.server', 'hostMatrix.client', 'runners', 'defaults', 'multiPlatformResolution', 'kubernetes', 'kubernetes.aks'])
const isContainer = (path: string): boolean => CONTAINERS.has(path) || /^runners\.[A-Za-z]+$/.test(path)

/** Every object outside meta, the containers and the test examples, with its path. */
function factObjects(value: unknown, path = ''): { path: string; fact: Record<string, unknown> }[] {
  if (path === 'meta' || path.endsWith('.examples')) return []
  if (Array.isArray(value)) return value.flatMap((v, i) => factObjects(v, `${path}[${i}]`))
  if (typeof value !== 'object' || value === null) return []
  const own = isContainer(path) ? [] : [{ path, fact: value as Record<string, unknown> }]
  const children = Object.entries(value).flatMap(([k, v]) => factObjects(v, path ? `${path}.${k}` : k))
  return [...own, ...children]
}

describe('rules/windows-knowledge.json', () => {
  it('validates against rules/windows-knowledge.schema.json', () => {
    const validate = validator()
    expect(validate(raw), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('gives every fact object a source and a verified date', () => {
    const facts = factObjects(raw)
    expect(facts.length).toBeGreaterThan(150)
    const missing = facts.filter(({ fact }) => typeof fact.source !== 'string' || fact.source.length < 8).map((f) => f.path)
    const undated = facts.filter(({ fact }) => !/^\d{4}-\d{2}-\d{2}$/.test(String(fact.verified))).map((f) => f.path)
    expect(missing).toEqual([])
    expect(undated).toEqual([])
  })

  const removals: [string, (d: RawKb) => Entry | undefined][] = [
    ['a build', (d) => at(d.builds, '20348')],
    ['a matrix row', (d) => at(d.hostMatrix.server, '26100')],
    ['a runner retirement', (d) => at(at(d.runners, 'github'), 'windows-2019').retired],
    ['a tag pattern', (d) => at(d.tagPatterns, 0)],
    ['a repository tag rule', (d) => at(d.repositories.find((r) => r.tags)?.tags, 0)],
    ['a lifecycle', (d) => at(d.builds, '19042').lifecycle],
  ]
  it.each(removals)('schema rejects %s without a source', (_what, pick) => {
    const data = clone()
    const target = pick(data)
    expect(target?.source).toBeTruthy()
    delete target?.source
    const validate = validator()
    expect(validate(data)).toBe(false)
    expect(validate.errors?.some((e) => e.keyword === 'required' && e.params.missingProperty === 'source')).toBe(true)
  })

  it('sets meta.verified to the newest verified date and uses it as the version', () => {
    const newest = factObjects(raw).map(({ fact }) => String(fact.verified)).sort().at(-1)
    expect(raw.meta.verified).toBe(newest)
    expect(loadKnowledgeBase().version).toBe(raw.meta.version)
    expect(loadKnowledgeBase().version).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('refers only to builds it defines', () => {
    const known = new Set(Object.keys(raw.builds).map(Number))
    const missing: string[] = []
    const need = (b: number, where: string) => known.has(b) || missing.push(`${where}: ${b}`)
    for (const kind of ['server', 'client']) {
      for (const [host, row] of Object.entries(raw.hostMatrix[kind as 'server' | 'client'])) {
        need(Number(host), `hostMatrix.${kind}`)
        for (const b of [...row.process, ...row.hyperv, ...(row.processDevTestOnly ?? [])]) {
          need(b, `hostMatrix.${kind}.${host}`)
          expect(b, `hostMatrix.${kind}.${host} lists a newer image`).toBeLessThanOrEqual(Number(host))
        }
      }
    }
    for (const [provider, labels] of Object.entries(raw.runners)) {
      for (const [label, r] of Object.entries(labels)) if (r.build) need(r.build, `runners.${provider}.${label}`)
    }
    for (const t of raw.tagPatterns) if (typeof t.build === 'number') need(t.build, `tagPatterns ${t.token}`)
    for (const b of raw.algorithm.ltsc) need(b, 'algorithm.ltsc')
    expect(missing).toEqual([])
  })

  it('lists each repository in one rule only', () => {
    const names = raw.repositories.flatMap((r) => r.repositories)
    expect(names.length).toBe(new Set(names).size)
  })

  it('marks every SAC release as end of life with a date', () => {
    const sac = Object.entries(raw.builds).filter(([, b]) => b.channel === 'sac')
    expect(sac.map(([k]) => k)).toEqual(['16299', '17134', '18362', '18363', '19041', '19042'])
    for (const [, b] of sac) expect(b.lifecycle?.endOfLife).toMatch(/^20(19|20|21|22)-\d{2}-\d{2}$/)
  })
})

describe('validateKbData', () => {
  it('accepts the bundled data', () => {
    expect(() => validateKbData(clone())).not.toThrow()
  })

  const breakages: [string, (d: RawKb) => unknown, RegExp][] = [
    ['not an object', () => 42, /\(root\) must be an object/],
    ['a missing meta.version', (d) => { delete d.meta.version; return d }, /meta\.version/],
    ['a build without a source', (d) => { delete at(d.builds, '17763').source; return d }, /builds\.17763\.source/],
    ['a bad build key', (d) => { d.builds.ltsc2022 = at(d.builds, '20348'); return d }, /builds\.ltsc2022 key/],
    ['an undated runner', (d) => { at(at(d.runners, 'github'), 'windows-2022').verified = 'soon'; return d }, /windows-2022\.verified/],
    ['a broken tag regex', (d) => { at(d.tagPatterns, 0).pattern = '(ltsc'; return d }, /tagPatterns\[0\]\.pattern is not a valid/],
    ['a bad isolation default', (d) => { d.defaults.client.isolation = 'vm'; return d }, /defaults\.client\.isolation/],
    ['a repository without names', (d) => { at(d.repositories, 0).repositories = []; return d }, /repositories\[0\]\.repositories/],
    ['an end-of-life tag token without its release', (d) => { delete d.tagPatterns.find((t) => t.token === 'sac2016')!.release; return d }, /tagPatterns\[\d+\]\.release/],
    ['a repository release without its end', (d) => { delete d.repositories.find((r) => r.releases)!.releases![0]!.endOfLife; return d }, /releases\[0\]\.endOfLife/],
  ]
  it.each(breakages)('throws InternalError on %s', (_what, make, message) => {
    const data = make(clone())
    expect(() => validateKbData(data)).toThrow(InternalError)
    expect(() => validateKbData(data)).toThrow(message)
  })
})

describe('data edits need no code change', () => {
  it('adds a Windows release, a runner label, a tag token and a repository rule', () => {
    const d = clone()
    const fact = { source: 'test fixture source', verified: '2030-01-01' }
    d.builds['28000'] = { ...fact, name: 'ltsc2028', title: 'Windows Server 2028', kind: 'server', channel: 'ltsc', tag: 'ltsc2028', aliases: [] }
    d.hostMatrix.server['28000'] = { ...fact, name: 'Windows Server 2028', process: [26100, 28000], hyperv: [20348, 26100, 28000] }
    at(d.runners, 'github')['windows-2028'] = { ...fact, os: 'windows', build: 28000, kind: 'server', docker: true }
    d.tagPatterns.unshift({ ...fact, token: 'ltsc2028', pattern: '(^|[-_.])ltsc2028($|[-_.])', flags: 'i', build: 28000, context: 'any', examples: [] })
    d.repositories.push({ ...fact, id: 'acme', repositories: ['acme.io/tools'], platform: 'linux', reason: 'acme tools are Linux-only' })
    const kb = createKnowledgeBase(validateKbData(d))
    expect(kb.host('windows-2028')).toMatchObject({ os: 'windows', build: 28000, kind: 'server' })
    expect(kb.image('acme.io/app:1.0-ltsc2028')).toMatchObject({ os: 'windows', builds: [28000] })
    expect(kb.image('acme.io/tools:ltsc2028')).toMatchObject({ os: 'linux', reason: 'acme tools are Linux-only' })
    expect(kb.compatibility(28000, 'server', 20348, 'process').kind).toBe('needs-hyperv')
    expect(kb.matchingTag(28000, 'server')).toBe('ltsc2028')
    expect(kb.buildInfo(28000)?.title).toBe('Windows Server 2028')
    // The bundled knowledge base is untouched.
    expect(loadKnowledgeBase().host('windows-2028')).toBeUndefined()
  })
})
