/**
 * What a step's own commands read as shell variables: the scope of the step, with the shell it runs in. In PowerShell
 * `$NAME` is a PowerShell variable, not the environment; a name the script assigns itself is not the value the CI
 * exported (see parsers/script-assignments.ts). Both unknown.
 */
import type { HostRef } from '../model/project.js'
import type { Step } from '../model/workflow.js'
import { assignedNames } from '../parsers/script-assignments.js'
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
 * `scope` for the commands of a script read in `dialect`: {@link ExpansionContext} `powershell` (its `$NAME` is not
 * the environment), `posix` (its `$env:NAME` is not the environment) and `assigned`.
 */
export function scriptScope<S extends object>(scope: S, script: string | undefined, dialect: ShellDialect | undefined): S {
  if (script === undefined || dialect === undefined) return scope
  const names = assignedNames(script, dialect)
  const shell = dialect === 'powershell' ? { powershell: true } : dialect === 'posix' ? { posix: true } : {}
  return { ...scope, ...shell, ...(names.length > 0 ? { assigned: new Set(names) } : {}) }
}

/** The names a step's script assigned, as the files it runs inherit them (see {@link assignedNames} `filesFollowed`). */
export function inheritedNames(script: string | undefined, dialect: ShellDialect | undefined): ReadonlySet<string> | undefined {
  if (script === undefined || dialect === undefined) return undefined
  const names = assignedNames(script, dialect, true)
  return names.length > 0 ? new Set(names) : undefined
}
