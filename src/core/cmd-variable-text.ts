/**
 * cmd's environment variables `%NAME%` (and PowerShell's after `--%`), as the shell reader leaves them in a word's
 * value: `$` U+E004 `env:NAME}`, PowerShell's `${env:NAME}` with its `{` marked by a private-use character, in no file
 * read. Expansion reads it as `${env:NAME}` (the environment's NAME, names without case: workflow-expressions
 * `expand`); text shown to users shows `%NAME%`, as written (workflow-expressions `shownText`). Every character but
 * the mark is that of `${env:NAME}`, in the same place: offsets, lengths and the readers that look for a `$`, a `:` or
 * the name stay as they were; the few that read the `${env:` form (link.ts `canonical`) read it through
 * {@link cmdVariablesAsEnv}.
 */

/** What opens a marked cmd variable. */
export const CMD_VARIABLE_OPEN = '$\uE004'

/** cmd's `%name%` as the shell readers put it in a word's value. */
export function cmdVariableText(name: string): string {
  return `${CMD_VARIABLE_OPEN}env:${name}}`
}

/** A marked cmd variable; its name is the first group. */
export const MARKED_CMD_VARIABLE = /\$\uE004env:([A-Za-z_][A-Za-z0-9_]*)\}/g

/** `text` with each marked cmd variable shown as written, `%name%`. */
export function showCmdVariables(text: string): string {
  return text.includes('\uE004') ? text.replace(MARKED_CMD_VARIABLE, '%$1%') : text
}

/** `text` with each marked cmd variable in the form expansion reads it as, `${env:name}`. */
export function cmdVariablesAsEnv(text: string): string {
  return text.includes('\uE004') ? text.replaceAll(CMD_VARIABLE_OPEN, '${') : text
}
