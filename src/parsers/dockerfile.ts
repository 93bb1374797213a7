/**
 * Dockerfiles: from the instructions of `dockerfile-reader.ts` to isolint's located model, plus FROM expansion with the
 * builder's rules (global ARGs, build args, quotes, `${X:-default}`), stage selection and base-image chains.
 *
 * `dockerfile-reader.ts` splits the text into instructions (one pass; `dockerfile-ast` as reference and fallback)
 * and gives their offsets; {@link Converter} turns offsets into spans. Words are then split here the way BuildKit
 * splits them (FROM on whitespace; ARG with quotes), so that spans cover exactly the text as written.
 */
import { readInstructions } from './dockerfile-reader.js'
import type { RawInstruction } from './dockerfile-reader.js'
import { getIgnoreCase } from '../core/lookup.js'
import { MAX_SUBSTITUTION_DEPTH, substitute } from '../core/substitution.js'
import { EMPTY_LIST, sizedCopy } from '../core/sized-copy.js'
import { LineIndex, lineSpan } from '../core/span.js'
import { CR, LF, SP, TAB } from './char-codes.js'
import type { Located, Span } from '../core/span.js'
import type { ArgDecl, DockerfileModel, FromFlag, FromRef, ResolvedStage, Stage } from '../model/dockerfile.js'
import type { Writable } from '../model/workflow.js'

/** A problem that stops a Dockerfile from being read; it becomes a `parse-error` finding. */
export interface DockerfileProblem {
  readonly message: string
  readonly span: Span
}

/** Result of {@link parseDockerfile}: `model` is undefined whenever `problems` is not empty. */
export interface DockerfileParseResult {
  readonly model?: DockerfileModel
  readonly problems: DockerfileProblem[]
}

/** Which builder decides the stages a build runs; see {@link stagesToBuild}. */
export type DockerBuilder = 'buildkit' | 'classic'

/** Every instruction the Dockerfile frontend knows; anything else makes the builder reject the file. */
const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
])

/** ARGs the builder defines in the global scope without a declaration (values only known when given). */
const PREDEFINED_ARGS = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
])

