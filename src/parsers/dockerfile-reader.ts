/**
 * Splits a Dockerfile into instructions in one pass: parser directives (the escape character), comments, line
 * continuations with the escape character, heredoc bodies, and for each instruction its keyword as written and
 * three offsets. That is all isolint reads from a Dockerfile's structure; words are split later, only for the
 * instructions that matter (see `dockerfile.ts`).
 *
 * `dockerfile-ast` is the reference: {@link readDockerfile} gives the same instructions and offsets as
 * {@link readWithDockerfileAst} (a differential test proves it on the corpus, the fixtures and the benchmark
 * corpus), and returns undefined for the constructs it does not handle itself, so that the caller falls back to
 * `dockerfile-ast` for that file: a leading byte order mark, a heredoc on an `ONBUILD`, and a heredoc whose
 * instruction line has flags, continuations or escapes. One known difference, where BuildKit differs from
 * `dockerfile-ast`: a line ending in an escaped escape character does not continue (see
 * `Reader.newlineAfterBlanks`); the fallback reads such lines as BuildKit does too
 * ({@link readWithDockerfileAstLikeBuildKit}).
 */
import { dockerfileAst } from './dockerfile-ast-lazy.js'
import { LineIndex } from '../core/span.js'
import { CR, EQ, HASH, LF, SP, TAB } from './char-codes.js'

/** One instruction: offsets into the text given to the reader. */
export interface RawInstruction {
  /** The keyword as written, line continuations removed (e.g. `from`, `RUN`). */
  readonly written: string
  /** The keyword in upper case, as the builder compares it (`FROM`, `RUN`). */
  readonly keyword: string
  /** Offset of the keyword's first character. */
  readonly start: number
  /** Offset after the keyword (where its arguments begin). */
  readonly keywordEnd: number
  /** Offset after the instruction: its last line's end, or the end of its last heredoc's terminator line. */
  readonly end: number
}

export interface RawDockerfile {
  readonly escapeChar: '\\' | '`'
  readonly instructions: RawInstruction[]
}

/** A construct the one-pass reader leaves to `dockerfile-ast`. */
class Unsupported extends Error {}

/**
 * Reads the instructions of `src` (a Dockerfile without its BOM) in one pass; undefined when the text holds a
 * construct the reader leaves to `dockerfile-ast` (see the module comment).
 */
export function readDockerfile(src: string): RawDockerfile | undefined {
  if (src.charCodeAt(0) === 0xfeff) return undefined
  try {
    return new Reader(src).read()
  } catch (e) {
    if (e instanceof Unsupported) return undefined
    throw e
  }
}

/** Reads `src` with one pass, or with `dockerfile-ast` for the constructs the one-pass reader does not handle. */
export function readInstructions(src: string): RawDockerfile {
  return readDockerfile(src) ?? readWithDockerfileAstLikeBuildKit(src)
}

