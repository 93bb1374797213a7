/**
 * A tolerant tokenizer for POSIX sh, PowerShell and cmd that keeps every word's source offsets, without running a
 * shell. Never throws: unterminated quotes and odd syntax end a word or a command, they do not stop the scan. What
 * the words mean to docker is `docker-cli.ts`.
 */
import { splitEnvString } from './env-split-string.js'
import { SourceRuns } from './source-runs.js'
import { LITERAL_DOLLAR, scanExpressionEnd, shownText, unknownValue } from './workflow-expressions.js'
import { cmdVariableText } from '../core/cmd-variable-text.js'
import { EMPTY_LIST } from '../core/sized-copy.js'
import type { Span } from '../core/span.js'
import type { CommandPrefix, DockerCommand, OsGuard, Word, Writable } from '../model/workflow.js'
import type { ScriptAssignments } from './script-assignments.js'

/** The shell language a script is written in. */
export type ShellDialect = 'posix' | 'powershell' | 'cmd'

/**
 * A word of a simple command, quotes removed, with the script offset of every character of its value (see
 * {@link sourceOffset}).
 */
export interface ShellWord {
  readonly value: string
  /** Offset of the word's first character as written (an opening quote included). */
  readonly start: number
  /** Offset just after the word as written (a closing quote included). */
  readonly end: number
  /**
   * Where the characters of `value` come from, as pairs (index in `value`, script offset): each pair starts a run
   * of characters copied from consecutive script offsets. Undefined when `value` is the script text from `start`
   * on, unchanged (most words): no array per word.
   */
  readonly runs: readonly number[] | undefined
  /** True when any part of the word was quoted. */
  readonly quoted: boolean
}

/** The script offset of character `index` of a word's value. */
/** The program a command word (or a shell's path) names: its base name, lower-cased, without `.exe`. */
export function programName(word: string): string {
  const slash = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\'))
  const base = (slash < 0 ? word : word.slice(slash + 1)).toLowerCase()
  return base.endsWith('.exe') ? base.slice(0, -4) : base
}

export function sourceOffset(word: ShellWord, index: number): number {
  const runs = word.runs
  if (runs === undefined) return word.start + index
  let k = 0
  while (k + 2 < runs.length && runs[k + 2]! <= index) k += 2
  return runs[k + 1]! + (index - runs[k]!)
}

/** A command that runs another file: the program and its arguments, and what its prefixes do to its environment. */
export interface Invocation extends CommandPrefix {
  /** From the program on (`make image`, `./build.ps1 -V 1`). */
  readonly words: readonly Word[]
  /** The command string it runs (`bash -c '…'`), when isolint reads it exactly (docker-cli.ts `scriptCommands`). */
  readonly string?: CommandString
  /** sh's `. ./env.sh`: the file runs in the caller's shell (its `$0` is the caller's). */
  readonly sourced?: true
  /** Set when a test of the OS in the script keeps the call off some hosts (see OsGuard): the file's commands too. */
  readonly os?: OsGuard
}

/** A command string a child shell runs (`bash -c '…'`, `pwsh -c '…'`, `cmd /c "…"`; see command-string.ts). */
export interface CommandString {
  /** The child shell's dialect, in which the string was read. */
  readonly dialect: ShellDialect
  /** Its docker commands, with their spans in the file (never empty: a string without one is not kept). */
  readonly commands: readonly DockerCommand[]
  /** The names the string assigns itself: the environment's value is not what it reads. */
  readonly assignments: ScriptAssignments
  /** The child shell runs in a folder isolint cannot know (a login shell, `pwsh -WorkingDirectory`). */
  readonly moved?: true
}

/** What {@link prefixEffects} found: where the program is, and what the prefixes do (see {@link CommandPrefix}). */
export interface PrefixEffects {
  /** Index of the program's word in {@link commandWords} (its length when there is none, or none isolint can know). */
  readonly start: number
  /** The command's words when `env -S` split a string into some of them (else the words as the shell splits them). */
  readonly words?: readonly ShellWord[]
  readonly assignments: readonly ShellWord[]
  readonly envReset?: { readonly keep: readonly string[]; readonly dropped: readonly ShellWord[] }
  /** `env -i`: the step's variables and those assigned before are unset. */
  readonly envCleared?: true
  /** `env -u NAME`: variables unset for the command. */
  readonly unset?: readonly string[]
  /** `sudo -i`, `-D dir`, `env -C dir` (…): the command runs in another folder, paths in it are unknown. */
  readonly moved: boolean
}

/**
 * The prefixes of a simple command read for what they do to its environment and folder (see {@link commandStart}),
 * in order: `X=1 env -u X make` leaves X unset, `env -u X X=1 make` sets it. Shared by the docker recogniser and
 * {@link invocationOf}: a caller that wants both reads them once per command (`scriptCommands` in docker-cli.ts).
 */
export function prefixEffects(words: readonly ShellWord[], dialect: ShellDialect): PrefixEffects {
  // Most commands have no prefix: no reader, nothing to collect.
  let reader: PrefixReader | undefined
  const start = commandStart(words, dialect, (kind, w, name, split) => (reader ??= new PrefixReader()).add(kind, w, name, split))
  if (start === 0) return NO_PREFIX
  return reader ? reader.effects(start, words) : { start, assignments: EMPTY_LIST, moved: false }
}

/** The words a command's {@link PrefixEffects} index: those `env -S` split, else the words as the shell split them. */
export function commandWords(words: readonly ShellWord[], effects: PrefixEffects): readonly ShellWord[] {
  return effects.words ?? words
}

const NO_PREFIX: PrefixEffects = Object.freeze({ start: 0, assignments: EMPTY_LIST, moved: false })

/** An assignment a prefix makes: known, or unknown once a `sudo` without `-E` may have dropped it (sudoers). */
interface Assigned {
  readonly name: string
  readonly word: ShellWord
  known: boolean
}

/** Reads the prefixes {@link commandStart} reports, one after the other, into their {@link PrefixEffects}. */
class PrefixReader {
  private assigned: Assigned[] = []
  private unset: string[] = []
  private cleared = false
  /** Whether a `sudo` without `-E` may have dropped the step's variables, and the names every such sudo kept. */
  private reset = false
  private keep: string[] = []
  private moved = false
  /** The sudo whose options are being read: its policy applies once they are all read. */
  private sudo: { preserveAll: boolean; keep: string[] } | undefined
  /** The command's words after `env -S` split a string into them. */
  private split: readonly ShellWord[] | undefined

  add(kind: PrefixKind, w: ShellWord, name: string | undefined, words: readonly ShellWord[] | undefined): void {
    if (kind === 'sudo-option') return this.sudoOption(w.value)
    if (kind === 'env-split') {
      this.split = words
      return
    }
    this.endSudo()
    switch (kind) {
      case 'assignment': {
        const assigned = assignedName(w.value)
        this.unset = this.unset.filter((n) => n !== assigned)
        this.assigned.push({ name: assigned, word: w, known: true })
        return
      }
      case 'sudo':
        this.sudo = { preserveAll: false, keep: [] }
        return
      case 'env-clear':
        // Nothing set before reaches the command: not the step's variables, not those assigned or dropped before.
        this.cleared = true
        this.assigned = []
        this.unset = []
        this.reset = false
        this.keep = []
        return
      case 'env-unset':
        this.assigned = this.assigned.filter((a) => a.name !== name)
        if (name !== undefined && !this.unset.includes(name)) this.unset.push(name)
        return
      case 'moved':
        this.moved = true
    }
  }