/** Template markers (Go/gomplate/Helm `{{`, Jinja `{%`/`{#`, Cottle `{{ ... }}`) where an instruction should be. */
const TEMPLATE_KEYWORD_RE = /^(?:\{\{|\{%|\{#|\}\}|%\}|#\})/
const ARG_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Upper bound on `FROM <stage>` hops when looking for the image a stage builds on. */
const MAX_STAGE_HOPS = 10_000

/**
 * Parses a Dockerfile into a located model. Never throws.
 *
 * A UTF-8 BOM is stripped before parsing, so a `# escape=`` ` directive right after it is still recognised; spans
 * count columns in the text without the BOM. `file` is the POSIX relative path put into every span.
 *
 * Problems (and then no model): template syntax at an instruction position or in a FROM image (a template must be
 * rendered first), an unknown instruction, no FROM in a file with instructions, an instruction other than ARG
 * before the first FROM, FROM without an image or with a wrong number of arguments. An empty or comments-only file
 * gives a model with no stages.
 */
export function parseDockerfile(file: string, text: string): DockerfileParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = new LineIndex(src)
  try {
    return parse(file, src, lines)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const span = lineSpan(file, 1, lines.lineText(1))
    return { problems: [{ message: `cannot parse Dockerfile: ${message}`, span }] }
  }
}

/** Converts instruction offsets to 1-based spans: the only place. */
class Converter {
  /** Whether the text has a CR (then a line may end at one: lines are not found with `indexOf`). */
  private readonly cr: boolean

  constructor(
    readonly file: string,
    readonly src: string,
    readonly lines: LineIndex,
  ) {
    this.cr = src.includes('\r')
  }

  span(start: number, end: number): Span {
    return this.lines.span(this.file, start, end)
  }

  /** Offset `end` moved back over trailing blanks, not before `start`. */
  trimEnd(start: number, end: number): number {
    const src = this.src
    let e = end
    let c = src.charCodeAt(e - 1)
    while (e > start && (c === SP || c === TAB)) c = src.charCodeAt(--e - 1)
    return e
  }

  /** The instruction's keyword up to the end of its first line (trailing blanks excluded). */
  firstLine(ins: RawInstruction): Span {
    const start = ins.start
    // The end of its line (the first CR or LF after it; the keyword is not a line break), within the instruction.
    const end = Math.max(ins.end, start)
    const src = this.src
    let lineEnd: number
    if (!this.cr) {
      const nl = src.indexOf('\n', start)
      lineEnd = nl < 0 || nl > end ? end : nl
    } else {
      lineEnd = start
      while (lineEnd < end && src.charCodeAt(lineEnd) !== LF && src.charCodeAt(lineEnd) !== CR) lineEnd++
    }
    return this.span(start, this.trimEnd(start, lineEnd))
  }

  /** The whole instruction, continuation lines and heredoc bodies included (trailing blanks excluded). */
  whole(ins: RawInstruction): Span {
    return this.span(ins.start, this.trimEnd(ins.start, ins.end))
  }
}

interface MutableStage {
  index: number
  name?: string
  from: FromRef
  runs: Growing<Span>
  fromRefs: Growing<FromFlag>
}

function parse(file: string, src: string, lines: LineIndex): DockerfileParseResult {
  const conv = new Converter(file, src, lines)
  const { escapeChar, instructions } = readInstructions(src)

  // One pass over the instructions. Problems rank as the builder meets them: template syntax anywhere first, then
  // the first unknown instruction (the builder stops there), then no FROM at all, then the others in order.
  const problems: DockerfileProblem[] = []
  let globalArgs: Growing<ArgDecl> = EMPTY_LIST
  const stages: MutableStage[] = []
  let unknown: RawInstruction | undefined
  let seenFrom = false
  for (let i = 0; i < instructions.length; i++) {
    const ins = instructions[i]!
    const keyword = ins.keyword
    let fromWords: InstructionWord[] | undefined
    const written = ins.written
    const first = written.charCodeAt(0)
    // Only a keyword starting with `{`, `}`, `%` or `#` can be a template marker.
    if ((first === 123 || first === 125 || first === 37 || first === 35) && TEMPLATE_KEYWORD_RE.test(written)) {
      return { problems: [templateProblem(conv, ins, written.slice(0, 2))] }
    } else if (keyword === 'FROM') {
      // FROM arguments are split once: looked at for template syntax first, then read.
      fromWords = splitWords(src, ins.keywordEnd, ins.end, escapeChar, false)
      for (let w = 0; w < fromWords.length; w++) {
        const marker = templateInWord(fromWords[w]!.text)
        if (marker !== undefined) return { problems: [templateProblem(conv, ins, marker)] }
      }
    }
    if (unknown !== undefined) continue // only template syntax is looked for after an unknown instruction
    // Like the builder, stop at the first unknown instruction (a file that is not a Dockerfile has many).
    if (!INSTRUCTIONS.has(keyword)) {
      unknown = ins
      continue
    }
    const current = stages[stages.length - 1]
    if (keyword === 'FROM') {
      seenFrom = true
      const from = parseFrom(conv, ins, fromWords!)
      if ('message' in from) {
        problems.push(from)
        continue
      }
      stages.push(newStage(stages.length, from.ref, from.name))
    } else if (!seenFrom) {
      if (keyword === 'ARG') globalArgs = parseArgInstruction(conv, ins, escapeChar, globalArgs)
      else {
        problems.push({
          message: `${ins.written} before the first FROM: only ARG instructions may precede FROM`,
          span: conv.firstLine(ins),
        })
      }
    } else if (!current) {
      continue // after a FROM that was reported as a problem
    } else if (keyword === 'RUN') {
      current.runs = added(current.runs, conv.whole(ins))
      if (hasFlags(src, ins, escapeChar)) {
        const mounts = flagWords(conv, ins, escapeChar, '--mount=')
        for (let m = 0; m < mounts.length; m++) {
          const mount = mounts[m]!
          const from = mountFrom(mount.value)
          if (from !== undefined) {
            current.fromRefs = added(current.fromRefs, { value: from, span: mount.span, via: 'RUN --mount' })
          }
        }
      }
    } else if ((keyword === 'COPY' || keyword === 'ADD') && hasFlags(src, ins, escapeChar)) {
      const froms = flagWords(conv, ins, escapeChar, '--from=')
      for (let f = 0; f < froms.length; f++) {
        const w = froms[f]!
        // A literal, not a concatenation: models keep it (a concatenated string is one more object per reference).
        current.fromRefs = added(current.fromRefs, { value: w.value, span: w.span, via: keyword === 'COPY' ? 'COPY --from' : 'ADD --from' })
      }
    }
  }
  if (unknown !== undefined) {
    return { problems: [{ message: `unknown instruction: ${unknown.written}`, span: conv.firstLine(unknown) }] }
  }
  if (instructions.length > 0 && !seenFrom) {
    return { problems: [{ message: 'no FROM instruction', span: conv.firstLine(instructions[0]!) }] }
  }
  if (problems.length > 0) return { problems }
  for (const growing of stages) {
    // The same object, from now on holding the lists the model keeps (no longer grown).
    const stage: Writable<Stage> = growing
    stage.runs = kept(stage.runs)
    stage.fromRefs = kept(stage.fromRefs)
  }
  // The stages were pushed (spare room): a copy of their size.
  const model: DockerfileModel = { kind: 'dockerfile', file, escapeChar, globalArgs: kept(globalArgs), stages: sizedCopy(stages) }
  return { model, problems }
}

/** A stage as its FROM starts it (a literal of one shape per case: cheaper than a conditional spread). */
function newStage(index: number, from: FromRef, name: string | undefined): MutableStage {
  return name !== undefined
    ? { index, name, from, runs: EMPTY_LIST, fromRefs: EMPTY_LIST }
    : { index, from, runs: EMPTY_LIST, fromRefs: EMPTY_LIST }
}

/**
 * A list of the model while it is parsed: the shared empty list (frozen) until its first item, then a list of its
 * own ({@link added}).
 */
type Growing<T> = T[] | readonly never[]

function isShared<T>(list: Growing<T>): list is readonly never[] {
  return list === EMPTY_LIST
}

/** `list` with `item` added: the first item makes a list of one (exactly its size), later ones are pushed. */
function added<T>(list: Growing<T>, item: T): T[] {
  if (isShared(list)) return [item]
  list.push(item)
  return list
}

/**
 * A list as the model keeps it (models of every file live until the end of the run): a list of one is the one
 * {@link added} made, already its size; any other is copied to its size (a list grown by `push` keeps spare room).
 */
function kept<T>(items: readonly T[]): readonly T[] {
  return items.length === 1 ? items : sizedCopy(items)
}

function templateProblem(conv: Converter, ins: RawInstruction, marker: string): DockerfileProblem {
  return {
    message: `not a valid Dockerfile: template syntax '${marker}' (the template must be rendered before it can be built)`,
    span: conv.firstLine(ins),
  }
}

/** The first `{{` or `{%` in a word, else undefined. */
function templateInWord(text: string): string | undefined {
  if (!text.includes('{')) return undefined // most words: both markers start with `{`
  const braces = text.indexOf('{{')
  const percent = text.indexOf('{%')
  if (braces < 0) return percent < 0 ? undefined : '{%'
  return percent < 0 || braces < percent ? '{{' : '{%'
}

const PLATFORM_FLAG = '--platform='

/** Parses FROM [--platform=…] image [AS name] from its words (split on whitespace, as the builder does). */
function parseFrom(
  conv: Converter,
  ins: RawInstruction,
  words: InstructionWord[],
): DockerfileProblem | { ref: FromRef; name: string | undefined } {
  const instructionSpan = conv.firstLine(ins)
  let platform: Located<string> | undefined
  let k = 0
  for (; k < words.length && words[k]!.text.startsWith('--'); k++) {
    const w = words[k]!
    if (!w.text.startsWith(PLATFORM_FLAG)) continue
    const value = w.text.slice(PLATFORM_FLAG.length)
    // When the value crosses a line continuation, the span covers the whole flag word.
    const start = w.end - w.start === w.text.length ? w.start + PLATFORM_FLAG.length : w.start
    platform = { value, span: conv.span(start, w.end) }
  }
  const count = words.length - k
  if (count === 0) return { message: 'FROM requires an image argument', span: instructionSpan }
  if (count !== 1 && !(count === 3 && isAs(words[k + 1]!.text))) {
    return { message: 'FROM requires either one or three arguments (FROM <image> [AS <name>])', span: instructionSpan }
  }
  const image = words[k]!
  const span = conv.span(image.start, image.end)
  const ref: FromRef = platform
    ? { raw: image.text, span, instructionSpan, platform }
    : { raw: image.text, span, instructionSpan }
  return { ref, name: count === 3 ? words[k + 2]!.text.toLowerCase() : undefined }
}

/** Whether `word` is `AS` in any case, compared in place (no lower-case copy per FROM). */
function isAs(word: string): boolean {
  // Only `A` and `a` have 97 as their code with bit 5 set, only `S` and `s` 115: the same as `toLowerCase() === 'as'`.
  return word.length === 2 && (word.charCodeAt(0) | 32) === 97 && (word.charCodeAt(1) | 32) === 115
}

/**
 * ARG words as BuildKit reads them: each whitespace-separated word (quotes respected) declares `NAME` or
 * `NAME=value`. So the legacy `ARG NAME value` declares `NAME` and `value`, both without a default (no default is
 * invented), and `ARG NAME # comment` declares `NAME` and the words of the "comment" (a `#` after an instruction is
 * not a comment). Left out, because FROM expansion cannot tell them from undeclared names: words that are not
 * variable names (`#`, `.`) and, after a `#` word, words without `=`. Returns `declared` with the declarations added.
 */
function parseArgInstruction(conv: Converter, ins: RawInstruction, esc: string, declared: Growing<ArgDecl>): Growing<ArgDecl> {
  let out = declared
  let afterHash = false
  const words = splitWords(conv.src, ins.keywordEnd, ins.end, esc, true)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    const text = w.text
    if (text.charCodeAt(0) === 35 /* # */) afterHash = true
    if (text.startsWith('--')) continue
    const eq = text.indexOf('=')
    const name = eq < 0 ? text : text.slice(0, eq)
    if (!ARG_NAME_RE.test(name) || (afterHash && eq < 0)) continue
    const span = conv.span(w.start, w.end)
    if (eq < 0) out = added(out, { name, span })
    else {
      const rawValue = text.slice(eq + 1)
      out = added(out, { name, defaultValue: unquoted(rawValue, esc), rawValue, span })
    }
  }
  return out
}

/** Whether the first word of an instruction's arguments may be a flag (most instructions have none). */
function hasFlags(src: string, ins: RawInstruction, esc: string): boolean {
  const end = ins.end
  let first = ins.keywordEnd
  let c = src.charCodeAt(first)
  while (first < end && (c === SP || c === TAB || c === 11 /* \v */ || c === 12 /* \f */)) c = src.charCodeAt(++first)
  return first < end ? c === 45 /* - */ || c === esc.charCodeAt(0) : false
}

/** Values of the leading `--name=value` flags of an instruction with `prefix` (`--from=`). */
function flagWords(conv: Converter, ins: RawInstruction, esc: string, prefix: string): { value: string; span: Span }[] {
  const out: { value: string; span: Span }[] = []
  const words = splitWords(conv.src, ins.keywordEnd, ins.end, esc, true, true)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (!w.text.startsWith('--')) break
    if (w.text.startsWith(prefix)) out.push({ value: stripQuotes(w.text.slice(prefix.length)), span: conv.span(w.start, w.end) })
  }
  return out
}

/** The `from=` field of a `--mount=type=…,from=…` value. */
function mountFrom(mount: string): string | undefined {
  for (const field of mount.split(',')) {
    const f = stripQuotes(field.trim())
    if (f.toLowerCase().startsWith('from=')) return f.slice(5)
  }
  return undefined
}

function stripQuotes(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s
}

export interface InstructionWord {
  readonly text: string
  /** Offset of the first character. */
  readonly start: number
  /** Offset after the last character. */
  readonly end: number
}

/**
 * Splits `src[from, to)` into words. Line continuations (escape char, optional blanks, newline) join lines without
 * a separator, and comment or blank lines inside a continuation are dropped, as the builder does. With `quotes`,
 * quoted text and escaped characters stay inside one word (BuildKit's `parseWords`, used for ARG and flags); without,
 * words are split on whitespace only (FROM). The text keeps quotes and escapes. A newline that is not a continuation
 * (a heredoc body) ends the words. With `flagsOnly`, the words end after the first one that is not a `--` flag.
 */
export function splitWords(src: string, from: number, to: number, esc: string, quotes: boolean, flagsOnly = false): InstructionWord[] {
  // One pass for most words (FROM, ARG, flags): split plainly, unless an escape character or quote comes first.
  if (flagsOnly) return splitPlainFlags(src, from, to, esc, quotes) ?? splitEscaped(src, from, to, esc, quotes, true)
  return splitPlain(src, from, to, esc.charCodeAt(0), quotes) ?? splitEscaped(src, from, to, esc, quotes)
}

/**
 * {@link splitWords} of any text, escape characters and quotes included (the words of a text without them come
 * faster from {@link splitPlain}; a property test holds the two to the same words).
 */
export function splitEscaped(src: string, from: number, to: number, esc: string, quotes: boolean, flagsOnly = false): InstructionWord[] {
  const words: InstructionWord[] = []
  // The current word: where it starts (-1: none) and ends, and its text before its current piece (pieces are the
  // unbroken runs between line continuations; the current one starts at `pieceStart`).
  let start = -1
  let end = -1
  let text = ''
  let pieceStart = -1
  // Char codes, not one-character strings: the open quote (0: none) and the escape character.
  let quote = 0
  const e = esc.charCodeAt(0)
  let i = from
  while (i < to) {
    const c = src.charCodeAt(i)
    if (c === e) {
      const next = continuation(src, i, to)
      if (next !== undefined) {
        i = next
        continue
      }
    }
    if (c === LF || c === CR) break
    /** How many characters go into the word: 2 for an escaped character. */
    let n = 1
    if (quote !== 0) {
      if (c === quote) quote = 0
      else if (c === e && quote === 34 /* " */ && i + 1 < to && !isLineBreak(src.charCodeAt(i + 1))) n = 2
    } else if (c === SP || c === TAB || c === 11 /* \v */ || c === 12 /* \f */) {
      if (start >= 0) {
        words.push({ text: text + src.slice(pieceStart, end), start, end })
        text = ''
        start = -1
      }
      if (flagsOnly && words.length > 0 && !words[words.length - 1]!.text.startsWith('--')) return words
      i++
      continue
    } else if (quotes && (c === 34 || c === 39) /* " or ' */) quote = c
    else if (quotes && c === e && i + 1 < to && !isLineBreak(src.charCodeAt(i + 1))) n = 2
    if (start < 0) {
      start = i
      pieceStart = i
    } else if (i !== end) {
      text += src.slice(pieceStart, end)
      pieceStart = i
    }
    end = i + n
    i += n
  }
  if (start >= 0) words.push({ text: text + src.slice(pieceStart, end), start, end })
  return words
}

/** Whether `src[from, to)` holds the escape character or (with `quotes`) a quote: then words need {@link splitWords}. */
function hasSpecial(src: string, from: number, to: number, esc: string, quotes: boolean): boolean {
  const e = esc.charCodeAt(0)
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i)
    if (c === e || (quotes && (c === 34 || c === 39))) return true
  }
  return false
}

