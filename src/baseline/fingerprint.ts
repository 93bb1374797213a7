/**
 * Stable fingerprints of findings, for the baseline and SARIF `partialFingerprints`: the rule, the file, and the
 * whitespace-normalised text of the located line with its nearest neighbours that are not blank or comments, never
 * the line number, so
 * a finding keeps its fingerprint when unrelated lines are added or removed elsewhere in the file.
 * `:n` counts identical fingerprints in one report (as codeql-action does), so two findings on identical lines
 * stay two. Pure.
 */
import { createHash } from 'node:crypto'
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
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
}

/** Fingerprints of findings in order; `sources` holds the text of every linted file. */
export function fingerprints(findings: readonly Finding[], sources: ReadonlyMap<string, string>): Fingerprint[] {
  const indexes = new Map<string, LineIndex>()
  const counts = new Map<string, number>()
  const count = (key: string): number => {
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    return n
  }
  return findings.map((f) => {
    const source = sources.get(f.span.file) ?? ''
    let index = indexes.get(f.span.file)
    if (!index) indexes.set(f.span.file, (index = new LineIndex(source)))
    const at = f.span.start.line
    const text = (l: number): string => normalise(index.lineText(l))
    // Neighbours are the nearest lines with content: blank and comment lines (a suppression added later) are skipped.
    const content = (l: number): string => (/^#/.test(text(l)) ? '' : text(l))
    let above = ''
    for (let l = at - 1; l >= 1 && above === ''; l--) above = content(l)
    let below = ''
    for (let l = at + 1; l <= index.lineCount && below === ''; l++) below = content(l)
    const head = `${f.ruleId}\u0000${f.span.file}\u0000`
    const full = hash(`${head}${above}\n${text(at)}\n${below}`)
    const line = hash(`${head}${text(at)}`)
    return { full: `${full}:${count(full)}`, line: `${line}:${count(line)}` }
  })
}
