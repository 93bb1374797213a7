/**
 * Works out which image runs on which host with which isolation: follows workflow jobs (per matrix combination)
 * to the Dockerfiles they build and the images they run, and Compose files to their services. Pure: files
 * referenced by path come through the `FileResolver` port.
 */
import path from 'node:path'
import { cmdVariablesAsEnv } from '../core/cmd-variable-text.js'
import type { RelatedLocation } from '../core/finding.js'
import type { Located, Position, Span } from '../core/span.js'
import { expandedValue, expandValue as expand, shownText } from '../parsers/workflow-expressions.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { AzurePipelinesModel } from '../model/azure-pipelines.js'
import type { ComposeBuild, ComposeModel, ComposeValue } from '../model/compose.js'
import type { DockerfileModel, ResolvedStage } from '../model/dockerfile.js'
import type {
  BuildSpec,
  Execution,
  FileLink,
  FileModel,
  HostRef,
  ImageUse,
  IsolationRef,
  JobHosts,
  ParseProblem,
  Project,
  UnreadCommand,
  Untrusted,
} from '../model/project.js'
import type {
  BuildArg,
  DockerBuildCommand,
  DockerCommand,
  DockerComposeCommand,
  DockerPullCommand,
  DockerRunCommand,
  DockerTagCommand,
  FolderChange,
  Job,
  Step,
  Word,
  WorkflowModel,
} from '../model/workflow.js'
import type { CompositeAction, ParsedJob, ParsedStep, ParsedWorkflow } from '../parsers/workflow.js'
import { scriptScopes, stringScope, wordsScope, workflowStepAssignments, workflowStepDialect } from './script-scope.js'
import { buildArgsRead, effectiveImage, resolveStages, stageRef, stagesToBuild } from '../parsers/dockerfile.js'
import { isValidReference, parseImageRef } from '../kb/images.js'
import type { AzurePipelinesModel as AzureModel } from '../model/azure-pipelines.js'
import type { KubernetesModel } from '../model/kubernetes.js'
import { linkAzurePipelines, wordsOf } from './link-azure.js'
import { addEdge, passedNotes, recordPassed, runThroughCalls, type Calls, type PassedNotes } from './link-calls.js'
import { jobHosts } from './unique.js'
import { linkKubernetes } from './link-kubernetes.js'
import { LinuxOnlyContainers, type StepRecorder } from './link-linux-only.js'
import { jobUntrusted } from './trust.js'
import { environmentClassifier, type EnvironmentClassifier, type EnvironmentMatch } from '../config/environments.js'
import { resolveRunnerLabels, type RunnerResolution } from '../config/runners.js'
import { DEFAULT_PRODUCTION_ENVIRONMENTS, type RunnerMapping } from '../config/types.js'
import {
  defaultComposeFiles,
  mergeCompose,
  parseCount,
  resolveExtends,
  selectServices,
  serviceScale,
  standaloneComposeGroups,
  type MergedCompose,
} from './compose-merge.js'
import { composeEnvironment, everyVariableUnknown, JobEnvWrites } from './env-writes.js'
import { commandEnv, followStep, MATRIX_REF } from './follow.js'
import { setHereNotes, type UnknownAssignments } from './follow-script.js'
import { stepRuns, type StepRuns } from './step-condition.js'
import { guardedHost } from '../parsers/os-guards.js'
import { remembered } from '../core/memo.js'
import { keyIgnoreCase } from '../core/lookup.js'
import { BUILDER_VARIABLES, ENGINE_VARIABLES } from '../parsers/script-assignments.js'
import { EMPTY_LIST, sizedCopy } from '../core/sized-copy.js'
import { joinRel } from '../core/rel-path.js'
import { commandFolder } from './folder.js'

/** Loads files that other files refer to (`-f Dockerfile.windows`, `docker compose -f x.yml`). */
export interface FileResolver {
  dockerfile(rel: string): DockerfileModel | undefined
  compose(rel: string): ComposeModel | undefined
  /** An Azure Pipelines template named by `template:`. */
  azurePipelines(rel: string): AzurePipelinesModel | undefined
  /** The text of another file under the root (Makefile, script, action.yml), bounded in size; undefined when absent. */
  text?(rel: string): string | undefined
  /** A reusable workflow called with `uses: ./.github/workflows/x.yml`. */
  workflow?(rel: string): WorkflowModel | undefined
  /** The composite action in a folder (`uses: ./.github/actions/x`). */
  action?(dir: string): CompositeAction | undefined
  /**
   * A Compose file interpolated as a command runs it: with `--env-file` files instead of the folder's `.env`, and
   * the step's environment on top (an undefined value = set to something unknown).
   */
  composeVariant?(rel: string, envFiles: readonly string[] | undefined, environment: ReadonlyMap<string, string | undefined>): ComposeModel | undefined
}

export interface LinkOptions {
  /** Hosts (runner labels or builds) for files no workflow reaches. */
  readonly runners: readonly string[]
  /** Where those hosts come from, for messages (`from --runner`, `from the runner input`, `from .isolint.yml`). */
  readonly runnerOrigin?: string
  /** Hosts with their own origin (e.g. from a config file), checked like `runners`. */
  readonly hosts?: readonly { readonly label: string; readonly origin: string }[]
  /** `--environment`: `production` makes every container a production one. */
  readonly environment?: string
  /** Runner label sets from the config (`runners:`). */
  readonly runnerMappings?: readonly RunnerMapping[]
  /** Environments from the config (default: production by its usual names). */
  readonly environments?: EnvironmentClassifier
  /** The Kubernetes workloads the config lists as node agents, by `namespace/name` (config/node-agents.ts). */
  readonly nodeAgents?: (namespaceAndName: string) => boolean
}

const DEFAULT_ENVIRONMENTS = environmentClassifier({
  environments: [
    { name: 'production', workflowEnvironments: DEFAULT_PRODUCTION_ENVIRONMENTS, composeProfiles: [], namespaces: [], requireIsolation: 'hyperv' },
  ],
})

interface Scope {
  readonly matrix: ReadonlyMap<string, string>
  readonly env: ReadonlyMap<string, string>
  /** Inputs of the reusable workflow or composite action being linked. */
  readonly inputs?: ReadonlyMap<string, string | undefined>
  /** Where the call that gave `inputs` writes each value it gives (link-calls.ts `recordPassed`). */
  readonly passed?: PassedNotes
  /** Names the step's script assigns itself: unknown in it and in the files it runs (see script-scope.ts). */
  readonly assigned?: ReadonlySet<string>
}

/** A reusable workflow as called: its inputs and the chain of calls that led to it. */
interface Call {
  readonly inputs: ReadonlyMap<string, string | undefined>
  /** Where the call writes the values it gives (see {@link Scope}). */
  readonly passed: PassedNotes | undefined
  readonly via: readonly RelatedLocation[]
  readonly depth: number
  /** The caller's reason to distrust the code, if any. */
  readonly untrusted: Untrusted | undefined
}

const MAX_CALL_DEPTH = 4

interface Built {
  readonly image: string | undefined
  readonly imageRaw: string
  readonly unresolved: readonly string[]
  readonly fromSpan: Span
  readonly buildSpan: Span
  /**
   * The earlier builds of the job in between, when the base is an image one of them tagged (`base:dev is built here`),
   * and the `docker tag` that gave the image the name it is looked up by (`app:1 is tagged here from app:ci`).
   */
  readonly via: readonly RelatedLocation[]
  /** The name the build tags the image with, when it is looked up by one a `docker tag` gave it (see {@link builtVia}). */
  readonly builtAs?: string | undefined
  /** The Compose service whose `image:` names the image, when a Compose command builds it (named in the notes). */
  readonly service?: string | undefined
  /**
   * A RUN of the build (or of the earlier build its base is) starts a container from the base on the same host: what
   * `unknown-image-build` says of that base it says there, and that finding stands for a run's (or a later FROM's).
   */
  readonly unknownAtBuild: boolean
}