  private sudoOption(v: string): void {
    const sudo = this.sudo
    if (!sudo) return
    const flags = shortFlags(v)
    if (v === '--preserve-env' || flags.includes('E')) sudo.preserveAll = true
    else if (v.startsWith('--preserve-env=')) sudo.keep.push(...v.slice('--preserve-env='.length).split(',').filter((n) => n !== ''))
    // -i, -D (also in a cluster: -Ei, -iu), --login, --chdir: the command runs in another folder.
    if (/^--(?:login|chdir)(?:=|$)/.test(v) || flags.includes('i') || flags.includes('D')) this.moved = true
  }

  /** Applies the policy of the sudo just read: without -E, what it does not keep may be dropped (unknown). */
  private endSudo(): void {
    const sudo = this.sudo
    if (!sudo) return
    this.sudo = undefined
    if (sudo.preserveAll) return
    for (const a of this.assigned) if (a.known && !sudo.keep.includes(a.name)) a.known = false
    // After `env -i` the step's variables are unset already: sudo cannot drop them.
    if (this.cleared) return
    this.keep = this.reset ? this.keep.filter((n) => sudo.keep.includes(n)) : [...sudo.keep]
    this.reset = true
  }

  effects(start: number, shellWords: readonly ShellWord[]): PrefixEffects {
    this.endSudo()
    const words = this.split ?? shellWords
    // Without PATH (`env -i docker`, `env -u PATH make`), a program named without a folder is looked up in the C
    // library's default path, which depends on the host (Git Bash on a Windows runner has no docker there): unknown.
    const program = words[start]?.value
    const pathless = (this.cleared || this.unset.includes('PATH')) && !this.assigned.some((a) => a.name === 'PATH')
    const found = program === undefined || !pathless || /[\\/]/.test(program) ? start : words.length
    const out: Writable<PrefixEffects> = {
      start: found,
      assignments: this.assigned.filter((a) => a.known).map((a) => a.word),
      moved: this.moved,
    }
    if (this.split) out.words = this.split
    const dropped = this.assigned.filter((a) => !a.known).map((a) => a.word)
    if (this.reset || dropped.length > 0) out.envReset = { keep: this.keep, dropped }
    if (this.cleared) out.envCleared = true
    if (this.unset.length > 0) out.unset = this.unset
    return out
  }
}

/** The name an assignment word sets (`X` of `X=1`, `X+=1`, `X[2]=1`). */
function assignedName(assignment: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(assignment)?.[0] ?? ''
}

/**
 * The invocation a simple command is, given what its prefixes do ({@link prefixEffects}): a command that runs another
 * file isolint can follow (`make`, `./build.ps1`, `pwsh x.ps1`, `bash ./ci/build.sh`, `call build.cmd`), as words with
 * their spans, and what its prefixes do (see CommandPrefix); undefined for none. `scriptCommands` (docker-cli.ts)
 * reads them with a script's docker commands.
 */
export function invocationOf(
  shellWords: readonly ShellWord[],
  effects: PrefixEffects,
  at: (start: number, end: number) => Span,
): Invocation | undefined {
  // The program as the prefixes leave it (none when isolint cannot know it: `env -i make`, `env -S '${X} make'`).
  const words = commandWords(shellWords, effects)
  let k = effects.start
  // sh's `. ./env.sh` runs the script it names (PowerShell's `.` is a prefix `commandStart` passed already).
  const sourced = words[k] !== undefined && words[k]!.value === '.'
  if (words[k] && (words[k]!.value === '&' || sourced)) k++
  const first = words[k]
  if (!first || !mayInvoke(first.value) || !INVOCATION.test(first.value)) return undefined
  const inv: Writable<Invocation> = { words: words.slice(k).map((w) => wordAt(w, at)) }
  if (sourced) inv.sourced = true
  if (effects !== NO_PREFIX) addPrefix(inv, effects, at)
  return inv
}

/** A shell word as the model keeps it: its value, and its span in the file. */
export function wordAt(w: ShellWord, at: (start: number, end: number) => Span): Word {
  return { value: w.value, span: at(w.start, w.end) }
}

/** Sets what `effects` say of the environment and folder on a command's model (nothing when they change nothing). */
export function addPrefix(target: Writable<CommandPrefix>, effects: PrefixEffects, at: (start: number, end: number) => Span): void {
  if (effects.assignments.length > 0) target.assignments = effects.assignments.map((w) => wordAt(w, at))
  if (effects.envReset) target.envReset = { keep: effects.envReset.keep, dropped: effects.envReset.dropped.map((w) => wordAt(w, at)) }
  if (effects.envCleared) target.envCleared = true
  if (effects.unset) target.unset = effects.unset
  if (effects.moved) target.moved = true
}

const POSIX_PREFIX_KEYWORDS = new Set([
  'if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', '{', 'exec', 'command', 'nohup', 'builtin',
])

/** sudo options that take a value (`-h` does not: see {@link SUDO_NO_RUN}). */
const SUDO_VALUE_OPTIONS = new Set([
  '-u', '-g', '-C', '-D', '-p', '-r', '-t', '-U', '-T', '-R',
  '--user', '--group', '--close-from', '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--command-timeout', '--chroot',
])

/**
 * sudo's options that run no command: help (`-h` alone or before an option), a remote host (`-h host`, `-hhost`,
 * `--host=host`: the word after a lone `-h` is the host, and the sudoers plugin runs no remote command), list (`-l`:
 * with a command, says whether it may run), validate, version, kill, edit (`-e` edits files).
 */
const SUDO_NO_RUN = /^--(?:help|host|list|validate|version|remove-timestamp|edit)(?:=|$)/
const SUDO_NO_RUN_FLAGS = /[hlvVKe]/

/**
 * The option letters of a word of sudo's short options (`-Ei` gives `Ei`): up to and including the first that takes
 * a value, since the rest is that value (`-uadmin` gives `u`, `-Eu` gives `Eu`); '' for a long option.
 */
function shortFlags(opt: string): string {
  if (!/^-[A-Za-z]/.test(opt)) return ''
  for (let i = 1; i < opt.length; i++) if (SUDO_VALUE_OPTIONS.has(`-${opt[i]}`)) return opt.slice(1, i + 1)
  return opt.slice(1)
}

/** Whether a word of sudo's options ends with one that takes a value, given in the next word (`-u root`, `-Eu root`). */
function takesNextWord(opt: string): boolean {
  return SUDO_VALUE_OPTIONS.has(opt) || (opt.length > 2 && shortFlags(opt).length === opt.length - 1 && SUDO_VALUE_OPTIONS.has(`-${opt.at(-1)}`))
}

