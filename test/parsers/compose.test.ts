import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import type { Span } from '../../src/core/span.js'
import type { ComposeModel, ComposeService, ComposeValue } from '../../src/model/compose.js'
import { interpolate, isComposeText, parseCompose, parseDotEnv } from '../../src/parsers/compose.js'
import { corpusEntries, describeCorpus, readCorpus } from '../harness/corpus.js'

/** [startLine, startColumn, endLine, endColumn] */
function at(s: Span | undefined): number[] {
  if (!s) return []
  return [s.start.line, s.start.column, s.end.line, s.end.column]
}

function env(entries: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries(entries))
}

function parse(text: string, vars: Record<string, string> = {}): ComposeModel {
  const r = parseCompose('compose.yml', text, env(vars))
  expect(r.problems).toEqual([])
  expect(r.model).toBeDefined()
  return r.model!
}

function svc(model: ComposeModel, name: string): ComposeService {
  const s = model.services.find((x) => x.name === name)
  if (!s) throw new Error(`no service ${name} in ${model.services.map((x) => x.name).join(', ')}`)
  return s
}

function val(v: ComposeValue | undefined): { raw?: string; value?: string; unresolved?: readonly string[] } {
  return { raw: v?.raw, value: v?.value, unresolved: v?.unresolved }
}

describe('interpolate', () => {
  const vars = env({ ISO: 'hyperv', EMPTY: '', TAG: 'ltsc2022', REG: 'mcr.microsoft.com/' })

  it('substitutes $VAR and ${VAR}', () => {
    expect(interpolate('${REG}windows/servercore:$TAG', vars)).toEqual({
      value: 'mcr.microsoft.com/windows/servercore:ltsc2022',
      unresolved: [],
    })
    expect(interpolate('$TAG-x', vars).value).toBe('ltsc2022-x')
    expect(interpolate('$TAG_x', vars)).toEqual({ unresolved: ['TAG_x'] })
  })

  it('keeps text without variables as is', () => {
    expect(interpolate('process', vars)).toEqual({ value: 'process', unresolved: [] })
    expect(interpolate('', vars)).toEqual({ value: '', unresolved: [] })
  })

  it('reports a variable with no value and no default as unresolved, without a value', () => {
    expect(interpolate('${MISSING}', vars)).toEqual({ unresolved: ['MISSING'] })
    expect(interpolate('${REG}app:${A}-${B}-$A', vars)).toEqual({ unresolved: ['A', 'B'] })
  })

  it('leaves every expression that reads a variable of unknown value unresolved, defaults and alternatives included', () => {
    const unknown = new Map<string, string | undefined>([...vars, ['TAG', undefined]])
    for (const raw of ['$TAG', '${TAG}', '${TAG:-ltsc2019}', '${TAG-ltsc2019}', '${TAG:+x}', '${TAG+x}', '${TAG:?set it}', 'a:${X:-${TAG:-b}}']) {
      expect(interpolate(raw, unknown), raw).toEqual({ unresolved: ['TAG'] })
    }
    // Absent (unset) still takes its default; a known value is still read.
    expect(interpolate('${OTHER:-ltsc2019}', unknown)).toEqual({ value: 'ltsc2019', unresolved: [] })
    expect(interpolate('${REG}x', unknown).value).toBe('mcr.microsoft.com/x')
  })

  it('treats a variable set to the empty string as a value', () => {
    expect(interpolate('${EMPTY}app', vars)).toEqual({ value: 'app', unresolved: [] })
  })

  it('applies :- and - defaults', () => {
    expect(interpolate('${ISO:-process}', vars).value).toBe('hyperv')
    expect(interpolate('${NOPE:-process}', vars).value).toBe('process')
    expect(interpolate('${EMPTY:-process}', vars).value).toBe('process')
    expect(interpolate('${EMPTY-process}', vars).value).toBe('')
    expect(interpolate('${NOPE-process}', vars).value).toBe('process')
    expect(interpolate('${NOPE:-}', vars)).toEqual({ value: '', unresolved: [] })
  })

  it('applies :+ and + alternatives', () => {
    expect(interpolate('x${ISO:+-alt}', vars).value).toBe('x-alt')
    expect(interpolate('x${EMPTY:+-alt}', vars).value).toBe('x')
    expect(interpolate('x${EMPTY+-alt}', vars).value).toBe('x-alt')
    expect(interpolate('x${NOPE+-alt}', vars).value).toBe('x')
    expect(interpolate('x${ISO:+${NOPE}}', vars)).toEqual({ unresolved: ['NOPE'] })
  })

  it('reports :? and ? required variables as unresolved when missing', () => {
    expect(interpolate('${ISO:?need ISO}', vars).value).toBe('hyperv')
    expect(interpolate('${EMPTY:?need it}', vars)).toEqual({ unresolved: ['EMPTY'] })
    expect(interpolate('${EMPTY?need it}', vars)).toEqual({ value: '', unresolved: [] })
    expect(interpolate('${NOPE?need it}', vars)).toEqual({ unresolved: ['NOPE'] })
  })

  it('expands nested defaults only when needed', () => {
    expect(interpolate('${NOPE:-${ISO}}', vars).value).toBe('hyperv')
    expect(interpolate('${NOPE:-${NADA:-${TAG}}}', vars).value).toBe('ltsc2022')
    expect(interpolate('${NOPE:-${NADA}}', vars)).toEqual({ unresolved: ['NADA'] })
    expect(interpolate('${ISO:-${NADA}}', vars).value).toBe('hyperv')
    expect(interpolate('${NOPE:-a-$TAG}', vars).value).toBe('a-ltsc2022')
    expect(interpolate('${NOPE:-{x}}', vars).value).toBe('{x}')
  })

  it('turns $$ into a literal $ and does not expand what follows', () => {
    expect(interpolate('a$$b', vars).value).toBe('a$b')
    expect(interpolate('$${ISO}', vars).value).toBe('${ISO}')
    expect(interpolate('$$$ISO', vars).value).toBe('$hyperv')
  })

  it('keeps a $ that starts no variable', () => {
    expect(interpolate('cost: 5$ or $-1 $', vars).value).toBe('cost: 5$ or $-1 $')
  })

  it('reports expressions Compose rejects, whole, as unresolved', () => {
    expect(interpolate('${}', vars)).toEqual({ unresolved: ['${}'] })
    expect(interpolate('${ISO/hyperv/process}', vars)).toEqual({ unresolved: ['${ISO/hyperv/process}'] })
    expect(interpolate('x${ISO', vars)).toEqual({ unresolved: ['${ISO'] })
    expect(interpolate('${1A}', vars)).toEqual({ unresolved: ['${1A}'] })
  })

  it('stops deep nesting without overflowing the stack', () => {
    const deep = '${A:-'.repeat(5000) + 'x' + '}'.repeat(5000)
    const started = Date.now()
    const r = interpolate(deep, vars)
    expect(r.value).toBeUndefined()
    expect(r.unresolved).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(interpolate('${A:-'.repeat(10) + 'x' + '}'.repeat(10), vars).value).toBe('x')
  })
})

