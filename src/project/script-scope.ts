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
export function scriptScopes<S extends object>(scope: S, script: string | undefined, dialect: ShellDialect | undefined): { own: S; files: S } {
  if (script === undefined || dialect === undefined) return { own: scope, files: scope }
  const { own, inherited } = scriptAssignments(script, dialect)
  const shell = dialect === 'powershell' ? { powershell: true } : dialect === 'posix' ? { posix: true } : {}
  return {
    own: { ...scope, ...shell, ...(own.length > 0 ? { assigned: new Set(own) } : {}) },
    files: inherited.length > 0 ? { ...scope, assigned: new Set(inherited) } : scope,
  }
}

/** {@link scriptScopes}' `own`: the scope of a script's own commands. */
export function scriptScope<S extends object>(scope: S, script: string | undefined, dialect: ShellDialect | undefined): S {
  return scriptScopes(scope, script, dialect).own
}
