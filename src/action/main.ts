/**
 * The GitHub Action: inputs → lint → scope → SARIF and JSON files → check run → annotations → review →
 * summary → outputs → step result. Every side effect goes through `ActionIO` (the runner) and `GitHubApi` (the
 * REST API); the decisions are in the pure modules next to this file and in src/reporters/.
 *
 * Failure semantics: findings at or above `fail-on` fail the step; a bad input or path fails it with the reason
 * (UsageError); anything else is an internal error ("please report"). API problems (403 on forks, 422, network)
 * never fail the step: they are logged once and the action falls back to what the token allows.
 */
import path from 'node:path'
import { renderShardJson } from '../cli/merge.js'
import { loadCatalog, type CatalogEntry } from '../core/catalog.js'
import { UsageError } from '../core/errors.js'
import { atLeast, type Severity } from '../core/finding.js'
import { loadKnowledgeBase } from '../kb/index.js'
import { lint, type LintOutput } from '../lint.js'
import { planAnnotations, reportedFindings, type ReportedFinding } from '../reporters/annotations.js'
import { countsLine, plural } from '../reporters/counts.js'
import { renderJson } from '../reporters/json.js'
import { renderSarif } from '../reporters/sarif.js'
import { renderSummary, type ShownAs } from '../reporters/summary.js'
import { renderText } from '../reporters/text.js'
import { ApiError, type GitHubApi } from './api.js'
import { conclusionOf, planCheckRun, publishCheckRun } from './check-run.js'
import { readRunContext, type RunContext } from './context.js'
import { diffRank, pullDiff, type PullDiff } from './diff.js'
import { configInputFile, readInputs, resolveOutputFile, workspaceOf, INPUT_DEFAULTS, type ActionInputs } from './inputs.js'
import { applyBaseline, readBaseline } from '../baseline/baseline.js'
import { cliConfig } from '../cli/config.js'
import { configuredKnowledgeBase } from '../config/kb.js'
import { resolveRunnerLabels } from '../config/runners.js'
import { createActionIO, type ActionIO } from './io.js'
import { failedSarif, findingsFilePath, writeReport } from './reports.js'
import { planReview, publishReview } from './review.js'
import { findingsInScope } from './scope.js'
import { checkSmokeAllowed, readSmokeInputs, runSmokeStep, smokeResultsPath } from './smoke.js'

function count(findings: readonly ReportedFinding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length
}

function statusOf(e: unknown): string {
  return e instanceof ApiError ? `${e.status || 'no answer'}: ${e.message}` : String(e)
}

/** What is known of the run so far, for the failure path (a SARIF file must exist even then). */
interface Progress {
  sarifFile?: string
  sarifWritten: boolean
  catalog?: ReadonlyMap<string, CatalogEntry>
}

/** Runs the action. Never throws: every failure ends in `setFailed` with a message. */
export async function run(io: ActionIO = createActionIO()): Promise<void> {
  const progress: Progress = { sarifWritten: false }
  try {
    await runAction(io, progress)
  } catch (e) {
    const usage = e instanceof UsageError
    const message = e instanceof Error ? e.message : String(e)
    if (progress.sarifFile && !progress.sarifWritten) {
      try {
        writeReport(progress.sarifFile, failedSarif(message, progress.catalog))
        io.setOutput('sarif-file', progress.sarifFile)
      } catch (w) {
        io.warning(`could not write ${progress.sarifFile}: ${(w as Error).message}`)
      }
    }
    io.setOutput('conclusion', 'failure')
    if (usage) {
      io.setFailed(`isolint: ${message}`)
    } else {
      io.debug(e instanceof Error ? (e.stack ?? message) : message)
      io.setFailed(`isolint: internal error: ${message}. This is a bug in isolint; please report it.`)
    }
  }
}

