/**
 * GitHub Actions workflow parser: jobs with their runners, environments, matrices and env, and the docker commands
 * of each step (from `run:` scripts and `docker/build-push-action` inputs), every value with its exact span.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml'
import { expandedValue } from './workflow-expressions.js'
import { buildActionFor, type BuildAction, type BuildOption, type Split } from '../kb/build-actions.js'
import { remembered } from '../core/memo.js'
import { EMPTY_LIST, sizedCopy } from '../core/sized-copy.js'
import type { Located, Span } from '../core/span.js'
import type {
  Checkout,
  DockerBuildCommand,
  DockerCommand,
  Job,
  JobContainer,
  Step,
  Trigger,
  WorkflowModel,
  Word,
  Writable,
} from '../model/workflow.js'
import { MatrixValues } from '../model/workflow.js'
import { isSpace } from './char-codes.js'
import { buildArg, scriptCommands } from './docker-cli.js'
import { BUILDER_VARIABLES, engineSelections, NO_ASSIGNMENTS, scriptAssignments, type ScriptAssignments } from './script-assignments.js'
import { guessScriptDialect, programName, scanScript, splitCommands, type Invocation, type ScannedScript, type ShellDialect, type ShellWord } from './shell.js'
import { EVERY_NAME, exportedVariables, githubEnvWrites, githubEnvWritesOf, mentionsGithubEnv, type EnvWrites } from './github-env.js'
import {
  parseYaml,
  Resolver,
  ScalarMap,
  spanOf,
  YamlLimitError,
  type MapEntry,
  type YamlProblem,
  type YamlSource,
} from './yaml-located.js'

/** GitHub runs at most 256 jobs per matrix; isolint keeps the first 256 combinations. */
export const MAX_MATRIX_COMBINATIONS = 256

/** Cross-product combinations examined before giving up (exclude can drop most of a huge product). */
const MAX_MATRIX_CANDIDATES = 100_000

/** A step as parsed, with the details the linker may need beyond {@link Step}. */
export interface ParsedStep extends Step {
  readonly id?: string
  /** `with:` inputs of a `uses:` step (scalars only), each with the span of its value. */
  readonly with: ReadonlyMap<string, Located<string>>
  /** Span of each step-level env value. */
  readonly envSpans: ReadonlyMap<string, Span>
  /**
   * The dialect `commands` were extracted with: from `shell` when it is known, else a guess from the runner labels
   * (PowerShell when any label of any combination mentions Windows, POSIX for known non-Windows labels), else from
   * the look of the script. Undefined when the shell runs no shell script (python, …) or the step has no `run:`.
   */
  readonly dialect?: ShellDialect
  /**
   * When the step's shell is not written anywhere (GitHub picks bash or pwsh from the runner OS): the commands as
   * read by both, so that the linker can pick per matrix combination.
   */
  readonly commandsByDialect?: Readonly<Record<'posix' | 'powershell', readonly DockerCommand[]>>
  /** Commands of `run:` that run another file (`make`, scripts), by dialect like {@link commandsByDialect}. */
  readonly invocations?: Readonly<Partial<Record<ShellDialect, readonly Invocation[]>>>
  /**
   * The names `run:` assigns itself (script-assignments.ts), by dialect like {@link invocations}: read here, where the
   * script is split, for the linker's every matrix combination. A dialect absent (or all): it assigns none.
   */
  readonly assignments?: Readonly<Partial<Record<ShellDialect, ScriptAssignments>>>
  /**
   * The variables the step sets for the later steps of its job by writing `GITHUB_ENV` (see github-env.ts); when the
   * step's shell is not written, as read by each shell GitHub may pick (like {@link commandsByDialect}).
   */
  readonly envWrites?: EnvWrites | Readonly<Record<'posix' | 'powershell', EnvWrites | undefined>>
}

const GITHUB_SCRIPT = /^actions\/github-script@/i

/**
 * The writes to `GITHUB_ENV` of a `run:` script in the dialect of its shell; both readings when the shell is not
 * written (GitHub picks it by the runner's OS), any name when the shell is no shell isolint reads (python, …).
 * Only for a script that names the file (`mentionsGithubEnv`). `scanned`: the script as `WorkflowReader.script`
 * scanned it in each dialect (it is not scanned again).
 */
function runWrites(text: string, shell: string | undefined, scanned: Script['scanned']): ParsedStep['envWrites'] {
  const known = shell === undefined ? undefined : dialectOfShell(shell)
  if (known === null) return EVERY_NAME
  const writes = (dialect: ShellDialect): EnvWrites | undefined => {
    const s = scanned?.[dialect]
    return s ? githubEnvWritesOf([{ text, scanned: s }], dialect) : githubEnvWrites(text, dialect)
  }
  if (known !== undefined) return writes(known)
  const posix = writes('posix')
  const powershell = writes('powershell')
  return posix || powershell ? { posix, powershell } : undefined
}

const SETUP_BUILDX = /^docker\/setup-buildx-action@/i
const BUILDX_SELECTED = BUILDER_VARIABLES

/**
 * `docker/setup-buildx-action` with a builder on another machine (`driver: remote` or `kubernetes`, or an
 * `endpoint`; a driver given by an expression), made the builder of the job's later builds (`use`, true unless written false): as if `BUILDX_BUILDER`
 * named it. Its default driver runs on the host's own engine.
 */