export function linkProject(
  models: readonly FileModel[],
  problems: readonly ParseProblem[],
  resolver: FileResolver,
  kb: KnowledgeBase,
  options: LinkOptions,
): Project {
  const executions: Execution[] = []
  const images: ImageUse[] = []
  const jobs: JobHosts[] = []
  /** Workflow (or pipeline) file -> the Dockerfiles and Compose files it reaches. */
  const links = new Map<string, Set<string>>()
  const link = (from: string, to: string): void => addEdge(links, from, to)
  const reachedDockerfiles = new Set<string>()
  const reachedCompose = new Set<string>()
  const workflows = models.filter((m): m is WorkflowModel => m.kind === 'workflow')
  const dockerfiles = models.filter((m): m is DockerfileModel => m.kind === 'dockerfile')
  const composeFiles = models.filter((m): m is ComposeModel => m.kind === 'compose')
  // Every path a workflow reaches (found, broken or missing): a broken file a pipeline builds fails that pipeline.
  const reachedPaths = new Set<string>()
  const workflowResolver = recording(resolver, reachedPaths)
  const envs = options.environments ?? DEFAULT_ENVIRONMENTS
  const mappings = options.runnerMappings ?? []
  const globalProduction = options.environment ? policyOf(envs.named(options.environment)) : undefined
  const runnerLabels = runnerLabelsOnce(kb, mappings)
  /** The reusable workflows each workflow's jobs call (see link-calls.ts). */
  const calls: Calls = new Map()
  /** What the builds tag (see Project.built). */
  const produced = new Set<string>()

  /** The commands of called jobs that build or start what isolint cannot read, as the calls give them (JobHosts.unread). */
  const unreadThroughCalls = new Map<string, UnreadCommand[]>()

  // 1. Workflows: each job, once per matrix combination.
  const linkJob = (wf: WorkflowModel, job: Job, call?: Call): void => {
    const hosts: HostRef[] = []
    let usesContainers = false
    // The commands whose Dockerfile or Compose files isolint cannot read, one per host (see JobHosts.unread).
    const unread: UnreadCommand[] = []
    // The containers GitHub starts on the job's Windows hosts, recorded as its steps are walked.
    const linuxOnly = new LinuxOnlyContainers()
    // A called workflow runs with its caller's trust: `workflow_call` says nothing of where the code comes from.
    const untrusted = call ? call.untrusted : jobUntrusted(wf, job)
    job.matrix.forEach((matrix, combination) => {
      const scope: Scope = call ? { matrix, env: job.env, inputs: call.inputs, passed: call.passed } : { matrix, env: job.env }
      const matrixSpans = job.matrixSpans?.[combination]
      const host = jobHost(wf.file, job, scope, runnerLabels, matrixSpans)
      if (host) hosts.push(host)
      const windowsSteps = call ? undefined : linuxOnly.combination(job, scope, host)
      const production = jobProduction(job, scope, envs) ?? globalProduction
      const built = new Map<string, Built>()
      /** Links one command of a step (or of a file the step runs), run in `dir`. */
      const run = (
        cmd: DockerCommand,
        stepScope: Scope,
        dir: string | undefined,
        via: readonly RelatedLocation[],
        env: ReadonlyMap<string, string> | undefined,
        unknownSet?: UnknownAssignments,
      ): void => {
        // Its arguments are expanded where it is written (the step, or the file that runs it), as the shell does.
        const cmdScope = env ? { ...stepScope, env } : stepScope
        // Its script's test of the OS (`if [ "$RUNNER_OS" = Linux ]`) keeps it off this host, or leaves where it runs
        // unknown; a test of a value this leg gives (`case "$1" in`, `[ "$T" = a ]`) keeps it off the legs that give
        // another (parsers/os-guards.ts).
        const cmdHost = cmd.os === undefined ? host : guardedHost(cmd.os, host, (raw) => expandedValue(raw, cmdScope))
        if (cmdHost === false) return
        usesContainers = true
        // `X=1 docker compose up`, `sudo docker build`, `env -u TAG docker compose up`: the environment it reads.
        const programEnv = commandEnv(cmdScope.env, cmd)?.env
        // `sudo -i docker build .`: in a folder isolint cannot know, the files it names are unknown.
        const workdir = cmd.moved ? undefined : dir
        const ctx: CommandContext = { kb, resolver: workflowResolver, host: cmdHost, scope: cmdScope, workdir, production, built, produced, envs }
        if (programEnv) ctx.programEnv = programEnv
        const out = withVia(linkCommand(cmd, ctx), via)
        if (out.unread && cmdHost && !unread.some((u) => u.host === cmdHost)) unread.push({ host: cmdHost, what: out.unread })
        // In a called workflow (or composite action): where the caller passes the inputs a finding's values read.
        if (cmdScope.passed) withPassed(out, via, cmd, cmdScope)
        // In a followed script: where it sets the names its values read to what isolint cannot know (the fix goes there).
        if (unknownSet) withSetHere(out, cmd, unknownSet)
        // Indexed loops: a `for…of` in V8's baseline tier makes an iterator and a result object per item, per command.
        for (let i = 0; i < out.executions.length; i++) {
          const e = out.executions[i]!
          // The executions are the linker's own (made for this call): the job's trust is added to them in place.
          if (untrusted) (e as { untrusted?: Untrusted }).untrusted = untrusted
          executions.push(e)
        }
        for (let i = 0; i < out.images.length; i++) images.push(out.images[i]!)
        for (let i = 0; i < out.dockerfiles.length; i++) {
          reachedDockerfiles.add(out.dockerfiles[i]!)
          link(wf.file, out.dockerfiles[i]!)
        }
        for (let i = 0; i < out.composeFiles.length; i++) {
          reachedCompose.add(out.composeFiles[i]!)
          link(wf.file, out.composeFiles[i]!)
        }
      }
      // What the steps write to GITHUB_ENV, for the steps after them (composite actions' steps included).
      const envWrites = new JobEnvWrites()
      const linkSteps = (
        steps: readonly Step[],
        inputs: Scope['inputs'],
        passed: Scope['passed'],
        chain: readonly RelatedLocation[],
        depth: number,
        containers: StepRecorder | undefined,
      ): void => {
        // Indexed loops on the per-step paths: a `for…of` in V8's interpreter and baseline tiers makes a result object per
        // item (issue 11).
        for (let s = 0; s < steps.length; s++) {
          const step = steps[s]!
          const env = envWrites.stepEnv(job.env, step.env)
          // Most steps see the job's environment: then the combination's scope is theirs.
          const stepScope: Scope = env === scope.env && inputs === scope.inputs ? scope : inputs ? { matrix, env, inputs, passed } : { matrix, env }
          // `if: runner.os == 'Windows'` in a cross-platform matrix: a step its condition keeps off this host (or may,
          // by what isolint cannot know) builds and runs nothing here; one that is not run writes no environment.
          let runs: StepRuns | undefined
          if (step.condition) {
            const jobEnv = step.env.size > 0 ? envWrites.stepEnv(job.env, NO_ENV) : env
            runs = stepRuns(step.condition.value, jobEnv === env ? stepScope : { ...stepScope, env: jobEnv }, host, step.env, (job as Partial<ParsedJob>).matrixDynamic)
            if (runs === 'no') continue
            if (runs === 'maybe') {
              envWrites.add(step, host?.info.os)
              continue
            }
          }
          // A folder isolint cannot know leaves the paths in it unknown (not the root's).
          const workdir = step.workingDirectory ? expandedValue(step.workingDirectory, stepScope) : ''
          // Its own commands read the shell's variables: PowerShell's `$TAG` is not the environment, nor a name it sets.
          // The files it runs inherit the names the step assigned (`export TAG=…`, `$env:TAG = …`), in their own shell.
          const dialect = workflowStepDialect(step, host)
          const { own: ownScope, files: followScope } = scriptScopes(stepScope, dialect, workflowStepAssignments(step, dialect))
          const commands = stepCommands(step, host)
          for (let c = 0; c < commands.length; c++) run(commands[c]!, ownScope, workdir, chain, undefined)
          // `make …`, scripts: the docker commands of the files the step runs.
          if ((step as Partial<ParsedStep>).invocations) {
            const follow = { resolver, scope: followScope, words: wordsScope(followScope, dialect), workdir, matrixSpans, os: host?.info.os }
            for (const f of followStep(job, step, follow)) {
              // A command string (`bash -c '…'`) is read in its own shell, with the names it assigns itself.
              // A file a followed file runs: the names its callers assign are unknown instead of the step's.
              // Object.assign, not a spread with a field added (see script-scope.ts `scriptScopes`).
              const base = f.assigned ? Object.assign({}, followScope, { assigned: f.assigned }) : followScope
              const fScope = f.string ? stringScope(base, f.string.dialect, f.string.assignments) : base
              for (const cmd of f.commands) run(cmd, fScope, f.workdir, f.via.length === 0 ? chain : [...chain, ...f.via], f.env, f.unknownSet)
              if (f.envWrites) envWrites.record(f.envWrites)
            }
          }
          // `uses: ./.github/actions/x`: the steps of a local composite action, with the inputs it is given.
          const action = depth < MAX_CALL_DEPTH && step.uses ? localAction(step, resolver) : undefined
          // `uses: docker://…` or a local Docker container action: a container GitHub starts only on Linux runners.
          const actionContainers = containers?.step(step, action, chain, runs === 'yes')
          if (action && step.uses) {
            const given = (step as Partial<ParsedStep>).with ?? new Map<string, Located<string>>()
            const actionInputs = callInputs(action.inputs, given, stepScope)
            const actionPassed = recordPassed(actionInputs, given, stepScope, matrixSpans)
            const via = [...chain, { span: step.uses.span, message: `runs the composite action ${action.file}` }]
            linkSteps(action.steps, actionInputs, actionPassed, via, depth + 1, actionContainers)
          }
          envWrites.add(step, host?.info.os)
        }
      }
      // A job whose `if:` is false (`if: false`) runs none of its steps.
      if (!job.condition || stepRuns(job.condition.value, scope, host) !== 'no') {
        linkSteps(job.steps, call?.inputs, call?.passed, call?.via ?? EMPTY_LIST, call?.depth ?? 0, windowsSteps)
      }
      // `uses: ./.github/workflows/x.yml`: the called workflow's jobs (with their own runs-on) and the inputs given.
      const called = (call?.depth ?? 0) < MAX_CALL_DEPTH ? localWorkflow(job, resolver) : undefined
      if (called && job.usesWorkflow) {
        const given = (job as Partial<ParsedJob>).with ?? new Map<string, Located<string>>()
        const inputs = callInputs((called as Partial<ParsedWorkflow>).callInputs ?? new Map(), given, scope)
        const passed = recordPassed(inputs, given, scope, matrixSpans)
        addEdge(calls, wf.file, called.file)
        const via = [...(call?.via ?? []), { span: job.usesWorkflow.span, message: `job ${job.id} calls ${called.file}` }]
        for (const calledJob of called.jobs) linkJob(called, calledJob, { inputs, passed, via, depth: (call?.depth ?? 0) + 1, untrusted })
      }
    })
    if (call) {
      if (unread.length > 0) {
        const key = unreadKey(wf.file, job.id)
        unreadThroughCalls.set(key, [...(unreadThroughCalls.get(key) ?? []), ...unread])
      }
    } else {
      const linked: { -readonly [K in keyof JobHosts]: JobHosts[K] } = { file: wf.file, job, hosts: jobHosts(hosts), usesContainers }
      if (untrusted) linked.untrusted = untrusted
      if (unread.length > 0) linked.unread = unread
      const containers = linuxOnly.list()
      if (containers.length > 0) linked.linuxOnly = containers
      jobs.push(linked)
    }
  }
  // Where each workflow's own reading put its executions and images: a workflow that runs only when called, and
  // that a workflow here calls, runs only through those calls (its own reading, with inputs it is never given, gives
  // its jobs' hosts alone, for the job-level rules). Worked out after the readings, from the calls they made.
  const readings: number[] = []
  for (const wf of workflows) {
    readings.push(executions.length, images.length)
    for (let j = 0; j < wf.jobs.length; j++) linkJob(wf, wf.jobs[j]!)
  }
  readings.push(executions.length, images.length)
  if (calls.size > 0) {
    const graph = { workflow: (job: Job) => localWorkflow(job, resolver), action: (step: Step) => localAction(step, resolver) }
    const throughCalls = runThroughCalls(workflows, calls, graph, MAX_CALL_DEPTH)
    // From the last, so that the positions of the earlier ones stay.
    for (let w = workflows.length - 1; w >= 0; w--) {
      if (!throughCalls.has(workflows[w]!.file)) continue
      executions.splice(readings[2 * w]!, readings[2 * w + 2]! - readings[2 * w]!)
      images.splice(readings[2 * w + 1]!, readings[2 * w + 3]! - readings[2 * w + 1]!)
    }
    // Likewise what their jobs build or start unread: as the calls give it, not as their own reading (without inputs).
    for (const linked of jobs) {
      if (!throughCalls.has(linked.file)) continue
      const viaCalls = unreadThroughCalls.get(unreadKey(linked.file, linked.job.id))
      if (viaCalls) (linked as { unread?: readonly UnreadCommand[] }).unread = viaCalls
      else delete (linked as { unread?: readonly UnreadCommand[] }).unread
    }
  }

  // Azure Pipelines: jobs like a workflow's, through the templates they include.
  const azure = linkAzurePipelines(
    models.filter((m): m is AzureModel => m.kind === 'azure-pipelines'),
    {
      kb,
      load: (rel) => workflowResolver.azurePipelines(rel),
      ...(globalProduction ? { globalProduction } : {}),
      envs,
      runnerMappings: mappings,
      resolver,
      stepCommands,
      linkCommand: (cmd, c) => {
        const ctx: CommandContext = { kb, resolver: workflowResolver, envs, produced, ...c, built: c.built as Map<string, Built> }
        // `TAG=ltsc2022 docker compose up`, a `DockerCompose@1` task's `dockerComposeFileArgs`: the environment the
        // command itself reads, as in a workflow.
        const programEnv = commandEnv(c.scope.env, cmd)?.env
        if (programEnv) ctx.programEnv = programEnv
        return linkCommand(cmd, ctx)
      },
    },
  )
  executions.push(...azure.executions)
  images.push(...azure.images)
  jobs.push(...azure.jobs)
  for (const f of azure.dockerfiles) reachedDockerfiles.add(f)
  for (const f of azure.composeFiles) reachedCompose.add(f)
  for (const l of azure.links) link(l.from, l.to)

  // Kubernetes: each container of a pod on the nodes it can be scheduled on.
  const k8s = linkKubernetes(models.filter((m): m is KubernetesModel => m.kind === 'kubernetes'), kb, globalProduction, envs, options.nodeAgents)
  executions.push(...k8s.executions)
  images.push(...k8s.images)

  // 2. Files no workflow reaches: checked against --runner hosts, and host-independently.
  const given = [
    ...options.runners.map((label) => ({ label, origin: options.runnerOrigin ?? 'from --runner' })),
    ...(options.hosts ?? []),
  ]
  const runnerHosts: (HostRef | undefined)[] = given.map(({ label, origin }) => {
    const r = resolveRunnerLabels([label], kb, mappings)
    return r.info && r.unknown.length === 0
      ? { info: r.info, assumed: true, origin, ...(r.mapping ? { runner: r.mapping } : {}) }
      : undefined
  })
  const standaloneHosts = runnerHosts.filter((h): h is HostRef => h !== undefined)
  for (let d = 0; d < dockerfiles.length; d++) {
    const df = dockerfiles[d]!
    const resolved = resolveStages(df, NO_ENV)
    addFromImages(images, resolved)
    if (reachedDockerfiles.has(df.file)) continue
    for (const host of standaloneHosts) {
      dockerfileExecutions(df, resolved, undefined, { host, production: globalProduction, isolation: NO_ISOLATION }, executions)
    }
  }
  for (const compose of composeFiles) {
    for (const svc of compose.services) {
      if (svc.image) images.push(imageUse(svc.image.raw, svc.image.span, 'compose', svc.image.value))
    }
  }
  // Compose files no workflow starts: a default file with its override, production overrides and named overrides
  // (`x.override.yml`) over their base.
  const composeByFile = new Map(composeFiles.map((c) => [c.file, c] as const))
  // One empty scope and one list of built images for all of them: a Compose file's services write neither.
  const standaloneScope: Scope = { matrix: NO_ENV, env: NO_ENV }
  const standaloneBuilt = new Map<string, Built>()
  for (const group of standaloneComposeGroups(composeFiles.map((c) => c.file), (f) => reachedCompose.has(f))) {
    if (group.every((f) => reachedCompose.has(f))) continue
    const models = group.map((f) => composeByFile.get(f)).filter((c): c is ComposeModel => c !== undefined)
    if (models.length !== group.length) continue
    const compose = mergeCompose(models.map((m) => resolveExtends(m, (rel) => resolver.compose(rel))))
    const production = composeProduction(compose, envs) ?? globalProduction
    const hostList: (HostRef | undefined)[] = standaloneHosts.length > 0 ? standaloneHosts : [undefined]
    for (const host of hostList) {
      const ctx: CommandContext = {
        kb,
        resolver,
        host,
        scope: standaloneScope,
        workdir: '',
        production,
        built: standaloneBuilt,
        produced,
        envs,
      }
      composeExecutions(compose, 'up', ctx, executions)
    }
  }

  // Files reached only by reference (`-f Dockerfile-windows`) belong to the project too.
  const dockerfileNames = new Set(dockerfiles.map((d) => d.file))
  const composeNames = new Set(composeFiles.map((c) => c.file))
  const referencedDockerfiles = [...reachedDockerfiles]
    .filter((f) => !dockerfileNames.has(f))
    .map((f) => resolver.dockerfile(f))
    .filter((d): d is DockerfileModel => d !== undefined)
  for (const df of referencedDockerfiles) addFromImages(images, resolveStages(df, NO_ENV))
  const referencedCompose = [...reachedCompose]
    .filter((f) => !composeNames.has(f))
    .map((f) => resolver.compose(f))
    .filter((c): c is ComposeModel => c !== undefined)

  return {
    files: models,
    problems,
    executions: uniqueExecutions(executions),
    images: uniqueImages(images),
    jobs,
    workflows,
    dockerfiles: [...dockerfiles, ...referencedDockerfiles],
    composeFiles: [...composeFiles, ...referencedCompose],
    links: sortedLinks(links),
    reached: [...reachedPaths].sort(),
    workloads: k8s.workloads,
    built: [...produced],
  }
}

