/**
 * Azure Pipelines YAML: a pipeline or a template it includes (stages, jobs, steps, variables, extends), with pools,
 * variables, parameters and their defaults, `strategy.matrix`, and the docker commands of `script` / `bash` /
 * `powershell` / `pwsh` steps, of the script tasks, of `Docker@*` and of `DockerCompose@*` tasks. Values stay as
 * written (`$(var)`, `${{ parameters.x }}`); the linker expands them per template instance and matrix leg.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml'
import type { Located, Span } from '../core/span.js'
import type {
  AzureContainer,
  AzureJob,
  AzureJobItem,
  AzurePipelinesModel,
  AzurePool,
  AzureStage,
  AzureStageItem,
  AzureStepItem,
  AzureTemplateRef,
  AzureVariable,
  AzureVariables,
} from '../model/azure-pipelines.js'
import type { DockerBuildCommand, DockerCommand, DockerComposeCommand, Step, Word, Writable } from '../model/workflow.js'
import { extractDockerCommands, scriptCommands } from './docker-cli.js'
import { macroText } from '../core/macro-text.js'
import { joinRel } from '../core/rel-path.js'
import { scriptCall } from './script-call.js'
import { splitCommands, wordAt, type Invocation, type ShellDialect, type ShellWord } from './shell.js'
import { unknownValue } from './workflow-expressions.js'
import { parseYaml, Resolver, ScalarMap, spanOf, YamlLimitError, type YamlSource } from './yaml-located.js'

/** An Azure Pipelines step as parsed, with what the linker follows beyond {@link Step} (see workflow.ts `ParsedStep`). */
export interface AzureParsedStep extends Step {
  /**
   * The commands of its script that run another file (`make`, `./build.sh`, `call build.cmd`), by dialect: a `script`
   * step's (or `CmdLine@2`'s, or `AzureCLI@1`'s) in both readings, `posix` and `cmd`. Absent when it runs none.
   */
  readonly invocations?: Readonly<Partial<Record<ShellDialect, readonly Invocation[]>>>
  /**
   * A task that runs a script file (`Bash@3`, `PowerShell@2` with `filePath`, `AzureCLI@2` with `scriptPath`,
   * `AzurePowerShell@5` with `ScriptPath`; see {@link FileTask}).
   */
  readonly runsFile?: FileTask
}

/**
 * The script file a `Bash@3` or `PowerShell@2` task runs (`targetType: filePath`, their default): the task writes
 * `exec bash 'FILE' ARGUMENTS` (`. 'FILE' ARGUMENTS` in PowerShell) and runs it in its working directory. The Azure
 * tasks' files (`AzureCLI@2`, `AzurePowerShell@5`) run the same way, PowerShell's dot-sourced, bash's and a batch
 * file's with their arguments split by the task (see {@link AzureReader.azureCliTask}).
 */
export interface FileTask {
  readonly dialect: ShellDialect
  /** `filePath`: relative to the repository root (the task's `$(System.DefaultWorkingDirectory)`), not to its folder. */
  readonly file: Word
  /** `arguments`, as the task's shell reads them after the file. */
  readonly args: readonly Word[]
  /** The extensions the task runs a file with (lower case, `ps1`), when it refuses others; absent: any file. */
  readonly extensions?: readonly string[]
}

export interface AzureParseResult {
  readonly model?: AzurePipelinesModel
  readonly problems: { message: string; span: Span }[]
}

const TOP_KEYS = /^(stages|jobs|steps|pool|extends|trigger|pr|resources|schedules|variables|parameters)\s*:/m

