/** The command line of the CLI's commands. */
import { closeSync, lstatSync, openSync, statSync, writeSync, type Stats } from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { oneOf, UsageError } from '../core/errors.js'
import { loadCatalog } from '../core/catalog.js'
import { atLeast, SEVERITIES, type Finding, type LintResult, type Severity } from '../core/finding.js'
import { neutralizeJson, neutralizeLines } from '../core/log-safe.js'
import { pathError, resolvePath } from '../project/discover.js'
import { renderJsonChunks, type JsonExtra } from '../reporters/json.js'
import { renderSarifChunks } from '../reporters/sarif.js'

/**
 * Writes a report to `--output FILE` as is, else to standard output, which may be a CI log that reads workflow
 * commands: there text and JSON are neutralized so that no line acts as one. A JSON report may come in pieces
 * (`renderJsonChunks`, `renderSarifChunks`, in which no `##[` spans two pieces): they are written in blocks of about
 * 64 KiB as they are made. Only opening and writing the file are reported as `cannot write`: an error while making
 * the report is an internal error, as before.
 */
export function writeReport(
  report: string | Iterable<string>,
  format: ReportFormat,
  output: string | undefined,
  io: { readonly cwd: string; readonly stdout: (text: string) => void },
): void {
  const neutralize = format === 'text' ? neutralizeLines : neutralizeJson
  if (output === undefined) {
    for (const block of blocks(report)) io.stdout(neutralize(block))
    return
  }
  const cannotWrite = (e: unknown): UsageError => new UsageError(`cannot write ${output}: ${(e as Error).message}`)
  let fd: number
  try {
    fd = openSync(path.resolve(io.cwd, output), 'w')
  } catch (e) {
    throw cannotWrite(e)
  }
  try {
    for (const block of blocks(report)) {
      try {
        writeSync(fd, block)
      } catch (e) {
        throw cannotWrite(e)
      }
    }
  } finally {
    closeSync(fd)
  }
}

const BLOCK = 64 * 1024

/** The report's pieces joined into blocks of at least {@link BLOCK} characters (the last may be shorter). */
function* blocks(report: string | Iterable<string>): Generator<string> {
  if (typeof report === 'string') {
    yield report
    return
  }
  let block = ''
  for (const piece of report) {
    block += piece
    if (block.length >= BLOCK) {
      yield block
      block = ''
    }
  }
  if (block !== '') yield block
}

export type ReportFormat = 'text' | 'json' | 'sarif'

/**
 * The report of a result in `format` for {@link writeReport}: JSON and SARIF in pieces, written as they are made;
 * text from `text()`. `json` adds sections to the JSON report (smoke, shard).
 */
export function reportOf(
  result: LintResult,
  format: ReportFormat,
  render: { readonly text: () => string; readonly json?: JsonExtra },
): string | Iterable<string> {
  if (format === 'json') return renderJsonChunks(result, render.json)
  if (format === 'sarif') return renderSarifChunks(result, loadCatalog())
  return render.text()
}

/** 1 when a finding is at or above `failOn`, else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: Severity | 'none'): 0 | 1 {
  return findings.some((f) => atLeast(f.severity, failOn)) ? 1 : 0
}

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
    const abs = resolvePath(cwd, p)
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
