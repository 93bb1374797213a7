/**
 * Writes to the `GITHUB_ENV` file in a step's script, read without running it. GitHub reads the file after the step
 * and sets each variable for the later steps of the job (process environment and `env` context alike), over the
 * job's and workflow's `env:`; a step's own `env:` still wins. isolint does not compute the values: the variables a
 * step writes are unknown to the steps after it, and when the names cannot be read, every variable is.
 *
 * Recognised: redirections to the file (`>> $GITHUB_ENV`, `>> "${GITHUB_ENV}"`, `>> $env:GITHUB_ENV`,
 * `>> %GITHUB_ENV%`, `>> ${{ github.env }}`) of `echo`, `printf`, `Write-Output` or a PowerShell string, POSIX
 * here-documents (`cat <<EOF >> $GITHUB_ENV`), `tee` (with or without `-a`), `dd of=`, `Out-File`, `Add-Content` and
 * `Set-Content` naming the file, and the multi-line form `NAME<<DELIMITER` written line by line. Any other command that
 * names the file (`cp`, `mv`, `sort -o`, `Copy-Item`, `[IO.File]::…`), other than one known to only read it (`cat`,
 * `grep`, `test`, `Get-Content`, …), is read as writing names isolint cannot know.
 */
import { programName, scanScript, type Redirection, type ScannedScript, type ShellDialect, type ShellWord } from './shell.js'
import { shownText } from './workflow-expressions.js'

/** What a step writes to `GITHUB_ENV`: the variables it sets, or `all` when it may set any. */
export interface EnvWrites {
  readonly names: readonly string[]
  /** Names isolint cannot read are written: every variable may change. */
  readonly all: boolean
}

/** A write whose names cannot be read: every variable may change. */
export const EVERY_NAME: EnvWrites = { names: [], all: true }

/**
 * `$GITHUB_ENV`, `${GITHUB_ENV}`, `$env:GITHUB_ENV`, `${env:GITHUB_ENV}`, `%GITHUB_ENV%` (quotes already removed; cmd's
 * as the shell reader marks it, core/cmd-variable-text.ts).
 */
const FILE_REF = /^(?:\$[{\uE004]?(?:env:)?GITHUB_ENV\}?|%GITHUB_ENV%)$/i
/** The file's variable, or the `github.env` context value that holds the same path. */
const MENTION = /GITHUB_ENV|\bgithub\.env\b/i
/** `${{ github.env }}`: GitHub puts the file's path in the script before the shell runs it. */
const CONTEXT_REF = /\$\{\{\s*github\.env\s*\}\}/gi
const SHELL_REF: Readonly<Record<ShellDialect, string>> = { posix: '$GITHUB_ENV', powershell: '$env:GITHUB_ENV', cmd: '%GITHUB_ENV%' }

/** Commands that name the file only to read it or print its path (`sort` unless `-o` names where it writes). */
const READERS = new Set(['cat', 'type', 'get-content', 'gc', 'echo', 'write-host', 'write-output', 'printf', 'test', '[', 'ls', 'dir', 'wc', 'head', 'tail', 'grep', 'test-path'])

/** Whether a text may name the file (`$GITHUB_ENV` in any shell, `${{ github.env }}`). */
export function mentionsGithubEnv(text: string): boolean {
  return MENTION.test(text)
}

/** Reads a script's writes to `GITHUB_ENV` in `dialect`; undefined when it writes none. */
export function githubEnvWrites(script: string, dialect: ShellDialect): EnvWrites | undefined {
  if (!MENTION.test(script)) return undefined
  const out = new EnvFile()
  readWrites(script, dialect, undefined, out)
  return out.result()
}

/** A script as its caller scanned it ({@link scanScript} of `text`). */
export interface ScannedText {
  readonly text: string
  readonly scanned: ScannedScript
}

/**
 * {@link githubEnvWrites} of scripts their caller has scanned already (to read their commands for more than this),
 * run one after the other and writing to the one file: a script, or the lines of a make recipe (each its own shell).
 */
export function githubEnvWritesOf(scripts: readonly ScannedText[], dialect: ShellDialect): EnvWrites | undefined {
  const out = new EnvFile()
  for (const { text, scanned } of scripts) if (MENTION.test(text)) readWrites(text, dialect, scanned, out)
  return out.result()
}

/**
 * Reads the writes of a script that mentions the file into `out`, on `scanned` (its {@link scanScript}) when given;
 * one that names it `${{ github.env }}` is scanned with the shell's reference in its place.
 */