/** True when the text has the top-level keys of an Azure Pipelines file and is not a GitHub workflow. */
export function looksLikeAzurePipelines(text: string, strong = true): boolean {
  if (/^["']?on["']?\s*:/m.test(text) && /^jobs\s*:/m.test(text)) return false
  if (/^(services|apiVersion)\s*:/m.test(text)) return false
  if (strong) return /^(stages|jobs|steps|extends)\s*:/m.test(text) || (/^pool\s*:/m.test(text) && TOP_KEYS.test(text))
  return TOP_KEYS.test(text)
}

/**
 * Azure Pipelines macros `$(name)` marked for the shell readers ({@link macroText}): the same length, so offsets in
 * the script stay exact, read as a macro (Azure replaces macros before the shell runs), never as a command
 * substitution nor as a shell variable of the same name.
 */
export function rewriteMacros(text: string): string {
  return text.includes('$(') ? text.replace(AZURE_MACRO, (_, name: string) => macroText(name)) : text
}

/** An Azure Pipelines macro `$(name)`, the name captured (global: for `replace` and `matchAll`). */
export const AZURE_MACRO = /\$\(([A-Za-z_][A-Za-z0-9_.]*)\)/g

/** Predefined paths that name the checked-out repository root (single `self` checkout). */
const SOURCE_ROOT = /^\$[(\uE002](?:Build\.SourcesDirectory|Build\.Repository\.LocalPath|System\.DefaultWorkingDirectory)[)\uE003](?:[/\\]+|$)/i

/** Strips a leading `$(Build.SourcesDirectory)/` from a path word: paths are then relative to the repository root. */
export function stripSourceRoot(value: string): string {
  const rest = value.replace(SOURCE_ROOT, '')
  return rest === '' && value !== '' ? '.' : rest
}

export function parseAzurePipelines(file: string, text: string): AzureParseResult {
  const parsed = parseYaml(file, text)
  if (!parsed.source) return { problems: parsed.problems }
  const src = parsed.source
  const r = new Resolver(src)
  try {
    const reader = new AzureReader(src, r)
    const root = r.deref(src.doc.contents)
    if (root !== undefined && root !== null && !isMap(root)) {
      return { problems: [{ message: 'an Azure Pipelines file must be a mapping at the top level', span: spanOf(src, root) }] }
    }
    return { model: reader.pipeline(root), problems: [] }
  } catch (e) {
    if (!(e instanceof YamlLimitError)) throw e
    return { problems: [{ message: e.message, span: spanOf(src, src.doc.contents) }] }
  }
}

class AzureReader {
  constructor(
    private readonly src: YamlSource,
    private readonly r: Resolver,
  ) {}

  pipeline(root: Node | undefined): AzurePipelinesModel {
    const r = this.r
    const ext = r.get(root, 'extends')?.value
    const extendsRef = ext ? this.templateRef(ext) : undefined
    const pool = this.pool(r.get(root, 'pool')?.value)
    // A pipeline of one job (top-level `steps:`) takes that job's `strategy:` at the top level too (the schema's
    // steps form: `strategy`, `pool`, `container`, `variables`, `steps`).
    const { matrix, matrixUnknown } = this.matrix(r.get(root, 'strategy')?.value)
    const containerKey = r.get(root, 'container')
    const container = containerKey ? this.container(containerKey.value, spanOf(this.src, containerKey.keyNode)) : undefined
    const containers = new Map<string, AzureContainer>()
    for (const item of r.items(r.get(r.get(root, 'resources')?.value, 'containers')?.value)) {
      const alias = r.get(item, 'container')
      const name = r.string(alias?.value)
      if (!alias || name === undefined) continue
      const span = spanOf(this.src, alias.value)
      const c = this.container(item, span)
      // One isolint cannot read (an ACR `registry` and `repository`, no `image`) is unknown, never an image by its name.
      containers.set(name, c && !c.byName ? c : { image: { value: name, span }, byName: false, optionsUnknown: true, span })
    }
    return {
      kind: 'azure-pipelines',
      file: this.src.file,
      parameters: this.parameters(r.get(root, 'parameters')?.value),
      variables: this.variables(r.get(root, 'variables')?.value),
      ...(pool ? { pool } : {}),
      ...(matrix ? { matrix } : {}),
      ...(matrixUnknown ? { matrixUnknown } : {}),
      ...(container ? { container } : {}),
      ...(containers.size > 0 ? { containers } : {}),
      stages: r.items(r.get(root, 'stages')?.value).flatMap((n) => this.stageItem(n)),
      jobs: r.items(r.get(root, 'jobs')?.value).flatMap((n) => this.jobItem(n)),
      steps: this.steps(r.get(root, 'steps')?.value),
      ...(extendsRef ? { extends: extendsRef } : {}),
    }
  }

  private parameters(node: Node | undefined): Map<string, string | undefined> {
    const out = new Map<string, string | undefined>()
    const n = this.r.deref(node)
    if (isSeq(n)) {
      for (const item of this.r.items(n)) {
        const name = this.r.string(this.r.get(item, 'name')?.value)
        if (name !== undefined) out.set(name, this.r.string(this.r.get(item, 'default')?.value))
      }
    } else {
      for (const e of this.r.entries(n)) out.set(e.key, this.r.string(e.value))
    }
    return out
  }

  private variables(node: Node | undefined): AzureVariables {
    const entries: AzureVariable[] = []
    const n = this.r.deref(node)
    if (isSeq(n)) {
      for (const item of this.r.items(n)) {
        const tpl = this.r.get(item, 'template')
        if (tpl) {
          const ref = this.templateRef(item)
          if (ref) entries.push({ template: ref })
          continue
        }
        // A variable group: in its place in the list, for it may define any name (the linker makes them unknown).
        const group = this.r.get(item, 'group')
        if (group) {
          entries.push({ group: this.r.string(group.value) ?? '', span: spanOf(this.src, group.value ?? group.keyNode) })
          continue
        }
        const name = this.r.string(this.r.get(item, 'name')?.value)
        const valueNode = this.r.get(item, 'value')?.value
        const value = this.r.string(valueNode)
        if (name !== undefined && value !== undefined) entries.push({ name, value, span: spanOf(this.src, valueNode) })
      }
    } else {
      for (const e of this.r.entries(n)) {
        if (e.key.startsWith('${{')) continue
        const value = this.r.string(e.value)
        if (value !== undefined) entries.push({ name: e.key, value, span: spanOf(this.src, e.value) })
      }
    }
    return { entries }
  }

  private templateRef(item: Node): AzureTemplateRef | undefined {
    const path = this.located(this.r.get(item, 'template')?.value)
    if (!path) return undefined
    const parameters = new Map<string, string>()
    const parameterSpans = new Map<string, Span>()
    for (const e of this.r.entries(this.r.get(item, 'parameters')?.value)) {
      const v = this.r.string(e.value)
      if (v === undefined) continue
      parameters.set(e.key, v)
      parameterSpans.set(e.key, spanOf(this.src, e.value))
    }
    const ref: AzureTemplateRef = { path, parameters, span: spanOf(this.src, item) }
    return parameterSpans.size > 0 ? { ...ref, parameterSpans } : ref
  }

  private pool(node: Node | undefined): AzurePool | undefined {
    const n = this.r.deref(node)
    if (n === undefined || n === null) return undefined
    if (isScalar(n)) {
      const name = this.located(n)
      return name ? { name, span: name.span } : undefined
    }
    if (!isMap(n)) return undefined
    const vmImage = this.located(this.r.get(n, 'vmImage')?.value)
    const name = this.located(this.r.get(n, 'name')?.value)
    // `demands: docker` or `demands: [Agent.OS -equals Windows_NT, ws2019]`.
    const d = this.r.deref(this.r.get(n, 'demands')?.value)
    const demands = (isScalar(d) ? [this.located(d)] : this.r.items(d).map((x) => this.located(x))).filter(
      (x): x is Located<string> => x !== undefined,
    )
    return {
      ...(vmImage ? { vmImage } : {}),
      ...(name ? { name } : {}),
      ...(demands.length > 0 ? { demands } : {}),
      span: spanOf(this.src, n),
    }
  }

  private stageItem(node: Node): AzureStageItem[] {
    const r = this.r
    if (r.get(node, 'template')) {
      const ref = this.templateRef(node)
      return ref ? [{ template: ref }] : []
    }
    const key = r.get(node, 'stage')
    if (!key) return []
    const pool = this.pool(r.get(node, 'pool')?.value)
    const stage: AzureStage = {
      id: r.string(key.value) ?? 'stage',
      span: spanOf(this.src, key.keyNode),
      ...(pool ? { pool } : {}),
      variables: this.variables(r.get(node, 'variables')?.value),
      jobs: r.items(r.get(node, 'jobs')?.value).flatMap((n) => this.jobItem(n)),
    }
    return [{ stage }]
  }

  private jobItem(node: Node): AzureJobItem[] {
    const r = this.r
    if (r.get(node, 'template')) {
      const ref = this.templateRef(node)
      return ref ? [{ template: ref }] : []
    }
    const key = r.get(node, 'job') ?? r.get(node, 'deployment')
    if (!key) return []
    return [{ job: this.job(node, r.string(key.value) ?? key.key, spanOf(this.src, key.keyNode)) }]
  }

  private job(node: Node, id: string, span: Span): AzureJob {
    const r = this.r
    const pool = this.pool(r.get(node, 'pool')?.value)
    const strategy = r.get(node, 'strategy')?.value
    const { matrix, matrixUnknown } = this.matrix(strategy)
    // Deployment jobs: strategy.runOnce|rolling|canary.<hook>.steps.
    const steps = this.steps(r.get(node, 'steps')?.value)
    for (const s of r.entries(strategy)) {
      if (s.key === 'matrix' || s.key === 'parallel' || s.key === 'maxParallel') continue
      for (const hook of r.entries(s.value)) steps.push(...this.steps(r.get(hook.value, 'steps')?.value))
    }
    const envNode = r.get(node, 'environment')?.value
    const environment = this.located(envNode) ?? this.located(r.get(envNode, 'name')?.value)
    const containerKey = r.get(node, 'container')
    const container = containerKey ? this.container(containerKey.value, spanOf(this.src, containerKey.keyNode)) : undefined
    return {
      id,
      span,
      ...(pool ? { pool } : {}),
      variables: this.variables(r.get(node, 'variables')?.value),
      ...(matrix ? { matrix } : {}),
      ...(matrixUnknown ? { matrixUnknown } : {}),
      ...(environment ? { environment } : {}),
      ...(container ? { container } : {}),
      steps,
    }
  }

  /**
   * A job's `container:` (the string form, or a mapping with `image` and `options`) or a `resources.containers` entry.
   * `options` go into the agent's `docker create` command line as written (no shell): `--isolation` and `--platform`
   * are read from them; text a shell would read otherwise (see {@link NOT_TASK_WORDS}), or any `$`, leaves them unknown.
   */
  private container(node: Node | undefined, span: Span): AzureContainer | undefined {
    const r = this.r
    const n = r.deref(node)
    if (isScalar(n)) {
      const image = this.located(n)
      return image && image.value.trim() !== '' ? { image, byName: true, span } : undefined
    }
    if (!isMap(n)) return undefined
    const image = this.located(r.get(n, 'image')?.value)
    if (!image || image.value.trim() === '') return undefined
    const container: Writable<AzureContainer> = { image, byName: false, span }
    const optionsNode = r.deref(r.get(n, 'options')?.value)
    if (optionsNode === undefined || optionsNode === null) return container
    const text = r.string(optionsNode)
    if (text === undefined || !isScalar(optionsNode) || text.includes('$') || NOT_TASK_WORDS.test(text.trim())) return { ...container, optionsUnknown: true }
    const prefix = 'docker create '
    const map = new ScalarMap(this.src, optionsNode)
    const at = (s: number, e: number): Span => map.span(Math.max(0, s - prefix.length), Math.max(0, e - prefix.length))
    const cmd = extractDockerCommands(`${prefix}${text} image`, 'posix', at)[0]
    if (cmd?.type !== 'create' || cmd.image?.value !== 'image') return { ...container, optionsUnknown: true }
    if (cmd.isolation) container.isolation = cmd.isolation
    if (cmd.platform) container.platform = cmd.platform
    return container
  }

  /** `strategy.matrix` of a job (or of a pipeline of one job): its legs, or unknown (an expression, a variable). */
  private matrix(strategy: Node | undefined): Pick<AzureJob, 'matrix' | 'matrixUnknown'> {
    const r = this.r
    const matrixNode = r.get(strategy, 'matrix')?.value
    if (matrixNode === undefined) return {}
    if (!isMap(matrixNode)) return { matrixUnknown: true }
    let matrixUnknown = false
    const matrix = r.entries(matrixNode).flatMap((leg) => {
      if (leg.key.startsWith('${{')) {
        matrixUnknown = true
        return []
      }
      const values = new Map<string, Located<string>>()
      for (const e of r.entries(leg.value)) {
        const v = this.located(e.value)
        if (v) values.set(e.key, v)
      }
      return [{ name: leg.key, values }]
    })
    return { matrix, ...(matrixUnknown ? { matrixUnknown } : {}) }
  }

  private steps(node: Node | undefined): AzureStepItem[] {
    const out: AzureStepItem[] = []
    this.r.items(node).forEach((item, index) => {
      if (this.r.get(item, 'template')) {
        const ref = this.templateRef(item)
        if (ref) out.push({ template: ref })
        return
      }
      const step = this.step(item, index)
      if (step) out.push({ step })
    })
    return out
  }

  private step(node: Node, index: number): AzureParsedStep | undefined {
    const r = this.r
    if (!isMap(node)) return undefined
    // `- ${{ if … }}:` / `- ${{ each … }}:` insert steps on conditions isolint does not evaluate.
    if (r.entries(node).every((e) => e.key.startsWith('${{'))) return undefined
    const first = node.items[0]?.key as Node | undefined
    const span = spanOf(this.src, first ?? node)
    const name = r.string(r.get(node, 'displayName')?.value) ?? r.string(r.get(node, 'name')?.value)
    const env = new Map<string, string>()
    for (const e of r.entries(r.get(node, 'env')?.value)) {
      const v = r.string(e.value)
      if (v !== undefined) env.set(e.key, v)
    }
    const condition = this.located(r.get(node, 'condition')?.value)
    const base = { index, span, ...(name !== undefined ? { name } : {}), env, ...(condition ? { condition } : {}) }
    for (const [key, shell] of [['script', undefined], ['bash', 'bash'], ['powershell', 'powershell'], ['pwsh', 'pwsh']] as const) {
      const scriptNode = r.get(node, key)?.value
      if (scriptNode === undefined) continue
      const dir = workingDirectoryOf(r.string(r.get(node, 'workingDirectory')?.value))
      return { ...base, ...dir, ...this.script(scriptNode, shell, atRoot(dir.workingDirectory)) }
    }
    const task = this.located(r.get(node, 'task')?.value)
    if (!task) return { ...base, commands: [] }
    const inputsNode = r.get(node, 'inputs')?.value
    const input = (k: string): Node | undefined => r.entries(inputsNode).find((e) => e.key.toLowerCase() === k.toLowerCase())?.value
    const [taskName, version] = task.value.split('@') as [string, string | undefined]
    const t = taskName.trim().toLowerCase()
    const withTask = { ...base, uses: task }
    if (t === 'powershell' || t === 'bash' || t === 'cmdline') return this.scriptTask({ ...withTask, ...workingDirectoryOf(r.string(input('workingDirectory'))) }, t, input)
    const major = version?.trim().split('.')[0]
    // `cwd` and its alias `workingDirectory` (Tasks/AzureCLIV2/task.json, AzureCLIV1 alike).
    if (t === 'azurecli' && (major === '1' || major === '2')) return this.azureCliTask({ ...withTask, ...workingDirectoryOf(r.string(input('cwd') ?? input('workingDirectory'))) }, major, input)
    if (t === 'azurepowershell' && major === '5') return this.azurePowerShellTask({ ...withTask, ...workingDirectoryOf(r.string(input('workingDirectory'))) }, input)
    if (t === 'docker') return { ...withTask, commands: this.dockerTask(task, input, version) }
    if (t === 'dockercompose') return { ...withTask, commands: this.composeTask(task, input, version) }
    return { ...withTask, commands: [] }
  }

  /**
   * The script tasks, in their `workingDirectory` input (a task step has no `workingDirectory` of its own): `CmdLine@2`
   * (an inline script, as `script:`), `Bash@3` and `PowerShell@2`: a file (`targetType: filePath`, their default, with
   * `filePath`; `script` is then ignored) or an inline `script`. A `targetType` isolint cannot read (a template
   * expression): neither.
   */
  private scriptTask(step: Omit<AzureParsedStep, 'commands'>, t: 'powershell' | 'bash' | 'cmdline', input: (k: string) => Node | undefined): AzureParsedStep {
    const type = t === 'cmdline' ? 'inline' : (this.r.string(input('targetType')) ?? 'filePath').trim().toLowerCase()
    if (type !== 'inline' && type !== 'filepath') return { ...step, commands: [] }
    const dialect = t === 'powershell' ? 'powershell' : 'posix'
    if (type === 'filepath' && input('filePath') !== undefined) {
      const runsFile = this.fileTask(dialect, input('filePath')!, input('arguments'))
      return { ...step, commands: [], ...(runsFile ? { runsFile } : {}) }
    }
    if (input('script') === undefined) return { ...step, commands: [] }
    const shell = t === 'powershell' ? 'powershell' : t === 'bash' ? 'bash' : undefined
    return { ...step, ...this.script(input('script'), shell, atRoot(step.workingDirectory)) }
  }

  /**
   * The Azure CLI task (microsoft/azure-pipelines-tasks), in its `cwd` (alias `workingDirectory`; empty: the
   * repository root). `AzureCLI@2` (Tasks/AzureCLIV2/task.json, src/ScriptType.ts, src/Utility.ts): `scriptType` picks
   * the shell ({@link AZURE_CLI_SCRIPT_TYPES}; required, no default); `scriptLocation` (default `scriptPath`, read
   * without case) is `inlineScript`, the script in `inlineScript`, or `scriptPath`, the file in `scriptPath` with
   * `scriptArguments` (alias `arguments`). A file runs in `cwd` too: azureclitask.ts's branch to the file's folder
   * compares the lowercased `scriptLocation` with `"scriptPath"` and never runs. `AzureCLI@1` (Tasks/AzureCLIV1) has no
   * `scriptType`: bash on Linux and macOS, a batch file on Windows, as a `script` step; its inline script only
   * (`scriptLocation` as written, `inlineScript`): its file runs in its own folder by the agent's OS, not read.
   * Values isolint cannot read: nothing.
   */
  private azureCliTask(step: Omit<AzureParsedStep, 'commands'>, major: '1' | '2', input: (k: string) => Node | undefined): AzureParsedStep {
    const location = (this.r.string(input('scriptLocation')) ?? 'scriptPath').trim()
    if (major === '1') {
      if (location !== 'inlineScript' || input('inlineScript') === undefined) return { ...step, commands: [] }
      return { ...step, ...this.script(input('inlineScript'), undefined, atRoot(step.workingDirectory)) }
    }
    const type = AZURE_CLI_SCRIPT_TYPES.get(this.r.string(input('scriptType'))?.trim() ?? '')
    if (!type) return { ...step, commands: [] }
    if (location.toLowerCase() === 'scriptpath' && input('scriptPath') !== undefined) {
      const args = input('scriptArguments') ?? input('arguments')
      const runsFile = this.fileTask(type.dialect, input('scriptPath')!, args, type.extensions, type.dialect !== 'powershell')
      return { ...step, commands: [], ...(runsFile ? { runsFile } : {}) }
    }
    if (location.toLowerCase() !== 'inlinescript' || input('inlineScript') === undefined) return { ...step, commands: [] }
    const read = this.script(input('inlineScript'), type.shell, atRoot(step.workingDirectory))
    // The task runs an inline script with `scriptArguments` too: a batch script's `%1` is then one of them, which the
    // cmd reader would keep as the text `%1` (a shell's `$1`, PowerShell's `$args`, are unknown to it already).
    const args = input('scriptArguments') ?? input('arguments')
    if (type.shell === 'cmd' && args !== undefined && /%(?:~[a-z]*)?[1-9*]/i.test(read.run?.value ?? '')) {
      return { ...step, ...(read.run ? { run: read.run, shell: 'cmd' } : {}), commands: [] }
    }
    return { ...step, ...read }
  }

  /**
   * `AzurePowerShell@5` (Tasks/AzurePowerShellV5/task.json, AzurePowerShell.ps1, azurepowershell.ts), in its
   * `workingDirectory`: `ScriptType` (default `FilePath`, read without case) `InlineScript`, the script in `Inline`, or
   * `FilePath`, the `.ps1` in `ScriptPath` dot-sourced with `ScriptArguments`; in PowerShell either way (pwsh with
   * `pwsh: true` or off Windows). Another `ScriptType`, which the task's two handlers read differently: nothing.
   */
  private azurePowerShellTask(step: Omit<AzureParsedStep, 'commands'>, input: (k: string) => Node | undefined): AzureParsedStep {
    const type = (this.r.string(input('ScriptType')) ?? 'FilePath').trim().toLowerCase()
    if (type === 'filepath' && input('ScriptPath') !== undefined) {
      const runsFile = this.fileTask('powershell', input('ScriptPath')!, input('ScriptArguments'), ['ps1'])
      return { ...step, commands: [], ...(runsFile ? { runsFile } : {}) }
    }
    if (type !== 'inlinescript' || input('Inline') === undefined) return { ...step, commands: [] }
    return { ...step, ...this.script(input('Inline'), 'powershell', atRoot(step.workingDirectory)) }
  }

  /**
   * The file a script task runs (see {@link FileTask}); undefined when the path is no path, or the arguments no words
   * of that command. `split`: the task splits the arguments itself (azure-pipelines-task-lib's `ToolRunner.line`: at
   * spaces, with double quotes, no shell) and runs the file with them, not in a command line its shell reads; text
   * the two read differently is unknown (see {@link NOT_TASK_WORDS}, a single quote, which the task keeps, and for a
   * batch file what cmd reads in the line it is run with: `%`, `^`, `!`, a double quote).
   */
  private fileTask(dialect: ShellDialect, fileNode: Node, argsNode: Node | undefined, extensions?: readonly string[], split = false): FileTask | undefined {
    const file = this.word(fileNode)
    if (!file) return undefined
    const task = { dialect, file, ...(extensions ? { extensions } : {}) }
    if (argsNode === undefined) return { ...task, args: [] }
    const n = this.r.deref(argsNode)
    const text = this.r.string(n)
    // Arguments isolint cannot read (a list, a mapping): which values the file gets is unknown.
    if (text === undefined || !isScalar(n)) return undefined
    const map = new ScalarMap(this.src, n)
    const script = rewriteMacros(text)
    if (split && (NOT_TASK_WORDS.test(script) || script.includes("'") || (dialect === 'cmd' && /[%^!"]/.test(script)))) return undefined
    // The words of the command the task writes, after the file (a command after it, on a line of its own, is not read).
    const words = splitCommands(script, split ? 'posix' : dialect)[0] ?? []
    // Arguments that start with something else (`; docker run …`, a redirection): which values the file gets is unknown.
    if (words.length > 0 && words[0]!.start !== text.length - text.trimStart().length) return undefined
    return { ...task, args: words.map((w) => wordAt(w, (s, e) => map.span(s, e))) }
  }

  /**
   * A script step: its shell is known (bash, powershell, pwsh; cmd, a batch file, which runs on Windows only), or
   * `script` (cmd on Windows, bash elsewhere). `atRoot`: it starts at the repository root (no working directory).
   */
  private script(
    node: Node | undefined,
    shell: 'bash' | 'powershell' | 'pwsh' | 'cmd' | undefined,
    atRoot: boolean,
  ): Pick<AzureParsedStep, 'run' | 'shell' | 'commands' | 'commandsByDialect' | 'invocations'> {
    const n = this.r.deref(node)
    const text = this.r.string(n)
    if (text === undefined || !isScalar(n)) return { commands: [] }
    const map = new ScalarMap(this.src, n)
    const at = (s: number, e: number): Span => map.span(s, e)
    const script = rewriteMacros(text)
    const run = { value: text, span: spanOf(this.src, n) }
    // Its docker commands and the files it runs, in one pass (docker-cli.ts `scriptCommands`).
    const read = (dialect: ShellDialect): { commands: DockerCommand[]; invocations: readonly Invocation[] } => {
      const found = scriptCommands(splitCommands(script, dialect), dialect, at, undefined, script)
      // `$(Build.SourcesDirectory)/app/Dockerfile` is `app/Dockerfile` from the root only: in a step that starts elsewhere
      // (or after a `cd`), read from its folder, it would name another file.
      const docker = found.docker.map((c) => (atRoot && c.chdir === undefined && !c.moved ? stripRoots(c) : c))
      return { commands: docker, invocations: atRoot ? found.invocations.map(scriptFromRoot) : found.invocations }
    }
    if (shell === 'cmd') {
      // A batch script runs nowhere but on Windows: the linker picks the Windows reading by the host, as `script`'s.
      const { commands, invocations } = read('cmd')
      return { run, shell, commands, commandsByDialect: { posix: [], powershell: commands }, ...(invocations.length > 0 ? { invocations: { cmd: invocations } } : {}) }
    }
    if (shell !== undefined) {
      const dialect = shell === 'bash' ? 'posix' : 'powershell'
      const { commands, invocations } = read(dialect)
      return { run, shell, commands, ...(invocations.length > 0 ? { invocations: { [dialect]: invocations } } : {}) }
    }
    // `script` runs cmd.exe on Windows agents and bash elsewhere; the linker picks by the host's OS (the
    // `powershell` entry holds the Windows reading).
    const posix = read('posix')
    const windows = read('cmd')
    const invocations = posix.invocations.length > 0 || windows.invocations.length > 0 ? { invocations: { posix: posix.invocations, cmd: windows.invocations } } : {}
    return { run, commands: posix.commands, commandsByDialect: { posix: posix.commands, powershell: windows.commands }, ...invocations }
  }

  /** `Docker@2` (`command: build | buildAndPush`, `Dockerfile`, `buildContext`, `arguments`, `tags`), and @0/@1. */
  private dockerTask(task: Located<string>, input: (k: string) => Node | undefined, version: string | undefined): DockerCommand[] {
    const command = (this.r.string(input('command')) ?? (version === '2' ? 'buildAndPush' : 'Build an image')).trim().toLowerCase()
    if (!['build', 'buildandpush', 'build an image'].includes(command)) return []
    const fileNode = input('Dockerfile') ?? input('dockerFile')
    const file = fileNode !== undefined ? this.word(fileNode) : undefined
    // The default Dockerfile is a pattern (`**/Dockerfile`): which file it picks is not known here.
    if (!file || /[*?[]/.test(file.value)) return []
    const contextNode = input('buildContext')
    let context = contextNode !== undefined ? this.word(contextNode) : undefined
    // The default build context (`**`) is the Dockerfile's folder.
    if (!context || /^\*\*?$/.test(context.value) || /[*?[]/.test(context.value)) {
      const dir = file.value.includes('/') ? file.value.slice(0, file.value.lastIndexOf('/')) : '.'
      context = { value: dir, span: file.span }
    }
    const tags: Word[] = []
    const tagsNode = this.r.deref(input('tags'))
    if (isScalar(tagsNode)) {
      const text = this.r.string(tagsNode) ?? ''
      const map = new ScalarMap(this.src, tagsNode)
      let offset = 0
      for (const line of text.split(/\n/)) {
        const trimmed = line.trim()
        if (trimmed) {
          const s = offset + line.indexOf(trimmed)
          tags.push({ value: rewriteMacros(trimmed), span: map.span(s, s + trimmed.length) })
        }
        offset += line.length + 1
      }
    }
    // `buildAndPush` ignores `arguments` ("The arguments input is not supported when the command is buildAndPush").
    const args = command === 'buildandpush' ? undefined : this.argumentsCommand(input('arguments'))
    if (args === 'unknown') return []
    const cmd: DockerBuildCommand = {
      type: 'build',
      span: task.span,
      file: { value: file.value, span: file.span },
      context,
      tags: [...tags, ...(args?.tags ?? [])],
      buildArgs: args?.buildArgs ?? [],
      ...(args?.isolation ? { isolation: args.isolation } : {}),
      ...(args?.platform ? { platform: args.platform } : {}),
      ...(args?.target ? { target: args.target } : {}),
    }
    return [cmd]
  }

  /**
   * The `arguments` input of a Docker task read as the rest of a `docker build` command line (the task puts it after
   * its own `-f DOCKERFILE`, its line breaks as spaces). The task splits it at spaces, with quotes, and runs no shell:
   * words a shell would read otherwise (a `$` that is not a macro, `;`, a backslash, …) are unknown, and so is a `-f`
   * there, which names the Dockerfile docker reads (the last one) from a folder isolint does not know.
   */
  private argumentsCommand(node: Node | undefined): DockerBuildCommand | 'unknown' | undefined {
    const n = this.r.deref(node)
    const text = this.r.string(n)
    if (text === undefined || !isScalar(n)) return node === undefined ? undefined : 'unknown'
    const prefix = 'docker build '
    const map = new ScalarMap(this.src, n)
    const at = (s: number, e: number): Span => map.span(Math.max(0, s - prefix.length), Math.max(0, e - prefix.length))
    const line = rewriteMacros(text).replace(/\n/g, ' ')
    if (NOT_TASK_WORDS.test(line)) return 'unknown'
    const cmd = extractDockerCommands(prefix + line + ' .', 'posix', at)[0]
    if (cmd?.type !== 'build' || cmd.file) return 'unknown'
    return cmd
  }

  /**
   * `DockerCompose@0/@1`: the compose file(s) and the action, as a `docker compose` command. `dockerComposeFileArgs`
   * (`KEY=value` lines) are environment variables the task sets for Compose (its interpolation). A `build` (`action:
   * Build services`, or `Run a Docker Compose command` with `dockerComposeCommand: build …`) reads the words of the
   * command and `arguments` as `docker compose build` does (`--build-arg`, the services it names), the task's global
   * flags (`--profile`, `--env-file`, …) before `build` as the task puts them. Inputs isolint cannot read as the task
   * splits them: no command (unknown).
   */
  private composeTask(task: Located<string>, input: (k: string) => Node | undefined, version: string | undefined): DockerCommand[] {
    const fileNode = input('dockerComposeFile')
    let main: Word | undefined = fileNode !== undefined ? this.word(fileNode) : undefined
    // The default is `**/docker-compose.yml`: the one at the root when there is one.
    if (!main) main = { value: 'docker-compose.yml', span: task.span }
    else if (/^\*\*\/[^*?[]+$/.test(main.value)) main = { value: main.value.slice(3), span: main.span }
    if (/[*?[]/.test(main.value)) return []
    const files: Word[] = [main]
    const extra = this.r.deref(input('additionalDockerComposeFiles'))
    if (isScalar(extra)) {
      for (const line of (this.r.string(extra) ?? '').split(/[\n,]/)) {
        const v = line.trim()
        if (v && !/[*?[]/.test(v)) files.push({ value: stripSourceRoot(rewriteMacros(v)), span: spanOf(this.src, extra) })
      }
    }
    const action = (this.r.string(input('action')) ?? 'Run a Docker Compose command').trim().toLowerCase()
    let subcommand: string | undefined
    let commandNode: Node | undefined
    if (action === 'build services') subcommand = 'build'
    else if (action === 'run services') subcommand = 'up'
    else if (action === 'run a specific service') subcommand = 'run'
    else if (action === 'push services') subcommand = 'push'
    else if (action === 'run a docker compose command') {
      commandNode = input('dockerComposeCommand')
      subcommand = this.r.string(commandNode)?.trim().split(/\s+/)[0]
    } else subcommand = 'config'
    if (subcommand === undefined) return []
    const cmd: Writable<DockerComposeCommand> = { type: 'compose', span: task.span, files, subcommand }
    const envNode = input('dockerComposeFileArgs')
    if (envNode !== undefined) {
      const assignments = this.composeEnvironment(envNode)
      if (!assignments) return []
      if (assignments.length > 0) cmd.assignments = assignments
    }
    if (subcommand !== 'build') return [cmd]
    const line = this.composeBuildLine(task, commandNode, input('arguments'), version === '0')
    if (!line) return []
    if (line.services) cmd.services = line.services
    if (line.buildArgs) cmd.buildArgs = line.buildArgs
    if (line.profiles) cmd.profiles = line.profiles
    if (line.envFiles) cmd.envFiles = line.envFiles
    return [cmd]
  }

  /**
   * The `dockerComposeFileArgs` of a `DockerCompose` task as assignments (`KEY=value`, one a line, the task trims both
   * sides): the task sets them in its environment, where Compose reads them over `.env`. A value with a `$` other than
   * a macro is text Compose does not expand again: unknown. Undefined when the input is no text, or a line no
   * assignment (the task fails).
   */
  private composeEnvironment(node: Node): Word[] | undefined {
    const n = this.r.deref(node)
    const text = this.r.string(n)
    if (text === undefined || !isScalar(n)) return undefined
    const map = new ScalarMap(this.src, n)
    const out: Word[] = []
    let offset = 0
    for (const line of text.split('\n')) {
      const start = offset
      offset += line.length + 1
      if (line.trim() === '') continue
      const eq = line.indexOf('=')
      const name = eq < 0 ? '' : line.slice(0, eq).trim()
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined
      const raw = rewriteMacros(line.slice(eq + 1).trim())
      const value = /\$(?!\uE002|\{\{)/.test(raw) ? unknownValue(`$${name}`) : raw
      const s = start + line.length - line.trimStart().length
      out.push({ value: `${name}=${value}`, span: map.span(s, start + line.trimEnd().length) })
    }
    return out
  }

  /**
   * What the `docker compose build` a `DockerCompose` task runs reads of its words: the rest of `dockerComposeCommand`
   * after `build`, then `arguments` (@1 moves its global flags, and the value after one, before `build`; @0 leaves
   * them after it, and reads line breaks as spaces), parsed as that command line. The task splits them at spaces, with
   * quotes, and passes each word as it is (no shell): text a shell would read otherwise (a `$` other than a macro, a
   * line break in @1, `\\`, `;`, …) is unknown.
   */
  private composeBuildLine(task: Located<string>, commandNode: Node | undefined, argsNode: Node | undefined, v0: boolean): DockerComposeCommand | undefined {
    const globals: Piece[] = []
    const rest: Piece[] = []
    const words = (node: Node | undefined, skipFirst: boolean): boolean => {
      if (node === undefined) return true
      const n = this.r.deref(node)
      const text = this.r.string(n)
      if (text === undefined || !isScalar(n)) return false
      const script = rewriteMacros(text)
      // @0 reads `arguments` with its line breaks as spaces; @1 splits at spaces only.
      const oneLine = v0 && node === argsNode ? script.replace(/\n/g, ' ') : script
      if (NOT_TASK_WORDS.test(oneLine.trim())) return false
      const map = new ScalarMap(this.src, n)
      const split = splitCommands(oneLine, 'posix')
      if (split.length > 1) return false
      const ws = split[0] ?? []
      for (let i = skipFirst ? 1 : 0; i < ws.length; i++) {
        const w = ws[i]!
        const piece = (x: ShellWord): Piece => ({ text: oneLine.slice(x.start, x.end), map, offset: x.start })
        const global = node === argsNode && TASK_GLOBAL_FLAGS.some((f) => w.value === f || w.value.startsWith(`${f}=`))
        // @0 puts them after `build`, which Compose refuses.
        if (global && v0) return false
        if (!global) {
          rest.push(piece(w))
          continue
        }
        globals.push(piece(w))
        const next = ws[i + 1]
        if (!w.value.includes('=') && next && !next.value.startsWith('-')) {
          globals.push(piece(next))
          i++
        }
      }
      return true
    }
    if (!words(commandNode, true) || !words(argsNode, false)) return undefined
    // One command line of the pieces, each mapped back to where it is written (the words the task adds: at the task).
    let line = ''
    const placed: { at: number; piece: Piece }[] = []
    const add = (p: Piece): void => {
      placed.push({ at: line.length, piece: p })
      line += `${p.text} `
    }
    line = 'docker compose '
    for (const p of globals) add(p)
    line += 'build '
    for (const p of rest) add(p)
    const at = (s: number, e: number): Span => {
      for (let k = placed.length - 1; k >= 0; k--) {
        const { at: from, piece } = placed[k]!
        if (s >= from && s < from + piece.text.length) return piece.map.span(piece.offset + s - from, piece.offset + Math.min(e - from, piece.text.length))
      }
      return task.span
    }
    const cmd = extractDockerCommands(line, 'posix', at)[0]
    return cmd?.type === 'compose' && cmd.subcommand === 'build' ? cmd : undefined
  }

  private word(node: Node): Word | undefined {
    const v = this.located(node)
    if (!v || v.value.trim() === '') return undefined
    return { value: stripSourceRoot(rewriteMacros(v.value.trim())), span: v.span }
  }

  private located(node: Node | undefined): Located<string> | undefined {
    const n = this.r.deref(node)
    const v = this.r.string(n)
    return v === undefined ? undefined : { value: v, span: spanOf(this.src, n) }
  }
}

/** A step's `workingDirectory` (or a task's input) as the model keeps it, relative to the root when it starts there. */
function workingDirectoryOf(raw: string | undefined): { workingDirectory?: string } {
  return raw !== undefined ? { workingDirectory: stripSourceRoot(rewriteMacros(raw)) } : {}
}

/** Whether a step's working directory (as {@link workingDirectoryOf} keeps it) is the repository root: none, or `.`. */
function atRoot(dir: string | undefined): boolean {
  return dir === undefined || joinRel('', dir) === ''
}

/**
 * A script a step that starts at the repository root runs by its path from there (`$(Build.SourcesDirectory)/build.sh`,
 * before any change of folder): that path relative to the root, the step's folder, as the step's other paths are read.
 * Elsewhere the predefined variable stays a macro isolint cannot expand: the script is unknown.
 */
function scriptFromRoot(inv: Invocation): Invocation {
  if (inv.chdir !== undefined || inv.moved) return inv
  const call = scriptCall(inv.words, (w) => w.value)
  if (call?.kind !== 'script') return inv
  const w = inv.words[call.index]!
  const value = stripSourceRoot(w.value)
  if (value === w.value) return inv
  const words = [...inv.words]
  words[call.index] = { value, span: w.span }
  return { ...inv, words }
}

/** Paths in docker commands relative to the repository root when they start with `$(Build.SourcesDirectory)/`. */
function stripRoots(cmd: DockerCommand): DockerCommand {
  const fix = (w: Word | undefined): Word | undefined => (w ? { value: stripSourceRoot(w.value), span: w.span } : undefined)
  if (cmd.type === 'build') {
    const file = fix(cmd.file)
    const context = fix(cmd.context)
    return { ...cmd, ...(file ? { file } : {}), ...(context ? { context } : {}) }
  }
  if (cmd.type === 'compose') return { ...cmd, files: cmd.files.map((f) => fix(f)!) }
  return cmd
}

/**
 * `AzureCLI@2`'s `scriptType` (Tasks/AzureCLIV2/task.json; src/ScriptType.ts): `ps` runs the script in Windows
 * PowerShell, `pscore` in pwsh, both dot-sourced; `bash` in bash; `batch` as a batch file (cmd), as the task's
 * `default:` also runs any other value, which isolint leaves unknown (its `switch` is case-sensitive: `Bash` is
 * batch). With the extensions of the file it takes for each (Utility.ts `checkIfFileExists`).
 */
const AZURE_CLI_SCRIPT_TYPES: ReadonlyMap<string, { shell: 'powershell' | 'pwsh' | 'bash' | 'cmd'; dialect: ShellDialect; extensions: readonly string[] }> = new Map([
  ['ps', { shell: 'powershell', dialect: 'powershell', extensions: ['ps1'] }],
  ['pscore', { shell: 'pwsh', dialect: 'powershell', extensions: ['ps1'] }],
  ['bash', { shell: 'bash', dialect: 'posix', extensions: ['sh'] }],
  ['batch', { shell: 'cmd', dialect: 'cmd', extensions: ['bat', 'cmd'] }],
])

/** Text of a task input placed in a command line isolint parses, and where it is written (see composeBuildLine). */
interface Piece {
  readonly text: string
  readonly map: ScalarMap
  /** Offset of `text` in the input's value. */
  readonly offset: number
}

/**
 * The flags a `DockerCompose@1` task moves from `arguments` to before the command (`docker compose --profile x build`),
 * with the value after one written without `=` (dockercomposeutils.ts `parseComposeArguments`).
 */
const TASK_GLOBAL_FLAGS = ['--profile', '--ansi', '--compatibility', '--dry-run', '--env-file', '--parallel', '--progress', '--project-directory']

/**
 * Text a task's `arguments` (split at spaces, with quotes, no shell) and a shell read differently: a `$` that is not a
 * macro (marked by {@link rewriteMacros}) nor a template expression, a line break, a backslash, a backquote, a shell
 * operator or a comment.
 */
const NOT_TASK_WORDS = /\$(?!\uE002|\{\{)|[\n\\`;|&<>()#]/