/**
 * {@link splitWords} of a text without escape characters or quotes: words between blanks, up to a line break.
 * Undefined when the escape character `esc` (a char code; -1: none) or, with `quotes`, a quote comes before the
 * line break: then the words need {@link splitEscaped}.
 */
function splitPlain(src: string, from: number, to: number, esc: number, quotes: boolean): InstructionWord[] | undefined {
  const words: InstructionWord[] = []
  let start = -1
  for (let i = from; i <= to; i++) {
    const c = i < to ? src.charCodeAt(i) : LF
    if (c === SP || c === TAB || c === 11 /* \v */ || c === 12 /* \f */ || c === LF || c === CR) {
      if (start >= 0) {
        words.push({ text: src.slice(start, i), start, end: i })
      }
      start = -1
      if (c === LF || c === CR) break
    } else if (c === esc || (quotes && (c === 34 || c === 39))) return undefined
    else if (start < 0) start = i
  }
  return words
}

/**
 * A run of characters that are neither blanks nor line breaks, as a sticky pattern: a flag word found in one call of
 * the regular expression engine, where a loop over its characters runs in the interpreter for most of a run (issue
 * 11).
 */
const RUN = /[^ \t\v\f\r\n]+/y

/** The end of the run of {@link RUN} at `i`, where one starts; not after `to`. */
function runEnd(src: string, i: number, to: number): number {
  RUN.lastIndex = i
  const end = RUN.test(src) ? RUN.lastIndex : i + 1
  return end < to ? end : to
}

