/**
 * Finds docker commands in shell scripts (`run:` steps, Makefile recipes) without running a shell: a tolerant
 * tokenizer for POSIX sh, PowerShell and cmd that keeps every word's source offsets, and a docker CLI argument
 * parser that knows which options take a value. Never throws: unterminated quotes and odd syntax end a word or a
 * command, they do not stop the scan.
 */
import { scanExpressionEnd } from '../core/expressions.js'
import type { Span } from '../core/span.js'
import type { Mount } from '../model/mount.js'
import type {
  BuildArg,
  DockerBuildCommand,
  DockerCommand,
  DockerComposeCommand,
  DockerPullCommand,
  DockerRunCommand,
  Word,
} from '../model/workflow.js'
import { shortVolumeSource } from './compose.js'

/** The shell language a script is written in. */
export type ShellDialect = 'posix' | 'powershell' | 'cmd'

/** A word of a simple command, quotes removed, with the script offset of every character of its value. */
export interface ShellWord {
  readonly value: string
  /** Offset of the word's first character as written (an opening quote included). */
  readonly start: number
  /** Offset just after the word as written (a closing quote included). */
  readonly end: number
  /** Script offset of each character of `value`. */
  readonly offsets: readonly number[]
  /** True when any part of the word was quoted. */
  readonly quoted: boolean
}

/**
 * Extracts the docker commands of a script. `at` maps offsets in `script` (start inclusive, end exclusive) to a
 * source span, so that a caller can place words in the file the script was taken from.
 */
export function extractDockerCommands(
  script: string,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerCommand[] {
  const out: DockerCommand[] = []
  for (const words of splitCommands(script, dialect)) {
    const command = recognize(words, dialect, at)
    if (command) out.push(command)
  }
  return out
}

/**
 * The simple commands of a script that run another file isolint can follow (`make`, `./build.ps1`, `pwsh x.ps1`,
 * `bash ./ci/build.sh`, `call build.cmd`), as words with their spans.
 */
export function extractInvocations(
  script: string,
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): Word[][] {
  const out: Word[][] = []
  for (const words of splitCommands(script, dialect)) {
    let k = 0
    while (k < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]!.value) && dialect === 'posix') k++
    if (words[k] && (words[k]!.value === '&' || words[k]!.value === '.')) k++
    const first = words[k]
    if (!first || !INVOCATION.test(first.value)) continue
    out.push(words.slice(k).map((w) => ({ value: w.value, span: at(w.start, w.end) })))
  }
  return out
}

const INVOCATION = /^(?:(?:.*[\\/])?(?:g?make|mingw32-make|pwsh|powershell|bash|sh|call|cmd)(?:\.exe)?|.*\.(?:ps1|sh|cmd|bat))$/i

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
export function splitCommands(script: string, dialect: ShellDialect): ShellWord[][] {
  return new Tokenizer(script, dialect).run()
}

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer

const BLANK = new Set([' ', '\t', '\r', '\f', '\v', '\u00a0', '\ufeff'])

const TERMINATORS: Record<ShellDialect, Set<string>> = {
  posix: new Set([';', '&', '|', '(', ')', '<', '>']),
  powershell: new Set([';', '&', '|', '(', ')', '{', '}', '<', '>']),
  cmd: new Set(['&', '|', '<', '>', ')']),
}

/** Characters that may end a word or need a look (quotes, escapes, expansions); the rest are copied as they are. */
const SPECIAL: Record<ShellDialect, Set<string>> = Object.fromEntries(
  (['posix', 'powershell', 'cmd'] as const).map((d) => [
    d,
    new Set([...BLANK, ...TERMINATORS[d], '\n', '$', '\\', "'", '"', '`', '^', '@']),
  ]),
) as Record<ShellDialect, Set<string>>

class Tokenizer {
  private i = 0
  private readonly commands: ShellWord[][] = []
  private current: ShellWord[] = []
  private readonly heredocs: string[] = []

