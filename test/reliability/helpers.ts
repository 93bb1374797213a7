/**
 * Shared helpers of the reliability suite: temporary trees, the CLI run in-process, and the properties every run
 * must have (exit code, valid JSON, SARIF valid against the official 2.1.0 schema, positions inside their files).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Log } from 'sarif'
import { main } from '../../src/cli/main.js'
import { LineIndex } from '../../src/core/span.js'
import type { JsonReport } from '../../src/reporters/json.js'
import { decode } from '../../src/project/load.js'
import { sarifSchemaErrors, URI_REFERENCE } from '../harness/sarif-schema.js'

/** The project root (test/reliability/../..). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/**
 * Links, named pipes, permission bits and names with `:` or newlines need a POSIX system; on Windows the tests that
 * build such trees are skipped (CI runs the suite on Linux).
 */
export const POSIX = process.platform !== 'win32'

const temps: string[] = []

/** A new temporary folder (removed by {@link removeTemps}); world-readable so that tests may drop privileges. */
export function tempDir(prefix = 'isolint-rel-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/**
 * A temporary folder in memory (/dev/shm) where there is one, else as {@link tempDir}: for the tree of 100,000 files,
 * whose creation on a slow disk would take most of the suite's time budget.
 */
export function fastTempDir(prefix = 'isolint-rel-'): string {
  try {
    const dir = mkdtempSync(path.join('/dev/shm', prefix))
    temps.push(dir)
    return dir
  } catch {
    return tempDir(prefix)
  }
}

/** Removes every folder made by {@link tempDir}; call from `afterAll`. */
export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Writes files (POSIX relative paths → text or bytes) under `root`, making folders as needed. */
export function writeTree(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'))
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, content)
  }
}

/** The outcome of one CLI run. */
export interface CliRun {
  readonly code: number
  readonly out: string
  readonly err: string
}

/** Runs the CLI in-process with `cwd` as the current folder. */
export function cli(cwd: string, ...argv: string[]): CliRun {
  let out = ''
  let err = ''
  const code = main(argv, { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t), color: false })
  return { code, out, err }
}

