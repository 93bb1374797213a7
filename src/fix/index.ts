/**
 * `--fix` and `--fix-dry-run`: the fixes of a lint result, applied to the files under the root.
 *
 * Safety: a file is changed only when it is a regular file inside the root (also after resolving links), its bytes
 * on disk are still the text that was linted, it is valid UTF-8, and the fixed text parses again with no more
 * problems than before; otherwise its fixes are left out (one by one when only some of them break it) and the
 * file is named in `refused`. A UTF-8 byte order mark is kept.
 */
import { lstatSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Finding, Fix, LintResult } from '../core/finding.js'
import { isInside } from '../project/discover.js'
import { parseText } from '../project/load.js'
import { applyFixes, unifiedDiff } from './edits.js'

export interface FileFix {
  /** POSIX path relative to the root. */
  readonly file: string
  readonly before: string
  readonly after: string
  readonly applied: readonly Fix[]
}

export interface FixPlan {
  readonly files: readonly FileFix[]
  /** Files with fixes that were not changed, and why. */
  readonly refused: readonly { readonly file: string; readonly reason: string }[]
}

/** Works out the fixed text of every file with fixes, without writing anything. */
export function planFixes(root: string, result: LintResult): FixPlan {
  const byFile = new Map<string, Fix[]>()
  for (const f of result.findings) {
    if (!f.fix) continue
    const list = byFile.get(f.fix.span.file) ?? []
    list.push(f.fix)
    byFile.set(f.fix.span.file, list)
  }
  const files: FileFix[] = []
  const refused: { file: string; reason: string }[] = []
  for (const [file, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = result.sources.get(file)
    const why = before === undefined ? 'not a linted file' : unsafe(root, file, before)
    if (why !== undefined || before === undefined) {
      refused.push({ file, reason: why ?? 'not a linted file' })
      continue
    }
    const fixed = fixParsable(root, file, before, fixes)
    if (fixed.applied.length > 0) files.push({ file, before, after: fixed.text, applied: fixed.applied })
    if (fixed.broken > 0) refused.push({ file, reason: `${fixed.broken} fix(es) left out: the file would not parse afterwards` })
  }
  return { files, refused }
}

/**
 * Applies the fixes of one file. When the result does not parse (with no more problems than before), the fixes are
 * added one at a time in text order and each one that breaks the file is left out.
 */
function fixParsable(root: string, file: string, before: string, fixes: readonly Fix[]): { text: string; applied: readonly Fix[]; broken: number } {
  const baseline = parseText(root, file, before)
  const parses = (text: string): boolean => {
    const after = parseText(root, file, text)
    return after.parsed && after.problems <= baseline.problems
  }
  const all = applyFixes(before, fixes)
  if (all.applied.length === 0 || parses(all.text)) return { text: all.text, applied: all.applied, broken: 0 }
  let kept: Fix[] = []
  let text = before
  let broken = 0
  for (const fix of all.applied) {
    const trial = applyFixes(before, [...kept, fix])
    if (parses(trial.text)) {
      kept = [...trial.applied]
      text = trial.text
    } else broken++
  }
  return { text, applied: kept, broken }
}

/** Why the file must not be written, or undefined. */
function unsafe(root: string, file: string, linted: string): string | undefined {
  const abs = path.resolve(root, file)
  try {
    if (!isInside(root, abs)) return 'outside the root'
    const st = lstatSync(abs)
    if (!st.isFile()) return 'not a regular file (a link or a special file)'
    if (!isInside(realpathSync(root), realpathSync(abs))) return 'outside the root'
    const text = decodeStrict(readFileSync(abs))
    if (text === undefined) return 'not valid UTF-8'
    if (text !== linted) return 'changed since it was linted'
  } catch (e) {
    return `cannot read it: ${(e as Error).message}`
  }
  return undefined
}

const BOM = '\uFEFF'

function decodeStrict(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Writes the planned files (checking each again right before writing); returns the files written. */
export function writeFixes(root: string, plan: FixPlan): FileFix[] {
  const written: FileFix[] = []
  for (const f of plan.files) {
    if (unsafe(root, f.file, f.before) !== undefined) continue
    const abs = path.resolve(root, f.file)
    const hadBom = readFileSync(abs).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))
    writeFileSync(abs, (hadBom ? BOM : '') + f.after)
    written.push(f)
  }
  return written
}

/** The unified diff of a plan, file by file. */
export function planDiff(plan: FixPlan): string {
  return plan.files.map((f) => unifiedDiff(f.file, f.before, f.after)).join('')
}

/** The findings of a result that carry a fix. */
export function fixable(findings: readonly Finding[]): number {
  return findings.filter((f) => f.fix).length
}