  constructor(
    private readonly s: string,
    private readonly dialect: ShellDialect,
  ) {}

  run(): ShellWord[][] {
    const s = this.s
    while (this.i < s.length) {
      const before = this.i
      const c = s[this.i]!
      if (c === '\n') {
        this.endCommand()
        this.i++
        if (this.heredocs.length > 0) this.skipHeredocs()
      } else if (BLANK.has(c)) {
        this.i++
      } else if (!this.continuation() && !this.comment() && !this.operator()) {
        this.word()
      }
      if (this.i === before) this.i++ // never stall, whatever the input
    }
    this.endCommand()
    return this.commands
  }

  private endCommand(): void {
    if (this.current.length > 0) this.commands.push(this.current)
    this.current = []
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
        if (/<<-?$/.test(op) && !op.endsWith('<<<') && target) this.heredocs.push(target.value)
        return true
      }
      if (two === '&&' || two === '||' || two === ';;' || two === '|&' || two === ';&') {
        this.endCommand()
        this.i += 2
        return true
      }
      if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
        this.endCommand()
        this.i++
        return true
      }
      return false
    }
    if (this.dialect === 'powershell') {
      const redirect = /^(?:[1-6*]?>>?(?:&[12])?|<)/.exec(s.slice(i, i + 5))
      if (redirect) {
        this.i = i + redirect[0].length
        if (!redirect[0].includes('&')) this.readTarget()
        return true
      }
      if (two === '&&' || two === '||' || two === '@(' || two === '@{') {
        this.endCommand()
        this.i += 2
        return true
      }
      if (c === '&') {
        // `& cmd` at the start of a command (or after `$x =`) is the call operator; elsewhere `&` backgrounds
        // the pipeline.
        const lastWord = this.current[this.current.length - 1]
        if (lastWord && !/^[-+*/]?=$/.test(lastWord.value)) this.endCommand()
        this.i++
        return true
      }
      if (c === ';' || c === '|' || c === '(' || c === ')' || c === '{' || c === '}') {
        this.endCommand()
        this.i++
        return true
      }
      return false
    }
    // cmd
    const redirect = /^(?:\d?>>?(?:&\d)?|\d?<(?:&\d)?)/.exec(s.slice(i, i + 5))
    if (redirect) {
      this.i = i + redirect[0].length
      if (!redirect[0].includes('&')) this.readTarget()
      return true
    }
    if (two === '&&' || two === '||') {
      this.endCommand()
      this.i += 2
      return true
    }
    if (c === '&' || c === '|' || c === '(' || c === ')') {
      this.endCommand()
      this.i++
      return true
    }
    if (c === '@' && this.current.length === 0) {
      this.i++
      return true
    }
    return false
  }

  /** Reads (and drops) the target word of a redirection. */
  private readTarget(): ShellWord | undefined {
    while (this.i < this.s.length && BLANK.has(this.s[this.i]!)) this.i++
    if (this.i >= this.s.length || this.s[this.i] === '\n') return undefined
    if (TERMINATORS[this.dialect].has(this.s[this.i]!)) return undefined
    return this.readWord()
  }

  private skipHeredocs(): void {
    const s = this.s
    while (this.heredocs.length > 0) {
      const delimiter = this.heredocs.shift()!.trim()
      for (;;) {
        if (this.i >= s.length) return
        const nl = s.indexOf('\n', this.i)
        const lineEnd = nl < 0 ? s.length : nl
        const line = s.slice(this.i, lineEnd).trim()
        this.i = nl < 0 ? s.length : nl + 1
        if (line === delimiter) break
      }
    }
  }

  private word(): void {
    const w = this.readWord()
    if (w) this.current.push(w)
  }

  private readWord(): ShellWord | undefined {
    const s = this.s
    const d = this.dialect
    const start = this.i
    let value = ''
    const offsets: number[] = []
    let quoted = false
    const push = (at: number): void => {
      value += s[at]
      offsets.push(at)
    }
    const pushRaw = (from: number, to: number): void => {
      for (let k = from; k < to && k < s.length; k++) push(k)
    }
    const terminators = TERMINATORS[d]
    const special = SPECIAL[d]
    while (this.i < s.length) {
      const i = this.i
      const c = s[i]!
      if (!special.has(c)) {
        // Fast path: a run of ordinary characters.
        let j = i + 1
        while (j < s.length && !special.has(s[j]!)) j++
        value += s.slice(i, j)
        for (let k = i; k < j; k++) offsets.push(k)
        this.i = j
        continue
      }
      if (c === '$' && s.startsWith('${{', i)) {
        const end = scanExpressionEnd(s, i)
        pushRaw(i, end)
        this.i = end
        continue
      }
      if (c === '\n' || BLANK.has(c)) break
      if (terminators.has(c)) break
      if (d === 'posix') {
        if (c === '\\') {
          const lb = this.lineBreakEnd(i + 1)
          if (lb >= 0) this.i = lb
          else if (i + 1 < s.length) {
            push(i + 1)
            this.i = i + 2
          } else {
            push(i)
            this.i = i + 1
          }
          continue
        }
        if (c === "'") {
          quoted = true
          this.i = this.quoted(i + 1, "'", push, pushRaw)
          continue
        }
        if (c === '"') {
          quoted = true
          this.i = this.quoted(i + 1, '"', push, pushRaw)
          continue
        }
        if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
          const end = s[i + 1] === '(' ? scanBalanced(s, i + 1, '(', ')', d) : scanBalanced(s, i + 1, '{', '}', d)
          pushRaw(i, end)
          this.i = end
          continue
        }
        if (c === '`') {
          const close = s.indexOf('`', i + 1)
          const end = close < 0 ? s.length : close + 1
          pushRaw(i, end)
          this.i = end
          continue
        }
      } else if (d === 'powershell') {
        if (c === '`') {
          if (this.backtickContinuationEnd(i) >= 0) break
          push(i + 1)
          this.i = i + 2
          continue
        }
        if (c === '@' && i === start && (s[i + 1] === '"' || s[i + 1] === "'")) {
          const lb = this.lineBreakEnd(i + 2)
          if (lb >= 0) {
            quoted = true
            const closer = `\n${s[i + 1]}@`
            const close = s.indexOf(closer, lb - 1)
            const bodyEnd = close < 0 ? s.length : close
            pushRaw(lb, bodyEnd)
            this.i = close < 0 ? s.length : close + closer.length
            continue
          }
        }
        if (c === "'" || c === '"') {
          quoted = true
          this.i = this.quoted(i + 1, c, push, pushRaw)
          continue
        }
        if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
          const end = s[i + 1] === '(' ? scanBalanced(s, i + 1, '(', ')', d) : scanBalanced(s, i + 1, '{', '}', d)
          pushRaw(i, end)
          this.i = end
          continue
        }
      } else {
        if (c === '^') {
          const lb = this.lineBreakEnd(i + 1)
          if (lb >= 0) this.i = lb
          else if (i + 1 < s.length) {
            push(i + 1)
            this.i = i + 2
          } else {
            this.i = i + 1
          }
          continue
        }
        if (c === '"') {
          quoted = true
          this.i = this.quoted(i + 1, '"', push, pushRaw)
          continue
        }
      }
      push(i)
      this.i = i + 1
    }
    if (this.i === start) return undefined
    return { value, start, end: this.i, offsets, quoted }
  }

  /** Reads a quoted section whose body starts at `from`; returns the offset after the closing quote. */
  private quoted(
    from: number,
    quote: string,
    push: (at: number) => void,
    pushRaw: (from: number, to: number) => void,
  ): number {
    const s = this.s
    const d = this.dialect
    let i = from
    while (i < s.length) {
      const c = s[i]!
      if (c === '$' && s.startsWith('${{', i)) {
        const end = scanExpressionEnd(s, i)
        pushRaw(i, end)
        i = end
        continue
      }
      if (c === quote) {
        if (d === 'powershell' && s[i + 1] === quote) {
          push(i)
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
            push(i + 1)
            i += 2
            continue
          }
        }
        if (c === '$' && s[i + 1] === '(') {
          const end = scanBalanced(s, i + 1, '(', ')', d)
          pushRaw(i, end)
          i = end
          continue
        }
        if (c === '`') {
          const close = s.indexOf('`', i + 1)
          const end = close < 0 ? s.length : close + 1
          pushRaw(i, end)
          i = end
          continue
        }
      }
      if (quote === '"' && d === 'powershell') {
        if (c === '`' && i + 1 < s.length) {
          push(i + 1)
          i += 2
          continue
        }
        if (c === '$' && s[i + 1] === '(') {
          const end = scanBalanced(s, i + 1, '(', ')', d)
          pushRaw(i, end)
          i = end
          continue
        }
      }
      push(i)
      i++
    }
    return s.length
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

