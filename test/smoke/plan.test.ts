/** The smoke planner over the whole grid: host × image × isolation (× production), and its grouping. */
import { describe, expect, test } from 'vitest'
import { span } from '../../src/core/span.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { Execution, Project } from '../../src/model/project.js'
import { parseEngine, type EngineHost } from '../../src/smoke/engine.js'
import { DEFAULT_COMMAND, planSmoke, renderPlan } from '../../src/smoke/plan.js'

const kb = loadKnowledgeBase()

function host(build: number, kind: 'server' | 'client' = 'server'): EngineHost {
  return { osType: 'windows', build, ubr: 1, kind, defaultIsolation: kind === 'server' ? 'process' : 'hyperv', operatingSystem: '', serverVersion: '29.1.5' }
}

let line = 0
function exec(image: string | undefined, isolation?: string, extra: Partial<Execution> = {}): Execution {
  const s = span('.github/workflows/ci.yml', ++line, 5, line, 20)
  return {
    kind: 'run',
    ...(image !== undefined ? { image } : {}),
    imageRaw: image ?? '${{ matrix.image }}',
    unresolved: image === undefined ? ['matrix.image'] : [],
    span: s,
    host: { info: kb.host('windows-2022')!, span: s },
    isolation: isolation !== undefined ? { value: isolation.toLowerCase(), raw: isolation } : {},
    isolationFixSpan: s,
    related: [],
    what: 'docker run',
    ...extra,
  }
}

function project(executions: Execution[]): Project {
  return { files: [], problems: [], executions, images: [], jobs: [], workflows: [], dockerfiles: [], composeFiles: [], links: [] }
}

const IMAGES = { 17763: 'mcr.microsoft.com/windows/servercore:ltsc2019', 20348: 'mcr.microsoft.com/windows/servercore:ltsc2022', 26100: 'mcr.microsoft.com/windows/servercore:ltsc2025' } as const
/** Windows Server hosts that run an image build in process isolation (Microsoft's matrix). */
const PROCESS: Record<number, number[]> = { 20348: [20348], 26100: [20348, 26100] }

type Want = 'process' | 'hyperv' | 'skip'

function expected(hostBuild: number, imageBuild: number, isolation: string | undefined, production: boolean): Want {
  if (imageBuild > hostBuild) return 'skip'
  if (isolation === 'process' || isolation === 'hyperv') return isolation
  if (isolation === 'default') return 'process'
  if (production) return 'hyperv'
  return PROCESS[hostBuild]!.includes(imageBuild) ? 'process' : 'hyperv'
}

describe('the grid: host × image × isolation × production', () => {
  const cases: [number, number, string | undefined, boolean][] = []
  for (const h of [20348, 26100]) {
    for (const i of [17763, 20348, 26100]) {
      for (const iso of [undefined, 'process', 'hyperv', 'default', 'HyperV']) for (const prod of [false, true]) cases.push([h, i, iso, prod])
    }
  }
  test.each(cases)('host %i, image %i, isolation %s, production %s', (h, i, iso, prod) => {
    const e = exec(IMAGES[i as keyof typeof IMAGES], iso, prod ? { production: { reason: 'environment production' } } : {})
    const plan = planSmoke(project([e]), kb, host(h))
    expect(plan.entries).toHaveLength(1)
    const entry = plan.entries[0]!
    const want = expected(h, i, iso?.toLowerCase(), prod)
    if (want === 'skip') {
      expect(entry.skip?.cause).toBe('newer-than-host')
      expect(entry.isolation).toBeUndefined()
    } else {
      expect(entry.skip).toBeUndefined()
      expect(entry.isolation).toBe(want)
      expect(entry.imageBuild).toBe(i)
    }
    expect(entry.command).toEqual(DEFAULT_COMMAND)
    // The probe image is the host's own build, only when a Hyper-V entry will run.
    expect(plan.probeImage).toBe(want === 'hyperv' ? `mcr.microsoft.com/windows/nanoserver:${h === 20348 ? 'ltsc2022' : 'ltsc2025'}` : undefined)
  })
})

