/**
 * A script's own changes of folder (`cd app`, `pushd ..\x`, `Set-Location -Path $env:DIR`, cmd's `cd /d sub`), read
 * where they certainly apply to what follows, for the docker commands and the files the script runs after them.
 * Everywhere else the folder is unknown from the change on: a wrong folder could give a false error, a missed one
 * only a missed finding.
 *
 * A change is followed when it is a top-level command of the script (run in sequence, after a line break, `;` or
 * `&&`, and followed by one of them or the end), the program itself (no prefix) with one literal argument (a word
 * isolint expands later as it expands docker's words; see project/folder.ts): POSIX `cd DIR`, `cd -- DIR`, `pushd
 * DIR`, `popd`; PowerShell `cd`, `chdir`, `sl`, `Set-Location` (`DIR`, `-Path DIR`, `-LiteralPath DIR`), `pushd` /
 * `Push-Location` (the same), `popd` / `Pop-Location`; cmd `cd`, `chdir` (`DIR`, `/d DIR`), `pushd DIR`, `popd`. A
 * pop returns to the folder of its push (a stack); one with nothing pushed makes the folder unknown. A change after
 * `&&` applies to the rest of its list only (the command before it may fail, and the script go on). A POSIX subshell
 * `( … )` is read as a script of its own, from the folder before it, to which its `)` returns (`(cd app && docker
 * build .)`); PowerShell's and cmd's parentheses run in the script's own process, and a change in them is a block's.
 *
 * The folder is unknown from a change that is none of these on (to the end of its subshell): in a group, an
 * `if`/`for`/`while`/`case`
 * or any block (from the start of the outermost block: a loop runs its start again after it), a function body or a
 * PowerShell script block, in a pipeline, after `||`, backgrounded, with options or more words, `cd` alone, or a
 * word that may change the folder elsewhere in a command (cmd's `if exist x cd x`, `eval "cd x"`, PowerShell's
 * `$(cd x)`); in a cmd script with labels (`goto`, `call :sub`), every folder is, and after cmd's `endlocal` (which
 * restores the folder of its `setlocal`) in a script that moved. POSIX `chdir` is no builtin of bash
 * (command not found): unknown too. The commands of a function body or a PowerShell script block run where they are
 * called: unknown in a script that changes its folder.
 *
 * A move to the script's own folder is read as such (see {@link ownFolder}): sh's `cd "$(dirname "$0")"` (bash's
 * `"${BASH_SOURCE[0]}"` too), PowerShell's `Set-Location $PSScriptRoot`, cmd's `cd /d %~dp0`, each with a relative path
 * after it (`"$(dirname "$0")/.."`, `$PSScriptRoot\..`, `%~dp0..`). The folders after it are joined to the script's
 * folder (FolderChange `self`), which only the reader of a file whose path it knows can name (project/follow-script.ts):
 * elsewhere (a step's inline script, a recipe) the folder stays unknown. sh's `$0` is the path the script was run by,
 * relative to the folder it started in, and cmd's `%~dp0` may be resolved again from the current folder (a batch file
 * run by a quoted name): both are read only before any other change of folder (unknown after one).
 *
 * The script is read a second time, with its structure (shell.ts `splitStructure`), only when one of its commands runs
 * one of {@link MOVE_PROGRAMS}: other scripts pay nothing.
 */
import type { Span } from '../core/span.js'
import type { FolderChange, ScriptFolderForm, Word } from '../model/workflow.js'
import { prefixEffects, programName, splitStructure, wordAt, type ShellDialect, type ShellWord } from './shell.js'

/** The programs that change the folder, in some dialect (lower case): a script that runs one is read for its folders. */
export const MOVE_PROGRAMS: ReadonlySet<string> = new Set(['cd', 'chdir', 'pushd', 'popd', 'set-location', 'sl', 'push-location', 'pop-location'])

