/**
 * Stable fingerprints of findings, for the baseline and SARIF `partialFingerprints`: the rule, the file, and the
 * whitespace-normalised text of the located line with its nearest neighbours that are not blank or comments, never
 * the line number, so
 * a finding keeps its fingerprint when unrelated lines are added or removed elsewhere in the file.
 * `:n` counts identical fingerprints in one report (as codeql-action does), so two findings on identical lines
 * stay two. Pure.
 */
import type { Finding } from '../core/finding.js'
import { LineIndex } from '../core/span.js'

export interface Fingerprint {
  /** Rule, file, located line and its neighbours, with the occurrence count: `<hash>:<n>`. */
  readonly full: string
  /** Rule, file and the located line only (no neighbours), with its own count: the fallback when neighbours changed. */
  readonly line: string
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

function hash(text: string): string {
  // node:crypto is loaded on first use: most runs write no fingerprint, and loading it is a part of every start.
  return process.getBuiltinModule('node:crypto').hash('sha256', text, 'hex').slice(0, 32)
}

/** Fingerprints of findings in order; `sources` holds the text of every linted file. */
export function fingerprints(findings: readonly Finding[], sources: ReadonlyMap<string, string>): Fingerprint[] {
  const located = locator(sources)
  const numbered = occurrences()
  return findings.map((f) => {
    const at = located(f)
    return { full: numbered(fullHash(at)), line: numbered(hash(`${at.head}${at.at}`)) }
  })
}

/** The `full` fingerprints of findings in order (SARIF's `primaryLocationLineHash`), without the `line` ones. */
export function fullFingerprints(findings: readonly Finding[], sources: ReadonlyMap<string, string>): string[] {
  const located = locator(sources)
  const numbered = occurrences()
  return findings.map((f) => numbered(fullHash(located(f))))
}

interface Located {
  readonly head: string
  readonly above: string
  readonly at: string
  readonly below: string
}

function fullHash({ head, above, at, below }: Located): string {
  return hash(`${head}${above}\n${at}\n${below}`)
}

/** `<hash>:<n>`: the n-th time the hash is seen in one report. */
function occurrences(): (hash: string) => string {
  const counts = new Map<string, number>()
  return (key) => {
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    return `${key}:${n}`
  }
}

/** What a fingerprint hashes: rule and file, and the normalised located line with its nearest content lines. */
function locator(sources: ReadonlyMap<string, string>): (f: Finding) => Located {
  // Each file's lines are indexed once and normalised once each.
  const files = new Map<string, { readonly index: LineIndex; readonly texts: string[] }>()
  return (f) => {
    const file = f.span.file
    let lines = files.get(file)
    if (!lines) files.set(file, (lines = { index: new LineIndex(sources.get(file) ?? ''), texts: [] }))
    const { index, texts } = lines
    const text = (l: number): string => (texts[l] ??= normalise(index.lineText(l)))
    const at = f.span.start.line
    // Neighbours are the nearest lines with content: blank and comment lines (a suppression added later) are skipped.
    const content = (l: number): string => {
      const t = text(l)
      return t.startsWith('#') ? '' : t
    }
    let above = ''
    for (let l = at - 1; l >= 1 && above === ''; l--) above = content(l)
    let below = ''
    for (let l = at + 1; l <= index.lineCount && below === ''; l++) below = content(l)
    return { head: `${f.ruleId}\u0000${file}\u0000`, above, at: text(at), below }
  }
}
