import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { algorithmAllows } from '../../src/kb/compatibility.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { HostKind, Isolation, Verdict } from '../../src/kb/types.js'

const kb = loadKnowledgeBase()
type Want = Verdict['kind']

describe('compatibility', () => {
  // [what, host build, host kind, image build, process verdict, hyperv verdict]
  const cells: [string, number, HostKind, number, Want, Want][] = [
    ['WS2025 host runs ltsc2022 in process isolation', 26100, 'server', 20348, 'ok', 'ok'],
    ['WS2025 host runs ltsc2025', 26100, 'server', 26100, 'ok', 'ok'],
    ['WS2025 host needs Hyper-V for ltsc2019', 26100, 'server', 17763, 'needs-hyperv', 'ok'],
    ['WS2025 host needs Hyper-V for ltsc2016', 26100, 'server', 14393, 'needs-hyperv', 'ok'],
    ['WS2022 host needs Hyper-V for ltsc2019', 20348, 'server', 17763, 'needs-hyperv', 'ok'],
    ['WS2022 host runs ltsc2022', 20348, 'server', 20348, 'ok', 'ok'],
    ['WS2022 host never runs ltsc2025', 20348, 'server', 26100, 'newer-than-host', 'newer-than-host'],
    ['WS2019 host never runs ltsc2022', 17763, 'server', 20348, 'newer-than-host', 'newer-than-host'],
    ['WS2019 host runs ltsc2019', 17763, 'server', 17763, 'ok', 'ok'],
    ['WS2016 host runs ltsc2016', 14393, 'server', 14393, 'ok', 'ok'],
    ['WS2019 host needs Hyper-V for ltsc2016', 17763, 'server', 14393, 'needs-hyperv', 'ok'],
    ['WS 23H2 host runs ltsc2022 (portability)', 25398, 'server', 20348, 'ok', 'ok'],
    ['Windows 11 22H2 client runs ltsc2022 in process isolation', 22621, 'client', 20348, 'ok', 'ok'],
    ['26200 server host (not in the table): algorithm rejects ltsc2022', 26200, 'server', 20348, 'needs-hyperv', 'ok'],
    ['26200 server host (not in the table): algorithm accepts ltsc2025', 26200, 'server', 26100, 'ok', 'ok'],
    ['WS2022 host needs Hyper-V for a 1909 image', 20348, 'server', 18363, 'needs-hyperv', 'ok'],
    ['WS2019 host never runs a 1909 image', 17763, 'server', 18363, 'newer-than-host', 'newer-than-host'],
    ['1909 host runs only 1909 in process isolation', 18363, 'server', 18362, 'needs-hyperv', 'ok'],
    ['Windows 10 22H2 has no matching image', 19045, 'client', 17763, 'needs-hyperv', 'ok'],
    ['Windows 10 1809 client: process isolation dev/test only counts', 17763, 'client', 17763, 'ok', 'ok'],
    ['Windows 10 1607 client: Hyper-V only', 14393, 'client', 14393, 'needs-hyperv', 'ok'],
    ['Windows 11 25H2 client (table) runs ltsc2022', 26200, 'client', 20348, 'ok', 'ok'],
    ['Windows 11 24H2 client runs ltsc2025', 26100, 'client', 26100, 'ok', 'ok'],
    ['unknown future server host takes 26100..host', 30000, 'server', 26100, 'ok', 'ok'],
    ['unknown future server host rejects ltsc2022', 30000, 'server', 20348, 'needs-hyperv', 'ok'],
    ['unknown old server host needs the exact build', 15063, 'server', 15063, 'ok', 'ok'],
    ['unknown old server host rejects an older build', 15063, 'server', 14393, 'needs-hyperv', 'ok'],
  ]

  it.each(cells)('%s', (_what, host, kind, image, process, hyperv) => {
    expect(kb.compatibility(host, kind, image, 'process').kind).toBe(process)
    expect(kb.compatibility(host, kind, image, 'hyperv').kind).toBe(hyperv)
  })
})

describe('product "done when" cells', () => {
  const run = (label: string, ref: string, isolation: Isolation): Want => {
    const host = kb.host(label)
    const image = kb.image(ref)
    if (host?.build === undefined || image.builds?.length !== 1) throw new Error(`fixture not resolved: ${label} ${ref}`)
    return kb.compatibility(host.build, host.kind, image.builds[0]!, isolation).kind
  }

  it('ltsc2022 on windows-2025 in process isolation is ok', () => {
    expect(run('windows-2025', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'process')).toBe('ok')
  })

  it('ltsc2019 on windows-2022 in process isolation is not (needs Hyper-V)', () => {
    expect(run('windows-2022', 'mcr.microsoft.com/windows/servercore:ltsc2019', 'process')).toBe('needs-hyperv')
    expect(run('windows-2022', 'mcr.microsoft.com/windows/servercore:ltsc2019', 'hyperv')).toBe('ok')
  })

  it('ltsc2025 on windows-2022 never runs', () => {
    expect(run('windows-2022', 'mcr.microsoft.com/windows/servercore:ltsc2025', 'process')).toBe('newer-than-host')
    expect(run('windows-2022', 'mcr.microsoft.com/windows/servercore:ltsc2025', 'hyperv')).toBe('newer-than-host')
  })
})