/**
 * What each of `env`'s options does (GNU coreutils 9, uutils, BSD and macOS): `clear` (-i), `unset` (-u NAME),
 * `moved` (-C DIR), `split` (-S STRING: the arguments it splits the string into are read as env's next ones), `none`
 * (no effect on the command: -v, -a ARG, -P PATH, signal handling), `stop` (no command isolint can know runs: -0
 * prints, --help, --version; -f, -L, -U read variables from files). Short options that take a value are marked with
 * `:` (the rest of the word, else the next word).
 */
const ENV_SHORT: Readonly<Record<string, readonly [EnvEffect, boolean]>> = {
  i: ['clear', false],
  v: ['none', false],
  '0': ['stop', false],
  u: ['unset', true],
  C: ['moved', true],
  a: ['none', true],
  P: ['none', true],
  S: ['split', true],
  f: ['stop', true],
  L: ['stop', true],
  U: ['stop', true],
}
const ENV_LONG: Readonly<Record<string, readonly [EnvEffect, boolean]>> = {
  'ignore-environment': ['clear', false],
  debug: ['none', false],
  null: ['stop', false],
  unset: ['unset', true],
  chdir: ['moved', true],
  argv0: ['none', true],
  'split-string': ['split', true],
  file: ['stop', true],
  help: ['stop', false],
  version: ['stop', false],
  // Their signal list, optional, is written after `=` only.
  'block-signal': ['none', false],
  'default-signal': ['none', false],
  'ignore-signal': ['none', false],
  'list-signal-handling': ['none', false],
}
type EnvEffect = 'clear' | 'unset' | 'moved' | 'split' | 'none' | 'stop'

/**
 * A long option of `env` by its name as written (`--unset`, also abbreviated like getopt_long allows: `--ign`), or
 * undefined when unknown or ambiguous (env then fails: no command runs).
 */
function envLongOption(name: string): readonly [EnvEffect, boolean] | undefined {
  const exact = ENV_LONG[name]
  if (exact) return exact
  const candidates = Object.keys(ENV_LONG).filter((n) => n.startsWith(name))
  return candidates.length === 1 ? ENV_LONG[candidates[0]!] : undefined
}

/** Where {@link envPrefix} stopped: the index of the word after env's options and assignments, in `words`. */
interface EnvRead {
  /** -1 when no command isolint can know runs. */
  readonly next: number
  /** The command's words: `env -S` puts the arguments of its string in its place. */
  readonly words: readonly ShellWord[]
}

/**
 * Reads `env`'s options and assignments from `words[k]` (the word after `env`), telling `seen` what they do, up to
 * the word after them (the program, or a further prefix); none when no command isolint can know runs (an unknown
 * option, `--help`, a missing value, a `-S` string isolint cannot split). Options end at the first word that is not
 * one (GNU env stops there, as BSD's does); a mere `-` after them is `-i`; then each word with `=` is an assignment.
 * `-S STRING` is replaced by the arguments the string splits into, which env reads next as options, assignments and
 * the command (GNU env restarts getopt on them).
 */
function envPrefix(words: readonly ShellWord[], k: number, budget: SplitBudget, seen?: PrefixSink): EnvRead {
  let list = words
  // No command isolint can know runs: in the words as split so far (those the sink was last told of).
  const stop = (): EnvRead => ({ next: -1, words: list })
  const option = (effect: EnvEffect, w: ShellWord, value: string | undefined): boolean => {
    // `env -u A=1` fails (a name has no `=`): no command runs.
    if (effect === 'stop' || (effect === 'unset' && value?.includes('='))) return false
    if (effect === 'clear') seen?.('env-clear', w)
    else if (effect === 'unset') seen?.('env-unset', w, value)
    else if (effect === 'moved') seen?.('moved', w)
    return true
  }
  /** `-S`: the arguments of `source.value.slice(from)` take the place of the words from `at` up to `after`. */
  const split = (at: number, source: ShellWord, from: number, after: number): boolean => {
    // Each split copies the command's words: past a few, the command is unknown (`env -S -S -S … docker`).
    if (++budget.splits > MAX_ENV_SPLITS) return false
    const args = splitEnvString(source, from)
    if (!args) return false
    list = [...list.slice(0, at), ...args, ...list.slice(after)]
    seen?.('env-split', source, undefined, list)
    return true
  }
  while (k < list.length) {
    const at = k
    const w = list[k]!
    const v = w.value
    if (v === '--') {
      k++
      break
    }
    if (v.length < 2 || v[0] !== '-') break
    k++
    if (v[1] === '-') {
      const eq = v.indexOf('=')
      const spec = envLongOption(v.slice(2, eq < 0 ? undefined : eq))
      if (!spec) return stop()
      // The value: after `=`, else the next word.
      let source: ShellWord | undefined
      let from = 0
      if (eq >= 0) {
        source = w
        from = eq + 1
      } else if (spec[1]) source = list[k++]
      if (spec[1] && source === undefined) return stop()
      if (spec[0] === 'split') {
        if (!split(at, source!, from, k)) return stop()
        k = at
      } else if (!option(spec[0], w, source?.value.slice(from))) return stop()
      continue
    }
    // A cluster of short options (`-iv`, `-iu NAME`, `-uNAME`): the first that takes a value takes the rest.
    for (let i = 1; i < v.length; i++) {
      const spec = ENV_SHORT[v[i]!]
      if (!spec) return stop()
      let source: ShellWord | undefined
      let from = 0
      if (spec[1] && i + 1 < v.length) {
        source = w
        from = i + 1
      } else if (spec[1]) source = list[k++]
      if (spec[1] && source === undefined) return stop()
      if (spec[0] === 'split') {
        if (!split(at, source!, from, k)) return stop()
        k = at
        break
      }
      if (!option(spec[0], w, source?.value.slice(from))) return stop()
      if (spec[1]) break
    }
  }
  if (list[k]?.value === '-') seen?.('env-clear', list[k++]!)
  // env sets each NAME=VALUE word as written, quoted or not (`env "X=1"`): no shell rule applies to them.
  for (let w = list[k]; w && w.value.indexOf('=') > 0; w = list[++k]) if (ASSIGNMENT.test(w.value)) seen?.('assignment', w)
  return { next: k, words: list }
}

/**
 * How many `env -S` strings of one command are split (`env -S 'env -S …'` counts 2) before the command is unknown:
 * one is the use env's manual shows; each split copies the command's words, so hostile input stays linear.
 */
const MAX_ENV_SPLITS = 8

/** The `env -S` splits a command made so far (see {@link MAX_ENV_SPLITS}). */
interface SplitBudget {
  splits: number
}

/** A prefix {@link commandStart} passes over that changes the command's environment, folder or words. */
type PrefixKind = 'assignment' | 'sudo' | 'sudo-option' | 'env-clear' | 'env-unset' | 'env-split' | 'moved'
/**
 * Told of each prefix that changes the command's environment, folder or words; `name` is the variable `env -u`
 * unsets, `words` the command's words after `env -S` split its string into them.
 */
