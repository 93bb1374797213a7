/**
 * A script's own tests of the operating system, read for the commands they guard: in a cross-platform matrix a script
 * starts its Linux service only `if [ "$RUNNER_OS" = Linux ]`, or in a `case "$(uname -s)" in` arm, or PowerShell's
 * `if ($IsLinux) { … } else { … }`, and a finding about the branch that does not run on a leg would be false.
 *
 * Each command gets the condition under which it runs ({@link OsGuard}): the branches of `if`/`elif`/`else`, `case`
 * arms, the `&&`/`||` lists it is reached by (POSIX), PowerShell's `if`/`elseif`/`else` and `switch`, an earlier
 * `exit` (`[ "$RUNNER_OS" = Windows ] && exit 0`) and, in a function body, the places the script calls the function
 * (an `if is_windows` reads the function's one test). The linker works it out for each host ({@link guardRuns}): a
 * test of a {@link PROBES probe} against a literal is decided by the host's OS, and any other test that reads the OS
 * (a regex, a value isolint cannot read, a function of several commands) is `maybe`: the command is kept on the
 * host, which stays unknown to it (no finding that depends on the host), never judged against every leg's host. A
 * test that reads no probe (`[ "$PUSH" = true ]`) is the same on every host and keeps the command where it was. A
 * function the script never calls by name (or calls only where isolint cannot tell) runs where isolint cannot know:
 * `maybe` too.
 *
 * A test of a value the linker may know for each leg decides the command there too: a variable the script does not
 * assign itself (`[ "$TARGET" = a ]` with the step's `TARGET: ${{ matrix.target }}`, PowerShell's `$env:TARGET`), a
 * positional parameter (`case "$1" in`, the argument a followed script is given; not after a `shift` or `set --`, nor
 * in a function), a PowerShell script's parameter (`switch ($Target)`), or a name assigned once from one of these
 * at the script's top level (`TARGET=${1:-}`). The guard holds the variable as written (OsProbe `value:`), which the
 * linker expands in the command's scope: a value it knows decides the test; one it cannot know leaves it `shared`, the
 * command where it was (a matrix leg is never made unknown by a value).
 *
 * Read with the script's structure (shell.ts `splitStructure`) only when its text names a probe, defines a function
 * or tests a variable ({@link mayGuard}): other scripts pay nothing. cmd is not read (it runs on Windows only).
 */
import type { HostInfo } from '../kb/types.js'
import type { HostRef } from '../model/project.js'
import type { OsGuard, OsProbe } from '../model/workflow.js'
import { ANY_NAME_ASSIGNED, posixAssignmentCounts, scriptAssignments } from './script-assignments.js'
import { splitStructure, type ShellDialect, type ShellWord } from './shell.js'

/**
 * Whether a command runs on a host: `yes`, `no`; `shared` when isolint cannot decide it but it is the same on every
 * host (as a step's `if:` in step-condition.ts); `maybe` when it may differ from host to host.
 */
export type GuardRuns = 'yes' | 'no' | 'shared' | 'maybe'

type HostOs = 'windows' | 'linux' | 'macos'
type ValueProbe = `value:${string}`
type NamedProbe = Exclude<OsProbe, `matrix:${string}` | ValueProbe>

/** A probe's value on one OS: exactly, or examples of a value that varies there (a version, the build of the shell). */
type ProbeValue = { readonly exact: string } | { readonly samples: readonly string[] }

interface Probe {
  /** Its value on each OS; absent where it is unknown (`$IsWindows` is `$null` in Windows PowerShell 5.1). */
  readonly values: Partial<Record<HostOs, ProbeValue>>
  /** The CI system that sets it (`RUNNER_OS` is GitHub's, `AGENT_OS` Azure Pipelines'): unknown elsewhere. */
  readonly provider?: 'github' | 'azure'
  /** A PowerShell boolean, read only as one (`if ($IsLinux)`, `-not $IsLinux`: `$null -eq $false` is false). */
  readonly boolean?: true
}

/** `uname -s` in the POSIX shells of Windows: Git Bash, MSYS2's environments, Cygwin (then a version and build). */
const UNAME_WINDOWS = ['MINGW64', 'MINGW32', 'MSYS', 'UCRT64', 'CLANG64', 'CLANG32', 'CLANGARM64', 'CYGWIN'].map((s) => `${s}_NT-10.0-20348`)

/**
 * What scripts read the OS from, and its value on each OS. Small on purpose: a test of anything else that names one of
 * them is `maybe` ({@link PROBE_MENTION}).
 */
const PROBES: Readonly<Record<NamedProbe, Probe>> = {
  RUNNER_OS: { values: { windows: { exact: 'Windows' }, linux: { exact: 'Linux' }, macos: { exact: 'macOS' } }, provider: 'github' },
  AGENT_OS: { values: { windows: { exact: 'Windows_NT' }, linux: { exact: 'Linux' }, macos: { exact: 'Darwin' } }, provider: 'azure' },
  uname: { values: { windows: { samples: UNAME_WINDOWS }, linux: { exact: 'Linux' }, macos: { exact: 'Darwin' } } },
  OSTYPE: { values: { windows: { samples: ['msys', 'cygwin'] }, linux: { samples: ['linux-gnu', 'linux-musl'] }, macos: { samples: ['darwin23', 'darwin24.0.0'] } } },
  IsLinux: { values: { windows: { exact: 'False' }, linux: { exact: 'True' }, macos: { exact: 'False' } }, boolean: true },
  IsWindows: { values: { linux: { exact: 'False' }, macos: { exact: 'False' } }, boolean: true },
  IsMacOS: { values: { windows: { exact: 'False' }, linux: { exact: 'False' }, macos: { exact: 'True' } }, boolean: true },
}

/** The words (their whole value) that read a probe, by dialect. `$(Agent.OS)` is an Azure macro as the reader marks it. */
const PROBE_WORDS: Record<'posix' | 'powershell', readonly (readonly [RegExp, NamedProbe])[]> = {
  posix: [
    [/^\$(?:RUNNER_OS|\{RUNNER_OS\})$/, 'RUNNER_OS'],
    [/^\$(?:AGENT_OS|\{AGENT_OS\})$/, 'AGENT_OS'],
    [/^\$\uE002agent\.os\uE003$/i, 'AGENT_OS'],
    [/^\$(?:OSTYPE|\{OSTYPE\})$/, 'OSTYPE'],
    [/^(?:\$\(\s*uname(?:\s+-s)?\s*\)|`\s*uname(?:\s+-s)?\s*`)$/, 'uname'],
    [/^\$\{\{\s*runner\.os\s*\}\}$/, 'RUNNER_OS'],
  ],
  powershell: [
    [/^\$(?:env:RUNNER_OS|\{env:RUNNER_OS\})$/i, 'RUNNER_OS'],
    [/^\$(?:env:AGENT_OS|\{env:AGENT_OS\})$/i, 'AGENT_OS'],
    [/^\$\uE002agent\.os\uE003$/i, 'AGENT_OS'],
    [/^\$(?:IsLinux|\{IsLinux\})$/i, 'IsLinux'],
    [/^\$(?:IsWindows|\{IsWindows\})$/i, 'IsWindows'],
    [/^\$(?:IsMacOS|\{IsMacOS\})$/i, 'IsMacOS'],
    [/^\$\{\{\s*runner\.os\s*\}\}$/, 'RUNNER_OS'],
  ],
}

/** A workflow's `${{ matrix.key }}` written in the script: the linker expands it for each leg. */
const MATRIX_WORD = /^\$\{\{\s*matrix\.[A-Za-z0-9_.-]+\s*\}\}$/

/**
 * Text that reads the OS, in any form: a test that holds it and that isolint does not decide is `maybe`. With
 * PowerShell's other ways (`[Environment]::OSVersion`, `IsOSPlatform`, `$PSVersionTable.Platform`) and the matrix.
 */
