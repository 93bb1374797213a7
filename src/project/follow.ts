/**
 * Follows a workflow step into the files it runs: `make` (see follow-make.ts) and, later, scripts. Each followed
 * file gives docker commands with their own spans, the folder they run in, and the chain of locations that led
 * there (added to every finding as related locations).
 */
import { expandedValue, unknownValue, type ExpansionContext } from '../parsers/workflow-expressions.js'
import { decideValues } from '../parsers/os-guards.js'
import type { RelatedLocation } from '../core/finding.js'
import type { Span } from '../core/span.js'
import type { HostInfo } from '../kb/types.js'
import type { CommandPrefix, DockerCommand, Job, Step, Writable } from '../model/workflow.js'
import type { EnvWrites } from '../parsers/github-env.js'
import type { Origin } from '../parsers/makefile.js'
import type { CommandString, Invocation } from '../parsers/shell.js'
import type { ParsedJob, ParsedStep } from '../parsers/workflow.js'
import { emptyLike } from './env-writes.js'
import { commandFolder } from './folder.js'
import { followMake } from './follow-make.js'
import { stepNest, type Nest } from './follow-nested.js'
import { followScript, type UnknownAssignments } from './follow-script.js'
import type { FileResolver } from './link.js'

export interface FollowContext {
  readonly resolver: FileResolver
  readonly scope: { readonly matrix: ReadonlyMap<string, string>; readonly env: ReadonlyMap<string, string> }
  /** Where each env value of the step is written (job- and step-level). */
  readonly envSpans: ReadonlyMap<string, Span>
  /** The folder the command runs in (relative to the root); undefined when it cannot be known. */
  readonly workdir: string | undefined
  /** Expands a workflow value (expressions, shell variables); undefined when it cannot be known. */
  readonly expand: (raw: string) => string | undefined
  /** Where a value written as `raw` at `span` comes from: the matrix value it names, or the span itself. */
  readonly origin: (raw: string, span: Span | undefined, name: string) => Origin | undefined
  /** Where the file that runs the command stands on its chain from the step (see follow-nested.ts). */
  readonly nest?: Nest
}

export interface Followed {
  readonly commands: readonly DockerCommand[]
  /** The folder the commands run in (relative to the root). */
  readonly workdir: string | undefined
  readonly via: readonly RelatedLocation[]
  /** The environment the commands see, when it differs from the step's (a script's parameters and variables). */
  readonly env?: ReadonlyMap<string, string>
  /** What the file writes to `GITHUB_ENV`, for the later steps of the job. */
  readonly envWrites?: EnvWrites
  /**
   * A command string (`bash -c '…'`): the child shell's dialect, in which its variables are read, and the names the
   * string assigns itself (see script-scope.ts `stringScope`).
   */
  readonly string?: Pick<CommandString, 'dialect' | 'assignments'>
  /**
   * A file a followed file runs (follow-nested.ts): the names unknown in its commands, those its callers assign
   * (instead of the step's).
   */
  readonly assigned?: ReadonlySet<string>
  /** The names the file gives a value isolint cannot know, and where (follow-script.ts `setHereNotes`). */
  readonly unknownSet?: UnknownAssignments
}

const MAKE = /^(?:.*[\\/])?(?:g?make|mingw32-make)(?:\.exe)?$/i

/**
 * The docker commands a step's command runs through other files; empty when it runs none isolint can follow. A call
 * under a test of the OS (`if [ "$RUNNER_OS" = Linux ]; then ./linux.sh; fi`) runs them only where it holds: their
 * guards are the call's with their own (parsers/os-guards.ts). Its tests of values (`if [ "$T" = a ]; then ./a.sh;
 * fi`) are decided here, in the scope of the script that makes the call (the linker reads the commands' own in the
 * file's).
 */
export function followInvocation(inv: Invocation, ctx: FollowContext): Followed[] {
  const followed = followCall(inv, ctx)
  const os = inv.os && decideValues(inv.os, ctx.expand)
  if (os === undefined || os === 'yes') return followed
  return followed.map((f) =>
    f.commands.length === 0 ? f : { ...f, commands: f.commands.map((c): DockerCommand => ({ ...c, os: c.os === undefined ? os : { all: [os, c.os] } })) },
  )
}