type PrefixSink = (kind: PrefixKind, word: ShellWord, name?: string, words?: readonly ShellWord[]) => void

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/

/**
 * Index of the word that names the program a simple command runs, past what only prefixes it: sh variable
 * assignments and keywords (`X=1`, `if`, `then`, `time`, `exec`, `command`, `nohup`, …), `env` with its options and
 * assignments, a PowerShell assignment of the output (`$x =`) or dot-sourcing (`.`), cmd's `call`, and `sudo` with
 * its options in any dialect. The index is in the words `env -S` leaves (`seen` is told of them); their length when
 * nothing follows the prefixes, or when they run no command isolint can know (`sudo -h`, `env -S '${X}'`). Shared by
 * the docker recogniser and {@link invocationOf}, so that `sudo ./build.sh` and `env X=1 make images` are
 * followed as `sudo docker build` is recognised. `seen` is told of the prefixes that change the command's
 * environment, folder or words: assignments, `sudo` and its options, `env`'s.
 */
function commandStart(words: readonly ShellWord[], dialect: ShellDialect, seen?: PrefixSink): number {
  let list = words
  // Made at the first `env` (few commands have one).
  let budget: SplitBudget | undefined
  let k = 0
  while (k < list.length) {
    const w = list[k]!
    const v = w.value
    if (dialect === 'posix' && ASSIGNMENT.test(v) && sourceOffset(w, 0) === w.start) {
      seen?.('assignment', w)
      k++
    } else if (dialect === 'posix' && !w.quoted && POSIX_PREFIX_KEYWORDS.has(v)) k++
    else if (dialect === 'posix' && !w.quoted && v === 'env') {
      const env = envPrefix(list, k + 1, (budget ??= { splits: 0 }), seen)
      list = env.words
      if (env.next < 0) return list.length
      k = env.next
    } else if (dialect === 'powershell' && v.startsWith('$') && /^\$[\w:]+$/.test(v) && /^[-+*/]?=$/.test(list[k + 1]?.value ?? '')) k += 2
    else if (dialect === 'powershell' && v === '.' && !w.quoted) k++
    else if (dialect === 'cmd' && v.toLowerCase() === 'call') k++
    else if (v === 'sudo') {
      seen?.('sudo', w)
      k++
      while (list[k]?.value.startsWith('-')) {
        const opt = list[k]!.value
        if (SUDO_NO_RUN.test(opt) || SUDO_NO_RUN_FLAGS.test(shortFlags(opt))) return list.length
        seen?.('sudo-option', list[k]!)
        k++
        if (opt === '--') break
        if (takesNextWord(opt)) k++
      }
    } else return k
  }
  return list.length
}

const INVOCATION = /^(?:(?:.*[\\/])?(?:g?make|mingw32-make|pwsh|powershell|bash|sh|call|cmd)(?:\.exe)?|.*\.(?:ps1|sh|cmd|bat))$/i

/** Last characters (lower-cased) of the words {@link INVOCATION} matches: make/.exe, sh, shell/call, cmd, .ps1, .bat. */
const INVOCATION_ENDS = new Set([...'ehld1t'].map((c) => c.charCodeAt(0)))

/** A cheap first test of {@link INVOCATION} (by the last character): most commands (`docker`, `echo`) fail it. */
function mayInvoke(word: string): boolean {
  return word.length > 0 && INVOCATION_ENDS.has(word.charCodeAt(word.length - 1) | 0x20)
}

const POWERSHELL_IDIOM =
  /\$env:\w|\$LASTEXITCODE|\$ErrorActionPreference|\b(?:Write|Get|Set|New|Remove|Test|Out|Select|Start)-[A-Z]\w+/

/**
 * Guesses the dialect of a script from its look, for steps whose shell and runner OS are both unknown: backtick
 * line continuations and PowerShell idioms against backslash continuations and POSIX idioms. Undefined when the
 * script gives no hint either way.
 */
export function guessScriptDialect(script: string): ShellDialect | undefined {
  let ps = 0
  let posix = 0
  for (const raw of script.split('\n')) {
    const line = raw.trimEnd()
    if (line.endsWith('`')) ps += 2
    else if (line.endsWith('\\')) posix += 2
    const t = line.trim()
    if (/^(?:if|elif|while|for)\b.*;\s*(?:then|do)$|^(?:fi|done|esac|then)$|^export\s+\w+=/.test(t)) posix++
    if (POWERSHELL_IDIOM.test(t)) ps++
  }
  if (ps > posix) return 'powershell'
  if (posix > ps) return 'posix'
  return undefined
}

/** Splits a script into simple commands (lists of words), dropping comments, operators and redirections. */
export function splitCommands(script: string, dialect: ShellDialect): readonly (readonly ShellWord[])[] {
  return new Tokenizer(script, dialect).run()
}

/**
 * {@link splitCommands} with the script's structure (see folder-changes.ts): the same commands, and in `events`, in
 * the order of the script, each command's index in `commands` where it ends and each operator or line break that
 * ends a command or opens or closes a group (`\n`, `;`, `&&`, `||`, `|`, `&`, `(`, `)`, PowerShell's `{`, `}`, `@(`,
 * `@{`, POSIX `;;`). For the few scripts that change their folder: the plain split records nothing.
 */
export function splitStructure(script: string, dialect: ShellDialect): { readonly commands: readonly (readonly ShellWord[])[]; readonly events: readonly (number | string)[] } {
  const events: (number | string)[] = []
  const commands = new Tokenizer(script, dialect, undefined, events).run()
  return { commands, events }
}

/** A redirection of a simple command (`>> "$GITHUB_ENV"`, `<<EOF`), as {@link scanScript} keeps it. */
export interface Redirection {
  /** The operator as written (`>>`, `>`, `2>`, `<<-`). */
  readonly op: string
  /** The target word (the file, or a here-document's delimiter); undefined when none is written. */
  readonly target: ShellWord | undefined
  /** The command it belongs to (its words, the same array as in `commands`; empty for a group's `} >> f`). */
  readonly command: readonly ShellWord[]
  /** A here-document's body (POSIX `<<`), the lines up to the delimiter line. */
  readonly body?: string
}

/** A script as {@link splitCommands} reads it, with the redirections it drops and the commands piped into the next. */
export interface ScannedScript {
  readonly commands: readonly (readonly ShellWord[])[]
  readonly redirections: readonly Redirection[]
  /** The commands whose output is piped (`|`) into the command after them. */
  readonly piped: ReadonlySet<readonly ShellWord[]>
  /**
   * PowerShell's words with a `,` outside quotes (`"A=1","B=2"`, `a,b`): arrays, whose elements PowerShell passes as
   * separate values (one line each when written to a file), not the word's value.
   */
  readonly arrays: ReadonlySet<ShellWord>
}