/**
 * {@link splitWords} with `flagsOnly`, of flag words without escape characters or quotes (nor in the first two
 * characters of the word after them, where `-` and an escape character could continue into a flag): words between
 * blanks, up to a line break, the first that is not a `--` flag the last. Undefined when one of those holds the
 * escape character `esc` or, with `quotes`, a quote: then the words need {@link splitEscaped}.
 */
function splitPlainFlags(src: string, from: number, to: number, esc: string, quotes: boolean): InstructionWord[] | undefined {
  const words: InstructionWord[] = []
  let i = from
  while (i < to) {
    const c = src.charCodeAt(i)
    if (c === SP || c === TAB || c === 11 /* \v */ || c === 12 /* \f */) {
      i++
      continue
    }
    if (c === LF || c === CR) break
    const end = runEnd(src, i, to)
    const text = src.slice(i, end)
    const flag = text.startsWith('--')
    if (hasSpecial(src, i, flag ? end : Math.min(i + 2, to), esc, quotes)) return undefined
    words.push({ text, start: i, end })
    if (!flag) break
    i = end
  }
  return words
}

/**
 * When `src[i]` (an escape char) ends its line (only blanks after it), the offset where the instruction continues:
 * after the newline and any blank or comment lines that follow. Undefined when it does not end the line, or when the
 * escape char before it escapes it (`C:\\dir\\`): then, as for BuildKit, the line does not continue (see
 * `newlineAfterBlanks` in dockerfile-reader.ts) and the escape char is part of the word.
 */
