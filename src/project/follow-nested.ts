/**
 * What a followed file runs in turn: a script a script runs (`& ./ci/image.ps1 -Release ltsc2025`), a script a
 * Makefile recipe runs (`./scripts/image.sh ltsc2025`), make a script runs (`make image`). Each is followed as the
 * step's own calls are (follow.ts), in the folder and with the environment it runs in: the callee inherits the
 * caller's environment, and a name the caller assigns itself is unknown in it unless isolint reads it as passed (a
 * parameter bound to an argument, `$1`, `%1`, a `X=1 ./x.sh` prefix), as between a step and the files it runs
 * (script-scope.ts `scriptScopes`). PowerShell's dynamic scoping and cmd's shared variables are not guessed: a name
 * the caller gives a value is unknown.
 *
 * Limits, counted (never timed): a chain of at most {@link MAX_FOLLOW_DEPTH} files from the step; a file already on
 * the chain (a script that runs itself, a cycle) is not followed again; at most {@link MAX_FOLLOWED_FILES} files
 * followed per step. Past a limit the file's docker commands are not read; what it may write to `GITHUB_ENV` is read
 * by make-env-writes.ts `commandsWrites` under the same limits (every variable unknown past them).
 */
import type { RelatedLocation } from '../core/finding.js'
import type { Span } from '../core/span.js'
import type { Writable } from '../model/workflow.js'
import type { Origin } from '../parsers/makefile.js'
import type { Invocation } from '../parsers/shell.js'
import { expandedValue } from '../parsers/workflow-expressions.js'
import { followInvocation, type FollowContext, type Followed } from './follow.js'

/** Files on a chain from the step: the step runs the first, which runs the second… */
export const MAX_FOLLOW_DEPTH = 4
/** Files followed per step, every chain counted. */
export const MAX_FOLLOWED_FILES = 100

/** Where a followed file stands: the files on its chain before it, and what is left of the step's budget. */
export interface Nest {
  readonly files: readonly string[]
  readonly budget: { left: number }
}

/** A new chain, for a step's own calls. */
export function stepNest(): Nest {
  return { files: [], budget: { left: MAX_FOLLOWED_FILES } }
}

/**
 * Whether `file` may be followed at the end of `ctx`'s chain, counting it against the step's budget when it may: not
 * on the chain already, within the depth, within the budget. Without a chain (a reader that does not nest): always.
 */
export function mayFollow(ctx: FollowContext, file: string): boolean {
  const nest = ctx.nest
  if (!nest) return true
  if (nest.files.includes(file) || nest.files.length >= MAX_FOLLOW_DEPTH || nest.budget.left <= 0) return false
  nest.budget.left--
  return true
}

/** The file whose commands run the calls, as the callees see it. */
export interface Caller {
  readonly file: string
  /** The folder the caller runs in (its calls' paths are read there). */
  readonly workdir: string | undefined
  /** The environment a callee inherits (the caller's process environment, not its own variables). */
  readonly env: ReadonlyMap<string, string>
  /** The names the caller assigns itself (a value isolint does not pass on): unknown in the callee. */
  readonly assigned: readonly string[]
  /** Expands a word of the caller (its own variables and parameters included). */
  readonly expand: (raw: string) => string | undefined
  /**
   * Where a value a word of the caller passes on is fixed, when it is one of the caller's own values with a place (a
   * parameter the step set): the callee's findings point there, not at the word that passes it.
   */
  readonly originOf?: (raw: string, span: Span, name: string) => Origin | undefined
  /** The caller's own place on the chain (`runs ci/build.ps1` at the line that runs it), put before its callees'. */
  readonly via: readonly RelatedLocation[]
  /**
   * False when a make it runs would get values isolint does not pass on (a recipe's `$(MAKE)` gets the command-line
   * variables and flags of its make through MAKEFLAGS): such a make is not followed.
   */
  readonly followsMake?: boolean
}

const MAKE = /^(?:.*[\\/])?(?:g?make|mingw32-make)(?:\.exe)?$/i

/** The scope a callee's commands are expanded in: the caller's, with the names it assigns unknown. */
type Scope = FollowContext['scope'] & { readonly assigned?: ReadonlySet<string> }

/**
 * The docker commands of the files `invocations` (the caller's calls) run, followed in turn to the limits. Their
 * `GITHUB_ENV` writes are not kept here (see the module's comment).
 */
export function followNested(invocations: readonly Invocation[], caller: Caller, ctx: FollowContext): Followed[] {
  const nest = ctx.nest
  if (!nest || invocations.length === 0) return []
  const inherited = (ctx.scope as Scope).assigned
  const assigned = new Set(inherited)
  for (const name of caller.assigned) assigned.add(name)
  const scope: Scope = { ...ctx.scope, env: caller.env, assigned }
  const child: FollowContext = {
    ...ctx,
    scope,
    workdir: caller.workdir,
    expand: caller.expand,
    // A value the caller passes is fixed where the caller writes it.
    origin: (raw, span, name) => {
      if (!span) return undefined
      const passed = caller.originOf?.(raw, span, name)
      if (passed) return passed
      const value = caller.expand(raw)
      return { span, message: value !== undefined ? `sets ${name}=${value}` : `sets ${name}` }
    },
    nest: { files: [...nest.files, caller.file], budget: nest.budget },
  }
  const out: Followed[] = []
  for (const inv of invocations) {
    if (nest.budget.left <= 0) break
    if (caller.followsMake === false && MAKE.test(inv.words[0]?.value ?? '')) continue
    // A prefix passes its value on (`TAG=x ./b.sh`): the callee reads it, whatever else the caller assigns.
    const passed = passedNames(inv, assigned)
    const own = passed ? { ...child, scope: { ...scope, assigned: passed } } : child
    for (const f of followInvocation(inv, own)) {
      if (f.commands.length === 0) continue
      const followed: Writable<Followed> = { ...f, via: [...caller.via, ...f.via], env: f.env ?? scope.env, assigned: f.assigned ?? passed ?? assigned }
      delete followed.envWrites
      out.push(followed)
    }
  }
  return out
}

/** `assigned` without the names the command's prefixes assign (`TAG=x ./b.sh`); undefined when it holds none of them. */
function passedNames(inv: Invocation, assigned: ReadonlySet<string>): ReadonlySet<string> | undefined {
  const names = (inv.assignments ?? []).map((w) => /^[A-Za-z_][A-Za-z0-9_]*/.exec(w.value)?.[0] ?? '').filter((n) => assigned.has(n))
  if (names.length === 0) return undefined
  return new Set([...assigned].filter((n) => !names.includes(n)))
}

/**
 * A caller's expansion of its words: in `scope` with `env` (its variables), each word first put in the form the
 * linker expands (`rewrite`: sh's `$1` as its argument).
 */
export function callerExpand(
  scope: FollowContext['scope'],
  env: ReadonlyMap<string, string>,
  rewrite: (raw: string) => string = (raw) => raw,
): (raw: string) => string | undefined {
  const own = { ...scope, env }
  return (raw) => expandedValue(rewrite(raw), own)
}