/**
 * {@link splitCommands}, keeping what it drops: redirections with their targets and here-document bodies, and pipes.
 * For the few scripts that need them (writes to a file such as `$GITHUB_ENV`): the plain split stays lean.
 */
export function scanScript(script: string, dialect: ShellDialect): ScannedScript {
  const record: ScriptRecord = { redirections: [], piped: new Set(), arrays: new Set() }
  const commands = new Tokenizer(script, dialect, record).run()
  return { commands, redirections: record.redirections, piped: record.piped, arrays: record.arrays }
}

interface ScriptRecord {
  readonly redirections: Writable<Redirection>[]
  readonly piped: Set<readonly ShellWord[]>
  readonly arrays: Set<ShellWord>
}

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer

/** A private-use character: the marks isolint's readers put in a text (see {@link Tokenizer.literalDollar}). */
const PRIVATE_USE = /^[\uE000-\uF8FF]$/
/** The `$` signs of a text the shell keeps as they are (see {@link Tokenizer.literalDollar}). */
const LITERAL_DOLLARS = /\$(?![\uE000-\uF8FF]|\{\{)/g

/**
 * The characters PowerShell's backtick escapes stand for (about_Special_Characters): null, alert, backspace, form feed,
 * line feed, carriage return, tab, vertical tab. `` `e `` and `` `u{…} ``: see `Tokenizer.backtickEscape`.
 */
const POWERSHELL_ESCAPES: Readonly<Record<string, string | undefined>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
}
/** The rest of PowerShell's `` `u{1F600} `` after the `u` (one to six hex digits). */
const UNICODE_ESCAPE = /^\{[0-9A-Fa-f]{1,6}\}/

/** cmd's `%NAME%` (a name of word characters: `%~1`, `%NAME:~0,3%` and `%%` are not read as variables). */
const CMD_VARIABLE = /^%([A-Za-z_][A-Za-z0-9_]*)%/

/** Character classes, by char code: the ASCII table of each dialect (non-ASCII: only the two blanks below). */
const BLANK = 1
const TERMINATOR = 2
/** May end a word or need a look (quotes, escapes, expansions); the other characters are copied as they are. */
const SPECIAL = 4
/**
 * May start a comment or an operator where a word could start (`#`, `*>`, `2>&1`, cmd's `(`, `::` and `rem`), some
 * of them not special in a word: the tokenizer looks there before reading a word (`Tokenizer.operator` and
 * `Tokenizer.comment` test these characters first).
 */
const OPENER = 8

const BLANKS = ' \t\r\f\v'
/** Non-ASCII blanks: no-break space and the byte order mark. */
const NBSP = 0xa0
const BOM = 0xfeff

const TERMINATORS: Record<ShellDialect, string> = {
  posix: ';&|()<>',
  powershell: ';&|(){}<>',
  cmd: '&|<>)',
}

function classTable(dialect: ShellDialect): Uint8Array {
  const table = new Uint8Array(128)
  const mark = (chars: string, flags: number): void => {
    for (const c of chars) table[c.charCodeAt(0)]! |= flags
  }
  mark(BLANKS, BLANK | SPECIAL)
  mark(TERMINATORS[dialect], TERMINATOR | SPECIAL)
  mark('\n$\\\'"`^@', SPECIAL)
  // cmd's variables, `%NAME%` (expanded in quotes and out).
  if (dialect === 'cmd') mark('%', SPECIAL)
  // PowerShell's array operator (recorded: see ScannedScript `arrays`).
  if (dialect === 'powershell') mark(',', SPECIAL)
  mark('<>&|;(){}@*0123456789#', OPENER)
  if (dialect === 'cmd') mark(':rR', OPENER)
  return table
}

const CLASSES: Record<ShellDialect, Uint8Array> = {
  posix: classTable('posix'),
  powershell: classTable('powershell'),
  cmd: classTable('cmd'),
}

/**
 * A run of characters that are not {@link SPECIAL} in `table` (nor the non-ASCII blanks), as a sticky pattern: the
 * regular expression engine scans a word's ordinary text in one call, where a loop over its characters runs in the
 * interpreter for most of a lint run (issue 11).
 */
function ordinaryRun(table: Uint8Array): RegExp {
  let specials = '\\u00a0\\ufeff'
  for (let c = 0; c < 128; c++) if (table[c]! & SPECIAL) specials += `\\x${c.toString(16).padStart(2, '0')}`
  return new RegExp(`[^${specials}]+`, 'y')
}

const ORDINARY_RUNS: Record<ShellDialect, RegExp> = {
  posix: ordinaryRun(CLASSES.posix),
  powershell: ordinaryRun(CLASSES.powershell),
  cmd: ordinaryRun(CLASSES.cmd),
}

/** The class flags of the character at `code` in `table`. */
function classOf(table: Uint8Array, code: number): number {
  if (code < 128) return table[code]!
  return code === NBSP || code === BOM ? BLANK | SPECIAL : 0
}

class Tokenizer {
  private i = 0
  private readonly commands: ShellWord[][] = []
  private current: ShellWord[] = []
  private readonly heredocs: string[] = []
  /** The recorded redirection of each pending here-document (with a {@link ScriptRecord} only). */
  private readonly heredocRecords: (Writable<Redirection> | undefined)[] = []
  private readonly classes: Uint8Array
  /** The word being read: its value, and where its characters come from (see {@link ShellWord.runs}). */
  private value = ''
  private readonly runs = new SourceRuns()

  constructor(
    private readonly s: string,
    private readonly dialect: ShellDialect,
    private readonly record?: ScriptRecord,
    /** The script's structure, in order: each command's index as it ends, and each operator or line break. */
    private readonly events?: (number | string)[],
  ) {
    this.classes = CLASSES[dialect]
  }

  run(): ShellWord[][] {
    const s = this.s
    while (this.i < s.length) {
      const before = this.i
      const code = s.charCodeAt(this.i)
      if (code === 10) {
        this.endCommand()
        this.events?.push('\n')
        this.i++
        if (this.heredocs.length > 0) this.skipHeredocs()
      } else {
        const cls = classOf(this.classes, code)
        if (cls & BLANK) this.i++
        // An ordinary character starts a word: no continuation, comment or operator starts with it.
        else if (!(cls & (SPECIAL | OPENER))) this.word()
        else if (!this.continuation() && !this.comment() && !this.operator()) this.word()
      }
      if (this.i === before) this.i++ // never stall, whatever the input
    }
    this.endCommand()
    return this.commands
  }

  private endCommand(): void {
    // An empty command's array is kept for the next one (every line break ends a command), unless a recorded
    // redirection names it (`} >> f`).
    if (this.current.length === 0 && !this.record) return
    if (this.current.length > 0) {
      this.events?.push(this.commands.length)
      this.commands.push(this.current)
    }
    this.current = []
  }

  /** Ends the current command at operator `op`, recording it (with {@link Tokenizer.events} only). */
  private endAt(op: string): void {
    this.endCommand()
    this.events?.push(op)
  }

  /** Offset after a line break at `j` (`\n` or `\r\n`), or -1. */
  private lineBreakEnd(j: number): number {
    if (this.s[j] === '\n') return j + 1
    if (this.s[j] === '\r' && this.s[j + 1] === '\n') return j + 2
    return -1
  }

  /** Offset after a PowerShell continuation backtick at `j` (trailing blanks tolerated), or -1. */
  private backtickContinuationEnd(j: number): number {
    let k = j + 1
    while (k < this.s.length && (this.s[k] === ' ' || this.s[k] === '\t')) k++
    if (k >= this.s.length) return k
    return this.lineBreakEnd(k)
  }

  private continuation(): boolean {
    const c = this.s[this.i]
    let end = -1
    if (this.dialect === 'posix' && c === '\\') end = this.lineBreakEnd(this.i + 1)
    else if (this.dialect === 'cmd' && c === '^') end = this.lineBreakEnd(this.i + 1)
    else if (this.dialect === 'powershell' && c === '`') end = this.backtickContinuationEnd(this.i)
    if (end < 0) return false
    this.i = end
    return true
  }

  private skipToLineEnd(): void {
    const nl = this.s.indexOf('\n', this.i)
    this.i = nl < 0 ? this.s.length : nl
  }

  private comment(): boolean {
    const s = this.s
    const c = s[this.i]
    if (this.dialect === 'powershell' && c === '<' && s[this.i + 1] === '#') {
      const close = s.indexOf('#>', this.i + 2)
      this.i = close < 0 ? s.length : close + 2
      return true
    }
    if (c === '#' && this.dialect !== 'cmd') {
      this.skipToLineEnd()
      return true
    }
    if (this.dialect === 'cmd' && this.current.length === 0) {
      if (s.startsWith('::', this.i) || /^rem(?:[\s]|$)/i.test(s.slice(this.i, this.i + 4))) {
        this.skipToLineEnd()
        return true
      }
    }
    return false
  }

  private operator(): boolean {
    const s = this.s
    const i = this.i
    const c = s[i]!
    // Operators start with one of these (or with a digit, for `2>&1`); anything else starts a word.
    if (!'<>&|;(){}@*'.includes(c) && !(c >= '0' && c <= '9')) return false
    const two = s.slice(i, i + 2)
    if (this.dialect === 'posix') {
      const redirect = /^(?:\d*(?:<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)|&>>|&>)/.exec(s.slice(i, i + 8))
      if (redirect) {
        const op = redirect[0]
        this.i = i + op.length
        if (s[this.i] === '(' && /^[<>]$/.test(op)) {
          // Process substitution <(…) / >(…): skip it.
          this.i = scanBalanced(s, this.i, '(', ')', this.dialect)
          return true
        }
        const target = this.readTarget()
        const recorded = this.recordRedirection(op, target)
        if (/<<-?$/.test(op) && !op.endsWith('<<<') && target) {
          // The delimiter line is raw text: compare it with the delimiter as written (`END$`), not its marked value.
          this.heredocs.push(shownText(target.value))
          this.heredocRecords.push(recorded)
        }
        return true
      }
      if (two === '&&' || two === '||' || two === ';;' || two === '|&' || two === ';&') {
        this.endAt(two)
        this.i += 2
        return true
      }
      if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
        if (c === '|') this.markPiped()
        this.endAt(c)
        this.i++
        return true
      }
      return false
    }
    if (this.dialect === 'powershell') {
      const redirect = /^(?:[1-6*]?>>?(?:&[12])?|<)/.exec(s.slice(i, i + 5))
      if (redirect) {
        this.i = i + redirect[0].length
        if (!redirect[0].includes('&')) this.recordRedirection(redirect[0], this.readTarget())
        return true
      }
      if (two === '&&' || two === '||' || two === '@(' || two === '@{') {
        this.endAt(two)
        this.i += 2
        return true
      }
      if (c === '&') {
        // `& cmd` at the start of a command (or after `$x =`) is the call operator; elsewhere `&` backgrounds
        // the pipeline.
        const lastWord = this.current[this.current.length - 1]
        if (lastWord && !/^[-+*/]?=$/.test(lastWord.value)) this.endAt('&')
        this.i++
        return true
      }
      if (c === ';' || c === '|' || c === '(' || c === ')' || c === '{' || c === '}') {
        if (c === '|') this.markPiped()
        this.endAt(c)
        this.i++
        return true
      }
      return false
    }
    // cmd
    const redirect = /^(?:\d?>>?(?:&\d)?|\d?<(?:&\d)?)/.exec(s.slice(i, i + 5))
    if (redirect) {
      this.i = i + redirect[0].length
      if (!redirect[0].includes('&')) this.recordRedirection(redirect[0], this.readTarget())
      return true
    }
    if (two === '&&' || two === '||') {
      this.endAt(two)
      this.i += 2
      return true
    }
    if (c === '&' || c === '|' || c === '(' || c === ')') {
      if (c === '|') this.markPiped()
      this.endAt(c)
      this.i++
      return true
    }
    if (c === '@' && this.current.length === 0) {
      this.i++
      return true
    }
    return false
  }

  /** Keeps a redirection of the current command (with a {@link ScriptRecord} only). */
  private recordRedirection(op: string, target: ShellWord | undefined): Writable<Redirection> | undefined {
    if (!this.record) return undefined
    const r: Writable<Redirection> = { op, target, command: this.current }
    this.record.redirections.push(r)
    return r
  }

  /** Marks the current command as piped into the next (with a {@link ScriptRecord} only). */
  private markPiped(): void {
    if (this.record && this.current.length > 0) this.record.piped.add(this.current)
  }

  /** Reads (and drops) the target word of a redirection. */
  private readTarget(): ShellWord | undefined {
    const s = this.s
    while (this.i < s.length && classOf(this.classes, s.charCodeAt(this.i)) & BLANK) this.i++
    if (this.i >= s.length || s[this.i] === '\n') return undefined
    if (classOf(this.classes, s.charCodeAt(this.i)) & TERMINATOR) return undefined
    return this.readWord()
  }

  private skipHeredocs(): void {
    const s = this.s
    while (this.heredocs.length > 0) {
      const delimiter = this.heredocs.shift()!.trim()
      const recorded = this.heredocRecords.shift()
      const bodyStart = this.i
      let bodyEnd = s.length
      for (;;) {
        if (this.i >= s.length) break
        const nl = s.indexOf('\n', this.i)
        const lineEnd = nl < 0 ? s.length : nl
        const line = s.slice(this.i, lineEnd).trim()
        const lineStart = this.i
        this.i = nl < 0 ? s.length : nl + 1
        if (line === delimiter) {
          bodyEnd = lineStart
          break
        }
      }
      if (recorded) recorded.body = s.slice(bodyStart, bodyEnd)
      if (this.i >= s.length) return
    }
  }

  private word(): void {
    const w = this.readWord()
    if (!w) return
    // PowerShell's stop-parsing token: the rest of the line goes to the program as written, never a `$` expanded.
    if (this.dialect === 'powershell' && !w.quoted && w.value === '--%' && this.current.length > 0) this.stopParsing()
    else this.current.push(w)
  }

  /**
   * The words after PowerShell's `--%`, to the end of the line or a `|`: split at blanks, a `"` quoting blanks and
   * dropped (as a Windows program reads its command line), every `$` literal (`;` and a backtick are text too).
   * PowerShell still expands `%NAME%` there: read as cmd's is (the environment's value, unknown without one).
   */
  private stopParsing(): void {
    const s = this.s
    for (;;) {
      while (this.i < s.length && (s[this.i] === ' ' || s[this.i] === '\t' || s[this.i] === '\r')) this.i++
      if (this.i >= s.length || s[this.i] === '\n' || s[this.i] === '|') return
      const start = this.i
      this.value = ''
      this.runs.reset(start)
      let quoted = false
      let inQuotes = false
      while (this.i < s.length) {
        const c = s[this.i]!
        if (c === '\n' || (!inQuotes && (c === ' ' || c === '\t' || c === '\r' || c === '|'))) break
        if (c === '"') {
          quoted = true
          inQuotes = !inQuotes
          this.i++
        } else if (c === '$' && s.startsWith('${{', this.i)) {
          const end = scanExpressionEnd(s, this.i)
          this.pushRaw(this.i, end)
          this.i = end
        } else if (c === '%') {
          this.i = this.cmdVariable(this.i)
        } else {
          this.push(this.i, true)
          this.i++
        }
      }
      this.current.push({ value: this.value, start, end: this.i, runs: this.runs.take(start), quoted })
    }
  }

  private readWord(): ShellWord | undefined {
    const s = this.s
    const d = this.dialect
    const start = this.i
    const classes = this.classes
    // Most words are one run of ordinary characters ended by a blank, a line break, an operator or the script's end:
    // their value is the script's text as it is, taken in one slice (no value built, no runs noted).
    if (start < s.length && !(classOf(classes, s.charCodeAt(start)) & SPECIAL)) {
      const ordinary = ORDINARY_RUNS[d]
      ordinary.lastIndex = start + 1
      const end = ordinary.test(s) ? ordinary.lastIndex : start + 1
      if (end >= s.length || s.charCodeAt(end) === 10 || classOf(classes, s.charCodeAt(end)) & (BLANK | TERMINATOR)) {
        this.i = end
        return { value: s.slice(start, end), start, end, runs: undefined, quoted: false }
      }
    }
    return this.composedWord(start)
  }

  /**
   * A word from `start` that is not one run of ordinary characters: its value built piece by piece (quotes, escapes,
   * expansions), with the runs of the script it comes from. Apart from {@link readWord} so that V8 compiles the
   * common word without it (issue 11: a smaller function compiles sooner).
   */
  private composedWord(start: number): ShellWord | undefined {
    const s = this.s
    const d = this.dialect
    const classes = this.classes
    this.value = ''
    this.runs.reset(start)
    let quoted = false
    /** PowerShell: a `,` outside quotes (see {@link ScannedScript.arrays}). */
    let array = false
    while (this.i < s.length) {
      const i = this.i
      const cls = classOf(classes, s.charCodeAt(i))
      if (!(cls & SPECIAL)) {
        // Fast path: a run of ordinary characters.
        const ordinary = ORDINARY_RUNS[d]
        ordinary.lastIndex = i + 1
        const j = ordinary.test(s) ? ordinary.lastIndex : i + 1
        this.pushRaw(i, j)
        this.i = j
        continue
      }
      const c = s[i]!
      if (c === '$' && s.startsWith('${{', i)) {
        const end = scanExpressionEnd(s, i)
        this.pushRaw(i, end)
        this.i = end
        continue
      }
      if (c === '\n' || cls & (BLANK | TERMINATOR)) break
      if (d === 'posix') {
        if (c === '\\') {
          const lb = this.lineBreakEnd(i + 1)
          if (lb >= 0) this.i = lb
          else if (i + 1 < s.length) {
            this.push(i + 1, true)
            this.i = i + 2
          } else {
            this.push(i)
            this.i = i + 1
          }
          continue
        }
        if (c === "'") {
          quoted = true
          this.i = this.quoted(i + 1, "'")
          continue
        }
        if (c === '"') {
          quoted = true
          this.i = this.quoted(i + 1, '"')
          continue
        }
        if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
          const end = s[i + 1] === '(' ? scanBalanced(s, i + 1, '(', ')', d) : scanBalanced(s, i + 1, '{', '}', d)
          this.pushRaw(i, end)
          this.i = end
          continue
        }
        if (c === '`') {
          const close = s.indexOf('`', i + 1)
          const end = close < 0 ? s.length : close + 1
          this.pushRaw(i, end)
          this.i = end
          continue
        }
      } else if (d === 'powershell') {
        if (c === '`') {
          if (this.backtickContinuationEnd(i) >= 0) break
          this.i = this.backtickEscape(i)
          continue
        }
        // An array (`"A=1","B=2"`, `a,b`): its elements are separate values.
        if (c === ',') array = true
        if (c === '@' && i === start && (s[i + 1] === '"' || s[i + 1] === "'")) {
          // Blanks may follow the opener on its line.
          let opened = i + 2
          while (s[opened] === ' ' || s[opened] === '\t') opened++
          const lb = this.lineBreakEnd(opened)
          if (lb >= 0) {
            quoted = true
            const closer = `\n${s[i + 1]}@`
            const close = s.indexOf(closer, lb - 1)
            const bodyEnd = close < 0 ? s.length : close
            // A single-quoted here-string (`@'`) keeps every `$` as it is; a double-quoted one is read as "…" is
            // (`` `$ `` is text), its quotes text.
            if (s[i + 1] === '"') this.quoted(lb, '"', bodyEnd)
            else this.pushRaw(lb, bodyEnd, true)
            this.i = close < 0 ? s.length : close + closer.length
            continue
          }
        }
        if (c === "'" || c === '"') {
          quoted = true
          this.i = this.quoted(i + 1, c)
          continue
        }
        if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
          const end = s[i + 1] === '(' ? scanBalanced(s, i + 1, '(', ')', d) : scanBalanced(s, i + 1, '{', '}', d)
          this.pushRaw(i, end)
          this.i = end
          continue
        }
      } else {
        if (c === '^') {
          const lb = this.lineBreakEnd(i + 1)
          if (lb >= 0) this.i = lb
          else if (i + 1 < s.length) {
            // An escaped character is text; cmd expands no `$` in any case.
            this.push(i + 1, true)
            this.i = i + 2
          } else {
            this.i = i + 1
          }
          continue
        }
        if (c === '"') {
          quoted = true
          this.i = this.quoted(i + 1, '"')
          continue
        }
      }
      if (d === 'cmd' && c === '%') {
        this.i = this.cmdVariable(i)
        continue
      }
      // cmd expands no `$` (its variables are `%NAME%`).
      this.push(i, d === 'cmd')
      this.i = i + 1
    }
    if (this.i === start) return undefined
    // No runs: the word is the script's text from `start` on, unchanged (the usual word).
    const word: ShellWord = { value: this.value, start, end: this.i, runs: this.runs.take(start), quoted }
    if (array) this.record?.arrays.add(word)
    return word
  }

  /**
   * Reads PowerShell's backtick escape at `s[at] === '`'` (in a double-quoted string and in a bare word alike, as
   * PowerShell's tokenizer does) into the word being read; returns the offset after it. `` `n ``, `` `t ``, `` `0 ``
   * (…) are the characters {@link POWERSHELL_ESCAPES} gives, any other character is itself as text (`` `$ ``,
   * `` `" ``, ``` `` ```); `` `e `` and `` `u{…} `` are a value isolint cannot know: PowerShell 6 and later read an
   * escape character and a code point, Windows PowerShell 5.1 the letter.
   */
  private backtickEscape(at: number): number {
    const s = this.s
    const next = s[at + 1]!
    const control = POWERSHELL_ESCAPES[next]
    if (control !== undefined) {
      this.runs.note(this.value.length, at + 1)
      this.value += control
      return at + 2
    }
    if (next === 'e' || next === 'u') {
      const end = next === 'u' ? at + 2 + (UNICODE_ESCAPE.exec(s.slice(at + 2, at + 11))?.[0].length ?? 0) : at + 2
      this.runs.note(this.value.length, at)
      this.value += unknownValue(s.slice(at, end))
      return end
    }
    this.push(at + 1, true)
    return at + 2
  }

  /**
   * At `s[at] === '%'` (cmd, or PowerShell after `--%`): an environment variable `%NAME%` is read as `${env:NAME}`,
   * the environment's value as the step runs, unknown without one (cmd replaces it before the program runs, with
   * nothing when unset: never the text `%NAME%`), and shown as written (its mark: core/cmd-variable-text.ts). A batch
   * file's `%%` is one `%`; any other `%` is text. Returns the offset after what was read.
   */
  private cmdVariable(at: number): number {
    if (this.dialect === 'cmd' && this.s[at + 1] === '%') {
      // A batch file's `%%` is one `%` (GitHub and Azure run a cmd step as a batch file).
      this.push(at, true)
      return at + 2
    }
    const m = CMD_VARIABLE.exec(this.s.slice(at, at + 258))
    if (!m) {
      this.push(at, true)
      return at + 1
    }
    this.runs.note(this.value.length, at)
    this.value += cmdVariableText(m[1]!)
    return at + m[0].length
  }

  /**
   * Appends the character at `at` to the word being read; `literal` when the shell passes it on as it is (quoted or
   * escaped): a `$` is then a {@link LITERAL_DOLLAR}, never a variable.
   */
  private push(at: number, literal = false): void {
    this.runs.note(this.value.length, at)
    this.value += literal && this.literalDollar(at) ? LITERAL_DOLLAR : this.s[at]
  }

  /** Appends the characters of `[from, to)` to the word being read (`literal`: as {@link push} says). */
  private pushRaw(from: number, to: number, literal = false): void {
    const end = Math.min(to, this.s.length)
    if (end <= from) return
    this.runs.note(this.value.length, from)
    const text = this.s.slice(from, end)
    this.value += literal && text.includes('$') ? text.replace(LITERAL_DOLLARS, LITERAL_DOLLAR) : text
  }

  /**
   * Whether the character at `at` is a `$` the shell keeps as text when quoted or escaped: not one that opens a
   * GitHub expression (`${{ … }}`, replaced before the shell runs) nor a mark isolint's readers put in a script (a
   * `$` before a private-use character: a value isolint cannot know, an Azure Pipelines macro).
   */
  private literalDollar(at: number): boolean {
    const next = this.s[at + 1] ?? ''
    return this.s[at] === '$' && !PRIVATE_USE.test(next) && !this.s.startsWith('${{', at)
  }

  /**
   * Reads a quoted section whose body starts at `from`; returns the offset after the closing quote. With `bodyEnd`
   * (a PowerShell here-string's body), reads to there and a quote is text.
   */
  private quoted(from: number, quote: string, bodyEnd?: number): number {
    const s = this.s
    const d = this.dialect
    const limit = bodyEnd ?? s.length
    let i = from
    while (i < limit) {
      const c = s[i]!
      if (c === '$' && s.startsWith('${{', i)) {
        const end = scanExpressionEnd(s, i)
        this.pushRaw(i, end)
        i = end
        continue
      }
      if (c === quote && bodyEnd === undefined) {
        if (d === 'powershell' && s[i + 1] === quote) {
          this.push(i)
          i += 2
          continue
        }
        return i + 1
      }
      if (quote === '"' && d === 'posix') {
        if (c === '\\' && i + 1 < s.length) {
          const next = s[i + 1]!
          const lb = this.lineBreakEnd(i + 1)
          if (lb >= 0) {
            i = lb
            continue
          }
          if (next === '"' || next === '\\' || next === '$' || next === '`') {
            this.push(i + 1, true)
            i += 2
            continue
          }
        }
        if (c === '$' && s[i + 1] === '(') {
          const end = scanBalanced(s, i + 1, '(', ')', d)
          this.pushRaw(i, end)
          i = end
          continue
        }
        if (c === '`') {
          const close = s.indexOf('`', i + 1)
          const end = close < 0 ? s.length : close + 1
          this.pushRaw(i, end)
          i = end
          continue
        }
      }
      if (quote === '"' && d === 'powershell') {
        if (c === '`' && i + 1 < limit) {
          i = this.backtickEscape(i)
          continue
        }
        if (c === '$' && s[i + 1] === '(') {
          const end = Math.min(scanBalanced(s, i + 1, '(', ')', d), limit)
          this.pushRaw(i, end)
          i = end
          continue
        }
      }
      if (d === 'cmd' && c === '%') {
        i = this.cmdVariable(i)
        continue
      }
      // Single quotes (sh, PowerShell) keep every character as it is; cmd expands no `$`.
      this.push(i, quote === "'" || d === 'cmd')
      i++
    }
    return limit
  }
}

/**
 * Given `s[open] === openCh`, returns the offset after the matching `closeCh`, skipping quoted strings and
 * expressions; the end of the text when unbalanced.
 */
function scanBalanced(s: string, open: number, openCh: string, closeCh: string, dialect: ShellDialect): number {
  let depth = 0
  let i = open
  while (i < s.length) {
    const c = s[i]!
    if (c === '$' && s.startsWith('${{', i)) {
      i = scanExpressionEnd(s, i)
      continue
    }
    if (c === "'" || c === '"') {
      let j = i + 1
      while (j < s.length && s[j] !== c) {
        if (c === '"' && ((dialect === 'posix' && s[j] === '\\') || (dialect === 'powershell' && s[j] === '`'))) j++
        j++
      }
      i = Math.min(s.length, j + 1)
      continue
    }
    if (c === '\\' && dialect === 'posix') {
      i += 2
      continue
    }
    if (c === openCh) depth++
    else if (c === closeCh && --depth === 0) return i + 1
    i++
  }
  return s.length
}
