import { describe, expect, it } from 'vitest'
import { span } from '../../src/core/span.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { Execution, HostRef, ImageUse, Project } from '../../src/model/project.js'
import { evaluate } from '../../src/rules/evaluate.js'
import { buildModelIndex } from '../../src/rules/model-index.js'

const kb = loadKnowledgeBase()
const host2022: HostRef = { info: kb.host('windows-2022')!, job: { file: 'w.yml', id: 'build' } }
const at = span('w.yml', 1, 1, 1, 2)

function execution(image: string | undefined, host: HostRef | undefined, isolation?: string): Execution {
  const e: Execution = {
    kind: 'run',
    ...(image !== undefined ? { image } : {}),
    imageRaw: image ?? '${IMAGE}',
    unresolved: [],
    span: at,
    ...(host ? { host } : {}),
    isolation: isolation !== undefined ? { value: isolation, raw: isolation } : {},
    isolationFixSpan: at,
    related: [],
    what: 'docker run',
  }
  return e
}

function project(executions: Execution[], images: ImageUse[] = []): Project {
  return { files: [], problems: [], executions, images, jobs: [], workflows: [], dockerfiles: [], composeFiles: [], links: [] }
}

describe('buildModelIndex', () => {
  it('classifies and evaluates every execution as evaluate() does, in model order', () => {
    const executions = [
      execution('mcr.microsoft.com/windows/servercore:ltsc2019', host2022),
      execution('mcr.microsoft.com/windows/servercore:ltsc2019', host2022, 'hyperv'),
      execution('mcr.microsoft.com/windows/servercore:ltsc2025', host2022),
      execution('nginx:1.27', host2022),
      execution(undefined, host2022),
      execution('mcr.microsoft.com/windows/servercore:ltsc2022', undefined),
    ]
    const index = buildModelIndex(project(executions), kb)
    expect(index.executions.map((x) => x.e)).toEqual(executions)
    expect(index.executions.map((x) => x.ev?.verdict.kind)).toEqual(['needs-hyperv', 'ok', 'newer-than-host', undefined, undefined, undefined])
    expect(index.executions.map((x) => x.image?.os)).toEqual(['windows', 'windows', 'windows', 'linux', undefined, 'windows'])
    for (const x of index.executions) expect(x.ev).toEqual(evaluate(x.e, loadKnowledgeBase()))
  })
  it('gives every host, image and isolation its own verdict, whatever the order (Microsoft matrix, written out)', () => {
    const host2025: HostRef = { info: kb.host('windows-2025')!, job: { file: 'w.yml', id: 'build' } }
    // [host, tag, isolation (undefined = the default, process on Windows Server), verdict]
    const grid: [HostRef, string, string | undefined, string][] = [
      [host2022, 'ltsc2019', undefined, 'needs-hyperv'],
      [host2022, 'ltsc2019', 'process', 'needs-hyperv'],
      [host2022, 'ltsc2019', 'hyperv', 'ok'],
      [host2022, 'ltsc2022', undefined, 'ok'],
      [host2022, 'ltsc2022', 'hyperv', 'ok'],
      [host2022, 'ltsc2025', undefined, 'newer-than-host'],
      [host2022, 'ltsc2025', 'hyperv', 'newer-than-host'],
      [host2025, 'ltsc2019', undefined, 'needs-hyperv'],
      [host2025, 'ltsc2019', 'hyperv', 'ok'],
      [host2025, 'ltsc2022', undefined, 'ok'],
      [host2025, 'ltsc2022', 'process', 'ok'],
      [host2025, 'ltsc2025', undefined, 'ok'],
      [host2025, 'ltsc2025', 'hyperv', 'ok'],
    ]
    const run = (rows: typeof grid): (string | undefined)[] =>
      buildModelIndex(project(rows.map(([h, tag, iso]) => execution(`mcr.microsoft.com/windows/servercore:${tag}`, h, iso))), kb).executions.map(
        (x) => x.ev?.verdict.kind,
      )
    expect(run(grid)).toEqual(grid.map((g) => g[3]))
    const reversed = [...grid].reverse()
    expect(run(reversed)).toEqual(reversed.map((g) => g[3]))
  })

  it('shares one evaluation between executions of the same image, host and isolation', () => {
    const a = execution('mcr.microsoft.com/windows/servercore:ltsc2019', host2022)
    const b = execution('mcr.microsoft.com/windows/servercore:ltsc2019', host2022)
    const c = execution('mcr.microsoft.com/windows/servercore:ltsc2019', host2022, 'process')
    const [x, y, z] = buildModelIndex(project([a, b, c]), kb).executions
    expect(x!.ev).toBe(y!.ev)
    // Explicit process isolation is not the default: the message says so.
    expect(z!.ev).not.toBe(x!.ev)
    expect(z!.ev?.isolationIsDefault).toBe(false)
    expect(x!.ev?.isolationIsDefault).toBe(true)
  })
  it('classifies and evaluates each execution as evaluate() does, whatever the execution before it', () => {
    const host2025: HostRef = { info: kb.host('windows-2025')!, job: { file: 'w.yml', id: 'build' } }
    const ltsc2019 = 'mcr.microsoft.com/windows/servercore:ltsc2019'
    const unresolved: Execution = { ...execution(ltsc2019, host2022), isolation: { raw: '${ISOLATION}' } }
    // Each execution differs from the one before in one thing: the image, the host, the isolation as written (an
    // empty one is the default, but not the default's message; an invalid one is unknown), or only whether an
    // isolation is written (an unresolved one cannot be told, the default can).
    const executions = [
      execution(ltsc2019, host2022),
      execution(ltsc2019, host2022),
      execution('mcr.microsoft.com/windows/servercore:ltsc2025', host2022),
      execution(ltsc2019, host2022),
      execution(ltsc2019, host2025),
      execution(ltsc2019, host2022),
      execution(ltsc2019, host2022, 'hyperv'),
      execution(ltsc2019, host2022, 'process'),
      execution(ltsc2019, host2022, 'default'),
      execution(ltsc2019, host2022, ''),
      execution(ltsc2019, host2022, 'bogus'),
      execution(ltsc2019, host2022),
      unresolved,
      execution(ltsc2019, host2022),
      execution(ltsc2019, undefined),
      execution(undefined, undefined),
      execution(undefined, host2022),
      execution(ltsc2019, host2022),
    ]
    const index = buildModelIndex(project(executions), kb)
    for (const x of index.executions) {
      expect(x.image).toEqual(x.e.image !== undefined ? kb.image(x.e.image) : undefined)
      expect(x.ev).toEqual(evaluate(x.e, loadKnowledgeBase()))
    }
    expect(index.executions.map((x) => x.ev?.verdict.kind)).toEqual([
      'needs-hyperv', 'needs-hyperv', 'newer-than-host', 'needs-hyperv', 'needs-hyperv', 'needs-hyperv', 'ok', 'needs-hyperv',
      'needs-hyperv', 'needs-hyperv', 'ok', 'needs-hyperv', 'ok', 'needs-hyperv', undefined, undefined, undefined, 'needs-hyperv',
    ])
    expect(index.executions[1]!.ev).toBe(index.executions[0]!.ev)
  })
  it('lists image uses with an expanded reference, and executions by job', () => {
    const uses: ImageUse[] = [
      { image: 'mcr.microsoft.com/windows/nanoserver:1809', raw: 'mcr.microsoft.com/windows/nanoserver:1809', span: at, where: 'from' },
      { raw: '${BASE}', span: at, where: 'from' },
    ]
    const other: HostRef = { ...host2022, job: { file: 'w.yml', id: 'test' } }
    const a = execution('nginx:1.27', host2022)
    const b = execution('nginx:1.27', other)
    const c = execution('nginx:1.27', host2022)
    const index = buildModelIndex(project([a, b, c, execution('nginx:1.27', undefined)], uses), kb)
    expect(index.images.map((x) => [x.use.raw, x.image.builds])).toEqual([['mcr.microsoft.com/windows/nanoserver:1809', [17763]]])
    expect(index.executionsOfJob('w.yml', 'build').map((x) => x.e)).toEqual([a, c])
    expect(index.executionsOfJob('w.yml', 'test').map((x) => x.e)).toEqual([b])
    expect(index.executionsOfJob('x.yml', 'build')).toEqual([])
  })
  it('tells an image a build in the repository tags by its repository and tag, whatever the name written', () => {
    const built = ['docker.io/library/nats:2.10-nanoserver-ltsc2025', 'microsoft/windowsservercore:latest']
    const index = buildModelIndex({ ...project([]), built }, kb)
    const use = (image: string, where: ImageUse['where'] = 'from') => ({ use: { image, raw: image, span: at, where }, image: kb.image(image) })
    expect(index.builtHere(use('nats:2.10-nanoserver-ltsc2025'))).toBe(true)
    expect(index.builtHere(use('microsoft/windowsservercore', 'compose'))).toBe(true)
    expect(index.builtHere(use('nats:2.10-nanoserver-ltsc2025', 'command'))).toBe(true)
    // Another tag, or another repository with that tag, is not the build's.
    expect(index.builtHere(use('nats:2.11-nanoserver-ltsc2025'))).toBe(false)
    expect(index.builtHere(use('microsoft/nanoserver'))).toBe(false)
    // A docker pull asks the registry, and a cluster's nodes pull from one: the build on the CI machine is not there.
    expect(index.builtHere(use('nats:2.10-nanoserver-ltsc2025', 'pull'))).toBe(false)
    expect(index.builtHere(use('nats:2.10-nanoserver-ltsc2025', 'manifest'))).toBe(false)
    // A project with no builds builds nothing.
    expect(buildModelIndex(project([]), kb).builtHere(use('nats:2.10-nanoserver-ltsc2025'))).toBe(false)
  })
})
