/**
 * Azure Pipelines: follows a pipeline through the templates it includes (extends, stages, jobs, steps, variables),
 * with each template's parameters, and gives every job one host per matrix leg, so that the jobs, hosts and
 * executions have the same shape as a GitHub workflow's and every rule applies. Microsoft-hosted agents
 * (`pool.vmImage`) come from the knowledge base; self-hosted pools (`pool.name` and `pool.demands`) go through the
 * same label lookup as a workflow's `runs-on`, the config's `runners:` first. Deployment jobs belong to the
 * environments of the config by their `environment:` name (`workflow-environments`).
 */
import path from 'node:path'
import type { ExpansionContext } from '../parsers/workflow-expressions.js'
import type { RelatedLocation } from '../core/finding.js'
import { assignsItself, expandedValue, holdsUnknownValue, scanExpressionEnd, shownText, unknownValue } from '../parsers/workflow-expressions.js'
import { span, type Located, type Span } from '../core/span.js'
import { joinRel } from '../core/rel-path.js'
import { getIgnoreCase, IgnoreCaseMap, keyIgnoreCase, LayeredMap, MappedMap } from '../core/lookup.js'
import { AzureStepAssignments, azureStepDialect, scriptScopes, stringScope, wordsScope } from './script-scope.js'
import { MACRO_OPEN, MARKED_MACRO } from '../core/macro-text.js'
import { jobHosts } from './unique.js'
import type { KnowledgeBase } from '../kb/types.js'
import type {
  AzureContainer,
  AzureJob,
  AzureJobItem,
  AzurePipelinesModel,
  AzurePool,
  AzureStageItem,
  AzureStepItem,
  AzureTemplateRef,
  AzureVariables,
} from '../model/azure-pipelines.js'
import type { EnvironmentClassifier } from '../config/environments.js'
import type { Execution, FileLink, HostRef, ImageUse, JobHosts, UnreadCommand } from '../model/project.js'
import type { DockerCommand, DockerRunCommand, Job, Step } from '../model/workflow.js'
import { AZURE_MACRO, rewriteMacros } from '../parsers/azure-pipelines.js'
import { resolveRunnerLabels } from '../config/runners.js'
import type { RunnerMapping } from '../config/types.js'
import type { PassedNotes } from './link-calls.js'
import { followInvocation, type FollowContext } from './follow.js'
import { engineSelections } from '../parsers/script-assignments.js'
import { stepNest } from './follow-nested.js'
import { setHereNotes, type UnknownAssignments } from './follow-script.js'
import { stringWrites } from './make-env-writes.js'
import type { FileResolver } from './link.js'
import type { AzureParsedStep, FileTask } from '../parsers/azure-pipelines.js'
import type { Invocation, ShellDialect } from '../parsers/shell.js'
import { azureConditionRuns } from '../parsers/azure-condition.js'
import { guardedHost } from '../parsers/os-guards.js'
import { commandStringOf, scriptCall } from '../parsers/script-call.js'

const AZURE_HOSTED_NO_HYPERV =
  'Microsoft-hosted Azure Pipelines agents cannot start Hyper-V isolated containers (no nested virtualization: ' +
  "'The virtual machine could not be started because a required feature is not installed')"

/** What the Azure linker needs from the workflow linker: one way to link a docker command. */
export interface AzureLinkDeps {
  readonly kb: KnowledgeBase
  readonly load: (rel: string) => AzurePipelinesModel | undefined
  readonly globalProduction?: Execution['production']
  /** The config's environments: a deployment job's `environment:` is matched against `workflow-environments`. */
  readonly envs: EnvironmentClassifier
  /** The config's `runners:` label sets, for self-hosted pools. */
  readonly runnerMappings: readonly RunnerMapping[]
  /** Reads the files a step runs (scripts, Makefiles), followed as a workflow step's (follow.ts); none without it. */
  readonly resolver?: FileResolver
  /** Picks a step's commands by the host's OS (link.ts `stepCommands`). */
  readonly stepCommands: (step: Step, host: HostRef | undefined) => readonly DockerCommand[]
  /** Links one docker command in a job (link.ts `linkCommand`). */
  readonly linkCommand: (
    cmd: DockerCommand,
    ctx: { host?: HostRef; scope: ExpansionContext; workdir: string | undefined; production?: Execution['production']; built: Map<string, unknown> },
  ) => {
    readonly executions: readonly Execution[]
    readonly images: readonly ImageUse[]
    readonly dockerfiles: readonly string[]
    readonly composeFiles: readonly string[]
    /** A build's: the build args the FROM line an execution stands at reads (see {@link wordsOf}). */
    readonly fromArguments?: ((e: Execution) => readonly string[]) | undefined
    /** What the command builds or starts that isolint cannot read (see JobHosts.unread). */
    readonly unread?: string
  }
}

export interface AzureLinked {
  readonly executions: Execution[]
  readonly images: ImageUse[]
  readonly jobs: JobHosts[]
  /** Pipeline → template, pipeline → Dockerfile / Compose file, in the order found, repeats kept. */
  readonly links: FileLink[]
  readonly dockerfiles: string[]
  readonly composeFiles: string[]
}

/** Template nesting limit (Azure's own limit is 100 files, 20 levels). */
const MAX_TEMPLATE_DEPTH = 20

interface Frame {
  /** The pipeline file the run started from (for links and job identity). */
  readonly root: string
  readonly parameters: ReadonlyMap<string, string>
  /** Where the includer of the template passes each of `parameters` (see {@link recordPassed}), if it passes any. */
  readonly passed?: PassedNotes
  /**
   * Variables as written once the pipeline is compiled (see {@link PipelineWalk.compiled}): template expressions
   * evaluated, `$(name)` macros kept, expanded where a command reads them ({@link resolveVariables}).
   */
  readonly variables: ReadonlyMap<string, string>
  readonly variableSpans: ReadonlyMap<string, Span>
  /**
   * Runtime variables of a matrix leg: `$(var)` macros see them, `${{ variables.x }}` (expanded when the
   * pipeline is compiled) does not.
   */
  readonly legVariables?: ReadonlyMap<string, string>
  readonly pool?: { readonly pool: AzurePool; readonly frame: Frame }
  /** The pipeline's `resources.containers`, by alias: what a job's `container: name` names. */
  readonly containers?: ReadonlyMap<string, AzureContainer>
  readonly depth: number
  /** The `template:` lines that led here, outermost first, for the related locations of findings. */
  readonly chain: readonly RelatedLocation[]
}

interface FlatStep {
  readonly step: Step
  readonly parameters: ReadonlyMap<string, string>
  readonly passed: PassedNotes | undefined
  readonly chain: readonly RelatedLocation[]
}

/** The frame inside a template included by `ref`. */
function via(frame: Frame, ref: AzureTemplateRef): Frame {
  return { ...frame, chain: [...frame.chain, { span: ref.path.span, message: `includes ${ref.path.value}` }] }
}

export function linkAzurePipelines(models: readonly AzurePipelinesModel[], deps: AzureLinkDeps): AzureLinked {
  const out: AzureLinked = { executions: [], images: [], jobs: [], links: [], dockerfiles: [], composeFiles: [] }
  // Files included by another one are templates: they are linked from the pipeline, with its parameters.
  const included = new Set<string>()
  const collect = (m: AzurePipelinesModel, depth: number): void => {
    if (depth > MAX_TEMPLATE_DEPTH) return
    for (const ref of templateRefs(m)) {
      const rel = templatePath(m.file, ref.path.value)
      if (rel === undefined || included.has(rel)) continue
      included.add(rel)
      const t = deps.load(rel)
      if (t) collect(t, depth + 1)
    }
  }
  for (const m of models) collect(m, 0)
  for (const m of models) {
    if (included.has(m.file)) continue
    const frame: Frame = {
      root: m.file,
      parameters: new IgnoreCaseMap(),
      variables: new IgnoreCaseMap(),
      variableSpans: new Map(),
      ...(m.containers ? { containers: m.containers } : {}),
      depth: 0,
      chain: [],
    }
    new PipelineWalk(deps, out).pipeline(m, frame, new Map())
  }
  return out
}

