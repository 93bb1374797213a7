/**
 * Follows a script run from a workflow step (`./build.ps1 -Version ltsc2022`, `pwsh -File scripts/build.ps1`,
 * `bash ./ci/build.sh 1809`, `call build.cmd`) into the script: read in its own dialect, with its parameters bound
 * to the arguments (PowerShell `param(...)` with literal defaults, `$1` / `${1:-default}` in sh, `%1` in cmd) and
 * the literal assignments at its top level. A value assigned twice, or from anything but a literal, is unknown.
 */
import type { RelatedLocation } from '../core/finding.js'
import { joinRel } from '../core/rel-path.js'
import { LineIndex, type Span } from '../core/span.js'
import type { BuildArg, DockerCommand, FolderChange, OsGuard, ScriptFolderForm, Word, Writable } from '../model/workflow.js'
import { scriptCommands } from '../parsers/docker-cli.js'
import { EVERY_NAME, githubEnvWritesOf, type EnvWrites } from '../parsers/github-env.js'
import { commandStringOf, scriptCall } from '../parsers/script-call.js'
import { ANY_NAME_ASSIGNED, scriptAssignments, type ScriptAssignments } from '../parsers/script-assignments.js'
import { mayChangeFolderIn, ownFolderText } from '../parsers/folder-changes.js'
import { rewriteValues } from '../parsers/os-guards.js'
import { programName, scanScript, type Invocation as ShellInvocation, type ShellDialect, type ShellWord } from '../parsers/shell.js'
import { positionalName, positionalWritten, unknownValue } from '../parsers/workflow-expressions.js'
import { emptyLike } from './env-writes.js'
import type { Origin } from '../parsers/makefile.js'
import type { FollowContext, Followed } from './follow.js'
import { callerExpand, followNested, mayFollow, type Caller } from './follow-nested.js'
import { commandFolder, fromScriptFolder, scriptFolders } from './folder.js'
import { commandsWrites, mergeWrites, selectionWrites, stringWrites } from './make-env-writes.js'
import { spanOfWords, uniqueRelated } from './related.js'

interface Invocation {
  /** Undefined: a script (or program) whose path isolint cannot know (`pwsh -File "$env:RUNNER_TEMP/gen.ps1"`). */
  readonly script: string | undefined
  readonly dialect: ShellDialect
  readonly args: readonly Word[]
  /** The program that runs it (`bash`, `.`, `source`, `pwsh`…; `''` for the script itself, `./x.sh`). */
  readonly program?: string
}

interface Value {
  readonly value?: string
  readonly span?: Span
  readonly message?: string
  readonly via?: RelatedLocation
  /** A name the script gives a value isolint cannot know, once, at its top level: where ("TAG=$(cat v) is set here"). */
  readonly set?: RelatedLocation
}

/** A script or program whose path isolint cannot know: it may write any variable. */
const UNKNOWN_SCRIPT: Invocation = { script: undefined, dialect: 'posix', args: [] }

/** The script a command runs and its arguments (see script-call.ts); undefined when the command runs no script file. */
function invocation(words: readonly Word[], expand: (raw: string) => string | undefined): Invocation | undefined {
  const call = scriptCall(words, (w) => expand(w.value))
  if (call === undefined || call.kind === 'make') return undefined
  if (call.kind === 'unknown') return UNKNOWN_SCRIPT
  const program = call.index > 0 ? programName(expand(words[0]!.value) ?? '') : ''
  return { script: expand(words[call.index]!.value)!, dialect: call.dialect, args: words.slice(call.index + 1), program }
}

