/**
 * The action's smoke test (`smoke-test: true`): refuse under pull_request_target unless the user accepts running
 * pull-request code, probe the engine, plan, run, and hand back the lint output with the smoke findings, the
 * `smoke` section and the path of the smoke results file. Container output is untrusted: it is printed only inside
 * a stop-commands block (`io.untrusted`) and escaped in the summary.
 */
import path from 'node:path'
import { UsageError } from '../core/errors.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { LintOutput } from '../lint.js'
import { renderJson } from '../reporters/json.js'
import { probeEngine } from '../smoke/engine.js'
import type { Exec } from '../smoke/exec.js'
import { planSmoke, renderPlan } from '../smoke/plan.js'
import { renderSmokeText, skippedSection, smokeSection, withSmokeFindings, type JsonSmokeSection } from '../smoke/report.js'
import { DEFAULTS, runSmoke } from '../smoke/run.js'
import { cancelOnSignals } from '../smoke/signal.js'
import type { RunContext } from './context.js'
import { createActionsExec } from './exec.js'
import type { GetInput } from './inputs.js'
import type { ActionIO } from './io.js'
import { writeReport } from './reports.js'

export interface SmokeInputs {
  readonly allowUntrusted: boolean
  readonly timeoutMs: number
  readonly pullTimeoutMs: number
  readonly concurrency: number
  readonly commands: ReadonlyMap<string, readonly string[]>
}

function bool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new UsageError(`input '${name}' must be true or false, got '${value}'`)
}

function number(name: string, value: string, fallback: number, max: number, integer: boolean): number {
  if (value === '') return fallback
  const ok = integer ? /^\d+$/.test(value) : /^\d+(\.\d+)?$/.test(value)
  if (!ok || Number(value) <= 0 || Number(value) > max) {
    throw new UsageError(`input '${name}' must be a ${integer ? 'whole number' : 'number'} from 1 to ${max}, got '${value}'`)
  }
  return Number(value)
}

/** The smoke inputs; undefined when `smoke-test` is not true (smoke tests are opt-in). */
export function readSmokeInputs(get: GetInput): SmokeInputs | undefined {
  if (!bool('smoke-test', get('smoke-test').trim(), false)) return undefined
  const commands = new Map<string, string[]>()
  for (const line of get('smoke-commands').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const eq = line.indexOf('=')
    const words = eq > 0 ? line.slice(eq + 1).trim().split(/\s+/).filter(Boolean) : []
    if (eq <= 0 || words.length === 0) throw new UsageError(`input 'smoke-commands': each line must be IMAGE=COMMAND, got '${line}'`)
    commands.set(line.slice(0, eq).trim(), words)
  }
  return {
    allowUntrusted: bool('smoke-allow-untrusted', get('smoke-allow-untrusted').trim(), false),
    timeoutMs: number('smoke-timeout', get('smoke-timeout').trim(), DEFAULTS.timeoutMs / 1000, 86_400, false) * 1000,
    pullTimeoutMs: number('smoke-pull-timeout', get('smoke-pull-timeout').trim(), DEFAULTS.pullTimeoutMs / 1000, 86_400, false) * 1000,
    concurrency: number('smoke-concurrency', get('smoke-concurrency').trim(), DEFAULTS.concurrency, 16, true),
    commands,
  }
}

/** Refuses, before anything runs, to execute pull-request code with the base repository's privileges. */
export function checkSmokeAllowed(inputs: SmokeInputs, ctx: RunContext): void {
  if (ctx.eventName === 'pull_request_target' && !inputs.allowUntrusted) {
    throw new UsageError(
      "input 'smoke-test': refusing to smoke-test under pull_request_target, which runs with a write token and the " +
        "repository's secrets: a smoke test builds and starts the pull request's images, so their code would run " +
        "with those privileges. Smoke-test on pull_request or push instead, or set 'smoke-allow-untrusted: true' to " +
        'accept the risk (see docs/security.md)',
    )
  }
}

export interface SmokeStep {
  readonly output: LintOutput
  readonly section: JsonSmokeSection
  readonly file: string
}

/** Where the smoke results go: RUNNER_TEMP when set, else next to the SARIF file. */
export function smokeResultsPath(runnerTemp: string | undefined, sarifFile: string): string {
  return runnerTemp ? path.join(runnerTemp, 'isolint', 'smoke-results.json') : path.join(path.dirname(sarifFile), 'isolint-smoke-results.json')
}

export async function runSmokeStep(
  io: ActionIO,
  inputs: SmokeInputs,
  result: LintOutput,
  kb: KnowledgeBase,
  options: { readonly workspace: string; readonly file: string; readonly exec?: Exec },
): Promise<SmokeStep> {
  const exec = options.exec ?? createActionsExec()
  const probe = await probeEngine(exec, 'docker')
  let section: JsonSmokeSection
  let output = result
  if (!probe.ok) {
    io.annotate('notice', `isolint smoke test skipped: ${probe.reason}`, { title: 'isolint smoke test' })
    section = skippedSection(probe.reason)
  } else {
    const plan = planSmoke(result.project, kb, probe.host, { commands: inputs.commands })
    io.info(`isolint smoke: ${renderPlan(plan).trimEnd()}`)
    const { signal, dispose } = cancelOnSignals()
    try {
      const run = await runSmoke(plan, exec, {
        root: options.workspace,
        timeoutMs: inputs.timeoutMs,
        pullTimeoutMs: inputs.pullTimeoutMs,
        concurrency: inputs.concurrency,
        signal,
        log: (line) => io.info(`isolint smoke: ${line}`),
      })
      section = smokeSection(run)
      output = withSmokeFindings(result, run, kb)
    } finally {
      dispose()
    }
    // Engine messages and container output come from the pull request's images: printed with commands stopped.
    io.untrusted('isolint smoke test results', renderSmokeText(section))
  }
  writeReport(options.file, renderJson(output, { smoke: section }))
  return { output, section, file: options.file }
}