// ---------------------------------------------------------------------------------------------------------------
// Docker command recognition

const POSIX_PREFIX_KEYWORDS = new Set([
  'if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', '{', 'exec', 'command', 'nohup', 'builtin', 'env',
])

/** sudo options that take a value. */
const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R'])

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/

function recognize(
  words: readonly ShellWord[],
  dialect: ShellDialect,
  at: (start: number, end: number) => Span,
): DockerCommand | undefined {
  let k = 0
  for (;;) {
    const w = words[k]
    if (!w) return undefined
    const v = w.value
    if (dialect === 'posix' && ASSIGNMENT.test(v) && w.offsets[0] === w.start) {
      k++
      continue
    }
    if (dialect === 'posix' && !w.quoted && POSIX_PREFIX_KEYWORDS.has(v)) {
      k++
      continue
    }
    if (dialect === 'powershell' && /^\$[\w:]+$/.test(v) && /^[-+*/]?=$/.test(words[k + 1]?.value ?? '')) {
      k += 2
      continue
    }
    if (dialect === 'powershell' && v === '.' && !w.quoted) {
      k++
      continue
    }
    if (dialect === 'cmd' && v.toLowerCase() === 'call') {
      k++
      continue
    }
    if (v === 'sudo') {
      k++
      while (words[k]?.value.startsWith('-')) {
        const opt = words[k]!.value
        k++
        if (opt === '--') break
        if (SUDO_VALUE_OPTIONS.has(opt)) k++
      }
      continue
    }
    break
  }
  const program = commandName(words[k]!.value)
  if (program === 'docker') return parseDocker(words, k, at)
  if (program === 'docker-compose') return parseCompose(words, k, k + 1, at)
  return undefined
}

