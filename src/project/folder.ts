/**
 * The folder a command runs in after its script's changes of folder (parsers/folder-changes.ts): the folder the
 * script starts in, joined with each folder a `cd` (`pushd`, `Set-Location`…) named, expanded as the command's own
 * words are. Unknown when any of them cannot be known (a variable without a known value), leaves the tree (an
 * absolute path, more `..` than the depth), or is not a plain path (`~`, a glob, a backslash in POSIX sh, a drive).
 */
import { joinRel } from '../core/rel-path.js'
import type { FolderChange, ScriptFolderForm } from '../model/workflow.js'

/**
 * `dir` after `chdir` (undefined: unknown), the words expanded by `expand`. After a move to the script's own folder,
 * from that folder (`from`); unknown when no reader of the script's file named it (`self`: an inline script's `$0`).
 */
export function commandFolder(dir: string | undefined, chdir: FolderChange | undefined, expand: (raw: string) => string | undefined): string | undefined {
  if (chdir === undefined) return dir
  if (chdir === 'unknown' || chdir.self !== undefined) return undefined
  let folder = chdir.from ?? dir
  for (const w of chdir.dirs) {
    if (folder === undefined) return undefined
    const v = expand(w.value)
    if (v === undefined || v === '' || v.startsWith('~') || /[*?[]/.test(v)) return undefined
    // A backslash is a separator on Windows shells only (joinRel takes it for one); PowerShell's providers and drives,
    // and a `%` cmd left as it is (`%~dp0`, the batch file's own folder) are no folder of the tree.
    if (chdir.windows ? /[:%]/.test(v) : v.includes('\\')) return undefined
    folder = joinRel(folder, v)
  }
  return folder
}

/** How a script file was run: by which program (`bash`, `.`, `source`…; `''` for the file itself), by which path. */
export interface ScriptRun {
  readonly program?: string
  readonly script: string | undefined
}

/**
 * The folder of the script `rel` (its folder in the tree, as run: a link's own, as `$0`, `BASH_SOURCE` and
 * `$PSScriptRoot` give it), as `form` names it when the script runs as `run` says; undefined when it may name another:
 * sh's `$0` in a sourced file (the caller's), bash's `BASH_SOURCE` unless bash runs the file itself (`bash x.sh`, or a
 * `#!` line naming bash in `text`), either unquoted when the path run holds a blank or a glob (split by the shell).
 * PowerShell's `$PSScriptRoot` (a dot-sourced file's own too) names it unless the script may assign it, cmd's `%~dp0`
 * unless the folder holds a blank (split where the word is not quoted).
 */
export function scriptFolder(form: ScriptFolderForm, run: ScriptRun, rel: string, text: string): string | undefined {
  const folder = rel.slice(0, Math.max(rel.lastIndexOf('/'), 0))
  // A script that assigns $PSScriptRoot itself; a blank in cmd's unquoted `%~dp0` splits it.
  if (form === 'PSScriptRoot') return /\$PSScriptRoot\s*=(?!=)|(?:Set-Variable|New-Variable|\bsv\b)[^\n]*PSScriptRoot/i.test(text) ? undefined : folder
  if (form === '%~dp0') return /\s/.test(folder) ? undefined : folder
  if (run.program === '.' || run.program === 'source') return undefined
  if (form.startsWith('BASH_SOURCE') && !(run.program === 'bash' || (run.program === '' && /^#![^\n]*\bbash\b/.test(text)))) return undefined
  if (form.endsWith('unquoted') && /[\s*?[]/.test(run.script ?? ' ')) return undefined
  return folder
}

/** {@link scriptFolder} for one run of a script, each form worked out once (a script moves once, read by many commands). */
export function scriptFolders(run: ScriptRun, rel: string, text: string): (form: ScriptFolderForm) => string | undefined {
  const known = new Map<ScriptFolderForm, string | undefined>()
  return (form) => {
    if (!known.has(form)) known.set(form, scriptFolder(form, run, rel, text))
    return known.get(form)
  }
}

/**
 * `chdir` with its move to the script's own folder (`self`) read from the folder `own` gives for its form (`from`);
 * unknown where `own` gives none (or is not given).
 */
export function fromScriptFolder(chdir: FolderChange | undefined, own: ((form: ScriptFolderForm) => string | undefined) | undefined): FolderChange | undefined {
  if (chdir === undefined || chdir === 'unknown' || chdir.self === undefined) return chdir
  const from = own?.(chdir.self)
  return from === undefined ? 'unknown' : { dirs: chdir.dirs, windows: chdir.windows, from }
}