function continuation(src: string, i: number, to: number): number | undefined {
  if (i > 0 && src.charCodeAt(i - 1) === src.charCodeAt(i)) return undefined
  // Char codes compared in place, not with isBlank: no call per character (see dockerfile-reader.ts).
  let j = i + 1
  let c = src.charCodeAt(j)
  while (j < to && (c === SP || c === TAB)) c = src.charCodeAt(++j)
  if (j >= to) return to
  if (c !== LF && c !== CR) return undefined
  j = skipNewline(src, j)
  for (;;) {
    let k = j
    c = src.charCodeAt(k)
    while (k < to && (c === SP || c === TAB)) c = src.charCodeAt(++k)
    if (k >= to) return j
    if (c === LF || c === CR) {
      j = skipNewline(src, k)
      continue
    }
    if (c === 35 /* # */) {
      while (k < to && !isLineBreak(src.charCodeAt(k))) k++
      if (k >= to) return to
      j = skipNewline(src, k)
      continue
    }
    return j
  }
}

function skipNewline(src: string, j: number): number {
  return src.charCodeAt(j) === CR && j + 1 < src.length && src.charCodeAt(j + 1) === LF ? j + 2 : j + 1
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR
}

// ---------------------------------------------------------------------------------------------------------------
// Variable expansion (BuildKit's shell lexer: quotes, escapes, $X, ${X}, ${X:-w}, ${X-w}, ${X:+w}, ${X+w}, ${X:?w})

/**
 * A variable's state: a known value, not set (no default, no build arg), set to a value that cannot be known, or set
 * by an empty default (`ARG X=`, `ARG X=""`) and no build arg. A known value's `read`: the build arguments it comes
 * from, when they are asked for (see {@link buildArgsRead}).
 *
 * An empty default declares a value each build is meant to pass (`--build-arg WINDOWS_VERSION=ltsc2022`), not an
 * empty one: where the expansion would give the value itself (`$X`, `${X}`, `${X-word}`), it is unknown, as for an
 * ARG without a default, not an empty text (`servercore:`, a reference Docker refuses). Where only whether it is empty
 * or set decides, the builder's result without the build arg stands, as for an ARG without a default: `${X:-word}`
 * gives the word, `${X:+word}` nothing, `${X+word}` the word.
 */
type VarValue =
  | { readonly kind: 'set'; readonly value: string; readonly read?: readonly string[] }
  | { readonly kind: 'unset' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'empty-default' }
type Lookup = (name: string) => VarValue

const UNSET: VarValue = { kind: 'unset' }
const UNKNOWN: VarValue = { kind: 'unknown' }
const EMPTY_DEFAULT: VarValue = { kind: 'empty-default' }

interface Expanded {
  /** The expanded text; references without a value are kept as written. */
  readonly value: string
  /** Variables without a value (and whole expressions the builder rejects), in order, without duplicates. */
  readonly unresolved: readonly string[]
}

interface Scanner {
  readonly s: string
  pos: number
  readonly esc: string
  readonly lookup: Lookup | undefined
  /** When asked for: the build arguments the values used read, in order (see {@link buildArgsRead}). */
  readonly reads: string[] | undefined
}

/**
 * Processes one word like the builder: removes quotes and escapes and, with a `lookup`, expands variables. Without
 * a lookup, `$` references are kept as written (used for ARG defaults, which are expanded later). With `reads`, adds
 * to it the `read` of each value the expansion uses.
 */
function expandWord(word: string, esc: string, lookup?: Lookup, reads?: string[]): Expanded {
  // Most words (image references) have no quotes, escapes or variables: nothing to process.
  return isPlain(word, esc) ? { value: word, unresolved: EMPTY_LIST } : expandNotPlain(word, esc, lookup, reads)
}

/** {@link expandWord} of a word known not to be plain (the caller tested it: no second test). */
function expandNotPlain(word: string, esc: string, lookup?: Lookup, reads?: string[]): Expanded {
  const sc: Scanner = { s: word, pos: 0, esc, lookup, reads }
  const sink: string[] = []
  const value = processUntil(sc, undefined, sink, 0)!
  return { value, unresolved: sink.length < 2 ? sink : [...new Set(sink)] }
}

/** {@link expandWord} without a lookup, its value only: quotes and escapes removed, `$` references kept. */
function unquoted(word: string, esc: string): string {
  return isPlain(word, esc) ? word : processUntil({ s: word, pos: 0, esc, lookup: undefined, reads: undefined }, undefined, [], 0)!
}

/** The characters that make a word not plain, for the two escape characters a Dockerfile may choose. */
const NOT_PLAIN_BACKSLASH = /[$'"\\]/
const NOT_PLAIN_BACKTICK = /[$'"`]/

function isPlain(word: string, esc: string): boolean {
  // One regular expression test (native code) rather than a loop over the characters, which runs in the interpreter
  // for most of a run (issue 11).
  if (esc === '\\') return !NOT_PLAIN_BACKSLASH.test(word)
  if (esc === '`') return !NOT_PLAIN_BACKTICK.test(word)
  const e = esc.charCodeAt(0)
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c === 36 /* $ */ || c === 39 /* ' */ || c === 34 /* " */ || c === e) return false
  }
  return true
}

/**
 * The processed text up to `stop` (the scanner moved past it), or to the end of the word without a `stop`; undefined
 * when `stop` never comes (a string, not an object holding it and a flag: one allocation fewer per call, issue 11).
 */
function processUntil(
  sc: Scanner,
  stop: string | undefined,
  sink: string[],
  depth: number,
): string | undefined {
  let out = ''
  while (sc.pos < sc.s.length) {
    const c = sc.s[sc.pos]!
    if (stop !== undefined && c === stop) {
      sc.pos++
      return out
    }
    if (c === "'") {
      const close = sc.s.indexOf("'", sc.pos + 1)
      const endPos = close < 0 ? sc.s.length : close
      out += sc.s.slice(sc.pos + 1, endPos)
      sc.pos = close < 0 ? sc.s.length : close + 1
    } else if (c === '"') {
      sc.pos++
      out += processDoubleQuote(sc, sink, depth)
    } else if (c === '$') {
      out += processDollar(sc, sink, depth)
    } else if (c === sc.esc) {
      sc.pos++
      if (sc.pos < sc.s.length) out += sc.s[sc.pos++]
    } else {
      // A run of plain characters in one piece: `out += c` per character would keep a rope of single characters.
      // Char codes compared in place, not with a helper: no call per character (inlining is off, issue 11).
      const s = sc.s
      const e = sc.esc.charCodeAt(0)
      const st = stop === undefined ? -1 : stop.charCodeAt(0)
      let end = sc.pos + 1
      let d = s.charCodeAt(end)
      while (end < s.length && d !== 39 /* ' */ && d !== 34 /* " */ && d !== 36 /* $ */ && d !== e && d !== st) d = s.charCodeAt(++end)
      out += s.slice(sc.pos, end)
      sc.pos = end
    }
  }
  return stop === undefined ? out : undefined
}