/** Problems of a SARIF text: schema errors, plus what code scanning needs (relative URIs, 1-based regions). */
export function sarifProblems(text: string): string[] {
  let log: Log
  try {
    log = JSON.parse(text) as Log
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`]
  }
  const problems: string[] = []
  problems.push(...sarifSchemaErrors(log))
  for (const result of log.runs?.[0]?.results ?? []) {
    const loc = result.locations?.[0]?.physicalLocation
    const uri = loc?.artifactLocation?.uri ?? ''
    if (!URI_REFERENCE.test(uri) || /^(\/|[A-Za-z]+:)/.test(uri)) problems.push(`bad uri ${JSON.stringify(uri)}`)
    const r = loc?.region
    if (!r || !(r.startLine! >= 1 && r.startColumn! >= 1 && r.endLine! >= r.startLine! && r.endColumn! >= 1)) {
      problems.push(`bad region ${JSON.stringify(r)}`)
    }
  }
  return problems
}

/** Parses a JSON report and checks its documented shape; throws with the reason when it is not one. */
export function parseJsonReport(text: string): JsonReport {
  const report = JSON.parse(text) as JsonReport
  const keys = Object.keys(report).join(',')
  if (keys !== 'version,findings,skipped' || report.version !== 1) throw new Error(`not a JSON report v1: ${keys}`)
  for (const f of report.findings) {
    for (const k of ['ruleId', 'severity', 'message', 'file'] as const) {
      if (typeof f[k] !== 'string' || f[k] === '') throw new Error(`finding without ${k}: ${JSON.stringify(f)}`)
    }
  }
  for (const s of report.skipped) {
    if (typeof s.file !== 'string' || typeof s.reason !== 'string' || s.reason === '') {
      throw new Error(`skip note without a reason: ${JSON.stringify(s)}`)
    }
  }
  return report
}

/** The decoded text of a file under `root` as the loader sees it (BOM removed, invalid bytes as U+FFFD). */
function sourceOf(root: string, rel: string): string | undefined {
  const abs = path.join(root, ...rel.split('/'))
  if (!existsSync(abs)) return undefined
  return decode(readFileSync(abs)).text
}

/**
 * Positions of the report that are not inside their file: the file must exist under `root`, lines lie within the
 * file, columns within their line (up to the position after its last character), and the end is not before the start.
 */
export function positionProblems(root: string, report: JsonReport): string[] {
  const problems: string[] = []
  const indexes = new Map<string, LineIndex | undefined>()
  const index = (file: string): LineIndex | undefined => {
    if (!indexes.has(file)) {
      const text = sourceOf(root, file)
      indexes.set(file, text === undefined ? undefined : new LineIndex(text))
    }
    return indexes.get(file)
  }
  const inside = (file: string, line: number, column: number): boolean => {
    const lines = index(file)
    if (!lines || !Number.isInteger(line) || !Number.isInteger(column)) return false
    return line >= 1 && line <= lines.lineCount && column >= 1 && column <= lines.lineText(line).length + 1
  }
  for (const f of report.findings) {
    const where = `${f.ruleId} ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`
    if (!inside(f.file, f.line, f.column)) problems.push(`start outside the file: ${where}`)
    if (!inside(f.file, f.endLine, f.endColumn)) problems.push(`end outside the file: ${where}`)
    if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) problems.push(`end before start: ${where}`)
    for (const r of f.related) {
      if (!inside(r.file, r.line, r.column)) problems.push(`related outside its file: ${r.file}:${r.line}:${r.column} (${where})`)
    }
  }
  return problems
}

/** Everything one lint of a tree gave, in both machine formats. */
export interface CheckedRun {
  readonly code: number
  readonly json: JsonReport
  readonly jsonText: string
  readonly sarifText: string
}

/**
 * Lints `root` (or `paths` under it) through the CLI in JSON and in SARIF and returns the problems found with the
 * run's properties: exit code 0 or 1 (never 2 or 3 for file content), nothing on stderr, a valid JSON report,
 * SARIF valid against the schema, every position inside its file, both formats reporting the same findings.
 */
export function checkRun(root: string, paths: readonly string[] = [], extra: readonly string[] = []): { run?: CheckedRun; problems: string[] } {
  const args = [...paths, '--root', root, '--fail-on', 'error', ...extra]
  const j = cli(root, ...args, '--format', 'json')
  const s = cli(root, ...args, '--format', 'sarif')
  const problems: string[] = []
  if (j.code !== 0 && j.code !== 1) problems.push(`exit code ${j.code}: ${j.err.slice(0, 2000)}`)
  if (s.code !== j.code) problems.push(`SARIF run exit code ${s.code}, JSON run ${j.code}`)
  if (j.err !== '' || s.err !== '') problems.push(`stderr: ${(j.err || s.err).slice(0, 2000)}`)
  if (problems.length > 0) return { problems }
  let json: JsonReport
  try {
    json = parseJsonReport(j.out)
  } catch (e) {
    return { problems: [`invalid JSON report: ${(e as Error).message}`] }
  }
  problems.push(...positionProblems(root, json))
  problems.push(...sarifProblems(s.out))
  const sarif = JSON.parse(s.out) as Log
  const results = sarif.runs[0]?.results ?? []
  if (results.length !== json.findings.length) problems.push(`SARIF has ${results.length} results, JSON ${json.findings.length}`)
  const failing = json.findings.some((f) => f.severity === 'error')
  if (j.code !== (failing ? 1 : 0)) problems.push(`exit code ${j.code} with ${failing ? 'an' : 'no'} error finding`)
  return { run: { code: j.code, json, jsonText: j.out, sarifText: s.out }, problems }
}
