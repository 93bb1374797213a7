/**
 * Reusable workflows (`on: workflow_call`) and the calls of the repository's workflows: which workflows run only
 * through those calls, and where a value a call passes is written (the caller's `with:`), for the findings it drives.
 */
import type { RelatedLocation } from '../core/finding.js'
import type { Located, Span } from '../core/span.js'
import type { Job, Step, WorkflowModel } from '../model/workflow.js'
import type { CompositeAction } from '../parsers/workflow.js'
import { assignsItself } from '../parsers/workflow-expressions.js'
import { MATRIX_REF } from './follow.js'

/** Whether a workflow runs only when another calls it: `workflow_call` is its only trigger (in any `on:` form). */
export function calledOnly(wf: WorkflowModel): boolean {
  const triggers = wf.triggers ?? []
  return triggers.length > 0 && triggers.every((t) => t.value.trim() === 'workflow_call')
}

/** The local files a workflow's jobs and steps call, as the linker finds them. */
export interface CallGraph {
  /** The reusable workflow a job calls with a local path (`./.github/workflows/x.yml`), if it can be read. */
  readonly workflow: (job: Job) => WorkflowModel | undefined
  /** The composite action a step runs with a local path (`./.github/actions/x`), if it can be read. */
  readonly action: (step: Step) => CompositeAction | undefined
}

/** The workflows each workflow calls (file → files), as its readings made the calls. */
export type Calls = Map<string, Set<string>>

/** Adds `to` to the files `from` reaches (a reading of `from` calls `to`; the linker's links, file to files). */
export function addEdge(edges: Map<string, Set<string>>, from: string, to: string): void {
  let tos = edges.get(from)
  if (!tos) edges.set(from, (tos = new Set()))
  tos.add(to)
}

/**
 * The workflows of `workflows` that run only through the calls of the others: each runs only when called
 * ({@link calledOnly}) and is reached from a workflow read on its own (one with other triggers, or one no workflow
 * here calls: called from other repositories) within `maxDepth` calls, so shallow that the calls and composite
 * actions it holds itself are all followed there (`maxDepth` counts them together): its reading through the calls
 * holds all its standalone reading would, with the values its callers pass. Any other called-only workflow (calls
 * that only go round in a circle, or too deep) is left out: it is read on its own, as it always was. `calls` are
 * the calls the readings made (see {@link addEdge}).
 */
export function runThroughCalls(workflows: readonly WorkflowModel[], calls: Calls, graph: CallGraph, maxDepth: number): ReadonlySet<string> {
  const out = new Set<string>()
  const byFile = new Map<string, WorkflowModel>()
  for (const wf of workflows) byFile.set(wf.file, wf)
  // Calls between the workflows here; a workflow calling itself is no caller of its own.
  const called = new Set<string>()
  for (const [from, tos] of calls) {
    if (!byFile.has(from)) continue
    for (const to of tos) if (to !== from && byFile.has(to)) called.add(to)
  }
  if (called.size === 0) return out
  const nesting = new Nesting(graph, maxDepth)
  // Breadth first from the workflows read on their own: each workflow at the fewest calls it is reached with.
  let level = workflows.filter((wf) => !(calledOnly(wf) && called.has(wf.file))).map((wf) => wf.file)
  const seen = new Set(level)
  for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = []
    for (const from of level) {
      for (const to of calls.get(from) ?? []) {
        const wf = byFile.get(to)
        if (!wf || seen.has(to)) continue
        seen.add(to)
        next.push(to)
        if (calledOnly(wf) && depth + nesting.workflow(wf) <= maxDepth) out.add(to)
      }
    }
    level = next
  }
  return out
}

/**
 * How many levels of calls (reusable workflows and composite actions, counted together) lie below a workflow or an
 * action: what its reading follows when read on its own; `maxDepth + 1` for a circle, or deeper than is followed.
 */
class Nesting {
  private readonly known = new Map<object, number>()

  constructor(
    private readonly graph: CallGraph,
    private readonly maxDepth: number,
  ) {}

  workflow(wf: WorkflowModel): number {
    return this.of(wf, () => {
      let n = 0
      for (const job of wf.jobs) {
        n = Math.max(n, this.steps(job.steps))
        const called = job.usesWorkflow ? this.graph.workflow(job) : undefined
        if (called) n = Math.max(n, 1 + this.workflow(called))
      }
      return n
    })
  }

  private steps(steps: readonly Step[]): number {
    let n = 0
    for (const step of steps) {
      const action = step.uses ? this.graph.action(step) : undefined
      if (action) n = Math.max(n, 1 + this.of(action, () => this.steps(action.steps)))
    }
    return n
  }

