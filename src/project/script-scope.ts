/**
 * What a step's own commands read as shell variables: the scope of the step, with the shell it runs in. In PowerShell
 * `$NAME` is a PowerShell variable, not the environment; a name the script assigns itself is not the value the CI
 * exported (see parsers/script-assignments.ts). Both unknown.
 */
import type { HostRef } from '../model/project.js'
import type { Step } from '../model/workflow.js'
import { scriptAssignments } from '../parsers/script-assignments.js'
import type { ShellDialect } from '../parsers/shell.js'

/** The dialect a workflow step's commands were read in, as link.ts `stepCommands` picks them. */
export function workflowStepDialect(step: Step & { readonly dialect?: ShellDialect }, host: HostRef | undefined): ShellDialect | undefined {
  if (step.commandsByDialect && host && host.info.os !== 'unknown') return host.info.os === 'windows' ? 'powershell' : 'posix'
  return step.dialect
}

/** The dialect an Azure step's script runs in: its shell, or `script` (cmd on Windows agents, bash elsewhere). */
export function azureStepDialect(step: Step, host: HostRef | undefined): ShellDialect | undefined {
  if (step.run === undefined) return undefined
  if (step.shell === 'bash') return 'posix'
  if (step.shell === 'powershell' || step.shell === 'pwsh') return 'powershell'
  return host?.info.os === 'windows' ? 'cmd' : 'posix'
}

/**
 * `scope` for the commands of a script read in `dialect` (`own`): {@link ExpansionContext} `powershell` (its `$NAME`
 * is not the environment), `posix` (its `$env:NAME` is not the environment) and `assigned`; and for the files it
 * runs (`files`, in their own shell): `scope` with the names the script assigned, as they inherit them. The script
 * is read once for both.
 */
export function scriptScopes<S extends object>(
  scope: S,
  script: string | undefined,
  dialect: ShellDialect | undefined,
): { own: S; files: S } {
  if (script === undefined || dialect === undefined) return { own: scope, files: scope }
  const { own, inherited } = scriptAssignments(script, dialect)
  // Copies with the fields assigned, not literals of spreads: a property after a spread in a literal is stored on
  // V8's slow path (once per step).
  const ownScope = { ...scope } as S & ShellScope
  if (dialect === 'powershell') ownScope.powershell = true
  else if (dialect === 'posix') ownScope.posix = true
  if (own.length > 0) ownScope.assigned = new Set(own)
  let files = scope
  if (inherited.length > 0) {
    const inheriting = { ...scope } as S & ShellScope
    inheriting.assigned = new Set(inherited)
    files = inheriting
  }
  return { own: ownScope, files }
}

/** The fields {@link scriptScopes} sets (those of {@link ExpansionContext} it reads). */
interface ShellScope {
  powershell?: boolean
  posix?: boolean
  assigned?: ReadonlySet<string>
}
