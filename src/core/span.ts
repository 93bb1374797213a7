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

export function span(file: string, line: number, column: number, endLine: number, endColumn: number): Span {
  return { file, start: { line, column }, end: { line: endLine, column: endColumn } }
}

/** A span covering a whole line of text (column 1 up to the end of the line). */
export function lineSpan(file: string, line: number, lineText: string): Span {
  return span(file, line, 1, line, Math.max(1, lineText.length + 1))
}

/** Maps 0-based string offsets to 1-based positions; one instance per source text. */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(readonly text: string) {
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
    let o = Math.max(0, Math.min(offset, this.text.length))
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= o) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 }
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
    return { file, start: this.position(startOffset), end: this.position(endOffset) }
  }
}