function processDoubleQuote(sc: Scanner, sink: string[], depth: number): string {
  let out = ''
  while (sc.pos < sc.s.length) {
    const c = sc.s[sc.pos]!
    if (c === '"') {
      sc.pos++
      return out
    }
    if (c === '$') {
      out += processDollar(sc, sink, depth)
      continue
    }
    if (c === sc.esc) {
      const next = sc.s[sc.pos + 1]
      if (next === undefined) {
        sc.pos++
        continue
      }
      // Only `"`, `$` and the escape char can be escaped inside double quotes; other escapes stay as written.
      if (next === '"' || next === '$' || next === sc.esc) {
        out += next
        sc.pos += 2
        continue
      }
    }
    // This character (or an escape kept as written) and the plain run after it, in one piece.
    let end = sc.pos + 1
    while (end < sc.s.length && sc.s[end] !== '"' && sc.s[end] !== '$' && sc.s[end] !== sc.esc) end++
    out += sc.s.slice(sc.pos, end)
    sc.pos = end
  }
  return out
}

function readName(sc: Scanner): string {
  const s = sc.s
  const start = sc.pos
  let i = start
  let c = s.charCodeAt(i)
  if (c >= 48 && c <= 57) {
    while (i < s.length && c >= 48 && c <= 57) c = s.charCodeAt(++i)
  } else {
    // ASCII letters, digits and `_` compared in place (no call per character); others through isNameChar.
    for (; i < s.length; c = s.charCodeAt(++i)) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) continue
      if (c < 128 || !isNameChar(s, i)) break
    }
  }
  sc.pos = i
  return s.slice(start, i)
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** A letter, digit or `_` (Unicode letters and numbers too), checked without a regular expression for ASCII. */
function isNameChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c < 128) return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
  return /[\p{L}\p{N}_]/u.test(s[i]!)
}

/** Skips to after the `}` closing a `${` whose content starts at `sc.pos`; returns false when there is none. */
function skipBraced(sc: Scanner): boolean {
  let level = 1
  while (sc.pos < sc.s.length) {
    const c = sc.s[sc.pos++]
    if (c === '{') level++
    else if (c === '}' && --level === 0) return true
  }
  return false
}

function processDollar(sc: Scanner, sink: string[], depth: number): string {
  const start = sc.pos
  sc.pos++
  const lookup = sc.lookup
  if (!lookup) return '$'
  if (sc.s[sc.pos] !== '{') {
    const name = readName(sc)
    if (name === '') return '$'
    const v = lookup(name)
    if (sc.reads) noteRead(sc.reads, sc.reads.length, v)
    if (v.kind === 'set') return v.value
    sink.push(name)
    return sc.s.slice(start, sc.pos)
  }
  sc.pos++
  if (depth >= MAX_SUBSTITUTION_DEPTH) return rejected(sc, start, sink)
  const name = readName(sc)
  if (name === '') return rejected(sc, start, sink)
  let op = sc.s[sc.pos]
  if (op === '}') {
    sc.pos++
    const v = lookup(name)
    if (sc.reads) noteRead(sc.reads, sc.reads.length, v)
    if (v.kind === 'set') return v.value
    sink.push(name)
    return sc.s.slice(start, sc.pos)
  }
  let colon = false
  if (op === ':') {
    colon = true
    op = sc.s[sc.pos + 1]
    sc.pos++
  }
  if (op !== '-' && op !== '+' && op !== '?') return rejected(sc, start, sink)
  sc.pos++
  const wordSink: string[] = []
  // What the word reads counts only when the word is used.
  const mark = sc.reads ? sc.reads.length : 0
  const word = processUntil(sc, '}', wordSink, depth + 1)
  if (word === undefined) return unresolvedRef(sc, start, sink)
  const v = lookup(name)
  if (v.kind === 'unknown') {
    if (sc.reads) sc.reads.length = mark
    sink.push(name)
    return sc.s.slice(start, sc.pos)
  }
  const value = v.kind === 'set' ? v.value : v.kind === 'empty-default' ? '' : undefined
  // The operator as one of the literals (no string made per expression).
  const used = substitute(colon ? (op === '-' ? ':-' : op === '+' ? ':+' : ':?') : op, value)
  if (sc.reads) {
    if (used !== 'word') sc.reads.length = mark
    // The name's value decides which it is: read before the word.
    noteRead(sc.reads, mark, v)
  }
  switch (used) {
    case 'value':
      // `${X-word}` of an empty default: the value a build passes, unknown here (see VarValue).
      if (v.kind === 'empty-default') {
        sink.push(name)
        return sc.s.slice(start, sc.pos)
      }
      return value ?? ''
    case 'word':
      sink.push(...wordSink)
      return word
    case 'empty':
      return ''
    case 'error':
      // `?`: the builder stops with the word as error message when there is no value.
      sink.push(name)
      return sc.s.slice(start, sc.pos)
  }
}

/** A `${` expression the builder rejects, from `start` to its closing `}`: kept as written and unresolved. */
function rejected(sc: Scanner, start: number, sink: string[]): string {
  skipBraced(sc)
  return unresolvedRef(sc, start, sink)
}

