/**
 * What a step's own commands read as shell variables: the scope of the step, with the shell it runs in. In PowerShell
 * `$NAME` is a PowerShell variable, not the environment; a name the script assigns itself is not the value the CI
 * exported (see parsers/script-assignments.ts). Both unknown.
 */
import type { HostRef } from '../model/project.js'
import type { Step } from '../model/workflow.js'
import { NO_ASSIGNMENTS, scriptAssignments, type ScriptAssignments } from '../parsers/script-assignments.js'
import type { ShellDialect } from '../parsers/shell.js'
import type { ParsedStep } from '../parsers/workflow.js'

/** The dialect a workflow step's commands were read in, as link.ts `stepCommands` picks them. */
export function workflowStepDialect(step: Step & { readonly dialect?: ShellDialect }, host: HostRef | undefined): ShellDialect | undefined {
  if (step.commandsByDialect && host && host.info.os !== 'unknown') return host.info.os === 'windows' ? 'powershell' : 'posix'
  return step.dialect
}

/**
 * The dialect an Azure step's script runs in: its shell, or `script` (cmd on Windows agents, bash elsewhere). A batch
 * script (`AzureCLI@2`'s `scriptType: batch`) runs on Windows only: none on another host.
 */
export function azureStepDialect(step: Step, host: HostRef | undefined): ShellDialect | undefined {
  if (step.run === undefined) return undefined
  if (step.shell === 'bash') return 'posix'
  if (step.shell === 'powershell' || step.shell === 'pwsh') return 'powershell'
  if (step.shell === 'cmd') return host === undefined || host.info.os === 'windows' || host.info.os === 'unknown' ? 'cmd' : undefined
  return host?.info.os === 'windows' ? 'cmd' : 'posix'
}

/** The names a workflow step's script assigns in `dialect`, as the parser read them where it split the script. */
export function workflowStepAssignments(step: Step, dialect: ShellDialect | undefined): ScriptAssignments {
  return (dialect && (step as Partial<ParsedStep>).assignments?.[dialect]) || NO_ASSIGNMENTS
}

/**
 * The names Azure steps' scripts assign, read once per step and dialect: a job's matrix legs share its steps (the
 * parser reads a script with its macros rewritten, not as written, so the linker reads it here).
 */
export class AzureStepAssignments {
  private readonly read = new Map<Step, Partial<Record<ShellDialect, ScriptAssignments>>>()

  /** What `step`'s script assigns in `dialect` (none without a script or a dialect). */
  of(step: Step, dialect: ShellDialect | undefined): ScriptAssignments {
    const script = step.run?.value
    if (script === undefined || dialect === undefined) return NO_ASSIGNMENTS
    let byDialect = this.read.get(step)
    if (byDialect === undefined) this.read.set(step, (byDialect = {}))
    return (byDialect[dialect] ??= scriptAssignments(script, dialect))
  }
}

/**
 * `scope` for the commands of a script read in `dialect` (`own`): {@link ExpansionContext} `powershell` (its `$NAME`
 * is not the environment), `posix` (its `$env:NAME` is not the environment) and `assigned` (the names of
 * `assignments`, what the script assigns in `dialect`); and for the files it runs (`files`, in their own shell):
 * `scope` with the names the script assigned, as they inherit them. No dialect (no script): `scope` for both.
 */
export function scriptScopes<S extends object>(
  scope: S,
  dialect: ShellDialect | undefined,
  assignments: ScriptAssignments,
): { own: S; files: S } {
  if (dialect === undefined) return { own: scope, files: scope }
  const { own, inherited } = assignments
  // Copies with the fields assigned, not literals of spreads: a property after a spread in a literal is stored on
  // V8's slow path (once per step). Copied by Object.assign, not by a spread: on Node 20 a field added to a spread's
  // copy makes a hidden class of its own per copy, and every read of the scopes (the linker's, the expansion's) was
  // then megamorphic and missed V8's cache of property lookups (issue 11).
  const ownScope = Object.assign({}, scope) as S & ShellScope
  if (dialect === 'powershell') ownScope.powershell = true
  else if (dialect === 'posix') ownScope.posix = true
  if (own.length > 0) ownScope.assigned = new Set(own)
  let files = scope
  if (inherited.length > 0) {
    const inheriting = Object.assign({}, scope) as S & ShellScope
    inheriting.assigned = new Set(inherited)
    files = inheriting
  }
  return { own: ownScope, files }
}

/**
 * `files` (a step's scope for the files it runs, see {@link scriptScopes}) for the words of its commands that run them
 * (their arguments, make's command line): read by the step's own shell (`dialect`: PowerShell's `$TAG` is no
 * environment variable, bash's `$env:TAG` neither), with the names the step assigns unknown, though not for the one
 * file it runs in its own process (`./build.ps1`), which runs after its words are read.
 */
export function wordsScope<S extends object>(files: S, dialect: ShellDialect | undefined): S {
  if (dialect !== 'powershell' && dialect !== 'posix') return files
  // Object.assign, not a spread: see scriptScopes.
  const out = Object.assign({}, files) as S & ShellScope
  if (dialect === 'powershell') out.powershell = true
  else out.posix = true
  return out
}

/** The fields {@link scriptScopes} sets (those of {@link ExpansionContext} it reads). */
interface ShellScope {
  powershell?: boolean
  posix?: boolean
  assigned?: ReadonlySet<string>
}

/**
 * `scope` (a step's `files` scope: what a child process inherits) for the commands of a command string the step runs
 * (`bash -c '…'`) in `dialect`: its own shell's reading (see {@link scriptScopes} `own`), the names the string assigns
 * unknown, as are those the step assigned and exported (already in `scope`).
 */
export function stringScope<S extends object>(scope: S, dialect: ShellDialect, assignments: ScriptAssignments): S {
  const inherited = (scope as ShellScope).assigned
  const own = inherited && inherited.size > 0 ? { own: [...assignments.own, ...inherited], inherited: [] } : assignments
  return scriptScopes(scope, dialect, own).own
}
