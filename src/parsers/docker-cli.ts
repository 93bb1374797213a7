/**
 * Finds docker commands in shell scripts (`run:` steps, Makefile recipes, scripts): recognizes `docker`, `docker
 * buildx`, `docker compose` and `docker-compose` among the words of `shell.ts`'s simple commands, and parses their
 * arguments with tables of the options that take a value. Never throws.
 */
import { EMPTY_LIST, sizedCopy } from '../core/sized-copy.js'
import type { Span } from '../core/span.js'
import type { Mount } from '../model/mount.js'
import type {
  BuildArg,
  DockerBuildCommand,
  DockerCommand,
  DockerComposeCommand,
  DockerPullCommand,
  DockerRunCommand,
  DockerTagCommand,
  FolderChange,
  OsGuard,
  Word,
  Writable,
} from '../model/workflow.js'
import { commandStringAt, type CommandStringSource } from './command-string.js'
import { folderChanges, mayChangeFolder } from './folder-changes.js'
import { osGuards } from './os-guards.js'
import { shortVolumeSource } from './compose.js'
import { scriptAssignments } from './script-assignments.js'
import {
  addPrefix,
  commandWords,
  invocationOf,
  prefixEffects,
  programName,
  sourceOffset,
  splitCommands,
  wordAt,
  type CommandString,
  type Invocation,
  type PrefixEffects,
  type ShellDialect,
  type ShellWord,
} from './shell.js'

/**
 * Extracts the docker commands of a script. `at` maps offsets in `script` (start inclusive, end exclusive) to a
 * source span, so that a caller can place words in the file the script was taken from.
 */
export function extractDockerCommands(
  script: string,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): readonly DockerCommand[] {
  return scriptCommands(splitCommands(script, dialect), dialect, at, undefined, script).docker
}

/**
 * The docker commands and the invocations (`invocationOf`, shell.ts) among a script's simple commands (as
 * {@link splitCommands} gives them), in one pass: the prefixes of each command are read once for both. With
 * `strings` (the script's text), a command string isolint can read exactly (`bash -c '…'`, command-string.ts) is an
 * invocation whose `string` holds the docker commands of the string, read in the child shell's dialect. With the
 * script's `text` (`strings.script` by default), the commands after a change of folder it follows (`cd app`) carry
 * where it took them (`chdir`; see folder-changes.ts).
 */
export function scriptCommands(
  commands: readonly (readonly ShellWord[])[],
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
  strings?: CommandStringSource,
  text: string | undefined = strings?.script,
): { readonly docker: readonly DockerCommand[]; readonly invocations: readonly Invocation[] } {
  // A script that tests the OS or a value, or defines functions: where each command runs (os-guards.ts), read at its
  // first docker command or call (a script with neither, as most steps' `npm test`, pays nothing).
  let guards: readonly (OsGuard | undefined)[] | undefined | null = text !== undefined ? null : undefined
  const guardOf = (i: number): OsGuard | undefined => (guards === null ? (guards = osGuards(text!, dialect, commands)) : guards)?.[i]
  const found = commandsOf(commands, dialect, at, strings, undefined, guardOf)
  // A script that changes its folder (`cd app`): read again with the folder of each command (folder-changes.ts).
  if (found.moves && text !== undefined) {
    const folders = folderChanges(text, dialect, commands, at)
    if (folders) return commandsOf(commands, dialect, at, strings, folders, guardOf)
  }
  return found
}

