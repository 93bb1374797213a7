/**
 * The folder a command runs in after its script's changes of folder (parsers/folder-changes.ts): the folder the
 * script starts in, joined with each folder a `cd` (`pushd`, `Set-Location`…) named, expanded as the command's own
 * words are. Unknown when any of them cannot be known (a variable without a known value), leaves the tree (an
 * absolute path, more `..` than the depth), or is not a plain path (`~`, a glob, a backslash in POSIX sh, a drive).
 */
import { joinRel } from '../core/rel-path.js'
import type { FolderChange } from '../model/workflow.js'

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
