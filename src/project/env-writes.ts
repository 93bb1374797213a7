/**
 * The environment of each step of a job as the steps before it leave it through `GITHUB_ENV` (see
 * parsers/github-env.ts). GitHub reads the file after each step and sets what it holds for every later step of the
 * job, in the process environment and the `env` context alike, over the job's and workflow's `env:`; a step's own
 * `env:` still wins. isolint does not run the steps: each variable written is unknown to the steps after, and
 * after a write whose names cannot be read, every variable is, set in `env:` or not (`${X:-default}` included).
 */
import type { EnvWrites } from '../parsers/github-env.js'
import { unknownValue } from '../parsers/workflow-expressions.js'
import type { HostInfo } from '../kb/types.js'
import { SET_THROUGH_GITHUB_ENV } from '../model/project.js'
import type { Step } from '../model/workflow.js'
import type { ParsedStep } from '../parsers/workflow.js'

/** An environment in which every variable it does not hold is unknown (not unset): after an unreadable write. */
class UnknownRest extends Map<string, string> {
  override get(name: string): string | undefined {
    return super.get(name) ?? unknownValue(shownAs(name, 'an earlier step writes GITHUB_ENV'))
  }

  override has(): boolean {
    return true
  }
}

/** A Compose environment in which every variable is unknown (see parsers/compose.ts: held, with no value). */
class AllUnknown extends Map<string, string | undefined> {
  override get(): undefined {
    return undefined
  }

  override has(): boolean {
    return true
  }
}

/** Whether every variable an environment does not hold is unknown (after a write to GITHUB_ENV isolint cannot read). */
export function everyVariableUnknown(env: ReadonlyMap<string, unknown>): boolean {
  return env instanceof UnknownRest || env instanceof AllUnknown
}

/** An empty environment like `env`: one in which the variables it does not hold are unknown when they are in `env`. */
export function emptyLike(env: ReadonlyMap<string, string>): Map<string, string> {
  return env instanceof UnknownRest ? new UnknownRest() : new Map<string, string>()
}

/**
 * The environment a Compose file is interpolated with, from a command's: each value expanded by `expand` (undefined:
 * unknown); every variable unknown when `env` says so, its `.env` file's too (the write may set any of them).
 */
export function composeEnvironment(env: ReadonlyMap<string, string>, expand: (raw: string) => string | undefined): ReadonlyMap<string, string | undefined> {
  if (everyVariableUnknown(env)) return new AllUnknown()
  return new Map([...env].map(([k, v]) => [k, expand(v)] as const))
}

function shownAs(name: string, why: string): string {
  return `$${name} (${why})`
}

/** What the steps of one job (one matrix combination) have written to `GITHUB_ENV` so far. */
export class JobEnvWrites {
  /** Made with the first write: most jobs write none (one per job and combination). */
  private names: Map<string, string> | undefined
  private all = false
  /** The job's environment with the writes so far applied (see {@link stepEnv}), until the next write. */
  private base?: { readonly jobEnv: ReadonlyMap<string, string>; readonly env: Map<string, string> }

  /**
   * The environment a step sees: the job's, with the variables earlier steps wrote unknown, and the step's own
   * `env:` over both. Linear in the variables: a job may write thousands of them and have hundreds of steps.
   */
  stepEnv(jobEnv: ReadonlyMap<string, string>, stepEnv: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
    if (!this.all && this.names === undefined) return merge(jobEnv, stepEnv)
    if (this.base?.jobEnv !== jobEnv) this.base = { jobEnv, env: this.withWrites(jobEnv) }
    const base = this.base.env
    if (stepEnv.size === 0) return base
    const out = base instanceof UnknownRest ? new UnknownRest(base) : new Map(base)
    for (const [name, value] of stepEnv) out.set(name, value)
    return out
  }

  /**
   * The job's environment with every write so far: the names written unknown; after an unreadable write, an
   * {@link UnknownRest} in which every other name (the job's included) is unknown too.
   */
  private withWrites(jobEnv: ReadonlyMap<string, string>): Map<string, string> {
    if (this.all) return new UnknownRest(this.names)
    if (!this.names) return new Map(jobEnv)
    // Windows and the `env` context compare names without case: the job's `Tag` is the `TAG` written, and of two
    // names written that differ in case only, one is kept (as before: the later one first written).
    const last = new Map<string, string>()
    for (const name of this.names.keys()) last.set(name.toLowerCase(), name)
    const out = new Map<string, string>()
    for (const [name, value] of jobEnv) if (!last.has(name.toLowerCase())) out.set(name, value)
    for (const [name, value] of this.names) if (last.get(name.toLowerCase()) === name) out.set(name, value)
    return out
  }

  /** Records what `step` writes, read in the shell GitHub runs it with on a runner of `os`. */
  add(step: Step, os: HostInfo['os'] | undefined): void {
    const writes = writesOf(step, os)
    if (writes) this.record(writes)
  }

  /** Records writes (a step's, or those of a file it runs). */
  record(writes: EnvWrites): void {
    if (writes.all) this.all = true
    if (writes.names.length > 0) {
      const names = (this.names ??= new Map())
      for (const name of writes.names) names.set(name, unknownValue(shownAs(name, SET_THROUGH_GITHUB_ENV)))
    }
    this.base = undefined
  }
}

/** The job's environment with the step's `env:` over it (the job's own when the step sets none). */
function merge(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (b.size === 0) return a
  return new Map([...a, ...b])
}

/** A step's writes in the dialect of its shell; when the shell is not written and the OS is unknown, both readings. */
function writesOf(step: Step, os: HostInfo['os'] | undefined): EnvWrites | undefined {
  const w = (step as Partial<ParsedStep>).envWrites
  if (!w || 'names' in w) return w
  if (os === 'windows') return w.powershell
  if (os !== undefined && os !== 'unknown') return w.posix
  const { posix, powershell } = w
  if (!posix || !powershell) return posix ?? powershell
  return { names: [...new Set([...posix.names, ...powershell.names])], all: posix.all || powershell.all }
}