/**
 * The links by `from`, then by `to`, each by UTF-16 code units: the files that link sorted, then the files each links
 * to (a set, so no pair twice), with `sort`'s own string order rather than a comparator called per pair.
 */
function sortedLinks(links: ReadonlyMap<string, ReadonlySet<string>>): FileLink[] {
  const out: FileLink[] = []
  for (const from of [...links.keys()].sort()) {
    for (const to of [...links.get(from)!].sort()) out.push({ from, to })
  }
  return out
}

/** A resolver that notes every path asked for. */
function recording(resolver: FileResolver, paths: Set<string>): FileResolver {
  return {
    dockerfile: (rel) => (paths.add(rel), resolver.dockerfile(rel)),
    compose: (rel) => (paths.add(rel), resolver.compose(rel)),
    azurePipelines: (rel) => (paths.add(rel), resolver.azurePipelines(rel)),
    ...(resolver.text && { text: resolver.text.bind(resolver) }),
    ...(resolver.workflow && { workflow: resolver.workflow.bind(resolver) }),
    ...(resolver.action && { action: resolver.action.bind(resolver) }),
    ...(resolver.composeVariant && {
      composeVariant: (rel: string, envFiles: readonly string[] | undefined, environment: ReadonlyMap<string, string | undefined>) => (
        paths.add(rel), resolver.composeVariant!(rel, envFiles, environment)
      ),
    }),
  }
}

/** The reusable workflow a job calls with a local path (`./.github/workflows/x.yml`). */
function localWorkflow(job: Job, resolver: FileResolver): WorkflowModel | undefined {
  const uses = job.usesWorkflow?.value.trim()
  if (!uses?.startsWith('./') || uses.includes('${{')) return undefined
  const rel = joinRel('', uses.split('@')[0]!)
  return rel !== undefined ? resolver.workflow?.(rel) : undefined
}

/** The composite action a step runs with a local path (`./.github/actions/x`). */
function localAction(step: Step, resolver: FileResolver): CompositeAction | undefined {
  const uses = step.uses?.value.trim()
  if (!uses?.startsWith('./') || uses.includes('${{')) return undefined
  const rel = joinRel('', uses)
  return rel !== undefined ? resolver.action?.(rel) : undefined
}

/**
 * The inputs of a call: each value given in `with:` expanded where the call is written (unknown stays unknown),
 * else the input's literal default.
 */
function callInputs(
  declared: ReadonlyMap<string, Located<string> | undefined>,
  given: ReadonlyMap<string, Located<string>>,
  scope: Scope,
): Map<string, string | undefined> {
  const inputs = new Map<string, string | undefined>()
  for (const [name, def] of declared) {
    if (def && !def.value.includes('${{')) inputs.set(name, def.value)
    else inputs.set(name, undefined)
  }
  for (const [name, v] of given) inputs.set(name, expandedValue(v.value, scope))
  return inputs
}

/**
 * Adds the chain of files that led to a command (workflow step → Makefile line) to its findings. The executions are
 * the linker's own (made for this command): changed in place, not copied.
 */
function withVia(out: Linked, via: readonly RelatedLocation[]): Linked {
  if (via.length === 0) return out
  for (const e of out.executions) {
    const host = e.related.filter((r) => r.message.startsWith('runs on '))
    ;(e as { related: readonly RelatedLocation[] }).related = [...host, ...via, ...e.related.filter((r) => !host.includes(r))]
  }
  return out
}

/**
 * Adds to the executions of a command of a called workflow or composite action (after {@link withVia}), right after
 * the chain, where the caller passes the inputs the values of each execution read (link-calls.ts).
 */
function withPassed(out: Linked, via: readonly RelatedLocation[], cmd: DockerCommand, scope: Scope): void {
  for (const e of out.executions) {
    const notes = passedNotes(wordsOf(cmd, e, out.fromArguments), scope)
    if (notes.length === 0) continue
    const related = [...e.related]
    // Right after the host and the chain that withVia put first.
    const last = via.length > 0 ? related.indexOf(via[via.length - 1]!) : -1
    const at = last >= 0 ? last + 1 : related.filter((r) => r.message.startsWith('runs on ')).length
    related.splice(at, 0, ...notes)
    ;(e as { related: readonly RelatedLocation[] }).related = related
  }
}

/**
 * Adds to the executions of a command of a followed script the places in it that set the names their image's values
 * read to what isolint cannot know ("TAG=$(cat v) is set here"), last.
 */
function withSetHere(out: Linked, cmd: DockerCommand, set: UnknownAssignments): void {
  for (const e of out.executions) {
    const notes = setHereNotes(wordsOf(cmd, e, out.fromArguments), cmd.span, set)
    if (notes.length > 0) (e as { related: readonly RelatedLocation[] }).related = [...e.related, ...notes]
  }
}

/** A step's commands as the runner's default shell reads them when the step names no shell. */
function stepCommands(step: Step, host: HostRef | undefined): readonly DockerCommand[] {
  const both = step.commandsByDialect
  if (!both || !host || host.info.os === 'unknown') return step.commands
  return host.info.os === 'windows' ? both.powershell : both.posix
}

/** An image use; `image` (the expanded reference) only when known. Assigned, not spread (see `execution`). */
function imageUse(raw: string, span: Span, where: ImageUse['where'], image: string | undefined): ImageUse {
  // A `$` a shell word keeps as it is shows as the `$` it is.
  const use: { -readonly [K in keyof ImageUse]?: ImageUse[K] } = { raw: shownText(raw), span, where }
  if (image !== undefined) use.image = image
  return use as ImageUse
}

/** Adds the FROM images of a Dockerfile with its ARG defaults (stage references left out) to `images`. */
function addFromImages(images: ImageUse[], resolved: readonly ResolvedStage[]): void {
  for (let i = 0; i < resolved.length; i++) {
    const r = resolved[i]!
    if (r.baseStage === undefined) images.push(imageUse(r.stage.from.raw, r.stage.from.span, 'from', r.image))
  }
}

interface CommandContext {
  readonly kb: KnowledgeBase
  readonly resolver: FileResolver
  readonly host?: HostRef
  /** Where the command's arguments are expanded. */
  readonly scope: Scope
  /**
   * The environment docker itself reads (Compose interpolation, COMPOSE_FILE, COMPOSE_PROFILES, `--build-arg NAME`)
   * when the command's prefixes change it (see commandEnv); else `scope.env`.
   */
  programEnv?: ReadonlyMap<string, string>
  /** The folder the command runs in (relative to the root); undefined when it cannot be known. */
  readonly workdir: string | undefined
  readonly production?: Execution['production']
  readonly built: Map<string, Built>
  /** What the builds of the whole project tag (see Project.built). */
  readonly produced: Set<string>
  readonly envs: EnvironmentClassifier
}

/** What a command links to: read only (every caller of the linker only reads what it returns), so lists may be shared. */
interface Linked {
  readonly executions: readonly Execution[]
  readonly images: readonly ImageUse[]
  readonly dockerfiles: readonly string[]
  readonly composeFiles: readonly string[]
  /**
   * A build given build args: the build args the FROM line an execution stands at reads (see {@link fromLineArguments}),
   * worked out only when a finding's notes need them.
   */
  readonly fromArguments?: ((e: Execution) => readonly string[]) | undefined
  /**
   * Set when the command builds or starts what isolint cannot read, as a phrase for messages (`builds a Dockerfile
   * isolint cannot read`): whether it starts containers, and from which images, is unknown (see JobHosts.unread).
   */
  readonly unread?: string
}

/** No executions, images or files. */
const NOTHING: Linked = Object.freeze({ executions: EMPTY_LIST, images: EMPTY_LIST, dockerfiles: EMPTY_LIST, composeFiles: EMPTY_LIST })
/** A build of a Dockerfile isolint cannot read (a path it cannot know, a URL context, stdin, a missing file). */
const UNREAD_DOCKERFILE: Linked = Object.freeze({ ...NOTHING, unread: 'builds a Dockerfile isolint cannot read' })

/** The environment docker itself reads for a command (see CommandContext.programEnv). */
function programEnvOf(ctx: CommandContext): ReadonlyMap<string, string> {
  return ctx.programEnv ?? ctx.scope.env
}

function linkCommand(cmd: DockerCommand, ctx: CommandContext): Linked {
  if (otherEngine(cmd, ctx)) return NOTHING
  return cmd.chdir === undefined ? linkIn(cmd, ctx) : linkMoved(cmd, cmd.chdir, ctx)
}

/**
 * Whether the command may talk to an engine or builder other than the host's own, where its containers run on a
 * machine isolint does not know: one `-H`/`--context` names, or `DOCKER_HOST`/`DOCKER_CONTEXT` (a build's
 * `--builder`/`BUILDX_BUILDER` too), set to anything but the local default or to a value isolint cannot know (a name
 * the script assigns itself included). A build on a remote Linux engine from a Windows runner is no mismatch.
 */
function otherEngine(cmd: DockerCommand, ctx: CommandContext): boolean {
  const env = programEnvOf(ctx)
  if (otherThanLocal(cmd.engine, ENGINE_VARIABLES, env, ctx.scope)) return true
  return cmd.type === 'build' && otherThanLocal(cmd.builder, BUILDER_VARIABLES, env, ctx.scope)
}

/**
 * Whether the engine (or builder) `given` by an option, else by the first of the variables `names` set in `env`, may be
 * another than the host's own (see {@link otherEngine}). A function of its own, not a closure made per command.
 */
function otherThanLocal(given: Word | undefined, names: readonly string[], env: ReadonlyMap<string, string>, scope: Scope): boolean {
  if (given) return !LOCAL_ENGINES.has(expandedValue(given.value, scope) ?? '?')
  // No variables and no names assigned (most workflow commands): nothing to look up. Only a Map's size is read (a
  // lookup.ts view counts its keys for it).
  if (scope.assigned === undefined && env instanceof Map && env.size === 0) return false
  const every = everyVariableUnknown(env)
  for (const name of names) {
    if (scope.assigned?.has(name)) return true
    // Only a name held: after a write to GITHUB_ENV whose names cannot be read (every variable unknown), docker is
    // still taken to talk to the host's engine, as it almost always does.
    const raw = every ? Map.prototype.get.call(env, name) as string | undefined : env.get(name)
    // An empty variable is one docker leaves unset.
    if (raw !== undefined && raw !== '' && !LOCAL_ENGINES.has(expandedValue(raw, scope) ?? '?')) return true
  }
  return false
}

/** The local engine's endpoints (Windows, Linux), and the name of the default context and builder. */
const LOCAL_ENGINES: ReadonlySet<string> = new Set(['npipe:////./pipe/docker_engine', 'unix:///var/run/docker.sock', 'default', ''])

/**
 * A command after a `cd` of its script (folder-changes.ts): linked in the folder it moved to, or in none isolint can
 * know; its note at the command ("built here", "started here") says which folder, and the line of the `cd` that led
 * there. Only such commands pay for the note: the others are linked as they were.
 */
function linkMoved(cmd: DockerCommand, chdir: FolderChange, given: CommandContext): Linked {
  const workdir = commandFolder(given.workdir, chdir, (raw) => expandedValue(raw, given.scope))
  const out = linkIn(cmd, { ...given, workdir })
  if (workdir === undefined || chdir === 'unknown') return out
  const note = `in folder ${workdir || '.'} (entered on line ${chdir.dirs[chdir.dirs.length - 1]!.span.start.line})`
  for (const e of out.executions) {
    // The executions are the linker's own (made for this call): their notes are replaced in place.
    const k = e.related.findIndex((r) => r.span === cmd.span && (r.message === BUILT_HERE || r.message === STARTED_HERE))
    if (k >= 0) (e as { related: readonly RelatedLocation[] }).related = e.related.map((r, j) => (j === k ? { span: r.span, message: `${r.message}, ${note}` } : r))
  }
  return out
}

/** The note at the command that builds or starts the containers (linkMoved adds the folder to it). */
const BUILT_HERE = 'built here'
const STARTED_HERE = 'started here'