/**
 * The programs whose command makes a script worth reading for its folders (see {@link mayChangeFolder}): the moves,
 * the programs that run a text as code, and cmd's `if` and `for` (`if exist x cd x`: the move is a word of theirs).
 */
const FOLDER_TRIGGERS: Record<ShellDialect, ReadonlySet<string>> = {
  posix: new Set([...MOVE_PROGRAMS, 'eval']),
  powershell: new Set([...MOVE_PROGRAMS, 'iex', 'invoke-expression']),
  cmd: new Set([...MOVE_PROGRAMS, 'if', 'for']),
}

/**
 * Whether a command whose program is `program` (shell.ts `programName`) and whose program word is `word` may change
 * the script's folder: then the script is read for its folders ({@link folderChanges}). A set lookup for most commands
 * (docker-cli.ts asks it of every command).
 */
export function mayChangeFolder(program: string, word: string | undefined, dialect: ShellDialect): boolean {
  if (FOLDER_TRIGGERS[dialect].has(program)) return true
  // cmd's `cd..` (a program word that starts with `c`).
  return word !== undefined && (word.charCodeAt(0) | 0x20) === 99 && GLUED_MOVE.test(word)
}

/** Whether any of a script's commands {@link mayChangeFolder} (for a reader that does not look at every program). */
export function mayChangeFolderIn(commands: readonly (readonly ShellWord[])[], dialect: ShellDialect): boolean {
  return commands.some((words) => {
    const effects = prefixEffects(words, dialect)
    const list = effects.words ?? words
    const word = list[effects.start]?.value
    return word !== undefined && mayChangeFolder(programName(word), word, dialect)
  })
}

/** cmd's and PowerShell's `cd..`, `cd\`, `chdir/d` (a program word with the argument glued on). */
const GLUED_MOVE = /^(?:cd|chdir)[.\\/]/i

/** A word that may name one of them in a text (`eval "cd x"`, PowerShell's `$(Set-Location x)`). */
const MOVE_TEXT = /(?:^|[^\w-])(?:cd|chdir|pushd|popd|sl|set-location|push-location|pop-location)(?![\w-])/i

type Kind = 'cd' | 'push' | 'pop'

/** The moves each dialect follows, by the program's name (lower case; POSIX names are case-sensitive). */
const KINDS: Record<ShellDialect, ReadonlyMap<string, Kind>> = {
  posix: new Map([
    ['cd', 'cd'],
    ['pushd', 'push'],
    ['popd', 'pop'],
  ]),
  powershell: new Map([
    ['cd', 'cd'],
    ['chdir', 'cd'],
    ['sl', 'cd'],
    ['set-location', 'cd'],
    ['pushd', 'push'],
    ['push-location', 'push'],
    ['popd', 'pop'],
    ['pop-location', 'pop'],
  ]),
  cmd: new Map([
    ['cd', 'cd'],
    ['chdir', 'cd'],
    ['pushd', 'push'],
    ['popd', 'pop'],
  ]),
}

/** PowerShell keywords whose `{ … }` runs where it is written (not a script block run elsewhere, or later). */
const POWERSHELL_BLOCKS = new Set(['if', 'elseif', 'else', 'foreach', 'for', 'while', 'do', 'switch', 'try', 'catch', 'finally'])

/** Programs that run a text as code (`eval "cd $D"`, `iex 'cd x'`). */
const EVALUATORS = new Set(['eval', 'iex', 'invoke-expression'])

/** A block of the script: where it opened (its first command), what closes it, whether its commands run elsewhere. */
interface Block {
  readonly closer: string
  readonly start: number
  /** A function body or a PowerShell script block: runs where it is called. */
  readonly body: boolean
  /** A POSIX `case`: its `)` end patterns, not groups. */
  readonly isCase?: true
  /** A POSIX subshell `( … )`: the folder before it, which its changes do not leave (restored at its `)`). */
  readonly saved?: { readonly cur: Folder; readonly pushed: Folder[]; readonly andEnd: boolean }
}

/** The folder a command runs in: the start folder (undefined), a certain one, or unknown. */
type Folder = FolderChange | undefined