/** `sourced`: sh's `. ./env.sh` (the `.` not among `words`). */
export function followScript(words: readonly Word[], ctx: FollowContext, sourced?: true): Followed[] {
  const read = ctx.resolver.text?.bind(ctx.resolver)
  const called = read ? invocation(words, ctx.expand) : undefined
  const inv = sourced && called ? { ...called, program: '.' } : called
  if (!read) return []
  if (!inv) return stringFileWrites(words, ctx, read)
  const rel = inv.script === undefined ? undefined : joinRel(ctx.workdir, inv.script)
  // A script on the chain already (a cycle), or past the limits (see follow-nested.ts): neither read nor followed.
  const text = rel !== undefined && mayFollow(ctx, rel) ? read(rel) : undefined
  // A script not in the repository (written by an earlier step, outside the tree), or at a path isolint cannot know:
  // it may write any variable.
  if (rel === undefined || text === undefined) return [{ commands: [], workdir: ctx.workdir, via: [], envWrites: EVERY_NAME }]
  const lines = new LineIndex(text)
  const at = (s: number, e: number): Span => lines.span(rel, s, e)
  // Scanned once: its docker commands, the scripts it runs and its writes are read on the same commands.
  const scanned = scanScript(text, inv.dialect)
  // The folder a move to its own folder names (`cd "$(dirname "$0")"`, `Set-Location $PSScriptRoot`), for this run.
  const ownFolder = scriptFolders(inv, rel, text)
  const found = withOwnFolder(scriptCommands(scanned.commands, inv.dialect, at, { script: text }), ownFolder)
  const commands = found.docker
  // A file a followed file runs: its writes are read with its caller's (commandsWrites reads every level).
  const nestedFile = ctx.nest !== undefined && ctx.nest.files.length > 0
  // What the script writes to GITHUB_ENV for the later steps of the job, read as a step's run: is, with the scripts
  // it runs, to the limits of follow-nested.ts; make, or a script isolint cannot read, may write any variable (see
  // make-env-writes.ts).
  let envWrites: EnvWrites | undefined
  if (!nestedFile) {
    const nested: EnvWrites[] = []
    const runsUnknown = commandsWrites(scanned.commands, { read, dir: ctx.workdir ?? '', chain: [rel], own: ownFolder }, nested, undefined, { text, dialect: inv.dialect })
    envWrites = runsUnknown ? EVERY_NAME : mergeWrites([githubEnvWritesOf([{ text, scanned }], inv.dialect), selectionWrites(text), ...nested])
  }
  if (commands.length === 0 && found.invocations.length === 0) return envWrites ? [{ commands: [], workdir: ctx.workdir, via: [], envWrites }] : []
  const vars = new Map<string, Value>()
  const arg = (w: Word, name: string): Value => {
    const value = ctx.expand(w.value)
    const origin = ctx.origin(w.value, w.span, name)
    return { ...(value !== undefined ? { value } : {}), ...(origin ? { span: origin.span, message: origin.message } : {}), ...(origin?.via ? { via: origin.via } : {}) }
  }
  if (inv.dialect === 'powershell') bindParameters(text, lines, rel, inv.args, vars, arg)
  else inv.args.forEach((w, k) => vars.set(positionalName(k + 1, inv.dialect === 'cmd'), arg(w, `argument ${k + 1}`)))
  assignments(text, lines, rel, inv.dialect, vars, scanned.commands)
  // Paths named from the script's own folder (`-f $PSScriptRoot/Dockerfile`, `%~dp0`, sh's `$DIR` after
  // `DIR="$(cd "$(dirname "$0")" && pwd)"`): a cheap test first.
  const fromOwn = OWN_PATH_TEXT[inv.dialect].test(text) ? ownPaths(inv.dialect, ownFolder, ctx.workdir, lines, scanned.commands, at, vars) : undefined
  // Like the step's environment (after an unreadable GITHUB_ENV write, a name it does not hold is unknown, not unset).
  const env = emptyLike(ctx.scope.env)
  for (const [k, v] of ctx.scope.env) env.set(k, v)
  // A value isolint cannot know stays set, and unknown: a `${1:-default}` does not take its default.
  for (const [k, v] of vars) env.set(k, v.value ?? unknownValue(positionalWritten(k) ?? `$${k}`))
  const runs: RelatedLocation = { span: spanOfWords(words), message: `runs ${rel}` }
  const via: RelatedLocation[] = [runs]
  // Its tests of its arguments (`case "$1" in`, PowerShell's `switch ($Target)`), read as the values its caller gives.
  const values = argumentValues(inv, ctx.expand)
  const rewritten = commands.map((c) => relocate(withValues(rewrite(fromOwn ? fromOwn.command(c) : c, inv.dialect), values), vars, via))
  const own: Writable<Followed> = { commands: rewritten, workdir: ctx.workdir, via: uniqueRelated(via), env, ...(envWrites ? { envWrites } : {}) }
  const unknownSet = unknownAssignments(vars, inv.dialect)
  if (unknownSet) own.unknownSet = unknownSet
  // Its own names are its own in its commands, not those its callers assign.
  const inherited = nestedFile ? (ctx.scope as { assigned?: ReadonlySet<string> }).assigned : undefined
  if (inherited) own.assigned = withoutNames(inherited, vars)
  if (found.invocations.length === 0) return [own]
  // The files it runs in turn: in its folder, with its environment, the names it assigns unknown to them.
  const assigned = scriptAssignments(text, inv.dialect, scanned.commands)
  const scope = own.assigned ? { ...ctx.scope, assigned: own.assigned } : ctx.scope
  const caller: Caller = {
    file: rel,
    // Each call in the folder the script's changes of folder took it to (its `chdir`; see folder-changes.ts).
    workdir: ctx.workdir,
    env: ctx.scope.env,
    assigned: [...callerNames(text, inv.dialect, assigned), ...[...vars.keys()].filter((k) => positionalWritten(k) === undefined)],
    expand: callerExpand(scope, env, inv.dialect === 'powershell' ? undefined : (raw) => rewriteText(raw, inv.dialect)),
    originOf: (raw, span, name) => passedOn(inv.dialect === 'powershell' ? raw : rewriteText(raw, inv.dialect), span, name, vars),
    via: [runs],
  }
  const calls = (fromOwn ? found.invocations.map(fromOwn.call) : found.invocations).map((c) => withValues(c, values))
  return [own, ...followNested(calls, caller, ctx)]
}