function linkIn(cmd: DockerCommand, ctx: CommandContext): Linked {
  switch (cmd.type) {
    case 'build':
      return linkBuild(cmd, ctx)
    case 'tag':
      linkTag(cmd, ctx)
      return NOTHING
    case 'run':
    case 'create':
    case 'pull': {
      if (cmd.spread) return spreadCommand(cmd, cmd.spread, ctx)
      if (!cmd.image) return NOTHING
      const built = ctx.built.get(canonical(cmd.image.value))
      const isolation = cmd.type === 'pull' ? NO_ISOLATION : isolationOf(cmd.isolation, ctx.scope)
      const platform = cmd.platform ? expandedValue(cmd.platform.value, ctx.scope) : undefined
      const what = commandWhat(cmd)
      if (built && cmd.type !== 'pull') {
        const run = execution({
          kind: 'run',
          image: built.image,
          imageRaw: built.imageRaw,
          unresolved: built.unresolved,
          span: cmd.image.span,
          host: ctx.host,
          isolation,
          platform,
          production: ctx.production,
          mounts: cmd.mounts,
          isolationFixSpan: cmd.span,
          related: [...hostRelated(hostLocation(ctx.host)), ...builtRunNotes(built)],
          what: `${what} of the image built in this job`,
          unknownBaseBuilt: built.unknownAtBuild || undefined,
          builtInJob: true,
        })
        return { executions: [run], images: EMPTY_LIST, dockerfiles: EMPTY_LIST, composeFiles: EMPTY_LIST }
      }
      const e = expand(cmd.image.value, ctx.scope)
      const use = imageUse(cmd.image.value, cmd.image.span, cmd.type === 'pull' ? 'pull' : 'command', e.value)
      const run = execution({
        kind: cmd.type === 'pull' ? 'pull' : 'run',
        image: e.value,
        imageRaw: cmd.image.value,
        unresolved: e.unresolved,
        span: cmd.image.span,
        host: ctx.host,
        isolation,
        platform,
        production: cmd.type !== 'pull' ? ctx.production : undefined,
        mounts: cmd.type !== 'pull' ? cmd.mounts : undefined,
        isolationFixSpan: cmd.span,
        related: hostRelated(hostLocation(ctx.host)),
        what,
      })
      return { executions: [run], images: [use], dockerfiles: EMPTY_LIST, composeFiles: EMPTY_LIST }
    }
    case 'compose': {
      const executions: Execution[] = []
      const dockerfiles: string[] = []
      const composeFiles: string[] = []
      const out: Linked = { executions, images: EMPTY_LIST, dockerfiles, composeFiles }
      // The files Compose reads, merged as Compose merges them (compose-merge.ts).
      const models = composeFilesOf(cmd, ctx)
      if (models.length === 0) return unreadCompose(cmd, out, 'starts Compose files isolint cannot read')
      for (const m of models) composeFiles.push(m.file)
      const load = (rel: string): ComposeModel | undefined => ctx.resolver.compose(rel)
      const merged = mergeCompose(models.map((m) => resolveExtends(m, load)))
      const named = (cmd.services ?? []).map((w) => expandedValue(w.value, ctx.scope))
      const profiles = [...(cmd.profiles ?? []).map((w) => expandedValue(w.value, ctx.scope))]
      const fromEnv = programEnvOf(ctx).get('COMPOSE_PROFILES')
      if (fromEnv !== undefined) profiles.push(...(expandedValue(fromEnv, ctx.scope)?.split(',') ?? [undefined]))
      // A service name or profile isolint cannot know: which services start is unknown.
      if (named.includes(undefined) || profiles.includes(undefined)) return unreadCompose(cmd, out, 'starts Compose services isolint cannot know')
      const production = composeProduction(merged, ctx.envs) ?? ctx.production
      const cliArgs = cmd.buildArgs ? commandBuildArgs(cmd.buildArgs, ctx) : undefined
      const scales = cmd.scales ? commandScales(cmd.scales, ctx) : undefined
      // `include:` brings other Compose files in, each with paths relative to its own folder.
      const included = (merged.include ?? [])
        .map((i) => joinRel(path.posix.dirname(merged.file), i.path))
        .map((rel) => (rel !== undefined ? load(rel) : undefined))
        .filter((m): m is ComposeModel => m !== undefined)
      const tagged: ComposeTags = new Map()
      for (const model of [merged, ...included]) {
        if (model !== merged) composeFiles.push(model.file)
        const selected = selectServices(resolveExtends(model, load), named as string[], (profiles as string[]).map((p) => p.trim()))
        dockerfiles.push(...composeExecutions(selected, cmd.subcommand ?? 'up', { ...ctx, production }, executions, cmd.span, cliArgs, scales, tagged))
      }
      if (tagged.size > 0) tagComposeBuilds(tagged, ctx)
      return out
    }
  }
}

function commandWhat(cmd: DockerRunCommand | DockerPullCommand): string {
  return cmd.type === 'pull' ? 'docker pull' : cmd.type === 'run' ? 'docker run' : 'docker create'
}

/**
 * A run (or pull) with a word up to its image that expands to any number of words (`"${OPTS[@]}"`, `"$@"`, `@args`):
 * a container of an image isolint cannot pick out, at that word, and in an isolation it cannot know (the words may
 * hold `--isolation`). The mounts written before it are kept: no word after them takes them back.
 */
function spreadCommand(cmd: DockerRunCommand | DockerPullCommand, spread: Word, ctx: CommandContext): Linked {
  const run = execution({
    kind: cmd.type === 'pull' ? 'pull' : 'run',
    imageRaw: spread.value,
    unresolved: EMPTY_LIST,
    unknownArguments: true,
    span: spread.span,
    host: ctx.host,
    isolation: cmd.type === 'pull' ? NO_ISOLATION : { raw: shownText(spread.value), span: spread.span },
    production: cmd.type !== 'pull' ? ctx.production : undefined,
    mounts: cmd.type !== 'pull' ? cmd.mounts : undefined,
    isolationFixSpan: cmd.span,
    related: hostRelated(hostLocation(ctx.host)),
    what: commandWhat(cmd),
  })
  return { executions: [run], images: EMPTY_LIST, dockerfiles: EMPTY_LIST, composeFiles: EMPTY_LIST }
}

/**
 * `up --scale NAME=N`: the count of each service named (undefined when isolint cannot know it), set over its `scale` and
 * `deploy.replicas` as docker compose's `applyScaleOpts` does; `unknown` when a value may name any service.
 */
function commandScales(words: readonly Word[], ctx: CommandContext): CommandScales {
  const counts = new Map<string, number | undefined>()
  for (const w of words) {
    const value = expandedValue(w.value, ctx.scope)
    const eq = value?.indexOf('=') ?? -1
    if (value === undefined || eq < 0) return { counts, unknown: true }
    counts.set(value.slice(0, eq), parseCount(value.slice(eq + 1)))
  }
  return { counts }
}

/** `-f` files in order, else `COMPOSE_FILE`, else the default file and its override; unknown names give none. */
function composeFilesOf(cmd: DockerComposeCommand, ctx: CommandContext): ComposeModel[] {
  let names: (string | undefined)[] = cmd.files.map((f) => expandedValue(f.value, ctx.scope))
  const programEnv = programEnvOf(ctx)
  const fromEnv = programEnv.get('COMPOSE_FILE')
  if (names.length === 0 && fromEnv !== undefined) {
    const value = expandedValue(fromEnv, ctx.scope)
    const sep = programEnv.get('COMPOSE_PATH_SEPARATOR') ?? (ctx.host?.info.os === 'windows' ? ';' : ':')
    names = value === undefined ? [undefined] : value.split(sep).filter((n) => n.trim() !== '')
  }
  const envFiles = cmd.envFiles?.map((w) => expandedValue(w.value, ctx.scope)).map((f) => (f !== undefined ? joinRel(ctx.workdir, f) : undefined))
  if (envFiles?.includes(undefined)) return []
  const environment = composeEnvironment(programEnv, (v) => expandedValue(v, ctx.scope))
  // Interpolated with the step's environment and `--env-file`, as the command runs it.
  const read = (rel: string): ComposeModel | undefined =>
    ctx.resolver.compose(rel) && (ctx.resolver.composeVariant?.(rel, envFiles as string[] | undefined, environment) ?? ctx.resolver.compose(rel))
  if (names.length === 0) {
    return defaultComposeFiles(ctx.workdir, (rel) => ctx.resolver.compose(rel) !== undefined)
      .map((rel) => read(rel)!)
      .filter((m) => m !== undefined)
  }
  const models: ComposeModel[] = []
  for (const n of names) {
    const rel = n !== undefined ? joinRel(ctx.workdir, n) : undefined
    const model = rel !== undefined ? read(rel) : undefined
    // A file isolint cannot read or name changes the merged result: leave the whole command out.
    if (!model) return []
    models.push(model)
  }
  return models
}

function linkBuild(cmd: DockerBuildCommand, ctx: CommandContext): Linked {
  // What it tags, whether or not isolint can read its Dockerfile.
  for (let i = 0; i < cmd.tags.length; i++) {
    const tag = expandedValue(cmd.tags[i]!.value, ctx.scope)
    if (tag !== undefined) ctx.produced.add(tag)
  }
  const contextDir = cmd.context ? expandedValue(cmd.context.value, ctx.scope) : '.'
  // The context's folder, joined once for its Dockerfile and the build's spec; undefined for a URL or outside the tree.
  const contextPath = contextDir !== undefined && !URL_CONTEXT.test(contextDir) ? joinRel(ctx.workdir, contextDir) : undefined
  let dockerfilePath: string | undefined
  if (cmd.file) {
    const f = expandedValue(cmd.file.value, ctx.scope)
    dockerfilePath = f === undefined || f === '-' ? undefined : joinRel(ctx.workdir, f)
  } else if (contextPath !== undefined) {
    // A context outside the tree has no Dockerfile isolint can read (not the root's).
    dockerfilePath = joinRel(contextPath, 'Dockerfile')
  }
  const df = dockerfilePath !== undefined ? ctx.resolver.dockerfile(dockerfilePath) : undefined
  if (!df) {
    // What it tags is no longer the image an earlier build of the job gave those tags: unknown from here on.
    nameTags(cmd, ctx, undefined)
    return UNREAD_DOCKERFILE
  }
  const { values: buildArgs, spans: buildArgSpans, unknown: unknownArgs, unknownAt } = commandBuildArgs(cmd.buildArgs, ctx)
  const target = cmd.target ? expandedValue(cmd.target.value, ctx.scope) : undefined
  const resolved = resolveStages(df, buildArgs, unknownArgs)
  const isolation = isolationOf(cmd.isolation, ctx.scope)
  // Plain fields rather than conditional spreads: an object literal with a spread stores the fields after it on
  // V8's slow path (most of linkBuild's own time).
  let build: BuildSpec | undefined
  if (contextPath !== undefined) {
    const spec: { -readonly [K in keyof BuildSpec]?: BuildSpec[K] } = { dockerfile: df.file, context: contextPath || '.' }
    if (target !== undefined) spec.target = target
    spec.args = Object.fromEntries(buildArgs)
    build = spec as BuildSpec
  }
  const argumentsRead = (stage: number): readonly string[] => buildArgsRead(df, stage, buildArgs, unknownArgs)
  const runContext: DockerfileRunContext = {
    build,
    host: ctx.host,
    production: ctx.production,
    isolation,
    command: cmd,
    buildArgSpans,
    unknownArgs: unknownAt,
    argumentsRead,
    built: ctx.built,
  }
  const executions: Execution[] = []
  const final = finalStage(df, resolved, target)
  const base = final ? baseImage(resolved, final.stage.index) : undefined
  // The bases the build's RUNs start containers from (see Built's unknownAtBuild).
  const runBases: ResolvedStage[] | undefined = base ? [] : undefined
  dockerfileExecutions(df, resolved, target, runContext, executions, runBases)
  // Remember the final image for `docker run <tag>` and `FROM <tag>` later in the job: an image an earlier build
  // tagged (`FROM base:dev`) is that build's.
  nameTags(cmd, ctx, final ? builtBy(df, final, base, runBases, ctx.built, unknownAt, cmd.span, undefined) : undefined)
  const fromArguments = buildArgs.size > 0 ? (e: Execution) => fromLineArguments(df, e.span, argumentsRead) : undefined
  return { executions, images: EMPTY_LIST, dockerfiles: [df.file], composeFiles: EMPTY_LIST, fromArguments }
}

/**
 * What a build gives the names it tags, built at `buildSpan` (for a Compose `service`): the base of its final stage
 * (`final`, whose base is `base`), whose containers its RUNs start when `runBases` holds it (see Built's
 * unknownAtBuild); a base an earlier build of the job tagged (`FROM base:dev`) is that build's.
 */
function builtBy(
  df: DockerfileModel,
  final: ResolvedStage,
  base: ResolvedStage | undefined,
  runBases: readonly ResolvedStage[] | undefined,
  built: ReadonlyMap<string, Built>,
  unknownAt: ReadonlyMap<string, UnknownArg> | undefined,
  buildSpan: Span,
  service: string | undefined,
): Built {
  const earlier = base ? builtBase(built, base) : undefined
  const runFromBase = runBases !== undefined && base !== undefined && runBases.includes(base)
  return earlier
    ? {
        ...earlier,
        buildSpan,
        via: builtVia(base!.image!, earlier),
        unknownAtBuild: earlier.unknownAtBuild || runFromBase,
        builtAs: undefined,
        service,
      }
    : {
        image: base?.image,
        imageRaw: (base ?? final).stage.from.raw,
        unresolved: shownUnresolved(df, base?.unresolved ?? final.unresolved, unknownAt),
        fromSpan: (base ?? final).stage.from.span,
        buildSpan,
        via: EMPTY_LIST,
        unknownAtBuild: runFromBase,
        service,
      }
}