function readWrites(script: string, dialect: ShellDialect, scanned: ScannedScript | undefined, out: EnvFile): void {
  const context = script.search(CONTEXT_REF) >= 0
  const text = context ? script.replace(CONTEXT_REF, SHELL_REF[dialect]) : script
  const { commands, redirections, piped, arrays } = scanned !== undefined && !context ? scanned : scanScript(text, dialect)
  const handled = new Set<readonly ShellWord[]>()
  const pipes: Pipes = { dialect, arrays, previous: new Map(), heredocs: new Map(), printed: new Map() }
  commands.forEach((c, k) => {
    const before = commands[k - 1]
    if (before && piped.has(before)) pipes.previous.set(c, before)
  })
  // The first here-document of each command (found once: a script may hold thousands of redirections).
  for (const h of redirections) if (h.body !== undefined && !pipes.heredocs.has(h.command)) pipes.heredocs.set(h.command, h)
  for (const r of redirections) {
    if (!r.op.includes('>') || !r.target || !MENTION.test(r.target.value)) continue
    handled.add(r.command)
    // `>> "${GITHUB_ENV:-/dev/null}"`, `>> $(echo $GITHUB_ENV)`: a target isolint cannot read may be the file.
    out.write(FILE_REF.test(r.target.value) ? contentOf(r.command, pipes) : undefined)
  }
  for (const words of commands) {
    if (handled.has(words) || !words.some((w) => MENTION.test(w.value))) continue
    const program = programOf(words)
    const viaFile = fileWrite(words, program, pipes)
    if (viaFile !== undefined) out.write(viaFile === null ? undefined : viaFile)
    else if (!onlyReads(words, program)) out.write(undefined)
  }
}

/**
 * `actions/github-script`: the variables its script sets with `core.exportVariable('NAME', …)`, and when it writes the
 * file itself (`fs.appendFileSync(process.env.GITHUB_ENV, \`NAME=${v}\n\`)`) the names that start a string or a
 * line of one; any name when a name is not a literal or the file is written with none. Undefined for no write.
 */