/**
 * What the files a command string runs write to GITHUB_ENV (`powershell -Command "cd src; .\build.ps1"`, `bash -c
 * './set-tag.sh'`): the child shell is another process, but writes the one file as a file the step runs itself does,
 * and is read as one: its files followed (make-env-writes.ts `stringWrites`), any variable when one cannot be read.
 * The string's docker commands are read apart (docker-cli.ts); a string in a followed file is read with its writes.
 */
function stringFileWrites(words: readonly Word[], ctx: FollowContext, read: (rel: string) => string | undefined): Followed[] {
  if (ctx.nest !== undefined && ctx.nest.files.length > 0) return []
  const string = commandStringOf(words, (w) => w.value)
  if (string === undefined) return []
  const found: EnvWrites[] = []
  const any = stringWrites(string, { read, dir: ctx.workdir }, found)
  const envWrites = any ? EVERY_NAME : mergeWrites(found)
  return envWrites ? [{ commands: [], workdir: ctx.workdir, via: [], envWrites }] : []
}

/**
 * The script's commands and calls with the moves to its own folder (FolderChange `self`: `cd "$(dirname "$0")"`,
 * `Set-Location $PSScriptRoot`, `cd /d %~dp0`) read from the folder of `rel`, the file as it was run, where the form
 * names it for this run (see folder.ts `scriptFolder`); unknown where it does not.
 */
function withOwnFolder<T extends { readonly docker: readonly DockerCommand[]; readonly invocations: readonly ShellInvocation[] }>(
  found: T,
  ownFolder: (form: ScriptFolderForm) => string | undefined,
): T {
  const own = (chdir: FolderChange | undefined): FolderChange | undefined => fromScriptFolder(chdir, ownFolder)
  const moved = (c: { readonly chdir?: FolderChange }): boolean => typeof c.chdir === 'object' && c.chdir.self !== undefined
  if (!found.docker.some(moved) && !found.invocations.some(moved)) return found
  return {
    ...found,
    docker: found.docker.map((c) => (moved(c) ? { ...c, chdir: own(c.chdir)! } : c)),
    invocations: found.invocations.map((c) => (moved(c) ? { ...c, chdir: own(c.chdir)! } : c)),
  }
}

/** The text of the forms {@link ownPaths} reads, by dialect. */
const OWN_PATH_TEXT: Record<ShellDialect, RegExp> = { posix: /dirname/, powershell: /PSScriptRoot/i, cmd: /%~dp0/i }
/** A path word that starts with the script's own folder: PowerShell's `$PSScriptRoot` (then a separator or nothing), cmd's `%~dp0`. */
const OWN_PATH: Partial<Record<ShellDialect, RegExp>> = { powershell: /^\$(?:PSScriptRoot|\{PSScriptRoot\})(?=$|[\\/])/i, cmd: /^%~dp0/i }
/** sh's `$(cd "$(dirname "$0")" && pwd)` (a redirection to /dev/null after the `cd` too): the argument of `cd`. */
const CD_PWD = /^\$\([ \t]*cd[ \t]+(?:--[ \t]+)?(.+?)(?:[ \t]+(?:&>|>|1>|2>)[ \t]*\/dev\/null)*[ \t]*(?:&&|;)[ \t]*pwd[ \t]*\)$/s

/** A path that starts with the script's own folder: the start (`re`), the folder (of the tree), from which line on. */
interface OwnPath {
  readonly re: RegExp
  readonly folder: string
  readonly fromLine: number
}

/**
 * The paths of a docker command that start with the script's own folder (`docker build -f $PSScriptRoot/Dockerfile
 * $PSScriptRoot`, `-f %~dp0Dockerfile %~dp0`, sh's `"$DIR/Dockerfile"` after `DIR="$(cd "$(dirname "$0")" && pwd)"`),
 * written from the folder the command runs in (`ci/Dockerfile` from the root), as project/folder.ts reads a move there.
 * Left as they are (unknown) where the command's folder is: after a move to a folder named by a variable, and in cmd
 * after any move or in a script with labels (`%~dp0` may be resolved again from the current folder, and a subroutine's
 * `%0` is its label). sh's `"$(dirname "$0")/Dockerfile"` is the path as run, from the folder the script started in:
 * read before any move only; `DIR="$(dirname "$0")"` is set in `vars` as that path. Undefined when the script names
 * no such path.
 */
