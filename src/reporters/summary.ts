/**
 * The Markdown job summary ($GITHUB_STEP_SUMMARY): the verdict, counts per rule and severity, the hosts and image
 * builds involved, and the findings with links to the lines, marked with where else they were shown.
 *
 * Everything that comes from the repository (paths, messages quoting files, image names, notes) goes through
 * `escapeMarkdown`, so a file name or a Dockerfile line cannot inject HTML, links, mentions, math or table cells.
 * The runner rejects summaries over 1 MiB per step, so the output is kept under `maxBytes` and ends with an
 * explicit "truncated, N more" line when findings had to be left out.
 */
import type { JsonSmokeSection } from '../smoke/report.js'
import { smokeSummary } from './smoke-summary.js'
import { SEVERITIES, type Severity } from '../core/finding.js'
import { TOOL_NAME, TOOL_VERSION, ruleHelpUri } from '../core/meta.js'
import type { ExecutionSummary } from '../lint.js'
import type { ReportedFinding } from './annotations.js'
import { buildPosture, renderPostureMarkdown } from './posture.js'
import type { SuppressedFinding } from '../core/finding.js'
import { countsLine, plural, SEVERITY_ICON } from './counts.js'

/** The runner's limit for one step's summary. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024

/** What we aim to stay under by default (well below the limit, leaving room for other writers). */
export const DEFAULT_SUMMARY_BYTES = 1_000_000

/** Most rows shown in the hosts-and-images table; the rest are counted. */
const MAX_EXECUTION_ROWS = 200
/** Most skipped files listed; the rest are counted. */
const MAX_SKIPPED_ROWS = 100
/** Longest message shown in a findings row. */
const MAX_MESSAGE_CHARS = 2000
/** Longest path, image or other short repository text shown in a cell. */
const MAX_CELL_CHARS = 300