function remoteBuildx(action: UsesAction, inputs: ReadonlyMap<string, Located<string>>): boolean {
  if (!action.setupBuildx || /^\s*false\s*$/i.test(inputs.get('use')?.value ?? '')) return false
  return /^\s*(?:remote|kubernetes)\s*$|\$\{\{/i.test(inputs.get('driver')?.value ?? '') || (inputs.get('endpoint')?.value.trim() ?? '') !== ''
}

/** `writes` (in each reading) with `names` written too. */
function withNames(writes: ParsedStep['envWrites'], names: readonly string[]): NonNullable<ParsedStep['envWrites']> {
  const add = (w: EnvWrites | undefined): EnvWrites => (w ? { names: [...w.names, ...names], all: w.all } : { names, all: false })
  if (writes === undefined || 'names' in writes) return add(writes)
  return { posix: add(writes.posix), powershell: add(writes.powershell) }
}

/**
 * A script's commands in `dialect`, split once for every reader: scanned with its redirections when it names
 * `GITHUB_ENV` (the writes to it are read from the same scan), else only split.
 */
function readScript(text: string, dialect: ShellDialect, scanned: Partial<Record<ShellDialect, ScannedScript>> | undefined): readonly (readonly ShellWord[])[] {
  if (scanned === undefined) return splitCommands(text, dialect)
  const s = scanScript(text, dialect)
  scanned[dialect] = s
  return s.commands
}

/** A job as parsed, with the details the linker may need beyond {@link Job}. */
export interface ParsedJob extends Job {
  readonly name?: string
  /** `runs-on: { group: … }`. */
  readonly runsOnGroup?: Located<string>
  /**
   * For each entry of `matrix` (same order): the span of the YAML value each key came from (the list item of a
   * matrix vector, or the value in an `include` entry). Nested object values are flattened to `key.sub` in
   * `matrix` and get their own spans here.
   */
  readonly matrixSpans: readonly ReadonlyMap<string, Span>[]
  /** True when the matrix had more than {@link MAX_MATRIX_COMBINATIONS} combinations and was cut. */
  readonly matrixTruncated: boolean
  /** True when the matrix (or one of its vectors, include or exclude) comes from an expression isolint cannot see. */
  readonly matrixDynamic: boolean
  /**
   * The matrix keys the job's text names (`matrix.os`, `matrix.system.os`; lower case), for the note of a host's
   * combination in messages: a key it never names gives no value a message quotes. Absent when it may read any key
   * (see {@link matrixKeysRead}) or has no matrix.
   */
  readonly matrixRead?: ReadonlySet<string>
  /** Span of each env value (workflow-level values keep their workflow-level spans). */
  readonly envSpans: ReadonlyMap<string, Span>
  /** Effective `defaults.run.working-directory` (job, then workflow). */
  readonly defaultWorkingDirectory?: string
  readonly steps: readonly ParsedStep[]
  /** `with:` of a job that calls a reusable workflow (scalars only), each with the span of its value. */
  readonly with?: ReadonlyMap<string, Located<string>>
}

/** A workflow model whose jobs and steps carry the parser's extra details. */
export interface ParsedWorkflow extends WorkflowModel {
  readonly jobs: readonly ParsedJob[]
  /** `on.workflow_call.inputs`: each input and its default (absent when it has none). */
  readonly callInputs?: ReadonlyMap<string, Located<string> | undefined>
}

/** Result of {@link parseWorkflow}: a model, or problems explaining why there is none. */
export interface WorkflowParseResult {
  readonly model?: ParsedWorkflow
  readonly problems: YamlProblem[]
}

/**
 * Parses a workflow file. YAML errors, a top level that is not a mapping, a missing `jobs` mapping and YAML limits
 * (alias bombs, deep nesting) are reported as problems; this function does not throw.
 */
export function parseWorkflow(file: string, text: string): WorkflowParseResult {
  const parsed = parseYaml(file, text)
  const src = parsed.source
  if (!src) return { problems: parsed.problems }
  try {
    return new WorkflowReader(src).read()
  } catch (e) {
    return { problems: [readProblem(src, 'workflow', e)] }
  }
}

/**
 * What stopped the reader of a workflow or an action file, as a problem at the top of the file: a YAML limit met
 * while reading (an alias bomb, deep nesting) says so; any other error is a crash of the reader (`what` names the
 * kind of file it was reading).
 */
function readProblem(src: YamlSource, what: 'workflow' | 'composite action', e: unknown): YamlProblem {
  const message = e instanceof YamlLimitError ? e.message : `cannot read ${what}: ${e instanceof Error ? e.message : String(e)}`
  return { message, span: src.lines.span(src.file, 0, 0) }
}

/**
 * A local composite action (`uses: ./.github/actions/x`): its steps and its inputs with their defaults. A Docker
 * container action (`runs.using: docker`) is read too, with no steps and its `runs.image` in `docker`.
 */
export interface CompositeAction {
  readonly file: string
  readonly steps: readonly ParsedStep[]
  readonly inputs: ReadonlyMap<string, Located<string> | undefined>
  /** `runs.image` of a Docker container action (`Dockerfile`, `docker://…`): GitHub runs it only on Linux runners. */
  readonly docker?: Located<string>
}

/**
 * Reads an `action.yml`: no action when it is not a composite or Docker container action or not YAML isolint reads (broken, an alias
 * bomb, nested too deeply), as a workflow step that isolint cannot follow. A crash of the reader is a problem, as
 * `parseWorkflow` reports it, not a file that is "not a composite action". Does not throw.
 */
export function parseCompositeAction(file: string, text: string): { action?: CompositeAction; problems: YamlProblem[] } {
  const parsed = parseYaml(file, text)
  if (!parsed.source) return { problems: [] }
  try {
    const action = new WorkflowReader(parsed.source).readAction()
    return action ? { action, problems: [] } : { problems: [] }
  } catch (e) {
    // A YAML limit is YAML isolint does not read: the action is not followed, as for broken YAML.
    return { problems: e instanceof YamlLimitError ? [] : [readProblem(parsed.source, 'composite action', e)] }
  }
}

/**
 * Maps a `shell:` value as written (`bash`, `pwsh`, `bash --noprofile {0}`, `C:\\…\\bash.EXE`) to the dialect of
 * its scripts; null for programs that are not shells isolint reads (python, perl, …); undefined when the value is an
 * expression. Remembered: every step of a workflow names the same few shells.
 */
export const dialectOfShell: (shell: string) => ShellDialect | null | undefined = remembered(readShell)

function readShell(shell: string): ShellDialect | null | undefined {
  if (shell.includes('${{') || shell.trim() === '') return undefined
  const exe = /^\s*(?:"([^"]+)"|([A-Za-z]:\\.*?\.exe(?=\s|$))|(\S+))/i.exec(shell)
  const path = exe?.[1] ?? exe?.[2] ?? exe?.[3] ?? ''
  const program = programName(path)
  if (['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash'].includes(program)) return 'posix'
  if (program === 'pwsh' || program === 'powershell') return 'powershell'
  return program === 'cmd' ? 'cmd' : null
}

const WINDOWS = /windows/i
const NOT_WINDOWS = /ubuntu|linux|macos/i

const CHECKOUT_ACTION = /^actions\/checkout(?:@|$)/i

/** What a step's `uses:` value names, as far as the step's model reads it (see {@link usesAction}). */
export interface UsesAction {
  /** The build action (rules/build-actions.yaml) it names, if any. */
  readonly build: BuildAction | undefined
  readonly checkout: boolean
  readonly githubScript: boolean
  readonly setupBuildx: boolean
}

/**
 * What a `uses:` value names, read once per distinct text: a workflow names the same few actions in step after step
 * (`actions/checkout@v6` in every job), and each reading is a table lookup of a lower-cased copy and three regular
 * expressions.
 */
export const usesAction: (uses: string) => UsesAction = remembered(readUses)

function readUses(uses: string): UsesAction {
  return { build: buildActionFor(uses), checkout: CHECKOUT_ACTION.test(uses), githubScript: GITHUB_SCRIPT.test(uses), setupBuildx: SETUP_BUILDX.test(uses) }
}

/** What an `actions/checkout` step checks out: its `ref` and `repository` inputs when they are given. */
function checkoutOf(span: Span, inputs: ReadonlyMap<string, Located<string>>): Checkout {
  const checkout: Writable<Checkout> = { span }
  const ref = inputs.get('ref')
  if (ref) checkout.ref = ref
  const repository = inputs.get('repository')
  if (repository) checkout.repository = repository
  return checkout
}

interface Env {
  readonly values: ReadonlyMap<string, string>
  readonly spans: ReadonlyMap<string, Span>
}

/**
 * `items.map(f)`, but always the same kind of list (holey, in V8's terms): for the lists of a job that the linker
 * loops over (steps, matrix combinations). The built-in `map` makes a packed list and V8's optimized `map` a holey
 * one, so lists made before and after `job` is optimized differed, and the linker's loops over them were deoptimized
 * and compiled again on meeting the other kind. Sized to its items like `map`'s (a pushed list keeps room for 17, and
 * models keep it).
 */
function mapSized<T, U>(items: readonly T[], f: (item: T, i: number) => U): U[] {
  const out = new Array<U>(items.length)
  for (let i = 0; i < items.length; i++) out[i] = f(items[i]!, i)
  return out
}

/**
 * One shared empty map for the many empty `env`, `with` and matrix maps of a workflow (most steps have none): the
 * model's maps are read-only, so sharing is safe, and a workflow model holds a third fewer objects.
 */
const EMPTY_MAP: ReadonlyMap<string, never> = new Map<string, never>()
const EMPTY_ENV: Env = { values: EMPTY_MAP, spans: EMPTY_MAP }

interface Defaults {
  readonly shell?: string
  readonly workingDirectory?: string
}

interface Combination {
  readonly values: MatrixValues
  readonly spans: Map<string, Span>
}

/** What a `run:` script holds (see {@link ParsedStep}); only `commands` when its shell runs no shell script. */
interface Script {
  readonly commands: readonly DockerCommand[]
  readonly dialect?: ShellDialect
  readonly commandsByDialect?: Readonly<Record<'posix' | 'powershell', readonly DockerCommand[]>>
  readonly invocations?: Readonly<Partial<Record<ShellDialect, readonly Invocation[]>>>
  readonly assignments?: ParsedStep['assignments']
  /** The script scanned with its redirections in each dialect it was read in, when it names `GITHUB_ENV`. */
  readonly scanned?: Partial<Record<ShellDialect, ScannedScript>>
}

/** The combinations of a job without a matrix: one, empty. */
const NO_MATRIX: readonly Combination[] = [{ values: new MatrixValues(), spans: EMPTY_MAP as Map<string, never> }]
const NO_MATRIX_VALUES: readonly ReadonlyMap<string, string>[] = mapSized(NO_MATRIX, (c) => c.values)
const NO_MATRIX_SPANS: readonly ReadonlyMap<string, Span>[] = mapSized(NO_MATRIX, (c) => c.spans)

/** The flattened sub-keys of a matrix value that is not an object: none (shared, never changed). */
const NO_FLAT: MatrixValue['flat'] = []

interface MatrixResult {
  readonly combos: Combination[]
  readonly truncated: boolean
  readonly dynamic: boolean
}

/** The matrix of a job without one (most jobs); its list is never changed. */
const NO_MATRIX_RESULT: MatrixResult = { combos: [], truncated: false, dynamic: false }

/** A matrix value: its text (JSON for objects and lists), flattened sub-keys of objects, and where it is. */
interface MatrixValue {
  readonly text: string
  /** Flattened sub-keys of an object: key (`.sub`), text, where, and whether the value is no string. */
  readonly flat: readonly (readonly [string, string, Span, boolean])[]
  readonly span: Span
  /** A boolean, number or null, not a string (see {@link MatrixValues}). */
  readonly typed?: true
}

class WorkflowReader {
  private readonly r: Resolver

  constructor(private readonly src: YamlSource) {
    this.r = new Resolver(src)
  }

  read(): WorkflowParseResult {
    const { src, r } = this
    const root = r.deref(src.doc.contents)
    if (!isMap(root)) {
      return { problems: [{ message: 'a workflow must be a mapping with a `jobs` key', span: spanOf(src, root) }] }
    }
    const jobsEntry = r.get(root, 'jobs')
    if (!jobsEntry || !isMap(jobsEntry.value)) {
      const where = jobsEntry ? (jobsEntry.value ?? jobsEntry.keyNode) : root
      return { problems: [{ message: 'the workflow has no `jobs` mapping', span: spanOf(src, where) }] }
    }
    const env = this.env(this.value(root, 'env'), EMPTY_ENV)
    const defaults = this.defaults(this.value(root, 'defaults'), {})
    const jobs = r.entries(jobsEntry.value).map((e) => this.job(e, env, defaults))
    // `on:` is the YAML 1.1 boolean `true` to some parsers; the key may come back either way.
    const on = this.value(root, 'on') ?? this.value(root, 'true')
    const triggers = this.triggers(on)
    const call = isMap(on) ? this.value(on, 'workflow_call') : undefined
    const inputsNode = isMap(call) ? this.value(call, 'inputs') : undefined
    const callInputs = isMap(inputsNode)
      ? new Map(r.entries(inputsNode).map((e) => [e.key, this.located(this.value(e.value, 'default'))] as const))
      : undefined
    return { model: { kind: 'workflow', file: src.file, jobs, triggers, ...(callInputs && { callInputs }) }, problems: [] }
  }

  readAction(): CompositeAction | undefined {
    const { src, r } = this
    const root = r.deref(src.doc.contents)
    const runs = isMap(root) ? this.value(root, 'runs') : undefined
    const using = isMap(runs) ? this.r.string(this.value(runs, 'using'))?.toLowerCase() : undefined
    if (using === 'docker') {
      const image = this.located(this.value(runs, 'image'))
      const inputs = new Map(r.entries(this.value(root, 'inputs')).map((e) => [e.key, this.located(this.value(e.value, 'default'))] as const))
      return image ? { file: src.file, steps: EMPTY_LIST, inputs, docker: image } : undefined
    }
    if (using !== 'composite') return undefined
    const steps = mapSized(r.items(this.value(runs, 'steps')), (s, i) => this.step(s, i, {}, undefined))
    const inputsNode = this.value(root, 'inputs')
    const inputs = new Map(r.entries(inputsNode).map((e) => [e.key, this.located(this.value(e.value, 'default'))] as const))
    return { file: src.file, steps, inputs }
  }

  /** `on: push`, `on: [push, pull_request]`, `on: { pull_request_target: { … } }`: the event names. */
  private triggers(node: Node | undefined): Trigger[] {
    const n = this.r.deref(node)
    if (isMap(n)) return this.r.entries(n).map((e) => ({ value: e.key, span: spanOf(this.src, e.keyNode) }))
    if (isSeq(n)) return this.r.items(n).flatMap((item) => this.located(item) ?? [])
    const one = this.located(n)
    return one ? [one] : []
  }

  /** The value of `key` in a mapping; undefined when absent or not a mapping. */
  private value(node: Node | undefined, key: string): Node | undefined {
    return this.r.value(node, key)
  }

  private located(node: Node | undefined): Located<string> | undefined {
    if (node === undefined) return undefined
    const value = this.r.string(node)
    return value === undefined ? undefined : { value, span: spanOf(this.src, node) }
  }

  private env(node: Node | undefined, base: Env): Env {
    const entries = this.r.entries(node)
    if (entries.length === 0) return base
    const values = new Map(base.values)
    const spans = new Map(base.spans)
    for (const e of entries) {
      const v = this.r.string(e.value)
      if (v === undefined) continue
      values.set(e.key, v)
      spans.set(e.key, spanOf(this.src, e.value))
    }
    return { values, spans }
  }

  private defaults(node: Node | undefined, base: Defaults): Defaults {
    if (node === undefined) return base
    const run = this.value(node, 'run')
    const shell = this.r.string(this.value(run, 'shell')) ?? base.shell
    const workingDirectory = this.r.string(this.value(run, 'working-directory')) ?? base.workingDirectory
    return { ...(shell !== undefined && { shell }), ...(workingDirectory !== undefined && { workingDirectory }) }
  }

  private job(entry: MapEntry, workflowEnv: Env, workflowDefaults: Defaults): ParsedJob {
    const { r, src } = this
    // One pass over the job's keys; backwards, so that the first of duplicate keys wins (as `Resolver.get`).
    let envNode: Node | undefined
    let defaultsNode: Node | undefined
    let runsOnNode: Node | undefined
    let environmentNode: Node | undefined
    let usesNode: Node | undefined
    let ifNode: Node | undefined
    let strategyNode: Node | undefined
    let nameNode: Node | undefined
    let stepsNode: Node | undefined
    let withNode: Node | undefined
    let containerEntry: MapEntry | undefined
    let servicesNode: Node | undefined
    const entries = r.entries(entry.value)
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k]!
      switch (e.key) {
        case 'env':
          envNode = e.value
          break
        case 'defaults':
          defaultsNode = e.value
          break
        case 'runs-on':
          runsOnNode = e.value
          break
        case 'environment':
          environmentNode = e.value
          break
        case 'uses':
          usesNode = e.value
          break
        case 'if':
          ifNode = e.value
          break
        case 'strategy':
          strategyNode = e.value
          break
        case 'name':
          nameNode = e.value
          break
        case 'steps':
          stepsNode = e.value
          break
        case 'with':
          withNode = e.value
          break
        case 'container':
          containerEntry = e
          break
        case 'services':
          servicesNode = e.value
          break
      }
    }
    const env = envNode === undefined ? workflowEnv : this.env(envNode, workflowEnv)
    const defaults = this.defaults(defaultsNode, workflowDefaults)
    const runsOn = this.runsOn(runsOnNode)
    const environment = isMap(environmentNode)
      ? this.located(this.value(environmentNode, 'name'))
      : this.located(environmentNode)
    const usesWorkflow = this.located(usesNode)
    const condition = this.located(ifNode)
    const matrix =
      strategyNode === undefined
        ? NO_MATRIX_RESULT
        : isScalar(strategyNode)
          ? { combos: [], truncated: false, dynamic: true }
          : this.matrix(this.value(strategyNode, 'matrix'))
    const combos: readonly Combination[] = matrix.combos.length > 0 ? matrix.combos : NO_MATRIX
    // Worked out for the first step that runs a script in a shell not written anywhere (most steps name one).
    let guessed: ShellDialect | undefined | null = null
    const guess = (): ShellDialect | undefined => (guessed === null ? (guessed = this.guessDialect(runsOn.labels, combos)) : guessed)
    const name = this.r.string(nameNode)
    const stepNodes = r.items(stepsNode)
    // As `mapSized` makes its lists (see there), without a closure and a call per step.
    const steps = new Array<ParsedStep>(stepNodes.length)
    for (let i = 0; i < stepNodes.length; i++) steps[i] = this.step(stepNodes[i]!, i, defaults, guess)
    // Built key by key in the order of the model, optional keys absent (not undefined) when there is no value; the
    // required keys are all set below.
    const job = { id: entry.key, span: spanOf(src, entry.keyNode) } as Writable<ParsedJob>
    if (name !== undefined) job.name = name
    job.runsOn = runsOn.labels
    if (runsOn.span) job.runsOnSpan = runsOn.span
    if (runsOn.group) job.runsOnGroup = runsOn.group
    if (environment) job.environment = environment
    job.matrix = combos === NO_MATRIX ? NO_MATRIX_VALUES : mapSized(combos, (c) => c.values)
    job.matrixSpans = combos === NO_MATRIX ? NO_MATRIX_SPANS : mapSized(combos, (c) => c.spans)
    job.matrixTruncated = matrix.truncated
    job.matrixDynamic = matrix.dynamic
    const read = combos === NO_MATRIX ? undefined : matrixKeysRead(src.text, entry.value, steps)
    if (read) job.matrixRead = read
    job.env = env.values
    job.envSpans = env.spans
    if (defaults.shell !== undefined) job.defaultShell = defaults.shell
    if (defaults.workingDirectory !== undefined) job.defaultWorkingDirectory = defaults.workingDirectory
    if (usesWorkflow) job.usesWorkflow = usesWorkflow
    if (condition) job.condition = condition
    const container = containerEntry ? this.jobContainer(containerEntry) : undefined
    if (container) job.container = container
    const services = servicesNode ? this.services(servicesNode) : EMPTY_LIST
    if (services.length > 0) job.services = services
    if (usesWorkflow) job.with = this.withInputs(withNode)
    job.steps = steps
    return job
  }

  /**
   * A job's `container:` or one of its `services:` (`image: x` in the mapping form, or the string form), pointed at
   * its key; undefined when it names no image isolint can read (a whole-mapping expression, a null service).
   */
  private jobContainer(entry: MapEntry, service?: string): JobContainer | undefined {
    const node = this.r.deref(entry.value)
    const image = isMap(node) ? this.located(this.value(node, 'image')) : this.located(node)
    if (!image) return undefined
    const container = { image, span: spanOf(this.src, entry.keyNode) } as Writable<JobContainer>
    if (service !== undefined) container.service = service
    return container
  }

  /** `services:`: a mapping of network alias to a container (string or mapping with `image`). */
  private services(node: Node): readonly JobContainer[] {
    const services: JobContainer[] = []
    for (const e of this.r.entries(node)) {
      const s = this.jobContainer(e, e.key)
      if (s) services.push(s)
    }
    return services
  }

  /** Scalar inputs of a `with:` mapping; the shared empty map when there are none. */
  private withInputs(node: Node | undefined): ReadonlyMap<string, Located<string>> {
    const entries = this.r.entries(node)
    if (entries.length === 0) return EMPTY_MAP
    const inputs = new Map<string, Located<string>>()
    for (const e of entries) {
      const l = this.located(e.value)
      if (l) inputs.set(e.key, l)
    }
    return inputs.size > 0 ? inputs : EMPTY_MAP
  }

  private runsOn(node: Node | undefined): { labels: readonly Located<string>[]; span?: Span; group?: Located<string> } {
    if (!node) return { labels: EMPTY_LIST }
    const span = spanOf(this.src, node)
    if (isMap(node)) {
      const group = this.located(this.value(node, 'group'))
      const labels = this.labels(this.value(node, 'labels'))
      return group ? { labels, span, group } : { labels, span }
    }
    return { labels: this.labels(node), span }
  }

  /** Runner labels: a list of strings, or one string. */
  private labels(node: Node | undefined): readonly Located<string>[] {
    if (isSeq(this.r.deref(node))) {
      const labels: Located<string>[] = []
      for (const item of this.r.items(node)) {
        const l = this.located(item)
        if (l) labels.push(l)
      }
      // Models keep the list, and a pushed list keeps spare room: keep a copy of its size.
      return sizedCopy(labels)
    }
    const one = this.located(node)
    return one ? [one] : EMPTY_LIST
  }

  /**
   * The shell GitHub picks when a step names none: PowerShell when any runner label of any combination mentions
   * Windows, POSIX when the labels are all known and none does; undefined when the labels cannot be read.
   */
  private guessDialect(labels: readonly Located<string>[], combos: readonly Combination[]): ShellDialect | undefined {
    let unknown = false
    for (const label of labels) {
      // A label without `$` expands to itself in every combination: read once.
      if (!label.value.includes('$')) {
        if (WINDOWS.test(label.value)) return 'powershell'
        continue
      }
      for (const combo of combos) {
        const expanded = expandedValue(label.value, { matrix: combo.values, env: EMPTY_MAP })
        const text = expanded ?? label.value
        if (WINDOWS.test(text)) return 'powershell'
        if (expanded === undefined && !NOT_WINDOWS.test(text)) unknown = true
      }
    }
    return unknown ? undefined : 'posix'
  }

  // -------------------------------------------------------------------------------------------------------------
  // Matrix

  private matrix(node: Node | undefined): MatrixResult {
    const { r } = this
    if (!node) return NO_MATRIX_RESULT
    if (!isMap(node)) return { combos: [], truncated: false, dynamic: isScalar(node) }
    let dynamic = false
    const vectors: { key: string; values: MatrixValue[] }[] = []
    let include: Node[] = []
    let exclude: Node[] = []
    for (const e of r.entries(node)) {
      if (e.key === 'include' || e.key === 'exclude') {
        if (isSeq(e.value)) {
          if (e.key === 'include') include = r.items(e.value)
          else exclude = r.items(e.value)
        } else if (isScalar(e.value)) dynamic = true
        continue
      }
      const values = isSeq(e.value) ? r.items(e.value).map((v) => this.matrixValue(v)) : [this.matrixValue(e.value)]
      if (isScalar(e.value) && (this.r.string(e.value) ?? '').includes('${{')) dynamic = true
      vectors.push({ key: e.key, values })
    }
    const excludes = exclude.map((x) => this.matrixEntry(x))
    const originals: Combination[] = []
    let truncated = false
    if (vectors.length > 0 && vectors.every((v) => v.values.length > 0)) {
      const index = vectors.map(() => 0)
      let candidates = 0
      for (;;) {
        const combo: Combination = { values: new MatrixValues(), spans: new Map() }
        for (let i = 0; i < vectors.length; i++) setValue(combo, vectors[i]!.key, vectors[i]!.values[index[i]!]!)
        if (excludes.length === 0 || !excludes.some((x) => x.size > 0 && [...x].every(([k, v]) => combo.values.get(k) === v.text))) {
          originals.push(combo)
        }
        if (originals.length >= MAX_MATRIX_COMBINATIONS || ++candidates >= MAX_MATRIX_CANDIDATES) {
          truncated = !isLast(index, vectors)
          break
        }
        if (!advance(index, vectors)) break
      }
    }
    const added: Combination[] = []
    const originalKeys = include.length > 0 ? new Set(vectors.map((v) => v.key)) : undefined
    for (const node of include) {
      if (isScalar(node)) dynamic = true
      const entry = this.matrixEntry(node)
      if (entry.size === 0) continue
      const matching = originals.filter((c) =>
        [...entry].every(([k, v]) => !originalKeys!.has(k) || c.values.get(k) === v.text),
      )
      if (matching.length > 0) {
        for (const c of matching) for (const [k, v] of entry) setValue(c, k, v)
      } else {
        const combo: Combination = { values: new MatrixValues(), spans: new Map() }
        for (const [k, v] of entry) setValue(combo, k, v)
        added.push(combo)
      }
    }
    const combos = added.length === 0 ? originals : [...originals, ...added]
    if (combos.length > MAX_MATRIX_COMBINATIONS) {
      truncated = true
      combos.length = MAX_MATRIX_COMBINATIONS
    }
    return { combos, truncated, dynamic }
  }

  private matrixEntry(node: Node): Map<string, MatrixValue> {
    const entry = new Map<string, MatrixValue>()
    for (const e of this.r.entries(node)) entry.set(e.key, this.matrixValue(e.value))
    return entry
  }

  private matrixValue(node: Node | undefined): MatrixValue {
    const span = spanOf(this.src, node)
    if (isMap(node)) {
      const flat: [string, string, Span, boolean][] = []
      const walk = (n: Node | undefined, prefix: string, depth: number): void => {
        if (depth > 8) return
        for (const e of this.r.entries(n)) {
          const key = `${prefix}.${e.key}`
          const s = spanOf(this.src, e.value)
          if (isMap(e.value)) {
            flat.push([key, this.json(e.value), s, false])
            walk(e.value, key, depth + 1)
          } else {
            flat.push([key, isSeq(e.value) ? this.json(e.value) : (this.r.string(e.value) ?? ''), s, notString(this.r.deref(e.value))])
          }
        }
      }
      walk(node, '', 0)
      return { text: this.json(node), flat, span }
    }
    if (isSeq(node)) return { text: this.json(node), flat: NO_FLAT, span }
    const text = this.r.string(node) ?? ''
    return notString(this.r.deref(node)) ? { text, flat: NO_FLAT, span, typed: true } : { text, flat: NO_FLAT, span }
  }

  /** Compact JSON of a node, bounded in size (aliases count against the resolver's limits). */
  private json(node: Node | undefined): string {
    let budget = 10_000
    const walk = (n: unknown): unknown => {
      if (--budget < 0) throw new YamlLimitError('matrix value too large')
      const d = this.r.deref(n)
      if (isMap(d)) return Object.fromEntries(this.r.entries(d).map((e) => [e.key, walk(e.value)]))
      if (isSeq(d)) return this.r.items(d).map(walk)
      if (isScalar(d)) return d.value ?? null
      return null
    }
    return JSON.stringify(walk(node))
  }

  // -------------------------------------------------------------------------------------------------------------
  // Steps

  private step(node: Node, index: number, defaults: Defaults, guess: (() => ShellDialect | undefined) | undefined): ParsedStep {
    const { r, src } = this
    const first = isMap(node) ? node.items[0]?.key : undefined
    const span = spanOf(src, (first as Node | undefined) ?? node)
    // One pass over the step's keys; backwards, so that the first of duplicate keys wins (as `Resolver.get`).
    let nameNode: Node | undefined
    let idNode: Node | undefined
    let usesNode: Node | undefined
    let runNode: Node | undefined
    let shellNode: Node | undefined
    let workingDirectoryNode: Node | undefined
    let envNode: Node | undefined
    let withNode: Node | undefined
    let ifNode: Node | undefined
    const entries = r.entries(node)
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k]!
      switch (e.key) {
        case 'name':
          nameNode = e.value
          break
        case 'id':
          idNode = e.value
          break
        case 'uses':
          usesNode = e.value
          break
        case 'run':
          runNode = e.value
          break
        case 'shell':
          shellNode = e.value
          break
        case 'working-directory':
          workingDirectoryNode = e.value
          break
        case 'env':
          envNode = e.value
          break
        case 'with':
          withNode = e.value
          break
        case 'if':
          ifNode = e.value
          break
      }
    }
    const name = this.r.string(nameNode)
    const id = this.r.string(idNode)
    const uses = this.located(usesNode)
    const run = this.located(runNode)
    const shell = this.r.string(shellNode) ?? defaults.shell
    const workingDirectory = this.r.string(workingDirectoryNode) ?? defaults.workingDirectory
    // Most steps have neither (and a call costs: optimized code here inlines none, see scripts/v8-flags.mjs).
    const env = envNode === undefined ? EMPTY_ENV : this.env(envNode, EMPTY_ENV)
    const inputs = withNode === undefined ? EMPTY_MAP : this.withInputs(withNode)
    const action = uses === undefined ? undefined : usesAction(uses.value)
    let script: Script | undefined
    let commands: readonly DockerCommand[] = []
    const writesEnv = run !== undefined && mentionsGithubEnv(run.value)
    if (run && isScalar(runNode)) {
      script = this.script(run.value, runNode, shell, guess, writesEnv)
      commands = script.commands
    } else if (uses && action?.build) {
      commands = [this.buildPushAction(uses, withNode, action.build)]
    }
    // Built key by key in the order of the model, optional keys absent (not undefined) when there is no value; the
    // required keys are all set below.
    const step = { index, span } as Writable<ParsedStep>
    if (name !== undefined) step.name = name
    if (id !== undefined) step.id = id
    if (uses) step.uses = uses
    if (run) step.run = run
    if (shell !== undefined) step.shell = shell
    if (workingDirectory !== undefined) step.workingDirectory = workingDirectory
    step.env = env.values
    step.envSpans = env.spans
    step.with = inputs
    step.commands = commands
    this.stepDetails(step, script, uses, action, run, shell, inputs, writesEnv, ifNode)
    return step
  }

  /**
   * The optional details of a step that most steps lack (what its script holds, a checkout, its writes to
   * `GITHUB_ENV`, its condition), set on `step`. Apart from `step` so that it stays small: V8 compiles all of a hot
   * function, and `step` with these took about twice as long to compile (which the run waits for) as without.
   */
  private stepDetails(
    step: Writable<ParsedStep>,
    script: Script | undefined,
    uses: Located<string> | undefined,
    action: UsesAction | undefined,
    run: Located<string> | undefined,
    shell: string | undefined,
    inputs: ReadonlyMap<string, Located<string>>,
    writesEnv: boolean,
    ifNode: Node | undefined,
  ): void {
    if (script?.dialect) step.dialect = script.dialect
    if (script?.commandsByDialect) step.commandsByDialect = script.commandsByDialect
    if (uses && action?.checkout) step.checkout = checkoutOf(uses.span, inputs)
    if (script?.invocations) step.invocations = script.invocations
    if (script?.assignments) step.assignments = script.assignments
    const writes = run ? (writesEnv ? runWrites(run.value, shell, script?.scanned) : undefined) : action?.githubScript ? exportedVariables(inputs.get('script')?.value ?? '') : undefined
    // `docker context use x` (script-assignments.ts `engineSelections`): kept for the later steps, as a variable written.
    const selected = run ? engineSelections(run.value) : action && remoteBuildx(action, inputs) ? BUILDX_SELECTED : EMPTY_LIST
    if (writes || selected.length > 0) step.envWrites = selected.length > 0 ? withNames(writes, selected) : writes
    const condition = ifNode !== undefined ? this.located(ifNode) : undefined
    if (condition) step.condition = condition
  }

  /**
   * The docker commands, invocations and assignments of a `run:` script, read in the dialect of its shell; when the
   * shell is not written anywhere, read both ways (see {@link ParsedStep.commandsByDialect}). The script is split once
   * per dialect (see `readScript`: scanned, when it names `GITHUB_ENV`, for `runWrites` too).
   */
  private script(text: string, node: Scalar, shell: string | undefined, guess: (() => ShellDialect | undefined) | undefined, writesEnv: boolean): Script {
    let map: ScalarMap | undefined
    const at = (s: number, e: number): Span => (map ??= new ScalarMap(this.src, node)).span(s, e)
    // Command strings (`bash -c '…'`) are read where the scalar maps their every offset to the file exactly.
    const strings = { script: text, exact: (s: number, e: number): boolean => (map ??= new ScalarMap(this.src, node)).exact(s, e) }
    const known = shell === undefined ? undefined : dialectOfShell(shell)
    if (known === null) return { commands: [] }
    const scanned = writesEnv ? {} : undefined
    // Invocations only when there are some: a step without any follows nothing in any dialect.
    if (known !== undefined) {
      const split = readScript(text, known, scanned)
      const { docker: commands, invocations } = scriptCommands(split, known, at, strings)
      const assigned = scriptAssignments(text, known, split)
      const script: Writable<Script> = { commands, dialect: known }
      if (invocations.length > 0) script.invocations = known === 'posix' ? { posix: invocations } : known === 'powershell' ? { powershell: invocations } : { cmd: invocations }
      if (assigned !== NO_ASSIGNMENTS) script.assignments = known === 'posix' ? { posix: assigned } : known === 'powershell' ? { powershell: assigned } : { cmd: assigned }
      if (scanned) script.scanned = scanned
      return script
    }
    const posixSplit = readScript(text, 'posix', scanned)
    const powershellSplit = readScript(text, 'powershell', scanned)
    const posix = scriptCommands(posixSplit, 'posix', at, strings)
    const powershell = scriptCommands(powershellSplit, 'powershell', at, strings)
    const byDialect = { posix: posix.docker, powershell: powershell.docker }
    const dialect = guess?.() ?? guessScriptDialect(text) ?? 'posix'
    const commands = dialect === 'powershell' ? byDialect.powershell : byDialect.posix
    const script: Writable<Script> = { commands, dialect, commandsByDialect: byDialect }
    if (posix.invocations.length > 0 || powershell.invocations.length > 0) script.invocations = { posix: posix.invocations, powershell: powershell.invocations }
    const assigned = { posix: scriptAssignments(text, 'posix', posixSplit), powershell: scriptAssignments(text, 'powershell', powershellSplit) }
    if (assigned.posix !== NO_ASSIGNMENTS || assigned.powershell !== NO_ASSIGNMENTS) script.assignments = assigned
    if (scanned) script.scanned = scanned
    return script
  }

  /** A build action step (rules/build-actions.yaml) as a build command; the words are the input values. */
  private buildPushAction(uses: Located<string>, withNode: Node | undefined, action: BuildAction): DockerBuildCommand {
    const input = (option: BuildOption): Node | undefined => {
      const key = action.inputs[option]
      return key === undefined ? undefined : this.value(withNode, key)
    }
    const one = (option: BuildOption): Word | undefined => this.inputWords(input(option), 'none')[0]
    const file = one('file')
    const context = one('context')
    const platform = one('platform')
    const target = one('target')
    const tags = this.inputWords(input('tags'), action.split.tags ?? 'newline-or-comma')
    const buildArgs = this.inputWords(input('buildArgs'), action.split.buildArgs ?? 'newline').map(buildArg)
    const command = { type: 'build', span: uses.span } as Writable<DockerBuildCommand>
    if (file) command.file = file
    if (context) command.context = context
    command.tags = tags
    command.buildArgs = buildArgs
    if (platform) command.platform = platform
    if (target) command.target = target
    return command
  }

  /**
   * Splits an action input into words at `split` separators (outside `${{ … }}`), trimming each piece; every word
   * gets the span of its own text. A list node gives one word per item.
   */
  private inputWords(node: Node | undefined, split: Split | 'none', words: Word[] = []): Word[] {
    const n = this.r.deref(node)
    if (isSeq(n)) {
      for (const item of this.r.items(n)) this.inputWords(item, split, words)
      return words
    }
    if (!isScalar(n)) return words
    const text = this.r.string(n)
    if (text === undefined) return words
    // Unsplit (a file, a context): the whole value, with no scan for separators.
    if (split === 'none') {
      this.addWord(words, text, 0, text.length, n, undefined)
      return words
    }
    let map: ScalarMap | undefined
    const comma = split === 'comma' || split === 'newline-or-comma'
    const newline = split === 'newline' || split === 'newline-or-comma'
    let start = 0
    let i = 0
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === DOLLAR && text.startsWith('${{', i)) {
        const close = text.indexOf('}}', i + 3)
        i = close < 0 ? text.length : close + 2
        continue
      }
      if ((comma && c === COMMA) || (newline && c === NEWLINE)) {
        map = this.addWord(words, text, start, i, n, map)
        start = i + 1
      }
      i++
    }
    this.addWord(words, text, start, text.length, n, map)
    return words
  }

  /**
   * Appends `text[from, to)` of the scalar `node`, trimmed, as a word (none when it is blank); returns the scalar's
   * map (`map`, or made for the first word: most values have none to map).
   */
  private addWord(words: Word[], text: string, from: number, to: number, node: Scalar, map: ScalarMap | undefined): ScalarMap | undefined {
    while (from < to && isSpace(text.charCodeAt(from))) from++
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--
    if (to <= from) return map
    map ??= new ScalarMap(this.src, node)
    words.push({ value: text.slice(from, to), span: map.span(from, to) })
    return map
  }
}

