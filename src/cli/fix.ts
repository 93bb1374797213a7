/**
 * The CLI's `--fix` (apply every fix in place, lint again, report what is left) and `--fix-dry-run` (print the
 * unified diff the fixes would make, change nothing).
 */
import { atLeast, type Fix, type Severity } from '../core/finding.js'
import { planDiff, planFixes, writeFixes } from '../fix/index.js'
import { lint, type LintOptions, type LintOutput } from '../lint.js'
import { neutralizeLines } from '../core/log-safe.js'
import { writeReport } from './command-line.js'

/** Passes of fix → lint: a fix can make another one possible (a pinned runner label gives an image a host). */
const MAX_PASSES = 10

interface FixIO {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/** Applies the fixes in place until none is left to apply; returns the lint result of the fixed files. */
export function fixInPlace(options: LintOptions & { readonly root: string }, io: FixIO): LintOutput {
  let result = lint(options)
  const fixed = new Map<string, number>()
  const refused = new Map<string, string>()
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const plan = planFixes(options.root, result)
    for (const r of plan.refused) refused.set(r.file, r.reason)
    const written = writeFixes(options.root, plan)
    if (written.length === 0) break
    for (const f of written) fixed.set(f.file, (fixed.get(f.file) ?? 0) + f.applied.length)
    result = lint(options)
  }
  const count = [...fixed.values()].reduce((a, b) => a + b, 0)
  const lines = [
    count === 0
      ? 'isolint: nothing to fix'
      : `isolint: applied ${count} fix${count === 1 ? '' : 'es'} in ${fixed.size} file${fixed.size === 1 ? '' : 's'}: ${[...fixed.keys()].join(', ')}`,
    ...[...refused].map(([file, reason]) => `isolint: did not fix ${file}: ${reason}`),
  ]
  io.stderr(neutralizeLines(lines.join('\n') + '\n'))
  return result
}

/**
 * Prints the unified diff of the fixes (to --output when given) and a line on standard error; the exit code follows
 * --fail-on over the findings the fixes would leave.
 */
export function fixDryRun(options: LintOptions & { readonly root: string }, failOn: Severity | 'none', output: string | undefined, io: FixIO): number {
  const result = lint(options)
  const plan = planFixes(options.root, result)
  const diff = planDiff(plan)
  writeReport(diff, 'text', output, io)
  const key = (f: Fix): string => JSON.stringify([f.span, f.replacement])
  const applied = new Set(plan.files.flatMap((f) => f.applied.map(key)))
  const left = result.findings.filter((f) => !(f.fix && applied.has(key(f.fix))))
  const count = applied.size
  const lines = [
    `isolint: ${count} fix${count === 1 ? '' : 'es'} would change ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}; ${left.length} finding${left.length === 1 ? '' : 's'} would be left`,
    ...plan.refused.map((r) => `isolint: would not fix ${r.file}: ${r.reason}`),
  ]
  io.stderr(neutralizeLines(lines.join('\n') + '\n'))
  if (result.crashes.length > 0) return 3
  return left.some((f) => atLeast(f.severity, failOn)) ? 1 : 0
}