function ownPaths(
  dialect: ShellDialect,
  ownFolder: (form: ScriptFolderForm) => string | undefined,
  workdir: string | undefined,
  lines: LineIndex,
  commands: readonly (readonly ShellWord[])[],
  at: (start: number, end: number) => Span,
  vars: Map<string, Value>,
): { readonly command: (c: DockerCommand) => DockerCommand; readonly call: (c: ShellInvocation) => ShellInvocation } | undefined {
  const text = lines.text
  const own = dialect === 'posix' ? undefined : ownFolder(dialect === 'powershell' ? 'PSScriptRoot' : '%~dp0')
  const paths = dialect === 'posix' ? posixOwnNames(ownFolder, workdir, text, commands, at, vars) : own === undefined ? [] : [{ re: OWN_PATH[dialect]!, folder: own, fromLine: 0 }]
  if (paths.length === 0 && dialect !== 'posix') return undefined
  const strict = dialect === 'cmd'
  if (strict && /^[ \t]*:[^:]/m.test(text)) return undefined
  // sh's `cd "$DIR/.."`: a move from the folder the name holds (the last one in the command's changes).
  const chdirOf = (chdir: FolderChange): FolderChange => {
    if (dialect !== 'posix' || chdir === 'unknown' || chdir.self !== undefined) return chdir
    for (let j = chdir.dirs.length - 1; j >= 0; j--) {
      const d = chdir.dirs[j]!
      const p = paths.find((q) => d.span.start.line > q.fromLine && q.re.test(d.value))
      if (!p) continue
      const rest = d.value.replace(p.re, '').replace(/^\/+/, '')
      return { dirs: [{ ...d, value: rest === '' ? '.' : rest }, ...chdir.dirs.slice(j + 1)], windows: chdir.windows, from: p.folder }
    }
    return chdir
  }
  /** A word as the script writes it. */
  const rawText = (w: Word): string => text.slice(lines.offset(w.span.start), lines.offset(w.span.end))
  /** The paths of a command that runs in the folder `chdir` leaves it in, from there; undefined where it is unknown. */
  const fromHere = (chdir: FolderChange | undefined): ((w: Word) => Word) | undefined => {
    const literal = chdir === undefined || (chdir !== 'unknown' && chdir.self === undefined && !chdir.dirs.some((d) => /[$%`]/.test(d.value)))
    if (!literal || (strict && chdir !== undefined)) return undefined
    const folder = commandFolder(workdir, chdir, (raw) => raw)
    if (folder === undefined) return undefined
    return (w) => {
      for (const p of paths) {
        const m = w.span.start.line > p.fromLine ? p.re.exec(w.value) : null
        if (!m) continue
        const after = w.value.slice(m[0].length)
        const rest = after.replace(/^[\\/]+/, '')
        // A Windows program reads `\"` as a quote: `"%~dp0"` (a folder and `\`) is no folder to docker.
        const slash = after.endsWith('\\') || (dialect === 'cmd' && after === '')
        if (dialect !== 'posix' && slash && rawText(w).includes('"')) return w
        const base = relativeFolder(folder, p.folder)
        return { ...w, value: rest === '' ? base : `${base}/${rest}` }
      }
      // sh's `"$(dirname "$0")/Dockerfile"`: the path as run, from the folder the script started in (so not after a move).
      const own = chdir === undefined && dialect === 'posix' && w.value.includes('dirname') ? ownFolderText(w.value, 'posix', !rawText(w).startsWith('"')) : undefined
      const from = own && ownFolder(own.form)
      if (from === undefined) return w
      const base = relativeFolder(folder, from)
      return { ...w, value: own!.rest === '' ? base : `${base}/${own!.rest}` }
    }
  }
  const command = (given: DockerCommand): DockerCommand => {
    const c = given.chdir === undefined ? given : { ...given, chdir: chdirOf(given.chdir) }
    const f = fromHere(c.chdir)
    if (f === undefined) return c
    switch (c.type) {
      case 'build':
        return c.file === undefined && c.context === undefined ? c : { ...c, ...(c.file && { file: f(c.file) }), ...(c.context && { context: f(c.context) }) }
      case 'compose':
        return { ...c, files: c.files.map(f), ...(c.envFiles && { envFiles: c.envFiles.map(f) }) }
      default:
        return c
    }
  }
  // A script it runs (`& $PSScriptRoot/image.ps1`, `"$DIR/image.sh"`): the script's path only, not its arguments.
  const call = (given: ShellInvocation): ShellInvocation => {
    const c = given.chdir === undefined ? given : { ...given, chdir: chdirOf(given.chdir) }
    const f = fromHere(c.chdir)
    const found = f && scriptCall(c.words, (w) => w.value)
    if (found?.kind !== 'script') return c
    const words = [...c.words]
    words[found.index] = f!(words[found.index]!)
    return { ...c, words }
  }
  return { command, call }
}

/**
 * sh's names for the script's own folder: `DIR="$(cd "$(dirname "$0")/.." && pwd)"` (the folder in full: a path
 * {@link ownPaths} reads from the next line on) and `DIR="$(dirname "$0")"` (the folder as run, from the folder the
 * script started in: a value of `vars`). Read where certain: an assignment alone on its line (not indented: no block),
 * before any change of folder (`$0` is the path from the folder the script started in), the name's only assignment
 * (its only mention but as `$DIR`, `${DIR…}`), the form naming the folder for this run (see folder.ts `scriptFolder`).
 */
function posixOwnNames(
  ownFolder: (form: ScriptFolderForm) => string | undefined,
  workdir: string | undefined,
  text: string,
  commands: readonly (readonly ShellWord[])[],
  at: (start: number, end: number) => Span,
  vars: Map<string, Value>,
): OwnPath[] {
  const out: OwnPath[] = []
  for (const words of commands) {
    if (mayChangeFolderIn([words], 'posix')) break
    const w = words[words.length - 1]!
    const first = words[0]!
    if (words.length > (first.value === 'export' && !first.quoted ? 2 : 1) || (first.start > 0 && text[first.start - 1] !== '\n')) continue
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value)
    if (!m || !m[2]!.includes('dirname')) continue
    const name = m[1]!
    const cd = CD_PWD.exec(m[2]!)
    let arg = cd ? cd[1]!.trim() : m[2]!
    const quoted = cd !== null && arg.length > 1 && arg.startsWith('"') && arg.endsWith('"')
    if (quoted) arg = arg.slice(1, -1)
    // An assignment's value is not split; cd's argument is, unquoted.
    const form = ownFolderText(arg, 'posix', cd !== null && !quoted)
    const base = form && ownFolder(form.form)
    const folder = base === undefined ? undefined : joinRel(base, form!.rest)
    if (folder === undefined || [...text.matchAll(new RegExp(`(?<![\\w\${#!])${name}(?!\\w)`, 'g'))].length !== 1) continue
    const span = at(w.start, w.end)
    if (cd) out.push({ re: new RegExp(`^\\$(?:${name}|\\{${name}\\})(?=$|/)`), folder, fromLine: span.start.line })
    else if (workdir !== undefined) vars.set(name, { value: relativeFolder(workdir, folder), span, message: `sets ${name}` })
  }
  return out
}