/** Cuts untrusted text before escaping, so one hostile value cannot fill the summary. */
function clip(text: string, max = MAX_CELL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Where a line of the repository can be linked: `${serverUrl}/${repository}/blob/${ref}/${path}#L${line}`. */
export interface SourceLinks {
  readonly serverUrl: string
  /** `owner/name` of the repository holding the ref (the head repository of a pull request). */
  readonly repository: string
  /** A commit SHA (the pull request head), so links do not move. */
  readonly ref: string
}

/** How a finding was shown besides the summary. */
export type ShownAs = 'annotation' | 'review comment'

export interface SummaryInput {
  /** The findings of the run, in report order (suppressed ones are counted, not listed). */
  readonly findings: readonly ReportedFinding[]
  /** success | neutral | failure, with the threshold that decided it. */
  readonly conclusion: string
  readonly failOn: Severity | 'none'
  /** How each finding was shown besides the summary; absent = summary only. */
  readonly shownAs?: ReadonlyMap<ReportedFinding, readonly ShownAs[]>
  /** Sentences about the run (scope, check run, fallbacks); repository text in them is escaped. */
  readonly notes?: readonly string[]
  readonly executions?: readonly ExecutionSummary[]
  readonly skipped?: readonly { readonly file: string; readonly reason: string }[]
  /** Number of files linted. */
  readonly fileCount?: number
  readonly links?: SourceLinks
  /** Rule ids that crashed (the run is an internal error; their other findings are kept). */
  readonly crashes?: readonly string[]
  /** Byte budget of the whole summary (default 1,000,000; never above the 1 MiB step limit). */
  readonly maxBytes?: number
  /** List the findings one by one (default true); false keeps the counts only (check run summaries). */
  readonly listFindings?: boolean
  /** Findings silenced by inline suppressions: an audit table (where, rule, reason, expiry). */
  readonly suppressions?: readonly SuppressedFinding[]
  /** The smoke test section (`smoke-test: true`): one row per image started. */
  readonly smoke?: JsonSmokeSection
}

/**
 * Characters with an inline meaning in GitHub Markdown or HTML: emphasis, code, links and images, HTML and entities,
 * table cells, strikethrough, math (`$`), mentions (`@`), issue references (`#`), autolinks (`http:`).
 */
const MARKDOWN_INLINE = /[\\`*_[\]<>&|~!$@:#]/g

function entity(c: string): string {
  return `&#${c.charCodeAt(0)};`
}

/**
 * Escapes untrusted text for GitHub Markdown, inside and outside table cells: every character with an inline
 * Markdown or HTML meaning becomes a numeric character reference (so `<b>`, `[x](y)`, `@user`, `#1`, `$x$`, `|`
 * and `https://` are shown as written), `www.` cannot autolink, a leading `-`, `+`, `=`, `>` or `1.` cannot start
 * a block, line breaks become spaces and other control characters become visible pictures.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    .replace(MARKDOWN_INLINE, entity)
    .replace(/(www)\./gi, '$1&#46;')
    .replace(/^(\s*)([-+=>])/, (_, space: string, c: string) => space + entity(c))
    .replace(/^(\s*\d+)([.)])/, (_, digits: string, c: string) => digits + entity(c))
    .replace(/[^\P{Cc}]/gu, (c) => {
      const code = c.charCodeAt(0)
      // Tabs become spaces; other C0 controls and DEL become their visible control pictures; C1 controls a space.
      return code === 9 ? ' ' : code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : ' '
    })
}

/** A URL path for a POSIX relative file path: each segment percent-encoded. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** A link to a line range of a file at the links' ref, or undefined without links. */
export function lineUrl(
  links: SourceLinks | undefined,
  file: string,
  line: number,
  endLine = line,
): string | undefined {
  if (!links) return undefined
  const anchor = endLine > line ? `#L${line}-L${endLine}` : `#L${line}`
  const server = links.serverUrl.replace(/\/+$/, '')
  return `${server}/${links.repository}/blob/${encodeURIComponent(links.ref)}/${encodePath(file)}${anchor}`
}

/** A URL safe inside Markdown link parentheses. */
function safeUrl(url: string): string {
  return url.replace(/[ ()<>"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

function link(text: string, url: string | undefined): string {
  const shown = escapeMarkdown(clip(text))
  return url === undefined || url.length > 4 * MAX_CELL_CHARS ? shown : `[${shown}](${safeUrl(url)})`
}


function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function ruleTable(findings: readonly ReportedFinding[]): string[] {
  const counts = new Map<string, Record<Severity, number>>()
  for (const f of findings) {
    const c = counts.get(f.ruleId) ?? { error: 0, warning: 0, note: 0 }
    c[f.severity]++
    counts.set(f.ruleId, c)
  }
  const rows = [...counts].sort(
    ([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.note - x.note || (a < b ? -1 : 1),
  )
  return [
    '| Rule | Errors | Warnings | Notes | Total |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(([id, c]) => {
      const total = c.error + c.warning + c.note
      return `| ${link(id, ruleHelpUri(id))} | ${c.error} | ${c.warning} | ${c.note} | ${total} |`
    }),
    `| **Total** | ${SEVERITIES.map((s) => findings.filter((f) => f.severity === s).length).join(' | ')} | ` +
      `${findings.length} |`,
  ]
}

function executionTable(executions: readonly ExecutionSummary[], links: SourceLinks | undefined): string[] {
  const rows = new Map<string, { e: ExecutionSummary; count: number }>()
  for (const e of executions) {
    const key = JSON.stringify([e.host, e.hostBuild, e.image, e.imageBuild, e.isolation, e.kind])
    const row = rows.get(key)
    if (row) row.count++
    else rows.set(key, { e, count: 1 })
  }
  const all = [...rows.values()]
  const shown = all.slice(0, MAX_EXECUTION_ROWS)
  const lines = [
    '| Host | Host build | Image | Image build | Isolation | Kind | Where |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...shown.map(({ e, count }) => {
      const where = `${e.file}:${e.line}`
      const more = count > 1 ? ` (+${count - 1})` : ''
      return (
        `| ${e.host === undefined ? '_not known_' : escapeMarkdown(clip(e.host))} | ${e.hostBuild ?? '—'} | ` +
        `${escapeMarkdown(clip(e.image))} | ${e.imageBuild ?? '_unknown_'} | ${e.isolation ?? '—'} | ${e.kind} | ` +
        `${link(where, lineUrl(links, e.file, e.line))}${more} |`
      )
    }),
  ]
  if (all.length > shown.length) lines.push('', `_…and ${plural(all.length - shown.length, 'more combination')}._`)
  return lines
}

function findingRow(
  f: ReportedFinding,
  links: SourceLinks | undefined,
  shownAs: readonly ShownAs[] | undefined,
): string {
  const where = `${f.span.file}:${f.span.start.line}`
  const url = lineUrl(links, f.span.file, f.span.start.line, f.span.end.line)
  let message = f.message
  if (f.related.length > 0) {
    message += ` (related: ${f.related.map((r) => `${r.span.file}:${r.span.start.line}`).join(', ')})`
  }
  message = clip(message, MAX_MESSAGE_CHARS)
  const shown = shownAs && shownAs.length > 0 ? shownAs.join(', ') : 'summary only'
  const rule = link(f.ruleId, ruleHelpUri(f.ruleId))
  return `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${link(where, url)} | ${rule} | ${escapeMarkdown(message)} | ${shown} |`
}

/**
 * Renders the job summary. Sections: verdict and notes, counts per rule and severity, hosts and images, the
 * findings (rows stop before the byte budget with a "truncated, N more" line), skipped files, footer.
 */
export function renderSummary(input: SummaryInput): string {
  const maxBytes = Math.min(input.maxBytes ?? DEFAULT_SUMMARY_BYTES, STEP_SUMMARY_LIMIT)
  const findings = input.findings.filter((f) => f.suppressed !== true)
  const suppressed = input.findings.length - findings.length + (input.suppressions?.length ?? 0)
  const verdict =
    input.conclusion === 'failure'
      ? '❌ failure'
      : input.conclusion === 'neutral'
        ? '⚠️ neutral'
        : input.conclusion === 'success'
          ? '✅ success'
          : escapeMarkdown(input.conclusion)
  const threshold = input.failOn === 'none' ? 'never fails on findings' : `fails on ${input.failOn} and above`
  const head = [
    `## ${TOOL_NAME}: ${countsLine(findings)}`,
    '',
    `**Result:** ${verdict} (${threshold})` +
      (input.fileCount !== undefined ? ` · ${plural(input.fileCount, 'file')} linted` : '') +
      (suppressed > 0 ? ` · ${suppressed} suppressed` : ''),
    '',
  ]
  for (const c of input.crashes ?? []) {
    const rule = escapeMarkdown(clip(c))
    head.push(`> [!CAUTION]`, `> Rule ${rule} crashed; this is a bug in ${TOOL_NAME}. Other rules ran.`, '')
  }
  for (const note of input.notes ?? []) head.push(`- ${escapeMarkdown(clip(note, MAX_MESSAGE_CHARS))}`)
  if ((input.notes ?? []).length > 0) head.push('')

  const middle: string[] = []
  if (findings.length > 0) middle.push('### Findings per rule', '', ...ruleTable(findings), '')
  const executions = input.executions ?? []
  if (executions.length > 0) {
    middle.push('### Hosts and image builds', '', ...executionTable(executions, input.links), '')
    middle.push(
      ...renderPostureMarkdown(
        buildPosture(executions),
        (text) => escapeMarkdown(clip(text)),
        (file, line) => link(`${file}:${line}`, lineUrl(input.links, file, line)),
      ),
    )
  }
  if (input.smoke) middle.push(...smokeSummary(input.smoke))

  const tail: string[] = []
  const audit = input.suppressions ?? []
  if (audit.length > 0) {
    tail.push('### Suppressed findings', '', '| Location | Rule | Reason | Until |', '| --- | --- | --- | --- |')
    for (const s of audit.slice(0, MAX_SKIPPED_ROWS)) {
      const f = s.finding
      const where = `${f.span.file}:${f.span.start.line}`
      const url = lineUrl(input.links, f.span.file, f.span.start.line)
      tail.push(
        `| ${url ? `[${escapeMarkdown(clip(where))}](${safeUrl(url)})` : escapeMarkdown(clip(where))} | ${escapeMarkdown(f.ruleId)} | ` +
          `${escapeMarkdown(clip(s.directive.reason ?? '(none)', MAX_MESSAGE_CHARS))} | ${escapeMarkdown(s.directive.until ?? '—')} |`,
      )
    }
    if (audit.length > MAX_SKIPPED_ROWS) tail.push('', `_…and ${audit.length - MAX_SKIPPED_ROWS} more (see the JSON report)._`)
    tail.push('')
  }
  const skipped = input.skipped ?? []
  if (skipped.length > 0) {
    tail.push('### Files not linted', '')
    for (const s of skipped.slice(0, MAX_SKIPPED_ROWS)) {
      tail.push(`- ${escapeMarkdown(clip(s.file))}: ${escapeMarkdown(clip(s.reason))}`)
    }
    if (skipped.length > MAX_SKIPPED_ROWS) tail.push(`- _…and ${skipped.length - MAX_SKIPPED_ROWS} more._`)
    tail.push('')
  }
  tail.push(`<sub>${TOOL_NAME} ${TOOL_VERSION}</sub>`, '')

  const out = [...head, ...middle]
  let used = bytes(out.join('\n')) + bytes(tail.join('\n')) + 2
  if (findings.length > 0 && input.listFindings !== false) {
    const hidden = findings.filter((f) => !(input.shownAs?.get(f)?.includes('annotation') ?? false)).length
    const section = [
      '### Findings',
      '',
      hidden === 0
        ? 'Every finding below is also shown as an annotation.'
        : `${plural(hidden, 'finding')} ${hidden === 1 ? 'is' : 'are'} not shown as workflow annotations ` +
          '(GitHub keeps at most 10 per level in a step); the last column says where each finding was shown.',
      '',
      '| Severity | Location | Rule | Message | Shown as |',
      '| --- | --- | --- | --- | --- |',
    ]
    // The truncation line is reserved up front so it always fits.
    const reserve = 200
    used += bytes(section.join('\n')) + 1
    out.push(...section)
    let written = 0
    const bySeverity = SEVERITIES.flatMap((sev) => findings.filter((f) => f.severity === sev))
    for (const f of bySeverity) {
      const row = findingRow(f, input.links, input.shownAs?.get(f))
      const size = bytes(row) + 1
      if (used + size + reserve > maxBytes) break
      out.push(row)
      used += size
      written++
    }
    if (written < findings.length) {
      out.push(
        '',
        `**Truncated, ${plural(findings.length - written, 'more finding')} not listed** (the summary is kept ` +
          `under ${Math.floor(maxBytes / 1024)} KiB); see the SARIF file or the JSON report for all of them.`,
      )
    }
    out.push('')
  } else if (findings.length === 0) {
    out.push('No findings.', '')
  }
  return capBytes([...out, ...tail].join('\n'), maxBytes)
}

/** Last resort: cuts at a line boundary so the text fits `maxBytes`, saying so on the last line. */
function capBytes(text: string, maxBytes: number): string {
  if (bytes(text) <= maxBytes) return text
  const notice = '\n\n**Truncated:** the rest of this summary did not fit the step summary limit.\n'
  const lines = text.split('\n')
  let used = bytes(notice)
  let n = 0
  while (n < lines.length && used + bytes(lines[n]!) + 1 <= maxBytes) used += bytes(lines[n++]!) + 1
  return lines.slice(0, n).join('\n') + notice
}