describe('entries', () => {
  test('one entry per distinct image and isolation; every use is kept, the first one reports', () => {
    const a = exec(IMAGES[20348])
    const b = exec(IMAGES[20348])
    const c = exec(IMAGES[20348], 'hyperv')
    const plan = planSmoke(project([c, b, a]), kb, host(20348))
    expect(plan.entries.map((x) => [x.image, x.isolation, x.uses.map((u) => u.span.start.line)])).toEqual([
      [IMAGES[20348], 'process', [a.span.start.line, b.span.start.line]],
      [IMAGES[20348], 'hyperv', [c.span.start.line]],
    ])
  })

  test('an unexpanded image, an invalid isolation and a Linux image on a Windows job are skipped with the reason', () => {
    const plan = planSmoke(project([exec(undefined), exec(IMAGES[20348], 'hyper-v'), exec('ubuntu:24.04')]), kb, host(20348))
    expect(plan.entries.map((x) => x.skip?.cause)).toEqual(['unresolved-image', 'invalid-isolation', 'linux-image'])
  })

  test('a run whose image hides behind an array is skipped as unresolved, naming the array as what hides it', () => {
    const e = exec(undefined, undefined, { imageRaw: '${OPTS[@]}', unresolved: [], unknownArguments: true })
    const [entry] = planSmoke(project([e]), kb, host(20348)).entries
    expect(entry!.skip).toEqual({ cause: 'unresolved-image', reason: 'the image cannot be picked out of the arguments (${OPTS[@]} expands to any number of words)' })
  })

  test('pulls, Linux hosts and HostProcess images are not planned', () => {
    const linuxHost = { info: kb.host('ubuntu-latest')! }
    const plan = planSmoke(
      project([
        exec(IMAGES[20348], undefined, { kind: 'pull' }),
        exec(IMAGES[20348], undefined, { host: linuxHost }),
        exec('mcr.microsoft.com/oss/kubernetes/windows-host-process-containers-base-image:v1.0.0'),
      ]),
      kb,
      host(20348),
    )
    expect(plan.entries).toEqual([])
    expect(renderPlan(plan)).toContain('nothing to start')
  })

  test('an image of unknown build runs with the engine default isolation; a client host defaults to Hyper-V', () => {
    expect(planSmoke(project([exec('contoso/app:1.0')]), kb, host(20348)).entries[0]!.isolation).toBe('process')
    expect(planSmoke(project([exec('contoso/app:1.0')]), kb, host(26100, 'client')).entries[0]!.isolation).toBe('hyperv')
  })

  test('a Dockerfile a workflow builds is one entry over its stages: built with Hyper-V when a stage needs it', () => {
    const build = { dockerfile: 'src/api/Dockerfile', context: '.', args: { V: '1' } }
    const s1 = exec(IMAGES[17763], undefined, { kind: 'build', build, what: "build stage 'build' (RUN)" })
    const s2 = exec(IMAGES[20348], undefined, { kind: 'build', build, what: 'build stage 2 (RUN)' })
    const plan = planSmoke(project([s1, s2]), kb, host(20348))
    expect(plan.entries).toHaveLength(1)
    expect(plan.entries[0]).toMatchObject({ build, isolation: 'hyperv', image: `${IMAGES[17763]}, ${IMAGES[20348]}` })
    const newer = planSmoke(project([s2, exec(IMAGES[26100], undefined, { kind: 'build', build, what: 'x' })]), kb, host(20348))
    expect(newer.entries[0]!.skip?.cause).toBe('newer-than-host')
  })

  test('a command given for an image replaces cmd /c ver', () => {
    const plan = planSmoke(project([exec(IMAGES[20348])]), kb, host(20348), { commands: new Map([[IMAGES[20348], ['powershell', '-c', 'exit 0']]]) })
    expect(plan.entries[0]!.command).toEqual(['powershell', '-c', 'exit 0'])
  })
})

describe('engine facts', () => {
  const info2022 = JSON.stringify({ OSType: 'windows', OperatingSystem: 'Microsoft Windows Server Version 21H2 (OS Build 20348.2582)', KernelVersion: '10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)', Isolation: 'process', ServerVersion: '29.1.5' })
  const info2025 = JSON.stringify({ OSType: 'windows', OperatingSystem: 'Microsoft Windows Server Version 24H2 (OS Build 26100.4946)', KernelVersion: '10.0 26100 (26100.1.amd64fre.ge_release.240331-1435)', Isolation: 'process', ServerVersion: '29.1.5' })

  test('Windows Server 2022 and 2025: build, revision, kind, default isolation, server version', () => {
    expect(parseEngine(info2022, JSON.stringify({ Server: { Version: '29.1.6' } }))).toEqual({
      ok: true,
      host: { osType: 'windows', build: 20348, ubr: 2582, kind: 'server', defaultIsolation: 'process', operatingSystem: 'Microsoft Windows Server Version 21H2 (OS Build 20348.2582)', serverVersion: '29.1.6' },
    })
    expect(parseEngine(info2025)).toMatchObject({ ok: true, host: { build: 26100, ubr: 4946, kind: 'server' } })
  })

  test('the kernel version alone gives the build; a Windows 11 engine is a client defaulting to Hyper-V', () => {
    expect(parseEngine(JSON.stringify({ OSType: 'windows', KernelVersion: '10.0 20348 (20348.1.amd64fre)' }))).toMatchObject({ ok: true, host: { build: 20348, kind: 'server' } })
    expect(parseEngine(JSON.stringify({ OSType: 'windows', OperatingSystem: 'Windows 11 Pro Version 24H2 (OS Build 26100.2894)', Isolation: 'hyperv' }))).toMatchObject({
      ok: true,
      host: { build: 26100, kind: 'client', defaultIsolation: 'hyperv' },
    })
  })

  test('a Linux engine, no build, or garbage is a reason to skip', () => {
    const reason = (info: string): string => {
      const p = parseEngine(info)
      return p.ok ? 'ok' : p.reason
    }
    expect(reason(JSON.stringify({ OSType: 'linux' }))).toContain('linux containers, not Windows')
    expect(reason(JSON.stringify({ OSType: 'windows' }))).toContain('build of the engine')
    expect(reason('garbage')).toContain('not JSON')
  })
})