/** The program a command word runs: its base name, lower-cased, without `.exe`. */
function commandName(word: string): string {
  const base = word.split(/[\\/]/).pop() ?? word
  return base.toLowerCase().replace(/\.exe$/, '')
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

interface ParsedOption {
  readonly name: string
  readonly value?: Word
}

interface ParsedArgs {
  readonly options: ParsedOption[]
  readonly positionals: { readonly word: ShellWord; readonly index: number }[]
}

/** Parses options and positionals from `words[from..]`; stops at the first positional unless interspersed. */
function parseArgs(
  words: readonly ShellWord[],
  from: number,
  table: OptionTable,
  at: (start: number, end: number) => Span,
): ParsedArgs {
  const options: ParsedOption[] = []
  const positionals: { word: ShellWord; index: number }[] = []
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
      positionals.push({ word: w, index: j })
      j++
      if (!table.interspersed) break
      continue
    }
    if (v === '--') {
      onlyPositionals = true
      j++
      continue
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=')
      if (eq >= 0) {
        options.push(option(v.slice(0, eq), w, eq + 1, at))
        j++
      } else if (table.takesValue(v) && j + 1 < words.length) {
        options.push(option(v, words[j + 1]!, 0, at))
        j += 2
      } else {
        options.push({ name: v })
        j++
      }
      continue
    }
    // A short option cluster: -it, -dit, -fDockerfile, -f=Dockerfile, -f Dockerfile.
    let consumedNext = false
    for (let p = 1; p < v.length; p++) {
      const name = `-${v[p]}`
      if (!table.takesValue(name)) {
        options.push({ name })
        continue
      }
      if (p + 1 < v.length) {
        options.push(option(name, w, v[p + 1] === '=' ? p + 2 : p + 1, at))
      } else if (j + 1 < words.length) {
        options.push(option(name, words[j + 1]!, 0, at))
        consumedNext = true
      } else {
        options.push({ name })
      }
      break
    }
    j += consumedNext ? 2 : 1
  }
  return { options, positionals }
}