/** Adds at `at` in `reads` the build arguments a value looked up comes from (see {@link buildArgsRead}). */
function noteRead(reads: string[], at: number, v: VarValue): void {
  if (v.kind !== 'set' || v.read === undefined) return
  if (at === reads.length) reads.push(...v.read)
  else reads.splice(at, 0, ...v.read)
}

/** The reference from `start` to the scanner's position, kept as written and unresolved. */
function unresolvedRef(sc: Scanner, start: number, sink: string[]): string {
  const ref = sc.s.slice(start, sc.pos)
  sink.push(ref)
  return ref
}

/**
 * The global scope FROM lines see: global ARGs in declaration order, each taking the build arg of the same name
 * (case-insensitively) or else its default expanded with the ARGs declared before it (an empty default: see
 * {@link VarValue}); plus the builder's predefined platform ARGs when given as build args. Build args for names not
 * declared before the first FROM are ignored, as the builder ignores them. Lookups prefer an exact-case name, then
 * any case (Windows builders).
 */
/**
 * `unknownArgs`: build args given with a value isolint cannot know (lower-cased names); they are unknown, not
 * defaulted. `track`: each known value says which build args it comes from (its `read`, for {@link buildArgsRead}).
 */
function globalScope(model: DockerfileModel, buildArgs: ReadonlyMap<string, string>, unknownArgs?: ReadonlySet<string>, track = false): Lookup {
  const args = model.globalArgs
  // No global ARG: only the predefined ARGs given as build args have a value (none without build args).
  if (args.length === 0) return buildArgs.size === 0 ? NO_SCOPE : (name) => predefinedArg(name, buildArgs, track)
  // The value of each name declared so far, in the slot of the ARG that first declares it: one array of the ARGs'
  // count (not arrays grown by push, nor a lower-case copy of every name: a lookup without case is rare). `declared`:
  // how many ARGs lookups see (those before the ARG whose default is being expanded, then all of them). Issue 11.
  const values: VarValue[] = new Array<VarValue>(args.length)
  let declared = 0
  const lookup: Lookup = (name) => {
    for (let i = 0; i < declared; i++) if (args[i]!.name === name) return values[i]!
    // The first ARG that matches without case is the first declaration of its own spelling, whose slot it is.
    const lower = name.toLowerCase()
    for (let i = 0; i < declared; i++) if (args[i]!.name.toLowerCase() === lower) return values[i]!
    return predefinedArg(name, buildArgs, track)
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const name = arg.name
    let at = i
    for (let j = 0; j < i; j++) {
      if (args[j]!.name === name) {
        at = j
        break
      }
    }
    // Most runs give no build args: no lookup then.
    const given = buildArgs.size > 0 ? getIgnoreCase(buildArgs, name) : undefined
    let value: VarValue
    if (given === undefined && unknownArgs !== undefined && unknownArgs.size > 0 && unknownArgs.has(name.toLowerCase())) value = UNKNOWN
    else if (given !== undefined) value = track ? { kind: 'set', value: given, read: [name] } : { kind: 'set', value: given }
    // Written empty (quotes removed): a value each build is meant to pass (see VarValue).
    else if (arg.defaultValue === '') value = EMPTY_DEFAULT
    else if (arg.rawValue !== undefined) {
      const reads = track ? [] : undefined
      const e = expandWord(arg.rawValue, model.escapeChar, lookup, reads)
      value = e.unresolved.length > 0 ? UNKNOWN : reads && reads.length > 0 ? { kind: 'set', value: e.value, read: reads } : { kind: 'set', value: e.value }
    } else value = at < i ? values[at]! : UNSET
    values[at] = value
    declared = i + 1
  }
  return lookup
}

/** The scope of a Dockerfile without global ARGs, given no build args: nothing has a value. */
const NO_SCOPE: Lookup = () => UNSET

/** A predefined platform ARG (`TARGETOS`) given as a build arg, any case; else unset. */
function predefinedArg(name: string, buildArgs: ReadonlyMap<string, string>, track: boolean): VarValue {
  if (PREDEFINED_ARGS.has(name.toUpperCase())) {
    const given = getIgnoreCase(buildArgs, name)
    if (given !== undefined) return track ? { kind: 'set', value: given, read: [name] } : { kind: 'set', value: given }
  }
  return UNSET
}

/**
 * Expands every stage's FROM for one set of build args (`--build-arg`): build args first, then the defaults of the
 * global ARGs. A FROM that expands to the name of an earlier stage gets `baseStage` instead of `image`. Variables
 * without a value go to `unresolved` and leave `image` undefined; the same for `--platform` in `platformUnresolved`.
 */
export function resolveStages(
  model: DockerfileModel,
  buildArgs: ReadonlyMap<string, string>,
  unknownArgs?: ReadonlySet<string>,
): ResolvedStage[] {
  const stages = model.stages
  const esc = model.escapeChar
  // Made when a word needs it: most FROM lines name their image plainly (no variables, quotes or escapes).
  let lookup: Lookup | undefined
  const out: ResolvedStage[] = []
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i]!
    const raw = stage.from.raw
    let value = raw
    let unresolved: readonly string[] = EMPTY_LIST
    if (!isPlain(raw, esc)) {
      const e = expandNotPlain(raw, esc, (lookup ??= globalScope(model, buildArgs, unknownArgs)))
      value = e.value
      unresolved = e.unresolved
    }
    let image: string | undefined
    let baseStage: number | undefined
    if (unresolved.length === 0) {
      if (value === '') unresolved = [raw]
      else {
        baseStage = earlierStageNamed(stages, stage.index, value)
        if (baseStage === undefined) image = value
      }
    }
    let platform: string | undefined
    let platformUnresolved: readonly string[] | undefined
    const platformRaw = stage.from.platform?.value
    if (platformRaw !== undefined) {
      if (isPlain(platformRaw, esc)) platform = platformRaw
      else {
        const p = expandNotPlain(platformRaw, esc, (lookup ??= globalScope(model, buildArgs, unknownArgs)))
        platform = p.value
        if (p.unresolved.length > 0) platformUnresolved = p.unresolved
      }
    }
    // Fields assigned in order, optional ones only when set (cheaper than a literal of conditional spreads).
    const r: { -readonly [K in keyof ResolvedStage]?: ResolvedStage[K] } = { stage }
    if (image !== undefined) r.image = image
    if (baseStage !== undefined) r.baseStage = baseStage
    r.unresolved = unresolved
    if (platform !== undefined && platform !== '') r.platform = platform
    if (platformUnresolved) r.platformUnresolved = platformUnresolved
    out.push(r as ResolvedStage)
  }
  return out
}