describe('parseDotEnv', () => {
  it('reads keys, values, comments and blank lines', () => {
    const e = parseDotEnv(
      [
        '# a comment',
        '',
        '   ',
        'TRAEFIK_IMAGE=traefik:v2.2.0-windowsservercore-1809',
        'EMPTY=',
        '  INDENTED=yes',
        'export EXPORTED=1',
        'SPACED = around ',
        'URL=http://x/?a=b&c=d',
        'YAMLISH: value',
      ].join('\n'),
    )
    expect([...e]).toEqual([
      ['TRAEFIK_IMAGE', 'traefik:v2.2.0-windowsservercore-1809'],
      ['EMPTY', ''],
      ['INDENTED', 'yes'],
      ['EXPORTED', '1'],
      ['SPACED', 'around'],
      ['URL', 'http://x/?a=b&c=d'],
      ['YAMLISH', 'value'],
    ])
  })

  it('strips inline comments only after a space on unquoted values', () => {
    const e = parseDotEnv('A=VAL # comment\nB=VAL# not a comment\nC=a\t# tab comment\nD= # only a comment\nE=#x')
    expect(e.get('A')).toBe('VAL')
    expect(e.get('B')).toBe('VAL# not a comment')
    expect(e.get('C')).toBe('a')
    expect(e.get('D')).toBe('')
    expect(e.get('E')).toBe('#x')
  })

  it('handles single- and double-quoted values', () => {
    const e = parseDotEnv(
      [
        'D="VAL # not a comment"',
        'S=\'VAL # not a comment\'',
        'DC="VAL" # comment',
        'SQ=\'Let\\\'s go!\'',
        'DQ="{\\"hello\\": \\"json\\"}"',
        'ESC="a\\tb\\nc\\\\d"',
        'LIT=\'a\\tb\'',
        'EMPTYQ=""',
      ].join('\n'),
    )
    expect(e.get('D')).toBe('VAL # not a comment')
    expect(e.get('S')).toBe('VAL # not a comment')
    expect(e.get('DC')).toBe('VAL')
    expect(e.get('SQ')).toBe("Let's go!")
    expect(e.get('DQ')).toBe('{"hello": "json"}')
    expect(e.get('ESC')).toBe('a\tb\nc\\d')
    expect(e.get('LIT')).toBe('a\\tb')
    expect(e.get('EMPTYQ')).toBe('')
  })

  it('reads a double-quoted value over several lines', () => {
    const e = parseDotEnv('A="line1\r\nline2"\r\nB=after')
    expect(e.get('A')).toBe('line1\nline2')
    expect(e.get('B')).toBe('after')
  })

  it('interpolates unquoted and double-quoted values with earlier keys, single-quoted literally', () => {
    const e = parseDotEnv(
      [
        'REG=mcr.microsoft.com',
        'IMG=${REG}/windows/servercore',
        'DQ="$REG/x"',
        "SQ='${REG}'",
        'DEF=${NOPE:-ltsc2022}',
        'PRICE=5$$',
      ].join('\n'),
    )
    expect(e.get('IMG')).toBe('mcr.microsoft.com/windows/servercore')
    expect(e.get('DQ')).toBe('mcr.microsoft.com/x')
    expect(e.get('SQ')).toBe('${REG}')
    expect(e.get('DEF')).toBe('ltsc2022')
    expect(e.get('PRICE')).toBe('5$')
  })

  it('leaves out a value that refers to a variable not defined above', () => {
    const e = parseDotEnv('A=${LATER}x\nLATER=1\nB=keep\nB=${UNKNOWN}')
    expect(e.has('A')).toBe(false)
    expect(e.get('LATER')).toBe('1')
    expect(e.has('B')).toBe(false)
  })

  it('lets a later definition win', () => {
    expect(parseDotEnv('A=1\nA=2').get('A')).toBe('2')
  })

  it('skips malformed lines without throwing', () => {
    const e = parseDotEnv('just words\n=novalue\n1BAD=x\nNO_EQUALS\nBAD KEY=x\nOPEN="never closed\nGOOD=yes\n')
    expect([...e]).toEqual([['GOOD', 'yes']])
  })

  it('handles CRLF and a BOM', () => {
    const e = parseDotEnv('\uFEFFA=1\r\nB=two words \r\n# c\r\n')
    expect([...e]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
    ])
  })
})

