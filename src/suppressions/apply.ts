/** Matches findings against inline suppressions. Pure. */
import type { Finding, SuppressedFinding as CoreSuppressed } from '../core/finding.js'
import { expired, type Directive } from './directives.js'

export interface SuppressedFinding extends CoreSuppressed {
  readonly directive: Directive
}

export interface SuppressionOutcome {
  /** Findings still reported (an expired suppression's findings come back, saying so). */
  readonly kept: Finding[]
  readonly suppressed: SuppressedFinding[]
  /** Directives that matched at least one finding (expired ones included). */
  readonly used: Set<Directive>
}

function matches(d: Directive, f: Finding): boolean {
  if (!d.ruleIds.includes(f.ruleId)) return false
  if (d.kind === 'file') return f.span.file === d.file
  if (d.target === undefined) return false
  if (f.span.file === d.file && f.span.start.line === d.target) return true
  return f.related.some((r) => r.span.file === d.file && r.span.start.line === d.target)
}

/** `valid` are the directives without problems (only they suppress); `today` is YYYY-MM-DD. */
export function applySuppressions(findings: readonly Finding[], valid: readonly Directive[], today: string): SuppressionOutcome {
  const kept: Finding[] = []
  const suppressed: SuppressedFinding[] = []
  const used = new Set<Directive>()
  for (const f of findings) {
    const d = valid.find((x) => matches(x, f))
    if (!d) {
      kept.push(f)
      continue
    }
    used.add(d)
    if (expired(d, today)) {
      const at = `${d.file}:${d.span.start.line}`
      kept.push({ ...f, message: `${f.message} (the suppression at ${at} expired on ${d.until})` })
    } else suppressed.push({ finding: f, directive: d })
  }
  return { kept, suppressed, used }
}
