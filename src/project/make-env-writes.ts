/**
 * What the commands `make` runs write to `GITHUB_ENV` (`tag:` / `echo "TAG=ltsc2022" >> $$GITHUB_ENV`), for the later
 * steps of the job. The recipe lines are read as the shell gets them (make has turned `$$` into `$`), one by one in
 * the order make runs them, each in its own shell, into the one file (githubEnvWritesOf); `$(GITHUB_ENV)` is make's
 * reference to the environment variable, so the file too.
 *
 * Any program may write the file through the variable the runner gives it, as at a step: like a step's, a script a
 * recipe or a `$(shell …)` runs (`./set-tag.sh`, `bash x.sh`, `. env.sh`) is read for its writes, and when it cannot
 * be read (missing, or its path unknown), or the command runs make again (`$(MAKE) -C sub`), every variable is
 * unknown. A script is read one level deep: what it runs in turn is not followed. A script a step runs is read the
 * same way (follow-script.ts uses {@link scriptWrites}).
 *
 * A value isolint cannot expand (a variable nobody sets) is kept by the evaluator as a `$(NAME)` marker. Where the
 * Makefiles (or the values the environment gives make) name the file, such a marker in a redirection target or in
 * a command that is not a known reader, or a recipe left out as unknown, may write it: every variable is then
 * unknown.
 */
import { joinRel } from '../core/rel-path.js'
import { EVERY_NAME, githubEnvWrites, githubEnvWritesOf, mentionsGithubEnv, onlyReads, type EnvWrites, type ScannedText } from '../parsers/github-env.js'
import type { MakeRun, Txt } from '../parsers/makefile.js'
import { commandStringOf, scriptCall, type StringCall } from '../parsers/script-call.js'
import { engineSelections } from '../parsers/script-assignments.js'
import type { Span } from '../core/span.js'
import type { FolderChange, ScriptFolderForm } from '../model/workflow.js'
import { folderChanges, mayChangeFolderIn } from '../parsers/folder-changes.js'
import { commandFolder, fromScriptFolder, scriptFolders, type ScriptRun } from './folder.js'
import { MAX_FOLLOW_DEPTH, MAX_FOLLOWED_FILES } from './follow-nested.js'
import { programName, scanScript, splitCommands, type ScannedScript, type ShellDialect, type ShellWord } from '../parsers/shell.js'
import { LITERAL_DOLLAR } from '../parsers/workflow-expressions.js'

/**
 * Whether a Makefile assigns GITHUB_ENV (`GITHUB_ENV = x`, `:=`, `+=`, `!=`, `override`, a target's own value, a
 * recipe's `GITHUB_ENV=x cmd`): make exports the variable it got from the environment with the Makefile's value, so
 * the recipes may write elsewhere, or the file through a path isolint cannot follow. `?=` is not one: the runner
 * always sets GITHUB_ENV, so the default never applies.
 */