const PROBE_MENTION = /RUNNER_OS|runner\.os|AGENT_OS|agent\.os|\buname\b|OSTYPE|\$\{?Is(?:Linux|Windows|MacOS)\b|OSVersion|IsOSPlatform|PSVersionTable\.(?:Platform|OS)\b|\{\{\s*matrix\./i

/**
 * Text a script that reads a probe holds (in its usual spelling), for {@link mayGuard}: a search for each is cheaper
 * than {@link PROBE_MENTION} over every script isolint reads.
 */
const MENTION_TEXT = ['RUNNER_OS', 'runner.os', 'AGENT_OS', 'Agent.OS', 'uname', 'OSTYPE', 'IsLinux', 'IsWindows', 'IsMacOS', 'matrix.']

/** A function's definition, by dialect (sh's `f()` and `function f`; PowerShell's `function F`, `filter F`). */
const FUNCTION_TEXT: Record<'posix' | 'powershell', RegExp> = {
  posix: /\([ \t]*\)|\bfunction\s/,
  powershell: /\b(?:function|filter)\s+[\w:.-]/i,
}

/**
 * A test of a variable's value in its usual spellings, by dialect: sh's `case "$X" in`, `[ "$X" …`, `[[ $X …`, `test
 * "$X" …`, `… = "$X" ]`; PowerShell's `switch`, `$X -eq …` (`-ne`, `-like`, `-notlike`, `$env:X` too).
 */
const VALUE_TEXT: Record<'posix' | 'powershell', RegExp> = {
  posix: /(?:\bcase|\[\[?|\btest)[ \t]+"?\$[\w{]|[!=][ \t]+"?\$[\w{][^\n]*\]/,
  powershell: /\bswitch\b|\$[\w:{}]+[ \t]+-[ic]?(?:eq|ne|like|notlike)\b/i,
}

/** Whether a script may guard a command ({@link osGuards}): a cheap test of its text. */
export function mayGuard(script: string, dialect: ShellDialect): boolean {
  return dialect !== 'cmd' && (MENTION_TEXT.some((t) => script.includes(t)) || FUNCTION_TEXT[dialect].test(script) || VALUE_TEXT[dialect].test(script))
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions: built as the script is read, with function calls resolved at its end.

type Test = Extract<OsGuard, { readonly probe: OsProbe }>

/** An {@link OsGuard} while the script is read: a call's status and a function's calls are resolved at its end. */
type Node =
  | 'yes'
  | 'no'
  | 'shared'
  | 'maybe'
  | Test
  | { readonly not: Node }
  | { readonly all: readonly Node[] }
  | { readonly any: readonly Node[] }
  /** The status of a command that may call a function of the script: that function's, else `otherwise`. */
  | { readonly call: string; readonly otherwise: Node }
  /** Where the function `entry` is called (its body runs there). */
  | { readonly entry: Fn }

function all(...parts: readonly Node[]): Node {
  const out: Node[] = []
  for (const p of parts) {
    if (p === 'yes') continue
    if (p === 'no') return 'no'
    for (const q of typeof p === 'object' && 'all' in p ? p.all : [p]) if (!out.includes(q)) out.push(q)
  }
  return out.length === 0 ? 'yes' : out.length === 1 ? out[0]! : { all: out }
}

function any(...parts: readonly Node[]): Node {
  const out: Node[] = []
  for (const p of parts) {
    if (p === 'no') continue
    if (p === 'yes') return 'yes'
    for (const q of typeof p === 'object' && 'any' in p ? p.any : [p]) if (!out.includes(q)) out.push(q)
  }
  return out.length === 0 ? 'no' : out.length === 1 ? out[0]! : { any: out }
}

function not(n: Node): Node {
  if (n === 'yes') return 'no'
  if (n === 'no') return 'yes'
  if (n === 'shared' || n === 'maybe') return n
  return 'not' in n ? n.not : { not: n }
}

function test(probe: OsProbe, pattern: string, glob: boolean, ignoreCase: boolean): Test {
  const t: { -readonly [K in keyof Test]: Test[K] } = { probe, pattern }
  if (glob) t.glob = true
  if (ignoreCase) t.ignoreCase = true
  return t
}

function isValue(probe: OsProbe): probe is ValueProbe {
  return probe.startsWith('value:')
}

/** Whether a guard may keep a command off some host: it reads a probe, or may differ by host (`maybe`). */
function varies(g: OsGuard): boolean {
  if (typeof g === 'string') return g === 'maybe'
  if ('probe' in g) return true
  if ('not' in g) return varies(g.not)
  return ('all' in g ? g.all : g.any).some(varies)
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation, for the linker.

/** The host a guard is worked out for: its OS, who provides it, and the expansion of the leg's `${{ matrix.x }}`. */
export interface GuardHost {
  readonly os: HostInfo['os']
  readonly provider: 'github' | 'azure' | undefined
  readonly expand?: (raw: string) => string | undefined
}

/** Whether a command with the guard `guard` runs on `host` (see {@link GuardRuns}). */
export function guardRuns(guard: OsGuard, host: GuardHost): GuardRuns {
  if (typeof guard === 'string') return guard
  if ('not' in guard) return notRuns(guardRuns(guard.not, host))
  if ('all' in guard) {
    let r: GuardRuns = 'yes'
    for (let i = 0; i < guard.all.length && r !== 'no'; i++) r = andRuns(r, guardRuns(guard.all[i]!, host))
    return r
  }
  if ('any' in guard) {
    let r: GuardRuns = 'no'
    for (let i = 0; i < guard.any.length && r !== 'yes'; i++) r = orRuns(r, guardRuns(guard.any[i]!, host))
    return r
  }
  return testRuns(guard, host)
}

/**
 * The host a command with the guard `guard` runs on, for a job's `host`: `host` where the guard holds there (or where
 * isolint cannot decide it but it is the same on every host), undefined where it may or may not (unknown: no finding
 * that depends on the host), `false` where the command does not run there. `expand`: the leg's `${{ matrix.x }}`.
 */
export function guardedHost(guard: OsGuard | undefined, host: HostRef | undefined, expand?: (raw: string) => string | undefined): HostRef | undefined | false {
  if (guard === undefined || host === undefined) return host
  // A GitHub runner (or a --runner host), an Azure Pipelines agent.
  const provider = host.provider === undefined ? 'github' : host.provider === 'azure-pipelines' ? 'azure' : undefined
  const runs = guardRuns(guard, expand ? { os: host.info.os, provider, expand } : { os: host.info.os, provider })
  return runs === 'no' ? false : runs === 'maybe' ? undefined : host
}

function andRuns(a: GuardRuns, b: GuardRuns): GuardRuns {
  if (a === 'no' || b === 'no') return 'no'
  if (a === 'yes') return b
  if (b === 'yes') return a
  return a === 'maybe' || b === 'maybe' ? 'maybe' : 'shared'
}

function orRuns(a: GuardRuns, b: GuardRuns): GuardRuns {
  return notRuns(andRuns(notRuns(a), notRuns(b)))
}

function notRuns(a: GuardRuns): GuardRuns {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : a
}

function testRuns(t: Test, host: GuardHost): GuardRuns {
  // `*)`: any value, known or not.
  if (t.glob && t.pattern === '*') return 'yes'
  if (isValue(t.probe)) return valueRuns(t, host.expand?.(t.probe.slice('value:'.length)))
  const value = probeValue(t.probe, host)
  const re = matcher(t.pattern, t.glob === true, t.ignoreCase === true)
  if (value === undefined || re === undefined) return 'maybe'
  if ('exact' in value) return re.test(value.exact) ? 'yes' : 'no'
  const matched = value.samples.filter((v) => re.test(v)).length
  if (matched === value.samples.length) return 'yes'
  // None of the examples: none of the values either, unless the pattern names what varies (a version, a build: a digit).
  return matched === 0 && !/\d/.test(t.pattern) ? 'no' : 'maybe'
}

/**
 * A test of a variable's value (OsProbe `value:`), given the value as expanded: decided where it is known (and, where
 * the shell splits the word or reads it as a pattern, a plain word), else the same on every host: never unknown.
 */
function valueRuns(t: Test, value: string | undefined): 'yes' | 'no' | 'shared' {
  if (t.glob && t.pattern === '*') return 'yes'
  const re = matcher(t.pattern, t.glob === true, t.ignoreCase === true)
  if (value === undefined || re === undefined || (t.unquoted && !PLAIN_WORD.test(value))) return 'shared'
  return re.test(value) ? 'yes' : 'no'
}

/** A value the shell keeps as one word where it splits and globs one: not empty, no blank, no glob character. */
const PLAIN_WORD = /^[^\s*?[]+$/

/**
 * `guard` with each test of a variable's value decided by `expand` (the scope of the script it is written in): the
 * guard of a call (`if [ "$T" = a ]; then ./a.sh; fi`) put on the commands of the file it runs, which the linker
 * expands in the file's scope, and of a make recipe's commands. `guard` itself when it tests none.
 */
export function decideValues(guard: OsGuard, expand: (raw: string) => string | undefined): OsGuard {
  return mapValueTests(guard, (t) => valueRuns(t, expand(t.probe.slice('value:'.length))))
}

/**
 * `guard` with the variable of each test of a value as `rewrite` gives it (a followed script's `$1` as the name its
 * caller's argument is bound to), or `shared` (undecided) where it gives none. `guard` itself when it tests none.
 */
export function rewriteValues(guard: OsGuard, rewrite: (word: string) => string | undefined): OsGuard {
  return mapValueTests(guard, (t) => {
    const word = rewrite(t.probe.slice('value:'.length))
    return word === undefined ? 'shared' : { ...t, probe: `value:${word}` }
  })
}

function mapValueTests(guard: OsGuard, f: (t: Test) => OsGuard): OsGuard {
  if (typeof guard === 'string') return guard
  if ('probe' in guard) return isValue(guard.probe) ? f(guard) : guard
  if ('not' in guard) {
    const n = mapValueTests(guard.not, f)
    return n === guard.not ? guard : (not(n) as OsGuard)
  }
  const parts = 'all' in guard ? guard.all : guard.any
  const mapped = parts.map((p) => mapValueTests(p, f))
  if (mapped.every((p, i) => p === parts[i])) return guard
  return ('all' in guard ? all(...mapped) : any(...mapped)) as OsGuard
}

function probeValue(probe: OsProbe, host: GuardHost): ProbeValue | undefined {
  if (probe.startsWith('matrix:')) {
    const v = host.provider === 'github' ? host.expand?.(probe.slice('matrix:'.length)) : undefined
    return v === undefined ? undefined : { exact: v }
  }
  const p = PROBES[probe as NamedProbe]
  if (host.os === 'unknown' || (p.provider !== undefined && p.provider !== host.provider)) return undefined
  return p.values[host.os]
}

const MATCHERS = new Map<string, RegExp | undefined>()

/** A pattern as a regular expression: a glob (`*`, `?`, `[…]`, `\` escapes) or a literal; undefined if unreadable. */
function matcher(pattern: string, glob: boolean, ignoreCase: boolean): RegExp | undefined {
  const key = `${glob ? 'g' : 'l'}${ignoreCase ? 'i' : 'c'}${pattern}`
  if (MATCHERS.has(key)) return MATCHERS.get(key)
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (!glob) re += escapeRegExp(c)
    else if (c === '\\' && i + 1 < pattern.length) re += escapeRegExp(pattern[++i]!)
    else if (c === '*') re += '.*'
    else if (c === '?') re += '.'
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end < 0) {
        re += '\\['
        continue
      }
      const body = pattern.slice(i + 1, end)
      re += `[${body[0] === '!' || body[0] === '^' ? '^' + body.slice(1) : body}]`.replaceAll('\\', '\\\\')
      i = end
    } else re += escapeRegExp(c)
  }
  let out: RegExp | undefined
  try {
    out = new RegExp(`^${re}$`, ignoreCase ? 'is' : 's')
  } catch {
    out = undefined
  }
  MATCHERS.set(key, out)
  return out
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a script.

/** A function of the script: where its body runs, and what its one command tests (`is_windows() { [[ … ]]; }`). */
interface Fn {
  readonly name: string
  /** Where no `return` (`exit`) in it has ended it before the command being read. */
  alive: Node
  /** Its commands (in its body, not in a block of it), and the status of the last. */
  commands: number
  status: Node
  /** It holds a block (`if`, a loop…): its status is not its one command's. */
  blocks: boolean
  /** It reads a probe (or calls a function that may). */
  mentions: boolean
  readonly calls: string[]
}

/**
 * What the tests of a variable's value read in a script ({@link Reader} `valueProbe`), worked out on the first: where
 * the script gives a name a value of its own, what it tests is not the value the linker knows.
 */
interface ValueFacts {
  /** How many of its commands assign each name (PowerShell: lower-case, at least the names it assigns). */
  readonly assigned: ReadonlyMap<string, number>
  /** It may assign any name (`source`, `eval`; PowerShell's `iex`, `Set-Variable`, a `.ps1` run in its process…). */
  readonly any: boolean
  /** sh: a `shift` or `set --` changes the positional parameters somewhere. */
  readonly moved: boolean
  /** PowerShell: the parameters of the script's `param(…)`, by lower-case name, as declared. */
  readonly params?: ReadonlyMap<string, string>
}

/** An and-or list being read: whether the next command is reached (from its start), and the status so far. */
interface List {
  reach: Node
  /** The status of the list so far; undefined before its first command. */
  status: Node | undefined
  /** The operator before the next command (`&&`, `||`, `|`). */
  op: string | undefined
  /** The reach of the last command (a pipeline's next command has it too). */
  last: Node
}

interface Frame {
  readonly kind: 'if' | 'case' | 'switch' | 'block' | 'body' | 'subshell' | 'scriptblock'
  readonly closer: string
  /** Where the frame runs (for a function's body: where it is defined). */
  readonly base: Node
  /** Where its commands run now (the branch, the arm). */
  guard: Node
  list: List
  /** The status of the last list ended in it (an `if`'s condition at `then`). */
  ended: Node | undefined
  /** `if`: the conditions of the branches before (`elif`, `else`), the one read now, which part is being read. */
  taken?: Node
  cond?: Node
  phase?: 'cond' | 'body' | 'patterns'
  /** `case`, `switch`: what is matched, the patterns of the arm being read, a `;&` before it. */
  subject?: readonly ShellWord[]
  patterns?: ShellWord[]
  fall?: boolean
  /** PowerShell's `switch`: its options. */
  wildcard?: boolean
  caseSensitive?: boolean
  /** A function's body. */
  fn?: Fn
  /** PowerShell: an `if`/`elseif` body, which `elseif` or `else` may follow. */
  chain?: boolean
}

/** PowerShell: what the next `(…)` and `{` belong to (`if (…) {`, `switch (…) {`, `function F(…) {`, `foreach (…) {`). */
interface Pending {
  readonly kind: 'if' | 'else' | 'switch' | 'function' | 'block'
  readonly base: Node
  readonly taken: Node
  readonly name?: string
  readonly wildcard?: boolean
  readonly caseSensitive?: boolean
  /** The commands of its `(…)`, once read; whether they were more than one plain command. */
  head?: (readonly ShellWord[])[]
  complex?: boolean
}

const NAME = /^[A-Za-z_][\w.:-]*$/
/** The first word of a command substitution: sh's `$(…)` and `` `…` ``, PowerShell's `$(…)`. */
const SUBSTITUTION_POSIX = /\$\(\s*([A-Za-z_][\w.:-]*)|`\s*([A-Za-z_][\w.:-]*)[^`]*`/g
const SUBSTITUTION_POWERSHELL = /\$\(\s*([A-Za-z_][\w.:-]*)/g
/** Single-quoted text, where neither shell substitutes. */
const SINGLE_QUOTED = /'[^']*'/g
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s
/** sh's variable as a whole word: `$T`, `${T}`, `${T:-x}`, `$1`, `${1:-}` (a literal default). */
const POSIX_VALUE = /^\$(?:([A-Za-z_]\w*|[1-9])|\{([A-Za-z_]\w*|[1-9])(?::?-[^$`"'\\{}]*)?\})$/
/** Names the shell sets itself (with those starting BASH): never the environment's value. */
const SHELL_SET = new Set(['PWD', 'OLDPWD', 'RANDOM', 'SECONDS', 'LINENO', 'REPLY', 'OPTARG', 'OPTIND', 'PPID', 'UID', 'EUID', 'HOSTNAME', 'SHLVL', 'IFS', 'PIPESTATUS', 'FUNCNAME', 'SRANDOM', 'EPOCHSECONDS', 'EPOCHREALTIME'])
/** sh's `${T:=x}` and arithmetic (`(( T = 1 ))`, `let T=1`): assignments of their own, whose names are read broadly. */
const POSIX_OTHER_ASSIGNMENT = /\$\{([A-Za-z_]\w*):?=|\(\(([^()]*)\)\)|\blet[ \t]+([^\n;|&]*)/g
/** PowerShell's environment variable as a whole word: `$env:T`, `${env:T}`. */
const POWERSHELL_ENV_VALUE = /^\$(?:env:([A-Za-z_]\w*)|\{env:([A-Za-z_]\w*)\})$/i
/** PowerShell's assignments of a variable (`$x = …`, `$script:x += …`, `$x++`, `foreach ($x in …)`). */
const POWERSHELL_ASSIGNMENT = /\$(?:[A-Za-z]+:)?\{?([A-Za-z_]\w*)\}?[ \t]*(?:(?:[-+*/%]|\?\?)?=(?!=)|\+\+|--(?![\w-]))|\b(?:foreach|for)[ \t]*\([ \t]*\$([A-Za-z_]\w*)/gi
/** PowerShell that may assign any variable. */
const POWERSHELL_ANY = /\b(?:Set-Variable|New-Variable|Remove-Variable|Clear-Variable|sv|nv|rv|clv)\b|\[ref\]|-(?:Out|Pipeline|Error|Warning|Information)Variable\b|[ \t]-(?:ov|pv|ev|wv|iv)\b|\$PSBoundParameters\b/i
/** A PowerShell script's own `param(` (after comments and attributes), as project/follow-script.ts binds it. */
const POWERSHELL_PARAM = /^(?:\s|#[^\n]*\n|<#[\s\S]*?#>|\[[^\]\n]*\]\s*)*param\s*\(/i
const DECLARATIONS = new Set(['export', 'local', 'declare', 'typeset', 'readonly'])
/** PowerShell's comparisons isolint reads: `like` ones match wildcards; `c` ones have case. */
const COMPARISONS = /^-([ic]?)(eq|ne|like|notlike)$/i
/** PowerShell keywords whose `{ … }` runs where it is written. */
const POWERSHELL_BLOCKS = new Set(['foreach', 'for', 'while', 'do', 'until', 'try', 'catch', 'finally', 'trap', 'begin', 'process', 'end', 'clean', 'dynamicparam', 'data'])

/**
 * The guard of each of `commands` (a script's, as shell.ts `splitCommands` splits `script`), by index: undefined where
 * nothing keeps it off a host; undefined as a whole when none is guarded.
 */
export function osGuards(script: string, dialect: ShellDialect, commands: readonly (readonly ShellWord[])[]): readonly (OsGuard | undefined)[] | undefined {
  if (!mayGuard(script, dialect)) return undefined
  const { commands: again, events } = splitStructure(script, dialect)
  // Read again as it was read the first time: if not, the structure is not the commands', as when it is lost.
  if (again.length !== commands.length || again.some((w, i) => w[0]!.start !== commands[i]![0]!.start)) return unread(script, commands.length)
  return new Reader(script, dialect as 'posix' | 'powershell', again).read(events)
}

/**
 * The guards of a script whose structure isolint did not read (a closer with no opener, a block not closed): in one
 * that reads the OS, every command runs where isolint cannot know; in another, what its functions run is not read.
 */
function unread(script: string, n: number): readonly OsGuard[] | undefined {
  return PROBE_MENTION.test(script) ? new Array<OsGuard>(n).fill('maybe') : undefined
}

class Reader {
  private readonly frames: Frame[] = []
  /** The script's top level: where no `exit` has ended it before the command being read. */
  private readonly top: { alive: Node }
  private readonly local: Node[]
  private readonly owner: (Fn | undefined)[]
  private readonly fns = new Map<string, Fn[]>()
  /** The commands that may call a function, by its name: where they run, in which function. */
  private readonly calls = new Map<string, { readonly owner: Fn | undefined; readonly guard: Node }[]>()
  private readonly root: Frame
  /** sh's `f()` or `function f`: the body that comes next is f's. */
  private pendingFn: string | undefined
  /** PowerShell: see {@link Pending}; the `(…)` being read for it (its depth). */
  private pending: Pending | undefined
  private head: { depth: number; commands: (readonly ShellWord[])[]; complex: boolean } | undefined
  /** PowerShell: the `if` chain a `}` just ended, which `elseif` or `else` may go on with. */
  private chain: { readonly base: Node; readonly taken: Node } | undefined
  /** Names the script assigns (see {@link assignments}): once at its top level to a probe, or from what reads one. */
  private readonly assigned = new Map<string, number>()
  private readonly aliases = new Map<string, OsProbe>()
  private readonly tainted = new Set<string>()
  private taintedText: RegExp | undefined
  private facts: ValueFacts | undefined
  /** The structure is not what isolint reads (a closer with no opener, a block not closed). */
  private lost = false

  constructor(
    private readonly script: string,
    private readonly dialect: 'posix' | 'powershell',
    private readonly commands: readonly (readonly ShellWord[])[],
  ) {
    this.local = new Array<Node>(commands.length).fill('yes')
    this.owner = new Array<Fn | undefined>(commands.length).fill(undefined)
    this.top = { alive: 'yes' }
    this.root = this.frame('block', '', 'yes')
    this.assignments()
  }

  read(events: readonly (number | string)[]): readonly (OsGuard | undefined)[] | undefined {
    for (let e = 0; e < events.length; e++) {
      const ev = events[e]!
      if (typeof ev === 'number') {
        // sh's `f()`: the name of a function, not a call; its body comes next.
        if (this.dialect === 'posix' && events[e + 1] === '(' && events[e + 2] === ')' && this.definition(ev)) {
          e += 2
          continue
        }
        if (this.dialect === 'posix') this.posixCommand(ev)
        else this.powershellCommand(ev)
      } else if (this.dialect === 'posix') this.posixEvent(ev)
      else this.powershellEvent(ev)
    }
    if (this.frames.length > 0 || this.head !== undefined) this.lost = true
    return this.guards()
  }

  // -- Shared ---------------------------------------------------------------------------------------------------

  private frame(kind: Frame['kind'], closer: string, base: Node): Frame {
    return { kind, closer, base, guard: base, list: freshList(), ended: undefined }
  }

  private get current(): Frame {
    return this.frames[this.frames.length - 1] ?? this.root
  }

  /** The function whose body is being read, if any. */
  private get fn(): Fn | undefined {
    for (let k = this.frames.length - 1; k >= 0; k--) if (this.frames[k]!.fn) return this.frames[k]!.fn
    return undefined
  }

  /** Where the next command of the current list runs (within its function, for a function's). */
  private here(): Node {
    const f = this.current
    return all(f.guard, f.list.reach, (this.fn ?? this.top).alive)
  }

  /** Opens a frame as the next element of the current list (`A && { …; }`, `if` after `||`). */
  private open(kind: Frame['kind'], closer: string, base?: Node): Frame {
    const parent = this.current
    const f = this.frame(kind, closer, base ?? all(parent.guard, parent.list.reach))
    this.frames.push(f)
    if (kind !== 'body') {
      const fn = this.fn
      if (fn) fn.blocks = true
    }
    return f
  }

  /** Closes the innermost frame `closer` closes (and those in it); its status ends the element it was of its list. */
  private close(closer: string): Frame | undefined {
    let k = this.frames.length - 1
    while (k >= 0 && this.frames[k]!.closer !== closer) k--
    if (k < 0) {
      this.lost = true
      return undefined
    }
    const f = this.frames[k]!
    this.frames.length = k
    const status = f.kind === 'block' || f.kind === 'subshell' ? (f.list.status ?? f.ended ?? 'shared') : 'shared'
    if (f.kind !== 'body') this.element(status)
    return f
  }

  /** A list's element ended with the status `s`. */
  private element(s: Node): void {
    const list = this.current.list
    list.last = list.reach
    list.status = list.status === undefined || list.op === undefined || list.op === '|' ? s : list.op === '&&' ? all(list.status, s) : any(list.status, s)
    list.op = undefined
  }

  /** An operator between the elements of a list, or the end of one. */
  private operator(op: string): void {
    const f = this.current
    const list = f.list
    if (op === '&&' || op === '||') {
      const s = list.status ?? 'shared'
      list.reach = op === '&&' ? s : not(s)
      list.op = op
    } else if (op === '|' || op === '|&') {
      // The next command of a pipeline runs where the last did; the pipeline's status is unknown.
      list.reach = list.last
      list.status = undefined
      list.op = '|'
    } else {
      f.ended = list.status
      f.list = freshList()
    }
  }

  /** A simple command (its words from the program on, after the keywords), with the status `status`. */
  private simple(i: number, words: readonly ShellWord[], status: Node): void {
    const guard = this.here()
    const fn = this.fn
    this.local[i] = guard
    this.owner[i] = fn
    const program = words[0]
    const name = program && !program.quoted ? program.value : undefined
    const called = name !== undefined && NAME.test(name) ? [name] : []
    // `out="$(build 2>&1)"`, `echo "$(build)"`: a command substitution calls `build` where this command runs.
    for (const w of words) called.push(...this.substituted(w))
    for (const c of called) {
      const sites = this.calls.get(this.key(c))
      if (sites) sites.push({ owner: fn, guard })
      else this.calls.set(this.key(c), [{ owner: fn, guard }])
    }
    if (fn) {
      if (this.current.fn === fn) {
        fn.commands++
        fn.status = status
      }
      for (const c of called) fn.calls.push(this.key(c))
      if (!fn.mentions && this.mentions(words)) fn.mentions = true
    }
    // `exit` ends the script (not in a subshell), `return` the function: what follows runs only where it did not.
    const ends = name === undefined ? undefined : this.dialect === 'posix' ? name : name.toLowerCase()
    if ((ends === 'exit' || (ends === 'return' && fn)) && this.endsHere(ends)) {
      const owner = fn ?? this.top
      owner.alive = all(owner.alive, not(all(this.current.guard, this.current.list.reach)))
    }
    this.element(status)
  }

  /** Whether an `exit` (`return`) at this point ends the script (the function), not a subshell or script block. */
  private endsHere(kind: string): boolean {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const f = this.frames[k]!
      if (f.kind === 'body') return true
      if (f.kind === 'subshell' || (f.kind === 'scriptblock' && kind === 'return')) return false
    }
    return kind === 'exit'
  }

  private key(name: string): string {
    return this.dialect === 'powershell' ? name.toLowerCase() : name
  }

  /** `maybe` for words that read the OS in a way isolint does not decide, else `shared`. */
  private mention(words: readonly ShellWord[]): Node {
    return this.mentions(words) ? 'maybe' : 'shared'
  }

  private mentions(words: readonly ShellWord[]): boolean {
    if (words.length === 0) return false
    const text = this.script.slice(words[0]!.start, words[words.length - 1]!.end)
    return PROBE_MENTION.test(text) || (this.taintedText?.test(text) ?? false)
  }

  /**
   * The probe a word reads, as its whole value (or a name assigned it once at the top level), or the variable it is
   * (see {@link valueProbe}). `raw`: the word as written.
   */
  private probe(w: ShellWord, raw = this.script.slice(w.start, w.end)): OsProbe | undefined {
    const v = w.value
    if (!v.startsWith('$') && !v.startsWith('`')) return undefined
    for (const [re, probe] of PROBE_WORDS[this.dialect]) if (re.test(v)) return probe
    if (MATRIX_WORD.test(v)) return `matrix:${v}`
    const name = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(v)?.[1]
    return (name === undefined ? undefined : this.aliases.get(this.key(name))) ?? this.valueProbe(v, raw)
  }

  /**
   * The variable a word is as a whole (`raw` as written, in double quotes or not), for a test of its value: sh's `$T`,
   * `${T}`, `${T:-x}`, `$1`, `${1:-}`; PowerShell's `$env:T` and the script's parameters (`$Target`). Undefined where
   * what the test reads may not be what the linker expands: a name the script assigns itself (or may: `source`,
   * `eval`), one the shell sets, a positional parameter in a function (the function's own) or after a `shift` or
   * `set --`, a parameter in a function, an environment variable named as a parameter (followed scripts bind both).
   */
  private valueProbe(value: string, raw: string): ValueProbe | undefined {
    const inner = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw
    if (inner !== value) return undefined
    if (this.dialect === 'posix') {
      const m = POSIX_VALUE.exec(value)
      const name = m ? (m[1] ?? m[2]!) : undefined
      if (name === undefined) return undefined
      const facts = this.valueFacts()
      if (facts.any) return undefined
      if (name.length === 1 && name >= '1' && name <= '9') return this.fn || facts.moved ? undefined : `value:${value}`
      return facts.assigned.has(name) || SHELL_SET.has(name) || name.startsWith('BASH') ? undefined : `value:${value}`
    }
    const env = POWERSHELL_ENV_VALUE.exec(value)
    const param = env ? undefined : /^\$\{?([A-Za-z_]\w*)\}?$/.exec(value)?.[1]?.toLowerCase()
    if (!env && param === undefined) return undefined
    const facts = this.valueFacts()
    if (facts.any) return undefined
    if (env) {
      const name = env[1] ?? env[2]!
      return facts.assigned.has(name.toLowerCase()) || facts.params?.has(name.toLowerCase()) ? undefined : `value:$env:${name}`
    }
    const declared = this.fn ? undefined : facts.params?.get(param!)
    return declared === undefined || facts.assigned.has(param!) ? undefined : `value:$${declared}`
  }

  /** What the script's tests of values read ({@link ValueFacts}), worked out once. */
  private valueFacts(): ValueFacts {
    if (this.facts) return this.facts
    const script = this.script
    const count = (counts: Map<string, number>, name: string): void => void counts.set(name, (counts.get(name) ?? 0) + 1)
    if (this.dialect === 'posix') {
      const assigned = posixAssignmentCounts(script, this.commands)
      if (script.includes(':=') || script.includes('((') || script.includes('let')) {
        for (const m of script.matchAll(POSIX_OTHER_ASSIGNMENT)) {
          if (m[1] !== undefined) count(assigned, m[1])
          else for (const n of (m[2] ?? m[3]!).matchAll(/[A-Za-z_]\w*/g)) count(assigned, n[0])
        }
      }
      let moved = false
      for (const words of this.commands) if (!moved) moved = changesPositional(words)
      return (this.facts = { assigned, any: assigned.has(ANY_NAME_ASSIGNED), moved })
    }
    const assigned = new Map<string, number>()
    const own = scriptAssignments(script, 'powershell').own
    for (const n of own) count(assigned, n.toLowerCase())
    // The script's own parameters, where it declares them once (a script block's `param(` is another's).
    let params: Map<string, string> | undefined
    let block: readonly [number, number] | undefined
    const head = POWERSHELL_PARAM.exec(script)
    if (head && (script.match(/\bparam\s*\(/gi)?.length ?? 0) === 1) {
      const open = head.index + head[0].length - 1
      const close = closingParen(script, open)
      if (close > 0) {
        block = [open, close]
        params = new Map()
        for (const m of script.slice(open + 1, close).matchAll(/\$([A-Za-z_]\w*)/g)) if (!params.has(m[1]!.toLowerCase())) params.set(m[1]!.toLowerCase(), m[1]!)
      }
    }
    for (const m of script.matchAll(POWERSHELL_ASSIGNMENT)) {
      // A parameter's default is its binding, not an assignment.
      if (block && m.index > block[0] && m.index < block[1]) continue
      count(assigned, (m[1] ?? m[2]!).toLowerCase())
    }
    const any = own.includes(ANY_NAME_ASSIGNED) || POWERSHELL_ANY.test(script)
    return (this.facts = params ? { assigned, any, moved: false, params } : { assigned, any, moved: false })
  }

  /** A word as a literal: undefined when it expands anything (or holds a mark of the readers). */
  private literal(w: ShellWord): string | undefined {
    const raw = this.script.slice(w.start, w.end)
    return /[$`\uE000-\uF8FF]/.test(raw) || /[$`\uE000-\uF8FF]/.test(w.value) ? undefined : w.value
  }

  /**
   * The test `subject` matches `pattern` (`==` in `[[`, a `case` arm: `glob`), or undefined when it is none. `split`:
   * the shell splits the subject, or reads it as a pattern, where it is not quoted (sh's `[`, the right of `[[ … ==`);
   * `globs`: it expands a pattern not quoted as file names (sh's `[`).
   */
  private compare(subject: ShellWord, pattern: ShellWord, glob: boolean, ignoreCase: boolean, split = false, globs = false): Node | undefined {
    const probe = this.probe(subject)
    if (probe === undefined) return undefined
    const value = isValue(probe)
    // PowerShell's booleans are read as such only (`$null -eq $false` is false).
    if (this.dialect === 'powershell' && !value && !probe.startsWith('matrix:') && PROBES[probe as NamedProbe].boolean) return 'maybe'
    const p = glob && this.dialect === 'posix' ? posixPattern(this.script.slice(pattern.start, pattern.end)) : this.literal(pattern)
    // A value against what isolint cannot read (`[ "$T" = "$U" ]`, `[ "$T" = a* ]` against files): as before.
    if (value && (p === undefined || (globs && !pattern.quoted && /[*?[]/.test(p)))) return this.mention([subject, pattern])
    if (p === undefined) return 'maybe'
    const t = test(probe, p, glob, ignoreCase)
    return value && split && !subject.quoted ? { ...t, unquoted: true } : t
  }

  /**
   * Reads the names assigned in the script (sh's `OS=$(uname -s)`, `export OS=…`; PowerShell's `$os = $env:RUNNER_OS`):
   * how often each is assigned, and those assigned from what reads a probe (tainted: a test of them is `maybe`).
   */
  private assignments(): void {
    for (const words of this.commands) {
      for (const [name, value] of this.assignedIn(words)) {
        this.assigned.set(name, (this.assigned.get(name) ?? 0) + 1)
        if (PROBE_MENTION.test(this.script.slice(value.start, value.end))) this.tainted.add(name)
      }
    }
    if (this.tainted.size > 0) {
      const names = [...this.tainted].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
      this.taintedText = new RegExp(`\\$\\{?(?:${names})\\b`, this.dialect === 'powershell' ? 'i' : '')
    }
  }

  /** The assignments a command makes, with the word that holds each value. */
  private assignedIn(words: readonly ShellWord[]): [string, ShellWord][] {
    const out: [string, ShellWord][] = []
    if (this.dialect === 'powershell') {
      const m = words.length === 3 && words[1]!.value === '=' && !words[0]!.quoted ? /^\$([A-Za-z_]\w*)$/.exec(words[0]!.value) : null
      if (m) out.push([m[1]!.toLowerCase(), words[2]!])
      return out
    }
    let k = 0
    while (k < words.length && KEYWORDS.has(words[k]!.value) && !words[k]!.quoted) k++
    if (k < words.length && DECLARATIONS.has(words[k]!.value)) k++
    for (; k < words.length; k++) {
      const w = words[k]!
      if (w.value.startsWith('-')) continue
      const m = ASSIGNMENT.exec(w.value)
      if (!m) break
      out.push([m[1]!, w])
    }
    return out
  }

  /**
   * A name assigned once, at the top level, to a probe's word (`OS="$(uname -s)"`): read as that probe after. To a
   * variable (`TARGET=${1:-}`), only where the assignment certainly gives it that value ({@link valueAlias}).
   */
  private alias(words: readonly ShellWord[]): void {
    if (this.frames.length > 0) return
    for (const [name, w] of this.assignedIn(words)) {
      if (this.assigned.get(name) !== 1) continue
      const posix = this.dialect === 'posix'
      const eq = posix ? w.value.indexOf('=') + 1 : 0
      const raw = this.script.slice(w.start, w.end)
      const probe = this.probe({ ...w, value: w.value.slice(eq) }, posix ? raw.slice(raw.indexOf('=') + 1) : raw)
      if (probe === undefined || (isValue(probe) && !this.valueAlias(name, words))) continue
      this.aliases.set(name, probe)
      this.tainted.delete(name)
    }
  }

  /**
   * Whether sh's assignment `words` certainly gives `name` its value for the rest of the script: assignments alone
   * (after `export` or `readonly`), reached wherever the script goes on (not after `&&`, `||`, nor in a pipeline or in
   * the background: a subshell), the only one of the name.
   */
  private valueAlias(name: string, words: readonly ShellWord[]): boolean {
    if (this.dialect !== 'posix') return false
    const list = this.current.list
    if (list.reach !== 'yes' || list.op !== undefined) return false
    const k = words[0]!.quoted || (words[0]!.value !== 'export' && words[0]!.value !== 'readonly') ? 0 : 1
    if (k === words.length || words.slice(k).some((w) => !/^[A-Za-z_]/.test(this.script[w.start] ?? '') || !ASSIGNMENT.test(w.value))) return false
    if (/^[ \t]*(?:\|(?!\|)|&(?!&))/.test(this.script.slice(words[words.length - 1]!.end))) return false
    return this.valueFacts().assigned.get(name) === 1
  }

  /** sh's `f` before `()` (`function f`): a definition. */
  private definition(i: number): boolean {
    const words = this.commands[i]!
    const name = words.length === 1 ? words[0]! : words.length === 2 && words[0]!.value === 'function' ? words[1]! : undefined
    if (name === undefined || name.quoted || !NAME.test(name.value)) return false
    this.local[i] = this.here()
    this.pendingFn = name.value
    return true
  }

  /** Opens the body of the function `name`: it runs where the function is defined, and where it is called. */
  private openBody(name: string, closer: string): void {
    const fn: Fn = { name: this.key(name), alive: 'yes', commands: 0, status: 'shared', blocks: false, mentions: false, calls: [] }
    const list = this.fns.get(fn.name)
    if (list) list.push(fn)
    else this.fns.set(fn.name, [fn])
    const f = this.open('body', closer)
    f.fn = fn
  }

  // -- POSIX ----------------------------------------------------------------------------------------------------

  private posixEvent(ev: string): void {
    const f = this.current
    switch (ev) {
      case '(':
        if (f.kind === 'case' && f.phase === 'patterns') return
        if (this.pendingFn !== undefined) {
          this.openBody(this.pendingFn, ')')
          this.pendingFn = undefined
        } else this.open('subshell', ')')
        return
      case ')':
        if (f.kind === 'case' && f.phase === 'patterns') return this.arm(f)
        this.close(')')
        return
      case ';;':
      case ';&':
      case ';;&':
        if (f.kind === 'case' && f.phase === 'body') {
          f.taken = any(f.taken!, f.cond!)
          f.phase = 'patterns'
          f.patterns = []
          f.fall = ev !== ';;'
          f.guard = f.base
          f.list = freshList()
          return
        }
        this.operator(';')
        return
      default:
        // A function's body may come on the next line only.
        if (ev !== '\n') this.pendingFn = undefined
        this.operator(ev)
    }
  }

  /** The `)` that ends a `case` arm's patterns: its body runs where a pattern matches and no arm before did. */
  private arm(f: Frame): void {
    const subject = f.subject!
    const probe = subject.length === 1 ? this.probe(subject[0]!) : undefined
    let match: Node
    if (probe === undefined) match = this.mention(subject)
    else match = any(...f.patterns!.map((p) => this.compare(subject[0]!, p, true, false) ?? 'maybe'))
    f.cond = match
    // After `;&` (`;;&`) the arm also runs where the one before did: not read.
    f.guard = f.fall ? all(f.base, probe === undefined || isValue(probe) ? 'shared' : 'maybe') : all(f.base, not(f.taken!), match)
    f.phase = 'body'
    f.list = freshList()
  }

  private posixCommand(i: number): void {
    const words = this.commands[i]!
    let f = this.current
    if (f.kind === 'case' && f.phase === 'patterns') {
      this.local[i] = f.base
      if (words.length === 1 && !words[0]!.quoted && words[0]!.value === 'esac') this.close('esac')
      else f.patterns!.push(...words)
      return
    }
    // A function's body is `{ …; }` or `( … )` right after its name.
    const fnName = this.pendingFn
    this.pendingFn = undefined
    let negate = false
    let k = 0
    for (; k < words.length; k++) {
      const w = words[k]!
      if (w.quoted) break
      f = this.current
      switch (w.value) {
        case 'if': {
          const g = this.open('if', 'fi')
          g.phase = 'cond'
          g.taken = 'no'
          continue
        }
        case 'then':
          if (f.kind === 'if' && f.phase === 'cond') {
            f.cond = f.ended ?? f.list.status ?? 'shared'
            f.guard = all(f.base, not(f.taken!), f.cond)
            f.phase = 'body'
            f.list = freshList()
          }
          continue
        case 'elif':
        case 'else':
          if (f.kind === 'if' && f.phase === 'body') {
            f.taken = any(f.taken!, f.cond!)
            f.guard = all(f.base, not(f.taken))
            f.phase = w.value === 'elif' ? 'cond' : 'body'
            f.cond = 'yes'
            f.ended = undefined
            f.list = freshList()
          }
          continue
        case 'fi':
        case 'done':
        case 'esac':
        case '}':
          this.close(w.value)
          continue
        case 'while':
        case 'until':
          this.open('block', 'done')
          continue
        case 'for':
        case 'select':
          this.open('block', 'done')
          this.local[i] = this.here()
          return
        case 'do':
        case '!':
          if (w.value === '!') negate = !negate
          continue
        case 'case': {
          const g = this.open('case', 'esac')
          g.phase = 'patterns'
          g.taken = 'no'
          g.subject = words.slice(k + 1, k + 2)
          g.patterns = words[k + 2]?.value === 'in' ? words.slice(k + 3) : []
          this.local[i] = g.base
          return
        }
        case '{':
          if (fnName !== undefined && k === 0) this.openBody(fnName, '}')
          else this.open('block', '}')
          continue
        case 'function': {
          const name = words[k + 1]
          this.local[i] = this.here()
          if (!name || name.quoted || !NAME.test(name.value)) return
          if (words.slice(k + 2).some((x) => !x.quoted && x.value === '{')) this.openBody(name.value, '}')
          else this.pendingFn = name.value
          return
        }
        default:
      }
      break
    }
    const rest = k === 0 ? words : words.slice(k)
    if (rest.length === 0) {
      this.local[i] = this.here()
      return
    }
    this.alias(rest)
    const s = this.posixStatus(rest)
    this.simple(i, rest, negate ? not(s) : s)
  }

  /**
   * The names a word's command substitutions start with (sh `$(name …)` and `` `name …` ``, PowerShell `$(name …)`),
   * outside single quotes, where the shells run none.
   */
  private substituted(w: ShellWord): string[] {
    const text = this.script.slice(w.start, w.end)
    if (!text.includes('$(') && !(this.dialect === 'posix' && text.includes('`'))) return []
    const out: string[] = []
    const open = this.dialect === 'posix' ? SUBSTITUTION_POSIX : SUBSTITUTION_POWERSHELL
    for (const m of text.replace(SINGLE_QUOTED, "''").matchAll(open)) {
      const name = m[1] ?? m[2]
      if (name !== undefined && NAME.test(name)) out.push(name)
    }
    return out
  }

  /** The status of a simple command: a test of a probe, `true`, a function's call… */
  private posixStatus(words: readonly ShellWord[]): Node {
    const first = words[0]!
    if (first.quoted) return this.mention(words)
    const last = words[words.length - 1]!.value
    switch (first.value) {
      case 'true':
      case ':':
        return 'yes'
      case 'false':
        return 'no'
      case 'test':
        return this.posixTest(words.slice(1), false)
      case '[':
        return last === ']' ? this.posixTest(words.slice(1, -1), false) : this.mention(words)
      case '[[':
        return last === ']]' ? this.posixTest(words.slice(1, -1), true) : this.mention(words)
      default:
        return NAME.test(first.value) ? { call: first.value, otherwise: this.mention(words) } : this.mention(words)
    }
  }

  /** `[ A = B ]`, `[[ A == B ]]` (`B` a pattern), `!=`, a leading `!`; undecided forms by their mention. */
  private posixTest(words: readonly ShellWord[], double: boolean): Node {
    let negate = false
    let k = 0
    while (k < words.length && !words[k]!.quoted && words[k]!.value === '!') {
      negate = !negate
      k++
    }
    const w = words.slice(k)
    const op = w.length === 3 && !w[1]!.quoted ? w[1]!.value : undefined
    if (op !== '=' && op !== '==' && op !== '!=') return this.mention(words)
    const t = this.compare(w[0]!, w[2]!, double, false, !double, !double) ?? this.compare(w[2]!, w[0]!, false, false, true, !double) ?? this.mention(words)
    return op === '!=' !== negate ? not(t) : t
  }

  // -- PowerShell -----------------------------------------------------------------------------------------------

  private powershellEvent(ev: string): void {
    const head = this.head
    if (head) {
      if (ev === '(' || ev === '@(') {
        head.depth++
        head.complex = true
      } else if (ev === ')' && --head.depth === 0) {
        this.head = undefined
        this.pending!.head = head.commands
        this.pending!.complex = head.complex
      } else if (ev !== ')') head.complex = true
      return
    }
    const pending = this.pending
    if (pending && ev === '(' && pending.head === undefined && pending.kind !== 'else') {
      this.head = { depth: 1, commands: [], complex: false }
      return
    }
    if (ev === '\n' && (pending || this.chain)) return
    this.pending = undefined
    if (ev !== '}') this.chain = undefined
    const f = this.current
    switch (ev) {
      case '{':
        if (pending) return this.powershellBlock(pending)
        if (f.kind === 'switch' && f.phase === 'patterns') return this.switchArm(f)
        this.open('scriptblock', '}')
        return
      case '}': {
        const closed = this.close('}')
        this.chain = closed?.chain ? { base: closed.base, taken: any(closed.taken!, closed.cond!) } : undefined
        return
      }
      case '(':
      case '@(':
        this.open('block', ')')
        return
      case '@{':
        this.open('block', '}')
        return
      case ')':
        this.close(')')
        return
      default:
        this.operator(ev)
    }
  }

  /** The `{` of what {@link Pending} says. */
  private powershellBlock(p: Pending): void {
    const headWords = p.head?.length === 1 && !p.complex ? p.head[0]! : undefined
    const headNode = (): Node => (headWords ? this.psCondition(headWords) : this.mention((p.head ?? []).flat()))
    switch (p.kind) {
      case 'if':
      case 'else': {
        const cond = p.kind === 'if' ? headNode() : 'yes'
        const f = this.open('if', '}', p.base)
        f.taken = p.taken
        f.cond = cond
        f.guard = all(p.base, not(p.taken), cond)
        if (p.kind === 'if') f.chain = true
        return
      }
      case 'switch': {
        const f = this.open('switch', '}')
        f.phase = 'patterns'
        f.taken = 'no'
        f.subject = headWords ?? []
        f.patterns = []
        f.wildcard = p.wildcard === true
        f.caseSensitive = p.caseSensitive === true
        return
      }
      case 'function':
        this.openBody(p.name!, '}')
        return
      default:
        this.open('block', '}')
    }
  }

  /** A `switch` arm's `{`: it runs where its pattern matches (`default`: where none does). */
  private switchArm(f: Frame): void {
    const patterns = f.patterns!
    f.patterns = []
    const subject = f.subject!.length === 1 ? f.subject![0]! : undefined
    const probe = subject && this.probe(subject)
    let match: Node
    if (patterns.length === 1 && !patterns[0]!.quoted && patterns[0]!.value.toLowerCase() === 'default') match = not(f.taken!)
    else if (probe === undefined || patterns.length !== 1) match = this.mention([...f.subject!, ...patterns])
    else match = this.compare(subject!, patterns[0]!, f.wildcard === true, f.caseSensitive !== true) ?? 'maybe'
    // Every arm whose pattern matches runs (no `break` read): `default` only where none does.
    if (!(patterns.length === 1 && patterns[0]!.value.toLowerCase() === 'default')) f.taken = any(f.taken!, match)
    this.open('block', '}', all(f.base, match))
  }

  private powershellCommand(i: number): void {
    const words = this.commands[i]!
    if (this.head) {
      this.head.commands.push(words)
      if (this.head.commands.length > 1) this.head.complex = true
      this.local[i] = this.here()
      return
    }
    const f = this.current
    if (f.kind === 'switch' && f.phase === 'patterns') {
      this.local[i] = f.base
      f.patterns!.push(...words)
      return
    }
    const chain = this.chain
    this.chain = undefined
    this.pending = undefined
    const first = words[0]!
    const kw = first.quoted ? undefined : first.value.toLowerCase()
    const base = all(f.guard, f.list.reach)
    this.local[i] = this.here()
    if (words.length === 1 && kw === 'if') {
      this.pending = { kind: 'if', base, taken: 'no' }
      return
    }
    if (words.length === 1 && (kw === 'elseif' || kw === 'else')) {
      this.pending = chain ? { kind: kw === 'else' ? 'else' : 'if', base: chain.base, taken: chain.taken } : { kind: 'block', base, taken: 'no' }
      return
    }
    if (kw === 'switch') {
      const options = words.slice(1).map((w) => w.value.toLowerCase())
      // `-Regex`, `-File`: not read (a regex is no pattern isolint matches).
      const read = options.every((o) => o === '-wildcard' || o === '-casesensitive' || o === '-exact')
      this.pending = { kind: read ? 'switch' : 'block', base, taken: 'no', wildcard: options.includes('-wildcard'), caseSensitive: options.includes('-casesensitive') }
      return
    }
    if ((kw === 'function' || kw === 'filter') && words.length === 2 && !words[1]!.quoted) {
      this.pending = { kind: 'function', base, taken: 'no', name: words[1]!.value.replace(/^(?:global|script|local|private):/i, '') }
      return
    }
    if (kw !== undefined && POWERSHELL_BLOCKS.has(kw)) {
      this.pending = { kind: 'block', base, taken: 'no' }
      return
    }
    this.alias(words)
    // A PowerShell command's status (`&&`, `||` in PowerShell 7) is its success, not the value of an expression.
    this.simple(i, words, 'shared')
  }

  /**
   * The condition of `if (…)`: operands joined by `-and`/`-or` (one precedence, left to right), each a probe as a
   * boolean (`$IsLinux`), a comparison of one with a literal (`$env:RUNNER_OS -eq 'Linux'`, `-like`), negated by
   * `-not` or `!`; any other form by its mention.
   */
  private psCondition(words: readonly ShellWord[]): Node {
    let i = 0
    const operand = (): Node | undefined => {
      let negate = false
      while (i < words.length && !words[i]!.quoted && /^(?:-not|!)$/i.test(words[i]!.value)) {
        negate = !negate
        i++
      }
      const w = words[i++]
      if (!w) return undefined
      let word = w
      if (!w.quoted && w.value.startsWith('!')) {
        const bangs = /^!+/.exec(w.value)![0].length
        if (bangs % 2 === 1) negate = !negate
        word = { ...w, value: w.value.slice(bangs), start: w.start + bangs }
      }
      const op = words[i] && !words[i]!.quoted ? COMPARISONS.exec(words[i]!.value) : null
      let t: Node | undefined
      if (op) {
        const rhs = words[i + 1]
        i += 2
        if (!rhs) return undefined
        const like = op[2]!.toLowerCase().includes('like')
        const ignoreCase = op[1]!.toLowerCase() !== 'c'
        t = this.compare(word, rhs, like, ignoreCase) ?? (like ? undefined : this.compare(rhs, word, false, ignoreCase)) ?? this.mention([word, rhs])
        if (op[2]!.toLowerCase().startsWith('n')) t = not(t)
      } else {
        const probe = this.probe(word)
        const boolean = probe !== undefined && !probe.startsWith('matrix:') && !isValue(probe) && PROBES[probe as NamedProbe].boolean
        // A value as a boolean (`if ($env:PUSH)`) is read as before, by its mention.
        t = boolean ? test(probe, 'True', false, false) : probe !== undefined && !isValue(probe) ? 'maybe' : this.mention([word])
      }
      return negate ? not(t) : t
    }
    let acc = operand()
    while (acc !== undefined && i < words.length) {
      const op = words[i]!.quoted ? '' : words[i]!.value.toLowerCase()
      i++
      const next = op === '-and' || op === '-or' ? operand() : undefined
      acc = next === undefined ? undefined : op === '-and' ? all(acc, next) : any(acc, next)
    }
    return acc ?? this.mention(words)
  }

  // -- The result -----------------------------------------------------------------------------------------------

  private guards(): readonly (OsGuard | undefined)[] | undefined {
    const n = this.local.length
    if (this.lost) return unread(this.script, n)
    const out = new Array<OsGuard | undefined>(n).fill(undefined)
    let some = false
    for (let i = 0; i < n; i++) {
      const owner = this.owner[i]
      const g = this.resolve(owner ? all(this.local[i]!, { entry: owner }) : this.local[i]!, 0)
      if (varies(g)) {
        out[i] = g
        some = true
      }
    }
    return some ? out : undefined
  }

  private readonly resolved = new Map<Node, OsGuard>()
  private readonly statuses = new Map<Fn, OsGuard>()
  private readonly entries = new Map<Fn, OsGuard>()
  private readonly resolving = new Set<Fn>()

  private resolve(n: Node, depth: number): OsGuard {
    if (typeof n === 'string' || 'probe' in n) return n
    if (depth > 8) return 'maybe'
    // The commands of a branch share its node.
    const known = this.resolved.get(n)
    if (known !== undefined) return known
    const g = this.resolveNode(n, depth)
    this.resolved.set(n, g)
    return g
  }

  private resolveNode(n: Exclude<Node, string | Test>, depth: number): OsGuard {
    if ('not' in n) return not(this.resolve(n.not, depth + 1)) as OsGuard
    if ('all' in n) return all(...n.all.map((p) => this.resolve(p, depth + 1))) as OsGuard
    if ('any' in n) return any(...n.any.map((p) => this.resolve(p, depth + 1))) as OsGuard
    if ('call' in n) {
      const defs = this.fns.get(this.key(n.call))
      if (!defs) return this.resolve(n.otherwise, depth + 1)
      // Defined twice: which one runs is not read.
      return defs.length === 1 ? this.status(defs[0]!, depth) : defs.some((d) => this.mentionsDeep(d, new Set())) ? 'maybe' : 'shared'
    }
    return this.entry(n.entry, depth)
  }

  /** A function's status when called: its one command's (`[[ "$(uname -s)" == *NT* ]]`), else unknown. */
  private status(fn: Fn, depth: number): OsGuard {
    const known = this.statuses.get(fn)
    if (known !== undefined) return known
    if (this.resolving.has(fn)) return 'maybe'
    this.resolving.add(fn)
    const s =
      fn.commands === 1 && !fn.blocks && fn.alive === 'yes'
        ? this.resolve(fn.status, depth + 1)
        : this.mentionsDeep(fn, new Set())
          ? 'maybe'
          : 'shared'
    this.resolving.delete(fn)
    this.statuses.set(fn, s)
    return s
  }

  /** Where a function's body runs: where the script calls it (not from itself); `maybe` where it never does by name. */
  private entry(fn: Fn, depth: number): OsGuard {
    const known = this.entries.get(fn)
    if (known !== undefined) return known
    if (this.resolving.has(fn)) return 'maybe'
    this.resolving.add(fn)
    const sites = (this.calls.get(fn.name) ?? []).filter((c) => c.owner !== fn)
    const e = sites.length === 0 ? 'maybe' : (any(...sites.map((c) => this.resolve(c.owner ? all(c.guard, { entry: c.owner }) : c.guard, depth + 1))) as OsGuard)
    this.resolving.delete(fn)
    this.entries.set(fn, e)
    return e
  }

  private mentionsDeep(fn: Fn, seen: Set<Fn>): boolean {
    if (fn.mentions) return true
    seen.add(fn)
    return fn.calls.some((c) => (this.fns.get(c) ?? []).some((d) => !seen.has(d) && this.mentionsDeep(d, seen)))
  }
}

/** The POSIX keywords a command may start with (not assignments). */
const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'for', 'do', 'done', 'case', 'esac', '{', '}', '!'])

function freshList(): List {
  return { reach: 'yes', status: undefined, op: undefined, last: 'yes' }
}

/** Whether a sh command changes the script's positional parameters: `shift`, `set --` (`set a b`, `set - a`). */
function changesPositional(words: readonly ShellWord[]): boolean {
  let k = 0
  while (k < words.length && KEYWORDS.has(words[k]!.value) && !words[k]!.quoted) k++
  const program = words[k]
  if (!program || program.quoted) return false
  if (program.value === 'shift') return true
  if (program.value !== 'set') return false
  for (let i = k + 1; i < words.length; i++) {
    const a = words[i]!.value
    if (a === '--' || a === '-' || !/^[-+]/.test(a)) return true
    // `set -o pipefail`, `set -euo pipefail`: an option's name.
    if (/^[-+][A-Za-z]*o$/.test(a)) i++
  }
  return false
}

/** Given `text[open] === '('`, the offset of the matching `)` (quotes not read: a `param(…)` block), or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return i
  }
  return -1
}

/**
 * A sh pattern as written (`"linux-gnu"*`, `MINGW*`, `'Linux'`) as a glob, its quoted characters escaped; undefined
 * when it expands anything.
 */
function posixPattern(raw: string): string | undefined {
  const escape = (s: string): string => s.replace(/[*?[\\]/g, '\\$&')
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!
    if (c === '$' || c === '`' || /[\uE000-\uF8FF]/.test(c)) return undefined
    if (c === '\\') {
      if (i + 1 < raw.length) out += `\\${raw[++i]!}`
    } else if (c === "'" || c === '"') {
      const end = raw.indexOf(c, i + 1)
      if (end < 0) return undefined
      const inner = raw.slice(i + 1, end)
      if (c === '"' && /[$`\\]/.test(inner)) return undefined
      out += escape(inner)
      i = end
    } else out += c
  }
  return out
}
