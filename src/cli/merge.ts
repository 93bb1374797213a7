/**
 * Shard reports and `isolint merge`. A run with `--shard i/n --format json` writes the JSON report plus a `shard`
 * section (its index, its files and its findings with every position); `isolint merge a.json b.json ...` checks
 * that the reports are the n shards of one run, each once, and renders their union as text, JSON or SARIF, the
 * same bytes as an unsharded run. Source lines (for code frames and SARIF fingerprints) are read from `--root`
 * (default: the current folder), the checkout the shards ran on.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../core/errors.js'
import { exitCodeFor, failOnLevel, parseCommandLine, REPORT_OPTIONS, reportFormat, reportOf, writeReport } from './command-line.js'
import {
  compareFindings,
  type Finding,
  type LintResult,
  type SkippedFile,
  type SuppressedFinding,
} from '../core/finding.js'
import { decode, readBounded, DEFAULT_MAX_FILE_SIZE } from '../project/load.js'
import type { Shard } from '../project/shard.js'
import { renderJson } from '../reporters/json.js'
import { renderText } from '../reporters/text.js'
import type { CliIO } from './main.js'

/** What a shard adds to its JSON report. */
interface ShardSection {
  readonly index: number
  readonly count: number
  readonly files: readonly string[]
  readonly findings: readonly Finding[]
  /** The shard's suppressed findings, with their directives (the JSON report's `suppressed` lacks the spans). */
  readonly suppressed?: readonly SuppressedFinding[]
  /** With --baseline: the shard's share (the baseline's entries for its files), summed by merge. */
  readonly baseline?: { readonly known: number; readonly fixed: number }
}

/** The JSON report of one shard: the usual report plus the `shard` section that `isolint merge` reads. */
export function renderShardJson(result: LintResult, shard: Shard): string {
  return renderJson(result, { shard: shardSection(result, shard) })
}

/** The `shard` section of a shard's JSON report. */
export function shardSection(result: LintResult, shard: Shard): ShardSection {
  return {
    index: shard.index,
    count: shard.count,
    files: result.files,
    findings: result.findings,
    ...(result.suppressed && result.suppressed.length > 0 ? { suppressed: result.suppressed } : {}),
    ...(result.baseline ? { baseline: result.baseline } : {}),
  }
}

export const MERGE_USAGE = `Usage: isolint merge [options] <shard.json>...

Combines the JSON reports of 'isolint --shard i/n --format json' runs (all n shards, each once) into one report,
the same as a run without shards.

Options:
  --format text|json|sarif output format (default: text)
  --output FILE            write the report to FILE instead of standard output
  --root DIR               the checkout the shards ran on, for source lines (default: the current folder)
  --fail-on LEVEL          error|warning|note|none: exit 1 on findings at or above LEVEL (default: error)
  --no-color               plain text output
  -h, --help               print this help`

/** `isolint merge ...`; returns the exit code (usage errors are thrown as UsageError). */
export function merge(argv: readonly string[], io: CliIO): number {
  const parsed = parseCommandLine({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: REPORT_OPTIONS,
  })
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(MERGE_USAGE + '\n')
    return 0
  }
  const format = reportFormat(values.format)
  const failOn = failOnLevel(values['fail-on']) ?? 'error'
  if (positionals.length === 0) throw new UsageError('merge needs the JSON reports of the shards')
  const shards = positionals.map((p) => readShard(path.resolve(io.cwd, p), p))
  const result = mergeShards(shards, path.resolve(io.cwd, values.root ?? '.'))

  const report = reportOf(result, format, {
    text: () => renderText(result, { color: io.color && !values['no-color'] && values.output === undefined }),
  })
  writeReport(report, format, values.output, io)
  return exitCodeFor(result.findings, failOn)
}

interface ShardReport {
  readonly name: string
  readonly shard: ShardSection
  readonly skipped: readonly SkippedFile[]
}

function readShard(abs: string, name: string): ShardReport {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(abs, 'utf8'))
  } catch (e) {
    throw new UsageError(`cannot read shard report ${name}: ${(e as Error).message}`)
  }
  const r = data as { version?: unknown; skipped?: unknown; shard?: Partial<ShardSection> }
  const s = r?.shard
  if (
    r?.version !== 1 ||
    !Array.isArray(r.skipped) ||
    !s ||
    !Number.isInteger(s.index) ||
    !Number.isInteger(s.count) ||
    !Array.isArray(s.files) ||
    !Array.isArray(s.findings) ||
    (s.suppressed !== undefined && !Array.isArray(s.suppressed))
  ) {
    throw new UsageError(`${name} is not a shard report: write it with 'isolint --shard i/n --format json'`)
  }
  return { name, shard: s as ShardSection, skipped: r.skipped as SkippedFile[] }
}

/** The union of the shards' results; the shards must be 1..n of one count, each once. */
export function mergeShards(shards: readonly ShardReport[], root: string): LintResult {
  const count = shards[0]!.shard.count
  const seen = new Map<number, string>()
  for (const s of shards) {
    if (s.shard.count !== count) {
      throw new UsageError(`${s.name} is shard ${s.shard.index}/${s.shard.count}, the first report is of ${count} shards`)
    }
    const other = seen.get(s.shard.index)
    if (other !== undefined) throw new UsageError(`shard ${s.shard.index}/${count} given twice: ${other} and ${s.name}`)
    seen.set(s.shard.index, s.name)
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i))
  if (missing.length > 0) throw new UsageError(`missing shard report(s): ${missing.map((i) => `${i}/${count}`).join(', ')}`)

  const ordered = [...shards].sort((a, b) => a.shard.index - b.shard.index)
  const findings = ordered.flatMap((s) => s.shard.findings).sort(compareFindings)
  const files = [...new Set(ordered.flatMap((s) => s.shard.files))].sort()
  const skipped = ordered.flatMap((s) => s.skipped).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  const suppressed = ordered.flatMap((s) => s.shard.suppressed ?? []).sort((a, b) => compareFindings(a.finding, b.finding))
  const baselines = ordered.flatMap((s) => (s.shard.baseline ? [s.shard.baseline] : []))
  const baseline =
    baselines.length > 0
      ? { known: baselines.reduce((n, b) => n + b.known, 0), fixed: baselines.reduce((n, b) => n + b.fixed, 0) }
      : undefined
  const sources = new Map<string, string>()
  for (const file of new Set([...findings, ...suppressed.map((s) => s.finding)].map((f) => f.span.file))) {
    const got = readBounded(path.join(root, file), DEFAULT_MAX_FILE_SIZE)
    if ('skip' in got) continue
    const d = decode(got.bytes)
    if (d.text !== undefined) sources.set(file, d.text)
  }
  return { findings, files, skipped, sources, ...(suppressed.length > 0 ? { suppressed } : {}), ...(baseline ? { baseline } : {}) }
}
