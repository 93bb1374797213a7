/**
 * GitHub Actions workflow parser: jobs with their runners, environments, matrices and env, and the docker commands
 * of each step (from `run:` scripts and `docker/build-push-action` inputs), every value with its exact span.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml'
import { expandValue } from './workflow-expressions.js'
import { buildActionFor, type BuildAction, type BuildOption, type Split } from '../kb/build-actions.js'
import type { Located, Span } from '../core/span.js'
import type {
  Checkout,
  DockerBuildCommand,
  DockerCommand,
  Job,
  Step,
  Trigger,
  WorkflowModel,
  Word,
} from '../model/workflow.js'
import { buildArg, dockerCommandsIn } from './docker-cli.js'
import { extractInvocations, guessScriptDialect, splitCommands, type ShellDialect } from './shell.js'
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
  readonly invocations?: Readonly<Partial<Record<ShellDialect, readonly (readonly Word[])[]>>>
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
    const message =
      e instanceof YamlLimitError ? e.message : `cannot read workflow: ${e instanceof Error ? e.message : String(e)}`
    return { problems: [{ message, span: src.lines.span(file, 0, 0) }] }
  }
}

/** A local composite action (`uses: ./.github/actions/x`): its steps and its inputs with their defaults. */
export interface CompositeAction {
  readonly file: string
  readonly steps: readonly ParsedStep[]
  readonly inputs: ReadonlyMap<string, Located<string> | undefined>
}

/** Reads an `action.yml`; undefined when it is not a composite action or cannot be read. */
export function parseCompositeAction(file: string, text: string): CompositeAction | undefined {
  const parsed = parseYaml(file, text)
  if (!parsed.source) return undefined
  try {
    return new WorkflowReader(parsed.source).readAction()
  } catch {
    return undefined
  }
}

/**
 * Maps a `shell:` value as written (`bash`, `pwsh`, `bash --noprofile {0}`, `C:\\…\\bash.EXE`) to the dialect of
 * its scripts; null for programs that are not shells isolint reads (python, perl, …); undefined when the value is an
 * expression.
 */
export function dialectOfShell(shell: string): ShellDialect | null | undefined {
  if (shell.includes('${{') || shell.trim() === '') return undefined
  const exe = /^\s*(?:"([^"]+)"|([A-Za-z]:\\.*?\.exe(?=\s|$))|(\S+))/i.exec(shell)
  const path = exe?.[1] ?? exe?.[2] ?? exe?.[3] ?? ''
  const program = (path.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.exe$/, '')
  if (['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash'].includes(program)) return 'posix'
  if (program === 'pwsh' || program === 'powershell') return 'powershell'
  return program === 'cmd' ? 'cmd' : null
}

const CHECKOUT_ACTION = /^actions\/checkout(?:@|$)/i

interface Env {
  readonly values: ReadonlyMap<string, string>
  readonly spans: ReadonlyMap<string, Span>
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
  readonly values: Map<string, string>
  readonly spans: Map<string, Span>
}

interface MatrixResult {
  readonly combos: Combination[]
  readonly truncated: boolean
  readonly dynamic: boolean
}