/** The folder `to` as a path from the folder `from` (both of the tree, `''` the root): `ci` from the root, `../ci` from `app`. */
function relativeFolder(from: string, to: string): string {
  const a = from === '' ? [] : from.split('/')
  const b = to === '' ? [] : to.split('/')
  let k = 0
  while (k < a.length && k < b.length && a[k] === b[k]) k++
  return [...a.slice(k).map(() => '..'), ...b.slice(k)].join('/') || '.'
}

/**
 * The names a script gives a value that the files it runs may see: those they inherit (`export`, `$env:X =`, cmd's
 * `set`), and those it assigns itself in sh (in doubt: unknown); in PowerShell, its own variables too, which a script
 * it runs sees through PowerShell's dynamic scoping (`$X = …`, `foreach ($X in …)`; any name after `Set-Variable`).
 * Its `own` names in PowerShell and cmd are left out: they say a file it runs may assign any name in its process.
 */
function callerNames(text: string, dialect: ShellDialect, assigned: ScriptAssignments): readonly string[] {
  if (dialect === 'posix') return [...assigned.inherited, ...assigned.own]
  if (dialect === 'cmd') return assigned.inherited
  if (/\b(?:Set-Variable|New-Variable|sv)\b|\$(?:global|script):/i.test(text)) return [ANY_NAME_ASSIGNED]
  const names = new Set(assigned.inherited)
  for (const m of text.matchAll(/\$(?:local:)?([A-Za-z_][A-Za-z0-9_]*)\s*(?:[-+*/%?]?=(?!=)|\s+in\b)/gi)) names.add(m[1]!)
  return [...names]
}

/**
 * Where the value a caller's word passes on is fixed: the word is one of the caller's values with a place (`$Version`,
 * `"$1"`), known; the word is then the next place on the chain.
 */
function passedOn(raw: string, span: Span, name: string, vars: ReadonlyMap<string, Value>): Origin | undefined {
  const ref = /^\$(?:env:)?\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/i.exec(raw)?.[1]
  const v = ref !== undefined ? vars.get(ref) : undefined
  if (!v?.span || v.value === undefined || v.message === undefined) return undefined
  return { span: v.span, message: v.message, via: { span, message: `passes ${name}=${v.value} on` } }
}

/** `assigned` without the names of `vars` (a script's parameters and assignments), case aside. */
function withoutNames(assigned: ReadonlySet<string>, vars: ReadonlyMap<string, Value>): ReadonlySet<string> {
  if (vars.size === 0) return assigned
  const own = new Set([...vars.keys()].map((k) => k.toLowerCase()))
  return new Set([...assigned].filter((n) => !own.has(n.toLowerCase())))
}

