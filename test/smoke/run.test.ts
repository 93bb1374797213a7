/** The smoke runner against an in-process fake `Exec`: concurrency, cleanup, the probe, argument arrays. */
import { expect, test } from 'vitest'
import { span } from '../../src/core/span.js'
import type { EngineHost } from '../../src/smoke/engine.js'
import type { Exec, ExecResult } from '../../src/smoke/exec.js'
import { DEFAULT_COMMAND, type PlanEntry, type SmokePlan } from '../../src/smoke/plan.js'
import { runSmoke } from '../../src/smoke/run.js'

const HOST: EngineHost = { osType: 'windows', build: 20348, ubr: 1, kind: 'server', defaultIsolation: 'process', operatingSystem: '', serverVersion: '' }

function entry(id: number, isolation: 'process' | 'hyperv' = 'process'): PlanEntry {
  return { id, image: `img${id}`, isolation, why: '', command: DEFAULT_COMMAND, uses: [{ span: span('w.yml', id, 1, id, 2), what: 'docker run' }] }
}

/** Runs take `ms`; `fail` images fail at run; counts how many run at once. */
function fakeExec(opts: { ms?: number; fail?: Set<string>; hyperv?: boolean }) {
  const calls: string[][] = []
  let running = 0
  let peak = 0
  const exec: Exec = {
    run: async (program, args): Promise<ExecResult> => {
      calls.push([program, ...args])
      if (args[0] !== 'run') return { exitCode: 0, output: '', timedOut: false }
      const image = args[args.findIndex((a) => a.startsWith('--isolation=')) + 1]!
      if (args.includes('--isolation=hyperv') && !opts.hyperv) return { exitCode: 125, output: 'No hypervisor is present on this system. (0xc0351000)', timedOut: false }
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, opts.ms ?? 20))
      running--
      if (opts.fail?.has(image)) return { exitCode: 1, output: 'boom', timedOut: false }
      return { exitCode: 0, output: 'Microsoft Windows [Version 10.0.20348.1]', timedOut: false }
    },
  }
  return { exec, calls, peak: () => peak }
}

test('at most `concurrency` containers at once; every one removed, failed ones too', async () => {
  const f = fakeExec({ fail: new Set(['img2', 'img5']) })
  const plan: SmokePlan = { host: HOST, entries: [1, 2, 3, 4, 5, 6].map((i) => entry(i)) }
  const run = await runSmoke(plan, f.exec, { root: '/repo', concurrency: 2, prefix: 'p' })
  expect(f.peak()).toBe(2)
  expect(run.outcomes.map((o) => o.result)).toEqual(['passed', 'failed', 'passed', 'passed', 'failed', 'passed'])
  expect(run.containers.every((c) => c.removed)).toBe(true)
  const removed = f.calls.filter((c) => c[1] === 'rm').map((c) => c.at(-1))
  expect(removed.sort()).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6'])
  // An argument array: the entry point and the command's words are separate arguments.
  expect(f.calls.find((c) => c[1] === 'run')).toEqual(['docker', 'run', '--name', 'p-1', '--entrypoint', 'cmd', '--isolation=process', 'img1', '/c', 'ver'])
})

test('the probe runs once before Hyper-V entries; without Hyper-V they are skipped, the others still run', async () => {
  const f = fakeExec({ hyperv: false })
  const plan: SmokePlan = { host: HOST, entries: [entry(1, 'hyperv'), entry(2), entry(3, 'hyperv')], probeImage: 'probe:ltsc2022' }
  const run = await runSmoke(plan, f.exec, { root: '/repo', prefix: 'p' })
  expect(run.probe).toMatchObject({ result: 'unavailable', cause: 'hyperv-unavailable' })
  expect(run.outcomes.map((o) => [o.result, o.cause ?? null])).toEqual([
    ['skipped', 'hyperv-unavailable'],
    ['passed', null],
    ['skipped', 'hyperv-unavailable'],
  ])
  expect(f.calls.filter((c) => c.includes('--isolation=hyperv'))).toHaveLength(1)
  expect(run.containers).toEqual([
    { name: 'p-probe', removed: true },
    { name: 'p-2', removed: true },
  ])
})

test('a cancel before the start runs nothing', async () => {
  const f = fakeExec({})
  const controller = new AbortController()
  controller.abort()
  const run = await runSmoke({ host: HOST, entries: [entry(1)] }, f.exec, { root: '/repo', signal: controller.signal })
  expect(run.cancelled).toBe(true)
  expect(run.outcomes.map((o) => o.result)).toEqual(['cancelled'])
  expect(f.calls.filter((c) => c[1] === 'run')).toEqual([])
})

test('without a probe image, a Hyper-V entry the host cannot run is skipped, not failed', async () => {
  const f = fakeExec({ hyperv: false })
  const run = await runSmoke({ host: HOST, entries: [entry(1, 'hyperv')] }, f.exec, { root: '/repo', prefix: 'p' })
  expect(run.probe).toBeUndefined()
  expect(run.outcomes.map((o) => [o.result, o.cause])).toEqual([['skipped', 'hyperv-unavailable']])
  expect(run.containers).toEqual([{ name: 'p-1', removed: true }])
})
