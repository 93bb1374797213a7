/**
 * Azure Pipelines macros `$(name)` inside the text of a script, as the Azure reader leaves them for the shell
 * readers: `$` U+E002 name U+E003, private-use characters in no file read. The same length as `$(name)`, so offsets
 * stay exact; no shell reads it as a command substitution (cmd stops at `)`) nor as one of its own variables (a
 * bash `${tag}` is not the macro `$(tag)`). Expansion reads it with the job's variables, names without case
 * (workflow-expressions `macros`); text shown to users shows `$(name)` again (workflow-expressions `shownText`, where the linker makes it).
 */

export const MACRO_OPEN = '$\uE002'
export const MACRO_CLOSE = '\uE003'

/** The macro `$(name)` as the shell readers are given it. */
export function macroText(name: string): string {
  return MACRO_OPEN + name + MACRO_CLOSE
}

/** A marked macro; its name is the first group. */
export const MARKED_MACRO = /\$\uE002([^\uE003]*)\uE003/g

/** `text` with each marked macro shown as written, `$(name)`. */
export function showMacros(text: string): string {
  return text.includes('\uE002') ? text.replace(MARKED_MACRO, (_, name: string) => `$(${name})`) : text
}
