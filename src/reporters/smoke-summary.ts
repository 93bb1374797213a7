/**
 * The job summary's smoke test section: the engine's host, what the Hyper-V probe found, and one row per entry.
 * Engine messages and container output are untrusted: every cell goes through `escapeMarkdown`, capped. Pure.
 */
import type { JsonSmokeSection } from '../smoke/report.js'
import { escapeMarkdown } from './summary.js'

const MAX_CELL = 300
const MAX_ROWS = 200

function cell(text: string, max = MAX_CELL): string {
  return escapeMarkdown(text.length <= max ? text : `${text.slice(0, max - 1)}…`)
}

const ICON: Readonly<Record<string, string>> = { passed: '✅', failed: '❌', skipped: '⏭️', cancelled: '⏹️' }

export function smokeSummary(section: JsonSmokeSection): string[] {
  const out = ['### Smoke test', '']
  if (section.status === 'skipped') {
    out.push(`Skipped: ${cell(section.reason ?? 'unknown reason', 1000)}`, '')
    return out
  }
  const h = section.host!
  out.push(
    `Engine host: Windows build ${h.build}${h.revision !== null ? `.${h.revision}` : ''} (${cell(h.operatingSystem || h.kind)}), ` +
      `Docker ${cell(h.serverVersion || 'unknown')}, default isolation ${cell(h.defaultIsolation)}.`,
  )
  if (section.hyperv) {
    const found = section.hyperv.result === 'available' ? 'Hyper-V isolation works here' : section.hyperv.result === 'unavailable' ? 'Hyper-V isolation is not available here, so the Hyper-V entries were skipped' : 'the probe was inconclusive'
    out.push('', `Hyper-V probe (${cell(section.hyperv.probeImage)}): ${found} (${cell(section.hyperv.detail)}).`)
  }
  if (section.status === 'cancelled') out.push('', 'The run was cancelled; entries not started are marked so, and every container started was removed.')
  out.push('', '| Result | Image | Image build | Host build | Isolation | Seconds | Where | Why |', '| --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const e of section.entries.slice(0, MAX_ROWS)) {
    const what = e.built ? `build ${e.built} (FROM ${e.image})` : e.image
    const why = e.result === 'passed' ? '' : [e.cause, e.message, e.detail].filter((x): x is string => !!x).join(': ')
    out.push(
      `| ${ICON[e.result] ?? ''} ${cell(e.result)} | ${cell(what)} | ${e.imageBuild ?? '_unknown_'} | ${e.hostBuild} | ${e.isolation ?? '—'} | ` +
        `${e.seconds} | ${e.file !== null ? cell(`${e.file}:${e.line}`) : '—'} | ${cell(why, 600)} |`,
    )
  }
  if (section.entries.length > MAX_ROWS) out.push('', `_…and ${section.entries.length - MAX_ROWS} more entries (see the smoke-results file)._`)
  out.push('')
  return out
}
