/**
 * The environment names a script assigns itself: after such an assignment, the script's `$NAME` (`$env:NAME`,
 * `%NAME%`) is what the script set, not what the CI exported, and isolint leaves it unknown. Found anywhere in the
 * script (before or after the command that reads it: unknown either way, never the exported value). Pure.
 *
 * - sh/bash, read on the commands {@link splitCommands} gives: a command made only of assignments (`A=1 B=2`: every
 *   name), the arguments of `export`/`local`/`declare`/`readonly`/`typeset`, `unset`, `read`, `getopts`, `mapfile`,
 *   `readarray`, `for NAME in`, `select NAME in`, `printf -v NAME`; `source`, `.`, `eval` and `export $(…)` may
 *   assign any name ({@link ANY_NAME_ASSIGNED});
 * - PowerShell: `$env:NAME =` (and `+=` …), `${env:NAME} =`, `Set-Item`/`New-Item`/`Remove-Item`/`Clear-Item env:NAME`,
 *   `[Environment]::SetEnvironmentVariable('NAME'`; `iex`/`Invoke-Expression` and a `.ps1` run in the process
 *   (`. ./x.ps1`, `& ./x.ps1`, `./x.ps1`) may assign any name; its own `$NAME` is never the environment (see
 *   workflow-expressions `powershell`).
 * - cmd: `set NAME=…` (`"NAME=…"`, `/a`, `/p`); a batch file it runs in its own process (`call x.cmd`, `x.bat`) may
 *   assign any name, as may `set /a` with several assignments.
 *
 * A `.ps1` or batch file named in a string another command is given (`powershell -Command "cd src; .\build.ps1"`,
 * `cmd /c "a & b.cmd"`) runs in a child process, like `pwsh -File x.ps1`: what it sets does not come back (what it
 * writes to GITHUB_ENV is for the job's later steps, not for this script).
 */
import { splitCommands, type ShellDialect, type ShellWord } from './shell.js'
import { ANY_NAME_ASSIGNED } from './workflow-expressions.js'