export function assignsGithubEnv(text: string): boolean {
  return /(?<![\w${(])GITHUB_ENV[ \t]*(?::{1,3}|\+|!)?=/.test(text)
}

/** The evaluator's marker for `$(GITHUB_ENV)` / `${GITHUB_ENV}` (the environment variable, unknown to make). */
const FILE_MARKER = '$(GITHUB_ENV)'

/** What the Makefiles read say, worked out once per file. */
export interface MakefileFacts {
  /** The file names GITHUB_ENV (see mentionsGithubEnv). */
  readonly namesFile: boolean
  /** It assigns GITHUB_ENV (see {@link assignsGithubEnv}). */
  readonly assigns: boolean
  /** A recipe line or a `$(shell …)` of it runs make again or a script: a recipe left out may write the file. */
  readonly runsOther: boolean
  /** The commands of its `$(shell …)` calls, as the shell gets them. */
  readonly shells: readonly string[]
}

/** The facts of one Makefile's text: its recipe lines (tab-led) and `$(shell …)` calls, read whether they run or not. */
export function makefileFacts(text: string): MakefileFacts {
  const shells = shellCalls(text)
  const commandLines = [...shells, ...text.split('\n').filter((l) => l.startsWith('\t')).map((l) => l.replace(/\$\$/g, '$'))]
  return {
    namesFile: mentionsGithubEnv(text),
    assigns: assignsGithubEnv(text),
    runsOther: commandLines.some((l) => scanScript(l.replace(/\$[({]MAKE[)}]/g, 'make'), 'posix').commands.some(runsFile)),
    shells,
  }
}

/** Where the recipes run and how to read the files they may run. */
export interface MakeContext extends ScriptsContext {
  /** The Makefiles read, or the values the environment gives make, name the file. */
  readonly namesFile: boolean
  readonly facts: (file: string) => MakefileFacts
}

/** The writes of the recipe lines of `run` and of the `$(shell …)` of its Makefiles; undefined when they write nothing. */
export function recipeEnvWrites(run: MakeRun, makeCtx: MakeContext): EnvWrites | undefined {
  // One budget for every script the recipes run.
  const ctx: MakeContext = { ...makeCtx, budget: makeCtx.budget ?? { left: MAX_FOLLOWED_FILES } }
  const facts = run.files.map(ctx.facts)
  // A recipe left out because it depends on something unknown, or an evaluation that stopped, may write the file.
  if (run.unknown.length > 0 || run.lines.length === 0) return ctx.namesFile || facts.some((f) => f.runsOther) ? EVERY_NAME : undefined
  const scripts: EnvWrites[] = []
  // `$(shell …)` runs while make reads the Makefiles (or expands a recipe): its own writes cannot be told apart.
  if (facts.some((f) => f.shells.some((c) => mentionsGithubEnv(c) || scriptWrites(c, 'posix', ctx, scripts)))) return EVERY_NAME
  // The lines that name the file, as scanned: each runs in its own shell, all write to the one file.
  const naming: ScannedText[] = []
  for (const line of run.lines) {
    const shell = shellText(line.text)
    // Split once for the three readers (the scripts it runs, the values isolint cannot know that it may write to, its
    // writes to the file), with its redirections only when the second or third reads it.
    const names = mentionsGithubEnv(shell.text)
    const scanned = names || (ctx.namesFile && shell.unknown.length > 0) ? scanScript(shell.text, 'posix') : undefined
    const commands = scanned?.commands ?? splitCommands(shell.text, 'posix')
    const isUnknown = (w: ShellWord): boolean => shell.unknown.some(([s, e]) => s < w.end && w.start < e)
    if (commandsWrites(commands, ctx, scripts, isUnknown, { text: shell.text, dialect: 'posix' }) || (scanned !== undefined && ctx.namesFile && writesThroughUnknown(shell, scanned))) return EVERY_NAME
    if (names && scanned !== undefined) naming.push({ text: shell.text, scanned })
    const selected = selectionWrites(shell.text)
    if (selected) scripts.push(selected)
  }
  return mergeWrites([githubEnvWritesOf(naming, 'posix'), ...scripts])
}

/**
 * The writes of the scripts the commands of `text` run (see {@link runsOf}), pushed to `out`, each read one level
 * deep; true when one of them cannot be read (missing, or its path unknown) or a command runs make again: any
 * variable may then be written.
 */
export function scriptWrites(
  text: string,
  dialect: ShellDialect,
  ctx: ScriptsContext,
  out: EnvWrites[],
  isUnknown?: (w: ShellWord) => boolean,
): boolean {
  return commandsWrites(splitCommands(text, dialect), ctx, out, isUnknown, { text, dialect })
}

/** Where the scripts a command runs are found, and how to read them. */
export interface ScriptsContext {
  readonly read: (rel: string) => string | undefined
  readonly dir: string
  /**
   * The files on the chain that led to these commands (the step's script, the Makefile), for the limits of
   * follow-nested.ts; none: the commands are the step's own.
   */
  readonly chain?: readonly string[]
  /** Files still to read on every chain of this call (see MAX_FOLLOWED_FILES); shared as the chains branch. */
  readonly budget?: { left: number }
  /**
   * The folder a move to the script's own folder names (`cd "$(dirname "$0")"`; folder.ts `scriptFolder`), when the
   * commands are a script file's; none: such a move leaves the folder unknown (a step's script, a recipe).
   */
  readonly own?: (form: ScriptFolderForm) => string | undefined
}

/**
 * {@link scriptWrites} of a script's commands, split already (by {@link splitCommands} or {@link scanScript}): each
 * script read for its own writes and, in turn, for those of the scripts it runs, to the limits of follow-nested.ts (a
 * chain of MAX_FOLLOW_DEPTH files, none twice on a chain, MAX_FOLLOWED_FILES in all); past them any variable may be
 * written.
 */
export function commandsWrites(
  commands: readonly (readonly ShellWord[])[],
  ctx: ScriptsContext,
  out: EnvWrites[],
  isUnknown: (w: ShellWord) => boolean = () => false,
  source?: { readonly text: string; readonly dialect: ShellDialect },
): boolean {
  const chain = ctx.chain ?? []
  let budget = ctx.budget
  // The folder each command runs in after the script's own `cd` (folder-changes.ts), worked out at the first script
  // it runs, for a script that changes its folder: its literal folders only (no variable is expanded here).
  let folders: readonly (FolderChange | undefined)[] | undefined | null = null
  for (let i = 0; i < commands.length; i++) {
    const words = commands[i]!
    const runs = runsOf(words)
    if (runs === undefined) continue
    if (runs === 'make' || ('word' in runs && isUnknown(runs.word))) return true
    if (folders === null) folders = source !== undefined && mayChangeFolderIn(commands, source.dialect) ? folderChanges(source.text, source.dialect, commands, noSpan) : undefined
    const dir = folders === undefined ? ctx.dir : commandFolder(ctx.dir, fromScriptFolder(folders[i], ctx.own), literal)
    budget ??= { left: MAX_FOLLOWED_FILES }
    if (!('word' in runs)) {
      // A command string (`bash -c './set-tag.sh'`): the files it runs, from this folder. A value isolint cannot know
      // in it (a Makefile's `$(X)`) may name any file.
      if (stringWrites(runs, { ...ctx, dir, budget }, out, words.some(isUnknown))) return true
      continue
    }
    const rel = dir === undefined ? undefined : joinRel(dir, runs.word.value)
    if (dir === undefined || rel === undefined || chain.includes(rel) || chain.length >= MAX_FOLLOW_DEPTH || budget.left <= 0) return true
    budget.left--
    const script = ctx.read(rel)
    if (script === undefined) return true
    const written = githubEnvWrites(script, runs.dialect)
    if (written) out.push(written)
    const selected = selectionWrites(script)
    if (selected) out.push(selected)
    // The script runs in its caller's folder, and reads its own changes of folder (to its own folder too).
    const nested = splitCommands(script, runs.dialect)
    if (commandsWrites(nested, { read: ctx.read, dir, chain: [...chain, rel], budget, own: scriptFolders(runs, rel, script) }, out, undefined, { text: script, dialect: runs.dialect })) return true
  }
  return false
}

/**
 * The writes of the files a command string runs (`bash -c './set-tag.sh'`, `pwsh -Command "& .\set-tag.ps1"`; see
 * script-call.ts `commandStringOf`), read as those of a script's commands: the child shell is another process, but it
 * writes the one file, as a script the step runs does. Its folder is `ctx.dir` unless the shell moves (a login shell):
 * then a file it runs is at a path isolint cannot know. True when a file it runs may write any variable.
 */
export function stringWrites(string: StringCall, ctx: Omit<ScriptsContext, 'dir'> & { readonly dir: string | undefined }, out: EnvWrites[], unknownRuns = false): boolean {
  // The child reads a `$` the outer shell passed on as text (`bash -c '…$X…'`) as its own.
  const text = string.text.replaceAll(LITERAL_DOLLAR, '$')
  // `own` is left out: the string's `cd "$(dirname "$0")"` names no script's folder.
  const inner: ScriptsContext = { read: ctx.read, dir: ctx.dir ?? '', ...(ctx.chain ? { chain: ctx.chain } : {}), ...(ctx.budget ? { budget: ctx.budget } : {}) }
  const unknown = unknownRuns || string.moved || ctx.dir === undefined ? (): boolean => true : undefined
  return commandsWrites(splitCommands(text, string.dialect), inner, out, unknown, { text, dialect: string.dialect })
}

/** Whether a command runs make or a script file, itself or in the command string it runs (`bash -c './x.sh'`). */
function runsFile(words: readonly ShellWord[]): boolean {
  const runs = runsOf(words)
  if (runs === undefined || runs === 'make' || 'word' in runs) return runs !== undefined
  return splitCommands(runs.text, runs.dialect).some(runsFile)
}

/** A word as written, when it is literal (no variable, which this reader does not expand). */
const literal = (raw: string): string | undefined => (/[$%`]/.test(raw) ? undefined : raw)

/** The spans of the folder words, which this reader does not point at. */
const NO_SPAN: Span = Object.freeze({ file: '', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } })
const noSpan = (): Span => NO_SPAN

/**
 * `docker context use x`, `docker buildx use x` or `docker buildx create … --use` of a builder elsewhere in a script
 * (script-assignments.ts `engineSelections`): docker keeps the choice for the job's later steps, read as a write of
 * `DOCKER_CONTEXT` or `BUILDX_BUILDER` (as in a step's own script; parsers/workflow.ts). Undefined for none.
 */
export function selectionWrites(script: string): EnvWrites | undefined {
  const names = engineSelections(script)
  return names.length > 0 ? { names, all: false } : undefined
}

/** Writes taken together; undefined for none. */
export function mergeWrites(writes: readonly (EnvWrites | undefined)[]): EnvWrites | undefined {
  const all = writes.filter((w) => w !== undefined)
  if (all.length === 0) return undefined
  return all.length === 1 ? all[0] : { names: [...new Set(all.flatMap((w) => w.names))], all: all.some((w) => w.all) }
}

/**
 * What a command runs that may write the file on its own: make again, or a script file (`./x.sh`, `scripts/x`,
 * `bash x.sh`, `. x.sh`, `pwsh -File x.ps1`, PowerShell's `& ./x.ps1`; see script-call.ts), or a command string
 * (`bash -c '…'`, `pwsh -Command "…"`, `cmd /c …`; script-call.ts `commandStringOf`), whose own writes are read with
 * the line and the files it runs by {@link stringWrites}. Undefined for others.
 */
function runsOf(words: readonly ShellWord[]): 'make' | ({ readonly word: ShellWord; readonly dialect: ShellDialect } & ScriptRun) | StringCall | undefined {
  let k = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value))
  if (k < 0) return undefined
  // PowerShell's call operator (`& ./set-tag.ps1`): the file after it runs (in sh and cmd `&` splits commands).
  if (words[k]!.value === '&') k++
  const call = scriptCall(words, wordValue, k)
  if (call === undefined) return commandStringOf(words, wordValue, k)
  if (call.kind === 'unknown') return undefined
  if (call.kind === 'make') return 'make'
  const word = words[call.index]!
  return { word, dialect: call.dialect, program: call.index > k ? programName(words[k]!.value) : '', script: word.value }
}

const wordValue = (w: ShellWord): string => w.value

/** The commands of the `$(shell …)` and `${shell …}` calls of a Makefile, `$$` as `$`. */
function shellCalls(text: string): string[] {
  const out: string[] = []
  const re = /\$([({])shell[ \t]/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const open = m[1]!
    const close = open === '(' ? ')' : '}'
    let depth = 1
    let i = re.lastIndex
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === open) depth++
      else if (text[i] === close) depth--
    }
    out.push(text.slice(re.lastIndex, depth === 0 ? i - 1 : i).replace(/\$\$/g, '$'))
    re.lastIndex = i
  }
  return out
}

interface ShellText {
  readonly text: string
  /** Offset ranges of `text` that hold values isolint cannot know. */
  readonly unknown: readonly (readonly [number, number])[]
}

/** A recipe line as its shell runs it: without make's `@`, `-` and `+` prefixes, `$(GITHUB_ENV)` as `$GITHUB_ENV`. */
function shellText(t: Txt): ShellText {
  let i = 0
  while (i < t.s.length && !t.loc[i]?.unknown && /[\s@+-]/.test(t.s[i]!)) i++
  let text = ''
  const unknown: [number, number][] = []
  while (i < t.s.length) {
    const at = t.loc[i]
    if (!at?.unknown) {
      text += t.s[i++]
      continue
    }
    // One marker: the characters that share its location.
    let j = i + 1
    while (j < t.s.length && t.loc[j] === at) j++
    const marker = t.s.slice(i, j)
    if (marker === FILE_MARKER) text += '$GITHUB_ENV'
    else {
      unknown.push([text.length, text.length + marker.length])
      text += marker
    }
    i = j
  }
  return { text, unknown }
}

/**
 * A value isolint cannot know where it may be the file written (`>> $(ENV_FILE)`), or in a command that may write
 * what it names (`tee -a $(ENV_FILE)`, `cp tag.env $(ENV_FILE)`, `$(SET_TAG)`): any command but a known reader.
 * `scanned`: the line as {@link scanScript} reads it.
 */
function writesThroughUnknown(line: ShellText, scanned: ScannedScript): boolean {
  if (line.unknown.length === 0) return false
  const { commands, redirections } = scanned
  const isUnknown = (w: ShellWord | undefined): boolean => w !== undefined && line.unknown.some(([s, e]) => s < w.end && w.start < e)
  if (redirections.some((r) => r.op.includes('>') && isUnknown(r.target))) return true
  return commands.some((words) => {
    const k = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value))
    const command = k < 0 ? [] : words.slice(k)
    return command.some(isUnknown) && !onlyReads(command)
  })
}