/** {@link scriptCommands} in one pass: with the folder each command runs in, when the script changes it. */
function commandsOf(
  commands: readonly (readonly ShellWord[])[],
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
  strings: CommandStringSource | undefined,
  folders: readonly (FolderChange | undefined)[] | undefined,
  guardOf: (i: number) => OsGuard | undefined,
): { readonly docker: readonly DockerCommand[]; readonly invocations: readonly Invocation[]; readonly moves: boolean } {
  const docker: DockerCommand[] = []
  let invocations: Invocation[] | undefined
  let moves = false
  // Indexed loops here and in the option loops below: these functions run once per command, mostly in V8's baseline
  // tier, where a for-of loop calls the array iterator for every item.
  for (let i = 0; i < commands.length; i++) {
    const words = commands[i]!
    const effects = prefixEffects(words, dialect)
    // `env -S 'docker build .'`: the words env splits its string into (shell.ts `commandWords`).
    const list = effects.words ?? words
    const k = effects.start
    const word = k < list.length ? list[k]!.value : ''
    const program = word === '' ? '' : programName(word)
    // `cd`, `Set-Location`, `pushd`…, cmd's `cd..`: a set lookup for most commands.
    if (!moves && mayChangeFolder(program, word, dialect)) moves = true
    const folder = folders?.[i]
    const command = recognize(list, k, program, effects, dialect, at)
    if (command) {
      const guard = guardOf(i)
      if (folder !== undefined) (command as Writable<DockerCommand>).chdir = folder
      if (guard !== undefined) (command as Writable<DockerCommand>).os = guard
      docker.push(command)
      // A docker command runs no other file and no command string: `invocationOf` and `commandString` find none.
      continue
    }
    let inv = strings === undefined ? invocationOf(words, effects, at) : withString(invocationOf(words, effects, at), words, effects, dialect, strings, at)
    if (inv && folder !== undefined) inv = { ...inv, chdir: folder }
    const guard = inv && guardOf(i)
    if (inv && guard !== undefined) inv = { ...inv, os: guard }
    if (inv) (invocations ??= []).push(inv)
  }
  // Models keep the list, and a pushed list keeps spare room: keep a copy of its size.
  return { docker: sizedCopy(docker), invocations: invocations ?? EMPTY_LIST, moves }
}

/** `inv` with the command string the command runs (`bash -c '…'`), if any; an invocation of its own when `inv` is none. */
function withString(
  inv: Invocation | undefined,
  words: readonly ShellWord[],
  effects: PrefixEffects,
  dialect: ShellDialect,
  strings: CommandStringSource,
  at: (start: number, end: number) => Span,
): Invocation | undefined {
  const string = commandString(words, effects, dialect, strings, at)
  return string ? { ...(inv ?? stringInvocation(words, effects, at)), string } : inv
}

/** The docker commands of a command string (`bash -c '…'`), one level deep: a string inside it is not read. */
function commandString(
  words: readonly ShellWord[],
  effects: PrefixEffects,
  dialect: ShellDialect,
  strings: CommandStringSource,
  at: (start: number, end: number) => Span,
): CommandString | undefined {
  const found = commandStringAt(words, effects, dialect, strings)
  if (!found) return undefined
  const text = strings.script.slice(found.start, found.end)
  const base = found.start
  const split = splitCommands(text, found.dialect)
  const docker = scriptCommands(split, found.dialect, (s, e) => at(base + s, base + e), undefined, text).docker
  if (docker.length === 0) return undefined
  const string: Writable<CommandString> = { dialect: found.dialect, commands: docker, assignments: scriptAssignments(text, found.dialect, split) }
  if (found.moved) string.moved = true
  return string
}

/** A command that runs a shell with a command string, as an invocation (`zsh -c '…'`: no file to follow). */
function stringInvocation(shellWords: readonly ShellWord[], effects: PrefixEffects, at: (start: number, end: number) => Span): Invocation {
  const inv: Writable<Invocation> = { words: commandWords(shellWords, effects).slice(effects.start).map((w) => wordAt(w, at)) }
  if (effects.start > 0) addPrefix(inv, effects, at)
  return inv
}

