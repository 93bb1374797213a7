/**
 * Runs a smoke plan against the engine through the `Exec` port: the Hyper-V probe once (when a Hyper-V entry needs
 * it), then each entry — pull with retry and a timeout (or `docker build` first for a Dockerfile a workflow builds),
 * `docker run` with a timeout — at most `concurrency` at once. Every container is named with a run-unique prefix and
 * removed with `docker rm -f` afterwards, also on failure, timeout and cancel.
 */
import path from 'node:path'
import { classify, loadEngineMessages, oneLine, type Classification } from './classify.js'
import type { Exec, ExecResult } from './exec.js'
import { DEFAULT_COMMAND, type PlanEntry, type SmokePlan } from './plan.js'

export type EntryResult = 'passed' | 'failed' | 'skipped' | 'cancelled'

export interface EntryOutcome {
  readonly entry: PlanEntry
  readonly result: EntryResult
  /** Engine message class, `timeout`, `command-failed`, `pull-timeout`, or the skip cause. */
  readonly cause?: string
  /** What the cause means and how to fix it; for skips, the reason. */
  readonly explanation?: string
  /** The engine's message or the command's last line, one line. */
  readonly detail?: string
  readonly exitCode?: number
  readonly seconds: number
  /** The last lines of the container's (or build's) output. Untrusted text. */
  readonly outputTail: readonly string[]
}

export interface ProbeOutcome {
  readonly image: string
  /** available: Hyper-V containers start; unavailable: the host cannot run them; inconclusive: failed otherwise. */
  readonly result: 'available' | 'unavailable' | 'inconclusive'
  readonly detail: string
  readonly cause?: string
}

export interface SmokeRun {
  readonly plan: SmokePlan
  readonly probe?: ProbeOutcome
  readonly outcomes: readonly EntryOutcome[]
  /** Names of the containers started, and whether each was removed afterwards. */
  readonly containers: readonly { readonly name: string; readonly removed: boolean }[]
  readonly cancelled: boolean
}

export interface RunOptions {
  readonly docker?: string
  /** Where the build contexts and Dockerfiles of the plan are (paths in the plan are relative to it). */
  readonly root: string
  /** Per container (default 5 minutes). */
  readonly timeoutMs?: number
  /** Per pull attempt (default 20 minutes: Windows base images are large). */
  readonly pullTimeoutMs?: number
  readonly pullAttempts?: number
  /** Delay before the second pull attempt, doubled after each (default 5 s). */
  readonly retryDelayMs?: number
  /** Per docker build (default 30 minutes). */
  readonly buildTimeoutMs?: number
  /** Containers at once (default 2). */
  readonly concurrency?: number
  /** Name prefix of the containers and images (default `isolint-smoke-<random>`). */
  readonly prefix?: string
  /** Cancels the run: nothing new starts and every container started is removed. */
  readonly signal?: AbortSignal
  /** Progress lines (trusted text only: image names come from the repository, not from engine output). */
  readonly log?: (line: string) => void
}

export const DEFAULTS = {
  timeoutMs: 5 * 60_000,
  pullTimeoutMs: 20 * 60_000,
  pullAttempts: 3,
  retryDelayMs: 5_000,
  buildTimeoutMs: 30 * 60_000,
  concurrency: 2,
} as const

const TAIL_LINES = 10
const TAIL_LINE_CHARS = 300

export function tail(output: string, n = TAIL_LINES): string[] {
  return output
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .map((l) => (l.length > TAIL_LINE_CHARS ? `${l.slice(0, TAIL_LINE_CHARS - 1)}…` : l))
}

export function runPrefix(): string {
  // Loaded on first use, as in baseline/fingerprint.ts.
  return `isolint-smoke-${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}`
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const t = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true })
  })