describe('algorithmAllows (hcsshim CheckHostAndContainerCompat)', () => {
  const algorithm = { ltsc: [20348, 26100], threshold: 20348 }
  // [host, allowed image builds, rejected image builds]
  const rows: [number, number[], number[]][] = [
    [17763, [17763], [14393, 18363]],
    [20348, [20348], [17763, 19042]],
    [22621, [20348, 22000, 22621], [17763, 19045]],
    [25398, [20348, 25398], [17763]],
    [26100, [20348, 26100], [17763, 14393]],
    [26200, [26100, 26200], [20348, 25398]],
  ]
  it.each(rows)('host %i', (host, allowed, rejected) => {
    for (const image of allowed) expect(algorithmAllows(algorithm, host, image), `image ${image}`).toBe(true)
    for (const image of rejected) expect(algorithmAllows(algorithm, host, image), `image ${image}`).toBe(false)
  })
})

describe('pickBuild', () => {
  const rows: [string, number[], number, number | undefined][] = [
    ['prefers the host build', [26100, 20348], 20348, 20348],
    ['prefers the host build listed first', [26100, 20348], 26100, 26100],
    ['prefers the host build over list order', [17763, 20348], 20348, 20348],
    ['prefers the host build in the middle of the list', [14393, 17763, 20348], 17763, 17763],
    ['nothing older than the host', [26100, 20348], 17763, undefined],
    ['first older build in list order', [17763, 14393], 20348, 17763],
    ['first older build in list order (.NET 6 on Windows 11 22H2)', [17763, 20348], 22621, 17763],
    ['drops newer builds before choosing', [26100, 17763], 20348, 17763],
    ['empty list', [], 20348, undefined],
  ]
  it.each(rows)('%s', (_what, candidates, host, want) => {
    expect(kb.pickBuild(candidates, host)).toBe(want)
  })
})

describe('defaultIsolation', () => {
  it('is process on Windows Server and hyperv on Windows 10/11', () => {
    expect(kb.defaultIsolation('server')).toBe('process')
    expect(kb.defaultIsolation('client')).toBe('hyperv')
  })
})

describe('buildInfo', () => {
  const rows: [number, string, string, string | undefined][] = [
    [26100, 'ltsc2025', 'Windows Server 2025', undefined],
    [20348, 'ltsc2022', 'Windows Server 2022', undefined],
    [17763, 'ltsc2019', 'Windows Server 2019', undefined],
    [14393, 'ltsc2016', 'Windows Server 2016', undefined],
    [16299, '1709', 'Windows Server, version 1709', '2019-04-09'],
    [17134, '1803', 'Windows Server, version 1803', '2019-11-12'],
    [18362, '1903', 'Windows Server, version 1903', '2020-12-08'],
    [18363, '1909', 'Windows Server, version 1909', '2021-05-11'],
    [19041, '2004', 'Windows Server, version 2004', '2021-12-14'],
    [19042, '20H2', 'Windows Server, version 20H2', '2022-08-09'],
    [25398, '23H2', 'Windows Server, version 23H2', undefined],
    [26200, 'win11-25H2', 'Windows 11, version 25H2', undefined],
  ]
  it.each(rows)('%i', (build, name, title, endOfLife) => {
    const info = kb.buildInfo(build)
    expect(info).toMatchObject({ build, name, title })
    expect(info?.endOfLife).toBe(endOfLife)
  })

  it('is undefined for unknown builds', () => {
    expect(kb.buildInfo(12345)).toBeUndefined()
  })
})

describe('matchingTag', () => {
  const rows: [number, HostKind, string | undefined][] = [
    [26100, 'server', 'ltsc2025'],
    [20348, 'server', 'ltsc2022'],
    [17763, 'server', 'ltsc2019'],
    [14393, 'server', 'ltsc2016'],
    [18363, 'server', '1909'],
    [25398, 'server', 'ltsc2022'],
    [30000, 'server', 'ltsc2025'],
    [15063, 'server', undefined],
    [22621, 'client', 'ltsc2022'],
    [26100, 'client', 'ltsc2025'],
    [17763, 'client', 'ltsc2019'],
    [19045, 'client', undefined],
  ]
  it.each(rows)('%i %s', (host, kind, want) => {
    expect(kb.matchingTag(host, kind)).toBe(want)
  })
})

describe('Windows Server 23H2 (25398): the Hyper-V data and the verdict agree, marked unverified', () => {
  const raw = JSON.parse(readFileSync(new URL('../../rules/windows-knowledge.json', import.meta.url), 'utf8')) as {
    hostMatrix: { server: Record<string, { hyperv: number[]; process: number[]; confirmed?: boolean }> }
    kubernetes: { aks: Record<string, { retired?: string; retires?: string; source: string; verified: string }> }
  }
  const row = raw.hostMatrix.server['25398']!

  it('lists under Hyper-V exactly the LTSC builds the verdict lets run there', () => {
    for (const build of [14393, 17763, 20348]) {
      expect(row.hyperv).toContain(build)
      expect(kb.compatibility(25398, 'server', build, 'hyperv')).toEqual({ kind: 'ok' })
    }
    expect(row.confirmed).toBe(false)
  })

  it('runs only ltsc2022 in process isolation, and says the Hyper-V way out is unverified', () => {
    expect(kb.compatibility(25398, 'server', 20348, 'process')).toEqual({ kind: 'ok' })
    expect(kb.compatibility(25398, 'server', 17763, 'process')).toEqual({ kind: 'needs-hyperv', hypervUnverified: true })
    expect(kb.compatibility(20348, 'server', 17763, 'process')).toEqual({ kind: 'needs-hyperv' })
  })

  it('records the AKS retirement dates with their sources for the Kubernetes rules', () => {
    const aks = raw.kubernetes.aks
    expect(aks.annualChannel).toMatchObject({ retired: '2026-05-15' })
    expect(aks.windows2019).toMatchObject({ retired: '2026-03-01' })
    expect(aks.windows2022).toMatchObject({ retires: '2027-03-15' })
    for (const entry of Object.values(aks)) expect(entry.source.length).toBeGreaterThan(8)
  })
})
