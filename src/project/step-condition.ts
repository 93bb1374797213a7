/**
 * Whether a workflow step runs on its job's host in one matrix combination, as its `if:` says: a cross-platform
 * matrix builds its Windows image only where `if: runner.os == 'Windows'` (or `matrix.os == 'windows-2022'`) holds,
 * and a finding about the other legs would be false.
 */
import type { HostRef } from '../model/project.js'
import { conditionHolds, quotedEnd, unknownValue, type ExpansionContext } from '../parsers/workflow-expressions.js'

/**
 * `yes`: its condition holds there; `no`: it is false there; `shared`: isolint cannot decide it, but what it cannot
 * know is the same on every host (`github.event_name`, the outputs of earlier steps), so the step runs here whenever
 * it runs; `maybe`: what isolint cannot know can differ from host to host (the runner, the matrix).
 */
export type StepRuns = 'yes' | 'no' | 'shared' | 'maybe'

/** The `runner` context by the host's operating system: its `os`; its other properties are unknown. */
const RUNNER_CONTEXT: Readonly<Record<string, ReadonlyMap<string, ReadonlyMap<string, string>>>> = {
  windows: runnerContext('Windows'),
  linux: runnerContext('Linux'),
  macos: runnerContext('macOS'),
}

function runnerContext(os: string): ReadonlyMap<string, ReadonlyMap<string, string>> {
  const runner = new Map([['os', os]])
  for (const name of ['arch', 'name', 'environment', 'temp', 'tool_cache', 'debug']) runner.set(name, unknownValue(`runner.${name}`))
  return new Map([['runner', runner]])
}
const NO_CONTEXT: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map()

/**
 * A reference to a context that differs between a job's hosts and legs. Not `env`: the job's variables are known in
 * each leg (from its matrix values too), and one isolint has no value for comes from what every leg shares (a secret, an
 * earlier step's `GITHUB_ENV` write: dapr's `if: env.CHECKOUT_REPO != ''` runs on every host).
 */
const HOST_REFERENCE = /\b(?:runner|matrix|strategy)\s*[.[]/i
const MATRIX_REFERENCE = /\bmatrix\s*[.[]/i

/**
 * Whether a step with the `if:` condition `condition` runs on `host` in the combination `scope` (its matrix, the
 * job's environment with earlier steps' writes). `ownEnv`: the step's own `env:`, when it has one; whether its `if:`
 * sees it or not, a condition that reads it is decided only when both ways agree.
 *
 * A condition isolint cannot decide runs the step here (for some events, or outputs of earlier steps) unless one of
 * its `&&` parts that it cannot decide reads what differs between hosts: `matrix.os == inputs.os` may keep the step off
 * this host, `runner.os == 'Windows' && github.event_name == 'push'` on Windows does not. In a matrix isolint cannot
 * see (`dynamicMatrix`: `fromJSON(…)`), whose values are unknown rather than missing, a condition that reads the
 * matrix may keep the step off this host.
 */
export function stepRuns(
  condition: string,
  scope: ExpansionContext,
  host: HostRef | undefined,
  ownEnv?: ReadonlyMap<string, string>,
  dynamicMatrix?: boolean,
): StepRuns {
  if (dynamicMatrix && MATRIX_REFERENCE.test(condition)) return 'maybe'
  const source = expressionOf(condition)
  // `if: ${{ matrix.os }} == 'x'`: a string once substituted, which is truthy.
  if (source === undefined) return 'yes'
  const contexts = (host && RUNNER_CONTEXT[host.info.os]) ?? NO_CONTEXT
  // Object.assign, not a spread with a field added: on Node 20 that makes a hidden class per object (script-scope.ts).
  const ctx: ExpansionContext = Object.assign({}, scope, { contexts })
  let withOwn: ExpansionContext | undefined
  if (ownEnv && ownEnv.size > 0) {
    const env = new Map(scope.env)
    for (const [k, v] of ownEnv) env.set(k, v)
    withOwn = { ...ctx, env }
  }
  const holds = (expr: string): boolean | undefined => {
    const h = conditionHolds(expr, ctx)
    return withOwn && conditionHolds(expr, withOwn) !== h ? undefined : h
  }
  const whole = holds(source)
  if (whole !== undefined) return whole ? 'yes' : 'no'
  for (const part of conjuncts(source)) if (HOST_REFERENCE.test(part) && holds(part) === undefined) return 'maybe'
  return 'shared'
}

/** The expression of an `if:` value: the inside of one `${{ … }}` around all of it, or the text itself (no `${{`). */
function expressionOf(condition: string): string | undefined {
  const t = condition.trim()
  if (t.startsWith('${{') && t.endsWith('}}') && t.indexOf('${{', 3) < 0) return t.slice(3, -2)
  return t.includes('${{') ? undefined : t
}

/** The parts of `a && (b || c) && d` joined by a top-level `&&` (outside parentheses and quoted strings). */
function conjuncts(source: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === "'") {
      const end = quotedEnd(source, i)
      if (end < 0) break
      i = end - 1
    } else if (c === '(') depth++
    else if (c === ')') depth--
    else if (depth === 0 && c === '&' && source[i + 1] === '&') {
      parts.push(source.slice(start, i))
      start = i + 2
      i++
    }
  }
  parts.push(source.slice(start))
  return parts
}