function followCall(inv: Invocation, ctx: FollowContext): Followed[] {
  const first = inv.words[0]
  if (!first) return []
  const own = commandContext(inv, ctx)
  if (MAKE.test(first.value)) {
    const followed = followMake(inv.words, own)
    // make runs its recipes with its own environment: the step's as the command's prefixes leave it
    // (`TAG=ltsc2022 make image` reads ltsc2022 in a recipe's `$$TAG`, whatever the job's env says).
    if (own.scope.env === ctx.scope.env) return followed
    return followed.map((f) => (f.env !== undefined || f.commands.length === 0 ? f : { ...f, env: own.scope.env }))
  }
  const followed = followScript(inv.words, own, inv.sourced)
  return inv.string ? [stringFollowed(inv.string, inv, own), ...followed] : followed
}

/**
 * The docker commands of a command string (`bash -c '…'`): a child process, like a file the step runs, with the
 * environment the command's prefixes leave; in the shell's folder unless it moves (a login shell).
 */
function stringFollowed(string: CommandString, inv: Invocation, own: FollowContext): Followed {
  const followed: Writable<Followed> = {
    commands: string.commands,
    workdir: string.moved ? undefined : own.workdir,
    via: [],
    string: { dialect: string.dialect, assignments: string.assignments },
  }
  if (commandChangesEnv(inv)) followed.env = own.scope.env
  return followed
}

/** Whether a command's prefixes change the environment it runs with (see {@link commandEnv}). */
function commandChangesEnv(prefix: CommandPrefix): boolean {
  return prefix.assignments !== undefined || prefix.envReset !== undefined || prefix.envCleared !== undefined || prefix.unset !== undefined
}

/** The context of the command itself: its environment and folder as its prefixes leave them (see {@link commandEnv}). */
function commandContext(inv: Invocation, ctx: FollowContext): FollowContext {
  const own = commandEnv(ctx.scope.env, inv, ctx.envSpans)
  const withEnv = own ? { ...ctx, scope: { ...ctx.scope, env: own.env }, envSpans: own.envSpans } : ctx
  // `sudo -i make`: the folder it runs in is unknown, and so are the files it reads there.
  if (inv.moved) return { ...withEnv, workdir: undefined }
  // After a `cd` of the script that runs it (folder-changes.ts): the folder it moved to, or none isolint can know.
  return inv.chdir === undefined ? withEnv : { ...withEnv, workdir: commandFolder(ctx.workdir, inv.chdir, ctx.expand) }
}

/**
 * The value of a variable `sudo` may drop (its sudoers policy decides), as the environment holds it: set, with a
 * value isolint cannot know (see unknownValue), so a Makefile's `?=` default does not apply either.
 */
const mayBeDropped = (name: string): string => unknownValue(`$${name} (sudo may drop it)`)

/**
 * The environment a command sees after its prefixes (see CommandPrefix): `env` (the step's, none after `env -i`),
 * where `sudo` without `-E` leaves every variable it may drop unknown (those the step sets and those assigned before
 * `sudo`, except the names it keeps), less the variables `env -u` unsets, then the command's own assignments
 * (`X=1 make`, `sudo X=1 make`), each written where it is set. Arguments are still expanded in the step's
 * environment, as the shell does before the command runs. Undefined when the prefixes change nothing.
 */