/**
 * The key in a job's `built` map of an image by its name as expanded, the way the builder finds a local image (Docker
 * Hub names and `:latest` normalised); `\0` first keeps it apart from the tags as written, which a `docker run` looks
 * up ({@link canonical}). Undefined for a name isolint cannot know, one Docker refuses, and one with a digest (which
 * names the image of that digest, whatever the tag).
 */
function builtKey(ref: string | undefined): string | undefined {
  if (ref === undefined || !isValidReference(ref)) return undefined
  const r = parseImageRef(ref)
  return r.digest === undefined ? `\0${r.repository}:${r.tag ?? 'latest'}` : undefined
}

/** The image an earlier build of the job tagged that a stage's FROM names (itself, or through build args and ARG defaults). */
function builtBase(built: ReadonlyMap<string, Built> | undefined, base: ResolvedStage): Built | undefined {
  if (built === undefined || built.size === 0) return undefined
  const key = builtKey(base.image)
  return key !== undefined ? built.get(key) : undefined
}

/**
 * Gives a build's tags its image; a build whose image isolint cannot work out (undefined) forgets them: a later run or
 * FROM of those tags is not an earlier build's.
 */
function nameTags(cmd: DockerBuildCommand, ctx: CommandContext, built: Built | undefined): void {
  if (!built && ctx.built.size === 0) return
  for (let i = 0; i < cmd.tags.length; i++) {
    const tag = cmd.tags[i]!.value
    nameBuilt(ctx.built, tag, builtKey(expandedValue(tag, ctx.scope)), built)
  }
}

/**
 * Gives the image `built` the name `written` (forgets the name when undefined): as written ({@link canonical}), which a
 * run of that literal name looks up, and by `key` (the {@link builtKey} of its value), which a FROM looks up.
 */
function nameBuilt(map: Map<string, Built>, written: string, key: string | undefined, built: Built | undefined): void {
  if (built) {
    map.set(canonical(written), built)
    if (key !== undefined) map.set(key, built)
  } else {
    map.delete(canonical(written))
    if (key !== undefined) map.delete(key)
  }
}

/** The notes of a container started from an image built in the job: its build, the builds and tags on the way, its base. */
function builtRunNotes(built: Built): RelatedLocation[] {
  return [
    { span: built.buildSpan, message: `image built here${forService(built)}` },
    ...built.via,
    { span: built.fromSpan, message: 'base image of the built image' },
  ]
}

/** The builds that lead to the base of an image built in the job that a FROM names (`tag`, as expanded), in order. */
function builtVia(tag: string, built: Built): RelatedLocation[] {
  return [{ span: built.buildSpan, message: `${built.builtAs ?? tag} is built here${forService(built)}` }, ...built.via]
}

/** ` for service NAME` when a Compose command builds the image for that service (its notes say so), else nothing. */
function forService(built: Built): string {
  return built.service !== undefined ? ` for service ${built.service}` : ''
}

/**
 * `docker tag SRC DST`: DST names SRC's image from here on. An image built in the job (looked up as a run of SRC would
 * find it) keeps its build under DST, with a note at the tag; any other leaves DST naming an image isolint does not
 * follow, so a later run or FROM of DST is no longer an earlier build's. A tag whose words are unknown (`"$@"`) is
 * passed over, as a build's tag isolint cannot know is.
 */
function linkTag(cmd: DockerTagCommand, ctx: CommandContext): void {
  if (!cmd.source || !cmd.target) return
  const target = cmd.target.value
  const expanded = expandedValue(target, ctx.scope)
  // A name on the machine, not one a run pulls (see Project.built).
  if (expanded !== undefined) ctx.produced.add(expanded)
  const source = builtImage(cmd.source.value, ctx)
  const key = builtKey(expanded)
  if (!source) {
    nameBuilt(ctx.built, target, key, undefined)
    return
  }
  const sourceName = expandedValue(cmd.source.value, ctx.scope) ?? shownText(cmd.source.value)
  const built: Built = {
    ...source,
    via: [{ span: cmd.span, message: `${expanded ?? shownText(target)} is tagged here from ${sourceName}` }, ...source.via],
    builtAs: source.builtAs ?? sourceName,
  }
  nameBuilt(ctx.built, target, key, built)
}

/** The image built in the job a name as written stands for: by the name as written, else as expanded (see {@link builtKey}). */
function builtImage(raw: string, ctx: CommandContext): Built | undefined {
  if (ctx.built.size === 0) return undefined
  const key = builtKey(expandedValue(raw, ctx.scope))
  return ctx.built.get(canonical(raw)) ?? (key !== undefined ? ctx.built.get(key) : undefined)
}

/** Where an image built in the job that a FROM names (`tag`, as expanded) is built (and the builds before), and its base. */
function builtNotes(related: RelatedLocation[], tag: string, built: Built): void {
  related.push(...builtVia(tag, built), { span: built.fromSpan, message: `base image of ${tag}` })
}

/** A command's build args (`--build-arg`): values, where each is given (by lower-case name), and the unknown ones. */
interface BuildArgs {
  readonly values: Map<string, string>
  readonly spans: Map<string, Span>
  /**
   * Given a value isolint cannot know: it overrides the Dockerfile's default all the same (lower-case names). Made at
   * the first (most commands have none).
   */
  readonly unknown: Set<string> | undefined
  /** Each of `unknown`: where it is given and how it is shown. */
  readonly unknownAt: Map<string, UnknownArg> | undefined
}

/**
 * A build arg given a value isolint cannot know: where it is given (where the fix for an image it leaves unknown goes),
 * and, when the reason matters to the advice, the name with it, as the image's unresolved variables show it.
 */
interface UnknownArg {
  readonly span: Span
  readonly shown?: string
}

/**
 * The build args of a command, expanded in its scope. `--build-arg NAME` takes the variable of the environment: not
 * given when the environment has none (docker build, and `docker compose build`, which drops it).
 */
function commandBuildArgs(args: readonly BuildArg[], ctx: CommandContext): BuildArgs {
  const values = new Map<string, string>()
  const spans = new Map<string, Span>()
  let unknown: Set<string> | undefined
  let unknownAt: Map<string, UnknownArg> | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const raw = arg.value ?? programEnvOf(ctx).get(arg.name)
    if (raw === undefined) continue
    const e = raw.includes('$') ? expand(raw, ctx.scope) : undefined
    const lower = arg.name.toLowerCase()
    if (e === undefined || e.value !== undefined) {
      values.set(arg.name, e?.value ?? shownText(raw))
      spans.set(lower, arg.span)
    } else {
      ;(unknown ??= new Set()).add(lower)
      const shown = shownUnknownArg(arg.name, e.unresolved)
      ;(unknownAt ??= new Map()).set(lower, shown === undefined ? { span: arg.span } : { span: arg.span, shown })
    }
  }
  return { values, spans, unknown, unknownAt }
}

/**
 * The name of a build arg whose value reads `pieces` (its expansion's unresolved ones), as an image it leaves unknown
 * shows it: with the reason when each is a variable with the same reason (`$T (set through GITHUB_ENV by an earlier
 * step)`, which the advice depends on), as the variable alone shows it; undefined otherwise (the name alone).
 */
function shownUnknownArg(name: string, pieces: readonly string[]): string | undefined {
  let why: string | undefined
  const vars: string[] = []
  for (let i = 0; i < pieces.length; i++) {
    const m = VARIABLE_WITH_REASON.exec(pieces[i]!)
    if (!m || (why !== undefined && m[2] !== why)) return undefined
    vars.push(m[1]!)
    why = m[2]!
  }
  if (why === undefined) return undefined
  // The build arg's own variable (`--build-arg TAG`, `TAG=$env:TAG`, `TAG=%TAG%`, `TAG=${{ env.TAG }}`): no need to
  // name it again.
  if (vars.length === 1 && vars[0]!.replace(/^\$(?:\{\{\s*env\.)?|%|\s*\}\}$/g, '').toLowerCase() === name.toLowerCase()) return `${name} (${why})`
  return `${name} (from ${vars.join(', ')}, ${why})`
}
/**
 * An unresolved piece that is a variable (`$T`, cmd's `%T%`, Azure's `$(T)`, GitHub's `${{ env.T }}`) with why it has
 * no value.
 */
const VARIABLE_WITH_REASON = /^(\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|\$\([\w.-]+\)|\$\{\{\s*env\.[A-Za-z_][\w-]*\s*\}\}) \(([^()]+)\)$/

/**
 * A FROM's `unresolved` with each build arg given a value isolint cannot know shown as `unknownAt` says (the builder
 * takes it only when an ARG before the first FROM declares it).
 */
function shownUnresolved(df: DockerfileModel, unresolved: readonly string[], unknownAt: ReadonlyMap<string, UnknownArg> | undefined): readonly string[] {
  if (!unknownAt || unresolved.length === 0) return unresolved
  let out: string[] | undefined
  for (let i = 0; i < unresolved.length; i++) {
    const lower = unresolved[i]!.toLowerCase()
    const shown = unknownAt.get(lower)?.shown
    if (shown !== undefined && declared(df, lower)) (out ??= [...unresolved])[i] = shown
  }
  return out ?? unresolved
}

/**
 * The build args the FROM line at `at` reads, itself or through the defaults of the ARGs it names (`argumentsRead`, the
 * build's); none when no FROM image stands there (a `COPY --from` image).
 */
function fromLineArguments(df: DockerfileModel, at: Span, argumentsRead: (stage: number) => readonly string[]): readonly string[] {
  if (at.file !== df.file) return EMPTY_LIST
  for (const stage of df.stages) {
    const from = stage.from.span.start
    if (from.line === at.start.line && from.column === at.start.column) return argumentsRead(stage.index)
  }
  return EMPTY_LIST
}

/** A build context that is a URL (`https://…`, `git://…`), not a folder. */
const URL_CONTEXT = /^[a-z]+:\/\//i

interface DockerfileRunContext {
  readonly host?: HostRef
  readonly production?: Execution['production']
  readonly isolation: IsolationRef
  readonly command?: DockerBuildCommand
  readonly buildArgSpans?: ReadonlyMap<string, Span>
  /** The build args given a value isolint cannot know, by lower-case name. */
  readonly unknownArgs?: ReadonlyMap<string, UnknownArg>
  /** The build args the FROM of a stage reads (dockerfile.ts `buildArgsRead`), for the command's build args. */
  readonly argumentsRead?: (stage: number) => readonly string[]
  readonly build?: BuildSpec
  /** A Compose build: the service it builds for, and where its `build:` is (its isolation goes there). */
  readonly service?: { readonly name: string; readonly build: ComposeBuild; readonly commandSpan?: Span }
  /** What the earlier builds of the job tagged: a FROM of such a tag builds on that build's image. */
  readonly built?: ReadonlyMap<string, Built>
}

/**
 * A build starts a container for every RUN of the stages it builds; one execution per such stage, added to `out` (the
 * caller's list: no list per build to copy into it). The base of each goes to `bases` when given.
 */
