/**
 * Smoke results as findings and report sections. Failures become `smoke-test-failed` findings through the rule
 * engine (so the catalog, the span checks and the severity apply as to any rule), located at the pipeline line that
 * uses the image. Pure.
 */
import { runRules } from '../core/engine.js'
import { compareFindings } from '../core/finding.js'
import { LineIndex } from '../core/span.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { LintOutput } from '../lint.js'
import type { SmokeObservation } from '../model/smoke.js'
import smokeTestFailed from '../rules/smoke-test-failed/rule.js'
import { hostVersion, type EngineHost } from './engine.js'
import type { SmokeRun } from './run.js'

export function hostDescription(host: EngineHost): string {
  return `${hostVersion(host)} (${host.kind === 'server' ? 'Windows Server' : 'Windows client'})`
}

/** The failed entries as observations for the rule. */
export function observations(run: SmokeRun): SmokeObservation[] {
  const out: SmokeObservation[] = []
  for (const o of run.outcomes) {
    if (o.result !== 'failed' || o.entry.uses.length === 0) continue
    const [first, ...rest] = o.entry.uses
    out.push({
      span: first!.span,
      alsoAt: rest.map((u) => u.span),
      what: o.entry.build ? `docker build of ${o.entry.build.dockerfile}` : first!.what,
      image: o.entry.image,
      ...(o.entry.imageBuild !== undefined ? { imageBuild: o.entry.imageBuild } : {}),
      hostBuild: run.plan.host.build,
      host: hostDescription(run.plan.host),
      isolation: o.entry.isolation ?? 'process',
      cause: o.cause ?? 'unknown',
      explanation: o.explanation ?? 'the smoke test failed',
      detail: o.detail ?? 'no output',
    })
  }
  return out
}

/** The lint output with the smoke findings added (sorted like every finding). */
export function withSmokeFindings(result: LintOutput, run: SmokeRun, kb: KnowledgeBase): LintOutput {
  const lineCounts = new Map<string, number>()
  for (const [file, text] of result.sources) lineCounts.set(file, new LineIndex(text).lineCount)
  const { findings, crashes } = runRules({ project: result.project, kb, rules: [smokeTestFailed], lineCounts, smoke: observations(run) })
  return {
    ...result,
    findings: [...result.findings, ...findings].sort(compareFindings),
    crashes: [...result.crashes, ...crashes],
  }
}

/** One entry of the JSON report's `smoke` section. */
export interface JsonSmokeEntry {
  readonly image: string
  readonly imageBuild: number | null
  readonly hostBuild: number
  readonly isolation: string | null
  readonly built: string | null
  readonly result: string
  readonly cause: string | null
  readonly message: string | null
  readonly detail: string | null
  readonly exitCode: number | null
  readonly seconds: number
  readonly outputTail: readonly string[]
  readonly file: string | null
  readonly line: number | null
}

/** The JSON report's `smoke` section; `status: skipped` with the reason when no smoke run happened. */
export interface JsonSmokeSection {
  readonly status: 'ran' | 'skipped' | 'cancelled'
  readonly reason?: string
  readonly host?: { readonly build: number; readonly revision: number | null; readonly kind: string; readonly defaultIsolation: string; readonly operatingSystem: string; readonly serverVersion: string }
  readonly hyperv?: { readonly probeImage: string; readonly result: string; readonly detail: string } | null
  readonly entries: readonly JsonSmokeEntry[]
}

export function smokeSection(run: SmokeRun): JsonSmokeSection {
  const h = run.plan.host
  return {
    status: run.cancelled ? 'cancelled' : 'ran',
    host: { build: h.build, revision: h.ubr ?? null, kind: h.kind, defaultIsolation: h.defaultIsolation, operatingSystem: h.operatingSystem, serverVersion: h.serverVersion },
    hyperv: run.probe ? { probeImage: run.probe.image, result: run.probe.result, detail: run.probe.detail } : null,
    entries: run.outcomes.map((o) => {
      const use = o.entry.uses[0]
      return {
        image: o.entry.image,
        imageBuild: o.entry.imageBuild ?? null,
        hostBuild: h.build,
        isolation: o.entry.isolation ?? null,
        built: o.entry.build?.dockerfile ?? null,
        result: o.result,
        cause: o.cause ?? null,
        message: o.explanation ?? null,
        detail: o.detail ?? null,
        exitCode: o.exitCode ?? null,
        seconds: o.seconds,
        outputTail: o.outputTail,
        file: use?.span.file ?? null,
        line: use?.span.start.line ?? null,
      }
    }),
  }
}

export function skippedSection(reason: string): JsonSmokeSection {
  return { status: 'skipped', reason, entries: [] }
}

/** Plain-text table of the results (the CLI's text output; untrusted text is neutralised by the caller). */
export function renderSmokeText(section: JsonSmokeSection): string {
  if (section.status === 'skipped') return `Smoke test skipped: ${section.reason}\n`
  const h = section.host!
  const lines = [
    `Smoke test on the engine's host 10.0.${h.build}${h.revision !== null ? `.${h.revision}` : ''} (${h.operatingSystem || h.kind}, Docker ${h.serverVersion || 'unknown'}):`,
  ]
  if (section.hyperv) lines.push(`  Hyper-V probe (${section.hyperv.probeImage}): ${section.hyperv.result} — ${section.hyperv.detail}`)
  if (section.entries.length === 0) lines.push('  no Windows container to start')
  for (const e of section.entries) {
    const build = e.imageBuild !== null ? ` (build ${e.imageBuild})` : ''
    const what = e.built ? `build ${e.built} FROM ${e.image}${build}` : `${e.image}${build}`
    const why = e.result === 'passed' ? '' : ` — ${e.cause ?? ''}${e.message ? `: ${e.message}` : ''}${e.detail ? ` [${e.detail}]` : ''}`
    lines.push(`  ${e.result.toUpperCase().padEnd(9)} ${what} --isolation=${e.isolation ?? '-'} ${e.seconds}s ${e.file ?? ''}:${e.line ?? ''}${why}`)
    if (e.result === 'failed') for (const l of e.outputTail) lines.push(`      | ${l}`)
  }
  if (section.status === 'cancelled') lines.push('  cancelled: the remaining entries did not run; every container started was removed')
  return lines.join('\n') + '\n'
}