function recognize(
  words: readonly ShellWord[],
  k: number,
  program: string,
  effects: PrefixEffects,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerCommand | undefined {
  // `env -S 'docker build .'`: `words` are those env splits its string into.
  if (k === words.length) return undefined
  const command =
    program === 'docker' ? parseDockerCommand(words, k, dialect, at) : program === 'docker-compose' ? parseComposeCommand(words, k, k + 1, at) : undefined
  if (command && k > 0) addPrefix(command, effects, at)
  return command
}


/** How an option table decides whether an option takes a value. */
interface OptionTable {
  takesValue(name: string): boolean
  /** Whether options may follow positionals (pflag's interspersed mode). */
  readonly interspersed: boolean
}

function booleanTable(long: readonly string[], short: string, interspersed: boolean): OptionTable {
  const longSet = new Set(long)
  return {
    interspersed,
    takesValue: (name) => (name.startsWith('--') ? !longSet.has(name) : !short.includes(name.slice(1))),
  }
}

function valueTable(values: readonly string[], interspersed: boolean): OptionTable {
  const set = new Set(values)
  return { interspersed, takesValue: (name) => set.has(name) }
}

const DOCKER_GLOBAL = valueTable(
  ['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey'],
  false,
)
const BUILDX_GLOBAL = valueTable(['--builder'], false)
const BUILD = booleanTable(
  [
    '--no-cache', '--pull', '--quiet', '--rm', '--force-rm', '--compress', '--squash', '--load', '--push',
    '--disable-content-trust', '--stream', '--check', '--help', '--debug', '--sbom', '--provenance',
  ],
  'q',
  true,
)
const RUN = booleanTable(
  [
    '--rm', '--privileged', '--init', '--read-only', '--detach', '--interactive', '--tty', '--no-healthcheck',
    '--oom-kill-disable', '--sig-proxy', '--disable-content-trust', '--publish-all', '--quiet', '--help',
    '--use-api-socket',
  ],
  'ditPq',
  false,
)
const PULL = booleanTable(['--all-tags', '--quiet', '--disable-content-trust', '--help'], 'aq', false)
/** `docker tag` has no option but `--help`; its two positionals are the source and the target. */
const TAG = booleanTable(['--help'], 'h', false)
/** Options of `compose up|create|run|build|pull` that take a value (the services are the positionals). */
const COMPOSE_SUB = valueTable(
  [
    '--scale', '-t', '--timeout', '--wait-timeout', '--exit-code-from', '--pull', '--attach', '--no-attach',
    '-e', '--env', '-l', '--label', '-p', '--publish', '-v', '--volume', '-w', '--workdir', '-u', '--user',
    '--name', '--entrypoint', '--cap-add', '--cap-drop', '--build-arg', '--builder', '--ssh', '--progress', '-m',
    '--memory', '--policy',
  ],
  true,
)

const COMPOSE_GLOBAL = valueTable(
  [
    '-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory', '--ansi', '--parallel',
    '--progress', '-c', '--context', '-H', '--host', '--log-level', '--tlscacert', '--tlscert', '--tlskey',
  ],
  false,
)

/**
 * An option as written: its name, and the word holding its value from value index `from` on (none for a flag).
 * The value, with its span, is made only for the options a command keeps ({@link optionValue}).
 */
interface ParsedOption {
  readonly name: string
  readonly word: ShellWord | undefined
  readonly from: number
}

/**
 * Parses options and positionals from `words[from..]`; stops at the first positional unless interspersed. Returns
 * the index of the first positional (-1 when there is none); the options go to `options` and the index of every
 * positional to `positionals` when given (docker's and buildx's global options are only passed over).
 */
function parseCommandLine(
  words: readonly ShellWord[],
  from: number,
  table: OptionTable,
  options?: ParsedOption[],
  positionals?: number[],
): number {
  let first = -1
  let j = from
  let onlyPositionals = false
  while (j < words.length) {
    const w = words[j]!
    const v = w.value
    if (!onlyPositionals && isOptionBundle(w)) {
      j++
      continue
    }
    if (onlyPositionals || !v.startsWith('-') || v === '-') {
      if (first < 0) first = j
      positionals?.push(j)
      j++
      if (!table.interspersed) break
      continue
    }
    if (v === '--') {
      onlyPositionals = true
      j++
      continue
    }
    j = v.startsWith('--') ? longOption(words, j, table, options) : shortOptions(words, j, table, options)
  }
  return first
}

/**
 * The long option `words[j]` (`--file=x`, `--file x`, `--rm`) read into `options`; returns the index of the word
 * after it (and after its value when that is the next word). Apart from {@link parseCommandLine}, as
 * {@link shortOptions} is.
 */
function longOption(words: readonly ShellWord[], j: number, table: OptionTable, options: ParsedOption[] | undefined): number {
  const w = words[j]!
  const v = w.value
  const eq = v.indexOf('=')
  if (eq >= 0) {
    options?.push({ name: v.slice(0, eq), word: w, from: eq + 1 })
    return j + 1
  }
  if (table.takesValue(v) && j + 1 < words.length) {
    options?.push({ name: v, word: words[j + 1]!, from: 0 })
    return j + 2
  }
  options?.push({ name: v, word: undefined, from: 0 })
  return j + 1
}

/**
 * The short option cluster `words[j]` (`-it`, `-dit`, `-fDockerfile`, `-f=Dockerfile`, `-f Dockerfile`) read into
 * `options`; returns the index of the word after it (and after its value when that is the next word). Apart from
 * {@link parseCommandLine} so that V8 compiles each on its own (issue 11: a smaller function compiles sooner).
 */
function shortOptions(words: readonly ShellWord[], j: number, table: OptionTable, options: ParsedOption[] | undefined): number {
  const w = words[j]!
  const v = w.value
  for (let p = 1; p < v.length; p++) {
    // `-f` alone is its own name (no string made for it).
    const name = v.length === 2 ? v : `-${v[p]}`
    if (!table.takesValue(name)) {
      options?.push({ name, word: undefined, from: 0 })
      continue
    }
    if (p + 1 < v.length) {
      options?.push({ name, word: w, from: v[p + 1] === '=' ? p + 2 : p + 1 })
    } else if (j + 1 < words.length) {
      options?.push({ name, word: words[j + 1]!, from: 0 })
      return j + 2
    } else {
      options?.push({ name, word: undefined, from: 0 })
    }
    break
  }
  return j + 1
}

/**
 * A word that is a single unquoted expression named like a set of options (`${{ inputs.docker_run_options }}`,
 * `${{ matrix.build_args }}`): it expands to options, not to the image or the context, so it is skipped.
 */
function isOptionBundle(w: ShellWord): boolean {
  return (
    !w.quoted &&
    w.value.startsWith('${{') &&
    /^\$\{\{[^}]*\}\}$/.test(w.value) &&
    /(?:options|opts|args|flags|arguments|params)\s*\}\}$/i.test(w.value)
  )
}