/**
 * The folder each of `commands` (a script's, as {@link splitStructure} splits `script`) runs in, by index: undefined
 * where the script has not moved; undefined as a whole when it changes its folder nowhere.
 */
export function folderChanges(
  script: string,
  dialect: ShellDialect,
  commands: readonly (readonly ShellWord[])[],
  at: (start: number, end: number) => Span,
): readonly Folder[] | undefined {
  const { commands: again, events } = splitStructure(script, dialect)
  const n = commands.length
  const out: Folder[] = new Array<Folder>(n).fill(undefined)
  // Read again as it was read the first time (the same text, the same split): if not, nothing is certain.
  if (again.length !== n || again.some((w, i) => w[0]!.start !== commands[i]![0]!.start)) return out.fill('unknown')
  const kinds = KINDS[dialect]
  const windows = dialect !== 'posix'
  let cur: Folder = undefined
  let pushed: Folder[] = []
  const blocks: Block[] = []
  let prev: 'fresh' | 'and' | 'other' = 'fresh'
  /** A change after `&&`: the folder is unknown after its list. */
  let andEnd = false
  /** POSIX `f()` or `function f`: the next block is a function's body. */
  let pendingBody = false
  /** PowerShell: the first word of the statement, which says what a `{` after it is. */
  let head: string | undefined
  let moved = false
  let next = 0
  const inBody = (): boolean => blocks.some((b) => b.body)
  /** The innermost POSIX subshell's index in `blocks` (-1: none): the blocks after it are those of its own script. */
  const subshell = (): number => {
    for (let k = blocks.length - 1; k >= 0; k--) if (blocks[k]!.saved) return k
    return -1
  }
  /**
   * A change isolint does not follow at command `i`: unknown from there, or from the start of its outermost block
   * (in the innermost subshell, whose changes end at its `)`).
   */
  const unknownAt = (i: number): void => {
    moved = true
    cur = 'unknown'
    pushed = []
    const from = blocks[subshell() + 1]?.start ?? i
    for (let j = Math.min(from, i); j <= i && j < n; j++) out[j] = 'unknown'
  }
  const open = (closer: string, body: boolean, start: number, isCase?: true): void => {
    blocks.push(isCase ? { closer, start, body, isCase } : { closer, start, body })
  }
  const close = (closer: string): void => {
    const k = blocks.map((b) => b.closer).lastIndexOf(closer)
    // A closer with no opener: the structure is lost, the folder is not certain from here.
    if (k < 0) return unknownAt(next)
    const saved = blocks[k]!.saved
    blocks.length = k
    // The end of a subshell: the folder is its caller's again, whatever it did.
    if (saved) {
      cur = saved.cur
      pushed = saved.pushed
      andEnd = saved.andEnd
    }
  }
  for (let e = 0; e < events.length; e++) {
    const ev = events[e]!
    if (typeof ev === 'string') {
      const top = blocks[blocks.length - 1]
      switch (ev) {
        case '\n':
        case ';':
        case ';;':
        case ';&':
        case '&':
          if (andEnd) {
            andEnd = false
            if (cur !== 'unknown') unknownAt(next)
          }
          prev = 'fresh'
          head = undefined
          break
        case '&&':
          prev = 'and'
          break
        case '(':
        case '@(':
          if (top?.isCase) break
          // POSIX `f()`: a function is defined; its body comes next.
          if (dialect === 'posix' && events[e + 1] === ')') {
            pendingBody = true
            e++
            break
          }
          // A POSIX subshell runs in a copy of the shell: its changes of folder end at its `)`. PowerShell's and cmd's
          // parentheses run in the script's own process.
          if (dialect === 'posix') blocks.push({ closer: ')', start: next, body: pendingBody, saved: { cur, pushed: [...pushed], andEnd } })
          else open(')', pendingBody, next)
          pendingBody = false
          andEnd = false
          prev = 'fresh'
          break
        case ')':
          if (top?.isCase) break
          close(')')
          prev = 'other'
          break
        case '{':
          open('}', head === undefined || !POWERSHELL_BLOCKS.has(head), next)
          prev = 'fresh'
          head = undefined
          break
        case '@{':
          open('}', false, next)
          prev = 'fresh'
          break
        case '}':
          close('}')
          prev = 'other'
          head = undefined
          break
        default:
          // `||`, `|`, `|&`: what follows may not run, or runs in a pipeline.
          prev = 'other'
      }
      continue
    }
    const i = ev
    next = i + 1
    const words = again[i]!
    const after = events[e + 1]
    // POSIX keywords open and close blocks (`if … fi`, `for … done`, `case … esac`, `{ … }`).
    if (dialect === 'posix') keywords(words, i, () => pendingBody, (v) => (pendingBody = v), open, close)
    if (dialect === 'powershell' && head === undefined && !words[0]!.quoted) head = words[0]!.value.toLowerCase()
    out[i] = inBody() ? 'unknown' : cur
    const move = moveOf(words, dialect, kinds, script)
    if (move === undefined) {
      if (dialect === 'cmd' && words[0]!.value.startsWith(':')) {
        // A label: `goto` and `call :label` run what follows from elsewhere.
        return moveIn(again, dialect, kinds, script) ? out.fill('unknown') : undefined
      }
      // cmd's `endlocal` restores the folder of its `setlocal` (cmd keeps the folder in the environment it saved).
      if (dialect === 'cmd' && cur !== undefined && cur !== 'unknown' && !words[0]!.quoted && /^endlocal$/i.test(words[0]!.value)) unknownAt(i)
      continue
    }
    if (move === 'maybe') {
      unknownAt(i)
      continue
    }
    // Top level (of the script, or of a subshell), in sequence: after a line break, `;` or `&&`, before one of them,
    // the end (of a subshell too), or `|| exit`.
    const certain =
      blocks.length === subshell() + 1 &&
      !inBody() &&
      prev !== 'other' &&
      (after === undefined || after === '\n' || after === ';' || after === '&&' || (after === ')' && blocks.length > 0) || (after === '&' && dialect === 'cmd') || (after === '||' && exits(again, events, e + 2)))
    if (!certain || cur === 'unknown') {
      unknownAt(i)
      continue
    }
    if (move.kind === 'pop') {
      cur = pushed.length > 0 ? pushed.pop() : 'unknown'
    } else {
      const dir: Word = wordAt(move.dir!, at)
      const own = move.own
      // `$0` and `%~dp0` name the script's folder from the folder it started in only (see the module's comment).
      if (own !== undefined && cur !== undefined && own.form !== 'PSScriptRoot') {
        unknownAt(i)
        continue
      }
      if (move.kind === 'push') pushed.push(cur)
      // From the script's own folder, the rest of the word as the folder from there (`.` for none).
      if (own !== undefined) cur = { dirs: [{ value: own.rest === '' ? '.' : own.rest, span: dir.span }], windows, self: own.form }
      else cur = cur === undefined ? { dirs: [dir], windows } : { ...cur, dirs: [...cur.dirs, dir] }
    }
    moved = true
    if (prev === 'and') andEnd = true
  }
  if (!moved) return undefined
  // cmd labels anywhere: see above (a label before the first change was read before it).
  return out
}