/** A matrix value: its text (JSON for objects and lists), flattened sub-keys of objects, and where it is. */
interface MatrixValue {
  readonly text: string
  readonly flat: readonly (readonly [string, string, Span])[]
  readonly span: Span
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
    const env = this.env(r.get(root, 'env')?.value, EMPTY_ENV)
    const defaults = this.defaults(r.get(root, 'defaults')?.value, {})
    const jobs = r.entries(jobsEntry.value).map((e) => this.job(e, env, defaults))
    // `on:` is the YAML 1.1 boolean `true` to some parsers; the key may come back either way.
    const on = r.get(root, 'on')?.value ?? r.get(root, 'true')?.value
    const triggers = this.triggers(on)
    const call = isMap(on) ? r.get(on, 'workflow_call')?.value : undefined
    const inputsNode = isMap(call) ? r.get(call, 'inputs')?.value : undefined
    const callInputs = isMap(inputsNode)
      ? new Map(r.entries(inputsNode).map((e) => [e.key, this.located(r.get(e.value, 'default')?.value)] as const))
      : undefined
    return { model: { kind: 'workflow', file: src.file, jobs, triggers, ...(callInputs && { callInputs }) }, problems: [] }
  }

  readAction(): CompositeAction | undefined {
    const { src, r } = this
    const root = r.deref(src.doc.contents)
    const runs = isMap(root) ? r.get(root, 'runs')?.value : undefined
    if (!isMap(runs) || this.string(r.get(runs, 'using')?.value)?.toLowerCase() !== 'composite') return undefined
    const steps = r.items(r.get(runs, 'steps')?.value).map((s, i) => this.step(s, i, {}, undefined))
    const inputsNode = r.get(root, 'inputs')?.value
    const inputs = new Map(r.entries(inputsNode).map((e) => [e.key, this.located(r.get(e.value, 'default')?.value)] as const))
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

  private string(node: unknown): string | undefined {
    return this.r.string(node)
  }

  private located(node: Node | undefined): Located<string> | undefined {
    const value = this.string(node)
    return value === undefined ? undefined : { value, span: spanOf(this.src, node) }
  }

  private env(node: Node | undefined, base: Env): Env {
    const entries = this.r.entries(node)
    if (entries.length === 0) return base
    const values = new Map(base.values)
    const spans = new Map(base.spans)
    for (const e of entries) {
      const v = this.string(e.value)
      if (v === undefined) continue
      values.set(e.key, v)
      spans.set(e.key, spanOf(this.src, e.value))
    }
    return { values, spans }
  }

  private defaults(node: Node | undefined, base: Defaults): Defaults {
    const run = this.r.get(node, 'run')?.value
    const shell = this.string(this.r.get(run, 'shell')?.value) ?? base.shell
    const workingDirectory = this.string(this.r.get(run, 'working-directory')?.value) ?? base.workingDirectory
    return { ...(shell !== undefined && { shell }), ...(workingDirectory !== undefined && { workingDirectory }) }
  }

  private job(entry: MapEntry, workflowEnv: Env, workflowDefaults: Defaults): ParsedJob {
    const { r, src } = this
    const node = entry.value
    const env = this.env(r.get(node, 'env')?.value, workflowEnv)
    const defaults = this.defaults(r.get(node, 'defaults')?.value, workflowDefaults)
    const runsOn = this.runsOn(r.get(node, 'runs-on')?.value)
    const envNode = r.get(node, 'environment')?.value
    const environment = isMap(envNode) ? this.located(r.get(envNode, 'name')?.value) : this.located(envNode)
    const usesWorkflow = this.located(r.get(node, 'uses')?.value)
    const condition = this.located(r.get(node, 'if')?.value)
    const strategy = r.get(node, 'strategy')?.value
    const matrix = isScalar(strategy)
      ? { combos: [], truncated: false, dynamic: true }
      : this.matrix(r.get(strategy, 'matrix')?.value)
    const combos = matrix.combos.length > 0 ? matrix.combos : [{ values: new Map(), spans: new Map() }]
    const guess = this.guessDialect(runsOn.labels, combos)
    const name = this.string(r.get(node, 'name')?.value)
    const steps = r.items(r.get(node, 'steps')?.value).map((s, i) => this.step(s, i, defaults, guess))
    return {
      id: entry.key,
      span: spanOf(src, entry.keyNode),
      ...(name !== undefined && { name }),
      runsOn: runsOn.labels,
      ...(runsOn.span && { runsOnSpan: runsOn.span }),
      ...(runsOn.group && { runsOnGroup: runsOn.group }),
      ...(environment && { environment }),
      matrix: combos.map((c) => c.values),
      matrixSpans: combos.map((c) => c.spans),
      matrixTruncated: matrix.truncated,
      matrixDynamic: matrix.dynamic,
      env: env.values,
      envSpans: env.spans,
      ...(defaults.shell !== undefined && { defaultShell: defaults.shell }),
      ...(defaults.workingDirectory !== undefined && { defaultWorkingDirectory: defaults.workingDirectory }),
      ...(usesWorkflow && { usesWorkflow }),
      ...(condition && { condition }),
      ...(usesWorkflow && { with: this.withInputs(r.get(node, 'with')?.value) }),
      steps,
    }
  }

  private withInputs(node: Node | undefined): Map<string, Located<string>> {
    const inputs = new Map<string, Located<string>>()
    for (const e of this.r.entries(node)) {
      const l = this.located(e.value)
      if (l) inputs.set(e.key, l)
    }
    return inputs
  }

  private runsOn(node: Node | undefined): { labels: Located<string>[]; span?: Span; group?: Located<string> } {
    if (!node) return { labels: [] }
    const span = spanOf(this.src, node)
    const labelsOf = (n: Node | undefined): Located<string>[] => {
      if (isSeq(this.r.deref(n))) {
        return this.r.items(n).flatMap((item) => {
          const l = this.located(item)
          return l ? [l] : []
        })
      }
      const one = this.located(n)
      return one ? [one] : []
    }
    if (isMap(node)) {
      const group = this.located(this.r.get(node, 'group')?.value)
      return { labels: labelsOf(this.r.get(node, 'labels')?.value), span, ...(group && { group }) }
    }
    return { labels: labelsOf(node), span }
  }

  /**
   * The shell GitHub picks when a step names none: PowerShell when any runner label of any combination mentions
   * Windows, POSIX when the labels are all known and none does; undefined when the labels cannot be read.
   */
  private guessDialect(labels: readonly Located<string>[], combos: readonly Combination[]): ShellDialect | undefined {
    let unknown = false
    for (const combo of combos) {
      for (const label of labels) {
        const expanded = expandValue(label.value, { matrix: combo.values, env: new Map() })
        const text = expanded.value ?? label.value
        if (/windows/i.test(text)) return 'powershell'
        if (expanded.value === undefined && !/ubuntu|linux|macos/i.test(text)) unknown = true
      }
    }
    return unknown ? undefined : 'posix'
  }

  // -------------------------------------------------------------------------------------------------------------
  // Matrix

  private matrix(node: Node | undefined): MatrixResult {
    const { r } = this
    if (!node) return { combos: [], truncated: false, dynamic: false }
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
      if (isScalar(e.value) && (this.string(e.value) ?? '').includes('${{')) dynamic = true
      vectors.push({ key: e.key, values })
    }
    const originalKeys = new Set(vectors.map((v) => v.key))
    const excludes = exclude.map((x) => this.matrixEntry(x))
    const originals: Combination[] = []
    let truncated = false
    if (vectors.length > 0 && vectors.every((v) => v.values.length > 0)) {
      const index = vectors.map(() => 0)
      let candidates = 0
      for (;;) {
        const combo: Combination = { values: new Map(), spans: new Map() }
        vectors.forEach((v, i) => setValue(combo, v.key, v.values[index[i]!]!))
        if (!excludes.some((x) => x.size > 0 && [...x].every(([k, v]) => combo.values.get(k) === v.text))) {
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
    for (const node of include) {
      if (isScalar(node)) dynamic = true
      const entry = this.matrixEntry(node)
      if (entry.size === 0) continue
      const matching = originals.filter((c) =>
        [...entry].every(([k, v]) => !originalKeys.has(k) || c.values.get(k) === v.text),
      )
      if (matching.length > 0) {
        for (const c of matching) for (const [k, v] of entry) setValue(c, k, v)
      } else {
        const combo: Combination = { values: new Map(), spans: new Map() }
        for (const [k, v] of entry) setValue(combo, k, v)
        added.push(combo)
      }
    }
    const combos = [...originals, ...added]
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
    const flat: [string, string, Span][] = []
    const walk = (n: Node | undefined, prefix: string, depth: number): void => {
      if (depth > 8) return
      for (const e of this.r.entries(n)) {
        const key = `${prefix}.${e.key}`
        const s = spanOf(this.src, e.value)
        if (isMap(e.value)) {
          flat.push([key, this.json(e.value), s])
          walk(e.value, key, depth + 1)
        } else {
          flat.push([key, isSeq(e.value) ? this.json(e.value) : (this.string(e.value) ?? ''), s])
        }
      }
    }
    if (isMap(node)) {
      walk(node, '', 0)
      return { text: this.json(node), flat, span }
    }
    if (isSeq(node)) return { text: this.json(node), flat, span }
    return { text: this.string(node) ?? '', flat, span }
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

  private step(node: Node, index: number, defaults: Defaults, guess: ShellDialect | undefined): ParsedStep {
    const { r, src } = this
    const first = isMap(node) ? node.items[0]?.key : undefined
    const span = spanOf(src, (first as Node | undefined) ?? node)
    const name = this.string(r.get(node, 'name')?.value)
    const id = this.string(r.get(node, 'id')?.value)
    const uses = this.located(r.get(node, 'uses')?.value)
    const runNode = r.get(node, 'run')?.value
    const run = this.located(runNode)
    const ownShell = this.string(r.get(node, 'shell')?.value)
    const shell = ownShell ?? defaults.shell
    const workingDirectory = this.string(r.get(node, 'working-directory')?.value) ?? defaults.workingDirectory
    const env = this.env(r.get(node, 'env')?.value, EMPTY_ENV)
    const withNode = r.get(node, 'with')?.value
    const inputs = this.withInputs(withNode)
    let commands: readonly DockerCommand[] = []
    let dialect: ShellDialect | undefined
    let commandsByDialect: Record<'posix' | 'powershell', readonly DockerCommand[]> | undefined
    let invocations: Partial<Record<ShellDialect, Word[][]>> | undefined
    if (run && isScalar(runNode)) {
      const map = new ScalarMap(src, runNode)
      const at = (s: number, e: number): Span => map.span(s, e)
      const known = shell === undefined ? undefined : dialectOfShell(shell)
      // The script split once per dialect, read for docker commands and for invocations alike.
      const read = (d: ShellDialect): { commands: DockerCommand[]; invocations: Word[][] } => {
        const split = splitCommands(run.value, d)
        return { commands: dockerCommandsIn(split, d, at), invocations: extractInvocations(split, d, at) }
      }
      if (known === undefined) {
        const posix = read('posix')
        const powershell = read('powershell')
        commandsByDialect = { posix: posix.commands, powershell: powershell.commands }
        dialect = guess ?? guessScriptDialect(run.value) ?? 'posix'
        commands = dialect === 'powershell' ? powershell.commands : posix.commands
        invocations = { posix: posix.invocations, powershell: powershell.invocations }
      } else if (known !== null) {
        dialect = known
        const own = read(known)
        commands = own.commands
        invocations = { [known]: own.invocations }
      }
    } else {
      const action = uses && buildActionFor(uses.value)
      if (action) commands = [this.buildPushAction(uses, withNode, action)]
    }
    const checkout: Checkout | undefined =
      uses && CHECKOUT_ACTION.test(uses.value)
        ? {
            span: uses.span,
            ...(inputs.get('ref') && { ref: inputs.get('ref') }),
            ...(inputs.get('repository') && { repository: inputs.get('repository') }),
          }
        : undefined
    return {
      index,
      span,
      ...(name !== undefined && { name }),
      ...(id !== undefined && { id }),
      ...(uses && { uses }),
      ...(run && { run }),
      ...(shell !== undefined && { shell }),
      ...(workingDirectory !== undefined && { workingDirectory }),
      env: env.values,
      envSpans: env.spans,
      with: inputs.size > 0 ? inputs : EMPTY_MAP,
      commands,
      ...(dialect && { dialect }),
      ...(commandsByDialect && { commandsByDialect }),
      ...(checkout && { checkout }),
      ...(invocations && { invocations }),
    }
  }

  /** A build action step (rules/build-actions.yaml) as a build command; the words are the input values. */
  private buildPushAction(uses: Located<string>, withNode: Node | undefined, action: BuildAction): DockerBuildCommand {
    const input = (option: BuildOption): Node | undefined => {
      const key = action.inputs[option]
      return key === undefined ? undefined : this.r.get(withNode, key)?.value
    }
    const separator = (split: Split | undefined): RegExp => (split === 'comma' ? /,/ : split === 'newline' ? /\n/ : /[\n,]/)
    const one = (option: BuildOption): Word | undefined => this.inputWords(input(option), /(?!)/)[0]
    const file = one('file')
    const context = one('context')
    const platform = one('platform')
    const target = one('target')
    const tags = this.inputWords(input('tags'), separator(action.split.tags))
    const buildArgs = this.inputWords(input('buildArgs'), separator(action.split.buildArgs ?? 'newline')).map(buildArg)
    return {
      type: 'build',
      span: uses.span,
      ...(file && { file }),
      ...(context && { context }),
      tags,
      buildArgs,
      ...(platform && { platform }),
      ...(target && { target }),
    }
  }

  /**
   * Splits an action input into words at `separator` (outside `${{ … }}`), trimming each piece; every word gets
   * the span of its own text. A list node gives one word per item.
   */
  private inputWords(node: Node | undefined, separator: RegExp): Word[] {
    const n = this.r.deref(node)
    if (isSeq(n)) return this.r.items(n).flatMap((item) => this.inputWords(item, separator))
    if (!isScalar(n)) return []
    const text = this.string(n)
    if (text === undefined) return []
    const map = new ScalarMap(this.src, n)
    const words: Word[] = []
    const emit = (from: number, to: number): void => {
      while (from < to && /\s/.test(text[from]!)) from++
      while (to > from && /\s/.test(text[to - 1]!)) to--
      if (to > from) words.push({ value: text.slice(from, to), span: map.span(from, to) })
    }
    let start = 0
    let i = 0
    while (i < text.length) {
      if (text.startsWith('${{', i)) {
        const close = text.indexOf('}}', i + 3)
        i = close < 0 ? text.length : close + 2
        continue
      }
      if (separator.test(text[i]!)) {
        emit(start, i)
        start = i + 1
      }
      i++
    }
    emit(start, text.length)
    return words
  }
}

/** Sets a matrix value (and its flattened sub-keys) in a combination, replacing an earlier value of that key. */
function setValue(combo: Combination, key: string, value: MatrixValue): void {
  for (const k of [...combo.values.keys()]) {
    if (k.startsWith(`${key}.`)) {
      combo.values.delete(k)
      combo.spans.delete(k)
    }
  }
  combo.values.set(key, value.text)
  combo.spans.set(key, value.span)
  for (const [sub, text, span] of value.flat) {
    combo.values.set(key + sub, text)
    combo.spans.set(key + sub, span)
  }
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