async function runAction(io: ActionIO, progress: Progress): Promise<void> {
  const env = io.env
  // The SARIF path first, so a valid file is written even when a later input is wrong.
  const workspace = workspaceOf(env, process.cwd())
  const sarifInput = io.getInput('sarif-file') || INPUT_DEFAULTS['sarif-file']
  progress.sarifFile = resolveOutputFile(workspace, sarifInput, 'sarif-file')
  progress.catalog = loadCatalog()
  const catalog = progress.catalog
  // The config first: its runner labels are known hosts for the `runner` input, its fail-on the default.
  const configFile = configInputFile((name) => io.getInput(name), workspace)
  const config = cliConfig(workspace, workspace, configFile !== undefined ? { config: configFile } : {}, {
    config: "input 'config'",
    exclude: "input 'paths'",
    runner: "input 'runner'",
    failOn: "input 'fail-on'",
  })
  const kb = config.images.length > 0 ? configuredKnowledgeBase(config.images) : loadKnowledgeBase()
  const known = (label: string): boolean => {
    const r = resolveRunnerLabels([label], kb, config.runners)
    return r.info !== undefined && r.unknown.length === 0
  }
  const read = readInputs((name) => io.getInput(name), env, process.cwd(), known)
  const inputs = read.failOnGiven ? read : { ...read, failOn: config.failOn }
  if (config.file !== undefined) io.info(`isolint: config ${config.file}`)
  const ctx = readRunContext(env)
  const notes: string[] = []
  const smokeInputs = readSmokeInputs((name) => io.getInput(name))
  if (smokeInputs) checkSmokeAllowed(smokeInputs, ctx)

  if (inputs.runnerSource === 'input') {
    notes.push(`Files that no workflow runs were checked against ${inputs.runners.join(', ')} (input runner).`)
  }
  io.info(`isolint: linting ${inputs.paths.map((p) => path.relative(inputs.workspace, p) || '.').join(', ')}`)

  // An explicit runner input beats the config's hosts; with neither, files no workflow reaches get no host.
  const runners = inputs.runnerSource === 'input' ? inputs.runners : config.hosts
  const linted = lint({
    root: inputs.workspace,
    paths: inputs.paths,
    runners,
    ...(inputs.runnerSource === 'input' ? { runnerOrigin: 'from the runner input' } : {}),
    kb,
    config,
    ...(inputs.globs.length > 0 ? { include: inputs.globs } : {}),
    ...(inputs.environment !== undefined ? { environment: inputs.environment } : {}),
    ...(inputs.shard !== undefined ? { shard: inputs.shard } : {}),
  })
  const smoke = smokeInputs
    ? await runSmokeStep(io, smokeInputs, linted, kb, { workspace: inputs.workspace, file: smokeResultsPath(env.RUNNER_TEMP, inputs.sarifFile) })
    : undefined
  let result: LintOutput = smoke?.output ?? linted
  if (inputs.baselineFile !== undefined) {
    const shown = path.relative(inputs.workspace, inputs.baselineFile)
    const applied = applyBaseline(result.findings, result.sources, readBaseline(inputs.baselineFile, shown))
    result = { ...result, findings: applied.findings, baseline: { known: applied.known, fixed: applied.fixed } }
    notes.push(
      `Baseline ${shown}: ${plural(applied.known, 'known finding')} not reported, ${applied.fixed} fixed since it was written.`,
    )
  }
  if (result.suppressed.length > 0) {
    notes.push(`${plural(result.suppressed.length, 'finding')} suppressed inline (see the audit table below).`)
  }

  if (result.files.length === 0) nothingLinted(io, inputs, result.skipped.length, notes)

  const api = inputs.token !== '' ? io.api(inputs.token) : undefined
  const diff = await readDiff(io, inputs, ctx, api, notes)
  const scoped = applyScope(io, inputs, ctx, result, diff, notes)
  const findings = reportedFindings(scoped)
  // A crashed rule makes the run an internal error whatever the other findings say.
  const conclusion = result.crashes.length > 0 ? 'failure' : conclusionOf(findings, inputs.failOn)

  // Report files. SARIF holds every finding of the workspace (a partial upload would close alerts elsewhere).
  writeReport(inputs.sarifFile, renderSarif(result, catalog))
  progress.sarifWritten = true
  const findingsFile = findingsFilePath(env.RUNNER_TEMP, inputs.sarifFile)
  // A shard writes its shard report (all its findings) for `isolint merge`.
  writeReport(
    findingsFile,
    inputs.shard ? renderShardJson(result, inputs.shard) : renderJson({ ...result, findings: scoped }, smoke ? { smoke: smoke.section } : {}),
  )
  io.untrusted(`isolint: ${countsLine(findings)}`, renderText({ ...result, findings: scoped }))

  const shownAs = new Map<ReportedFinding, ShownAs[]>()
  const mark = (f: ReportedFinding, how: ShownAs): void => {
    shownAs.set(f, [...(shownAs.get(f) ?? []), how])
  }

  // Check run first: if the token may not write checks, annotations are the fallback.
  let checkRunCreated = false
  let fallback = false
  if (inputs.checkRun) {
    if (!api) {
      notes.push('No check run: no github-token (or no repository) was given.')
    } else if (ctx.headSha === '') {
      notes.push('No check run: the commit is unknown (GITHUB_SHA is not set).')
    } else {
      const summary = renderSummary({
        findings,
        conclusion,
        failOn: inputs.failOn,
        notes,
        executions: result.executionSummaries(),
        fileCount: result.files.length,
        crashes: result.crashes.map((c) => c.ruleId),
        listFindings: false,
        maxBytes: 60_000,
      })
      const plan = planCheckRun(findings, { headSha: ctx.headSha, conclusion, title: countsLine(findings), summary })
      const outcome = await publishCheckRun(api, plan)
      if (outcome.kind === 'created') {
        checkRunCreated = true
        const all = plural(plan.annotationCount, 'finding')
        if (plan.annotationCount > 0) notes.push(`The isolint check run holds all ${all} as annotations.`)
        io.info(`isolint: check run created with ${all}${outcome.url ? `: ${outcome.url}` : ''}`)
      } else if (outcome.kind === 'forbidden') {
        fallback = true
        io.warning(
          `the token may not write checks (403: ${outcome.message}), as on pull requests from forks, Dependabot runs ` +
            'and read-only tokens; findings are shown as workflow-command annotations instead. ' +
            "Grant 'checks: write' for the check run.",
        )
        notes.push(
          'No check run: the token may not write checks (pull request from a fork, Dependabot, or no checks: write).',
        )
      } else if (outcome.id === undefined) {
        // Not created at all (network, 5xx, 422): annotations are the only place left for the findings.
        fallback = true
        io.warning(`isolint check run: ${outcome.message}; findings are shown as workflow-command annotations instead`)
        notes.push('No check run: the GitHub API refused to create it (see the log).')
      } else {
        io.warning(`isolint check run: ${outcome.message}`)
        notes.push('The check run is incomplete: the GitHub API refused a request (see the log).')
      }
    }
  }

  if (inputs.annotations || fallback) {
    const seeAlso = [
      ...(inputs.summary ? ['the job summary'] : []),
      ...(checkRunCreated ? ['the isolint check run'] : []),
      `the SARIF file ${path.relative(inputs.workspace, inputs.sarifFile).split(path.sep).join('/')}`,
    ]
    // A failing step's own failure message is an error annotation: it takes one of the 10 error slots.
    const reservedErrors = conclusion === 'failure' ? 1 : 0
    const plan = planAnnotations(findings, { rank: (f) => diffRank(diff, f.span.file, f.span.start.line), seeAlso, reservedErrors })
    for (const a of plan.annotations) {
      const { level, message, ...props } = a
      io.annotate(level, message, props)
    }
    for (const f of plan.shown) mark(f, 'annotation')
  }

  if (inputs.prReview !== 'off') await review(io, inputs, ctx, api, diff, result, findings, notes, mark)

  if (inputs.summary) {
    const markdown = renderSummary({
      findings,
      conclusion,
      failOn: inputs.failOn,
      shownAs,
      notes,
      executions: result.executionSummaries(),
      skipped: result.skipped,
      suppressions: result.suppressed,
      ...(smoke ? { smoke: smoke.section } : {}),
      fileCount: result.files.length,
      crashes: result.crashes.map((c) => c.ruleId),
      ...(ctx.repository !== '' && ctx.headSha !== ''
        ? {
            links: {
              serverUrl: ctx.serverUrl,
              repository: ctx.pullRequest?.headRepository ?? ctx.repository,
              ref: ctx.headSha,
            },
          }
        : {}),
    })
    try {
      await io.writeSummary(markdown)
    } catch (e) {
      io.warning(`could not write the job summary: ${(e as Error).message}`)
    }
  }

  io.setOutput('errors', count(findings, 'error'))
  io.setOutput('warnings', count(findings, 'warning'))
  io.setOutput('notes', count(findings, 'note'))
  io.setOutput('findings-file', findingsFile)
  io.setOutput('sarif-file', inputs.sarifFile)
  io.setOutput('conclusion', conclusion)
  if (smoke) io.setOutput('smoke-results', smoke.file)

  if (result.crashes.length > 0) {
    for (const c of result.crashes) io.debug(`${c.ruleId}: ${c.error.stack ?? c.error.message}`)
    io.setFailed(
      `isolint: internal error: rule ${result.crashes.map((c) => c.ruleId).join(', ')} crashed ` +
        `(${result.crashes[0]!.error.message}). The other rules' findings are reported. ` +
        'This is a bug in isolint; please report it.',
    )
  } else if (conclusion === 'failure') {
    const at = findings.filter((f) => atLeast(f.severity, inputs.failOn))
    const why = `${plural(at.length, 'finding')} at or above fail-on (${inputs.failOn})`
    io.setFailed(`isolint: ${why}: ${countsLine(findings)}`)
  } else {
    io.info(`isolint: ${countsLine(findings)}; conclusion ${conclusion} (fail-on ${inputs.failOn})`)
  }
}

