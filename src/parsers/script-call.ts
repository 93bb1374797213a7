/**
 * What a command runs, read from its words: a script file (`./build.ps1`, `bash ./ci/x.sh`, `pwsh -File x.ps1`,
 * `. env.sh`, `call x.cmd`) in a dialect with its arguments, make, or a command string (`bash -c '…'`). One table of
 * the shells' options ({@link posixOption}, {@link powershellOption}, {@link cmdOption}) serves the three readers:
 * the scripts a step or a followed file runs (follow-script.ts), the scripts whose `GITHUB_ENV` writes are read
 * (make-env-writes.ts), and the command strings (command-string.ts for their docker commands, {@link commandStringOf}
 * for the files they run). Pure.
 */
import { programName, type ShellDialect } from './shell.js'

/** What one option word of a shell does to the words after it. */
export type ShellOption =
  /** The next word is its value (`-o pipefail`, `-ExecutionPolicy Bypass`). */
  | 'value'
  /** It takes a value and moves the shell to a folder isolint cannot know (`-WorkingDirectory x`). */
  | 'moving-value'
  /** It takes no value. */
  | 'switch'
  /** It takes no value and may start the shell in another folder (a login shell: `-l`, `--login`). */
  | 'moving-switch'
  /** The command string comes after the options (`-c`, `-lc`, `-Command`). */
  | 'command'
  /** A script file comes next (`-File x.ps1`). */
  | 'file'
  /** What comes after is no file isolint can read (`-EncodedCommand`). */
  | 'none'
  /** The end of the options (`--`). */
  | 'end'
  /** An option isolint does not know (a cluster holding `o`, `-Foo`): what it takes is unknown. */
  | 'unknown'

/**
 * PowerShell's options that take a value, other than the folder (names and the short forms pwsh documents); shared
 * with follow-script.ts, which finds the `-File` a PowerShell runs past them.
 */
export const POWERSHELL_VALUE_OPTION = /^-(?:ExecutionPolicy|ex|ep|WindowStyle|w|InputFormat|if|OutputFormat|of|o|Version|v|ConfigurationName|PSConsoleFile)$/i
/** PowerShell's option that sets the folder it starts in (it takes a value). */
export const POWERSHELL_MOVING_OPTION = /^-(?:WorkingDirectory|wd)$/i
const POWERSHELL_SWITCH = /^-(?:NoProfile|nop|NonInteractive|noni|NoLogo|nol|NoExit|noe|Sta|Mta|Interactive|i|Login|l)$/i

/**
 * An option of bash, sh, dash, zsh or ksh (`v` starts with `-` or `+`): `--` ends them, `-o`/`+o`/`-O`/`+O` and
 * `--rcfile`/`--init-file` take a value, `-c` alone or in a cluster (`-lc`, `-ec`) runs a command string, `-l` and
 * `--login` start a login shell (in its home folder, as Git Bash's profile does); a cluster holding `o` is unknown.
 */
export function posixOption(v: string): ShellOption {
  if (v === '--') return 'end'
  if (v.startsWith('--')) return v === '--login' ? 'moving-switch' : v === '--rcfile' || v === '--init-file' ? 'value' : 'switch'
  if (/^[-+][oO]$/.test(v)) return 'value'
  if (/[oO]/.test(v) || !/^[-+][A-Za-z]+$/.test(v)) return 'unknown'
  if (v.startsWith('-') && v.includes('c')) return 'command'
  return v.startsWith('-') && v.includes('l') ? 'moving-switch' : 'switch'
}

/**
 * An option of pwsh or powershell (`v` starts with `-`): `-File` (`-f`), any prefix of `-Command` from `-c` (PowerShell
 * takes a unique prefix), `-EncodedCommand` (`-e`, `-ec`), the options that take a value, the switches; any other is
 * unknown.
 */