export function commandEnv(
  env: ReadonlyMap<string, string>,
  prefix: CommandPrefix,
  envSpans?: ReadonlyMap<string, Span>,
): { env: Map<string, string>; envSpans: Map<string, Span> } | undefined {
  if (!prefix.assignments && !prefix.envReset && !prefix.envCleared && !prefix.unset) return undefined
  const reset = prefix.envReset
  const out = prefix.envCleared ? new Map<string, string>() : emptyLike(env)
  // `env -i`: what the step sets is unset for the command (unset, not unknown: a `${X:-default}` takes its default).
  const spans = new Map(prefix.envCleared ? undefined : envSpans)
  if (!prefix.envCleared) for (const [name, value] of env) out.set(name, reset && !reset.keep.includes(name) ? mayBeDropped(name) : value)
  for (const w of reset?.dropped ?? []) {
    const name = ASSIGNMENT.exec(w.value)?.[1]
    if (name === undefined) continue
    out.set(name, mayBeDropped(name))
    spans.set(name, w.span)
  }
  for (const name of prefix.unset ?? []) {
    out.delete(name)
    spans.delete(name)
  }
  for (const w of prefix.assignments ?? []) {
    const m = ASSIGNMENT.exec(w.value)
    // An array element (`A[1]=x`) is no environment variable.
    if (!m) continue
    const [, name, append, value] = m as unknown as [string, string, string, string]
    out.set(name, append ? (out.get(name) ?? '') + value : value)
    spans.set(name, w.span)
  }
  return { env: out, envSpans: spans }
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=(.*)$/s

export interface StepFollowOptions {
  readonly resolver: FileResolver
  /** What the files the step runs inherit (script-scope.ts `scriptScopes` `files`). */
  readonly scope: FollowContext['scope']
  /**
   * What the step's words that run the files read (script-scope.ts `wordsScope`: PowerShell's `$TAG` is no environment
   * variable, a name the step assigns is not the exported value): the arguments it passes on, make's command line, the
   * folders of its `cd`; `scope` when absent.
   */
  readonly words?: ExpansionContext
  readonly workdir: string | undefined
  /** Where each matrix value of this combination is written. */
  readonly matrixSpans: ReadonlyMap<string, Span> | undefined
  readonly os: HostInfo['os'] | undefined
}

/** Follows the commands of a step's `run:` that run other files, read in the dialect of the runner's shell. */
export function followStep(job: Job, step: Step, options: StepFollowOptions): Followed[] {
  const inv = (step as Partial<ParsedStep>).invocations
  if (!inv) return []
  const dialects = Object.keys(inv) as (keyof typeof inv)[]
  const dialect = dialects.length === 1 ? dialects[0]! : options.os === 'windows' ? 'powershell' : options.os === undefined || options.os === 'unknown' ? undefined : 'posix'
  const list = dialect ? inv[dialect] ?? [] : []
  if (list.length === 0) return []
  const envSpans = new Map([...((job as Partial<ParsedJob>).envSpans ?? []), ...((step as Partial<ParsedStep>).envSpans ?? [])])
  const ctx: FollowContext = {
    resolver: options.resolver,
    scope: options.scope,
    envSpans,
    workdir: options.workdir,
    expand: (raw) => expandedValue(raw, options.words ?? options.scope),
    origin: (raw, span, name) => valueOrigin(raw, span, name, options),
    nest: stepNest(),
  }
  return list.flatMap((inv) => followInvocation(inv, ctx))
}

/** A value written as one matrix value alone (`${{ matrix.tag }}`); its key is the first group. */
export const MATRIX_REF = /^\s*\$\{\{\s*matrix\.([A-Za-z0-9_.-]+)\s*\}\}\s*$/

/** A value written straight from the matrix is fixed in the matrix; any other value where it is written. */
function valueOrigin(raw: string, span: Span | undefined, name: string, options: StepFollowOptions): Origin | undefined {
  const value = expandedValue(raw, options.words ?? options.scope)
  const key = MATRIX_REF.exec(raw)?.[1]
  const matrixSpan = key !== undefined ? options.matrixSpans?.get(key) : undefined
  if (matrixSpan && value !== undefined) {
    return {
      span: matrixSpan,
      message: `matrix value ${key}=${value}`,
      ...(span ? { via: { span, message: `passes ${name}=${value} on` } } : {}),
    }
  }
  if (!span) return undefined
  return { span, message: value !== undefined ? `sets ${name}=${value}` : `sets ${name}` }
}
