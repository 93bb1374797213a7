/** Counts as words, the same in every report. Pure. */
import type { Severity } from '../core/finding.js'

/** The mark of each severity in Markdown reports (job summary, review comments). */
export const SEVERITY_ICON: Readonly<Record<Severity, string>> = { error: '🔴', warning: '🟠', note: '🔵' }

/** `1 error`, `2 errors`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** `1 error, 0 warnings, 2 notes`. */
export function countsLine(findings: readonly { readonly severity: Severity }[]): string {
  const n = (s: Severity): number => findings.filter((f) => f.severity === s).length
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('note'), 'note')}`
}