/** PowerShell `param(...)`: named (`-Name value`, `-Name:value`) and positional arguments, literal defaults. */
function bindParameters(
  text: string,
  lines: LineIndex,
  file: string,
  args: readonly Word[],
  vars: Map<string, Value>,
  arg: (w: Word, name: string) => Value,
): void {
  const m = /^(?:\s|#[^\n]*\n|<#[\s\S]*?#>|\[[^\]\n]*\]\s*)*param\s*\(/i.exec(text)
  if (!m) return
  const open = m.index + m[0].length - 1
  let depth = 0
  let close = -1
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '(') depth++
    else if (c === ')' && --depth === 0) {
      close = i
      break
    }
  }
  if (close < 0) return
  const params: string[] = []
  const re = /\$([A-Za-z_][A-Za-z0-9_]*)(?:\s*=\s*(?:"([^"$`]*)"|'([^']*)'|([A-Za-z0-9_.:-]+)(?=\s*[,)\n])|(\S)))?/g
  const body = text.slice(open + 1, close)
  for (let p = re.exec(body); p; p = re.exec(body)) {
    const name = p[1]!
    if (params.some((q) => q.toLowerCase() === name.toLowerCase())) continue
    params.push(name)
    const literal = p[2] ?? p[3] ?? (p[4] !== undefined && !/^\$/.test(p[4]) ? p[4] : undefined)
    if (p[0].includes('=') && literal !== undefined) {
      const start = open + 1 + p.index + p[0].indexOf(literal, p[0].indexOf('=') + 1)
      vars.set(name, { value: literal, span: lines.span(file, start, start + literal.length), message: `default of -${name}` })
    } else vars.set(name, {})
  }
  const bound = new Set<string>()
  const positional: Word[] = []
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!
    const named = /^-([A-Za-z_][A-Za-z0-9_]*)(:(.*))?$/.exec(w.value)
    const param = named ? params.find((q) => q.toLowerCase() === named[1]!.toLowerCase()) : undefined
    if (named && param) {
      bound.add(param)
      if (named[2] !== undefined) vars.set(param, arg({ value: named[3]!, span: w.span }, param))
      else if (args[i + 1] && !args[i + 1]!.value.startsWith('-')) vars.set(param, arg(args[++i]!, param))
      else vars.set(param, { value: 'True' })
    } else if (named) {
      // An argument isolint cannot bind: the parameters it might set are unknown.
      return params.forEach((q) => bound.has(q) || vars.set(q, {}))
    } else positional.push(w)
  }
  const free = params.filter((q) => !bound.has(q))
  positional.forEach((w, k) => {
    const q = free[k]
    if (q) vars.set(q, arg(w, q))
  })
}

/**
 * Literal assignments at the script's top level; a name assigned twice or from anything else is unknown. A name assigned
 * once from anything else, in a command that is that assignment alone (`commands`, the script's), keeps where.
 */
function assignments(
  text: string,
  lines: LineIndex,
  file: string,
  dialect: ShellDialect,
  vars: Map<string, Value>,
  commands: readonly (readonly ShellWord[])[],
): void {
  const re =
    dialect === 'powershell'
      ? /^(?:\$(?:env:)?)([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"([^"$`]*)"|'([^']*)'|([A-Za-z0-9_.:/-]+))?\s*(\S?)/gim
      : dialect === 'cmd'
        ? /^\s*set\s+"?([A-Za-z_][A-Za-z0-9_]*)=([^"%!\r\n]*)"?\s*()()()$/gim
        : /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"$`\\]*)"|'([^']*)'|([A-Za-z0-9_.:/-]*))(\S?)/gm
  const seen = new Set<string>()
  let starts: Map<number, readonly ShellWord[]> | undefined
  if (dialect === 'posix') {
    // NAME="${1:-default}": the argument when given, else the default.
    const positional = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)="?\$\{([1-9]):?-([^}"$`]*)\}"?[ \t]*(?:#.*)?$/gm
    for (let m = positional.exec(text); m; m = positional.exec(text)) {
      const name = m[1]!
      if (seen.has(name.toLowerCase())) continue
      seen.add(name.toLowerCase())
      const given = vars.get(positionalName(m[2]!))
      if (given) {
        vars.set(name, given)
        continue
      }
      const start = m.index + m[0].indexOf(':-') + 2
      vars.set(name, { value: m[3]!, span: lines.span(file, start, start + m[3]!.length), message: `default of ${name}` })
    }
  }
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (dialect === 'posix' && /^(?:export\s+)?\S+="?\$\{[1-9]:?-/.test(text.slice(m.index, m.index + 200))) continue
    const name = m[1]!
    const literal = m[2] ?? m[3] ?? m[4]
    const clean = literal !== undefined && (m[5] === undefined || m[5] === '' || m[5] === '#' || m[5] === ';')
    const existing = seen.has(name.toLowerCase())
    seen.add(name.toLowerCase())
    if (existing || !clean) {
      const set = existing ? undefined : unknownAssignment(text, lines, file, dialect, name, m.index, (starts ??= commandStarts(commands)))
      vars.set(name, set ? { set } : {})
      continue
    }
    const start = m.index + m[0].indexOf(literal, m[0].indexOf('=') + 1)
    vars.set(name, { value: literal, span: lines.span(file, start, start + literal.length), message: `sets ${name}` })
  }
  // Assignments inside blocks or loops (indented) make the name unknown.
  const nested =
    dialect === 'powershell' ? /^[ \t]+\$(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm : dialect === 'cmd' ? /^[ \t]+set\s+"?([A-Za-z_][A-Za-z0-9_]*)=/gim : /^[ \t]+(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/gm
  for (let m = nested.exec(text); m; m = nested.exec(text)) vars.set(m[1]!, {})
}

/** The script's commands by the offset of their first word. */
function commandStarts(commands: readonly (readonly ShellWord[])[]): Map<number, readonly ShellWord[]> {
  const out = new Map<number, readonly ShellWord[]>()
  for (const words of commands) if (words.length > 0) out.set(words[0]!.start, words)
  return out
}

/** How much of a value as written a note shows. */
const MAX_SHOWN_VALUE = 60

/**
 * Where `name`, assigned at `at` from what isolint cannot read, is set ("TAG=$(cat v) is set here", at the value):
 * when the command there is that assignment alone (sh's `TAG=$(cat v)`, `export TAG=…`; PowerShell's `$Tag = …`), not
 * a prefix of another command (sh's `TAG=$(x) docker build …` leaves the script's TAG as it was) nor a line of a
 * here-document (no command starts there).
 */
function unknownAssignment(
  text: string,
  lines: LineIndex,
  file: string,
  dialect: ShellDialect,
  name: string,
  at: number,
  starts: ReadonlyMap<number, readonly ShellWord[]>,
): RelatedLocation | undefined {
  const words = starts.get(at)
  if (!words) return undefined
  let start: number
  let end: number
  if (dialect === 'posix') {
    const exported = words[0]!.value === 'export' && !words[0]!.quoted
    const w = words[exported ? 1 : 0]
    if (!w || words.length !== (exported ? 2 : 1) || !w.value.startsWith(`${name}=`)) return undefined
    start = w.start + name.length + 1
    end = w.end
  } else if (dialect === 'powershell') {
    if (!/^\$(?:env:)?[A-Za-z_][A-Za-z0-9_]*=?$/i.test(words[0]!.value)) return undefined
    // The rest of the line, up to a `;` or a comment (outside quotes): PowerShell's words do not say where it ends.
    start = text.indexOf('=', at) + 1
    while (text[start] === ' ' || text[start] === '\t') start++
    const line = text.indexOf('\n', start)
    const rest = text.slice(start, line < 0 ? text.length : line)
    end = start + (/^[^'"]*?(?=;|\s#)/.exec(rest)?.[0] ?? rest).trimEnd().length
  } else return undefined
  if (end <= start) return undefined
  const written = text.slice(start, end).replace(/\s+/g, ' ')
  const shown = written.length > MAX_SHOWN_VALUE ? `${written.slice(0, MAX_SHOWN_VALUE - 1)}…` : written
  return { span: lines.span(file, start, end), message: `${name}=${shown} is set here` }
}

/**
 * The names a followed script gives a value isolint cannot know, once at its top level, and where (see
 * {@link setHereNotes}). In PowerShell without case, as its `vars` are read (`$Tag` and `$env:TAG` alike).
 */
export interface UnknownAssignments {
  readonly dialect: ShellDialect
  readonly notes: ReadonlyMap<string, RelatedLocation>
}

function unknownAssignments(vars: ReadonlyMap<string, Value>, dialect: ShellDialect): UnknownAssignments | undefined {
  let notes: Map<string, RelatedLocation> | undefined
  for (const [name, v] of vars) if (v.set) (notes ??= new Map()).set(dialect === 'powershell' ? name.toLowerCase() : name, v.set)
  return notes && { dialect, notes }
}

/** A variable a word reads: sh's `$TAG`, `${TAG}`, `${TAG:-x}`; PowerShell's `$Tag`, `$env:TAG`, `${Tag}` too. */
const POSIX_REFERENCE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g
const POWERSHELL_REFERENCE = /\$\{?(?:env:)?([A-Za-z_][A-Za-z0-9_]*)/gi

/**
 * The "TAG=$(cat v) is set here" notes of the names in `set` that `words` (those that make an execution's image, link.ts
 * `wordsOf`) read, for a command at `at` in the script: an assignment after the command is not what it reads.
 */
export function setHereNotes(words: readonly string[], at: Span, set: UnknownAssignments): RelatedLocation[] {
  const out: RelatedLocation[] = []
  const powershell = set.dialect === 'powershell'
  for (const word of words) {
    if (!word.includes('$')) continue
    for (const m of word.matchAll(powershell ? POWERSHELL_REFERENCE : POSIX_REFERENCE)) {
      const note = set.notes.get(powershell ? m[1]!.toLowerCase() : m[1]!)
      if (note && !out.includes(note) && note.span.file === at.file && before(note.span.start, at.start)) out.push(note)
    }
  }
  return out
}

function before(a: Span['start'], b: Span['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column)
}

/** A positional parameter as a test of a value reads it (parsers/os-guards.ts `value:`): `$1`, `${1:-}`. */
const POSITIONAL_VALUE = /^\$\{?([1-9])/

/**
 * How a followed script's tests of its arguments (parsers/os-guards.ts OsProbe `value:`: sh's `"$1"`, `${1:-}`,
 * PowerShell's parameters) read its caller's words: sh's positional parameters as the names the arguments are bound
 * to (`${__ARG1}`), where the words before are certainly one argument each (see {@link certainArguments}); none in a
 * file sourced without arguments (it reads its caller's). PowerShell's parameters where every word is certain (one may
 * bind another parameter). Undefined: undecided (the test then keeps the command where it was).
 */
function argumentValues(inv: Invocation, expand: (raw: string) => string | undefined): (word: string) => string | undefined {
  const certain = certainArguments(inv.args, expand)
  if (inv.dialect === 'powershell') return (w) => (/^\$\{?env:/i.test(w) || certain === inv.args.length ? w : undefined)
  const sourced = (inv.program === '.' || inv.program === 'source') && inv.args.length === 0
  return (w) => {
    const n = POSITIONAL_VALUE.exec(w)?.[1]
    if (n === undefined) return w
    return sourced || (Number(n) > certain && certain < inv.args.length) ? undefined : rewriteText(w, inv.dialect)
  }
}

/**
 * How many of a call's words, from the first, are certainly one argument each, as isolint binds them: a word that
 * expands nothing and holds no glob character, or one whose value is known and one plain word (a word the shell may
 * split, glob or drop where it is not quoted, `"$@"`, a value isolint cannot know: not, nor any after it).
 */
function certainArguments(args: readonly Word[], expand: (raw: string) => string | undefined): number {
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!.value
    if (/[`*?[]/.test(w)) return k
    if (!w.includes('$')) continue
    const v = expand(w)
    if (v === undefined || v === '' || /[\s*?[]/.test(v)) return k
  }
  return args.length
}