export function powershellOption(v: string): ShellOption {
  if (/^-(?:f|file)$/i.test(v)) return 'file'
  const lower = v.toLowerCase()
  if (lower.length >= 2 && '-command'.startsWith(lower)) return 'command'
  if (/^-(?:encodedcommand|e|ec)$/i.test(v)) return 'none'
  if (POWERSHELL_MOVING_OPTION.test(v)) return 'moving-value'
  if (POWERSHELL_VALUE_OPTION.test(v)) return 'value'
  return POWERSHELL_SWITCH.test(v) ? 'switch' : 'unknown'
}

/** An option of cmd (`/c`, `/k`: a command string; `/s`, `/q`, `/d`, … switches; `/v:on` and others unknown). */
export function cmdOption(v: string): ShellOption {
  const lower = v.toLowerCase()
  if (lower === '/c' || lower === '/k') return 'command'
  return /^\/(?:s|q|d|a|u|v:off|e:on|e:off|f:off)$/.test(lower) ? 'switch' : 'unknown'
}

/** The shells whose options are {@link posixOption}'s. */
export const POSIX_SHELLS: ReadonlySet<string> = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh'])

/** The dialect a script file's extension says it is written in. */
const SCRIPT_EXT: Readonly<Record<string, ShellDialect>> = { ps1: 'powershell', sh: 'posix', bash: 'posix', cmd: 'cmd', bat: 'cmd' }

/** The dialect of a script file named `path`, by its extension; undefined for none isolint knows. */
export function scriptDialect(path: string): ShellDialect | undefined {
  const dot = path.lastIndexOf('.')
  return dot < 0 ? undefined : SCRIPT_EXT[path.slice(dot + 1).toLowerCase()]
}

/** What a command runs (see {@link scriptCall}). */
export type ScriptCall =
  /** The word at `index` names a script file, read in `dialect`; its arguments are the words after it. */
  | { readonly kind: 'script'; readonly index: number; readonly dialect: ShellDialect }
  /** make (`make`, `gmake`, `mingw32-make`). */
  | { readonly kind: 'make' }
  /** A word isolint cannot read where the script may be named (`pwsh $env:SCRIPT`, `"$DIR/gen.sh"`). */
  | { readonly kind: 'unknown' }

const MAKE = /^(?:g?make|mingw32-make)$/

/**
 * The script file (or make) a command runs, its program at `start` of `words` (`value` gives a word's value; undefined
 * for a word isolint cannot know): a file named with a script extension (`./x.ps1`, `ci/x.sh`, `x.cmd`), a relative
 * path with a folder and no extension (`scripts/x`, as sh runs it), the file a shell runs past its options (`bash -e
 * x.sh`, `pwsh -NoProfile -File x.ps1`, `pwsh x.ps1`, `cmd /c x.cmd`, `call x.cmd`), the file sh's `.` or `source`
 * runs. Undefined for a command that runs none: another program, a command string (`bash -c '…'`, `pwsh -Command`), a
 * shell reading its standard input.
 */