/** sh's `$(dirname "$0")` (or with backquotes, `${0}`, bash's `"${BASH_SOURCE[0]}"`, `$BASH_SOURCE`), and what follows it. */
const POSIX_OWN = /^(\$\(|`)[ \t]*dirname[ \t]+(?:--[ \t]+)?("?)\$(0|\{0\}|BASH_SOURCE|\{BASH_SOURCE(?:\[0\])?\})\2[ \t]*([)`])(.*)$/s
/** PowerShell's `$PSScriptRoot` (`${PSScriptRoot}`), and what follows it after a separator. */
const POWERSHELL_OWN = /^\$(?:PSScriptRoot|\{PSScriptRoot\})(?:$|[\\/](.*)$)/is
/** cmd's `%~dp0` (the folder of the batch file, with a trailing backslash), and what follows it. */
const CMD_OWN = /^%~dp0(.*)$/is

/**
 * The script's own folder, as the argument of a change of folder names it (see the module's comment): the form that
 * names it and the path after it (`..` in `"$(dirname "$0")/.."`), without its leading separators; undefined for any
 * other word, or a path after it isolint does not read as written (a variable, a quote, a substitution).
 */
export function ownFolder(word: ShellWord, dialect: ShellDialect, script: string): { readonly form: ScriptFolderForm; readonly rest: string } | undefined {
  // As written, the word starts with the form (in double quotes or none): `'$PSScriptRoot'` is text.
  const raw = script.charCodeAt(word.start) === 34 ? word.start + 1 : word.start
  if (script[raw] !== word.value[0]) return undefined
  // Unquoted, sh splits the folder at blanks (and globs it): follow-script.ts checks the folder's name.
  return ownFolderText(word.value, dialect, raw === word.start)
}

