import type { RunnerFacts } from '../../src/core/rule.js'

/**
 * Inline expectation markers in fixtures (Semgrep style): a `#` comment line placed before the line it describes.
 *   # expect: <rule-id> [<rule-id>...] [@+N|@-N] [col=N] [severity=error|warning|note]
 *   # fixture: --runner windows-2022 --environment production --ephemeral-runner self-hosted,windows,jit --rule <id>
 * The target is the next line that is neither blank nor a comment, moved N lines further by `@+N`.
 */
export interface Expectation {
  readonly file: string
  readonly ruleId: string
  readonly line: number
  readonly column?: number
  /** Checked only when given: the finding's severity. */
  readonly severity?: string
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
    let severity: string | undefined
    const ids: string[] = []
    for (const w of words) {
      if (/^@[+-]\d+$/.test(w)) offset = Number(w.slice(1)) // @-1: the comment line just above (a suppression)
      else if (/^col=\d+$/.test(w)) column = Number(w.slice(4))
      else if (/^severity=(error|warning|note)$/.test(w)) severity = w.slice(9)
      else ids.push(w)
    }
    let target = i + 1
    while (target < lines.length && (lines[target]!.trim() === '' || /^\s*#/.test(lines[target]!))) target++
    if (target >= lines.length) throw new Error(`${file}:${i + 1}: expect marker with no line after it`)
    for (const ruleId of ids) {
      expectations.push({
        file,
        ruleId,
        line: target + 1 + offset,
        ...(column !== undefined ? { column } : {}),
        ...(severity !== undefined ? { severity } : {}),
      })
    }
  })
  return { expectations, args }
}

export function formatExpectation(e: Expectation): string {
  return `${e.file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''} ${e.ruleId}${e.severity !== undefined ? ` (${e.severity})` : ''}`
}

/** The lint options a fixture's `# fixture:` arguments ask for. */
export interface FixtureOptions {
  runners: string[]
  environment?: string
  /** `--ephemeral-runner a,b,c`: the runner with exactly these labels is marked ephemeral (as configuration would). */
  runnerFacts?: RunnerFacts
  /** `--rule <id>`: run that rule too (the suppression rules need the findings of another). */
  also: string[]
  /** `--smoke FILE`: smoke observations (JSON, each with file and line) fed to the rules, as `isolint smoke` does. */
  smoke?: string
}

export function fixtureOptions(args: readonly string[]): FixtureOptions {
  const runners: string[] = []
  const ephemeral: string[][] = []
  const also: string[] = []
  let smoke: string | undefined
  let environment: string | undefined
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runner') runners.push(args[++i]!)
    else if (args[i] === '--environment') environment = args[++i]!
    else if (args[i] === '--ephemeral-runner') ephemeral.push(args[++i]!.split(',').map((l) => l.toLowerCase()))
    else if (args[i] === '--rule') also.push(args[++i]!) // run another rule too (the suppression rules need findings)
    else if (args[i] === '--smoke') smoke = args[++i]! // smoke observations (JSON) fed to the rules
    else throw new Error(`unknown fixture argument ${args[i]}`)
  }
  const same = (a: readonly string[], b: readonly string[]): boolean =>
    a.length === b.length && a.every((l) => b.includes(l.toLowerCase()))
  const runnerFacts: RunnerFacts | undefined =
    ephemeral.length === 0 ? undefined : (labels) => (ephemeral.some((e) => same(labels, e)) ? { ephemeral: true } : undefined)
  return { runners, ...(environment ? { environment } : {}), ...(runnerFacts ? { runnerFacts } : {}), ...(smoke !== undefined ? { smoke } : {}), also }
}
