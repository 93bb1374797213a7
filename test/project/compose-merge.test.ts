import { describe, expect, test } from 'vitest'
import { parseCompose } from '../../src/parsers/compose.js'
import { mergeCompose, parseCount, resolveExtends, serviceScale, standaloneComposeGroups } from '../../src/project/compose-merge.js'

const model = (file: string, text: string) => parseCompose(file, text, new Map()).model!
/** No file is read by a command. */
const none = () => false

describe('Compose merge', () => {
  test('scalars are replaced by the later file, build mappings merged key by key, each value keeps its span', () => {
    const base = model('compose.yaml', [
      'services:',
      '  web:',
      '    image: app:ltsc2022',
      '    build: ./web',
      '    isolation: process',
      '  db:',
      '    image: db:1',
    ].join('\n'))
    const prod = model('deploy/compose.prod.yml', [
      'services:',
      '  web:',
      '    image: app:ltsc2019',
      '    build:',
      '      dockerfile: Dockerfile.win',
      '      args:',
      '        TAG: ltsc2019',
      '  cache:',
      '    image: cache:2',
    ].join('\n'))
    const merged = mergeCompose([base, prod])
    expect(merged.file).toBe('compose.yaml')
    expect(merged.services.map((s) => s.name)).toEqual(['web', 'db', 'cache'])
    const web = merged.services[0]!
    expect(web.image?.value).toBe('app:ltsc2019')
    expect(`${web.image!.span.file}:${web.image!.span.start.line}`).toBe('deploy/compose.prod.yml:3')
    expect(`${web.isolation!.span.file}:${web.isolation!.span.start.line}`).toBe('compose.yaml:5')
    expect(web.build?.context?.value).toBe('./web')
    expect(web.build?.dockerfile?.value).toBe('Dockerfile.win')
    expect(web.build?.args.get('TAG')?.value).toBe('ltsc2019')
    // A key that is missing goes into the last file that mentions the service.
    expect(`${web.span.file}:${web.span.start.line}`).toBe('deploy/compose.prod.yml:2')
    expect(merged.services[1]!.span.file).toBe('compose.yaml')
  })

  test('volumes merge by target (the later mount of a path wins, the rest are kept); profiles are appended', () => {
    const base = model('compose.yaml', [
      'services:',
      '  proxy:',
      '    image: traefik:v3',
      '    profiles: [dev]',
      '    volumes:',
      '      - source: \\\\.\\pipe\\docker_engine',
      '        target: \\\\.\\pipe\\docker_engine',
      '        type: npipe',
      '      - C:\\data:C:\\data:ro',
      '      - ./logs:C:\\logs',
    ].join('\n'))
    const override = model('compose.override.yml', [
      'services:',
      '  proxy:',
      '    profiles: [ci]',
      '    volumes:',
      '      - D:\\data:C:\\data',
    ].join('\n'))
    const proxy = mergeCompose([base, override]).services[0]!
    expect(proxy.mounts?.map((m) => `${m.source} -> ${m.target} ${m.span.file}:${m.span.start.line}`)).toEqual([
      '\\\\.\\pipe\\docker_engine -> \\\\.\\pipe\\docker_engine compose.yaml:6',
      './logs -> C:\\logs compose.yaml:10',
      'D:\\data -> C:\\data compose.override.yml:5',
    ])
    expect(proxy.profiles).toEqual(['dev', 'ci'])
  })

  test('`scale` and `deploy.replicas` are replaced by the later file, and inherited through `extends`', () => {
    const base = model('compose.yaml', [
      'services:',
      '  builder:',
      '    image: sdk:1',
      '    scale: 0',
      '  tools:',
      '    image: tools:1',
      '    deploy:',
      '      replicas: 0',
      '  web:',
      '    image: web:1',
      '    scale: 0',
      '  job:',
      '    extends: builder',
    ].join('\n'))
    const override = model('compose.override.yml', [
      'services:',
      '  builder:',
      '    isolation: hyperv',
      '  tools:',
      '    deploy:',
      '      resources: {}',
      '  web:',
      '    scale: 2',
    ].join('\n'))
    const merged = mergeCompose([resolveExtends(base, () => undefined), override])
    const count = (name: string): number | undefined => serviceScale(merged.services.find((s) => s.name === name)!)
    expect(count('builder')).toBe(0)
    expect(merged.services[0]!.scale?.span.file).toBe('compose.yaml')
    expect(count('tools')).toBe(0)
    expect(count('web')).toBe(2)
    expect(merged.services.find((s) => s.name === 'web')!.scale?.span.file).toBe('compose.override.yml')
    expect(count('job')).toBe(0)
  })

  test('the count of a service: `scale`, else `deploy.replicas`, else 1; unknown when it cannot be known', () => {
    const count = (lines: string[], vars: Record<string, string> = {}): number | undefined =>
      serviceScale(parseCompose('compose.yaml', ['services:', '  s:', '    image: x', ...lines].join('\n'), new Map(Object.entries(vars))).model!.services[0]!)
    expect(count([])).toBe(1)
    expect(count(['    scale: 0'])).toBe(0)
    expect(count(['    scale: "0"'])).toBe(0)
    expect(count(['    scale: 3'])).toBe(3)
    expect(count(['    deploy:', '      replicas: 0'])).toBe(0)
    expect(count(['    scale: 0', '    deploy:', '      replicas: 0'])).toBe(0)
    // Compose refuses a service whose two counts differ.
    expect(count(['    scale: 0', '    deploy:', '      replicas: 1'])).toBeUndefined()
    expect(count(['    scale: ${N}'])).toBeUndefined()
    expect(count(['    scale: ${N}'], { N: '0' })).toBe(0)
    expect(count(['    deploy:', '      replicas: ${N:-0}'])).toBe(0)
    expect(count(['    scale: none'])).toBeUndefined()
    expect(count(['    scale: 0.5'])).toBeUndefined()
  })

  test('counts are read as Compose reads them (Go strconv.Atoi)', () => {
    expect(['0', '+0', '-0', '00', '2', '+2', '007'].map(parseCount)).toEqual([0, 0, 0, 0, 2, 2, 7])
    expect(['', ' 0', '0x0', '1e2', 'one', '1.0', undefined].map(parseCount)).toEqual(Array(7).fill(undefined))
  })

  test('one file is returned as it is', () => {
    const only = model('compose.yaml', 'services:\n  a:\n    image: x\n')
    expect(mergeCompose([only])).toBe(only)
  })

  test('files no workflow starts: default + override, production overrides over their base, the rest alone', () => {
    expect(
      standaloneComposeGroups([
        'compose.yaml',
        'compose.override.yml',
        'compose.prod.yml',
        'other.yml',
        'sub/docker-compose.yml',
        'sub/docker-compose.production.yaml',
        'lonely/compose.override.yaml',
      ], none),
    ).toEqual([
      ['compose.yaml', 'compose.override.yml'],
      ['compose.yaml', 'compose.prod.yml'],
      ['other.yml'],
      ['sub/docker-compose.yml'],
      ['sub/docker-compose.yml', 'sub/docker-compose.production.yaml'],
      ['lonely/compose.override.yaml'],
    ])
  })

  test('files no workflow starts: <name>.override.yml merged over its <name>.yml or .yaml, else alone', () => {
    expect(
      standaloneComposeGroups([
        'custom/docker-compose.xm1.override.yml',
        'custom/docker-compose.xm1.yml',
        'custom/docker-compose.xp1.override.yml',
        'custom/docker-compose.xp1.yaml',
        'custom/docker-compose.yml',
        'custom/docker-compose.override.yml',
        'both/a.override.yaml',
        'both/a.yaml',
        'both/a.yml',
        'case/Compose.Dev.override.yml',
        'case/Compose.Dev.yml',
        'case/stack.override.yml',
        'case/Stack.yml',
        'chain/a.override.override.yml',
        'chain/a.override.yml',
        'chain/a.yml',
        'orphan/docker-compose.xm1.override.yml',
      ], none),
    ).toEqual([
      ['custom/docker-compose.yml', 'custom/docker-compose.override.yml'],
      ['custom/docker-compose.xm1.yml', 'custom/docker-compose.xm1.override.yml'],
      ['custom/docker-compose.xp1.yaml', 'custom/docker-compose.xp1.override.yml'],
      // The override's own extension first.
      ['both/a.yaml', 'both/a.override.yaml'],
      ['both/a.yml'],
      // Names as on disk: `Stack.yml` is no base of `stack.override.yml`.
      ['case/Compose.Dev.yml', 'case/Compose.Dev.override.yml'],
      ['case/stack.override.yml'],
      ['case/Stack.yml'],
      ['chain/a.yml', 'chain/a.override.yml'],
      ['chain/a.override.override.yml'],
      ['orphan/docker-compose.xm1.override.yml'],
    ])
  })

  test('a file a command reads forms no named pair: the other is checked alone, as before', () => {
    const files = ['x.yml', 'x.override.yml', 'y.yml', 'y.override.yml']
    expect(standaloneComposeGroups(files, (f) => f === 'x.yml' || f === 'y.override.yml')).toEqual([
      ['x.yml'],
      ['x.override.yml'],
      ['y.yml'],
      ['y.override.yml'],
    ])
  })
})