/** The index of the stage before `index` named `name` (any case: stage names are kept in lower case), if any. */
function earlierStageNamed(stages: readonly Stage[], index: number, name: string): number | undefined {
  let lower: string | undefined
  for (let b = 0; b < stages.length; b++) {
    const s = stages[b]!
    if (s.name === undefined || s.index >= index) continue
    // Lower-cased once, and only when an earlier stage has a name.
    lower ??= name.toLowerCase()
    if (s.name === lower) return s.index
  }
  return undefined
}

/**
 * The build args (named as the ARGs that take them are declared) whose values the FROM of stage `index` reads for one
 * set of build args (as {@link resolveStages} is given them), in the order read, each once (names without case): those
 * it names (`FROM img:${TAG}`) and those the defaults of the ARGs it names read, through any chain of defaults
 * (`ARG A=${B}`, `ARG B=img:${TAG}`, `FROM ${A}` reads `TAG`). Not a build arg with a value isolint cannot know, one
 * no ARG before the first FROM declares (the builder ignores it), nor one read only in a word the expansion does not
 * use (`${BASE:-img:${TAG}}` with `BASE` set). Worked out again from the model when asked (for the notes of a
 * finding), so that resolving stages costs no more.
 */
export function buildArgsRead(
  model: DockerfileModel,
  index: number,
  buildArgs: ReadonlyMap<string, string>,
  unknownArgs?: ReadonlySet<string>,
): string[] {
  const stage = model.stages[index]
  if (!stage || buildArgs.size === 0 || !stage.from.raw.includes('$')) return []
  const reads: string[] = []
  expandWord(stage.from.raw, model.escapeChar, globalScope(model, buildArgs, unknownArgs, true), reads)
  const out: string[] = []
  const seen = new Set<string>()
  for (const name of reads) {
    const lower = name.toLowerCase()
    if (seen.has(lower)) continue
    seen.add(lower)
    out.push(name)
  }
  return out
}

/** The stage a `--from` / `from=` value names: a stage name (any case) or a stage index; undefined for an image. */
export function stageRef(model: DockerfileModel, value: string): number | undefined {
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value)
    return n < model.stages.length ? n : undefined
  }
  return stageNamed(model.stages, value.toLowerCase())
}

/** The index of the first stage named `lower` (a lower-case name); a loop, not `find`: no closure per call. */
function stageNamed(stages: readonly Stage[], lower: string): number | undefined {
  for (let i = 0; i < stages.length; i++) if (stages[i]!.name === lower) return stages[i]!.index
  return undefined
}

/**
 * The indexes (sorted) of the stages a build of `target` (a stage name, any case; default: the last stage) runs.
 * BuildKit runs the target, the stages its FROM chain builds on, and the stages named by `COPY --from`,
 * `ADD --from` and `RUN --mount=from=` (by name or index), transitively. The classic builder (`DOCKER_BUILDKIT=0`,
 * and Docker Engine on Windows) runs every stage up to the target. An unknown target gives no stages.
 * `--from` values with variables are not followed.
 */
export function stagesToBuild(
  model: DockerfileModel,
  resolved: readonly ResolvedStage[],
  target?: string,
  builder: DockerBuilder = 'buildkit',
): number[] {
  const last = model.stages.length - 1
  const t = target === undefined ? last : (stageNamed(model.stages, target.toLowerCase()) ?? -1)
  if (t < 0) return []
  if (builder === 'classic') {
    const all: number[] = []
    for (let i = 0; i <= t; i++) all.push(i)
    return all
  }
  // A target that builds on an image and reads no other stage (most builds): itself only.
  if (model.stages[t]!.fromRefs.length === 0 && resolved[t]?.baseStage === undefined) return [t]
  const seen = new Set<number>()
  const todo = [t]
  while (todo.length > 0) {
    const i = todo.pop()!
    if (seen.has(i)) continue
    seen.add(i)
    const stage = model.stages[i]
    if (!stage) continue
    const base = resolved[i]?.baseStage
    if (base !== undefined) todo.push(base)
    for (const { value } of stage.fromRefs) {
      const ref = stageRef(model, value)
      if (ref !== undefined && ref !== i) todo.push(ref)
    }
  }
  return [...seen].sort((a, b) => a - b)
}

/**
 * Follows `FROM <stage>` links from stage `index` to the stage whose FROM names an image (not another stage). That
 * stage's `image` is undefined when its FROM could not be expanded (see its `unresolved`). Undefined when `index`
 * is out of range or the links loop.
 */
export function effectiveImage(resolved: readonly ResolvedStage[], index: number): ResolvedStage | undefined {
  // A chain without a loop visits each stage once: one that takes more hops than there are stages loops (a count,
  // not a set of the stages seen, made for every stage of every build).
  let i = index
  for (let hops = 0; hops < MAX_STAGE_HOPS && hops <= resolved.length; hops++) {
    const r = resolved[i]
    if (!r) return undefined
    if (r.baseStage === undefined) return r
    i = r.baseStage
  }
  return undefined
}