/** Zero files under `paths`: said plainly, as a notice and in the summary, never a silent success. */
function nothingLinted(io: ActionIO, inputs: ActionInputs, skipped: number, notes: string[]): void {
  const where = inputs.paths.map((p) => path.relative(inputs.workspace, p).split(path.sep).join('/') || '.').join(', ')
  const message =
    `Nothing was linted: no Dockerfile, Compose file or GitHub workflow was found under paths (${where})` +
    (skipped > 0 ? `; ${plural(skipped, 'file')} skipped (see the job summary)` : '') +
    '. Check the paths input.'
  io.annotate('notice', message, { title: 'isolint: nothing was linted' })
  notes.unshift(message)
}

/** The pull request's diff, when the run is about one and something needs it; undefined otherwise. */
async function readDiff(
  io: ActionIO,
  inputs: ActionInputs,
  ctx: RunContext,
  api: GitHubApi | undefined,
  notes: string[],
): Promise<PullDiff | undefined> {
  if (!ctx.pullRequest) return undefined
  const needed = inputs.scope === 'changed' || inputs.prReview !== 'off' || inputs.annotations
  if (!needed || !api) {
    if (inputs.scope === 'changed' && !api) notes.push('scope: changed needs a github-token; every file was reported.')
    return undefined
  }
  try {
    return pullDiff(await api.listPullFiles(ctx.pullRequest.number))
  } catch (e) {
    const why = statusOf(e)
    if (inputs.scope === 'changed' || inputs.prReview !== 'off') {
      io.warning(`could not read the pull request's files (${why}); grant 'pull-requests: read' to the job`)
      notes.push("The pull request's files could not be read, so every finding is reported and no review was posted.")
    } else {
      io.debug(`pull request files not read (${why}); annotations are ranked without the diff`)
    }
    return undefined
  }
}