function dockerfileExecutions(
  df: DockerfileModel,
  resolved: readonly ResolvedStage[],
  target: string | undefined,
  ctx: DockerfileRunContext,
  out: Execution[],
  bases?: ResolvedStage[],
): void {
  const first = out.length
  // The Docker engine on Windows builds with the classic builder, which runs every stage up to the target;
  // elsewhere BuildKit builds only the stages the target needs.
  const builder = ctx.host?.info.os === 'windows' ? 'classic' : 'buildkit'
  const toBuild = stagesToBuild(df, resolved, target, builder)
  // One "runs on" and one "built here" location for all the executions of the command.
  const hostAt = hostLocation(ctx.host)
  const service = ctx.service
  const commandSpan = ctx.command?.span ?? service?.commandSpan
  const builtHere = commandSpan ? { span: commandSpan, message: BUILT_HERE } : undefined
  const builtFor = service ? { span: service.build.keySpan ?? service.build.span, message: `built for service ${service.name}` } : undefined
  // Where Hyper-V isolation would be set: the command's `--isolation`, a Compose build's `isolation:` (under `build:`);
  // else each stage's FROM.
  const fixAt = ctx.command?.span ?? (service ? (service.build.isolation?.span ?? service.build.span) : undefined)
  const suffix = service ? ` for service ${service.name}` : ''
  // Indexed loops here and in dockerfilePulls (per build: see linkSteps).
  for (let k = 0; k < toBuild.length; k++) {
    const index = toBuild[k]!
    const stage = resolved[index]
    if (!stage || stage.stage.runs.length === 0) continue
    const base = baseImage(resolved, index)
    if (!base) continue
    const platform = base.platform ?? stage.platform
    // A stage pinned to another platform (`--platform=linux/amd64`) is cross-built, not run on this host.
    if (platform && /linux/i.test(platform) && ctx.host?.info.os === 'windows') continue
    if (base.image && isScratch(base.image)) continue
    const fromArgSpan = argumentSpanFor(df, base, ctx)
    // `FROM base:dev` of an image an earlier build of the job tagged: that build's base is this stage's.
    const earlier = builtBase(ctx.built, base)
    const related = hostRelated(hostAt)
    if (builtHere) related.push(builtHere)
    if (builtFor) related.push(builtFor)
    if (fromArgSpan) related.push({ span: base.stage.from.span, message: 'base image of this stage' })
    if (base.stage.index !== index) related.push({ span: stage.stage.from.span, message: `stage ${stageLabel(stage)} builds on it` })
    related.push({ span: stage.stage.runs[0]!, message: 'RUN starts a container from this image' })
    if (earlier) builtNotes(related, base.image!, earlier)
    out.push(
      execution({
        kind: 'build',
        image: earlier ? earlier.image : base.image,
        imageRaw: earlier ? earlier.imageRaw : base.stage.from.raw,
        unresolved: earlier ? earlier.unresolved : shownUnresolved(df, base.unresolved, ctx.unknownArgs),
        span: fromArgSpan ?? base.stage.from.span,
        host: ctx.host,
        isolation: ctx.isolation,
        platform,
        production: ctx.production,
        isolationFixSpan: fixAt ?? stage.stage.from.instructionSpan,
        related,
        what: earlier ? `build stage ${stageLabel(stage)} (RUN)${suffix} from ${base.image}, built in this job` : `build stage ${stageLabel(stage)} (RUN)${suffix}`,
        build: ctx.build,
        service: service?.name,
        unknownBaseBuilt: earlier?.unknownAtBuild || undefined,
        builtInJob: earlier ? true : undefined,
      }),
    )
    bases?.push(base)
  }
  dockerfilePulls(df, resolved, toBuild, ctx, out, first, hostAt, builtHere, builtFor, suffix)
}

/**
 * The images a build pulls without starting a container from them: the base image of a stage with no RUN, and
 * images named by `COPY --from`, `ADD --from` and `RUN --mount=from=`. The engine refuses to pull a Windows image
 * newer than the host whatever the isolation, so these matter for that rule only (kind `pull`).
 */
function dockerfilePulls(
  df: DockerfileModel,
  resolved: readonly ResolvedStage[],
  toBuild: readonly number[],
  ctx: DockerfileRunContext,
  out: Execution[],
  builds: number,
  hostAt: RelatedLocation | undefined,
  builtHere: RelatedLocation | undefined,
  builtFor: RelatedLocation | undefined,
  suffix: string,
): void {
  // Most builds pull nothing (each stage has a RUN, and copies from stages): then no closures and no list.
  if (!mayPull(df, resolved, toBuild)) return
  // Positions already reported by a build (`out` from `builds` on) or pull (a few: one per stage at most, so a list).
  const covered: Position[] = []
  for (let i = builds; i < out.length; i++) cover(covered, out[i]!.span)
  const pull = (image: string | undefined, raw: string, unresolved: readonly string[], span: Span, what: string, platform?: string): void => {
    if (platform && /linux/i.test(platform) && ctx.host?.info.os === 'windows') return
    if (image !== undefined && isScratch(image)) return
    if (!cover(covered, span)) return
    const related = hostRelated(hostAt)
    if (builtHere) related.push(builtHere)
    if (builtFor) related.push(builtFor)
    out.push(
      execution({
        kind: 'pull',
        image,
        imageRaw: raw,
        unresolved,
        span,
        host: ctx.host,
        isolation: NO_ISOLATION,
        platform,
        isolationFixSpan: ctx.command?.span ?? span,
        related,
        what: what + suffix,
      }),
    )
  }
  for (let k = 0; k < toBuild.length; k++) {
    const index = toBuild[k]!
    const stage = resolved[index]
    if (!stage) continue
    if (stage.baseStage === undefined && stage.stage.runs.length === 0) {
      pull(stage.image, stage.stage.from.raw, stage.unresolved, stage.stage.from.span, `build stage ${stageLabel(stage)} (FROM)`, stage.platform)
    }
    const refs = stage.stage.fromRefs
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!
      if (stageRef(df, ref.value) !== undefined || ref.value.includes('$')) continue
      pull(ref.value, ref.value, [], ref.span, `${ref.via} in build stage ${stageLabel(stage)}`)
    }
  }
}

/** Adds where `s` starts to `covered` unless it is there already; whether it was not (a function, not a closure per build). */
function cover(covered: Position[], s: Span): boolean {
  const at = s.start
  for (let i = 0; i < covered.length; i++) {
    const c = covered[i]!
    if (c.line === at.line && c.column === at.column) return false
  }
  covered.push(at)
  return true
}

/**
 * `/^scratch$/i.test(image)` without a regular expression run per stage: no character outside ASCII lower-cases to
 * one of these letters.
 */
function isScratch(image: string): boolean {
  return image.length === 7 && image.toLowerCase() === 'scratch'
}

/** Whether a build of the stages `toBuild` may pull an image {@link dockerfilePulls} reports (the same tests, first). */
function mayPull(df: DockerfileModel, resolved: readonly ResolvedStage[], toBuild: readonly number[]): boolean {
  for (let k = 0; k < toBuild.length; k++) {
    const stage = resolved[toBuild[k]!]
    if (!stage) continue
    if (stage.baseStage === undefined && stage.stage.runs.length === 0) return true
    const refs = stage.stage.fromRefs
    for (let i = 0; i < refs.length; i++) {
      const value = refs[i]!.value
      if (!value.includes('$') && stageRef(df, value) === undefined) return true
    }
  }
  return false
}

/** An execution's fields; an optional one may be given as undefined (or empty) and is then left out. */
type ExecutionFields = Omit<Execution, OptionalField> & { readonly [K in OptionalField]?: Execution[K] | undefined }
type OptionalField = 'image' | 'host' | 'platform' | 'production' | 'untrusted' | 'mounts' | 'build' | 'service' | 'unknownBaseBuilt' | 'builtInJob' | 'unknownArguments'

/**
 * An execution with the fields every execution has, then the optional ones only when set. The first in one literal
 * (stored in the object itself), the others assigned: not a literal of conditional spreads (a temporary object per
 * spread, and the fields stored on V8's slow path), and not every field assigned to a one-field literal (its list of
 * further fields grown again every few fields, per execution).
 */
function execution(f: ExecutionFields): Execution {
  const e: { -readonly [K in keyof Execution]?: Execution[K] } = {
    kind: f.kind,
    imageRaw: shownText(f.imageRaw),
    unresolved: f.unresolved,
    span: f.span,
    isolation: f.isolation,
    isolationFixSpan: f.isolationFixSpan,
    // The list was grown by push (spare room) and lives as long as the run: a copy of its size.
    related: sizedCopy(f.related),
    what: f.what,
  }
  if (f.image !== undefined) e.image = f.image
  if (f.host) e.host = f.host
  if (f.platform) e.platform = f.platform
  if (f.production) e.production = f.production
  if (f.mounts) e.mounts = f.mounts
  if (f.build) e.build = f.build
  if (f.service !== undefined) e.service = f.service
  if (f.unknownBaseBuilt) e.unknownBaseBuilt = f.unknownBaseBuilt
  if (f.builtInJob) e.builtInJob = f.builtInJob
  if (f.unknownArguments) e.unknownArguments = f.unknownArguments
  return e as Execution
}

/**
 * When a build arg given on the command decided the FROM image, the fix goes there: for an image left unknown, the
 * first build arg given a value isolint cannot know that the FROM names; else the first one the FROM names that
 * its expansion reads. Not one the builder ignores (no ARG before the first FROM declares it), nor one in a word the
 * expansion does not use (`${BASE:-img:${TAG}}` with `BASE` set): the FROM line is where the fix goes then.
 */
function argumentSpanFor(df: DockerfileModel, stage: ResolvedStage, ctx: DockerfileRunContext): Span | undefined {
  // An image left unknown by a build arg given a value isolint cannot know: the fix goes at that build arg, not at
  // a known one the FROM reads beside it (`--build-arg IMAGE=… --build-arg TAG=${{ inputs.tag }}`).
  const unknown = ctx.unknownArgs
  if (unknown !== undefined && stage.unresolved.length > 0) {
    for (let i = 0; i < stage.unresolved.length; i++) {
      const lower = stage.unresolved[i]!.toLowerCase()
      const arg = unknown.get(lower)
      if (arg && declared(df, lower)) return arg.span
    }
  }
  const spans = ctx.buildArgSpans
  const raw = stage.stage.from.raw
  if (!spans || spans.size === 0 || !raw.includes('$')) return undefined
  const first = firstGiven(raw, spans)
  if (first === undefined) {
    // Most builds give build args no global ARG takes (a Compose service's args for its stages' ARGs): then the FROM
    // reads none of them, without working out what it reads (an expansion of every global ARG, per build stage).
    if (!globalArgsMayRead(df, spans)) return undefined
    // Through the defaults of the ARGs it names (`ARG BASE=img:${TAG}`, `FROM ${BASE}`): the build arg it reads.
    for (const name of ctx.argumentsRead?.(stage.stage.index) ?? EMPTY_LIST) {
      const span = spans.get(name.toLowerCase())
      if (span) return span
    }
    return undefined
  }
  // The usual FROM (`${IMAGE}:${RELEASE}`: plain references, the first one given declared) reads each name it holds;
  // any other is expanded again to see which names it reads.
  if (!NOT_PLAIN_QUOTES.test(raw) && !NOT_PLAIN_BRACES.test(raw) && declared(df, first)) return spans.get(first)
  const named = new Set<string>()
  REFERENCE.lastIndex = 0
  for (let m = REFERENCE.exec(raw); m !== null; m = REFERENCE.exec(raw)) named.add(m[1]!.toLowerCase())
  for (const name of ctx.argumentsRead?.(stage.stage.index) ?? EMPTY_LIST) {
    const lower = name.toLowerCase()
    if (named.has(lower) && spans.has(lower)) return spans.get(lower)
  }
  return undefined
}

/** A variable reference in a FROM: `$NAME`, `${NAME…`. */
const REFERENCE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g