const DOLLAR = 0x24
const COMMA = 0x2c
const NEWLINE = 0x0a

/**
 * The matrix keys the text of a job names (`${{ matrix.os }}`, `if: matrix.system.os == 'x'`), lower case
 * (expressions ignore case); undefined when it may read others: the whole `matrix` as a value (`toJSON(matrix)`,
 * `matrix['os']`), a local composite action (its steps see the job's matrix), or a YAML alias (its text is elsewhere).
 * `matrix` as a word of prose (a comment, a step's name) names none.
 */
function matrixKeysRead(text: string, node: Node | undefined, steps: readonly ParsedStep[]): ReadonlySet<string> | undefined {
  const range = node?.range
  if (!range) return undefined
  for (let i = 0; i < steps.length; i++) if (steps[i]!.uses?.value.trim().startsWith('./')) return undefined
  const job = text.slice(range[0], range[1])
  // `*name` (a glob like `*.txt` in a script too: then every key, as before).
  if (ALIAS.test(job)) return undefined
  const read = new Set<string>()
  for (const m of job.matchAll(MATRIX_NAMED)) {
    if (m[1] !== undefined) read.add(m[1].toLowerCase())
    else if (m[2] !== undefined) return undefined
  }
  return read
}

/**
 * `matrix` in a job's text (not `needs.matrix`, not the `matrix:` key of `strategy`): with the key path it names
 * (group 1), or as a value of an expression (group 2: `toJSON(matrix)`, `matrix[`, `matrix }}`, `matrix ==`).
 */
