/**
 * The report files the action writes: the SARIF file (always valid, also when the run failed part-way) and the
 * JSON findings file. No `@actions/*` here.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Log } from 'sarif'
import type { CatalogEntry } from '../core/catalog.js'
import { TOOL_NAME } from '../core/meta.js'
import { renderSarif } from '../reporters/sarif.js'

/**
 * A valid SARIF log with no results for a run that failed before it had any: one run, the rules when the catalog
 * could be loaded, `executionSuccessful: false` and the reason as an error notification. Upload steps that run
 * `if: always()` then succeed instead of failing on a missing or truncated file.
 */
export function failedSarif(reason: string, catalog?: ReadonlyMap<string, CatalogEntry>): string {
  const empty = { findings: [], files: [], skipped: [], sources: new Map<string, string>() }
  const log = JSON.parse(renderSarif(empty, catalog ?? new Map())) as Log
  const run = log.runs[0]!
  run.invocations = [
    {
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: `${TOOL_NAME} did not finish: ${reason}` } }],
    },
  ]
  run.results = []
  return `${JSON.stringify(log, null, 2)}\n`
}

/** Writes a report file, creating its folder. */
export function writeReport(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** Where the JSON findings file goes: RUNNER_TEMP (emptied after the job) when set, else next to the SARIF file. */
export function findingsFilePath(runnerTemp: string | undefined, sarifFile: string): string {
  return runnerTemp
    ? path.join(runnerTemp, 'isolint', 'findings.json')
    : path.join(path.dirname(sarifFile), 'isolint-findings.json')
}
