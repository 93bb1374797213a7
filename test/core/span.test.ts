import { describe, expect, it } from 'vitest'
import { countLines, LineIndex, lineSpan, plainSpan, span, spanAt, spanInLines, type Span } from '../../src/core/span.js'

describe('span', () => {
  it('reads as { file, start, end } with 1-based lines and columns', () => {
    const s = span('a/Dockerfile', 2, 3, 4, 5)
    expect(s.file).toBe('a/Dockerfile')
    expect(s.start).toEqual({ line: 2, column: 3 })
    expect(s.end).toEqual({ line: 4, column: 5 })
    expect(plainSpan(s)).toEqual({ file: 'a/Dockerfile', start: { line: 2, column: 3 }, end: { line: 4, column: 5 } })
  })

  it('serialises to the plain form, keys in order', () => {
    expect(JSON.stringify(span('f', 1, 2, 3, 4))).toBe('{"file":"f","start":{"line":1,"column":2},"end":{"line":3,"column":4}}')
  })

  it('spanAt and lineSpan build the same spans as span', () => {
    expect(plainSpan(spanAt('f', { line: 1, column: 2 }, { line: 3, column: 4 }))).toEqual(plainSpan(span('f', 1, 2, 3, 4)))
    expect(plainSpan(lineSpan('f', 7, 'RUN x'))).toEqual(plainSpan(span('f', 7, 1, 7, 6)))
    expect(plainSpan(lineSpan('f', 7, ''))).toEqual(plainSpan(span('f', 7, 1, 7, 1)))
  })

  it('keeps every position exactly, packed or not: long lines, many lines, zero and negative numbers', () => {
    const cases: [number, number, number, number][] = [
      [1, 1, 1, 1],
      [1, 4095, 1, 4096],
      [2, 4096, 3, 100_000],
      [524_287, 4095, 524_287, 4095],
      [524_287, 1, 524_288, 1],
      [1_000_000, 7, 2_000_000, 9],
      [0, 0, 0, 0],
      [-1, 1, 1, -1],
      [1.5, 2, 3, 4],
    ]
    for (const [line, column, endLine, endColumn] of cases) {
      const s = span('f', line, column, endLine, endColumn)
      expect(s.start).toEqual({ line, column })
      expect(s.end).toEqual({ line: endLine, column: endColumn })
      expect(JSON.stringify(s)).toBe(JSON.stringify({ file: 'f', start: { line, column }, end: { line: endLine, column: endColumn } }))
    }
  })
})

describe('spanInLines', () => {
  /** The check on the span's positions, as the engine made it before packed spans were read directly. */
  const byPositions = (s: Span, lines: number): boolean =>
    s.start.line >= 1 &&
    s.start.column >= 1 &&
    s.start.line <= lines &&
    (s.end.line > s.start.line || (s.end.line === s.start.line && s.end.column >= s.start.column)) &&
    s.end.line <= lines

  it('says what the check on the positions says, packed spans, wide spans and plain objects alike', () => {
    const numbers = [-1, 0, 1, 2, 3, 4095, 4096, 524_287, 524_288, 1.5, Number.NaN]
    let packed = 0
    for (const line of numbers) {
      for (const column of [0, 1, 2, 4095, 4096, Number.NaN]) {
        for (const endLine of [line - 1, line, line + 1, 3]) {
          for (const endColumn of [column - 1, column, column + 1, 1, 4095]) {
            const s = span('f', line, column, endLine, endColumn)
            const plain = plainSpan(s)
            if (s.constructor.name === 'CompactSpan') packed++
            for (const lines of [1, 2, 3, 524_288, 600_000]) {
              expect(spanInLines(s, lines)).toBe(byPositions(s, lines))
              expect(spanInLines(plain, lines)).toBe(byPositions(s, lines))
            }
          }
        }
      }
    }
    // Both kinds of span were checked.
    expect(packed).toBeGreaterThan(100)
  })
})

describe('LineIndex', () => {
  const text = 'ab\r\ncd\ref\n\nlast'
  const index = new LineIndex(text)

  it('spans agree with position() for every pair of offsets (an end before the start too), CR, LF and CRLF alike', () => {
    for (let a = -1; a <= text.length + 1; a++) {
      for (let b = -1; b <= text.length + 1; b++) {
        expect(plainSpan(index.span('f', a, b))).toEqual({ file: 'f', start: index.position(a), end: index.position(b) })
      }
    }
  })

  it('finds the same lines in a text with LF line ends only as a text with CRs', () => {
    for (const lf of ['', '\n', 'a', 'a\n', '\n\nb\n', 'x\ny\n\nz']) {
      const plain = new LineIndex(lf)
      // With a CR at the end (its own line end), the lines before it are the same.
      const withCr = new LineIndex(`${lf}\r`)
      expect(withCr.lineCount, JSON.stringify(lf)).toBe(plain.lineCount + 1)
      for (let o = 0; o <= lf.length; o++) expect(plain.position(o), `${JSON.stringify(lf)} ${o}`).toEqual(withCr.position(o))
    }
  })

  it('puts an offset between CR and LF at the end of its line', () => {
    expect(index.position(3)).toEqual({ line: 1, column: 3 })
    expect(index.position(4)).toEqual({ line: 2, column: 1 })
    expect(index.position(7)).toEqual({ line: 3, column: 1 })
    expect(index.lineCount).toBe(5)
    expect(index.lineText(5)).toBe('last')
  })
})

describe('countLines', () => {
  it('counts the lines LineIndex indexes, on every mix of LF, CRLF and lone CR', () => {
    const pieces = ['a', '\n', '\r', '\r\n', '', 'bc']
    let seed = 3
    const next = (): number => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 0) % pieces.length
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: i % 9 }, () => pieces[next()]).join('')
      expect(countLines(text), JSON.stringify(text)).toBe(new LineIndex(text).lineCount)
    }
  })
})
