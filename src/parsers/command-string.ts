/**
 * Command strings: `bash -c '…'`, `sh -c "…"`, `pwsh -Command '…'`, `cmd /c "…"`. The string is a script of its own,
 * run by a child shell in that shell's dialect. It is read only when the text the child gets is the text written in
 * the file, character for character (so every offset in it is the file's, shifted by a constant): a single-quoted
 * string, or a double-quoted or bare one in which the outer shell changes nothing. Anything the outer shell expands
 * or escapes (`bash -c "docker run $IMG"`, `'\''` joins, `%X%` in cmd) is not read: isolint cannot know the text.
 * One level only: a command string inside a command string is not read.
 */
import { cmdOption, POSIX_SHELLS, posixCommandIndex, powershellCommandIndex } from './script-call.js'
import { commandWords, programName, type PrefixEffects, type ShellDialect, type ShellWord } from './shell.js'
import { LITERAL_DOLLAR } from './workflow-expressions.js'

/** Where a command string is in the outer script, and the dialect of the shell that runs it. */
export interface CommandStringAt {
  readonly dialect: ShellDialect
  /** Offsets of the string's text (its quotes excluded) in the outer script. */
  readonly start: number
  readonly end: number
  /** The shell runs in a folder isolint cannot know (a login shell, `pwsh -WorkingDirectory`). */
  readonly moved: boolean
}

/** The outer script and, when its offsets go through another map (a YAML scalar), whether a range maps exactly. */
export interface CommandStringSource {
  readonly script: string
  /** Whether the script offsets [start, end) map exactly to the file (undefined: always, as in a file read as is). */
  readonly exact?: (start: number, end: number) => boolean
}

/** A cheap first test: the last character of a shell's name (`bash`, `pwsh`, `powershell`, `cmd`, `….exe`). */
function mayBeShell(word: string): boolean {
  const c = word.charCodeAt(word.length - 1) | 0x20
  return c === 0x68 /* h */ || c === 0x6c /* l */ || c === 0x64 /* d */ || c === 0x65 /* e */
}

/**
 * The command string a simple command runs, when isolint can read it exactly (see the module's comment); undefined
 * for any other command. `outer` is the dialect of the script the command is written in.
 */
export function commandStringAt(
  shellWords: readonly ShellWord[],
  effects: PrefixEffects,
  outer: ShellDialect,
  source: CommandStringSource,
): CommandStringAt | undefined {
  const words = commandWords(shellWords, effects)
  // `env -S 'bash -c …'`: the words env split its string into are not the file's text.
  if (words !== shellWords) return undefined
  const k = effects.start
  const first = words[k]
  if (!first || first.quoted || !mayBeShell(first.value)) return undefined
  const program = programName(first.value)
  let found: { index: number; dialect: ShellDialect; moved: boolean } | undefined
  if (POSIX_SHELLS.has(program)) found = posixString(words, k + 1)
  else if (program === 'pwsh' || program === 'powershell') found = powershellString(words, k + 1)
  // Git Bash turns a `/c` argument into the path `C:/` (MSYS path conversion): cmd then runs no string.
  else if (program === 'cmd' && outer !== 'posix') found = cmdString(words, k + 1)
  if (!found) return undefined
  const w = words[found.index]!
  const text = exactText(w, outer, found.dialect, source.script)
  if (!text) return undefined
  if (source.exact && !source.exact(text.start, text.end)) return undefined
  return { dialect: found.dialect, start: text.start, end: text.end, moved: found.moved }
}

/** `bash|sh|dash|zsh [options] -c STRING [name [args…]]` (script-call.ts {@link posixCommandIndex}); a quoted word is no option. */
function posixString(words: readonly ShellWord[], i: number): { index: number; dialect: ShellDialect; moved: boolean } | undefined {
  const at = posixCommandIndex((j) => (words[j]!.quoted ? undefined : words[j]!.value), words.length, i)
  return at && { index: at.index, dialect: 'posix', moved: at.moved }
}

/**
 * `pwsh|powershell [options] -Command STRING`: any prefix of `-Command` from `-c` (PowerShell takes a unique prefix),
 * and STRING the last word (more words are joined into one script: not read). `-EncodedCommand`, `-File`, an option
 * isolint does not know: none.
 */
function powershellString(words: readonly ShellWord[], i: number): { index: number; dialect: ShellDialect; moved: boolean } | undefined {
  const at = powershellCommandIndex((j) => (words[j]!.quoted ? undefined : words[j]!.value), words.length, i)
  return at?.named && at.index + 1 === words.length ? { index: at.index, dialect: 'powershell', moved: at.moved } : undefined
}

/**
 * `cmd [/s /q /d …] /c STRING` (also `/k`): STRING is the rest of the line, here one double-quoted word (cmd drops
 * its first and last quote). `/v:on` (delayed expansion of `!X!`) and any option isolint does not know: none.
 */
function cmdString(words: readonly ShellWord[], i: number): { index: number; dialect: ShellDialect; moved: boolean } | undefined {
  for (; i < words.length; i++) {
    if (words[i]!.quoted) return undefined
    const kind = cmdOption(words[i]!.value)
    if (kind === 'command') return i + 2 === words.length ? { index: i + 1, dialect: 'cmd', moved: false } : undefined
    if (kind !== 'switch') return undefined
  }
  return undefined
}

/** Characters a bare word of the string may hold: none that any shell reads (quotes, `$`, escapes, globs, `%`). */
const BARE = /^[A-Za-z0-9_.,:/=+@-]+$/
/** Characters PowerShell reads as quotes (its "smart" quotes among them). */
const POWERSHELL_QUOTES = /['"\u2018-\u201E]/

/**
 * The offsets of the string's text when the outer shell passes it on exactly as written: the word is one quoted
 * section (no `'a'"b"` join), its value the text between the quotes, with no character the outer shell reads there
 * (`$`, backtick, backslash, `%`…). A string the child gets through a Windows command line (PowerShell and cmd call
 * programs so) holds no `"` and does not end with `\`.
 */
function exactText(w: ShellWord, outer: ShellDialect, inner: ShellDialect, script: string): { start: number; end: number } | undefined {
  const q = script[w.start]
  const quoted = q === "'" || q === '"'
  const start = quoted ? w.start + 1 : w.start
  const end = quoted ? w.end - 1 : w.end
  if (end < start || (quoted && script[w.end - 1] !== q)) return undefined
  const text = script.slice(start, end)
  // The value the outer shell gives is the text as written (a `$` in single quotes is marked as text: LITERAL_DOLLAR).
  if (w.value.replaceAll(LITERAL_DOLLAR, '$') !== text) return undefined
  if (!quoted) return BARE.test(text) && !(outer === 'cmd' && text.includes('%')) ? { start, end } : undefined
  if (q === "'" && outer === 'cmd') return undefined
  if (q === '"') {
    if (/[$`"\\%^!]/.test(text)) return undefined
  } else if (outer === 'powershell' && POWERSHELL_QUOTES.test(text)) return undefined
  // Through a Windows command line: a `"` would need escapes PowerShell 5.1 does not write, a final `\` escapes the
  // closing quote. A child POSIX shell of a POSIX shell gets its argument as is.
  if (!(outer === 'posix' && inner === 'posix') && (text.includes('"') || text.endsWith('\\'))) return undefined
  if (outer === 'powershell' && POWERSHELL_QUOTES.test(text)) return undefined
  return { start, end }
}