const MATRIX_NAMED = /(?<![\w.-])matrix(?:\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)|(\s*[[\](),}=!<>&|]))/gi
/** What may be a YAML alias (`*name` after a space, `[`, `{`, `,` or `:`). */
const ALIAS = /(?:^|[\s[{,:])\*[^\s,[\]{}]/

/** Sets a matrix value (and its flattened sub-keys) in a combination, replacing an earlier value of that key. */
function setValue(combo: Combination, key: string, value: MatrixValue): void {
  if (combo.values.size > 0) {
    const prefix = `${key}.`
    // Deleting the entry being visited is safe in a Map's iteration.
    for (const k of combo.values.keys()) {
      if (k.startsWith(prefix)) {
        combo.values.delete(k)
        combo.spans.delete(k)
      }
    }
  }
  const values = combo.values
  values.set(key, value.text)
  combo.spans.set(key, value.span)
  typedAs(values, key, value.typed === true)
  for (const [sub, text, span, typed] of value.flat) {
    values.set(key + sub, text)
    combo.spans.set(key + sub, span)
    typedAs(values, key + sub, typed)
  }
}

/** Notes whether the value of `key` is a string or not (a later `include` may set another). */
function typedAs(values: MatrixValues, key: string, typed: boolean): void {
  if (typed) (values.typed ??= new Set()).add(key.toLowerCase())
  else values.typed?.delete(key.toLowerCase())
}

/** A YAML scalar whose value is a boolean, a number or null. */
function notString(node: unknown): boolean {
  return isScalar(node) && typeof node.value !== 'string'
}

/** Odometer step over the vectors (the last key varies fastest, as GitHub orders combinations). */
function advance(index: number[], vectors: readonly { values: readonly unknown[] }[]): boolean {
  for (let i = index.length - 1; i >= 0; i--) {
    if (++index[i]! < vectors[i]!.values.length) return true
    index[i] = 0
  }
  return false
}

function isLast(index: readonly number[], vectors: readonly { values: readonly unknown[] }[]): boolean {
  return index.every((v, i) => v === vectors[i]!.values.length - 1)
}
