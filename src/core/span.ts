/**
 * Source positions. Lines and columns are 1-based; columns count UTF-16 code units (SARIF's default
 * `utf16CodeUnits`); `end` is exclusive, as in SARIF regions. `file` is a POSIX path relative to the scanned root.
 */
export interface Position {
  readonly line: number
  readonly column: number
}

export interface Span {
  readonly file: string
  readonly start: Position
  readonly end: Position
}

export interface Located<T> {
  readonly value: T
  readonly span: Span
}

/**
 * A span as one object with numeric fields (a model holds hundreds of thousands of spans: three objects each cost
 * twice the memory and the garbage collection). Each position is packed into one small integer, `line * 4096 +
 * column`, so a span is three fields; a position that does not fit (a column past 4095, a line past 524,287) makes a
 * {@link WideSpan}. `start` and `end` are computed when read; `toJSON` gives the plain `{ file, start, end }` form.
 * Create spans with `span()`, `spanAt()`, `lineSpan()` or `LineIndex.span()`.
 */
class CompactSpan implements Span {
  constructor(
    readonly file: string,
    /** The packed start and end (read without a Position by `spanInLines`). */
    readonly from: number,
    readonly to: number,
  ) {}

  get start(): Position {
    return { line: this.from >>> COLUMN_BITS, column: this.from & COLUMN_MASK }
  }

  get end(): Position {
    return { line: this.to >>> COLUMN_BITS, column: this.to & COLUMN_MASK }
  }

  toJSON(): { file: string; start: Position; end: Position } {
    return { file: this.file, start: this.start, end: this.end }
  }
}

/** A span with a position {@link CompactSpan} cannot pack: each number in a field of its own. */
class WideSpan implements Span {
  constructor(
    readonly file: string,
    private readonly startLine: number,
    private readonly startColumn: number,
    private readonly endLine: number,
    private readonly endColumn: number,
  ) {}

  get start(): Position {
    return { line: this.startLine, column: this.startColumn }
  }

  get end(): Position {
    return { line: this.endLine, column: this.endColumn }
  }

  toJSON(): { file: string; start: Position; end: Position } {
    return { file: this.file, start: this.start, end: this.end }
  }
}

const COLUMN_BITS = 12
const COLUMN_MASK = (1 << COLUMN_BITS) - 1
/** Lines below this pack with any column below 4096 into a small integer (31 bits), stored unboxed. */
const LINE_LIMIT = 1 << (31 - COLUMN_BITS)

/** Whether a position packs into a small integer: whole numbers, a line below 524,288, a column below 4096. */
function packs(line: number, column: number): boolean {
  return line >>> 0 === line && line < LINE_LIMIT && column >>> 0 === column && column <= COLUMN_MASK
}

export function span(file: string, line: number, column: number, endLine: number, endColumn: number): Span {
  return packs(line, column) && packs(endLine, endColumn)
    ? new CompactSpan(file, (line << COLUMN_BITS) | column, (endLine << COLUMN_BITS) | endColumn)
    : new WideSpan(file, line, column, endLine, endColumn)
}

/**
 * Whether a span lies in a text of `lines` lines: its positions are 1-based, on a line of the text, and its start is
 * not after its end. A packed span is checked on its packed numbers (a column below 4096 keeps their order), without
 * the two Position objects `start` and `end` make: the engine checks every span the rules report (issue 11).
 */
export function spanInLines(s: Span, lines: number): boolean {
  if (s instanceof CompactSpan) {
    const from = s.from
    const to = s.to
    return from >>> COLUMN_BITS >= 1 && (from & COLUMN_MASK) >= 1 && to >= from && to >>> COLUMN_BITS <= lines
  }
  const start = s.start
  const end = s.end
  return (
    start.line >= 1 &&
    start.column >= 1 &&
    start.line <= lines &&
    (end.line > start.line || (end.line === start.line && end.column >= start.column)) &&
    end.line <= lines
  )
}

/** A span from one position to another. */
export function spanAt(file: string, start: Position, end: Position): Span {
  return span(file, start.line, start.column, end.line, end.column)
}

/** The plain form of a span, `{ file, start: { line, column }, end: { line, column } }` (for tests and serialisers). */
export function plainSpan(s: Span): { file: string; start: Position; end: Position } {
  return { file: s.file, start: { line: s.start.line, column: s.start.column }, end: { line: s.end.line, column: s.end.column } }
}

/** A span covering a whole line of text (column 1 up to the end of the line). */
export function lineSpan(file: string, line: number, lineText: string): Span {
  return span(file, line, 1, line, Math.max(1, lineText.length + 1))
}

/**
 * The number of lines as {@link LineIndex} counts them (`\n`, `\r\n` and a lone `\r` end a line), without indexing
 * them: the engine bounds positions with it for every file a finding points at.
 */
export function countLines(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++
  return n
}

/** Maps 0-based string offsets to 1-based positions; one instance per source text. */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // LF line ends only (most files): found by indexOf, far faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
      return
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.starts.push(i + 1)
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1)
    }
  }

  get lineCount(): number {
    return this.starts.length
  }

  /** The position of an offset; an offset between the `\r` and `\n` of a CRLF is the end of its line. */
  position(offset: number): Position {
    const o = this.clamp(offset)
    const line = this.lineOf(o)
    return { line, column: o - this.starts[line - 1]! + 1 }
  }

  /** The offset a position is computed from: inside the text, and a CRLF's `\r\n` counts as its line's end. */
  private clamp(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length))
    return o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10 ? o - 1 : o
  }

  /** The 1-based line of a clamped offset. */
  private lineOf(o: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= o) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  offset(pos: Position): number {
    const start = this.starts[pos.line - 1] ?? this.text.length
    return start + pos.column - 1
  }

  /** Text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.starts[line - 1]
    if (start === undefined) return ''
    const next = this.starts[line] ?? this.text.length
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '')
  }

  span(file: string, startOffset: number, endOffset: number): Span {
    const s = this.clamp(startOffset)
    const e = this.clamp(endOffset)
    const line = this.lineOf(s)
    // Most spans end on their first line: the second search only when the end is not on it.
    const starts = this.starts
    const endLine = e >= s && (line === starts.length || e < starts[line]!) ? line : this.lineOf(e)
    return span(file, line, s - starts[line - 1]! + 1, endLine, e - starts[endLine - 1]! + 1)
  }
}