/** {@link ownFolder} of a text as the shell reads it (`unquoted`: sh splits and globs what the form gives). */
export function ownFolderText(v: string, dialect: ShellDialect, unquoted: boolean): { readonly form: ScriptFolderForm; readonly rest: string } | undefined {
  let form: ScriptFolderForm
  let rest: string
  if (dialect === 'posix') {
    const m = v.includes('dirname') ? POSIX_OWN.exec(v) : null
    if (!m || m[4] !== (m[1] === '`' ? '`' : ')')) return undefined
    // `$(dirname $0)`: dirname gets the path split too.
    const split = unquoted || m[2] === '' ? ' unquoted' : ''
    form = m[3]!.includes('BASH') ? `BASH_SOURCE${split}` : `$0${split}`
    rest = m[5]!
    if (rest !== '' && !rest.startsWith('/')) return undefined
  } else {
    const m = dialect === 'powershell' ? POWERSHELL_OWN.exec(v) : CMD_OWN.exec(v)
    if (!m) return undefined
    form = dialect === 'powershell' ? 'PSScriptRoot' : '%~dp0'
    rest = m[1] ?? ''
  }
  rest = rest.replace(/^[\\/]+/, '')
  return /[$`"'%()]/.test(rest) ? undefined : { form, rest }
}

/** Whether a script holds a change of folder at all (see {@link moveOf}). */
function moveIn(commands: readonly (readonly ShellWord[])[], dialect: ShellDialect, kinds: ReadonlyMap<string, Kind>, script: string): boolean {
  return commands.some((w) => moveOf(w, dialect, kinds, script) !== undefined)
}

/** `|| exit …` (or `return`, PowerShell's `throw`) as the rest of a list, from event `e` on. */
function exits(commands: readonly (readonly ShellWord[])[], events: readonly (number | string)[], e: number): boolean {
  const i = events[e]
  if (typeof i !== 'number') return false
  const first = commands[i]![0]!
  if (first.quoted || !/^(?:exit|return|throw)$/i.test(first.value)) return false
  const after = events[e + 1]
  return after === undefined || after === '\n' || after === ';'
}

/** Reads the POSIX keywords a command starts with into the blocks they open and close. */
function keywords(
  words: readonly ShellWord[],
  i: number,
  pendingBody: () => boolean,
  setPendingBody: (v: boolean) => void,
  open: (closer: string, body: boolean, start: number, isCase?: true) => void,
  close: (closer: string) => void,
): void {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!
    if (w.quoted) return
    switch (w.value) {
      case 'if':
        open('fi', false, i)
        break
      case 'while':
      case 'until':
        open('done', false, i)
        break
      case 'for':
      case 'select':
        open('done', false, i)
        return
      case 'case':
        open('esac', false, i, true)
        return
      case '{':
        open('}', pendingBody(), i)
        setPendingBody(false)
        break
      case 'fi':
      case 'done':
      case 'esac':
      case '}':
        close(w.value)
        break
      case 'then':
      case 'else':
      case 'elif':
      case 'do':
      case '!':
        break
      case 'function':
        setPendingBody(true)
        // `function f {` on one line: the body opens here.
        if (words.some((x, j) => j > k && !x.quoted && x.value === '{')) {
          open('}', true, i)
          setPendingBody(false)
        }
        return
      default:
        return
    }
  }
}

/**
 * The change of folder a command makes: undefined for none, `'maybe'` for one isolint does not follow (see the
 * module's comment), else its kind and argument.
 */
function moveOf(
  words: readonly ShellWord[],
  dialect: ShellDialect,
  kinds: ReadonlyMap<string, Kind>,
  script: string,
): { readonly kind: Kind; readonly dir?: ShellWord; readonly own?: ReturnType<typeof ownFolder> } | 'maybe' | undefined {
  const first = words[0]!
  const name = dialect === 'posix' ? first.value : first.value.toLowerCase()
  const kind = first.quoted ? undefined : kinds.get(name)
  if (kind === undefined) return mayMove(words, dialect, script) ? 'maybe' : undefined
  const effects = prefixEffects(words, dialect)
  if (effects.start !== 0) return 'maybe'
  let k = 1
  if (kind !== 'pop') {
    const option = words[k]
    if (option && !option.quoted) {
      const v = option.value.toLowerCase()
      if ((dialect === 'posix' && v === '--') || (dialect === 'cmd' && v === '/d' && kind === 'cd') || (dialect === 'powershell' && (v === '-path' || v === '-literalpath'))) k++
    }
  }
  const args = words.length - k
  if (kind === 'pop') return args === 0 ? { kind } : 'maybe'
  if (args !== 1) return 'maybe'
  const dir = words[k]!
  const v = dir.value
  // The script's own folder (`"$(dirname "${BASH_SOURCE[0]}")"`: no glob).
  const own = ownFolder(dir, dialect, script)
  if (own !== undefined) return { kind, dir, own }
  // `~`, `-` (the folder before), an option, a glob, a PowerShell provider or drive (`env:`, `C:`): not followed.
  // (A drive or provider, `C:\\x`, `env:`, once expanded: project/folder.ts.)
  if (v === '' || v.startsWith('~') || v.startsWith('-') || /[*?[]/.test(v)) return 'maybe'
  if (dialect === 'cmd' && v.startsWith('/')) return 'maybe'
  return { kind, dir }
}

/** Whether a command that is no change of folder itself may make one (see the module's comment). */
function mayMove(words: readonly ShellWord[], dialect: ShellDialect, script: string): boolean {
  const first = words[0]!
  if (GLUED_MOVE.test(first.value) && dialect !== 'posix') return true
  // After prefixes: `then cd x`, `command cd x`, PowerShell's `$x = cd x`.
  const effects = prefixEffects(words, dialect)
  const program = (effects.words ?? words)[effects.start]
  if (program && !program.quoted && MOVE_PROGRAMS.has(program.value.toLowerCase())) return true
  // cmd's `if exist x cd x`, `for %%d in (a) do cd %%d`: the command is a word of theirs.
  const holds = dialect === 'cmd' && !first.quoted && /^(?:if|for)$/i.test(first.value)
  const evaluates = !first.quoted && EVALUATORS.has(first.value.toLowerCase())
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!
    if (holds && !w.quoted && MOVE_PROGRAMS.has(w.value.toLowerCase())) return true
    if (evaluates && MOVE_TEXT.test(w.value)) return true
    // PowerShell's `$(cd x)`, `"$(Set-Location x)"`: run where they are written.
    if (dialect === 'powershell' && MOVE_TEXT.test(w.value)) {
      const raw = script.slice(w.start, w.end)
      if (raw.includes('$(') || raw.includes('{')) return true
    }
  }
  return false
}