export function exportedVariables(script: string): EnvWrites | undefined {
  const names = new Set<string>()
  let all = false
  if (MENTION.test(script)) {
    for (const m of script.matchAll(/(?:['"`]|\\n)([A-Za-z_][A-Za-z0-9_]*)=/g)) names.add(m[1]!)
    if (names.size === 0) all = true
  }
  for (const m of script.matchAll(/\bexportVariable\s*\(\s*(?:(['"`])([A-Za-z_][A-Za-z0-9_]*)\1\s*,)?/g)) {
    if (m[2] !== undefined) names.add(m[2])
    else all = true
  }
  return names.size > 0 || all ? { names: [...names], all } : undefined
}

/** The lines GitHub reads from the file, in order: names, and the multi-line values of `NAME<<DELIMITER`. */
class EnvFile {
  private readonly names = new Set<string>()
  private all = false
  /** The delimiter of the multi-line value being written; its lines are values, not names. */
  private delimiter: string | undefined

  /** Lines written (undefined: content isolint cannot know). */
  write(lines: readonly string[] | undefined): void {
    if (lines === undefined) {
      // Inside a multi-line value an unknown line is a value line (its end is written after it, as a rule).
      if (this.delimiter === undefined) this.all = true
      return
    }
    // A value may hold real newlines (`echo "A=1<newline>B=2"`, a PowerShell here-string): each starts a line.
    // The file receives a literal `$` as `$`, not as its mark: compare delimiters with the text written (shown), but
    // look for a variable in the marked text, where only one the shell leaves unexpanded is a `$`.
    for (const marked of lines.flatMap((l) => l.split('\n'))) {
      const line = shownText(marked).replace(/\r$/, '')
      if (this.delimiter !== undefined) {
        if (line === this.delimiter) this.delimiter = undefined
        continue
      }
      if (line.trim() === '') continue
      const eq = line.indexOf('=')
      const heredoc = line.indexOf('<<')
      const multi = heredoc > 0 && (eq < 0 || heredoc < eq)
      const name = multi ? line.slice(0, heredoc) : eq > 0 ? line.slice(0, eq) : undefined
      if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
        this.all = true
        continue
      }
      this.names.add(name)
      if (multi) {
        const delimiter = line.slice(heredoc + 2)
        // A delimiter isolint cannot read (`EOF_$RANDOM`): where the value ends, and what follows, is unknown.
        if (/[$%`]/.test(marked.slice(marked.indexOf('<<') + 2)) || delimiter === '') this.all = true
        else this.delimiter = delimiter
      }
    }
  }

  result(): EnvWrites | undefined {
    if (this.names.size === 0 && !this.all) return undefined
    return { names: [...this.names], all: this.all }
  }
}

/**
 * Whether a command that names the file only reads it: one of {@link READERS}, `dd` with no `of=` naming it, or `sort`
 * with no `-o`/`--output` (`sort -u -o "$GITHUB_ENV" "$GITHUB_ENV"` rewrites it). Any other command may write it.
 */
export function onlyReads(words: readonly ShellWord[], program: string = programOf(words)): boolean {
  // `dd if="$GITHUB_ENV" of=copy.env`; an `of=` that names the file in a form fileWrite does not read
  // (`of="${GITHUB_ENV:?}"`) writes it.
  if (program === 'dd') return !words.some((w) => /^of=/i.test(w.value) && MENTION.test(w.value))
  if (program === 'sort') return !words.slice(1).some((w) => /^-[^-]*o|^--output(?:=|$)/.test(w.value))
  return READERS.has(program)
}

/** The program of a command, lower-cased, without folder or `.exe`. */
function programOf(words: readonly ShellWord[]): string {
  return programName(words[0]?.value ?? '')
}

/** How the commands of a script feed each other: the command piped into each, and each command's here-document. */
interface Pipes {
  readonly dialect: ShellDialect
  /** PowerShell's arrays among the words (see ScannedScript `arrays`). */
  readonly arrays: ReadonlySet<ShellWord>
  readonly previous: Map<readonly ShellWord[], readonly ShellWord[]>
  readonly heredocs: Map<readonly ShellWord[], Redirection>
  /** What each command prints, once worked out: a pipeline of many `| tee -a $GITHUB_ENV` is walked once. */
  readonly printed: Map<readonly ShellWord[], string[] | undefined>
}

/**
 * The lines a command prints: `echo`, `printf`, `Write-Output`, a PowerShell string (`"A=1"`, `"A={0}" -f $x`,
 * `"A=1`nB=2"`), or
 * what `cat`, `tee`, `Out-File` and `dd` are given on their input. Undefined when isolint cannot know them. A chain
 * of programs that pass their input on (`… | cat | tee x | …`, thousands long) is walked in a loop, not recursion.
 */
function contentOf(words: readonly ShellWord[], pipes: Pipes): string[] | undefined {
  const chain: (readonly ShellWord[])[] = []
  let at: readonly ShellWord[] | undefined = words
  let lines: string[] | undefined
  for (;;) {
    if (pipes.printed.has(at)) {
      lines = pipes.printed.get(at)
      break
    }
    chain.push(at)
    const passes = passesInput(at, pipes.dialect)
    if (passes === undefined) {
      lines = printedBy(at, pipes)
      break
    }
    const heredoc = passes ? pipes.heredocs.get(at) : undefined
    if (!passes || heredoc?.body !== undefined) {
      lines = heredoc ? heredocLines(heredoc) : undefined
      break
    }
    at = pipes.previous.get(at)
    if (!at) break
  }
  for (const c of chain) pipes.printed.set(c, lines)
  return lines
}

/**
 * Whether a command prints what it is given on its input (`tee`, `Out-File`, `dd` with no `if=`, `cat` with no file
 * argument): true; false when it is such a program but prints something else (`cat vars.env`); undefined for others.
 */
function passesInput(words: readonly ShellWord[], dialect: ShellDialect): boolean | undefined {
  const program = programOf(words)
  if (program === 'tee' || program === 'out-file') return true
  if (program === 'dd') return !words.some((w) => /^if=/i.test(w.value))
  // `cat <<EOF`, `… | cat`: its input; `cat vars.env`: a file isolint does not read.
  if (program === 'cat' && dialect === 'posix') return words.slice(1).every((w) => w.value === '-')
  return undefined
}

/** The lines a command that reads no input prints (see {@link contentOf}). */
function printedBy(words: readonly ShellWord[], pipes: Pipes): string[] | undefined {
  const { dialect } = pipes
  const program = programOf(words)
  const args = words.slice(1).map((w) => w.value)
  if (dialect === 'powershell') {
    // A string as a command prints itself (`"A={0}" -f $x` formats it); followed by anything else (`+ $x`), unknown.
    if (words[0]?.quoted) return words.length === 1 || /^-f$/i.test(words[1]!.value) ? powershellValue(words[0], pipes) : undefined
    if (program === 'echo' || program === 'write-output' || program === 'write') {
      if (args.length === 0 || args.some((a) => a.startsWith('-'))) return undefined
      const values = words.slice(1).map((w) => powershellValue(w, pipes))
      return values.every((v) => v !== undefined) ? values.flat() : undefined
    }
    return undefined
  }
  if (program === 'echo') {
    let k = 0
    let escapes = false
    while (dialect === 'posix' && /^-[neE]+$/.test(args[k] ?? '')) {
      if (args[k]!.includes('e')) escapes = true
      k++
    }
    const text = args.slice(k).join(' ')
    return escapes ? text.split('\\n') : [text]
  }
  if (program === 'printf' && dialect === 'posix') return printfLines(args)
  return undefined
}

/**
 * A PowerShell word's value as lines: the tokenizer read its escapes (`` `n `` in a double-quoted string or a
 * here-string breaks the line, single quotes keep the backtick); undefined for an array (`"A=1","B=2"`: a line each).
 */
function powershellValue(word: ShellWord, pipes: Pipes): string[] | undefined {
  return pipes.arrays.has(word) ? undefined : [word.value]
}

/** A here-document's lines (`<<-` strips the leading tabs; names the shell expands, as in `$NAME=1`, stay unreadable to {@link EnvFile}). */
function heredocLines(heredoc: Redirection): string[] {
  const lines = heredoc.body!.split('\n')
  return heredoc.op === '<<-' ? lines.map((l) => l.replace(/^\t+/, '')) : lines
}

/** What a command reads on its input: its here-document, or what the command before it prints into the pipe. */
function inputOf(words: readonly ShellWord[], pipes: Pipes): string[] | undefined {
  const heredoc = pipes.heredocs.get(words)
  if (heredoc?.body !== undefined) return heredocLines(heredoc)
  const from = pipes.previous.get(words)
  return from ? contentOf(from, pipes) : undefined
}

/** `printf FORMAT ARG…` with `%s` conversions only; undefined for any other. */
function printfLines(args: readonly string[]): string[] | undefined {
  const format = args[0]
  if (format === undefined) return undefined
  let k = 1
  let failed = false
  const text = format.replace(/%(.)/g, (_, c: string) => {
    if (c === '%') return '%'
    if (c !== 's') failed = true
    return args[k++] ?? ''
  })
  // Arguments left over reuse the format: more lines than isolint reads here.
  if (failed || k < args.length) return undefined
  return text.split('\\n')
}

/**
 * A command that writes the file it names: `tee -a $GITHUB_ENV`, `Out-File -FilePath $env:GITHUB_ENV -Append`,
 * `Add-Content -Path $env:GITHUB_ENV -Value "A=1"`, `Set-Content`. The lines written, null when isolint cannot know
 * them, undefined when the command is none of these.
 */
function fileWrite(words: readonly ShellWord[], program: string, pipes: Pipes): string[] | null | undefined {
  if (program === 'dd') {
    // `… | dd of="$GITHUB_ENV" oflag=append conv=notrunc`: what is piped in, unless `if=` names another input.
    const of = words.find((w) => /^of=/i.test(w.value))
    if (!of || !FILE_REF.test(of.value.slice(3))) return undefined
    return words.some((w) => /^if=/i.test(w.value)) ? null : (contentOf(words, pipes) ?? null)
  }
  const names = words.slice(1).some((w) => FILE_REF.test(w.value))
  if (!names) return undefined
  if (program === 'tee' || program === 'out-file') return contentOf(words, pipes) ?? null
  if (['add-content', 'ac', 'set-content', 'sc'].includes(program)) {
    const args = words.slice(1)
    const value = args.findIndex((w) => /^-value$/i.test(w.value))
    // `-Value "A=1","B=2"` or `"A=1" ,"B=2"`: an array, one line each (read as unknown).
    if (args.some((w) => w.value.startsWith(','))) return null
    const given = value >= 0 ? (args[value + 1] ?? null) : positionalValue(args)
    if (given === null) return null
    if (given) return (pipes.dialect === 'powershell' ? powershellValue(given, pipes) : [given.value]) ?? null
    return inputOf(words, pipes) ?? null
  }
  return undefined
}

/**
 * The positional value of `Add-Content $env:GITHUB_ENV "A=1"` or `Add-Content -Path $env:GITHUB_ENV "A=1"`; undefined
 * when none is given (the pipeline's input is written).
 */
function positionalValue(args: readonly ShellWord[]): ShellWord | undefined {
  const named = args.some((w, k) => /^-(?:path|literalpath)$/i.test(w.value) && FILE_REF.test(args[k + 1]?.value ?? ''))
  const positional = args.filter((w, k) => !w.value.startsWith('-') && !/^-(?:path|literalpath|encoding)$/i.test(args[k - 1]?.value ?? ''))
  const at = named ? 0 : FILE_REF.test(positional[0]?.value ?? '') ? 1 : -1
  return at < 0 ? undefined : positional[at]
}
