import { describe, expect, it } from 'vitest'
import { parseBuildLabel } from '../../src/kb/hosts.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { HostInfo } from '../../src/kb/types.js'

const kb = loadKnowledgeBase()

describe('host: runner labels and builds', () => {
  // [label, expected subset of HostInfo]
  const rows: [string, Partial<HostInfo>][] = [
    ['windows-latest', { os: 'windows', build: 26100, kind: 'server', docker: true }],
    ['WINDOWS-LATEST', { os: 'windows', build: 26100, label: 'WINDOWS-LATEST' }],
    ['windows-2025', { os: 'windows', build: 26100, kind: 'server', docker: true }],
    ['windows-2025-vs2026', { os: 'windows', build: 26100, kind: 'server', docker: true }],
    ['windows-2022', { os: 'windows', build: 20348, kind: 'server', docker: true }],
    ['Windows-2022', { os: 'windows', build: 20348 }],
    ['windows-2019', { os: 'windows', build: 17763, kind: 'server' }],
    ['windows-2016', { os: 'windows', build: 14393, kind: 'server' }],
    ['windows-11-arm', { os: 'windows', build: 26200, kind: 'client', docker: false }],
    ['windows-11-vs2026-arm', { os: 'windows', build: 26200, kind: 'client', docker: false }],
    ['saas-windows-medium-amd64', { os: 'windows', build: 20348, kind: 'server' }],
    ['ubuntu-latest', { os: 'linux', docker: false }],
    ['ubuntu-24.04', { os: 'linux', docker: false }],
    ['ubuntu-22.04-arm', { os: 'linux', docker: false }],
    ['macos-14', { os: 'macos', docker: false }],
    ['macOS-latest', { os: 'macos', docker: false }],
    ['10.0.26100', { os: 'windows', build: 26100, kind: 'server', docker: true }],
    ['10.0.26100.1234', { os: 'windows', build: 26100, ubr: 1234, kind: 'server' }],
    ['26100', { os: 'windows', build: 26100, kind: 'server' }],
    ['20348', { os: 'windows', build: 20348, kind: 'server' }],
    ['17763', { os: 'windows', build: 17763, kind: 'server' }],
    ['25398', { os: 'windows', build: 25398, kind: 'server' }],
    ['19045', { os: 'windows', build: 19045, kind: 'client' }],
    ['10.0.22621', { os: 'windows', build: 22621, kind: 'client' }],
    ['26200', { os: 'windows', build: 26200, kind: 'client' }],
    // Windows 11 25H2 (26200) and newer unlisted builds are client hosts (no Server release after 26100 is known).
    ['10.0.26220', { os: 'windows', build: 26220, kind: 'client' }],
    ['31000', { os: 'windows', build: 31000, kind: 'client' }],
    ['26000', { os: 'windows', build: 26000, kind: 'server' }],
    ['windows-11-arm', { os: 'windows', build: 26200, kind: 'client', docker: false }],
    ['windows-2025-vs2026', { os: 'windows', build: 26100, kind: 'server', docker: true }],
  ]
  it.each(rows)('%s', (label, want) => {
    const host = kb.host(label)
    expect(host).toMatchObject({ label, ...want })
  })

  it.each(['ubuntu-latest', 'macos-14'])('%s has no Windows build', (label) => {
    expect(kb.host(label)?.build).toBeUndefined()
  })

  it.each(['self-hosted', 'my-pool', 'windows', 'linux', 'x64', '', '  ', 'windows-2030', '1234', '10.0.1', '10.0.26100.x'])(
    'unknown label %j → undefined',
    (label) => {
      expect(kb.host(label)).toBeUndefined()
    },
  )

  it('marks windows-latest as floating with its history', () => {
    const host = kb.host('windows-latest')
    expect(host?.floating).toMatchObject({ resolvesTo: 'windows-2025', previous: [{ label: 'windows-2022', build: 20348 }] })
    expect(host?.floating?.history).toContain('windows-2022')
    expect(host?.floating?.history).toContain('20348')
    expect(host?.floating?.source).toMatch(/runner-images/)
    expect(kb.host('windows-2022')?.floating).toBeUndefined()
  })

  it.each([
    ['windows-2019', '2025-06-30'],
    ['windows-2016', '2022-04-01'],
  ])('marks %s as retired on %s', (label, on) => {
    expect(kb.host(label)?.retired).toMatchObject({ on, source: expect.stringMatching(/runner-images/) as unknown })
  })

  // Azure Pipelines kept its windows-2019 image six months longer than GitHub (hosted-lifecycle.md).
  it.each([
    ['windows-2019', '2025-12-31'],
    ['vs2017-win2016', '2022-07-31'],
    ['win1803', '2020-03-23'],
  ])('marks Azure Pipelines %s as retired on %s', (label, on) => {
    expect(kb.host(label, 'azurePipelines')?.retired).toMatchObject({ on })
  })

  it.each(['windows-2025', 'windows-2022', 'windows-latest', '26100'])('%s is not retired', (label) => {
    expect(kb.host(label)?.retired).toBeUndefined()
  })

  it('cites a source for bundled labels', () => {
    expect(kb.host('windows-2022')?.source).toMatch(/actions\/runner-images/)
    expect(kb.host('ubuntu-latest')?.source).toBeTruthy()
  })
})