export function scriptCall<W>(words: readonly W[], value: (w: W) => string | undefined, start = 0): ScriptCall | undefined {
  if (start >= words.length) return undefined
  const first = value(words[start]!)
  // `& $env:TOOL`, `"$DIR/gen.sh"`: a program isolint cannot know may be a script.
  if (first === undefined) return UNKNOWN
  const program = programName(first)
  if (MAKE.test(program)) return MAKE_CALL
  const dialect = scriptDialect(first)
  if (dialect) return { kind: 'script', index: start, dialect }
  const at = (i: number): string | undefined => (i < words.length ? value(words[i]!) : undefined)
  if (POSIX_SHELLS.has(program)) return shellFile(at, words.length, start + 1, posixOption, 'posix')
  if (program === 'pwsh' || program === 'powershell') return shellFile(at, words.length, start + 1, powershellOption, 'powershell')
  if (program === 'call' || program === 'cmd') {
    let i = start + 1
    if (program === 'cmd') while (i < words.length && /^\/[a-z]/i.test(at(i) ?? '')) i++
    const v = at(i)
    // `cmd /c "call x.cmd"`, `cmd /c "a & b.cmd"`: cmd drops the quotes of a string that holds one of its special
    // characters or names no file, and runs a command line (commandStringOf). Another (`"my build.cmd"`) may be a file.
    if (program === 'cmd' && v !== undefined && CMD_LINE.test(v)) return undefined
    return v !== undefined && /\.(?:cmd|bat)$/i.test(v) ? { kind: 'script', index: i, dialect: 'cmd' } : undefined
  }
  if (program === 'source' || program === '.') return start + 1 < words.length ? fileAt(at(start + 1), start + 1, undefined) : undefined
  // sh runs a relative path with a folder (`scripts/ci`) as a file of its own.
  if (first.includes('/') && !first.startsWith('/')) return { kind: 'script', index: start, dialect: 'posix' }
  return undefined
}

/** A command string a shell runs (see {@link commandStringOf}): the text the child shell reads, and its dialect. */
export interface StringCall {
  readonly text: string
  readonly dialect: ShellDialect
  /** The child starts in a folder isolint cannot know (a login shell, `pwsh -WorkingDirectory`). */
  readonly moved: boolean
}

/**
 * The command string a command runs, its program at `start` of `words` (`value` gives a word's value): `bash|sh|…
 * [options] -c STRING` (the one word after the options; those after it are `$0`, `$1`…), `pwsh|powershell [options]
 * -Command …` and `cmd [switches] /c …` (/k), whose words after the option are joined into one script, as the shells
 * join them. Windows PowerShell (`powershell`, not `pwsh`) reads a first word that is no option as `-Command`.
 * Undefined for any other command, and past an option isolint does not know (the string may be anywhere). Read when
 * {@link scriptCall} finds no file: a word it reads as a file (`cmd /c "call x.cmd"`, all one path to it) stays one.
 */
export function commandStringOf<W>(words: readonly W[], value: (w: W) => string, start = 0): StringCall | undefined {
  const first = words[start]
  if (first === undefined) return undefined
  const program = programName(value(first))
  const rest = (i: number, dialect: ShellDialect, moved: boolean): StringCall | undefined =>
    i < words.length ? { text: words.slice(i).map(value).join(' '), dialect, moved } : undefined
  if (POSIX_SHELLS.has(program)) {
    const at = posixCommandIndex((i) => value(words[i]!), words.length, start + 1)
    return at ? { text: value(words[at.index]!), dialect: 'posix', moved: at.moved } : undefined
  }
  if (program === 'pwsh' || program === 'powershell') {
    const at = powershellCommandIndex((i) => value(words[i]!), words.length, start + 1)
    // Windows PowerShell reads a first word that is no option as -Command; pwsh as -File.
    return at && (at.named || program === 'powershell') ? rest(at.index, 'powershell', at.moved) : undefined
  }
  if (program === 'cmd') {
    for (let i = start + 1; i < words.length; i++) {
      const kind = cmdOption(value(words[i]!))
      if (kind === 'command') return rest(i + 1, 'cmd', false)
      if (kind !== 'switch') return undefined
    }
  }
  return undefined
}

/**
 * Where `bash|sh|dash|zsh [options] -c STRING` has its STRING: the first word after the options (from word `i` of
 * `count`), when they hold `-c` alone or in a cluster (`-lc`, `-ec`); options may follow it (`-c -e`, `--`).
 * `moved`: a login shell (`-l`, `--login`) may start in its home folder (Git Bash's profile does). Undefined without
 * `-c`, or past an option isolint does not know. `option(i)` is word i's text, undefined for a word that is no
 * option whatever its text (a quoted one, to a caller that reads quotes).
 */