export { ANY_NAME_ASSIGNED }

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** `NAME=…`, `NAME+=…`, `NAME[i]=…` as written (not quoted: `"A=1"` is a command named `A=1`). */
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\+?=/
/** Words that open a command in sh without being one (`then A=1`, `! A=1`, `{ A=1; }`). */
const KEYWORDS = new Set(['!', '{', '}', '(', ')', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', 'time'])
const DECLARATIONS = new Set(['export', 'local', 'declare', 'readonly', 'typeset'])
/** Commands that set (or unset) the names among their plain arguments. */
const NAMING = new Set(['unset', 'read', 'getopts', 'mapfile', 'readarray'])
/** Commands that run a file in the shell itself (`source`, `.`). */
const SOURCING = new Set(['source', '.'])

/**
 * Reads the names into `names` from the commands of `script` (split here when the caller has not); returns how many
 * files the script sources (`source`, `.`).
 */
function posixNames(script: string, commands: Commands | undefined, names: Set<string>): number {
  let sourced = 0
  const plain = (w: ShellWord): boolean => !w.quoted && NAME.test(w.value)
  for (const words of commands ?? splitCommands(script, 'posix')) {
    let i = 0
    while (i < words.length && KEYWORDS.has(words[i]!.value) && !words[i]!.quoted) i++
    // Assignments alone set the shell's variables; before a command they are only the command's environment.
    let j = i
    while (j < words.length && /^[A-Za-z_]/.test(script[words[j]!.start] ?? '') && ASSIGNMENT.test(words[j]!.value)) j++
    if (j > i && j === words.length) {
      for (let k = i; k < j; k++) names.add(ASSIGNMENT.exec(words[k]!.value)![1]!)
      continue
    }
    const program = words[i]
    if (program === undefined || program.quoted) continue
    const args = words.slice(i + 1)
    const cmd = program.value
    if (SOURCING.has(cmd)) sourced++
    else if (cmd === 'eval') names.add(ANY_NAME_ASSIGNED)
    else if (DECLARATIONS.has(cmd)) {
      for (const w of args) {
        if (/^[-+]/.test(w.value)) continue
        const m = ASSIGNMENT.exec(w.value)
        if (m) names.add(m[1]!)
        else if (NAME.test(w.value)) {
          // `export NAME` keeps its value; `local NAME` (`declare`, `typeset`) makes a new, empty one.
          if (cmd !== 'export' && cmd !== 'readonly') names.add(w.value)
        } else names.add(ANY_NAME_ASSIGNED) // `export $(cat .env | xargs)`: whatever the file holds.
      }
    } else if (NAMING.has(cmd)) {
      for (const w of args) if (plain(w)) names.add(w.value)
      if (cmd === 'mapfile' || cmd === 'readarray') names.add('MAPFILE')
    } else if ((cmd === 'for' || cmd === 'select') && args[0] && plain(args[0]) && args[1]?.value === 'in') names.add(args[0].value)
    else if (cmd === 'printf' && args[0]?.value === '-v' && args[1] && plain(args[1])) names.add(args[1].value)
  }
  return sourced
}

/**
 * How many of a sh script's commands (as {@link splitCommands} gives them) assign each name, each read as
 * {@link scriptAssignments} reads it; {@link ANY_NAME_ASSIGNED} counts those that may assign any (`source`, `eval`).
 * For os-guards.ts: a test of a name the script assigns (but once, plainly, at its top level) is no test of the value
 * the linker knows.
 */
export function posixAssignmentCounts(script: string, commands: Commands): Map<string, number> {
  const counts = new Map<string, number>()
  const names = new Set<string>()
  for (const words of commands) {
    names.clear()
    if (posixNames(script, [words], names) > 0) names.add(ANY_NAME_ASSIGNED)
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1)
  }
  return counts
}

const POWERSHELL: readonly RegExp[] = [
  /\$\{?env:([A-Za-z_][A-Za-z0-9_]*)\}?[ \t]*(?:[-+*/%]|\?\?)?=(?!=)/gi,
  // The cmdlet (or alias) as a command: at the start of a line, after `;`, `|`, `&` (`&&`, `||`, the call operator),
  // `{` or `(` (`$(…)`), or after the `=` of an assignment (`$null = New-Item …`); not a word inside another
  // command's arguments (`docker run --rm`, `-e X=rm`). The provider path, not a read of the variable (`$env:X`, the
  // file it names).
  /(?:^|[;|&{(]|\$[\w:]+[ \t]*=)[ \t]*(?:Set-Item|New-Item|Set-Content|Add-Content|Remove-Item|Clear-Item|ri|rm|del|erase|si|ni)\b[^\n;|]*?(?<![\w${])env:[\\/]?([A-Za-z_][A-Za-z0-9_]*)/gim,
  /SetEnvironmentVariable\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/gi,
]
/**
 * cmd's `set NAME=…`, `set "NAME=…"`, `set /a NAME=…`, `set /p NAME=…` (a line's `%NAME%` is read when the line is,
 * so an assignment anywhere leaves the name unknown everywhere). `set` starts a word (a command, or one after `if …`
 * or `do`), not an option (`helm --set tag=x`). Groups: the switch, the name, the rest of the line.
 */
const CMD_SET = /(?<![^\s&|(@])set[ \t]+(\/[ap][ \t]+)?"?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?:[-+*/%&|^]|<<|>>)?=([^\n]*)/gi
/** A batch file run in the cmd process: at the start of a command or after `call`. */
const BATCH_RUN = /(?:^|[&|(])[ \t]*@?(?:call[ \t]+)?"?[^\s&|"()]*\.(?:cmd|bat)\b/gim
/** What {@link BATCH_RUN} and {@link PS1_RUN} need somewhere in a script (a quick test before their match lists). */
const BATCH_NAMED = /\.(?:cmd|bat)\b/i
const PS1_NAMED = /\.ps1\b/i
const INVOKE_EXPRESSION = /\b(?:iex|Invoke-Expression)\b/i
/**
 * What a PowerShell script that assigns a name has somewhere (a quick test before the others): the words
 * {@link engineSelections} needs, {@link INVOKE_EXPRESSION}, {@link PS1_NAMED}, and `env:` or `SetEnvironmentVariable`.
 */
const POWERSHELL_MAY_ASSIGN = /\b(?:context|buildx|iex|Invoke-Expression)\b|\.ps1\b|env:|SetEnvironmentVariable/i
/** A `.ps1` run in the PowerShell process: at the start of a command, dot-sourced, with `&`, or plain. */
const PS1_RUN = /(?:^|[;{(|]|&&)[ \t]*(?:[.&][ \t]+)?["']?[^\s;"'|()]*\.ps1\b/gim
/**
 * What runs a string as code in PowerShell's own process (`[scriptblock]::Create(…)`, `.InvokeScript(…)`, a runspace's
 * `.AddScript(…)`; `iex` is read apart): a `.ps1` named in a string may then run in the process.
 */
const RUNS_STRING = /\[scriptblock\]::Create\b|\.(?:InvokeScript|NewScriptBlock|AddScript)\s*\(/i

/**
 * How many of the matches of `re` (a `.ps1` or batch file run, {@link PS1_RUN}, {@link BATCH_RUN}) start outside a
 * quoted string: the `;` in `powershell -Command "cd src; .\build.ps1"` (cmd's `&` in `cmd /c "a & b.cmd"`) starts a
 * command of the child shell, not of this one. A run of a quoted path (`& "$PSScriptRoot\build.ps1"`) starts before
 * the quote.
 */
function runsOutsideStrings(script: string, re: RegExp, dialect: 'powershell' | 'cmd'): number {
  const matches = [...script.matchAll(re)]
  if (matches.length === 0 || (dialect === 'powershell' && RUNS_STRING.test(script))) return matches.length
  const spans = stringSpans(script, dialect)
  let n = 0
  for (const m of matches) if (!spans.some(([start, end]) => start < m.index && m.index < end)) n++
  return n
}

/**
 * Where `script`'s quoted strings are (offsets of the opening and the closing quote): PowerShell's `'…'` and `"…"`
 * (backtick escapes, doubled quotes; none in a `#` comment), cmd's `"…"` (`^` escapes outside). Only strings read
 * for certain, each closed on its own line with no `$(…)` in it: from the first other (a here-string, one over
 * lines, a subexpression that may run a file in this process, a lone quote) the rest of the script is read as code,
 * where a run may be counted that is not one, never missed.
 */
function stringSpans(script: string, dialect: 'powershell' | 'cmd'): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = []
  const ps = dialect === 'powershell'
  for (let i = 0; i < script.length; i++) {
    const c = script[i]
    if (c === (ps ? '`' : '^')) i++
    else if (ps && c === '#' && (i === 0 || /[\s;|&(){}]/.test(script[i - 1]!))) {
      const eol = script.indexOf('\n', i)
      if (eol < 0) break
      i = eol
    } else if (c === '"' || (ps && c === "'")) {
      const end = closingQuote(script, i, ps)
      if (end < 0) break
      spans.push([i, end])
      i = end
    }
  }
  return spans
}

/** The offset of the quote that closes the string opened at `open` on its line; -1 for none (see {@link stringSpans}). */
function closingQuote(script: string, open: number, ps: boolean): number {
  const quote = script[open]
  for (let j = open + 1; j < script.length; j++) {
    const c = script[j]
    if (c === '\n') return -1
    if (ps && quote === '"' && c === '`') {
      if (script[++j] === '\n') return -1
    } else if (ps && quote === '"' && c === '$' && script[j + 1] === '(') return -1
    else if (c === quote) {
      // PowerShell's `''` and `""` are a quote in the string.
      if (!ps || script[j + 1] !== quote) return j
      j++
    }
  }
  return -1
}

/**
 * `docker context use x`, `docker buildx use x`, and `docker buildx create … --use` of a builder on another machine
 * (`--driver remote`, `--driver kubernetes`, a `tcp://` or `ssh://` endpoint): docker's later commands (in this script,
 * in the files it runs, and in the later steps of the job: the choice is kept in docker's own configuration) talk to
 * that engine or builder, as if `DOCKER_CONTEXT` or `BUILDX_BUILDER` named it (project/link.ts `otherEngine`). Read
 * line by line as text: one in a comment or a string counts too. A builder `buildx create` makes with its default
 * driver runs on the host's own engine.
 */
const CONTEXT_USE = /\bdocker\b.*\bcontext[ \t]+use\b/i
const BUILDX_USE = /\bdocker\b.*\bbuildx[ \t]+use\b/i
const BUILDX_CREATE_USE = /\bdocker\b.*\bbuildx[ \t]+create\b.*--use\b/i
const ELSEWHERE = /--driver[ \t=]+["']?(?:remote|kubernetes)\b|\b(?:tcp|ssh):\/\//i

/** The variables that name the engine docker talks to, and the builder of its builds (one list for every reader). */
export const ENGINE_VARIABLES: readonly string[] = ['DOCKER_HOST', 'DOCKER_CONTEXT']
export const BUILDER_VARIABLES: readonly string[] = ['BUILDX_BUILDER']

/** The variables that stand for the engine or builder a script selects for docker's later commands, if any. */
export function engineSelections(script: string): readonly string[] {
  if (!/\b(?:context|buildx)\b/i.test(script) || !/docker/i.test(script)) return NO_NAMES
  let context = false
  let builder = false
  // Lines joined where a continuation (sh's `\`, PowerShell's backtick, cmd's `^`) carries the command on.
  for (const line of script.replace(/[\\`^]\r?\n/g, ' ').split('\n')) {
    if (!context && CONTEXT_USE.test(line)) context = true
    if (!builder && (BUILDX_USE.test(line) || (BUILDX_CREATE_USE.test(line) && ELSEWHERE.test(line)))) builder = true
  }
  return context && builder ? ['DOCKER_CONTEXT', 'BUILDX_BUILDER'] : context ? ['DOCKER_CONTEXT'] : builder ? ['BUILDX_BUILDER'] : NO_NAMES
}
const NO_NAMES: readonly string[] = []

/** The names a script assigns: in its own commands, and as the files it runs inherit them. */
export interface ScriptAssignments {
  readonly own: readonly string[]
  /**
   * As the files the script runs inherit them (see link.ts): one file run in the shell's own process (a `.ps1`, a
   * batch file) is the file followed, read with its own writes; only a second one (which may read what the first
   * set) assigns any name.
   */
  readonly inherited: readonly string[]
}

/** A script as {@link splitCommands} gives it. */
type Commands = readonly (readonly ShellWord[])[]

/** What a script that assigns no name gives (shared). */
export const NO_ASSIGNMENTS: ScriptAssignments = { own: [], inherited: [] }
const ANY: ScriptAssignments = { own: [ANY_NAME_ASSIGNED], inherited: [ANY_NAME_ASSIGNED] }

/**
 * The names `script` assigns, read in `dialect` (each once, as written; {@link ANY_NAME_ASSIGNED} for any name), in
 * one pass. `commands`: the script as {@link splitCommands} splits it in `dialect`, when the caller has them (the
 * workflow parser): read instead of splitting it again.
 */
export function scriptAssignments(script: string, dialect: ShellDialect, commands?: Commands): ScriptAssignments {
  // Most PowerShell scripts have none of what is read below: one scan of the text instead of four.
  if (dialect === 'powershell' && !POWERSHELL_MAY_ASSIGN.test(script)) return NO_ASSIGNMENTS
  const names = new Set<string>(engineSelections(script))
  // Files run in the shell's own process, which share its variables.
  let runs = 0
  if (dialect === 'posix') {
    if (names.size === 0 && !/=|\b(?:for|select|printf|read|getopts|unset|mapfile|readarray|source|eval|export|local|declare|typeset)\b|(?:^|[;&|({!])[ \t]*\.[ \t]/m.test(script)) return NO_ASSIGNMENTS
    // A file sourced is not followed (follow-script.ts): its writes are unknown, wherever they are read.
    if (posixNames(script, commands, names) > 0) return ANY
  } else if (dialect === 'powershell') {
    if (INVOKE_EXPRESSION.test(script)) return ANY
    // Most scripts name no `.ps1`: one quick test spares the match list (run per step).
    if (PS1_NAMED.test(script)) runs = runsOutsideStrings(script, PS1_RUN, 'powershell')
    if (/env:|SetEnvironmentVariable/i.test(script)) for (const re of POWERSHELL) for (const m of script.matchAll(re)) names.add(m[1]!)
  } else if (dialect === 'cmd') {
    // A batch file run in cmd's own process (`call x.cmd`, or named: cmd does not come back) shares its variables.
    if (BATCH_NAMED.test(script)) runs = runsOutsideStrings(script, BATCH_RUN, 'cmd')
    for (const m of script.matchAll(CMD_SET)) {
      // `set /a X=1, Y=X+1`: an expression may assign several names.
      if (/^\/a/i.test(m[1] ?? '') && m[3]!.includes(',')) return ANY
      names.add(m[2]!)
    }
  }
  if (names.size === 0 && runs === 0) return NO_ASSIGNMENTS
  const found = [...names]
  return { own: runs > 0 ? ANY.own : found, inherited: runs > 1 ? ANY.inherited : found }
}