describe('isComposeText', () => {
  it('recognises a top-level services mapping', () => {
    expect(isComposeText('version: "3"\nservices:\n  web:\n    image: x\n')).toBe(true)
    expect(isComposeText('\uFEFFversion: "2.1"\r\n\r\nservices:\r\n web:\r\n  build: ./web\r\n')).toBe(true)
    expect(isComposeText('services: # the services\n  # first\n  web:\n    image: x\n')).toBe(true)
    expect(isComposeText('services: {web: {image: x}}\n')).toBe(true)
  })

  it('rejects CI files, manifests and text without a top-level services mapping', () => {
    expect(isComposeText('image: docker:24\nservices:\n  - docker:dind\nbuild:\n  script: make\n')).toBe(false)
    expect(isComposeText('services:\n  - docker:dind\n')).toBe(false)
    expect(isComposeText('on: push\njobs:\n  t:\n    services:\n      redis:\n        image: redis\n')).toBe(false)
    expect(isComposeText('apiVersion: v1\nkind: Service\nservices:\n  a:\n    b: 1\n')).toBe(false)
    expect(isComposeText('x:\n  services:\n    web:\n      image: a\n')).toBe(false)
    expect(isComposeText('FROM mcr.microsoft.com/windows/servercore:ltsc2022\n')).toBe(false)
    expect(isComposeText('')).toBe(false)
  })
})