export function posixCommandIndex(option: (i: number) => string | undefined, count: number, i: number): { index: number; moved: boolean } | undefined {
  let command = false
  let moved = false
  for (; i < count; i++) {
    const v = option(i)
    if (v === undefined || !(v.startsWith('-') || v.startsWith('+')) || v === '-' || v === '+') break
    const kind = posixOption(v)
    if (kind === 'end') {
      i++
      break
    }
    if (kind === 'unknown') return undefined
    if (kind === 'value') i++
    else if (kind === 'moving-switch') moved = true
    else if (kind === 'command') {
      command = true
      if (v.includes('l')) moved = true
    }
  }
  return command && i < count ? { index: i, moved } : undefined
}

/**
 * Where `pwsh|powershell [options] -Command …` has its command: the word after `-Command` (any prefix of it from
 * `-c`: PowerShell takes a unique prefix; `named`), or the first word that is no option (not `named`: Windows
 * PowerShell reads it as the command, pwsh as a file), from word `i` of `count`. `moved`: `-WorkingDirectory` may
 * start it in another folder. Undefined past an option isolint does not know (`-EncodedCommand`, `-File`…), or when
 * `option(i)` is undefined (a word that is no option whatever its text, to a caller that reads quotes).
 */
export function powershellCommandIndex(
  option: (i: number) => string | undefined,
  count: number,
  i: number,
): { index: number; moved: boolean; named: boolean } | undefined {
  let moved = false
  for (; i < count; i++) {
    const v = option(i)
    if (v === undefined) return undefined
    if (!v.startsWith('-')) return { index: i, moved, named: false }
    const kind = powershellOption(v)
    if (kind === 'command') return { index: i + 1, moved, named: true }
    if (kind === 'moving-value') {
      moved = true
      i++
    } else if (kind === 'value') i++
    else if (kind !== 'switch') return undefined
  }
  return undefined
}

/**
 * A string `cmd /c` runs as a command line, never as one file: it joins or redirects commands, or starts with `call`.
 * Other special characters (`(x86)` in a path) are left to the file reading, where one isolint cannot read is unknown.
 */
const CMD_LINE = /[&|<>]|^call\s/i

const UNKNOWN: ScriptCall = { kind: 'unknown' }
const MAKE_CALL: ScriptCall = { kind: 'make' }

/** The file a shell runs past its options: `-File X` (PowerShell), else its first word that is no option. */
function shellFile(
  at: (i: number) => string | undefined,
  length: number,
  i: number,
  option: (v: string) => ShellOption,
  dialect: ShellDialect,
): ScriptCall | undefined {
  for (; i < length; i++) {
    const v = at(i)
    // An option isolint cannot read may be the script (`pwsh $env:SCRIPT`).
    if (v === undefined) return UNKNOWN
    if (!(v.startsWith('-') || (dialect === 'posix' && v.startsWith('+')))) break
    const kind = option(v)
    if (kind === 'end') {
      i++
      break
    }
    if (kind === 'command' || kind === 'none') return undefined
    if (kind === 'file') return i + 1 < length ? fileAt(at(i + 1), i + 1, dialect) : undefined
    if (kind === 'value' || kind === 'moving-value') i++
  }
  if (i >= length) return undefined
  const v = at(i)
  // PowerShell runs a positional `.ps1` (anything else it reads as a command).
  if (dialect === 'powershell' && v !== undefined && !/\.ps1$/i.test(v)) return undefined
  return fileAt(v, i, dialect)
}

/**
 * The file `v` at `index`, in `dialect` (`bash x.ps1` is read as sh), or by its extension when the dialect is
 * undefined (sh's `. x.ps1`… by default sh's); unknown when isolint cannot know the word.
 */
function fileAt(v: string | undefined, index: number, dialect: ShellDialect | undefined): ScriptCall {
  return v === undefined ? UNKNOWN : { kind: 'script', index, dialect: dialect ?? scriptDialect(v) ?? 'posix' }
}