function applyScope(
  io: ActionIO,
  inputs: ActionInputs,
  ctx: RunContext,
  result: LintOutput,
  diff: PullDiff | undefined,
  notes: string[],
): readonly ReportedFinding[] {
  if (inputs.scope !== 'changed') return result.findings
  if (!ctx.pullRequest) {
    const event = ctx.eventName || 'unknown'
    io.info(`isolint: scope 'changed' applies to pull_request events; this '${event}' event reports every file`)
    notes.push(`scope: changed reports every file on '${event}' events (it narrows pull requests only).`)
    return result.findings
  }
  if (!diff) return result.findings
  const scoped = findingsInScope(result.findings, diff.changed, result.links)
  notes.push(
    `Scope: the ${plural(diff.changed.size, 'file')} changed by pull request #${ctx.pullRequest.number} and the ` +
      `files linked to them (${scoped.length} of ${result.findings.length} findings in the workspace).`,
  )
  return scoped
}

async function review(
  io: ActionIO,
  inputs: ActionInputs,
  ctx: RunContext,
  api: GitHubApi | undefined,
  diff: PullDiff | undefined,
  result: LintOutput,
  findings: readonly ReportedFinding[],
  notes: string[],
  mark: (f: ReportedFinding, how: ShownAs) => void,
): Promise<void> {
  if (!ctx.pullRequest) {
    io.info(`isolint: pr-review applies to pull_request events; this is a '${ctx.eventName || 'unknown'}' event`)
    return
  }
  if (!api || !diff) {
    if (!api) notes.push('No review comments: no github-token was given.')
    return
  }
  let existing
  try {
    existing = await api.listReviewComments(ctx.pullRequest.number)
  } catch (e) {
    io.warning(`could not read the pull request's review comments (${statusOf(e)}); no review was posted`)
    notes.push('No review comments: the review comments of the pull request could not be read.')
    return
  }
  const plan = planReview(findings, existing, {
    mode: inputs.prReview === 'suggestions' ? 'suggestions' : 'comments',
    diff,
    sources: result.sources,
    headSha: ctx.pullRequest.headSha,
    resolveStale: result.crashes.length === 0,
  })
  const outcome = await publishReview(api, ctx.pullRequest.number, plan, ctx.pullRequest.headSha, plan.outside.length)
  if (outcome.forbidden) {
    io.warning(
      `the token may not write pull request reviews (${outcome.errors[0] ?? '403'}), as on pull requests from forks ` +
        "and Dependabot runs; the findings are in the job summary. Grant 'pull-requests: write' for review comments.",
    )
    notes.push(
      'No review comments: the token may not write pull requests ' +
        '(pull request from a fork, Dependabot, or no pull-requests: write).',
    )
    return
  }
  for (const err of outcome.errors) io.warning(`isolint review: ${err}`)
  const failedCreate = plan.create.length > 0 && outcome.created === 0
  const notPosted = new Set(failedCreate ? plan.create.map((c) => c.finding) : [])
  for (const f of plan.commented) if (!notPosted.has(f)) mark(f, 'review comment')
  const off = plan.outside.length + notPosted.size
  io.info(
    `isolint: review ${plural(outcome.created, 'new comment')}, ${plural(outcome.updated, 'updated comment')}, ` +
      `${plural(outcome.resolved, 'resolved comment')}; ${plural(off, 'finding')} outside the diff or not posted`,
  )
  if (off > 0) {
    notes.push(
      `${plural(off, 'finding')} could not be posted as review comments ` +
        '(outside the diff, over the cap of 50, or refused); they are listed below.',
    )
  }
}