/** A command's (a call's) guard with its tests of the script's arguments read by `values` ({@link argumentValues}). */
function withValues<T extends { readonly os?: OsGuard }>(c: T, values: (word: string) => string | undefined): T {
  const os = c.os && rewriteValues(c.os, values)
  return os === c.os ? c : { ...c, os }
}

/** Positional references of sh and cmd, and `%VAR%`, in the `${NAME}` form the linker expands. */
function rewrite(c: DockerCommand, dialect: ShellDialect): DockerCommand {
  if (dialect === 'powershell') return c
  const f = (w: Word): Word => ({ ...w, value: rewriteText(w.value, dialect) })
  const mapped = mapWords(c, f)
  // `cd "$1"`: the folder it names is the argument's too.
  const chdir = c.chdir
  return chdir === undefined || chdir === 'unknown' ? mapped : { ...mapped, chdir: { ...chdir, dirs: chdir.dirs.map(f) } }
}

function rewriteText(s: string, dialect: ShellDialect): string {
  const arg = positionalName('')
  if (dialect === 'cmd') return s.replace(/%~?([1-9])/g, `\${${positionalName('', true)}$1}`).replace(/%([A-Za-z_][A-Za-z0-9_]*)%/g, '${$1}')
  return s.replace(/\$\{([1-9])(?=[}:])/g, `\${${arg}$1`).replace(/\$([1-9])/g, `\${${arg}$1}`)
}