/** The value of an option, with its span; undefined for a flag. */
function optionValue(o: ParsedOption, at: (start: number, end: number) => Span): Word | undefined {
  return o.word && subWord(o.word, o.from, at)
}

/** The part of a word from value index `from` on, with the span of that part as written. */
function subWord(word: ShellWord, from: number, at: (start: number, end: number) => Span): Word {
  if (from <= 0) return { value: word.value, span: at(word.start, word.end) }
  const start = from >= word.value.length ? word.end : sourceOffset(word, from - 1) + 1
  return { value: word.value.slice(from), span: at(Math.min(start, word.end), word.end) }
}

function last<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1]
}

function commandSpan(
  words: readonly ShellWord[],
  first: number,
  at: (start: number, end: number) => Span,
): Span {
  return at(words[first]!.start, words[words.length - 1]!.end)
}

function parseDockerCommand(
  words: readonly ShellWord[],
  k: number,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerCommand | undefined {
  const globals: ParsedOption[] = []
  const sub = parseCommandLine(words, k + 1, DOCKER_GLOBAL, globals)
  if (sub < 0) return undefined
  const command = dockerSubcommand(words, k, sub, dialect, at)
  // `docker -H tcp://x run …`, `docker --context win compose up`: the engine it talks to (most commands have no
  // global option).
  const engine = globals.length > 0 ? engineOption(globals, at) : undefined
  if (command && engine) (command as Writable<DockerCommand>).engine = engine
  return command
}

/** The last `-H`/`--host`/`-c`/`--context` value among docker's global options (`docker-compose`'s too). */
function engineOption(options: readonly ParsedOption[], at: (start: number, end: number) => Span): Word | undefined {
  let engine: Word | undefined
  for (const o of options) if (o.word && ENGINE_OPTIONS.has(o.name)) engine = optionValue(o, at)
  return engine
}

const ENGINE_OPTIONS: ReadonlySet<string> = new Set(['-H', '--host', '-c', '--context'])

function dockerSubcommand(
  words: readonly ShellWord[],
  k: number,
  sub: number,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerCommand | undefined {
  const name = words[sub]!.value
  // The word after the subcommand: `image build`, `container run`.
  const s2 = words[sub + 1]?.value
  const from2 = sub + 2
  switch (name) {
    case 'build':
      return parseBuildCommand(words, k, sub + 1, at)
    case 'buildx': {
      const buildx: ParsedOption[] = []
      const rest = parseCommandLine(words, sub + 1, BUILDX_GLOBAL, buildx)
      if (rest >= 0 && (words[rest]!.value === 'build' || words[rest]!.value === 'b')) {
        const command = parseBuildCommand(words, k, rest + 1, at)
        // `docker buildx --builder x build`: the build command's own `--builder` comes after and wins.
        const builder = buildx.length > 0 ? last(buildx.filter((o) => o.name === '--builder' && o.word)) : undefined
        if (builder && !command.builder) (command as Writable<DockerBuildCommand>).builder = optionValue(builder, at)
        return command
      }
      return undefined
    }
    case 'builder':
    case 'image':
      if (s2 === 'build') return parseBuildCommand(words, k, from2, at)
      if (name === 'image' && s2 === 'pull') return parsePullCommand(words, k, from2, dialect, at)
      if (name === 'image' && s2 === 'tag') return parseTagCommand(words, k, from2, dialect, at)
      return undefined
    case 'container':
      if (s2 === 'run' || s2 === 'create') return parseRunCommand(s2, words, k, from2, dialect, at)
      return undefined
    case 'run':
    case 'create':
      return parseRunCommand(name, words, k, sub + 1, dialect, at)
    case 'pull':
      return parsePullCommand(words, k, sub + 1, dialect, at)
    case 'tag':
      return parseTagCommand(words, k, sub + 1, dialect, at)
    case 'compose':
      return parseComposeCommand(words, k, sub + 1, at)
    default:
      return undefined
  }
}

function parseBuildCommand(
  words: readonly ShellWord[],
  k: number,
  from: number,
  at: (start: number, end: number) => Span,
): DockerBuildCommand {
  const options: ParsedOption[] = []
  const ctx = parseCommandLine(words, from, BUILD, options)
  let file: Word | undefined
  let isolation: Word | undefined
  let platform: Word | undefined
  let target: Word | undefined
  let builder: Word | undefined
  const tags: Word[] = []
  const buildArgs: BuildArg[] = []
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!
    if (!o.word) continue
    switch (o.name) {
      case '-f':
      case '--file':
        file = optionValue(o, at)
        break
      case '-t':
      case '--tag':
        tags.push(optionValue(o, at)!)
        break
      case '--build-arg':
        buildArgs.push(buildArg(optionValue(o, at)!))
        break
      case '--isolation':
        isolation = optionValue(o, at)
        break
      case '--platform':
        platform = optionValue(o, at)
        break
      case '--target':
        target = optionValue(o, at)
        break
      case '--builder':
        builder = optionValue(o, at)
        break
    }
  }
  // Built key by key, optional keys absent when not given (the order of the model).
  const command = { type: 'build', span: commandSpan(words, k, at) } as Writable<DockerBuildCommand>
  if (file) command.file = file
  if (ctx >= 0) command.context = subWord(words[ctx]!, 0, at)
  // Models keep the lists, and a pushed list keeps spare room: keep copies of their size.
  command.tags = sizedCopy(tags)
  command.buildArgs = sizedCopy(buildArgs)
  if (isolation) command.isolation = isolation
  if (platform) command.platform = platform
  if (target) command.target = target
  if (builder) command.builder = builder
  return command
}

/**
 * The index of the first word of `words[from..image]` (to the end when there is no image) that expands to any number
 * of words, options or not, or -1: which word is then the image is unknown (the word isolint took for it may be an
 * option, and the array may hold the image). A `$` the shell passes on as text is not one (shell.ts `LITERAL_DOLLAR`).
 */
function spreadBefore(words: readonly ShellWord[], from: number, image: number, dialect: ShellDialect): number {
  const to = image >= 0 ? image : words.length - 1
  for (let j = from; j <= to; j++) if (spreadsWords(words[j]!, dialect)) return j
  return -1
}

/** sh: `${A[@]}` and `$@` (quoted too: one word per item), `${A[*]}` and `$*` unquoted (split); not `${#A[@]}`, a count. */
const SH_SPREAD = /\$(?:\{!?[A-Za-z_][A-Za-z0-9_]*\[@\]|@|\{@)/
const SH_SPLIT = /\$(?:\{!?[A-Za-z_][A-Za-z0-9_]*\[\*\]|\*|\{\*)/
/** PowerShell: splatting (`@args`, `@opts`: one argument per item, or `-Name:value` per key), and `$args` unquoted. */
const PS_SPREAD = /^(?:@[A-Za-z_][A-Za-z0-9_]*|\$args)$/i

/** Whether a word expands to any number of words (see {@link spreadBefore}); cmd's `%*`, every argument of a batch file. */
function spreadsWords(w: ShellWord, dialect: ShellDialect): boolean {
  const v = w.value
  if (dialect === 'posix') return v.includes('$') && (SH_SPREAD.test(v) || (!w.quoted && SH_SPLIT.test(v)))
  if (dialect === 'powershell') return !w.quoted && PS_SPREAD.test(v)
  return !w.quoted && v === '%*'
}

/** `NAME=value` → name and value; `NAME` alone → no value (docker takes it from the environment). */
export function buildArg(word: Word): BuildArg {
  const eq = word.value.indexOf('=')
  if (eq < 0) return { name: word.value, span: word.span }
  return { name: word.value.slice(0, eq), value: word.value.slice(eq + 1), span: word.span }
}

function parseRunCommand(
  type: 'run' | 'create',
  words: readonly ShellWord[],
  k: number,
  from: number,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerRunCommand {
  const options: ParsedOption[] = []
  const image = parseCommandLine(words, from, RUN, options)
  const spread = spreadBefore(words, from, image, dialect)
  let isolation: Word | undefined
  let platform: Word | undefined
  const mounts: Mount[] = []
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!
    if (!o.word) continue
    if (o.name === '--isolation') isolation = optionValue(o, at)
    if (o.name === '--platform') platform = optionValue(o, at)
    if (o.name === '-v' || o.name === '--volume') {
      const value = optionValue(o, at)!
      const source = shortVolumeSource(value.value)
      if (source !== undefined) mounts.push({ source, span: value.span })
    }
    if (o.name === '--mount') {
      const mount = mountOption(optionValue(o, at)!)
      if (mount) mounts.push(mount)
    }
  }
  const command: Writable<DockerRunCommand> = { type, span: commandSpan(words, k, at) }
  if (spread >= 0) command.spread = subWord(words[spread]!, 0, at)
  else if (image >= 0) command.image = subWord(words[image]!, 0, at)
  if (isolation) command.isolation = isolation
  if (platform) command.platform = platform
  if (mounts.length > 0) command.mounts = mounts
  return command
}

/** `--mount type=npipe,source=\\.\pipe\docker_engine,target=…` (`src=` too); undefined without a source. */
function mountOption(word: Word): Mount | undefined {
  let source: string | undefined
  let type: string | undefined
  for (const field of word.value.split(',')) {
    const eq = field.indexOf('=')
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase()
    const value = eq < 0 ? '' : field.slice(eq + 1).trim()
    if (key === 'source' || key === 'src') source = value
    if (key === 'type') type = value
  }
  if (!source) return undefined
  return { source, span: word.span, ...(type !== undefined && { type }) }
}

function parsePullCommand(
  words: readonly ShellWord[],
  k: number,
  from: number,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerPullCommand {
  const options: ParsedOption[] = []
  const image = parseCommandLine(words, from, PULL, options)
  const spread = spreadBefore(words, from, image, dialect)
  let platform: Word | undefined
  for (const o of options) if (o.name === '--platform' && o.word) platform = optionValue(o, at)
  const command: Writable<DockerPullCommand> = { type: 'pull', span: commandSpan(words, k, at) }
  if (spread >= 0) command.spread = subWord(words[spread]!, 0, at)
  else if (image >= 0) command.image = subWord(words[image]!, 0, at)
  if (platform) command.platform = platform
  return command
}

/**
 * `docker tag SRC DST`: the first two positionals (docker refuses the command with fewer, and reads no option after
 * the first). Undefined with fewer than two; neither word when a word up to DST (or any word, when fewer are written)
 * expands to any number of words.
 */
function parseTagCommand(
  words: readonly ShellWord[],
  k: number,
  from: number,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerTagCommand | undefined {
  const source = parseCommandLine(words, from, TAG)
  const both = source >= 0 && source + 1 < words.length
  const command: Writable<DockerTagCommand> = { type: 'tag', span: commandSpan(words, k, at) }
  // `docker tag "$@"`: however many words it has.
  if (spreadBefore(words, from, both ? source + 1 : -1, dialect) >= 0) return command
  if (!both) return undefined
  command.source = subWord(words[source]!, 0, at)
  command.target = subWord(words[source + 1]!, 0, at)
  return command
}

function parseComposeCommand(
  words: readonly ShellWord[],
  k: number,
  from: number,
  at: (start: number, end: number) => Span,
): DockerComposeCommand {
  const options: ParsedOption[] = []
  const sub = parseCommandLine(words, from, COMPOSE_GLOBAL, options)
  const files: Word[] = []
  const profiles: Word[] = []
  const envFiles: Word[] = []
  for (const o of options) {
    if (!o.word) continue
    if (o.name === '-f' || o.name === '--file') files.push(optionValue(o, at)!)
    else if (o.name === '--profile') profiles.push(optionValue(o, at)!)
    else if (o.name === '--env-file') envFiles.push(optionValue(o, at)!)
  }
  const subcommand = sub >= 0 ? words[sub]!.value : undefined
  const services: Word[] = []
  const buildArgs: BuildArg[] = []
  const scales: Word[] = []
  if (subcommand !== undefined && /^(?:up|create|start|run|build|pull)$/.test(subcommand)) {
    const positionals: number[] = []
    // Only `build` takes `--build-arg` (`up --build` has none), only `up` and `create` take `--scale`.
    const subOptions: ParsedOption[] | undefined = /^(?:build|up|create)$/.test(subcommand) ? [] : undefined
    parseCommandLine(words, sub + 1, COMPOSE_SUB, subOptions, positionals)
    for (const p of positionals) {
      services.push(subWord(words[p]!, 0, at))
      if (subcommand === 'run') break
    }
    for (const o of subOptions ?? EMPTY_LIST) {
      if (!o.word) continue
      if (o.name === '--build-arg' && subcommand === 'build') buildArgs.push(buildArg(optionValue(o, at)!))
      else if (o.name === '--scale' && subcommand !== 'build') scales.push(optionValue(o, at)!)
    }
  }
  const command: Writable<DockerComposeCommand> = { type: 'compose', span: commandSpan(words, k, at), files }
  if (subcommand !== undefined) command.subcommand = subcommand
  if (profiles.length > 0) command.profiles = profiles
  if (envFiles.length > 0) command.envFiles = envFiles
  if (services.length > 0) command.services = services
  if (buildArgs.length > 0) command.buildArgs = buildArgs
  if (scales.length > 0) command.scales = scales
  // `docker-compose -H tcp://x up` (`docker -H x compose up`: set by the caller, over this).
  const engine = engineOption(options, at)
  if (engine) command.engine = engine
  return command
}