/** The first variable `text` references that `spans` holds (by lower-case name), lower-cased. */
function firstGiven(text: string, spans: ReadonlyMap<string, Span>): string | undefined {
  // An exec loop, not matchAll (which makes a copy of the regular expression and an iterator per call).
  REFERENCE.lastIndex = 0
  for (let m = REFERENCE.exec(text); m !== null; m = REFERENCE.exec(text)) {
    const name = m[1]!.toLowerCase()
    if (spans.has(name)) return name
  }
  return undefined
}
/** Quotes or escapes (which may make a `$` text), and a `${` that is not `${NAME}` (`${NAME:-word}`, `${NAME-word}`…). */
const NOT_PLAIN_QUOTES = /['"\\`]/
const NOT_PLAIN_BRACES = /\$\{(?![A-Za-z_][A-Za-z0-9_]*\})/

/**
 * Whether the global ARGs could bring a FROM any of the build args `spans` holds (by lower-case name): an ARG before
 * the first FROM declares it, or one's default names it (a platform ARG the builder predefines, `ARG P=${TARGETOS}`).
 * A FROM that names none itself reads no other (see `buildArgsRead`), so false means it reads none of them.
 */
function globalArgsMayRead(df: DockerfileModel, spans: ReadonlyMap<string, Span>): boolean {
  for (let i = 0; i < df.globalArgs.length; i++) {
    const a = df.globalArgs[i]!
    if (spans.has(a.name.toLowerCase())) return true
    const raw = a.rawValue
    if (raw !== undefined && raw.includes('$') && firstGiven(raw, spans) !== undefined) return true
  }
  return false
}

/** Whether an ARG before the first FROM declares `lower` (a lower-case name), without a closure per call. */
function declared(df: DockerfileModel, lower: string): boolean {
  for (let i = 0; i < df.globalArgs.length; i++) if (df.globalArgs[i]!.name.toLowerCase() === lower) return true
  return false
}

/**
 * dockerfile.ts `effectiveImage`, answered without its walk (and the set of stages it makes) for a stage whose FROM
 * names an image, as most do: that stage is its own base.
 */
export function baseImage(resolved: readonly ResolvedStage[], index: number): ResolvedStage | undefined {
  const r = resolved[index]
  return r !== undefined && r.baseStage === undefined ? r : effectiveImage(resolved, index)
}

function finalStage(df: DockerfileModel, resolved: readonly ResolvedStage[], target: string | undefined): ResolvedStage | undefined {
  if (target) {
    const t = target.toLowerCase()
    const byName = resolved.find((r) => r.stage.name === t)
    if (byName) return byName
  }
  return resolved[df.stages.length - 1]
}

/** The executions of the services a Compose command starts or builds, added to `executions`; the Dockerfiles it builds. */
function composeExecutions(
  compose: ComposeModel,
  subcommand: string,
  ctx: CommandContext,
  executions: Execution[],
  commandSpan?: Span,
  cliArgs?: BuildArgs,
  scales?: CommandScales,
  tagged?: ComposeTags,
): string[] {
  const dockerfiles: string[] = []
  const runs = composeRuns(subcommand)
  // `run` starts one container of its service whatever its count (docker compose pkg/compose/run.go sets its scale to
  // 1), and `scale NAME=N` takes the counts from its arguments (not read): for them, every service may start.
  const counted = runs && !/^(?:run|scale)$/i.test(subcommand) && !scales?.unknown
  const builds = composeBuilds(subcommand)
  const dir = path.posix.dirname(compose.file)
  // One "runs on" and one "started here" location for all the services.
  const hostAt = hostLocation(ctx.host)
  const startedHere = commandSpan ? { span: commandSpan, message: STARTED_HERE } : undefined
  // Indexed (see linkSteps), and the args by key: no result object per service, nor an entry array per arg.
  for (let s = 0; s < compose.services.length; s++) {
    const svc = compose.services[s]!
    const production = ctx.production ?? (svc.profiles ? policyOf(ctx.envs.composeProfiles(svc.profiles)) : undefined)
    const isolation = composeIsolation(svc.isolation)
    const related = hostRelated(hostAt)
    if (startedHere) related.push(startedHere)
    // Merged from several files: where the other values of the service were set.
    noteSetIn(related, 'image', svc.image, svc.span.file)
    noteSetIn(related, 'isolation', svc.isolation, svc.span.file)
    // Compose builds a service whose image it cannot pull (docker/compose pkg/compose/pull.go).
    if (svc.build && svc.image?.value !== undefined) ctx.produced.add(svc.image.value)
    // Plain fields (an undefined image is left out of the execution): no object literal of conditional spreads.
    let image:
      | { image: string | undefined; raw: string; unresolved: readonly string[]; span: Span; unknownAtBuild?: boolean; builtInJob?: true }
      | undefined
    if (svc.build && builds) {
      // The name Compose tags the build with (`image:`), as Compose expands it (see builtService); a command's only.
      const tag = tagged !== undefined ? builtKey(svc.image?.value) : undefined
      // A context or Dockerfile isolint cannot know (`dockerfile: ${DF}` with a variable of the step it has no value
      // for), or an inline one (`dockerfile_inline`): no Dockerfile read, never the default one.
      const { context: givenContext, dockerfile: givenDockerfile, inline } = svc.build
      const known = !inline && (!givenContext || givenContext.value !== undefined) && (!givenDockerfile || givenDockerfile.value !== undefined)
      const contextDir = givenContext?.value ?? '.'
      const dfName = givenDockerfile?.value ?? 'Dockerfile'
      const context = known ? joinRel(dir, contextDir) : undefined
      const dfPath = context !== undefined ? joinRel(context, dfName) : undefined
      const df = dfPath !== undefined ? ctx.resolver.dockerfile(dfPath) : undefined
      if (df) {
        dockerfiles.push(df.file)
        const args = new Map<string, string>()
        const argSpans = new Map<string, Span>()
        // `RELEASE: ${WIN_RELEASE}` with a variable isolint has no value for: Compose passes what the environment
        // holds (an empty string when nothing), never the Dockerfile's default: unknown. An arg written without a
        // value (`- RELEASE`) is passed only when the variable is set, as `docker build --build-arg RELEASE`.
        // Made at the first such arg (most services have none), with where each is given.
        let unknownArgs: Set<string> | undefined
        let unknownAt: Map<string, UnknownArg> | undefined
        for (const k of svc.build.args.keys()) {
          const v = svc.build.args.get(k)!
          if (v.value !== undefined) {
            args.set(k, v.value)
            argSpans.set(k.toLowerCase(), v.span)
          } else if (v.raw !== '') {
            ;(unknownArgs ??= new Set()).add(k.toLowerCase())
            ;(unknownAt ??= new Map()).set(k.toLowerCase(), { span: v.span })
          }
        }
        // `docker compose build --build-arg K=V` overrides the service's own K.
        if (cliArgs) {
          // Names are matched ignoring case, as the Dockerfile's ARGs are (resolveStages).
          const drop = (lower: string): void => void args.delete(keyIgnoreCase(args, lower) ?? lower)
          for (const [k, v] of cliArgs.values) {
            const lower = k.toLowerCase()
            drop(lower)
            args.set(k, v)
            argSpans.set(lower, cliArgs.spans.get(lower)!)
            unknownArgs?.delete(lower)
            unknownAt?.delete(lower)
          }
          for (const lower of cliArgs.unknown ?? EMPTY_LIST) {
            drop(lower)
            argSpans.delete(lower)
            ;(unknownArgs ??= new Set()).add(lower)
            ;(unknownAt ??= new Map()).set(lower, cliArgs.unknownAt!.get(lower)!)
          }
        }
        const resolved = resolveStages(df, args, unknownArgs)
        const target = svc.build.target?.value
        const runContext: DockerfileRunContext = {
          host: ctx.host,
          production,
          isolation: composeIsolation(svc.build.isolation),
          buildArgSpans: argSpans,
          unknownArgs: unknownAt,
          argumentsRead: (stage) => buildArgsRead(df, stage, args, unknownArgs),
          service: commandSpan ? { name: svc.name, build: svc.build, commandSpan } : { name: svc.name, build: svc.build },
          built: ctx.built,
        }
        const final = finalStage(df, resolved, target)
        const base = final ? baseImage(resolved, final.stage.index) : undefined
        // As for `docker build`: a base whose build is unknown is reported at the RUNs that start containers from it.
        const runBases: ResolvedStage[] | undefined = base ? [] : undefined
        dockerfileExecutions(df, resolved, target, runContext, executions, runBases)
        // A target isolint cannot know (`target: ${T}`) builds a stage it cannot tell, and of two services built with
        // one name, either may tag it last: the image tagged is unknown.
        if (tag !== undefined) {
          const known = final && (!svc.build.target || target !== undefined) && !tagged!.has(tag)
          tagged!.set(tag, { name: svc.image!.value!, built: known ? builtBy(df, final, base, runBases, ctx.built, unknownAt, commandSpan!, svc.name) : undefined })
        }
        if (base) {
          // The build arg that decided the image, when one did: the fix goes there, as for the build's own stages.
          const argSpan = argumentSpanFor(df, base, runContext)
          const runFromBase = runBases !== undefined && runBases.includes(base)
          // `FROM base:dev` of an image an earlier build of the job tagged: the service runs on that build's base.
          const earlier = builtBase(ctx.built, base)
          image = earlier
            ? {
                image: earlier.image,
                raw: earlier.imageRaw,
                unresolved: earlier.unresolved,
                span: argSpan ?? svc.build.span,
                unknownAtBuild: earlier.unknownAtBuild || runFromBase,
                builtInJob: true,
              }
            : {
                image: base.image,
                raw: base.stage.from.raw,
                unresolved: shownUnresolved(df, base.unresolved, unknownAt),
                span: argSpan ?? svc.build.span,
                unknownAtBuild: runFromBase,
              }
          related.push({ span: base.stage.from.span, message: 'base image of the service' })
          if (earlier) builtNotes(related, base.image!, earlier)
        }
      } else if (tag !== undefined) {
        // A Dockerfile isolint cannot read: what the name stands for from here on is unknown.
        tagged!.set(tag, { name: svc.image!.value!, built: undefined })
      }
    }
    // `image: app:ci` with no `build:`, after `docker build -t app:ci` in the job: Compose starts the image on the
    // machine (it pulls only a missing one), that build's. Looked up by the name as Compose expands it: a name written
    // with a variable may read another value in Compose (`.env`, a shell variable not exported) than in the script.
    const inJob = !image && svc.image && !svc.build ? builtService(svc.image, ctx) : undefined
    if (inJob) {
      image = { image: inJob.image, raw: inJob.imageRaw, unresolved: inJob.unresolved, span: svc.image!.span, unknownAtBuild: inJob.unknownAtBuild, builtInJob: true }
      related.push(...builtRunNotes(inJob))
    }
    if (!image && svc.image) {
      image = {
        image: svc.image.value,
        raw: svc.image.raw,
        unresolved: svc.image.unresolved,
        span: svc.image.span,
      }
    }
    if (!image || !runs) continue
    // `scale: 0` or `deploy.replicas: 0` (or `--scale NAME=0`): `up` starts no container of the service, even when it
    // names it (docker compose pkg/compose/convergence.go creates `GetScale()` containers), but builds it (its
    // `ensureImagesExists` builds every service of the project): the findings of its build stay. A count isolint
    // cannot know (`scale: ${N}`) may start one.
    if (counted && (scales?.counts.has(svc.name) ? scales.counts.get(svc.name) : serviceScale(svc)) === 0) continue
    const platform = svc.platform?.value
    executions.push(
      execution({
        kind: 'run',
        image: image.image,
        imageRaw: image.raw,
        unresolved: image.unresolved,
        span: svc.image && !svc.build ? svc.image.span : image.span,
        host: ctx.host,
        isolation,
        platform,
        production,
        mounts: svc.mounts,
        isolationFixSpan: svc.isolation?.span ?? svc.span,
        related,
        what: `service ${svc.name}`,
        unknownBaseBuilt: image.unknownAtBuild || undefined,
        builtInJob: image.builtInJob,
      }),
    )
  }
  return dockerfiles
}

/**
 * The images a Compose command's builds tag, by the {@link builtKey} of their `image:` as Compose expands it (`name`):
 * the build, or undefined when isolint cannot work out the image built (see {@link tagComposeBuilds}).
 */
type ComposeTags = Map<string, { readonly name: string; readonly built: Built | undefined }>

/**
 * Gives the job's `built` what a Compose command's builds tagged, for the commands after it (`docker run X`, a later
 * build's `FROM X`, a later Compose command's service with `image: X` and no `build:`); an image isolint cannot work
 * out forgets the name, as a `docker build` of such an image does. Not for the command's own other services: Compose
 * builds services in parallel (in dependency order only with the classic builder, and bake builds them together), and
 * an `up` may pull a name from a registry instead of building it (docker/compose pkg/compose/build.go, pull.go).
 * Under the name as written too (`canonical`), which a run of the literal name looks up, so that an earlier build's
 * image under it is replaced.
 */
function tagComposeBuilds(tagged: ComposeTags, ctx: CommandContext): void {
  for (const [key, { name, built }] of tagged) nameBuilt(ctx.built, name, key, built)
}

/** `up --scale NAME=N` counts (see commandScales). */
interface CommandScales {
  readonly counts: ReadonlyMap<string, number | undefined>
  readonly unknown?: true
}

/** The image built in the job a Compose service's `image:` names, by its value as Compose expands it (see {@link builtKey}). */
function builtService(image: ComposeValue, ctx: CommandContext): Built | undefined {
  if (ctx.built.size === 0) return undefined
  const key = builtKey(image.value)
  return key !== undefined ? ctx.built.get(key) : undefined
}

/** Whether a Compose subcommand starts the services' containers. */
function composeRuns(subcommand: string): boolean {
  return !/^(build|pull|push|config|down|ps|logs|stop|rm|kill|images|ls|version|convert)$/i.test(subcommand)
}

/** Whether a Compose subcommand builds the services that have a `build:` (each RUN of it starts a container). */
function composeBuilds(subcommand: string): boolean {
  return /^(build|up|run|create)$/i.test(subcommand)
}

/**
 * A Compose command whose files or services isolint cannot know: `unread` says so when the subcommand may start
 * containers (its services', or those of the RUNs of their builds), not for `pull`, `push`, `down`, ...
 */
function unreadCompose(cmd: DockerComposeCommand, out: Linked, unread: string): Linked {
  const subcommand = cmd.subcommand ?? 'up'
  return composeRuns(subcommand) || composeBuilds(subcommand) ? { ...out, unread } : out
}

/** A note at `v` when a merged service took it from another file than `file` (a function, not a closure per service). */
function noteSetIn(related: RelatedLocation[], what: string, v: ComposeValue | undefined, file: string): void {
  if (v && v.span.file !== file) related.push({ span: v.span, message: `${what} set in ${v.span.file}` })
}

/** No variables (a step without its own `env:`). */
const NO_ENV: ReadonlyMap<string, string> = new Map()

/** No isolation given (shared by the executions, which only read it). */
const NO_ISOLATION: IsolationRef = Object.freeze({})

function composeIsolation(v: ComposeValue | undefined): IsolationRef {
  if (!v) return NO_ISOLATION
  if (v.value === undefined) return { raw: v.raw, span: v.span }
  if (v.value.trim() === '') return NO_ISOLATION
  return { value: v.value.trim().toLowerCase(), raw: v.value, span: v.span }
}

function isolationOf(word: Word | undefined, scope: Scope): IsolationRef {
  if (!word) return NO_ISOLATION
  const value = expandedValue(word.value, scope)
  if (value === undefined) return { raw: shownText(word.value), span: word.span }
  return { value: value.trim().toLowerCase(), raw: value, span: word.span }
}

function jobHost(
  file: string,
  job: Job,
  scope: Scope,
  runnerLabels: (labels: readonly string[]) => RunnerResolution,
  matrixSpans: ReadonlyMap<string, Span> | undefined,
): HostRef | undefined {
  if (job.runsOn.length === 0) return undefined
  const values: string[] = []
  const spans: Span[] = []
  for (let i = 0; i < job.runsOn.length; i++) {
    const l = job.runsOn[i]!
    // A label without `$` is itself in every combination.
    if (!l.value.includes('$')) {
      values.push(l.value.trim())
      spans.push(l.span)
      continue
    }
    // `runs-on: ${{ matrix.os }}`: the label is written in the matrix, and that is where a fix goes.
    const key = matrixKeyOf(l.value)
    const value = expandedValue(l.value, scope)
    if (value === undefined) return undefined
    const written = key !== undefined ? matrixSpans?.get(key) : undefined
    values.push(value.trim())
    spans.push(written ?? l.span)
  }
  const r = runnerLabels(values)
  if (!r.info) return undefined
  const span = r.labelIndex !== undefined && !r.mapping ? spans[r.labelIndex]! : (job.runsOnSpan ?? spans[0]!)
  // Fields assigned in order, optional ones only when set (cheaper than a literal of conditional spreads).
  const host: { -readonly [K in keyof HostRef]?: HostRef[K] } = { info: r.info, span, job: { file, id: job.id } }
  const matrix = describeMatrix(scope.matrix, (job as Partial<ParsedJob>).matrixRead)
  if (matrix) host.matrix = matrix
  host.labels = values
  if (r.mapping) host.runner = r.mapping
  if (r.unknown.length > 0) host.unknownLabels = r.unknown
  return host as HostRef
}

/**
 * The matrix key a label is written from alone (`${{ matrix.os }}`, or a field of an object value: `${{
 * matrix.system.os }}`, whose span is the field's value); remembered, as every combination asks.
 */
const matrixKeyOf = remembered((label: string): string | undefined => MATRIX_REF.exec(label)?.[1])

/** The key of a job in {@link linkProject}'s `unreadThroughCalls`. */
function unreadKey(file: string, jobId: string): string {
  return `${file}\0${jobId}`
}

/** `resolveRunnerLabels` for one knowledge base and config, each set of labels resolved once (jobs share labels). */
function runnerLabelsOnce(kb: KnowledgeBase, mappings: readonly RunnerMapping[]): (labels: readonly string[]) => RunnerResolution {
  const single = new Map<string, RunnerResolution>()
  const several = new Map<string, RunnerResolution>()
  return (labels) => {
    // Not a destructured pair: V8's baseline tier reads one through the array iterator (once per combination).
    const one = labels.length === 1
    const resolved = one ? single : several
    const key = one ? labels[0]! : JSON.stringify(labels)
    let r = resolved.get(key)
    if (!r) resolved.set(key, (r = resolveRunnerLabels(labels, kb, mappings)))
    return r
  }
}

/** The production (Hyper-V required) reading of environment matches: the first that requires Hyper-V. */
function policyOf(matches: readonly EnvironmentMatch[]): Execution['production'] | undefined {
  const m = matches.find((x) => x.requireIsolation === 'hyperv')
  return m ? { reason: m.reason, environment: m.environment } : undefined
}

function jobProduction(job: Job, scope: Scope, envs: EnvironmentClassifier): Execution['production'] | undefined {
  if (!job.environment) return undefined
  const env = expandedValue(job.environment.value, scope)
  if (env === undefined) return undefined
  const m = envs.workflowEnvironment(env).find((x) => x.requireIsolation === 'hyperv')
  if (!m) return undefined
  const reason = m.environment === 'production' ? `job '${job.id}' deploys to environment '${env.trim()}'` : `job '${job.id}' deploys to environment '${env.trim()}', listed in environments.${m.environment}`
  return { reason, span: job.environment.span, environment: m.environment }
}

function composeProduction(compose: ComposeModel, envs: EnvironmentClassifier): Execution['production'] | undefined {
  // A merged model counts as production when any of its files does (`compose.prod.yml` over `compose.yml`).
  for (const file of (compose as Partial<MergedCompose>).sources ?? [compose.file]) {
    const m = envs.file(file).find((x) => x.requireIsolation === 'hyperv')
    if (!m) continue
    const reason = m.builtIn ? `the Compose file ${file} is named for production` : m.reason
    return { reason, environment: m.environment }
  }
  return undefined
}

/** One "runs on" location per host, shared by the executions on it. */
const hostLocations = new WeakMap<HostRef, RelatedLocation>()
function hostLocation(host: HostRef | undefined): RelatedLocation | undefined {
  if (!host?.span) return undefined
  let at = hostLocations.get(host)
  if (!at) {
    const build = host.info.build !== undefined ? ` (Windows build ${host.info.build})` : ''
    at = { span: host.span, message: `runs on ${host.info.label}${build}` }
    hostLocations.set(host, at)
  }
  return at
}

/** The related locations of an execution on a host: a fresh list, starting with the "runs on" location if any. */
function hostRelated(at: RelatedLocation | undefined): RelatedLocation[] {
  return at ? [at] : []
}

function stageLabel(r: ResolvedStage): string {
  return r.stage.name ? `'${r.stage.name}'` : `#${r.stage.index}`
}

function describeMatrix(matrix: ReadonlyMap<string, string>, read: ReadonlySet<string> | undefined): string | undefined {
  if (matrix.size === 0) return undefined
  let text = ''
  let n = 0
  // Keys, not destructured entries (an array and its iterator per entry in V8's baseline tier).
  for (const k of matrix.keys()) {
    // A key the job never names (`os` of a job whose runs-on and steps name no matrix value) gives nothing a message
    // quotes: its value there would only mislead.
    if (read && !readsKey(read, k)) continue
    if (n === 4) return `${text}, …`
    const v = matrix.get(k)!
    text += n++ === 0 ? `${k}=${v}` : `, ${k}=${v}`
  }
  return n > 0 ? text : undefined
}

/** Whether the job names the matrix key `key` (`system.os`), or the object it belongs to (`system`). */
function readsKey(read: ReadonlySet<string>, key: string): boolean {
  const lower = key.toLowerCase()
  if (read.has(lower)) return true
  for (let dot = lower.indexOf('.'); dot >= 0; dot = lower.indexOf('.', dot + 1)) if (read.has(lower.slice(0, dot))) return true
  return false
}

/**
 * `$IMAGE`, `${IMAGE}`, `$env:IMAGE` and `${{ env.IMAGE }}` name the same tag (cmd's `%IMAGE%` is `${env:IMAGE}`); so
 * do `app`, `app:latest` and `docker.io/library/app:latest` ({@link dockerNormalized}).
 */
function canonical(tag: string): string {
  // Every form below starts with `$`.
  if (!tag.includes('$')) return dockerNormalized(tag.toLowerCase())
  return dockerNormalized(
    cmdVariablesAsEnv(tag)
      .replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, '$$$1')
      .replace(/\$env:([A-Za-z_][A-Za-z0-9_]*)/gi, '$$$1')
      .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$1')
      .replace(/\$\{\{\s*(.*?)\s*\}\}/g, '$${{ $1 }}')
      .toLowerCase(),
  )
}

