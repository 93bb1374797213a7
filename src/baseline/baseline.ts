/**
 * The baseline: findings recorded once (`--write-baseline FILE`) and left out of later runs (`--baseline FILE`), so
 * a team can adopt isolint and fail only on new findings. Matching is by fingerprint (see fingerprint.ts): first
 * the located line with its neighbours, then the located line alone (its neighbours were edited).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { UsageError } from '../core/errors.js'
import type { Finding } from '../core/finding.js'
import { fingerprints } from './fingerprint.js'

export const BASELINE_VERSION = 1

export interface BaselineEntry {
  readonly fingerprint: string
  readonly lineFingerprint: string
  readonly ruleId: string
  readonly file: string
  /** For people reading the file; not used for matching. */
  readonly message: string
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION
  readonly tool: 'isolint'
  readonly findings: readonly BaselineEntry[]
}

export interface BaselineOutcome {
  /** Findings not in the baseline. */
  readonly findings: Finding[]
  /** Findings in the baseline still present. */
  readonly known: number
  /** Baseline entries no longer found. */
  readonly fixed: number
}

export function createBaseline(findings: readonly Finding[], sources: ReadonlyMap<string, string>): Baseline {
  const fps = fingerprints(findings, sources)
  return {
    version: BASELINE_VERSION,
    tool: 'isolint',
    findings: findings.map((f, i) => ({
      fingerprint: fps[i]!.full,
      lineFingerprint: fps[i]!.line,
      ruleId: f.ruleId,
      file: f.span.file,
      message: f.message,
    })),
  }
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`
}

export function writeBaseline(file: string, baseline: Baseline): void {
  try {
    writeFileSync(file, renderBaseline(baseline))
  } catch (e) {
    throw new UsageError(`cannot write baseline ${file}: ${(e as Error).message}`)
  }
}

/** Reads and checks a baseline file; a missing or malformed one is a usage error. */
export function readBaseline(file: string, shown = file): Baseline {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new UsageError(`cannot read baseline ${shown}: ${(e as Error).message}`)
  }
  const b = data as Partial<Baseline>
  const ok =
    b !== null &&
    typeof b === 'object' &&
    b.version === BASELINE_VERSION &&
    Array.isArray(b.findings) &&
    (b.findings as unknown[]).every((x) => {
      const e = x as Partial<BaselineEntry> | null
      return typeof e?.fingerprint === 'string' && typeof e.lineFingerprint === 'string' && typeof e.ruleId === 'string'
    })
  if (!ok) throw new UsageError(`baseline ${shown} is not an isolint baseline (version ${BASELINE_VERSION}); write one with --write-baseline`)
  return b as Baseline
}

/** Leaves out the findings the baseline knows; counts those still present and those fixed. */
export function applyBaseline(findings: readonly Finding[], sources: ReadonlyMap<string, string>, baseline: Baseline): BaselineOutcome {
  const fps = fingerprints(findings, sources)
  const unmatched = new Set(baseline.findings.map((_, i) => i))
  const byFull = new Map<string, number>()
  baseline.findings.forEach((e, i) => byFull.set(`${e.ruleId}\u0000${e.fingerprint}`, i))
  const matched = new Array<boolean>(findings.length).fill(false)
  // Pass 1: same line and neighbours.
  findings.forEach((f, i) => {
    const hit = byFull.get(`${f.ruleId}\u0000${fps[i]!.full}`)
    if (hit !== undefined && unmatched.has(hit)) {
      unmatched.delete(hit)
      matched[i] = true
    }
  })
  // Pass 2: same line text, neighbours edited (by rule and file, whatever the occurrence count).
  const strip = (fp: string): string => fp.replace(/:\d+$/, '')
  findings.forEach((f, i) => {
    if (matched[i]) return
    const key = strip(fps[i]!.line)
    for (const j of unmatched) {
      const e = baseline.findings[j]!
      if (e.ruleId === f.ruleId && e.file === f.span.file && strip(e.lineFingerprint) === key) {
        unmatched.delete(j)
        matched[i] = true
        break
      }
    }
  })
  const known = matched.filter(Boolean).length
  return { findings: findings.filter((_, i) => !matched[i]), known, fixed: unmatched.size }
}