/**
 * A word that is a single unquoted expression named like a set of options (`${{ inputs.docker_run_options }}`,
 * `${{ matrix.build_args }}`): it expands to options, not to the image or the context, so it is skipped.
 */
function isOptionBundle(w: ShellWord): boolean {
  return (
    !w.quoted &&
    /^\$\{\{[^}]*\}\}$/.test(w.value) &&
    /(?:options|opts|args|flags|arguments|params)\s*\}\}$/i.test(w.value)
  )
}

function option(name: string, word: ShellWord, from: number, at: (start: number, end: number) => Span): ParsedOption {
  return { name, value: subWord(word, from, at) }
}

/** The part of a word from value index `from` on, with the span of that part as written. */
function subWord(word: ShellWord, from: number, at: (start: number, end: number) => Span): Word {
  if (from <= 0) return { value: word.value, span: at(word.start, word.end) }
  const start = from >= word.offsets.length ? word.end : word.offsets[from - 1]! + 1
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
  return at(words[first]!.start, last(words)!.end)
}

function parseDocker(
  words: readonly ShellWord[],
  k: number,
  at: (start: number, end: number) => Span,
): DockerCommand | undefined {
  const global = parseArgs(words, k + 1, DOCKER_GLOBAL, at)
  const sub = global.positionals[0]
  if (!sub) return undefined
  const name = sub.word.value
  const next = (index: number): { value: string; index: number } | undefined => {
    const w = words[index]
    return w ? { value: w.value, index } : undefined
  }
  switch (name) {
    case 'build':
      return parseBuild(words, k, sub.index + 1, at)
    case 'buildx': {
      const rest = parseArgs(words, sub.index + 1, BUILDX_GLOBAL, at).positionals[0]
      if (rest && (rest.word.value === 'build' || rest.word.value === 'b')) {
        return parseBuild(words, k, rest.index + 1, at)
      }
      return undefined
    }
    case 'builder':
    case 'image': {
      const s2 = next(sub.index + 1)
      if (s2?.value === 'build') return parseBuild(words, k, s2.index + 1, at)
      if (name === 'image' && s2?.value === 'pull') return parsePull(words, k, s2.index + 1, at)
      return undefined
    }
    case 'container': {
      const s2 = next(sub.index + 1)
      if (s2?.value === 'run' || s2?.value === 'create') return parseRun(s2.value, words, k, s2.index + 1, at)
      return undefined
    }
    case 'run':
    case 'create':
      return parseRun(name, words, k, sub.index + 1, at)
    case 'pull':
      return parsePull(words, k, sub.index + 1, at)
    case 'compose':
      return parseCompose(words, k, sub.index + 1, at)
    default:
      return undefined
  }
}