/**
 * A lower-cased reference in one form for the names Docker takes as the same image (its reference normalization,
 * distribution/reference `ParseNormalizedNamed` and `TagNameOnly`): Docker Hub's `docker.io/` and `library/` dropped
 * (kb `parseImageRef`), and `:latest` added when it names no tag and no digest, as `docker build -t app` tags
 * `app:latest` and `docker run app` runs it. A last path component holding a variable may hold the tag too: it is left
 * without one.
 */
function dockerNormalized(ref: string): string {
  const r = parseImageRef(ref)
  const name = r.registry !== undefined ? `${r.registry}/${r.repository}` : r.repository
  if (r.digest !== undefined) return `${name}${r.tag !== undefined ? `:${r.tag}` : ''}@${r.digest}`
  if (r.tag !== undefined) return `${name}:${r.tag}`
  return name === '' || name.slice(name.lastIndexOf('/') + 1).includes('$') ? name : `${name}:latest`
}


/**
 * What has been kept so far, by file and by start place ({@link placeKey}): the first item at a place as is, an array
 * only once a different one is kept there. Built for the one pass of a dedup: no object per item and no callback per
 * comparison (with tens of thousands of items, those lived long enough to be promoted and then made most of the
 * garbage of the whole link step, issue 11).
 */
type Kept<T> = Map<string, Map<PlaceKey, T | T[]>>

type PlaceKey = number | string

/**
 * A start position as a key that no other position of the file has: packed into a number (`line * 65536 + column`)
 * while the column fits, else a string. Items at one key then stand at one place, without comparing their positions
 * (a span's `start` is a new object per read).
 */
function placeKey(at: Position): PlaceKey {
  return at.column < 65536 ? at.line * 65536 + at.column : `${at.line}:${at.column}`
}

/**
 * The items kept before at `key` in `file`; none (undefined) keeps `item` there. The caller compares `item` with those
 * it gets, and keeps it too ({@link keepToo}) when it differs from each.
 */
function keptBefore<T>(kept: Kept<T>, file: string, key: PlaceKey, item: T): T[] | undefined {
  let here = kept.get(file)
  if (!here) kept.set(file, (here = new Map<PlaceKey, T | T[]>()))
  const prior = here.get(key)
  if (prior === undefined) {
    here.set(key, item)
    return undefined
  }
  return Array.isArray(prior) ? prior : [prior]
}

/**
 * Keeps `item` at its place beside `others`, those {@link keptBefore} gave: added to that list (the one kept there, or
 * a new one for a single item), not copied.
 */
function keepToo<T>(kept: Kept<T>, file: string, key: PlaceKey, others: T[], item: T): void {
  if (others.length === 1) kept.get(file)!.set(key, others)
  others.push(item)
}

/** The list without the items at the `dropped` indexes: a copy of it when none was dropped. */
function withoutDropped<T>(list: readonly T[], dropped: ReadonlySet<number> | undefined): T[] {
  if (!dropped) return list.slice()
  // A loop, not `filter` with a callback per item (tens of thousands).
  const out: T[] = []
  for (let i = 0; i < list.length; i++) if (!dropped.has(i)) out.push(list[i]!)
  return out
}

// uniqueExecutions and uniqueImages are two loops, not one generic loop given two callbacks: a loop that calls two
// different callbacks is deoptimized and compiled again when it meets the second. The comparisons, with a callback
// each, run only where two items stand at one place.

/** Executions that say the same (kind, image, place, host, isolation, production, trust) reported once, in order. */
function uniqueExecutions(list: readonly Execution[]): Execution[] {
  const kept: Kept<Execution> = new Map()
  let dropped: Set<number> | undefined // made at the first item dropped
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!
    const file = e.span.file
    const key = placeKey(e.span.start)
    const others = keptBefore(kept, file, key, e)
    if (!others) continue
    if (sameExecutionIn(others, e)) (dropped ??= new Set()).add(i)
    else keepToo(kept, file, key, others, e)
  }
  return withoutDropped(list, dropped)
}

/** Whether one of `others` (kept where `e` stands) says the same (a loop, not a closure per item kept twice). */
function sameExecutionIn(others: readonly Execution[], e: Execution): boolean {
  for (let k = 0; k < others.length; k++) if (sameExecution(others[k]!, e)) return true
  return false
}

function sameExecution(a: Execution, b: Execution): boolean {
  return (
    a.kind === b.kind &&
    (a.image ?? a.imageRaw) === (b.image ?? b.imageRaw) &&
    (a.host?.info.label ?? '') === (b.host?.info.label ?? '') &&
    (a.host?.span?.start.line ?? '') === (b.host?.span?.start.line ?? '') &&
    (a.isolation.value ?? '') === (b.isolation.value ?? '') &&
    (a.production?.reason ?? '') === (b.production?.reason ?? '') &&
    (a.untrusted?.reason ?? '') === (b.untrusted?.reason ?? '')
  )
}

/** Image uses of the same image at the same place reported once, in order. */
function uniqueImages(list: readonly ImageUse[]): ImageUse[] {
  const kept: Kept<ImageUse> = new Map()
  let dropped: Set<number> | undefined // made at the first item dropped
  for (let i = 0; i < list.length; i++) {
    const u = list[i]!
    const file = u.span.file
    const key = placeKey(u.span.start)
    const others = keptBefore(kept, file, key, u)
    if (!others) continue
    if (sameImageIn(others, u)) (dropped ??= new Set()).add(i)
    else keepToo(kept, file, key, others, u)
  }
  return withoutDropped(list, dropped)
}

/** Whether one of `others` (kept where `u` stands) is the same image (see {@link sameExecutionIn}). */
function sameImageIn(others: readonly ImageUse[], u: ImageUse): boolean {
  for (let k = 0; k < others.length; k++) {
    const b = others[k]!
    if ((b.image ?? b.raw) === (u.image ?? u.raw)) return true
  }
  return false
}