  /** `compute` once per workflow or action, capped; one met again while it is computed is a circle. */
  private of(key: object, compute: () => number): number {
    const done = this.known.get(key)
    if (done !== undefined) return done
    const deepest = this.maxDepth + 1
    this.known.set(key, deepest)
    const n = Math.min(compute(), deepest)
    this.known.set(key, n)
    return n
  }
}

/**
 * Where a value passed to a call or a template is written, by the name it is passed as: "passes tag=ltsc2025" at the
 * value, after the notes of where that value comes from (the matrix, an outer call). Kept next to what is passed.
 */
export type PassedNotes = ReadonlyMap<string, readonly RelatedLocation[]>

/** What a call's inputs were read with: the caller's inputs (a call inside a called workflow), matrix and environment. */
export interface CallerScope {
  readonly matrix: ReadonlyMap<string, string>
  readonly env: ReadonlyMap<string, string>
  readonly inputs?: ReadonlyMap<string, string | undefined>
  /** Where the call that gave `inputs` writes each given value, by input name (see {@link recordPassed}). */
  readonly passed?: PassedNotes
  readonly assigned?: ReadonlySet<string>
}

/**
 * Where the values a call (`jobs.<id>.uses:` or a step's `uses:` of a composite action) gives in `with:` are written,
 * by input name, for the findings they drive (kept in the scope the call makes, next to its `inputs`; read by
 * {@link passedNotes}): "passes tag=ltsc2025" at the value; a value written straight from the matrix ("matrix value
 * tag=…" where it is written, as follow.ts says of a matrix value passed on) or from the caller's own inputs (a call
 * inside a called workflow: the notes of the outer call first) has those notes before it. Undefined when the call
 * gives nothing.
 */
export function recordPassed(
  inputs: ReadonlyMap<string, string | undefined>,
  given: ReadonlyMap<string, Located<string>>,
  caller: CallerScope,
  matrixSpans: ReadonlyMap<string, Span> | undefined,
): PassedNotes | undefined {
  if (given.size === 0) return undefined
  const notes = new Map<string, readonly RelatedLocation[]>()
  for (const [name, v] of given) {
    const value = inputs.get(name)
    const shown = value !== undefined ? `${name}=${value}` : name
    const key = MATRIX_REF.exec(v.value)?.[1]
    const matrixSpan = key !== undefined && value !== undefined ? matrixSpans?.get(key) : undefined
    const outer = passedNotes([v.value], caller)
    const own = matrixSpan
      ? [{ span: matrixSpan, message: `matrix value ${key}=${value}` }, { span: v.span, message: `passes ${shown} on` }]
      : [{ span: v.span, message: `passes ${shown}` }]
    notes.set(name, outer.length > 0 ? [...outer, ...own] : own)
  }
  return notes
}

/** `inputs.NAME` in an expression (`${{ inputs.tag }}`, `${{ format('{0}', inputs.tag) }}`). */
const INPUT_NAME = /\binputs\.([A-Za-z_][A-Za-z0-9_-]*)/g
/** An environment variable a word reads: `$TAG`, `${TAG}`, `$env:TAG`, `${{ env.TAG }}`. */
const ENV_NAME = /\$(?:env:)?\{?([A-Za-z_][A-Za-z0-9_]*)|\benv\.([A-Za-z_][A-Za-z0-9_]*)/g

/**
 * Where the inputs that `words` read are given, when `scope` is a call's (its `passed`, see {@link recordPassed}): the
 * notes of each input read, in the order read, each once; directly (`${{ inputs.tag }}`) or through an environment variable set
 * from it (`env: { TAG: ${{ inputs.tag }} }`, then `$TAG`). None for an input the call does not give (its default
 * applies), nor for a name the script assigns itself.
 */
export function passedNotes(words: readonly string[], scope: CallerScope): RelatedLocation[] {
  const notes = scope.passed
  if (!notes) return []
  const out: RelatedLocation[] = []
  const seen = new Set<string>()
  const read = (text: string): void => {
    if (!text.includes('inputs.')) return
    for (const m of text.matchAll(INPUT_NAME)) {
      const name = m[1]!
      const list = notes.get(name)
      if (!list || seen.has(name)) continue
      seen.add(name)
      out.push(...list)
    }
  }
  for (const word of words) {
    read(word)
    if (!word.includes('$') && !word.includes('env.')) continue
    for (const m of word.matchAll(ENV_NAME)) {
      const name = (m[1] ?? m[2])!
      if (assignsItself(scope.assigned, name)) continue
      const value = scope.env.get(name)
      if (value !== undefined) read(value)
    }
  }
  return out
}