class PipelineWalk {
  private readonly assignments = new AzureStepAssignments()
  /** The names the files the step being followed sets with `##vso[task.setvariable]`, as {@link reading} reads them. */
  private setInFiles: Set<string> | undefined
  /** The engines and builders the files the step being followed select (`docker context use x`; {@link reading}). */
  private selectedInFiles: Set<string> | undefined
  private reader: FileResolver | undefined

  /**
   * `resolver`, noting in {@link setInFiles} the names each file read while a step is followed (its scripts,
   * Makefiles, the scripts they run) sets with `##vso[task.setvariable]`. One for the walk: follow-make.ts keeps what
   * it works out of each Makefile per resolver.
   */
  private reading(resolver: FileResolver): FileResolver {
    return (this.reader ??= {
      dockerfile: (rel) => resolver.dockerfile(rel),
      compose: (rel) => resolver.compose(rel),
      azurePipelines: (rel) => resolver.azurePipelines(rel),
      text: (rel) => {
        const text = resolver.text?.(rel)
        if (text !== undefined && this.setInFiles && /##vso\[task\.setvariable/i.test(text)) for (const m of text.matchAll(SET_VARIABLE)) this.setInFiles.add(m[1]!)
        if (text !== undefined && this.selectedInFiles) for (const n of engineSelections(text)) this.selectedInFiles.add(n)
        return text
      },
    })
  }

  constructor(
    private readonly deps: AzureLinkDeps,
    private readonly out: AzureLinked,
  ) {}

  pipeline(m: AzurePipelinesModel, parent: Frame, given: ReadonlyMap<string, string>, passed?: PassedNotes): void {
    const frame = this.enter(m, parent, given, passed)
    if (m.extends) {
      const t = this.template(m.file, m.extends, frame)
      if (t) this.pipeline(t.model, via(frame, m.extends), t.parameters, t.passed)
    }
    this.stages(m.stages, m.file, frame)
    this.jobs(m.jobs, m.file, frame)
    if (m.steps.length > 0) {
      // The implicit job: the file's pool and variables are in `frame` already; its `strategy:` is the file's too.
      const job: AzureJob = {
        id: 'job',
        span: m.steps[0] && 'step' in m.steps[0] ? m.steps[0].step.span : m.extends?.span ?? spanAtStart(m.file),
        variables: { entries: [] },
        ...(m.matrix ? { matrix: m.matrix } : {}),
        ...(m.matrixUnknown ? { matrixUnknown: m.matrixUnknown } : {}),
        ...(m.container ? { container: m.container } : {}),
        steps: m.steps,
      }
      this.job(job, m.file, frame)
    }
  }

  /**
   * The frame of a file: its declared parameters (defaults, then given values, passed where `passed` says), pool and
   * variables.
   */
  private enter(m: AzurePipelinesModel, parent: Frame, given: ReadonlyMap<string, string>, passed: PassedNotes | undefined): Frame {
    const parameters = new IgnoreCaseMap<string>()
    for (const [k, v] of m.parameters) parameters.set(k, this.parameterDefault(k, v, parent))
    // Names without case (a given `tag` is the declared `Tag`: PowerShell/DSC#1564).
    for (const [k, v] of given) setVariable(parameters, k, v)
    const frame: Frame = { ...parent, parameters, passed, depth: parent.depth + 1 }
    const withPool: Frame = m.pool ? { ...frame, pool: { pool: m.pool, frame } } : frame
    return this.withVariables(withPool, m.file, m.variables)
  }

  private withVariables(frame: Frame, file: string, vars: AzureVariables): Frame {
    if (vars.entries.length === 0) return frame
    // Names without case: a job's `tag` overrides the pipeline's `TAG`.
    const variables = new IgnoreCaseMap(frame.variables)
    const spans = new Map(frame.variableSpans)
    this.define(variables, spans, file, vars, frame)
    return { ...frame, variables, variableSpans: spans }
  }

  /**
   * Defines `vars` (written in `file`, in the scope of `frame`) on top of `variables`, in order, a variables
   * template's where it is listed: the last definition of a name wins, in any spelling, as in Azure. Values, and a
   * template's path and parameters, read the variables defined so far.
   *
   * A variable group (`- group: shared`) has "the same precedence as any other variable defined within the YAML file"
   * (Azure's variable groups docs): it may define any name, over the variables listed before it at its level and over
   * those of the levels around it (pipeline, stage), not over those listed after it nor those of a job below it.
   * Those it may replace are unknown from there on, said to be set at the group. `known`: the keys with a value of
   * their own since the last group (each is made unknown once, however many groups follow).
   */
  private define(
    variables: IgnoreCaseMap<string>,
    spans: Map<string, Span>,
    file: string,
    vars: AzureVariables,
    frame: Frame,
    known: Set<string> = new Set(variables.keys()),
  ): void {
    // Template expressions read the variables defined so far (the map as it grows: compiled() remembers nothing of it).
    const sofar: Frame = { ...frame, variables }
    for (const v of vars.entries) {
      if ('name' in v) {
        const key = setVariable(variables, v.name, this.compiled(v.value, sofar))
        spans.set(key, v.span)
        known.add(key)
        continue
      }
      if ('group' in v) {
        for (const key of known) {
          variables.set(key, unknownValue(`$(${key}) (variable group ${v.group} may set it)`))
          spans.set(key, v.span)
        }
        known.clear()
        continue
      }
      // Its path and parameters are compiled in place too: `parameters: { t: ${{ variables.tag }} }` reads the `tag`
      // of the list above it.
      const t = this.template(file, v.template, sofar)
      if (t) this.define(variables, spans, t.model.file, t.model.variables, { ...frame, parameters: t.parameters, passed: t.passed, depth: frame.depth + 1 }, known)
    }
  }

  private stages(items: readonly AzureStageItem[], file: string, frame: Frame): void {
    for (const item of items) {
      if ('template' in item) {
        const t = this.template(file, item.template, frame)
        if (t) this.stages(t.model.stages, t.model.file, this.enter(t.model, via(frame, item.template), t.parameters, t.passed))
        continue
      }
      let f = item.stage.pool ? { ...frame, pool: { pool: item.stage.pool, frame } } : frame
      f = this.withVariables(f, file, item.stage.variables)
      this.jobs(item.stage.jobs, file, f)
    }
  }

  private jobs(items: readonly AzureJobItem[], file: string, frame: Frame): void {
    for (const item of items) {
      if ('template' in item) {
        const t = this.template(file, item.template, frame)
        if (t) this.jobs(t.model.jobs, t.model.file, this.enter(t.model, via(frame, item.template), t.parameters, t.passed))
        continue
      }
      this.job(item.job, file, frame)
    }
  }

  private job(job: AzureJob, file: string, parent: Frame): void {
    let frame = job.pool ? { ...parent, pool: { pool: job.pool, frame: parent } } : parent
    frame = this.withVariables(frame, file, job.variables)
    const steps = this.flatSteps(job.steps, file, frame)
    const id = this.expand(job.id, frame) ?? job.id
    const legs = job.matrixUnknown ? [] : (job.matrix ?? [{ name: '', values: new Map<string, Located<string>>() }])
    const hosts: HostRef[] = []
    let usesContainers = false
    // The commands whose Dockerfile or Compose files isolint cannot read, one per host (see JobHosts.unread).
    const unread: UnreadCommand[] = []
    const matrixMaps: Map<string, string>[] = []
    for (const leg of legs) {
      let legVars = frame.variables
      let legSpans = frame.variableSpans
      if (leg.values.size > 0) {
        const values = new IgnoreCaseMap(frame.variables)
        const spans = new Map(frame.variableSpans)
        for (const [k, v] of leg.values) spans.set(setVariable(values, k, this.compiled(v.value, frame)), v.span)
        legVars = values
        legSpans = spans
      }
      matrixMaps.push(new Map([...leg.values].map(([k, v]) => [k, v.value])))
      const legFrame: Frame = { ...frame, legVariables: legVars, variableSpans: legSpans }
      const host = this.host(file, id, leg.name, legFrame)
      if (host) hosts.push(host)
      const production = this.production(job, legFrame) ?? this.deps.globalProduction
      const built = new Map<string, unknown>()
      if (job.container && host?.info.os !== 'macos') {
        const started = this.jobContainer(job.container, legFrame, host, production)
        if (started.length > 0) usesContainers = true
        this.out.executions.push(...started)
      }
      // Variables as the next step sees them: a script's `##vso[task.setvariable]` changes them for the steps after.
      let stepVars: StepVariables = { values: legVars, spans: legSpans }
      // Variables copied by the steps that set some, so far (see MAX_SET_COPIES).
      let copied = 0
      /** The variables after `step`, which may set some (`##vso[task.setvariable]`, in its script or `files`). */
      const setBy = (step: Step, files: ReadonlySet<string> | undefined): void => {
        if (copied > MAX_SET_COPIES) return
        const next = setAtRuntime(step, stepVars, files)
        // Each step that sets variables makes a new map of them all: past the limit, every variable is unknown.
        if (next !== stepVars) stepVars = (copied += next.values.size) > MAX_SET_COPIES ? everyVariableUnknown(next) : next
      }
      // `docker context use x` in a step's script or a file it runs (script-assignments.ts `engineSelections`): docker
      // keeps the choice in its configuration, so the later steps of the leg see DOCKER_CONTEXT or BUILDX_BUILDER
      // unknown (another engine: link.ts `otherEngine`), over the exported variables, under the step's own `env`.
      let selected: IgnoreCaseMap<string> | undefined
      const select = (names: Iterable<string>): void => {
        for (const n of names) (selected ??= new IgnoreCaseMap<string>()).set(n, unknownValue(`$${n} (selected by an earlier step)`))
      }
      for (const { step, parameters, passed, chain } of steps) {
        const runtime = resolveVariables(stepVars.values)
        const stepFrame: Frame = { ...legFrame, parameters, passed }
        // `condition: eq(variables['Agent.OS'], 'Windows_NT')` in a matrix over agents: a step its condition keeps off
        // this leg's agent (or may, by what isolint cannot know) builds and runs nothing here; one that does not run
        // sets no variable.
        if (step.condition) {
          const runs = stepRunsHere(this.compiled(step.condition.value, stepFrame), runtime, host, leg.values)
          if (runs === 'no') continue
          if (runs === 'maybe') {
            setBy(step, undefined)
            if (step.run) select(engineSelections(step.run.value))
            continue
          }
        }
        // The script's environment: the variables under their environment names, and the step's own `env` (layered,
        // not copied: a job of many steps with `env` and many variables). The agent exports the variables after the
        // step's env, over it, names without case on Windows (microsoft/azure-pipelines-agent#3091), though the docs
        // say the step's wins: a name in both is unknown, unless both give one value.
        const exportedEnv = envOf(runtime).values
        let env: ReadonlyMap<string, string> = selected ? new LayeredMap(selected, exportedEnv) : exportedEnv
        if (step.env.size > 0) {
          const own = new IgnoreCaseMap<string>()
          for (const [k, v] of step.env) {
            const value = expandMacros(this.compiled(v, stepFrame), runtime)
            const exported = keyIgnoreCase(exportedEnv, k)
            if (exported === undefined || exportedEnv.get(exported) === value) {
              own.set(k, value)
              continue
            }
            // Unknown under both spellings (bash reads `$TAG` with its case); the step's own unknown says why.
            const unknown = holdsUnknownValue(value) ? value : unknownValue(`$${k}`)
            for (const name of new Set([k, exported])) own.set(name, unknown)
          }
          env = new LayeredMap(own, env)
        }
        const stepScope = this.scope(stepFrame, runtime, env)
        // A folder isolint cannot know leaves the paths in it unknown (not the root's).
        const workdir = step.workingDirectory !== undefined ? expandedValue(step.workingDirectory, stepScope) : ''
        // The script's commands read its shell's variables: PowerShell's `$TAG` is not the environment, nor a name it sets.
        // The files it runs inherit the names it assigned (`export TAG=…`, `$env:TAG = …`), in their own shell.
        const dialect = azureStepDialect(step, host)
        const scopes = scriptScopes(stepScope, dialect, this.assignments.of(step, dialect))
        const scope = scopes.own
        /**
         * Links one command of the step (or of a file it runs), run in `dir`, with the notes of the chain that led to it;
         * `unknownSet`: in a followed script, the names it sets to what isolint cannot know.
         */
        const link = (
          cmd: DockerCommand,
          cmdScope: ExpansionContext,
          dir: string | undefined,
          via: readonly RelatedLocation[],
          sources?: VariableSources,
          unknownSet?: UnknownAssignments,
        ): void => {
          // Its script's test of the OS (`if [ "$AGENT_OS" = Linux ]`): off this agent, or unknown; of a value the job
          // gives (`[ "$TARGET" = a ]`): off it where it gives another (parsers/os-guards.ts).
          const cmdHost = cmd.os === undefined ? host : guardedHost(cmd.os, host, (raw) => expandedValue(raw, cmdScope))
          if (cmdHost === false) return
          usesContainers = true
          // A command whose prefixes move it (`env -C sub`, `sudo -i`) runs in a folder isolint does not know, as in a workflow.
          const cmdWorkdir = cmd.moved ? undefined : dir
          const linked = this.deps.linkCommand(cmd, { ...(cmdHost ? { host: cmdHost } : {}), scope: cmdScope, workdir: cmdWorkdir, ...(production ? { production } : {}), built })
          if (linked.unread && cmdHost && !unread.some((u) => u.host === cmdHost)) unread.push({ host: cmdHost, what: linked.unread })
          for (const e of linked.executions) {
            // Where the variables its words read are set (the fix goes there), then the templates that led here.
            const setHere = sources
              ? variableOrigins(wordsOf(cmd, e, linked.fromArguments), sources)
              : unknownSet
                ? setHereNotes(wordsOf(cmd, e, linked.fromArguments), cmd.span, unknownSet)
                : []
            this.out.executions.push(setHere.length > 0 || via.length > 0 ? { ...e, related: [...e.related, ...setHere, ...via] } : e)
          }
          this.out.images.push(...linked.images)
          this.out.dockerfiles.push(...linked.dockerfiles)
          this.out.composeFiles.push(...linked.composeFiles)
          for (const f of [...linked.dockerfiles, ...linked.composeFiles]) this.out.links.push({ from: frame.root, to: f })
        }
        for (const cmd of this.deps.stepCommands(step, host)) {
          const sources: VariableSources = { compiled: frame, runtime: stepVars.values, runtimeSpans: stepVars.spans, parameters, passed, stepEnv: step.env, envKeys: envOf(runtime).keys, script: scope }
          link(cmd, scope, workdir, chain, sources)
        }
        // `./build.sh`, `make image`, a task's `filePath`: the docker commands of the files the step runs (follow.ts).
        const runsFile = (step as Partial<AzureParsedStep>).runsFile
        const invocations = runsFile ? fileTaskInvocation(runsFile, host, workdir, (raw) => expandedValue(raw, stepScope)) : dialect && (step as Partial<AzureParsedStep>).invocations?.[dialect]
        const resolver = this.deps.resolver
        let setInFiles: Set<string> | undefined
        let selectedInFiles: Set<string> | undefined
        let unreadable = false
        if (resolver && invocations && invocations.length > 0) {
          // What the files it runs set with `##vso[task.setvariable]`, for the steps after (see setAtRuntime).
          this.setInFiles = setInFiles = new Set()
          this.selectedInFiles = selectedInFiles = new Set()
          // The words that run the files, in the step's shell (a task's: the shell that runs its file, no name assigned).
          const own = wordsScope(runsFile ? stepScope : scopes.files, runsFile?.dialect ?? dialect)
          const files = fileScope(scopes.files)
          const ctx: FollowContext = {
            resolver: this.reading(resolver),
            scope: files,
            envSpans: envSpans(step, envOf(runtime).keys, stepVars.spans),
            workdir,
            expand: (raw) => wordValue(raw, own),
            origin: (raw, span, name) => {
              if (!span) return undefined
              const value = expandedValue(raw, own)
              // A word that is one variable (`$(tag)`): its value is fixed where the variable is set.
              const key = value !== undefined ? keyIgnoreCase(stepVars.values, LONE_MACRO.exec(raw)?.[1] ?? '') : undefined
              const set = key !== undefined ? stepVars.spans.get(key) : undefined
              if (set) return { span: set, message: `${key} is set here`, via: { span, message: `passes ${name}=${value} on` } }
              return { span, message: value !== undefined ? `sets ${name}=${value}` : `sets ${name}` }
            },
            nest: stepNest(),
          }
          // A script it runs that isolint cannot read (not in the repository, at a path it cannot know) may set any
          // variable with `##vso[task.setvariable]`, as such a script may write GITHUB_ENV in a workflow.
          unreadable = invocations.some((inv) => runsUnreadableScript(inv, workdir, ctx.expand, resolver))
          for (const f of invocations.flatMap((inv) => followInvocation(inv, ctx))) {
            // A command string (`bash -c '…'`) is read in its own shell, with the names it assigns itself.
            // A file a followed file runs: the names its callers assign are unknown instead of the step's.
            const base = f.assigned ? { ...files, assigned: f.assigned } : files
            const fScope = f.string ? stringScope(base, f.string.dialect, f.string.assignments) : base
            const via = f.via.length === 0 ? chain : [...chain, ...f.via]
            for (const cmd of f.commands) link(cmd, f.env ? { ...fScope, env: f.env } : fScope, f.workdir, via, undefined, f.unknownSet)
          }
          this.setInFiles = undefined
          this.selectedInFiles = undefined
        }
        setBy(step, setInFiles)
        if (unreadable && copied <= MAX_SET_COPIES) {
          copied += stepVars.values.size
          stepVars = everyVariableUnknown(stepVars)
        }
        if (step.run) select(engineSelections(step.run.value))
        if (selectedInFiles) select(selectedInFiles)
      }
    }
    const pool = frame.pool?.pool
    const runsOn = pool?.vmImage ?? pool?.name
    const model: Job = {
      id,
      span: job.span,
      runsOn: runsOn ? [runsOn] : [],
      ...(pool ? { runsOnSpan: pool.span } : {}),
      ...(job.environment ? { environment: job.environment } : {}),
      matrix: matrixMaps.length > 0 ? matrixMaps : [new Map()],
      env: envOf(resolveVariables(frame.variables)).values,
      steps: steps.map((s) => s.step),
    }
    const hostsOfJob = jobHosts(hosts)
    this.out.jobs.push(unread.length > 0 ? { file, job: model, hosts: hostsOfJob, usesContainers, unread } : { file, job: model, hosts: hostsOfJob, usesContainers })
  }

  /**
   * The container of a container job leg, as the agent starts it before the first step: `docker create OPTIONS IMAGE`
   * on the job's host, in the Docker default isolation unless `options` say `--isolation`. The string form names a
   * `resources.containers` entry when there is one, its value written or read from a variable. An image read from a macro (which Azure does not expand there) or
   * `options` isolint cannot read: unknown, nothing started; `$[ variables['x'] ]` (or `variables.x`) reads the leg's
   * variable, as Azure evaluates it when the job starts.
   */
  private jobContainer(spec: AzureContainer, frame: Frame, host: HostRef | undefined, production: Execution['production'] | undefined): Execution[] {
    let c = spec
    if (spec.byName) {
      const name = this.compiled(spec.image.value, frame).trim()
      const resource = frame.containers?.get(name)
      if (resource) c = { ...resource, span: spec.span }
    }
    if (c.optionsUnknown) return []
    const raw = c.image.value.trim()
    let image: string
    const runtime = RUNTIME_VARIABLE.exec(raw)
    if (runtime) {
      const vars = resolveVariables(frame.legVariables ?? frame.variables)
      const value = getIgnoreCase(vars, (runtime[1] ?? runtime[2])!)
      if (value === undefined || holdsUnknownValue(value) || value.includes('$(')) return []
      image = value.trim()
      // The string form names a `resources.containers` entry first, as written or as a variable gives it (a matrix
      // leg's `CONTAINER: winx64`): the entry's image, never the alias as an image.
      const resource = c.byName ? frame.containers?.get(image) : undefined
      if (resource) return this.jobContainer({ ...resource, span: spec.span }, frame, host, production)
    } else {
      image = this.compiled(raw, frame)
      if (holdsUnknownValue(image) || /\$[([]/.test(image)) return []
    }
    if (image === '') return []
    const cmd: DockerRunCommand = {
      type: 'create',
      span: c.span,
      image: { value: image, span: c.image.span },
      ...(c.isolation ? { isolation: { value: c.isolation.value, span: c.isolation.span } } : {}),
      ...(c.platform ? { platform: { value: c.platform.value, span: c.platform.span } } : {}),
    }
    const scope = this.scope(frame, resolveVariables(frame.legVariables ?? frame.variables))
    const linked = this.deps.linkCommand(cmd, { ...(host ? { host } : {}), scope, workdir: '', ...(production ? { production } : {}), built: new Map() })
    this.out.images.push(...linked.images)
    return linked.executions.map((e) => ({ ...e, what: 'the container of a container job' }))
  }

  /** The host of a job leg: a Microsoft-hosted image, or a self-hosted pool known to the host lookup. */
  private host(file: string, jobId: string, leg: string, frame: Frame): HostRef | undefined {
    const pool = frame.pool
    if (!pool) return undefined
    // The pool is written in its own file: its template parameters, with the job leg's variables.
    frame = { ...frame, parameters: pool.frame.parameters, passed: pool.frame.passed }
    const base = { job: { file, id: jobId }, ...(leg ? { matrix: leg } : {}), provider: 'azure-pipelines' as const }
    const vmImage = pool.pool.vmImage
    if (vmImage) {
      const label = this.expand(vmImage.value, frame)
      if (label === undefined) return undefined
      const info = this.deps.kb.host(label.trim(), 'azurePipelines')
      if (!info) return undefined
      // `vmImage: $(image)` from a matrix leg: the value is written (and fixed) there.
      const variable = /^\s*(?:\$\(([A-Za-z_][\w.]*)\)|\$\{\{\s*variables\.([A-Za-z_][\w.]*)\s*\}\})\s*$/.exec(vmImage.value)
      // Names without case: the key the variable is defined (and its span kept) under.
      const key = variable ? keyIgnoreCase(variable[1] !== undefined ? (frame.legVariables ?? frame.variables) : frame.variables, (variable[1] ?? variable[2])!) : undefined
      const span = (key !== undefined ? frame.variableSpans.get(key) : undefined) ?? vmImage.span
      return { info, span, ...base, ...(info.os === 'windows' ? { hypervUnsupported: AZURE_HOSTED_NO_HYPERV } : {}) }
    }
    const name = pool.pool.name
    if (!name) return undefined
    const label = this.expand(name.value, frame)
    if (label === undefined) return undefined
    // A self-hosted pool: its name and demands are its labels, as a workflow's runs-on (the config maps them).
    const demands = (pool.pool.demands ?? []).map((d) => this.expand(d.value, frame)).filter((d): d is string => d !== undefined)
    const labels = [label.trim(), ...demands.map(demandLabel).filter((d): d is string => d !== undefined)]
    const r = resolveRunnerLabels(labels, this.deps.kb, this.deps.runnerMappings)
    if (!r.info) return undefined
    return {
      info: r.info,
      span: name.span,
      ...base,
      labels,
      ...(r.mapping ? { runner: r.mapping } : {}),
      ...(r.unknown.length > 0 ? { unknownLabels: r.unknown } : {}),
    }
  }

  private production(job: AzureJob, frame: Frame): Execution['production'] | undefined {
    if (!job.environment) return undefined
    const env = this.expand(job.environment.value, frame)
    if (env === undefined) return undefined
    // `environment: production.vm-resource` targets a resource of the environment `production`.
    const name = (env.split('.')[0] ?? env).trim()
    const m = this.deps.envs.workflowEnvironment(name).find((x) => x.requireIsolation === 'hyperv')
    if (!m) return undefined
    const listed = m.environment === 'production' ? '' : `, listed in environments.${m.environment}`
    return { reason: `job '${job.id}' deploys to environment '${env.trim()}'${listed}`, span: job.environment.span, environment: m.environment }
  }

  private flatSteps(items: readonly AzureStepItem[], file: string, frame: Frame): FlatStep[] {
    const out: FlatStep[] = []
    for (const item of items) {
      if ('template' in item) {
        const t = this.template(file, item.template, frame)
        if (t) out.push(...this.flatSteps(t.model.steps, t.model.file, { ...via(frame, item.template), parameters: t.parameters, passed: t.passed, depth: frame.depth + 1 }))
        continue
      }
      out.push({ step: item.step, parameters: frame.parameters, passed: frame.passed, chain: frame.chain })
    }
    return out
  }

  /**
   * Loads a template with its parameters (declared defaults, then the given values expanded in the caller) and where
   * they are passed.
   */
  private template(
    file: string,
    ref: AzureTemplateRef,
    frame: Frame,
  ): { model: AzurePipelinesModel; parameters: Map<string, string>; passed: PassedNotes | undefined } | undefined {
    if (frame.depth > MAX_TEMPLATE_DEPTH) return undefined
    // Paths are resolved when the pipeline is compiled: template expressions only (a macro stays, and is refused).
    const rel = templatePath(file, this.compiled(ref.path.value, frame))
    if (rel === undefined) return undefined
    const model = this.deps.load(rel)
    if (!model) return undefined
    this.out.links.push({ from: frame.root, to: model.file })
    const parameters = new IgnoreCaseMap<string>()
    for (const [k, v] of model.parameters) parameters.set(k, this.parameterDefault(k, v, frame))
    // Given values are compiled where the template is included, their macros kept: they are text until the job runs.
    // A value isolint cannot know replaces the default all the same: unknown.
    // A given `tag` is the declared `Tag`: names without case (PowerShell/DSC#1564).
    for (const [k, v] of ref.parameters) setVariable(parameters, k, this.compiled(v, frame))
    const passed = ref.parameterSpans ? recordPassed(parameters, ref, frame.passed) : undefined
    return { model, parameters, passed }
  }

  /**
   * A declared parameter's value when none is given: its default (what every CI-triggered run of a root pipeline
   * uses), compiled as a given value (see {@link compiled}); unknown with no scalar default (a value given when the
   * run is queued, or a list or object), so that `${{ parameters.x || 'ltsc2019' }}` is not read as `ltsc2019`.
   */
  private parameterDefault(name: string, raw: string | undefined, frame: Frame): string {
    return raw !== undefined ? this.compiled(raw, frame) : unknownValue(`\${{ parameters.${name} }}`)
  }

  /**
   * What a command (or a job's pool and environment) sees when the job runs: `$(name)` macros (rewritten as shell
   * variables) read `runtime`, the job's variables with its matrix leg's; `${{ variables.x }}` and
   * `${{ parameters.x }}` give the text the compiled pipeline holds, whose macros Azure then expands with the same
   * `runtime` variables, not with those where the text was written (a template's caller).
   */
  private scope(frame: Frame, runtime: ReadonlyMap<string, string>, env: ReadonlyMap<string, string> = envOf(runtime).values): ExpansionContext {
    return {
      matrix: NO_VALUES,
      env,
      macros: runtime,
      contexts: new Map([
        ['variables', atRuntime(frame.variables, runtime)],
        ['parameters', atRuntime(frame.parameters, runtime)],
      ]),
    }
  }

  /**
   * What a template expression sees when the pipeline is compiled: variables and parameters as the compiled pipeline
   * holds them, their macros kept as text (expanded when the job runs, {@link scope}).
   */
  private compileScope(frame: Frame): ExpansionContext {
    return {
      matrix: NO_VALUES,
      env: NO_VALUES,
      contexts: new Map([
        ['variables', frame.variables],
        ['parameters', frame.parameters],
      ]),
    }
  }

  /**
   * A variable's value (pipeline, stage, job, variables template, matrix leg, step `env`) as the compiled pipeline
   * holds it: its template expressions evaluated and its `$(name)` macros kept, for Azure expands those when the job
   * runs, with the job's variables and its matrix leg's ({@link resolveVariables}). {@link unknownValue} when it
   * holds a runtime expression `$[ … ]` (evaluated when the run starts) or a template expression isolint cannot
   * evaluate: never the raw text, which would read as a tag.
   */
  private compiled(raw: string, frame: Frame): string {
    if (raw.includes('$[')) return unknownValue(raw.trim())
    let out = ''
    let i = 0
    const scope = this.compileScope(frame)
    for (let open = raw.indexOf('${{'); open >= 0; open = raw.indexOf('${{', i)) {
      const end = scanExpressionEnd(raw, open)
      const value = expandedValue(raw.slice(open, end), scope)
      if (value === undefined) return unknownValue(raw.trim())
      out += raw.slice(i, open) + value
      i = end
    }
    return out + raw.slice(i)
  }

  /**
   * Expands `$(var)`, `${{ variables.x }}` and `${{ parameters.x }}` as the job (its matrix leg) runs; undefined when
   * anything is unknown.
   */
  private expand(text: string, frame: Frame): string | undefined {
    return expandedValue(rewriteMacros(text), this.scope(frame, resolveVariables(frame.legVariables ?? frame.variables)))
  }
}

/** What a command's words read, to say where each value is set ({@link variableOrigins}). */
interface VariableSources {
  /** The job's frame: variables and their spans as template expressions read them (no matrix leg). */
  readonly compiled: Frame
  /** The variables macros read when the step runs (the matrix leg's, what scripts set before), and their spans. */
  readonly runtime: ReadonlyMap<string, string>
  readonly runtimeSpans: ReadonlyMap<string, Span>
  readonly parameters: ReadonlyMap<string, string>
  /** Where the template's includer passes each parameter (see {@link recordPassed}), if it passes any. */
  readonly passed: PassedNotes | undefined
  readonly stepEnv: ReadonlyMap<string, string>
  /** Each environment name of the variables (`BUILD_ID`) → the variable (`build.id`), see {@link envOf}. */
  readonly envKeys: ReadonlyMap<string, string>
  /** The script's shell: PowerShell's `$TAG` and a name the script sets are no variable's (script-scope.ts). */
  readonly script: Pick<ExpansionContext, 'powershell' | 'posix' | 'assigned'>
}

/** A runtime expression that is one variable: `$[ variables['x'] ]` or `$[ variables.x ]`; the name is group 1 or 2. */
const RUNTIME_VARIABLE = /^\$\[\s*variables(?:\[\s*'([^']+)'\s*\]|\.([A-Za-z_][\w.]*))\s*\]$/

/** A word that is one macro, as the Azure reader marks it (core/macro-text.ts); its name is the first group. */
const LONE_MACRO = /^\$\uE002([^\uE003]*)\uE003$/

/** How many "is set here" locations a finding gets at most. */
const MAX_ORIGINS = 5

/** A shell variable, `$TAG` or `${TAG}`, as bash (and expandValue) read it: case counts. */
const SHELL_VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)(?![\w:]))/g
/** A PowerShell environment variable, `$env:TAG`. */
const POWERSHELL_ENV = /\$env:([A-Za-z_][A-Za-z0-9_]*)/gi
/** `variables.x` / `parameters.x` inside a template expression. */
const EXPRESSION_NAME = /\b(variables|parameters)\.([A-Za-z_][A-Za-z0-9_.]*)/g

/**
 * The values of the words of `cmd` that make the image of `e` (its image word, or the build argument its base image
 * reads, where `e` stands), and the command's `--isolation` value. Not the image word of a run of an image built in
 * the job (it only names that image) nor a build's tags. `fromArguments`: for a build, the build args the FROM line
 * where `e` stands reads (link.ts `Linked`).
 */
export function wordsOf(cmd: DockerCommand, e: Execution, fromArguments?: (e: Execution) => readonly string[]): string[] {
  const words: { value: string; span: Span }[] = []
  if (cmd.type === 'build') {
    for (const a of cmd.buildArgs) if (a.value !== undefined) words.push({ value: a.value, span: a.span })
    // At a FROM line (the pull of a base image, or a stage whose FROM reads no build argument by name): the build
    // arguments that FROM reads, by name or through ARG defaults, with the value they are given.
    if (words.length > 0 && words[0]!.span.file !== e.span.file) {
      const out = fromArgumentsOf(cmd, fromArguments?.(e) ?? [])
      if (e.kind !== 'pull' && cmd.isolation) out.push(cmd.isolation.value)
      return out
    }
  } else if ((cmd.type === 'run' || cmd.type === 'create' || cmd.type === 'pull') && cmd.image && e.imageRaw === shownText(cmd.image.value)) words.push(cmd.image)
  const at = e.span
  const out = words.filter((w) => w.span.file === at.file && !before(at.start, w.span.start) && !before(w.span.end, at.start)).map((w) => w.value)
  if ((cmd.type === 'build' || cmd.type === 'run' || cmd.type === 'create') && cmd.isolation) out.push(cmd.isolation.value)
  return out
}

/**
 * The values `cmd` gives the build arguments `names` (those a FROM line reads, see dockerfile.ts `buildArgsRead`), names
 * without case as the Dockerfile reader matches them: `FROM img:${TAG}`, or `ARG BASE=img:${TAG}` and `FROM ${BASE}`,
 * with `--build-arg TAG=…`.
 */
function fromArgumentsOf(cmd: Extract<DockerCommand, { type: 'build' }>, names: readonly string[]): string[] {
  const out: string[] = []
  for (const n of names) {
    const name = n.toLowerCase()
    for (const a of cmd.buildArgs) if (a.value !== undefined && a.name.toLowerCase() === name) out.push(a.value)
  }
  return out
}

function before(a: Span['start'], b: Span['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column)
}

/**
 * Where the Azure variables `words` read are set, as related locations ("tag is set here"): a finding points at the
 * command, and its fix often goes in a `variables:` entry or a matrix leg. Follows the macros in their values (an
 * image variable that names a tag variable) and in template parameters; at most {@link MAX_ORIGINS}. A variable a
 * script sets is set in that script.
 */
function variableOrigins(words: readonly string[], src: VariableSources): RelatedLocation[] {
  const out: RelatedLocation[] = []
  const seen = new Set<Span>()
  const add = (name: string, span: Span | undefined): void => {
    if (!span || seen.has(span) || out.length >= MAX_ORIGINS) return
    seen.add(span)
    out.push({ span, message: `${name} is set here` })
  }
  // Where a template parameter is passed: the `parameters:` value of the `template:` that gives it.
  const passed = (name: string): void => {
    for (const r of (src.passed && getIgnoreCase(src.passed, name)) ?? []) {
      if (seen.has(r.span) || out.length >= MAX_ORIGINS) continue
      seen.add(r.span)
      out.push(r)
    }
  }
  // Each variable followed once (`a: $(b)`, `b: $(a)`; `a: $(b)$(b)`).
  const followed = new Set<string>()
  const macros = (value: string): void => {
    for (const m of value.matchAll(AZURE_MACRO)) runtime(m[1]!)
  }
  // A macro: the variable as the step runs (one with no value isolint can read too: that is where to give it one).
  const runtime = (name: string): void => {
    const key = keyIgnoreCase(src.runtime, name)
    if (key === undefined || followed.has(key) || out.length >= MAX_ORIGINS) return
    followed.add(key)
    const value = src.runtime.get(key)!
    add(key, src.runtimeSpans.get(key))
    if (!holdsUnknownValue(value)) macros(value)
  }
  for (const word of words) {
    for (const m of word.matchAll(MARKED_MACRO)) runtime(m[1]!)
    // An environment variable: the step's own env first, then the variable exported under that name (`TAG` for
    // `tag`); bash's `$TAG` with its case, PowerShell's `$env:tag` without.
    const env = (name: string, ignoreCase: boolean): void => {
      if (assignsItself(src.script.assigned, name)) return
      const own = ignoreCase ? getIgnoreCase(src.stepEnv, name) : src.stepEnv.get(name)
      // A name the variables export too (without case): the variable's value lies over the step's (see job()).
      if (own !== undefined && getIgnoreCase(src.envKeys, name) === undefined) return macros(own)
      const key = ignoreCase ? getIgnoreCase(src.envKeys, name) : src.envKeys.get(name)
      if (key !== undefined) runtime(key)
    }
    if (!src.script.powershell) for (const m of word.matchAll(SHELL_VARIABLE)) env((m[1] ?? m[2])!, false)
    // In bash, `$env:TAG` is the variable `env` then `:TAG`: not the environment's TAG.
    if (!src.script.posix) for (const m of word.matchAll(POWERSHELL_ENV)) env(m[1]!, true)
    for (let open = word.indexOf('${{'); open >= 0; open = word.indexOf('${{', open + 3)) {
      // Names outside string literals (`'variables.x'` is text; `''` is a quote inside one).
      const expression = word.slice(open, scanExpressionEnd(word, open)).replace(/'(?:[^']|'')*'/g, "''")
      for (const [, context, name] of expression.matchAll(EXPRESSION_NAME)) {
        if (context === 'parameters') {
          passed(name!)
          const value = getIgnoreCase(src.parameters, name!)
          if (value !== undefined) macros(value)
          continue
        }
        const key = keyIgnoreCase(src.compiled.variables, name!)
        if (key === undefined) continue
        const value = src.compiled.variables.get(key)!
        add(key, src.compiled.variableSpans.get(key))
        if (!holdsUnknownValue(value)) macros(value)
      }
    }
  }
  return out
}

/**
 * Where the includer of a template passes its `parameters` (`- template: x.yml` with `parameters: { tag: ltsc2025 }`),
 * by name: "passes tag=ltsc2025" at the value, after the notes of the includer's own parameters that value reads
 * (`tag: ${{ parameters.tag }}`, passed on from further out: `outer`, where the includer's parameters are passed).
 * Kept in the frames of the template, next to the parameters.
 */
function recordPassed(parameters: ReadonlyMap<string, string>, ref: AzureTemplateRef, outer: PassedNotes | undefined): PassedNotes {
  const notes = new IgnoreCaseMap<readonly RelatedLocation[]>()
  for (const [k, span] of ref.parameterSpans ?? []) {
    const value = getIgnoreCase(parameters, k)
    // A value known only when the job runs (a macro) or not at all: the name alone.
    const shown = value !== undefined && !holdsUnknownValue(value) && !value.includes('$(') ? `${k}=${value}` : k
    const own: RelatedLocation = { span, message: `passes ${shown}` }
    const from: RelatedLocation[] = []
    const raw = ref.parameters.get(k) ?? ''
    if (outer && raw.includes('parameters.')) {
      for (const [, context, name] of raw.matchAll(EXPRESSION_NAME)) {
        if (context === 'parameters') from.push(...(getIgnoreCase(outer, name!) ?? []))
      }
    }
    setVariable(notes, k, from.length > 0 ? [...from, own] : [own])
  }
  return notes
}

/**
 * The value of a word of a step's command that runs a file, expanded in `scope`; unknown when a macro or a template
 * expression gives white space to a word written without any: Azure puts their text in the script before the shell
 * splits it, so `./build.ps1 $(args)` may pass several arguments.
 */
function wordValue(raw: string, scope: ExpansionContext): string | undefined {
  const value = expandedValue(raw, scope)
  return value !== undefined && /\s/.test(value) && (raw.includes(MACRO_OPEN) || raw.includes('${{')) && !/\s/.test(raw.replace(/\$\{\{[^}]*\}\}/g, '')) ? undefined : value
}

/**
 * What a file a step runs reads of the step's scope: the environment (and the names the step assigned, unknown), not
 * the pipeline's macros and template expressions, which Azure expands in the YAML only (`$(tag)` in a script file is
 * a command substitution).
 */
function fileScope(files: ExpansionContext): ExpansionContext {
  return files.assigned ? { matrix: NO_VALUES, env: files.env, assigned: files.assigned } : { matrix: NO_VALUES, env: files.env }
}

/**
 * Where the environment of a step is written, by its environment name: the variable it exports (the step's own
 * `env`, whose entries have no place in the model, left out), for the notes of the files it runs (follow.ts).
 */
function envSpans(step: Step, keys: ReadonlyMap<string, string>, spans: ReadonlyMap<string, Span>): Map<string, Span> {
  const out = new Map<string, Span>()
  for (const [name, key] of keys) {
    const span = spans.get(key)
    if (span && getIgnoreCase(step.env, name) === undefined) out.set(name, span)
  }
  return out
}

/**
 * The command a script task runs its file with (parsers/azure-pipelines.ts `FileTask`), as an invocation of the step:
 * `bash FILE ARGUMENTS`, `pwsh -File FILE ARGUMENTS`, `call FILE ARGUMENTS` (a batch file), the file's path (its macros
 * and template expressions expanded by `expand`) relative to the folder it runs in (`workdir`), though written from the
 * repository root. None when the path or the folder cannot be known, or the task refuses the file's extension, or for
 * a batch file on a `host` that is not Windows (`AzureCLI@2` fails to run it there).
 */
function fileTaskInvocation(task: FileTask, host: HostRef | undefined, workdir: string | undefined, expand: (raw: string) => string | undefined): Invocation[] {
  if (task.dialect === 'cmd' && host && host.info.os !== 'windows' && host.info.os !== 'unknown') return []
  // Azure expands only its macros and template expressions in an input: another `$` is text no file is named with.
  const value = /\$(?!\uE002|\{\{)/.test(task.file.value) ? undefined : expand(task.file.value)
  const file = value === undefined ? undefined : joinRel('', value)
  const dir = workdir === undefined ? undefined : joinRel('', workdir)
  if (file === undefined || file === '' || dir === undefined) return []
  if (task.extensions && !task.extensions.some((e) => file.toLowerCase().endsWith(`.${e}`))) return []
  const at = task.file.span
  const fileWord = { value: dir === '' ? file : path.posix.relative(dir, file), span: at }
  const shell = FILE_TASK_SHELL[task.dialect].map((value) => ({ value, span: at }))
  return [{ words: [...shell, fileWord, ...task.args] }]
}

/** The words before the file of {@link fileTaskInvocation}, by the file's dialect. */
const FILE_TASK_SHELL: Readonly<Record<ShellDialect, readonly string[]>> = { posix: ['bash'], powershell: ['pwsh', '-File'], cmd: ['call'] }

/** The agent's `Agent.OS` by the host's operating system. */
const AGENT_OS: Readonly<Record<string, string>> = { windows: 'Windows_NT', linux: 'Linux', macos: 'Darwin' }

/**
 * Whether a step with the condition `condition` (its template expressions compiled) runs on `host` in a leg whose
 * matrix sets `legValues`, with the variables `runtime` (parsers/azure-condition.ts). A variable the files do not set
 * (a predefined one, one set when the run is queued or in a variable group) is unknown; `Agent.OS` is the host's, and
 * the agent's other variables and the matrix leg's differ from host to host.
 */
function stepRunsHere(condition: string, runtime: ReadonlyMap<string, string>, host: HostRef | undefined, legValues: ReadonlyMap<string, unknown>): 'yes' | 'no' | 'maybe' {
  const os = host ? AGENT_OS[host.info.os] : undefined
  const lookup = (name: string): string | undefined => {
    if (name.toLowerCase() === 'agent.os') return os
    const v = getIgnoreCase(runtime, name)
    return v === undefined || holdsUnknownValue(v) || v.includes(MACRO_OPEN) ? undefined : v
  }
  const hostVarying = (name: string): boolean => /^agent\./i.test(name) || getIgnoreCase(legValues, name) !== undefined
  return azureConditionRuns(condition, lookup, hostVarying)
}

const SET_VARIABLE = /##vso\[task\.setvariable\b[^\]]*?\bvariable=([^;\]\s]+)/gi

/**
 * The variables (and where each is set) after a step whose script, or a file it runs (`fileNames`, as they are read:
 * see {@link PipelineWalk.reading}), sets some with the logging command `##vso[task.setvariable variable=NAME]`
 * (written by `echo` or `Write-Host`): their values are only known when it runs, so they are unknown to the steps
 * after, whatever the pipeline defines, and set at that step. A name isolint cannot read (`variable=$1`): every
 * variable. `vars` itself when the step sets none.
 */
function setAtRuntime(step: Step, vars: StepVariables, fileNames: ReadonlySet<string> | undefined): StepVariables {
  const script = step.run?.value
  const names = script !== undefined && /##vso\[task\.setvariable/i.test(script) ? [...script.matchAll(SET_VARIABLE)].map((m) => m[1]!) : []
  if (fileNames) names.push(...fileNames)
  if (names.length === 0) return vars
  if (names.some((n) => !/^[A-Za-z_][\w.]*$/.test(n))) return everyVariableUnknown(vars)
  const out = new IgnoreCaseMap(vars.values)
  const spans = new Map(vars.spans)
  const at = step.run?.span ?? step.span
  for (const n of names) spans.set(setVariable(out, n, unknownValue(`$(${n})`)), at)
  return { values: out, spans }
}

/**
 * How many variables the steps of a job leg that set some (`##vso[task.setvariable]`) may copy in all: each such step
 * makes a new map of all the variables, which the steps after expand again. A thousand such steps for fifty
 * variables; past the limit (a hostile file: 20,000 of each), every variable is unknown to the steps after.
 */
const MAX_SET_COPIES = 50_000

/** `vars` with every value unknown (one map, made once: the steps after share it). */
/**
 * Whether `inv` runs a script file isolint cannot read: one the repository does not hold, at a path it cannot know, or
 * named after a change of folder (make's Makefiles are left to follow-make.ts).
 */
function runsUnreadableScript(inv: Invocation, workdir: string | undefined, expand: (raw: string) => string | undefined, resolver: FileResolver): boolean {
  const call = scriptCall(inv.words, (w) => expand(w.value))
  const dir = inv.chdir !== undefined || inv.moved ? undefined : workdir
  if (call === undefined) {
    // A command string (`bash -c './set.sh'`, `cmd /c "call set.cmd"`): the files it runs, as if the step ran them
    // (make-env-writes.ts `stringWrites`; the ones it reads give their names through `reading`).
    const string = commandStringOf(inv.words, (w) => w.value)
    const read = resolver.text?.bind(resolver)
    return string !== undefined && read !== undefined && stringWrites(string, { read, dir }, [])
  }
  if (call.kind === 'make') return false
  if (call.kind === 'unknown') return true
  const path = expand(inv.words[call.index]!.value)
  const rel = path !== undefined && dir !== undefined ? joinRel(dir, path) : undefined
  return rel === undefined || resolver.text?.(rel) === undefined
}

function everyVariableUnknown(vars: StepVariables): StepVariables {
  const values = new IgnoreCaseMap<string>()
  for (const k of vars.values.keys()) values.set(k, unknownValue(`$(${k})`))
  return { values, spans: vars.spans }
}

/** The variables a step's macros read, and where each is set. */
interface StepVariables {
  readonly values: ReadonlyMap<string, string>
  readonly spans: ReadonlyMap<string, Span>
}

/** No values (the matrix of an Azure scope, the environment of a template expression): shared, never written. */
const NO_VALUES: ReadonlyMap<string, string> = new Map()

/** How long a variable's value may grow as its macros are expanded (`a: $(b)$(b)`, `b: $(c)$(c)`, …). */
const MAX_VALUE_LENGTH = 100_000


/** Each map of compiled variables with its macros expanded, computed once (frames share their maps). */
const resolvedVariables = new WeakMap<ReadonlyMap<string, string>, ReadonlyMap<string, string>>()

/**
 * The variables as a job's commands see them: every `$(name)` macro in a value expanded, as Azure expands them when
 * the job runs (names without case, whichever variable is defined first or last). A value with a macro of a variable
 * isolint has no value for is unknown: a predefined variable (`$(Build.SourceBranchName)`), one defined nowhere here
 * (Azure then leaves the text `$(name)`, which cmd passes on and PowerShell or bash run as a subexpression), one that
 * refers back to itself, or one whose value grows past {@link MAX_VALUE_LENGTH}.
 */
function resolveVariables(vars: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const known = resolvedVariables.get(vars)
  if (known) return known
  const out = new IgnoreCaseMap<string>()
  const visiting = new Set<string>()
  const resolve = (key: string): string => {
    const done = out.get(key)
    if (done !== undefined) return done
    const raw = vars.get(key)!
    if (visiting.has(key)) return unknownValue(raw.trim())
    visiting.add(key)
    const value = expandMacros(raw, vars, (k) => resolve(k))
    visiting.delete(key)
    out.set(key, value)
    return value
  }
  for (const key of vars.keys()) resolve(key)
  resolvedVariables.set(vars, out)
  return out
}

/** A job's variables as a script's environment variables ({@link envOf}). */
interface Environment {
  /** Environment name → value. */
  readonly values: ReadonlyMap<string, string>
  /** Environment name → the variable's key. */
  readonly keys: ReadonlyMap<string, string>
}

/** Each map of runtime variables as environment variables, computed once (the steps of a job leg share it). */
const environments = new WeakMap<ReadonlyMap<string, string>, Environment>()

/**
 * The variables as the agent exports them to a script's environment: each name upper-cased, `.` → `_` (`Build.Id`
 * → `BUILD_ID`), so that bash's `${tag}` is not the variable `tag` (bash sees `TAG`). Two variables under one
 * environment name (`a.b`, `a_b`): unknown.
 */
function envOf(runtime: ReadonlyMap<string, string>): Environment {
  const known = environments.get(runtime)
  if (known) return known
  // PowerShell's `$env:tag` reads them without case: one look-up, not a scan.
  const values = new IgnoreCaseMap<string>()
  const keys = new IgnoreCaseMap<string>()
  for (const [k, v] of runtime) {
    const name = k.toUpperCase().replaceAll('.', '_')
    if (keys.has(name)) {
      values.set(name, unknownValue(`$${name}`))
      continue
    }
    values.set(name, v)
    keys.set(name, k)
  }
  const env = { values, keys }
  environments.set(runtime, env)
  return env
}

/**
 * Compiled values (variables or template parameters: the text `${{ variables.x }}` and `${{ parameters.x }}` give)
 * as a command reads them when the job runs: their `$(name)` macros expanded with `runtime`, the variables of the job
 * (and leg) that runs it ({@link resolveVariables}). Each value when it is looked up, once: a step that sets a
 * variable makes new `runtime` variables, and a template may hold thousands of parameters.
 */
function atRuntime(compiled: ReadonlyMap<string, string>, runtime: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  return new MappedMap(compiled, (v) => expandMacros(v, runtime))
}

/** `$(name)` macros of `raw` expanded with `vars` (values as they are, or as `resolve` gives them); unknown as above. */
function expandMacros(raw: string, vars: ReadonlyMap<string, string>, resolve: (key: string) => string = (k) => vars.get(k)!): string {
  if (!raw.includes('$(') || holdsUnknownValue(raw)) return raw
  let unknown = false
  const text = raw.replace(AZURE_MACRO, (macro, name: string) => {
    const key = keyIgnoreCase(vars, name)
    const value = key !== undefined ? resolve(key) : undefined
    if (value === undefined || holdsUnknownValue(value)) unknown = true
    return unknown ? macro : value!
  })
  return unknown || text.length > MAX_VALUE_LENGTH ? unknownValue(raw.trim()) : text
}

/**
 * Defines `name` in `vars` (or defines it again, in any spelling: a job's `tag` overrides the pipeline's `TAG`);
 * returns its key, the spelling it was first defined with.
 */
function setVariable<V>(vars: IgnoreCaseMap<V>, name: string, value: V): string {
  const key = keyIgnoreCase(vars, name) ?? name
  vars.set(key, value)
  return key
}

function templateRefs(m: AzurePipelinesModel): AzureTemplateRef[] {
  const refs: AzureTemplateRef[] = variableTemplates(m.variables)
  if (m.extends) refs.push(m.extends)
  const steps = (items: readonly AzureStepItem[]): void => {
    for (const s of items) if ('template' in s) refs.push(s.template)
  }
  const jobs = (items: readonly AzureJobItem[]): void => {
    for (const j of items) {
      if ('template' in j) refs.push(j.template)
      else {
        refs.push(...variableTemplates(j.job.variables))
        steps(j.job.steps)
      }
    }
  }
  for (const s of m.stages) {
    if ('template' in s) refs.push(s.template)
    else {
      refs.push(...variableTemplates(s.stage.variables))
      jobs(s.stage.jobs)
    }
  }
  jobs(m.jobs)
  steps(m.steps)
  return refs
}

function variableTemplates(vars: AzureVariables): AzureTemplateRef[] {
  return vars.entries.flatMap((v) => ('template' in v ? [v.template] : []))
}

/**
 * The repository path of a template: relative to the including file, or to the repository root with a leading `/`.
 * Templates in other repositories (`path@repo`) and paths with expressions left are not followed.
 */
function templatePath(from: string, p: string): string | undefined {
  if (p.includes('@') || p.includes('$')) return undefined
  // joinRel reads backslashes as slashes.
  const clean = p.trim()
  return /^[/\\]/.test(clean) ? joinRel('', clean.slice(1)) : joinRel(path.posix.dirname(from), clean)
}

function spanAtStart(file: string): Span {
  return span(file, 1, 1, 1, 1)
}

/**
 * A pool demand as a label: `Agent.OS -equals Windows_NT` says the agent runs Windows; a bare capability name
 * (`docker`, `ws2019`) or `name -equals value` is the name or value. Other operators say nothing.
 */
function demandLabel(demand: string): string | undefined {
  const m = /^\s*([^\s]+)\s+-equals\s+(.+?)\s*$/i.exec(demand)
  if (!m) return /^\s*[^\s]+\s*$/.test(demand) ? demand.trim() : undefined
  if (/^agent\.os$/i.test(m[1]!)) return /^windows_nt$/i.test(m[2]!) ? 'windows' : m[2]!.toLowerCase() === 'linux' ? 'linux' : undefined
  return m[2]
}
