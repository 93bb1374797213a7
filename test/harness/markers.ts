/**
 * Inline expectation markers in fixtures (Semgrep style): a `#` comment line placed before the line it describes.
 *   # expect: <rule-id> [<rule-id>...] [@+N|@-N] [col=N]
 *   # fixture: --runner windows-2022 --environment production
 * The target is the next line that is neither blank nor a comment, moved N lines further by `@+N`.
 */
export interface Expectation {
  readonly file: string
  readonly ruleId: string
  readonly line: number
  readonly column?: number
}

const EXPECT = /^\s*#\s*expect:\s*(.+?)\s*$/
const FIXTURE = /^\s*#\s*fixture:\s*(.+?)\s*$/

export function readMarkers(file: string, text: string): { expectations: Expectation[]; args: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const expectations: Expectation[] = []
  const args: string[] = []
  lines.forEach((line, i) => {
    const fixture = FIXTURE.exec(line)
    if (fixture) args.push(...fixture[1]!.split(/\s+/))
    const m = EXPECT.exec(line)
    if (!m) return
    const words = m[1]!.split(/\s+/)
    let offset = 0
    let column: number | undefined
    const ids: string[] = []
    for (const w of words) {
      if (/^@[+-]\d+$/.test(w)) offset = Number(w.slice(1)) // @-1: the comment line just above (a suppression)
      else if (/^col=\d+$/.test(w)) column = Number(w.slice(4))
      else ids.push(w)
    }
    let target = i + 1
    while (target < lines.length && (lines[target]!.trim() === '' || /^\s*#/.test(lines[target]!))) target++
    if (target >= lines.length) throw new Error(`${file}:${i + 1}: expect marker with no line after it`)
    for (const ruleId of ids) {
      expectations.push({ file, ruleId, line: target + 1 + offset, ...(column !== undefined ? { column } : {}) })
    }
  })
  return { expectations, args }
}

export function formatExpectation(e: Expectation): string {
  return `${e.file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''} ${e.ruleId}`
}
