/**
 * `isolint smoke [options] [paths]`: lint, plan from the lint model and the engine's host, start each Windows image
 * with the isolation the rules predict, report. Exit codes as for linting (smoke failures are error findings);
 * no engine or not a Windows engine skips the smoke run with one notice on standard error; 130 when cancelled.
 */
import { UsageError } from '../core/errors.js'
import { exitCodeFor, failOnLevel, lintTargets, parseCommandLine, REPORT_OPTIONS, reportFormat, reportOf, writeReport } from './command-line.js'
import { loadKnowledgeBase } from '../kb/index.js'
import { lint } from '../lint.js'
import { renderText } from '../reporters/text.js'
import { probeEngine } from '../smoke/engine.js'
import type { Exec } from '../smoke/exec.js'
import { createNodeExec } from '../smoke/exec-node.js'
import { planSmoke, renderPlan } from '../smoke/plan.js'
import { renderSmokeText, skippedSection, smokeSection, withSmokeFindings, type JsonSmokeSection } from '../smoke/report.js'
import { DEFAULTS, runSmoke } from '../smoke/run.js'
import { cancelOnSignals } from '../smoke/signal.js'
import { neutralizeLines } from '../core/log-safe.js'
import type { CliIO } from './main.js'

export const SMOKE_USAGE = `Usage: isolint smoke [options] [paths...]

Lints like 'isolint', then starts each Windows image the pipeline runs on the Docker engine at hand (the one
'docker' talks to, also through DOCKER_HOST or a context) with the isolation the rules predict for that engine's
host: explicit isolation as written, else hyperv for production or for images outside the host's process range,
else process. Images newer than the host are never started. Dockerfiles a workflow builds are built first with the
same isolation, then run. Every container is removed afterwards, also on failure, timeout or Ctrl+C.

Options:
  --plan                   print the plan and exit without starting anything
  --timeout SECONDS        per container (default ${DEFAULTS.timeoutMs / 1000})
  --pull-timeout SECONDS   per pull attempt (default ${DEFAULTS.pullTimeoutMs / 1000})
  --build-timeout SECONDS  per docker build (default ${DEFAULTS.buildTimeoutMs / 1000})
  --pull-attempts N        attempts per pull (default ${DEFAULTS.pullAttempts})
  --concurrency N          containers at once (default ${DEFAULTS.concurrency})
  --command IMAGE=CMD      command for IMAGE instead of 'cmd /c ver' (split on blanks, no shell); repeatable
  --docker PATH            the docker client (default: docker on PATH)
  --runner, --environment, --format text|json|sarif, --output, --fail-on, --root, --no-color: as for 'isolint'
  -h, --help               print this help

Exit codes: 0 no findings at or above --fail-on, 1 findings (smoke failures are errors), 2 usage error,
3 internal error, 130 cancelled. No Docker engine, or not a Windows one: the smoke run is skipped with a notice on
standard error and the exit code is the lint's.`

export interface SmokeDeps {
  /** Default: child_process, with the environment of this process. */
  readonly exec?: Exec
  /** Default: SIGINT and SIGTERM of this process. */
  readonly signal?: AbortSignal
}

function seconds(flag: string, value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0 || Number(value) > 86_400) {
    throw new UsageError(`${flag} must be a number of seconds from 0 to 86400, got '${value}'`)
  }
  return Math.round(Number(value) * 1000)
}

function count(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got '${value}'`)
  return Number(value)
}

/** `IMAGE=cmd /c echo hi` → IMAGE → ['cmd', '/c', 'echo', 'hi']. */
export function parseCommands(values: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const v of values) {
    const eq = v.indexOf('=')
    const words = eq > 0 ? v.slice(eq + 1).trim().split(/\s+/).filter(Boolean) : []
    if (eq <= 0 || words.length === 0) throw new UsageError(`--command must be IMAGE=COMMAND, got '${v}'`)
    out.set(v.slice(0, eq).trim(), words)
  }
  return out
}

export async function smokeMain(argv: readonly string[], io: CliIO, deps: SmokeDeps = {}): Promise<number> {
  const parsed = parseCommandLine({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      plan: { type: 'boolean' },
      timeout: { type: 'string' },
      'pull-timeout': { type: 'string' },
      'build-timeout': { type: 'string' },
      'pull-attempts': { type: 'string' },
      concurrency: { type: 'string' },
      command: { type: 'string', multiple: true },
      docker: { type: 'string' },
      runner: { type: 'string', multiple: true },
      environment: { type: 'string' },
      ...REPORT_OPTIONS,
    },
  })
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(SMOKE_USAGE + '\n')
    return 0
  }
  const format = reportFormat(values.format)
  const failOn = failOnLevel(values['fail-on']) ?? 'error'
  const timeoutMs = seconds('--timeout', values.timeout, DEFAULTS.timeoutMs)
  const pullTimeoutMs = seconds('--pull-timeout', values['pull-timeout'], DEFAULTS.pullTimeoutMs)
  const buildTimeoutMs = seconds('--build-timeout', values['build-timeout'], DEFAULTS.buildTimeoutMs)
  const pullAttempts = count('--pull-attempts', values['pull-attempts'], DEFAULTS.pullAttempts, 10)
  const concurrency = count('--concurrency', values.concurrency, DEFAULTS.concurrency, 16)
  const commands = parseCommands(values.command ?? [])
  const docker = values.docker ?? 'docker'

  const { root, paths } = lintTargets(io.cwd, values.root, positionals)
  const kb = loadKnowledgeBase()
  const result = lint({
    root,
    paths,
    kb,
    runners: values.runner ?? [],
    ...(values.environment !== undefined ? { environment: values.environment } : {}),
  })

  const exec = deps.exec ?? createNodeExec()
  const probe = await probeEngine(exec, docker)
  let section: JsonSmokeSection
  let output = result
  let cancelled = false
  if (!probe.ok) {
    io.stderr(neutralizeLines(`isolint smoke: skipped: ${probe.reason}\n`))
    section = skippedSection(probe.reason)
  } else {
    const plan = planSmoke(result.project, kb, probe.host, { commands })
    if (values.plan) {
      io.stdout(neutralizeLines(renderPlan(plan)))
      return 0
    }
    const { signal, dispose } = deps.signal ? { signal: deps.signal, dispose: () => {} } : cancelOnSignals()
    try {
      const run = await runSmoke(plan, exec, {
        docker,
        root,
        timeoutMs,
        pullTimeoutMs,
        buildTimeoutMs,
        pullAttempts,
        concurrency,
        signal,
        log: (line) => io.stderr(neutralizeLines(`isolint smoke: ${line}\n`)),
      })
      cancelled = run.cancelled
      section = smokeSection(run)
      output = withSmokeFindings(result, run, kb)
    } finally {
      dispose()
    }
  }

  const report = reportOf(output, format, {
    text: () => `${renderSmokeText(section)}\n${renderText(output, { color: io.color && !values['no-color'] && values.output === undefined })}`,
    json: { smoke: section },
  })
  writeReport(report, format, values.output, io)
  if (cancelled) return 130
  if (output.crashes.length > 0) {
    for (const c of output.crashes) io.stderr(neutralizeLines(`isolint: internal error in rule ${c.ruleId}: ${c.error.message}\n`))
    return 3
  }
  return exitCodeFor(output.findings, failOn)
}