function mapWords(c: DockerCommand, f: (w: Word) => Word): DockerCommand {
  const o = <T extends Word | undefined>(w: T): T => (w ? (f(w) as T) : w)
  switch (c.type) {
    case 'build':
      return {
        ...c,
        ...(c.file && { file: o(c.file) }),
        ...(c.context && { context: o(c.context) }),
        tags: c.tags.map(f),
        buildArgs: c.buildArgs.map((a): BuildArg => (a.value !== undefined ? { ...a, value: f({ value: a.value, span: a.span }).value } : a)),
        ...(c.isolation && { isolation: o(c.isolation) }),
        ...(c.platform && { platform: o(c.platform) }),
        ...(c.target && { target: o(c.target) }),
      }
    case 'run':
    case 'create':
    case 'pull':
      return { ...c, ...(c.image && { image: o(c.image) }), ...('isolation' in c && c.isolation && { isolation: o(c.isolation) }), ...(c.platform && { platform: o(c.platform) }) }
    case 'tag':
      return { ...c, ...(c.source && { source: o(c.source) }), ...(c.target && { target: o(c.target) }) }
    case 'compose':
      return { ...c, files: c.files.map(f) }
  }
}

/** A build argument whose value is one variable set by the caller or a literal assignment: the fix goes there. */
function relocate(c: DockerCommand, vars: ReadonlyMap<string, Value>, via: RelatedLocation[]): DockerCommand {
  if (c.type !== 'build') return c
  const buildArgs = c.buildArgs.map((a): BuildArg => {
    const name = /^\$(?:env:)?\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/i.exec(a.value ?? '')?.[1]
    const v = name !== undefined ? vars.get(name) : undefined
    if (!v?.span || v.value === undefined) return a
    if (v.via) via.push(v.via)
    return { ...a, span: v.span }
  })
  return { ...c, buildArgs }
}
