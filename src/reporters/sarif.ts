/**
 * The SARIF 2.1.0 report, shaped for GitHub code scanning (github/codeql-action/upload-sarif): rules from the
 * catalog, 1-based regions with exclusive end columns, relative URIs under `%SRCROOT%`, and partial fingerprints
 * so alerts follow their line when code moves. The output is deterministic: no timestamps, no absolute paths.
 */
import type { ArtifactLocation, Location, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif'
import type { CatalogEntry, RuleStage } from '../core/catalog.js'
import type { Finding, LintResult, Severity } from '../core/finding.js'
import { REPOSITORY_URL, TOOL_NAME, TOOL_VERSION, ruleHelpUri } from '../core/meta.js'
import type { Span } from '../core/span.js'
import { fullFingerprints } from '../baseline/fingerprint.js'
import { jsonChunks, LazyList } from './json-chunks.js'

/** The `$schema` GitHub documents for SARIF uploads. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'

/** The base id every artifact URI is relative to: the root of the scanned tree (the repository checkout). */
export const SRCROOT = '%SRCROOT%'

/** GitHub's limit for shortDescription and fullDescription texts. */
const MAX_DESCRIPTION = 1024

/** How sure we are that a result is a real problem; experimental rules have seen less real-world input. */
const PRECISION: Readonly<Record<RuleStage, string>> = { stable: 'high', experimental: 'medium', retired: 'low' }

/** GitHub shows `problem.severity` for results that are not security results. */
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = {
  error: 'error',
  warning: 'warning',
  note: 'recommendation',
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** `process-isolation-build-mismatch` → `ProcessIsolationBuildMismatch`. */
export function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

/** Characters kept as they are in a path: RFC 3986 unreserved and sub-delims, `@` and `/`. `:` is encoded. */
const URI_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=@/]/
const URI_SAFE_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=@/]*$/
const UTF8 = new TextEncoder()

/**
 * A POSIX relative path as a URI reference: every character that is not valid in a URI path, and `%`, `?`, `#`
 * and `:` (which would read as a scheme), is percent-encoded as UTF-8. `/` is kept.
 */