/** An escape character after another one, blanks and a newline after it: not a line continuation for BuildKit. */
const ESCAPED_BACKSLASH_AT_LINE_END = /(?<=\\)\\(?=[ \t]*[\r\n])/g
const ESCAPED_BACKTICK_AT_LINE_END = /(?<=`)`(?=[ \t]*[\r\n])/g

/**
 * {@link readWithDockerfileAst} with BuildKit's line continuations, the fallback of {@link readInstructions}.
 * `dockerfile-ast` continues a line that ends in an escaped escape character (`ARG P=C:\\dir\\`), BuildKit does not
 * (see `Reader.newlineAfterBlanks`): so it reads a copy of the text in which each such last escape character is a
 * character that occurs nowhere else (the same length: the same offsets), put back in the keywords as written.
 */
export function readWithDockerfileAstLikeBuildKit(src: string): RawDockerfile {
  const plain = readWithDockerfileAst(src)
  const esc = plain.escapeChar
  const ends = esc === '`' ? ESCAPED_BACKTICK_AT_LINE_END : ESCAPED_BACKSLASH_AT_LINE_END
  if (src.search(ends) < 0) return plain
  let code = 0xe000 // the private use area: never a blank, newline, quote, `#`, `=` or escape character
  while (src.includes(String.fromCharCode(code))) code++
  const mark = String.fromCharCode(code)
  const read = readWithDockerfileAst(src.replace(ends, mark))
  const instructions = read.instructions.map((ins) =>
    ins.written.includes(mark) ? { ...ins, written: ins.written.replaceAll(mark, esc), keyword: ins.keyword.replaceAll(mark, esc) } : ins,
  )
  return { escapeChar: esc, instructions }
}

/** The same structure read with `dockerfile-ast` (the reference; the fallback is {@link readWithDockerfileAstLikeBuildKit}). */
export function readWithDockerfileAst(src: string): RawDockerfile {
  const df = dockerfileAst().DockerfileParser.parse(src)
  const lines = new LineIndex(src)
  const offset = (p: { line: number; character: number }): number =>
    lines.offset({ line: p.line + 1, column: p.character + 1 })
  const escapeChar: '\\' | '`' = df.getEscapeCharacter() === '`' ? '`' : '\\'
  const instructions = df.getInstructions().map((ins) => ({
    written: ins.getInstruction(),
    keyword: ins.getInstruction().toUpperCase(),
    start: offset(ins.getRange().start),
    keywordEnd: offset(ins.getInstructionRange().end),
    end: offset(ins.getRange().end),
  }))
  return { escapeChar, instructions }
}

// The loops that run over every character compare char codes in place: the CLI runs V8 without inlining
// (`--no-turbo-inlining`, see scripts/v8-flags.mjs), so a helper costs a call per character even in optimized code.
const isBlank = (c: number): boolean => c === SP || c === TAB
const isNewline = (c: number): boolean => c === LF || c === CR

/**
 * The instructions' keywords as most files write them (upper or lower case), each with its upper-case form: a
 * keyword read from the text is looked up once here, and the instructions of every file share these strings
 * instead of making an upper-case copy of each.
 */
interface Keyword {
  readonly written: string
  readonly keyword: string
}

const KNOWN_KEYWORDS = new Map<string, Keyword>()
for (const keyword of [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]) {
  KNOWN_KEYWORDS.set(keyword, { written: keyword, keyword })
  KNOWN_KEYWORDS.set(keyword.toLowerCase(), { written: keyword.toLowerCase(), keyword })
}

/** The keyword as written and in upper case (the shared strings for the usual spellings). */
function keywordOf(written: string): Keyword {
  return KNOWN_KEYWORDS.get(written) ?? { written, keyword: written.toUpperCase() }
}

class Reader {
  private readonly n: number
  private esc = 92 // '\\'
  private readonly out: RawInstruction[] = []
  /** Whether the text has a CR (then lines are read character by character: CR alone also ends a line). */
  private readonly cr: boolean
  /**
   * The next escape character and the next `<<` at or after the offset last asked for (-1: none; -2: not looked for
   * yet). Instructions are read in order, so each is looked for once per occurrence, not once per instruction.
   */
  private escAt = -2
  private heredocAt = -2

  constructor(private readonly src: string) {
    this.n = src.length
    this.cr = src.includes('\r')
  }

  read(): RawDockerfile {
    const { src, n } = this
    const directives = this.directives()
    let i = directives > 0 ? this.lineStart(directives) : 0
    for (; i < n; i++) {
      const c = src.charCodeAt(i)
      if (c === SP || c === TAB || c === LF || c === CR) continue
      i = c === HASH ? this.lineEnd(i) : this.instruction(i)
    }
    return { escapeChar: this.esc === 96 ? '`' : '\\', instructions: this.out }
  }

  /** Offset of the end of the line holding `i` (its newline, or the end of the text). */
  private lineEnd(i: number): number {
    const { src, n } = this
    if (!this.cr) {
      const nl = src.indexOf('\n', i + 1)
      return nl < 0 ? n : nl
    }
    let j = i + 1
    let c = src.charCodeAt(j)
    while (j < n && c !== LF && c !== CR) c = src.charCodeAt(++j)
    return j
  }

  /** Offset where 0-based line `line` starts (CRLF, CR and LF end lines); the end of the text past the last. */
  private lineStart(line: number): number {
    const { src, n } = this
    let l = 0
    for (let i = 0; i < n; i++) {
      const c = src.charCodeAt(i)
      if (c === CR && src.charCodeAt(i + 1) === LF) i++
      else if (c !== CR && c !== LF) continue
      if (++l === line) return i + 1
    }
    return n
  }

  /**
   * Reads the parser directives at the top (`# name=value` lines up to the first other line) and sets the escape
   * character from the first `escape` directive with a valid value; returns how many directive lines there are.
   */
  private directives(): number {
    const { src, n } = this
    let count = 0
    let escape: number | undefined
    scan: for (let i = 0; i < n; i++) {
      const c = src.charCodeAt(i)
      if (isBlank(c)) continue
      if (c !== HASH) break
      let nameStart = -1
      let nameEnd = -1
      for (let j = i + 1; j < n; j++) {
        const d = src.charCodeAt(j)
        if (isBlank(d)) {
          if (nameStart !== -1 && nameEnd === -1) nameEnd = j
        } else if (isNewline(d)) {
          break scan
        } else if (d === EQ) {
          if (nameEnd === -1) nameEnd = j
          let valueStart = -1
          let valueEnd = -1
          let k = j + 1
          for (; k < n; k++) {
            const e = src.charCodeAt(k)
            if (isNewline(e)) {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k
              break
            }
            if (isBlank(e)) {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k
            } else if (valueStart === -1) valueStart = k
          }
          if (nameStart === -1) break scan // `#=…`: a comment
          if (valueStart === -1) {
            valueStart = j + 1
            valueEnd = k
          } else if (valueEnd === -1) valueEnd = n
          count++
          if (escape === undefined && src.slice(nameStart, nameEnd).toLowerCase() === 'escape') {
            const value = src.slice(valueStart, valueEnd)
            if (value === '\\' || value === '`') escape = value.charCodeAt(0)
          }
          i = src.charCodeAt(valueEnd) === CR ? valueEnd + 1 : valueEnd
          continue scan
        } else if (nameStart === -1) nameStart = j
      }
      // A `#` line running to the end of the text without `=`: the scan goes on after the `#`.
    }
    if (escape !== undefined) this.esc = escape
    return count
  }

  private add(start: number, keywordEnd: number, end: number, kw: Keyword): void {
    this.out.push({ written: kw.written, keyword: kw.keyword, start, keywordEnd, end })
  }

  /** Reads the instruction starting at `start`; returns the offset the caller's scan resumes after. */
  private instruction(start: number): number {
    const { src, n, esc } = this
    // Most keywords are one run of characters up to a blank or a newline: no escape character in them.
    let k = start + 1
    let c = src.charCodeAt(k)
    while (k < n && c !== esc && c !== SP && c !== TAB && c !== LF && c !== CR) c = src.charCodeAt(++k)
    if (k >= n || c !== esc) {
      const kw = keywordOf(src.slice(start, k))
      const end = k >= n ? n : c === SP || c === TAB ? this.argumentsEnd(k, kw.keyword, k) : k
      this.add(start, k, end, kw)
      return end
    }
    return this.escapedInstruction(start)
  }

  /** As {@link instruction}, for a keyword with the escape character in it or right after it. */
  private escapedInstruction(start: number): number {
    const { src, n, esc } = this
    let written = src[start]!
    let keywordEnd = -1
    let escaped = false
    scan: for (let i = start + 1; i < n; i++) {
      const c = src.charCodeAt(i)
      if (c === esc) {
        if (src.charCodeAt(i - 1) === esc && this.newlineAfterBlanks(i + 1) >= 0) {
          // An escaped escape character at the line's end is part of the keyword, not a continuation (see
          // `newlineAfterBlanks`).
          keywordEnd = i + 1
          written += src[i]!
          escaped = false
          continue
        }
        escaped = true
        const d = src.charCodeAt(i + 1)
        if (isNewline(d)) {
          if (keywordEnd === -1) keywordEnd = i
          i++
        } else if (isBlank(d)) {
          for (let j = i + 2; j < n; j++) {
            const e = src.charCodeAt(j)
            if (isBlank(e)) continue
            if (isNewline(e)) {
              i = j
              continue scan
            }
            // An escaped blank: the keyword ends with the escape character; the arguments start after it.
            keywordEnd = i + 1
            written += src[i]!
            i = j - 2
            continue scan
          }
          keywordEnd = i + 1
          written += src[i]!
          break scan
        } else {
          keywordEnd = i + 1
          written += src[i]!
          escaped = false
        }
        continue
      }
      if (isBlank(c)) {
        if (escaped) {
          // After a continuation, blanks up to a newline belong to an empty line that is skipped.
          let j = i + 1
          for (; j < n; j++) {
            const e = src.charCodeAt(j)
            if (isBlank(e)) continue
            if (isNewline(e)) {
              i = j
              continue scan
            }
            break
          }
        }
        if (keywordEnd === -1) keywordEnd = i
        const kw = keywordOf(written)
        const end = this.argumentsEnd(keywordEnd, kw.keyword, i)
        this.add(start, keywordEnd, end, kw)
        return end
      }
      if (isNewline(c)) {
        if (escaped) continue
        this.add(start, i, i, keywordOf(written))
        return i
      }
      if (c === HASH && escaped) continue
      keywordEnd = i + 1
      written += src[i]!
      escaped = false
    }
    if (keywordEnd === -1) keywordEnd = n
    this.add(start, keywordEnd, n, keywordOf(written))
    return n
  }

  /** The end of an instruction's arguments starting after offset `from`: the end of the line, continuations and
   * heredoc bodies included. */
  private argumentsEnd(keywordEnd: number, keyword: string, from: number): number {
    const { src, n, esc } = this
    if (!this.cr) {
      // Without the escape character before the line's end, the instruction ends there (no continuation).
      let nl = src.indexOf('\n', from + 1)
      if (nl < 0) nl = n
      if (this.escAt !== -1 && this.escAt <= from) this.escAt = src.indexOf(String.fromCharCode(esc), from + 1)
      if (this.escAt < 0 || this.escAt >= nl) return nl < n ? this.heredocs(keywordEnd, keyword, nl) : n
    }
    let escaped = false
    scan: for (let i = from + 1; i < n; i++) {
      const c = src.charCodeAt(i)
      if (c === LF || c === CR) {
        if (escaped) continue
        return this.heredocs(keywordEnd, keyword, i)
      }
      if (c === esc) {
        if (src.charCodeAt(i - 1) === esc) {
          // An escaped escape character at the line's end: the instruction ends with this line.
          const nl = this.newlineAfterBlanks(i + 1)
          if (nl >= 0) return this.heredocs(keywordEnd, keyword, nl)
        }
        const d = src.charCodeAt(i + 1)
        if (isNewline(d)) {
          escaped = true
          i++
        } else if (isBlank(d)) {
          for (let j = i + 2; j < n; j++) {
            const e = src.charCodeAt(j)
            if (isBlank(e)) continue
            if (isNewline(e)) escaped = true
            i = j
            continue scan
          }
          return n
        }
        continue
      }
      if (c === HASH) {
        if (escaped) i = this.lineEnd(i) // a comment line inside a continuation
        continue
      }
      if (c !== SP && c !== TAB) escaped = false
    }
    return n
  }

  /**
   * The newline after the blanks from `i` on; -1 when something else (or the end of the text) comes first.
   *
   * Used after an escape character that follows another one (`C:\\dir\\` at a line's end): that line does not
   * continue. BuildKit continues a line when the escape character ends it (blanks after it allowed) and follows
   * another character than the escape character, or starts the line: its pattern for `\` is
   * `([^\\])\\[ \t]*$|^\\[ \t]*$` (moby/buildkit frontend/dockerfile/parser/parser.go, `setEscapeToken` building
   * `lineContinuationRegex` from the escape token; commit cc7a3ded6 "Dockerfile: fix parsing of trailing backslash",
   * in dockerfile/1.2.0 and vendored in moby v20.10.0 for the classic builder; test testfiles/trailing-backslash).
   * It does not count the escape characters: `\\\` at a line's end does not continue the line either. A lone escape
   * character on a line still does. `dockerfile-ast` continues all these lines, the rule before that commit.
   */
  private newlineAfterBlanks(i: number): number {
    const { src, n } = this
    for (; i < n; i++) {
      const c = src.charCodeAt(i)
      if (c === LF || c === CR) return i
      if (c !== SP && c !== TAB) return -1
    }
    return -1
  }

  /** Where an instruction ending at the newline `lineEnd` really ends: after its heredoc bodies, if it has any. */
  private heredocs(keywordEnd: number, keyword: string, lineEnd: number): number {
    if (!this.hasHeredocMarker(keywordEnd, lineEnd)) return lineEnd
    if (keyword === 'ONBUILD') throw new Unsupported('heredoc in ONBUILD')
    if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN') return lineEnd
    // Only the plain form: one line, no flags (their words are read differently). Words are split on blanks.
    const src = this.src
    const names: string[] = []
    let tabbed = false
    for (let i = keywordEnd; i < lineEnd; ) {
      let c = src.charCodeAt(i)
      if (c === SP || c === TAB) {
        i++
        continue
      }
      const wordStart = i
      while (i < lineEnd && c !== SP && c !== TAB) {
        if (c === CR || c === LF) throw new Unsupported('heredoc with continuation')
        c = src.charCodeAt(++i)
      }
      const w = this.unescape(src.slice(wordStart, i))
      if (w.startsWith('--')) throw new Unsupported('heredoc with flags')
      if (!w.startsWith('<<') || w.length <= 2) continue
      if (w.startsWith('<<-')) tabbed = true
      const name = heredocName(w)
      if (name !== undefined) names.push(name)
    }
    let offset = lineEnd
    for (const name of names) offset = this.heredocEnd(name, offset, tabbed)
    return offset
  }

  /** Whether `<<` occurs in `src[from, to)` (most instructions have no heredoc: their text is not copied). */
  private hasHeredocMarker(from: number, to: number): boolean {
    if (this.heredocAt !== -1 && this.heredocAt < from) this.heredocAt = this.src.indexOf('<<', from)
    return this.heredocAt >= 0 && this.heredocAt + 1 < to
  }

  /** A word's value: the escape character removed before any character but `$`; an escape before a blank or at
   * the end of the word is left to `dockerfile-ast`. */
  private unescape(word: string): string {
    const esc = String.fromCharCode(this.esc)
    if (!word.includes(esc)) return word
    let out = ''
    for (let i = 0; i < word.length; i++) {
      if (word[i] !== esc) {
        out += word[i]
        continue
      }
      const next = word[i + 1]
      if (next === undefined) throw new Unsupported('escaped blank in a heredoc instruction')
      out += next === '$' ? esc + next : next
      i++
    }
    return out
  }

  /** The newline ending the first line after `from` that is exactly `name` (tabs before it allowed when
   * `tabbed`); the end of the text when there is none. */
  private heredocEnd(name: string, from: number, tabbed: boolean): number {
    const { src, n } = this
    let wordStart = -1
    let lineStart = true
    for (let i = from; i < n; i++) {
      const c = src.charCodeAt(i)
      if (c === SP) lineStart = false
      else if (c === TAB) {
        if (!tabbed) lineStart = false
      } else if (c === LF || c === CR) {
        if (wordStart !== -1 && i - wordStart === name.length && src.startsWith(name, wordStart)) return i
        wordStart = -1
        lineStart = true
      } else if (lineStart) {
        wordStart = i
        lineStart = false
      }
    }
    return n
  }
}

/** The delimiter of a `<<NAME`, `<<-NAME`, `<<"NAME"` or `<<'NAME'` word; undefined for unbalanced quotes. */
function heredocName(word: string): string | undefined {
  let v = word.slice(2)
  if (v.startsWith('-')) v = v.slice(1)
  for (const q of ['"', "'"]) {
    if (v.startsWith(q)) {
      if (!v.endsWith(q)) return undefined
      v = v.slice(1, -1)
    }
  }
  if (v.startsWith('<')) return undefined
  return v
}