export async function runSmoke(plan: SmokePlan, exec: Exec, options: RunOptions): Promise<SmokeRun> {
  const o = { ...DEFAULTS, docker: 'docker', prefix: runPrefix(), ...options }
  const docker = o.docker
  const log = o.log ?? (() => {})
  const started = new Map<string, boolean>() // name → removed
  const inFlight = new Set<string>()
  const signal = o.signal
  const unavailableHyperv = new Set(loadEngineMessages().filter((m) => m.hypervUnavailable).map((m) => m.id))

  const remove = async (name: string): Promise<void> => {
    if (started.get(name) === true) return
    const r = await exec.run(docker, ['rm', '-f', name], { timeoutMs: 120_000 })
    // "No such container": it never got created, so there is nothing left behind.
    if (r.exitCode === 0 || /no such container/i.test(r.output)) started.set(name, true)
    else log(`could not remove container ${name}: ${oneLine(r.output, 200)}`)
  }
  const onAbort = (): void => {
    // Force-removing a running container also ends the `docker run` waiting on it.
    for (const name of inFlight) void remove(name)
  }
  signal?.addEventListener('abort', onAbort, { once: true })

  const pull = async (image: string): Promise<{ ok: true } | { ok: false; result: ExecResult; timedOut: boolean }> => {
    let last: ExecResult | undefined
    for (let attempt = 1; attempt <= o.pullAttempts; attempt++) {
      if (signal?.aborted) break
      if (attempt > 1) {
        log(`pull ${image}: attempt ${attempt} of ${o.pullAttempts}`)
        await sleep(o.retryDelayMs * 2 ** (attempt - 2), signal)
      }
      last = await exec.run(docker, ['pull', image], { timeoutMs: o.pullTimeoutMs, ...(signal ? { signal } : {}) })
      if (last.exitCode === 0) return { ok: true }
      // The engine refused the image itself: trying again gives the same answer.
      const c = classify(last.output)
      if (c.id !== 'unknown' && !last.timedOut) break
    }
    return { ok: false, result: last ?? { exitCode: undefined, output: 'cancelled', timedOut: false }, timedOut: last?.timedOut ?? false }
  }

  /** Starts a container and always removes it. */
  const runContainer = async (name: string, image: string, isolation: string, command: readonly string[]): Promise<ExecResult> => {
    started.set(name, false)
    inFlight.add(name)
    try {
      // The command replaces the image's ENTRYPOINT too, so `cmd /c ver` runs whatever the image starts by default.
      const [program = 'cmd', ...rest] = command
      return await exec.run(docker, ['run', '--name', name, '--entrypoint', program, `--isolation=${isolation}`, image, ...rest], {
        timeoutMs: o.timeoutMs,
      })
    } finally {
      inFlight.delete(name)
      await remove(name)
    }
  }

  // The Hyper-V probe, once, before any Hyper-V entry.
  let probe: ProbeOutcome | undefined
  const hypervEntries = plan.entries.filter((e) => !e.skip && e.isolation === 'hyperv')
  if (plan.probeImage && hypervEntries.length > 0 && !signal?.aborted) {
    log(`Hyper-V probe: ${plan.probeImage} --isolation=hyperv`)
    const p = await pull(plan.probeImage)
    if (!p.ok) {
      const c = classify(p.result.output)
      probe = { image: plan.probeImage, result: 'inconclusive', cause: p.timedOut ? 'pull-timeout' : c.id, detail: `pull failed: ${p.timedOut ? 'timed out' : c.detail}` }
    } else {
      const r = await runContainer(`${o.prefix}-probe`, plan.probeImage, 'hyperv', DEFAULT_COMMAND)
      if (r.exitCode === 0) probe = { image: plan.probeImage, result: 'available', detail: 'a Hyper-V isolated container started' }
      else {
        const c = classify(r.output)
        probe = c.hypervUnavailable
          ? { image: plan.probeImage, result: 'unavailable', cause: c.id, detail: c.detail }
          : { image: plan.probeImage, result: 'inconclusive', cause: r.timedOut ? 'timeout' : c.id, detail: r.timedOut ? `timed out after ${o.timeoutMs / 1000} s` : c.detail }
      }
    }
    log(`Hyper-V probe: ${probe.result}`)
  }

  const runEntry = async (entry: PlanEntry): Promise<EntryOutcome> => {
    const t0 = Date.now()
    const secs = (): number => Math.round((Date.now() - t0) / 100) / 10
    if (entry.skip) return { entry, result: 'skipped', cause: entry.skip.cause, explanation: entry.skip.reason, seconds: 0, outputTail: [] }
    if (entry.isolation === 'hyperv' && probe?.result === 'unavailable') {
      return {
        entry,
        result: 'skipped',
        cause: 'hyperv-unavailable',
        explanation: `Hyper-V isolation is not available on this host: the probe with ${probe.image} failed (${probe.cause ?? 'unknown'})`,
        detail: probe.detail,
        seconds: 0,
        outputTail: [],
      }
    }
    if (signal?.aborted) return { entry, result: 'cancelled', seconds: 0, outputTail: [] }
    const isolation = entry.isolation ?? 'process'
    const failed = (c: Pick<Classification, 'id' | 'explanation' | 'detail'>, r: ExecResult): EntryOutcome => ({
      entry,
      // Without a probe (no image known for the host's build), "no Hyper-V here" still is not an image failure.
      result: signal?.aborted ? 'cancelled' : unavailableHyperv.has(c.id) ? 'skipped' : 'failed',
      cause: unavailableHyperv.has(c.id) ? 'hyperv-unavailable' : c.id,
      explanation: c.explanation,
      detail: c.detail,
      ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}),
      seconds: secs(),
      outputTail: tail(r.output),
    })
    let image = entry.image
    if (entry.build) {
      const tag = `${o.prefix}-build-${entry.id}`
      const b = entry.build
      const args = ['build', `--isolation=${isolation}`, '--force-rm', '-f', path.resolve(o.root, b.dockerfile), '-t', tag]
      if (b.target !== undefined) args.push('--target', b.target)
      for (const [k, v] of Object.entries(b.args)) args.push('--build-arg', `${k}=${v}`)
      args.push(path.resolve(o.root, b.context))
      log(`${entry.id}. docker build ${b.dockerfile} --isolation=${isolation}`)
      const r = await exec.run(docker, args, { timeoutMs: o.buildTimeoutMs, ...(signal ? { signal } : {}) })
      if (r.exitCode !== 0) {
        if (r.timedOut) return failed({ id: 'timeout', explanation: `docker build did not finish within ${o.buildTimeoutMs / 1000} s`, detail: 'build timed out' }, r)
        return failed(engineOrCommand(r, 'docker build'), r)
      }
      image = tag
      try {
        return await runAndJudge(entry, image, isolation, t0, failed)
      } finally {
        await exec.run(docker, ['rmi', '-f', tag], { timeoutMs: 120_000 })
      }
    }
    log(`${entry.id}. docker pull ${image}`)
    const p = await pull(image)
    if (!p.ok) {
      if (p.timedOut) {
        return failed({ id: 'pull-timeout', explanation: `docker pull did not finish within ${o.pullTimeoutMs / 1000} s (${o.pullAttempts} attempts)`, detail: 'pull timed out' }, p.result)
      }
      return failed(engineOrCommand(p.result, 'docker pull'), p.result)
    }
    return runAndJudge(entry, image, isolation, t0, failed)
  }

  const runAndJudge = async (
    entry: PlanEntry,
    image: string,
    isolation: string,
    t0: number,
    failed: (c: Pick<Classification, 'id' | 'explanation' | 'detail'>, r: ExecResult) => EntryOutcome,
  ): Promise<EntryOutcome> => {
    if (signal?.aborted) return { entry, result: 'cancelled', seconds: 0, outputTail: [] }
    log(`${entry.id}. docker run --isolation=${isolation} ${entry.image} ${entry.command.join(' ')}`)
    const r = await runContainer(`${o.prefix}-${entry.id}`, image, isolation, entry.command)
    if (r.exitCode === 0) {
      return { entry, result: 'passed', exitCode: 0, seconds: Math.round((Date.now() - t0) / 100) / 10, outputTail: tail(r.output) }
    }
    if (r.timedOut) {
      return failed({ id: 'timeout', explanation: `the container did not finish within ${o.timeoutMs / 1000} s; it was stopped and removed`, detail: 'timed out' }, r)
    }
    return failed(engineOrCommand(r, 'the command'), r)
  }

  const outcomes: EntryOutcome[] = new Array<EntryOutcome>(plan.entries.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < plan.entries.length) {
      const i = next++
      outcomes[i] = await runEntry(plan.entries[i]!)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, plan.entries.length || 1)) }, worker))
  } finally {
    signal?.removeEventListener('abort', onAbort)
    // Anything still standing (a failed removal, a cancel during a run) gets one more attempt.
    for (const [name, removed] of started) if (!removed) await remove(name)
  }
  return {
    plan,
    ...(probe ? { probe } : {}),
    outcomes,
    containers: [...started].map(([name, removed]) => ({ name, removed })),
    cancelled: signal?.aborted === true,
  }
}

/** An engine message when one is recognised; else a failed command with its exit code and last line. */
function engineOrCommand(r: ExecResult, what: string): Pick<Classification, 'id' | 'explanation' | 'detail'> {
  if (r.error !== undefined) return { id: 'unknown', explanation: `${what} could not be started`, detail: oneLine(r.error) }
  const c = classify(r.output)
  if (c.id !== 'unknown') return c
  // 125: the engine failed before the command ran; 126/127: the command could not be invoked.
  if (r.exitCode === 125 || what !== 'the command') return c
  return {
    id: 'command-failed',
    explanation: `${what} exited with code ${r.exitCode ?? 'unknown'}`,
    detail: oneLine(tail(r.output, 1)[0] ?? 'no output'),
  }
}