describe('host: configured runner labels', () => {
  const ext = loadKnowledgeBase({
    runners: {
      'my-pool': { build: 20348 },
      'Win11-Box': { build: 22631 },
      'hyperv-host': { build: 26100, kind: 'client' },
      'linux-box': { os: 'linux' },
      'mystery-windows': { os: 'windows' },
      'windows-2022': { build: 26100 },
    },
  })

  const rows: [string, Partial<HostInfo>][] = [
    ['my-pool', { os: 'windows', build: 20348, kind: 'server', docker: true, source: 'isolint configuration (runners)' }],
    ['MY-POOL', { os: 'windows', build: 20348 }],
    ['win11-box', { os: 'windows', build: 22631, kind: 'client' }],
    ['hyperv-host', { os: 'windows', build: 26100, kind: 'client' }],
    ['linux-box', { os: 'linux', kind: 'server', docker: false }],
    ['mystery-windows', { os: 'windows', kind: 'server', docker: true }],
    ['windows-2022', { os: 'windows', build: 26100 }],
    ['windows-2025', { os: 'windows', build: 26100 }],
  ]
  it.each(rows)('%s', (label, want) => {
    expect(ext.host(label)).toMatchObject({ label, ...want })
  })

  it('leaves unset fields undefined', () => {
    expect(ext.host('linux-box')?.build).toBeUndefined()
    expect(ext.host('mystery-windows')?.build).toBeUndefined()
  })

  it('gives every host the same fields in the same order, set or undefined (one object shape for the linker and rules)', () => {
    const labels = ['my-pool', 'linux-box', 'windows-2022', 'windows-2019', 'windows-latest', 'ubuntu-latest', '10.0.26100.1234', '20348', 'macos-14']
    const keys = labels.map((l) => Object.keys(ext.host(l) ?? { missing: l }))
    for (const k of keys) expect(k).toEqual(keys[0])
    expect(keys[0]).toEqual(['label', 'os', 'build', 'ubr', 'kind', 'docker', 'retired', 'floating', 'source', 'provider'])
    expect(ext.host('10.0.26100.1234')).toMatchObject({ build: 26100, ubr: 1234, os: 'windows', docker: true })
  })

  it('does not leak into other knowledge-base instances', () => {
    expect(loadKnowledgeBase().host('my-pool')).toBeUndefined()
    expect(loadKnowledgeBase().host('windows-2022')?.build).toBe(20348)
  })
})

describe('parseBuildLabel', () => {
  const rows: [string, ReturnType<typeof parseBuildLabel>][] = [
    ['10.0.17763', { build: 17763 }],
    ['10.0.17763.437', { build: 17763, ubr: 437 }],
    [' 20348 ', { build: 20348 }],
    ['10.0.2034', undefined],
    ['6.3.9600', undefined],
    ['windows-2022', undefined],
  ]
  it.each(rows)('%j', (label, want) => {
    expect(parseBuildLabel(label)).toEqual(want)
  })
})
