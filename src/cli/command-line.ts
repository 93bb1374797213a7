/** The command line of the CLI's commands. */
import { lstatSync, statSync, writeFileSync, type Stats } from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { oneOf, UsageError } from '../core/errors.js'
import { SEVERITIES, type Severity } from '../core/finding.js'
import { neutralizeJson, neutralizeLines } from '../core/log-safe.js'
import { pathError } from '../project/discover.js'

/**
 * Writes a report to `--output FILE` as is, else to standard output, which may be a CI log that reads workflow
 * commands: there text and JSON are neutralized so that no line acts as one.
 */
export function writeReport(
  report: string,
  format: ReportFormat,
  output: string | undefined,
  io: { readonly cwd: string; readonly stdout: (text: string) => void },
): void {
  if (output === undefined) {
    io.stdout(format === 'text' ? neutralizeLines(report) : neutralizeJson(report))
    return
  }
  try {
    writeFileSync(path.resolve(io.cwd, output), report)
  } catch (e) {
    throw new UsageError(`cannot write ${output}: ${(e as Error).message}`)
  }
}

export type ReportFormat = 'text' | 'json' | 'sarif'

/** `--format` of a report-writing command (default text). */
export function reportFormat(value: string | undefined): ReportFormat {
  return oneOf<ReportFormat>('--format', value ?? 'text', ['text', 'json', 'sarif'])
}

/** `--fail-on`, when given. */
export function failOnLevel(value: string | undefined): Severity | 'none' | undefined {
  return value === undefined ? undefined : oneOf<Severity | 'none'>('--fail-on', value, [...SEVERITIES, 'none'])
}

/** The options every report-writing command takes (lint, smoke, merge). */
export const REPORT_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  root: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** node:util `parseArgs`, with its errors (unknown option, missing value) as UsageErrors. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

/**
 * What a lint command reads, as absolute paths: the root (`--root`, else the one folder given, else the working
 * folder) and the paths given. A path that cannot be read is a UsageError naming it as given (discovery would name
 * the absolute path). `stats`: what `lstat` said of the paths that are no links, so that discovery does not ask again.
 */
export function lintTargets(
  cwd: string,
  root: string | undefined,
  positionals: readonly string[],
): { root: string; paths: string[]; stats: Map<string, Stats> } {
  const stats = new Map<string, Stats>()
  const paths = positionals.map((p) => {
    const abs = path.resolve(cwd, p)
    try {
      const st = lstatSync(abs)
      // A link must lead somewhere.
      if (st.isSymbolicLink()) statSync(abs)
      else stats.set(abs, st)
    } catch (e) {
      throw new UsageError(pathError(p, e))
    }
    return abs
  })
  return { root: path.resolve(cwd, root ?? defaultRoot(cwd, positionals)), paths, stats }
}

function defaultRoot(cwd: string, positionals: readonly string[]): string {
  if (positionals.length !== 1) return cwd
  const p = path.resolve(cwd, positionals[0]!)
  try {
    return statSync(p).isDirectory() ? p : cwd
  } catch {
    return cwd // not found: reported as a path
  }
}