export function pathToUri(path: string): string {
  if (URI_SAFE_PATH.test(path)) return path
  let out = ''
  for (const ch of path) {
    if (URI_SAFE.test(ch)) out += ch
    else for (const byte of UTF8.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** Escapes `[`, `]` (and a backslash before them) so SARIF consumers do not read plain text as embedded links. */
function escapeMessage(text: string): string {
  if (!text.includes('[') && !text.includes(']')) return text
  return text.replace(/\\(?=[[\]])/g, '\\\\').replace(/[[\]]/g, '\\$&')
}

/** Markdown link text and target for a source in `help.markdown`. */
function markdownLink(title: string, url: string): string {
  const text = title.replace(/[\\[\]]/g, '\\$&')
  const target = url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `[${text}](${target})`
}

function describeRule(entry: CatalogEntry): ReportingDescriptor {
  const helpUri = ruleHelpUri(entry.id)
  const text = [
    entry.help,
    '',
    'Sources:',
    ...entry.sources.map((s) => `- ${s.title}: ${s.url}`),
    '',
    `Documentation: ${helpUri}`,
  ]
  const markdown = [
    entry.help,
    '',
    '**Sources**',
    '',
    ...entry.sources.map((s) => `- ${markdownLink(s.title, s.url)}`),
    '',
    `[Rule documentation](${helpUri})`,
  ]
  return {
    id: entry.id,
    name: pascalCase(entry.id),
    shortDescription: { text: truncate(entry.summary, MAX_DESCRIPTION) },
    fullDescription: { text: truncate(entry.help, MAX_DESCRIPTION) },
    help: { text: text.join('\n'), markdown: markdown.join('\n') },
    helpUri,
    defaultConfiguration: { level: entry.defaultSeverity },
    properties: {
      tags: [entry.scope, entry.type],
      precision: PRECISION[entry.stage],
      'problem.severity': PROBLEM_SEVERITY[entry.defaultSeverity],
    },
  }
}

function physicalLocation(span: Span, uri: (path: string) => string): NonNullable<Location['physicalLocation']> {
  const artifactLocation: ArtifactLocation = { uri: uri(span.file), uriBaseId: SRCROOT }
  return {
    artifactLocation,
    region: {
      startLine: span.start.line,
      startColumn: span.start.column,
      endLine: span.end.line,
      endColumn: span.end.column,
    },
  }
}

function toResult(f: Finding, ruleIndex: number | undefined, fingerprint: string, uri: (path: string) => string): Result {
  const related = f.related.map((r, i) => ({
    id: i + 1,
    physicalLocation: physicalLocation(r.span, uri),
    message: { text: escapeMessage(r.message) },
  }))
  // GitHub links related locations only when the result message embeds them as [text](id).
  const links = related.map((r) => `[${r.message.text}](${r.id})`).join('; ')
  const result: Result = {
    ruleId: f.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: f.severity,
    message: { text: links === '' ? escapeMessage(f.message) : `${escapeMessage(f.message)} See also: ${links}.` },
    locations: [{ physicalLocation: physicalLocation(f.span, uri) }],
  }
  if (related.length > 0) result.relatedLocations = related
  result.partialFingerprints = { primaryLocationLineHash: fingerprint }
  return result
}

/**
 * Renders a lint result as SARIF 2.1.0 for GitHub code scanning. `rules` lists every catalog entry that is not
 * retired, in catalog order; results refer to them by `ruleIndex`. Skipped files become tool notifications.
 */
export function renderSarif(result: LintResult, catalog: ReadonlyMap<string, CatalogEntry>): string {
  return `${JSON.stringify(sarifLog(result, catalog), null, 2)}\n`
}

/** {@link renderSarif} in pieces (one per result), for writing a large report as it is made. */
export function* renderSarifChunks(result: LintResult, catalog: ReadonlyMap<string, CatalogEntry>): Generator<string> {
  // Log, runs, the run, its members: each result is stringified whole.
  yield* jsonChunks(sarifLog(result, catalog), 4)
  yield '\n'
}

/**
 * The SARIF {@link Log} as it is written: one run, whose results are a {@link LazyList}, made as they are written
 * ({@link jsonChunks}) or whole by `JSON.stringify` (`toJSON`), which writes them as the array they stand for.
 */
type SarifLogOut = Omit<Log, 'runs'> & { readonly runs: [Omit<Run, 'results'> & { readonly results: LazyList<Result> }] }

function sarifLog(result: LintResult, catalog: ReadonlyMap<string, CatalogEntry>): SarifLogOut {
  const entries = [...catalog.values()].filter((e) => e.stage !== 'retired')
  const ruleIndex = new Map(entries.map((e, i) => [e.id, i]))
  // The baseline's fingerprints (rule, file, located line and neighbours), so code scanning and --baseline agree.
  const fps = fullFingerprints(result.findings, result.sources)
  // Findings name the same files again and again: each file's URI is worked out once.
  const uris = new Map<string, string>()
  const uri = (path: string): string => {
    let u = uris.get(path)
    if (u === undefined) uris.set(path, (u = pathToUri(path)))
    return u
  }
  // Suppressed findings are listed with the suppression and its justification, as SARIF `suppressions` says.
  const suppressed = result.suppressed ?? []
  const suppressedFps = fullFingerprints(
    suppressed.map((s) => s.finding),
    result.sources,
  )
  const suppressedResult = (i: number): Result => {
    const s = suppressed[i]!
    const r = toResult(s.finding, ruleIndex.get(s.finding.ruleId), suppressedFps[i]!, uri)
    r.suppressions = [
      {
        kind: 'inSource',
        status: 'accepted',
        justification: s.directive.reason ?? '',
        location: { physicalLocation: physicalLocation(s.directive.span, uri) },
        ...(s.directive.until !== undefined ? { properties: { until: s.directive.until } } : {}),
      },
    ]
    return r
  }
  // Results are made one at a time as they are written.
  const { findings } = result
  const results = new LazyList(findings.length + suppressed.length, (i) =>
    i < findings.length ? toResult(findings[i]!, ruleIndex.get(findings[i]!.ruleId), fps[i]!, uri) : suppressedResult(i - findings.length),
  )
  const notifications: Notification[] = result.skipped.map((s) => ({
    level: 'warning',
    message: { text: escapeMessage(`Skipped ${s.file}: ${s.reason}`) },
    locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(s.file), uriBaseId: SRCROOT } } }],
  }))
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: REPOSITORY_URL,
            rules: entries.map(describeRule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the scanned repository.' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
}