function parseBuild(
  words: readonly ShellWord[],
  k: number,
  from: number,
  at: (start: number, end: number) => Span,
): DockerBuildCommand {
  const args = parseArgs(words, from, BUILD, at)
  let file: Word | undefined
  let isolation: Word | undefined
  let platform: Word | undefined
  let target: Word | undefined
  const tags: Word[] = []
  const buildArgs: BuildArg[] = []
  for (const o of args.options) {
    if (!o.value) continue
    switch (o.name) {
      case '-f':
      case '--file':
        file = o.value
        break
      case '-t':
      case '--tag':
        tags.push(o.value)
        break
      case '--build-arg':
        buildArgs.push(buildArg(o.value))
        break
      case '--isolation':
        isolation = o.value
        break
      case '--platform':
        platform = o.value
        break
      case '--target':
        target = o.value
        break
    }
  }
  const ctx = args.positionals[0]
  return {
    type: 'build',
    span: commandSpan(words, k, at),
    ...(file && { file }),
    ...(ctx && { context: subWord(ctx.word, 0, at) }),
    tags,
    buildArgs,
    ...(isolation && { isolation }),
    ...(platform && { platform }),
    ...(target && { target }),
  }
}

/** `NAME=value` → name and value; `NAME` alone → no value (docker takes it from the environment). */
export function buildArg(word: Word): BuildArg {
  const eq = word.value.indexOf('=')
  if (eq < 0) return { name: word.value, span: word.span }
  return { name: word.value.slice(0, eq), value: word.value.slice(eq + 1), span: word.span }
}

function parseRun(
  type: 'run' | 'create',
  words: readonly ShellWord[],
  k: number,
  from: number,
  at: (start: number, end: number) => Span,
): DockerRunCommand {
  const args = parseArgs(words, from, RUN, at)
  let isolation: Word | undefined
  let platform: Word | undefined
  const mounts: Mount[] = []
  for (const o of args.options) {
    if (o.name === '--isolation' && o.value) isolation = o.value
    if (o.name === '--platform' && o.value) platform = o.value
    if ((o.name === '-v' || o.name === '--volume') && o.value) {
      const source = shortVolumeSource(o.value.value)
      if (source !== undefined) mounts.push({ source, span: o.value.span })
    }
    if (o.name === '--mount' && o.value) {
      const mount = mountOption(o.value)
      if (mount) mounts.push(mount)
    }
  }
  const image = args.positionals[0]
  return {
    type,
    span: commandSpan(words, k, at),
    ...(image && { image: subWord(image.word, 0, at) }),
    ...(isolation && { isolation }),
    ...(platform && { platform }),
    ...(mounts.length > 0 && { mounts }),
  }
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

function parsePull(
  words: readonly ShellWord[],
  k: number,
  from: number,
  at: (start: number, end: number) => Span,
): DockerPullCommand {
  const args = parseArgs(words, from, PULL, at)
  let platform: Word | undefined
  for (const o of args.options) if (o.name === '--platform' && o.value) platform = o.value
  const image = args.positionals[0]
  return {
    type: 'pull',
    span: commandSpan(words, k, at),
    ...(image && { image: subWord(image.word, 0, at) }),
    ...(platform && { platform }),
  }
}

function parseCompose(
  words: readonly ShellWord[],
  k: number,
  from: number,
  at: (start: number, end: number) => Span,
): DockerComposeCommand {
  const args = parseArgs(words, from, COMPOSE_GLOBAL, at)
  const files: Word[] = []
  const profiles: Word[] = []
  const envFiles: Word[] = []
  for (const o of args.options) {
    if (!o.value) continue
    if (o.name === '-f' || o.name === '--file') files.push(o.value)
    else if (o.name === '--profile') profiles.push(o.value)
    else if (o.name === '--env-file') envFiles.push(o.value)
  }
  const sub = args.positionals[0]
  const services: Word[] = []
  if (sub && /^(?:up|create|start|run|build|pull)$/.test(sub.word.value)) {
    const rest = parseArgs(words, sub.index + 1, COMPOSE_SUB, at)
    for (const p of rest.positionals) {
      services.push(subWord(p.word, 0, at))
      if (sub.word.value === 'run') break
    }
  }
  return {
    type: 'compose',
    span: commandSpan(words, k, at),
    files,
    ...(sub && { subcommand: sub.word.value }),
    ...(profiles.length > 0 && { profiles }),
    ...(envFiles.length > 0 && { envFiles }),
    ...(services.length > 0 && { services }),
  }
}