describe('parseCompose: synthetic files', () => {
  it('reads a value without `$` as interpolate gives it, in the same shape as an interpolated one', () => {
    const m = parse('services:\n  web:\n    image: x/y:1\n    platform: ${P:-windows}\n    isolation: "$$"\n')
    const web = svc(m, 'web')
    expect(val(web.image)).toEqual({ raw: 'x/y:1', ...interpolate('x/y:1', env()) })
    expect(val(web.platform)).toEqual({ raw: '${P:-windows}', value: 'windows', unresolved: [] })
    expect(val(web.isolation)).toEqual({ raw: '$$', value: '$', unresolved: [] })
    expect(Object.keys(web.image!)).toEqual(Object.keys(web.platform!))
  })

  it('locates image, isolation and platform values and their keys', () => {
    const m = parse(
      [
        'services:',
        '  web:',
        '    image: mcr.microsoft.com/windows/servercore:ltsc2019',
        '    isolation: process # comment',
        "    platform: 'windows/amd64'",
      ].join('\n') + '\n',
    )
    expect(m.kind).toBe('compose')
    expect(m.file).toBe('compose.yml')
    expect(m.envFile).toBeUndefined()
    expect(m.services).toHaveLength(1)
    const web = svc(m, 'web')
    expect(at(web.span)).toEqual([2, 3, 2, 6])
    const image = 'mcr.microsoft.com/windows/servercore:ltsc2019'
    expect(val(web.image)).toEqual({ raw: image, value: image, unresolved: [] })
    expect(at(web.image?.span)).toEqual([3, 12, 3, 57])
    expect(at(web.image?.keySpan)).toEqual([3, 5, 3, 10])
    expect(web.isolation?.value).toBe('process')
    expect(at(web.isolation?.span)).toEqual([4, 16, 4, 23])
    expect(at(web.isolation?.keySpan)).toEqual([4, 5, 4, 14])
    expect(web.platform?.value).toBe('windows/amd64')
    expect(at(web.platform?.span)).toEqual([5, 15, 5, 30])
    expect(web.build).toBeUndefined()
  })

  it('records the env file it was given', () => {
    const r = parseCompose('a/compose.yml', 'services: {}\n', env(), 'a/.env')
    expect(r.model?.envFile).toBe('a/.env')
    expect(r.model?.services).toEqual([])
    expect(r.model?.file).toBe('a/compose.yml')
  })

  it('interpolates isolation from env, with defaults, and keeps unresolved variables without a value', () => {
    const text = [
      'services:',
      '  a:',
      '    isolation: ${ISO}',
      '  b:',
      '    isolation: ${ISO:-process}',
      '  c:',
      '    image: ${REGISTRY}app:${TAG}',
      '    isolation: ${NOT_SET}',
      '  d:',
      '    image: "a$$b"',
    ].join('\n')
    const withIso = parse(text, { ISO: 'hyperv', TAG: '1.0' })
    expect(val(svc(withIso, 'a').isolation)).toEqual({ raw: '${ISO}', value: 'hyperv', unresolved: [] })
    expect(at(svc(withIso, 'a').isolation?.span)).toEqual([3, 16, 3, 22])
    expect(svc(withIso, 'b').isolation?.value).toBe('hyperv')
    const raw = '${REGISTRY}app:${TAG}'
    expect(val(svc(withIso, 'c').image)).toEqual({ raw, value: undefined, unresolved: ['REGISTRY'] })
    expect(val(svc(withIso, 'c').isolation)).toEqual({ raw: '${NOT_SET}', value: undefined, unresolved: ['NOT_SET'] })
    expect(val(svc(withIso, 'd').image)).toEqual({ raw: 'a$$b', value: 'a$b', unresolved: [] })
    expect(at(svc(withIso, 'd').image?.span)).toEqual([10, 12, 10, 18])

    const without = parse(text)
    expect(val(svc(without, 'a').isolation)).toEqual({ raw: '${ISO}', value: undefined, unresolved: ['ISO'] })
    expect(svc(without, 'b').isolation?.value).toBe('process')
    expect(val(svc(without, 'c').image)).toEqual({ raw, value: undefined, unresolved: ['REGISTRY', 'TAG'] })
  })

  it('reads build as a string context', () => {
    const web = svc(parse('services:\n  web:\n    build: ./web\n'), 'web')
    expect(val(web.build?.context)).toEqual({ raw: './web', value: './web', unresolved: [] })
    expect(at(web.build?.context?.span)).toEqual([3, 12, 3, 17])
    expect(at(web.build?.span)).toEqual([3, 12, 3, 17])
    expect(at(web.build?.keySpan)).toEqual([3, 5, 3, 10])
    expect(web.build?.dockerfile).toBeUndefined()
    expect(web.build?.args.size).toBe(0)
  })

  it('reads build as a mapping with args as a mapping', () => {
    const m = parse(
      [
        'services:',
        '  app:',
        '    build:',
        '      context: ./src',
        '      dockerfile: ${DF:-Dockerfile.windows}',
        '      target: runtime',
        '      isolation: hyperv',
        '      args:',
        '        BASE_IMAGE: mcr.microsoft.com/windows/nanoserver:${TAG}',
        '        VERSION: 1.10',
        '        FROM_ENV:',
        '        NOT_IN_ENV:',
        '        EMPTY: ""',
      ].join('\n'),
      { TAG: 'ltsc2022', FROM_ENV: 'yes' },
    )
    const b = svc(m, 'app').build!
    expect(at(b.keySpan)).toEqual([3, 5, 3, 10])
    expect(b.span.start).toEqual({ line: 4, column: 7 })
    expect(b.context?.value).toBe('./src')
    expect(val(b.dockerfile)).toEqual({ raw: '${DF:-Dockerfile.windows}', value: 'Dockerfile.windows', unresolved: [] })
    expect(at(b.dockerfile?.span)).toEqual([5, 19, 5, 44])
    expect(b.target?.value).toBe('runtime')
    expect(b.isolation?.value).toBe('hyperv')
    expect(at(b.isolation?.span)).toEqual([7, 18, 7, 24])
    expect([...b.args.keys()]).toEqual(['BASE_IMAGE', 'VERSION', 'FROM_ENV', 'NOT_IN_ENV', 'EMPTY'])
    expect(b.args.get('BASE_IMAGE')?.value).toBe('mcr.microsoft.com/windows/nanoserver:ltsc2022')
    expect(at(b.args.get('BASE_IMAGE')?.span)).toEqual([9, 21, 9, 64])
    expect(at(b.args.get('BASE_IMAGE')?.keySpan)).toEqual([9, 9, 9, 19])
    expect(val(b.args.get('VERSION'))).toEqual({ raw: '1.10', value: '1.10', unresolved: [] })
    expect(val(b.args.get('FROM_ENV'))).toEqual({ raw: '', value: 'yes', unresolved: [] })
    expect(val(b.args.get('NOT_IN_ENV'))).toEqual({ raw: '', value: undefined, unresolved: ['NOT_IN_ENV'] })
    expect(at(b.args.get('NOT_IN_ENV')?.span)).toEqual([12, 9, 12, 19])
    expect(val(b.args.get('EMPTY'))).toEqual({ raw: '', value: '', unresolved: [] })
  })

  it('reads build args as a list of K=V with spans on the key and the value', () => {
    const b = svc(
      parse(
        [
          'services:',
          '  app:',
          '    build:',
          '      context: .',
          '      args:',
          '        - BASE=mcr.microsoft.com/windows/servercore:${TAG}',
          '        - "QUOTED=a=b"',
          '        - FROM_ENV',
          '        - MISSING',
          '        - EMPTY=',
        ].join('\n'),
        { TAG: 'ltsc2025', FROM_ENV: 'x' },
      ),
      'app',
    ).build!
    expect([...b.args.keys()]).toEqual(['BASE', 'QUOTED', 'FROM_ENV', 'MISSING', 'EMPTY'])
    const base = b.args.get('BASE')
    expect(val(base)).toEqual({
      raw: 'mcr.microsoft.com/windows/servercore:${TAG}',
      value: 'mcr.microsoft.com/windows/servercore:ltsc2025',
      unresolved: [],
    })
    expect(at(base?.keySpan)).toEqual([6, 11, 6, 15])
    expect(at(base?.span)).toEqual([6, 16, 6, 59])
    expect(b.args.get('QUOTED')?.value).toBe('a=b')
    expect(at(b.args.get('QUOTED')?.span)).toEqual([7, 19, 7, 22])
    expect(val(b.args.get('FROM_ENV'))).toEqual({ raw: '', value: 'x', unresolved: [] })
    expect(val(b.args.get('MISSING'))).toEqual({ raw: '', value: undefined, unresolved: ['MISSING'] })
    expect(val(b.args.get('EMPTY'))).toEqual({ raw: '', value: '', unresolved: [] })
  })

  it('resolves anchors, aliases and merge keys; values keep the span where they are written', () => {
    const m = parse(
      [
        'x-defaults: &defaults', // 1
        '  image: mcr.microsoft.com/windows/servercore:ltsc2019', // 2
        '  isolation: process', // 3
        'x-iso: &hv hyperv', // 4
        'x-build: &build {context: ./b, args: {A: "1"}}', // 5
        'services:', // 6
        '  a:', // 7
        '    <<: *defaults', // 8
        '    isolation: *hv', // 9
        '  b:', // 10
        '    <<: *defaults', // 11
        '  c:', // 12
        '    <<: [*defaults]', // 13
        '    image: own:1', // 14
        '    build: *build', // 15
        '  x-not-a-service:', // 16
        '    image: nope', // 17
      ].join('\n'),
    )
    expect(m.services.map((s) => s.name)).toEqual(['a', 'b', 'c'])
    const a = svc(m, 'a')
    expect(a.image?.value).toBe('mcr.microsoft.com/windows/servercore:ltsc2019')
    expect(at(a.image?.span)).toEqual([2, 10, 2, 55])
    expect(at(a.image?.keySpan)).toEqual([2, 3, 2, 8])
    expect(a.isolation?.value).toBe('hyperv')
    expect(at(a.isolation?.span)).toEqual([4, 12, 4, 18])
    expect(at(a.isolation?.keySpan)).toEqual([9, 5, 9, 14])
    const b = svc(m, 'b')
    expect(b.isolation?.value).toBe('process')
    expect(at(b.isolation?.span)).toEqual([3, 14, 3, 21])
    const c = svc(m, 'c')
    expect(c.image?.value).toBe('own:1')
    expect(at(c.image?.span)).toEqual([14, 12, 14, 17])
    expect(c.isolation?.value).toBe('process')
    expect(c.build?.context?.value).toBe('./b')
    expect(at(c.build?.context?.span)).toEqual([5, 27, 5, 30])
    expect(c.build?.args.get('A')?.value).toBe('1')
  })

  it('handles CRLF line endings', () => {
    const m = parse('services:\r\n  web:\r\n    image: app:1\r\n    isolation: ${ISO}\r\n', { ISO: 'hyperv' })
    const web = svc(m, 'web')
    expect(web.image?.value).toBe('app:1')
    expect(at(web.image?.span)).toEqual([3, 12, 3, 17])
    expect(web.isolation?.value).toBe('hyperv')
    expect(at(web.isolation?.span)).toEqual([4, 16, 4, 22])
  })

  it('handles a BOM (not counted in columns) and 1-space indentation', () => {
    const m = parse('\uFEFFservices: {web: {image: app}}\n')
    expect(at(svc(m, 'web').image?.span)).toEqual([1, 25, 1, 28])
    const m2 = parse('\uFEFFversion: "2.1"\nservices:\n web:\n  image: app\n  isolation: hyperv\n')
    expect(at(svc(m2, 'web').span)).toEqual([3, 2, 3, 5])
    expect(at(svc(m2, 'web').isolation?.span)).toEqual([5, 14, 5, 20])
  })

  it('gives numbers and booleans as strings as written', () => {
    const web = svc(parse('services:\n  web:\n    image: 123\n    platform: 1.10\n    isolation: true\n'), 'web')
    expect(web.image?.value).toBe('123')
    expect(web.platform?.value).toBe('1.10')
    expect(web.isolation?.value).toBe('true')
  })

  it('gives a key without value an empty raw, no value and the key span', () => {
    const web = svc(parse('services:\n  web:\n    image: app\n    isolation:\n    platform: ~\n'), 'web')
    expect(val(web.isolation)).toEqual({ raw: '', value: undefined, unresolved: [] })
    expect(at(web.isolation?.span)).toEqual([4, 5, 4, 14])
    expect(at(web.platform?.span)).toEqual([5, 15, 5, 16])
  })

  it('returns a model with zero services and no problem when there is no services key', () => {
    const r = parseCompose('compose.yml', 'volumes:\n  data:\n', env())
    expect(r.problems).toEqual([])
    expect(r.model?.services).toEqual([])
  })

  it('reports YAML errors and shapes that are not Compose, without throwing', () => {
    const cases: [string, RegExp, number][] = [
      ['services:\n  web:\n    image: a\n    image: b\n', /unique/i, 4],
      ['services:\n  web: [unclosed\n', /./, 0],
      ['- a\n- b\n', /not a mapping/, 1],
      ['', /empty/, 1],
      ['# only a comment\n', /empty/, 1],
      ['just a string\n', /not a mapping/, 1],
      ['services:\n  - web\n', /`services` must be a mapping/, 2],
      ['services: web\n', /`services` must be a mapping/, 1],
      ['services:\n', /`services` must be a mapping/, 1],
      ['services:\n  web: nginx\n', /service `web` must be a mapping/, 2],
      ['services:\n  web:\n    image: {a: 1}\n', /`services\.web\.image` must be a string/, 3],
      ['services:\n  web:\n    build: [a]\n', /`services\.web\.build` must be a string or a mapping/, 3],
      ['services:\n  web:\n    build:\n      args: 5\n', /args` must be a mapping or a list/, 4],
      ['services:\n  web:\n    image: *nope\n', /unknown anchor `nope`/, 3],
      ['services:\n  web:\n    image: *late\nx-late: &late app\n', /unknown anchor `late`/, 3],
      ['a: 1\n---\nb: 2\n', /./, 0],
    ]
    for (const [text, message, line] of cases) {
      let r: ReturnType<typeof parseCompose> | undefined
      expect(() => (r = parseCompose('bad.yml', text, env())), text).not.toThrow()
      expect(r!.problems.length, text).toBeGreaterThan(0)
      expect(r!.problems[0]!.message, text).toMatch(message)
      expect(r!.problems[0]!.span.file).toBe('bad.yml')
      if (line > 0) expect(r!.problems[0]!.span.start.line, text).toBe(line)
    }
  })

  it('keeps the other services when one is malformed', () => {
    const r = parseCompose('c.yml', 'services:\n  bad: 1\n  good:\n    image: app\n', env())
    expect(r.problems).toHaveLength(1)
    expect(r.model?.services.map((s) => s.name)).toEqual(['good'])
  })

  it('stops an alias bomb through merge keys with a problem, quickly', () => {
    const lines = ['x-l0: &l0 {image: a}']
    for (let i = 1; i <= 9; i++) {
      lines.push(`x-l${i}: &l${i} {<<: [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]}`)
    }
    lines.push('services:', '  web:', '    <<: *l9')
    const started = Date.now()
    const r = parseCompose('bomb.yml', lines.join('\n'), env())
    expect(Date.now() - started).toBeLessThan(2000)
    expect(r.model).toBeUndefined()
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.message).toMatch(/alias/)
  })

  it('resolves many aliases in a large file quickly (alias look-ups are not a walk of the document)', () => {
    // 5,000 aliases in a document of 25,000 nodes: a document walk per alias would be 125 million visits. The time is
    // compared with the YAML parse alone so that a loaded machine does not fail the test.
    const items = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? '*a' : '*b')).join(', ')
    const data = Array(20_000).fill('1').join(', ')
    const text =
      `x-a: &a A=\${TAG}\nx-b: &b B=2\nx-data: [${data}]\n` + `services:\n  web:\n    build:\n      args: [${items}]\n`
    let started = performance.now()
    parseDocument(text, { uniqueKeys: true, strict: true })
    const yamlOnly = performance.now() - started
    started = performance.now()
    const r = parseCompose('many.yml', text, env({ TAG: 'ltsc2022' }))
    expect(performance.now() - started).toBeLessThan(4 * yamlOnly + 500)
    expect(r.problems).toEqual([])
    const args = svc(r.model!, 'web').build!.args
    expect([...args.keys()]).toEqual(['A', 'B'])
    expect(args.get('A')?.value).toBe('ltsc2022')
    expect(at(args.get('A')?.span)).toEqual([1, 11, 1, 17])
  })

  it('reads `scale` and `deploy.replicas` as written and interpolated; a null or non-scalar value is none', () => {
    const m = parse(
      [
        'x-deploy: &none',
        '  replicas: 0',
        'services:',
        '  a:',
        '    scale: 0',
        '    deploy:',
        '      mode: replicated',
        '      replicas: "2"',
        '  b:',
        '    scale: ${N}',
        '    deploy: *none',
        '  c:',
        '    scale: ${N:-0}',
        '  d:',
        '    scale:',
        '    deploy:',
        '      replicas: [1]',
        '  e:',
        '    deploy:',
      ].join('\n') + '\n',
    )
    const a = svc(m, 'a')
    expect(val(a.scale)).toEqual({ raw: '0', value: '0', unresolved: [] })
    expect(at(a.scale?.span)).toEqual([5, 12, 5, 13])
    expect(at(a.scale?.keySpan)).toEqual([5, 5, 5, 10])
    expect(val(a.replicas)).toEqual({ raw: '2', value: '2', unresolved: [] })
    expect(at(a.replicas?.span)).toEqual([8, 17, 8, 20])
    expect(val(svc(m, 'b').scale)).toEqual({ raw: '${N}', value: undefined, unresolved: ['N'] })
    // From the anchor, where it is written.
    expect(val(svc(m, 'b').replicas)).toEqual({ raw: '0', value: '0', unresolved: [] })
    expect(at(svc(m, 'b').replicas?.span)).toEqual([2, 13, 2, 14])
    expect(svc(m, 'c').scale?.value).toBe('0')
    expect(svc(m, 'd').scale).toBeUndefined()
    expect(svc(m, 'd').replicas).toBeUndefined()
    expect(svc(m, 'e').replicas).toBeUndefined()
    expect(parse('services:\n  f:\n    image: x\n').services[0]!.scale).toBeUndefined()
  })

  it('stops past the alias limit with a problem, quickly', () => {
    const text = `x-a: &a A=1\nservices:\n  web:\n    build:\n      args: [${Array(12_000).fill('*a').join(', ')}]\n`
    const started = Date.now()
    const r = parseCompose('many.yml', text, env())
    expect(Date.now() - started).toBeLessThan(2000)
    expect(r.model).toBeUndefined()
    expect(r.problems.map((p) => p.message)).toEqual(['too many alias resolutions (alias bomb?)'])
  })

  it('survives deep nesting', () => {
    const flow = (depth: number): string =>
      'services:\n  web:\n    image: app\n    labels: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n'
    expect(svc(parse(flow(50)), 'web').image?.value).toBe('app')
    let r: ReturnType<typeof parseCompose> | undefined
    expect(() => (r = parseCompose('deep.yml', flow(20_000), env()))).not.toThrow()
    expect(r!.model).toBeUndefined()
    expect(r!.problems.map((p) => p.message)).toEqual(['YAML nested too deeply'])
    expect(r!.problems[0]!.span.start.line).toBe(4)

    const merges = ['x-0: &m0 {image: deep}']
    for (let i = 1; i <= 100; i++) merges.push(`x-${i}: &m${i} {<<: *m${i - 1}}`)
    merges.push('services:', '  web:', '    <<: *m100')
    const r2 = parseCompose('deep.yml', merges.join('\n'), env())
    expect(r2.model).toBeUndefined()
    expect(r2.problems[0]!.message).toMatch(/too deeply|alias/)

    const nestedVar = 'services:\n  web:\n    image: ' + '${A:-'.repeat(2000) + 'x' + '}'.repeat(2000) + '\n'
    const r3 = parseCompose('deep.yml', nestedVar, env())
    expect(r3.problems).toEqual([])
    expect(svc(r3.model!, 'web').image?.value).toBeUndefined()
  })
})

describeCorpus('parseCompose: corpus', () => {
  const read = readCorpus
  const manifest = corpusEntries()
    .filter((e) => e.kind === 'compose')
    .map((e) => e.local)

  it('has Compose files in the manifest', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(10)
  })

  it.each(manifest)('parses %s', (rel) => {
    const r = parseCompose(rel, read(rel), env())
    expect(r.problems).toEqual([])
    expect(r.model?.services.length).toBeGreaterThan(0)
    for (const s of r.model!.services) {
      expect(s.span.file).toBe(rel)
      for (const v of [s.image, s.isolation, s.platform]) {
        if (v) expect(v.value === undefined).toBe(v.unresolved.length > 0)
      }
    }
  })

  it('resolves the Sitecore getting-started traefik service from its .env (EXPECTED case 6)', () => {
    const dir = 'files/Sitecore__docker-examples/'
    const vars = parseDotEnv(read(dir + 'getting-started__.env'))
    expect(vars.get('TRAEFIK_IMAGE')).toBe('traefik:v2.2.0-windowsservercore-1809')
    expect(vars.get('TRAEFIK_ISOLATION')).toBe('hyperv')
    expect(vars.get('SITECORE_ADMIN_PASSWORD')).toBe('')
    expect(vars.get('MEDIA_REQUEST_PROTECTION_SHARED_SECRET')).toBe(
      'HQ(NjM(u6_5koVla-cTf4ta8x1h6Sb+ZcUQrULUz-0Afpx0cx-NuMtIoQkpDFmX5',
    )
    const file = dir + 'getting-started__docker-compose.yml'
    const r = parseCompose(file, read(file), vars, dir + 'getting-started__.env')
    expect(r.problems).toEqual([])
    expect(r.model?.envFile).toBe(dir + 'getting-started__.env')
    const traefik = svc(r.model!, 'traefik')
    expect(val(traefik.image)).toEqual({
      raw: '${TRAEFIK_IMAGE}',
      value: 'traefik:v2.2.0-windowsservercore-1809',
      unresolved: [],
    })
    expect(at(traefik.image?.span)).toEqual([4, 12, 4, 28])
    expect(val(traefik.isolation)).toEqual({ raw: '${TRAEFIK_ISOLATION}', value: 'hyperv', unresolved: [] })
    expect(at(traefik.isolation?.span)).toEqual([3, 16, 3, 36])
    expect(at(traefik.span)).toEqual([2, 3, 2, 10])
    const mssql = svc(r.model!, 'mssql')
    expect(mssql.isolation?.value).toBe('default')
    expect(mssql.image?.value).toBe('scr.sitecore.com/sxp/nonproduction/mssql-developer:2017-ltsc2022')
  })

  it('resolves empty .env values and ${VERSION:-latest} in the Sitecore custom-images override', () => {
    const dir = 'files/Sitecore__docker-examples/'
    const vars = parseDotEnv(read(dir + 'custom-images__.env'))
    const file = dir + 'custom-images__docker-compose.override.yml'
    const r = parseCompose(file, read(file), vars)
    const solution = svc(r.model!, 'solution')
    expect(solution.image?.value).toBe('docker-examples-solution:latest')
    expect(at(solution.image?.span)).toEqual([5, 12, 5, 74])
    expect(solution.build?.args.get('BASE_IMAGE')?.value).toBe('mcr.microsoft.com/windows/nanoserver:1809')
    expect(svc(r.model!, 'traefik').image).toBeUndefined()
  })

  it('parses the MicrosoftDocs ASP.NET blog sample (BOM, 1-space indentation)', () => {
    const file =
      'files/MicrosoftDocs__Virtualization-Documentation/' +
      'windows-container-samples__ASP-NET-Blog-Application__docker-compose.yml'
    const text = read(file)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const r = parseCompose(file, text, env())
    expect(r.problems).toEqual([])
    expect(r.model?.services.map((s) => s.name)).toEqual(['web', 'db'])
    const web = svc(r.model!, 'web')
    expect(at(web.span)).toEqual([4, 2, 4, 5])
    expect(web.build?.context?.value).toBe('./web')
    expect(at(web.build?.context?.span)).toEqual([5, 10, 5, 15])
    expect(svc(r.model!, 'db').build?.context?.value).toBe('./db')
    expect(isComposeText(text)).toBe(true)
  })

  it('parses dockur/windows compose.yml (a Linux container, EXPECTED case 9)', () => {
    const file = 'files/dockur__windows/compose.yml'
    const r = parseCompose(file, read(file), env())
    expect(r.problems).toEqual([])
    expect(r.model?.services.map((s) => s.name)).toEqual(['windows'])
    const w = svc(r.model!, 'windows')
    expect(val(w.image)).toEqual({ raw: 'dockurr/windows', value: 'dockurr/windows', unresolved: [] })
    expect(at(w.image?.span)).toEqual([3, 12, 3, 27])
    expect(w.isolation).toBeUndefined()
    expect(w.platform).toBeUndefined()
  })

  it('parses the Sitecore PlaySummit docker-compose.yml and override (CRLF)', () => {
    const dir = 'files/Sitecore__Sitecore.Demo.XmCloud.PlaySummit/'
    const base = read(dir + 'docker-compose.yml')
    expect(base).toContain('\r\n')
    const r = parseCompose(dir + 'docker-compose.yml', base, env({ TRAEFIK_ISOLATION: 'hyperv' }))
    expect(r.problems).toEqual([])
    const traefik = svc(r.model!, 'traefik')
    expect(traefik.isolation?.value).toBe('hyperv')
    expect(at(traefik.isolation?.span)).toEqual([3, 16, 3, 36])
    expect(val(traefik.image)).toEqual({ raw: '${TRAEFIK_IMAGE}', value: undefined, unresolved: ['TRAEFIK_IMAGE'] })
    expect(at(traefik.image?.span)).toEqual([4, 12, 4, 28])

    const over = read(dir + 'docker-compose.override.yml')
    const r2 = parseCompose(dir + 'docker-compose.override.yml', over, env())
    expect(r2.problems).toEqual([])
    const nodejs = svc(r2.model!, 'nodejs')
    expect(at(nodejs.span)).toEqual([4, 3, 4, 9])
    expect(nodejs.image?.value).toBeUndefined()
    expect(nodejs.image?.unresolved).toEqual(['REGISTRY', 'COMPOSE_PROJECT_NAME', 'DEMO_VERSION'])
    expect(nodejs.build?.context?.value).toBe('./docker/build/nodejs')
    expect(at(nodejs.build?.context?.span)).toEqual([8, 16, 8, 37])
    expect(nodejs.build?.args.get('PARENT_IMAGE')?.unresolved).toEqual(['NODEJS_PARENT_IMAGE'])
    expect(svc(r2.model!, 'solution').build?.args.get('BUILD_IMAGE')?.value).toBe(
      'mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019',
    )
  })
})
