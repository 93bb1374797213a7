/**
 * Azure Pipelines `condition:` expressions (`and(succeeded(), eq(variables['Agent.OS'], 'Windows_NT'))`), evaluated
 * as far as the files tell: variables by name (`variables.x`, `variables['Agent.OS']`), the functions of
 * comparison, logic and strings, and the status functions for the run in which every earlier step succeeded. What
 * isolint cannot know (a variable set when the run starts, `dependencies.…`, other functions) is unknown, and a
 * result that depends on it is unknown: `and` is false when one argument is, `or` true when one is.
 */

import { quotedEnd } from './workflow-expressions.js'

/** A variable's value; `null` for a variable that is not defined, `undefined` for one isolint has no value for. */
export type VariableLookup = (name: string) => string | null | undefined

type Known = string | number | boolean | null
/** A value, or unknown. */
interface Value {
  readonly known: boolean
  readonly v: Known
}
const UNKNOWN: Value = { known: false, v: null }
const known = (v: Known): Value => ({ known: true, v })

/** A node of a parsed condition. */
type Node =
  | { readonly kind: 'literal'; readonly v: Known }
  | { readonly kind: 'variable'; readonly name: string | undefined }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }

/**
 * Whether the condition holds; undefined when isolint cannot know. `hostVarying`: a variable that can differ between
 * the job's hosts or legs (`Agent.OS`, a matrix variable). Then `maybe` is the answer when an argument of the top-level
 * `and(…)` (or the whole condition) that isolint cannot decide reads one of those.
 */
export function azureConditionRuns(condition: string, lookup: VariableLookup, hostVarying: (name: string) => boolean): 'yes' | 'no' | 'maybe' {
  const node = parseCondition(condition)
  if (!node) return 'yes'
  const whole = evaluate(node, lookup)
  if (whole.known) return truthy(whole.v) === false ? 'no' : truthy(whole.v) === true ? 'yes' : 'maybe'
  const parts = node.kind === 'call' && node.name === 'and' ? node.args : [node]
  for (const part of parts) {
    const v = evaluate(part, lookup)
    if (!v.known || truthy(v.v) === undefined) {
      if (reads(part).some(hostVarying)) return 'maybe'
    }
  }
  return 'yes'
}

/** The parsed condition; undefined when it is not one isolint reads (a template expression left in it, bad syntax). */
export function parseCondition(text: string): Node | undefined {
  if (text.includes('${{') || text.includes('$[')) return undefined
  const tokens = tokenize(text)
  if (!tokens) return undefined
  let pos = 0
  const peek = (): string | undefined => tokens[pos]
  const take = (t?: string): string => {
    const got = tokens[pos]
    if (got === undefined || (t !== undefined && got.toLowerCase() !== t)) throw new SyntaxError('condition')
    pos++
    return got
  }
  const expr = (depth: number): Node => {
    if (depth > 50) throw new SyntaxError('condition')
    const t = take()
    if (t.startsWith("'")) return { kind: 'literal', v: t.slice(1, -1).replace(/''/g, "'") }
    if (/^-?\d/.test(t)) return { kind: 'literal', v: Number(t) }
    const lower = t.toLowerCase()
    if (lower === 'true' || lower === 'false') return { kind: 'literal', v: lower === 'true' }
    if (lower === 'null') return { kind: 'literal', v: null }
    if (peek() === '(') {
      take('(')
      const args: Node[] = []
      if (peek() !== ')') {
        args.push(expr(depth + 1))
        while (peek() === ',') {
          take(',')
          args.push(expr(depth + 1))
        }
      }
      take(')')
      return { kind: 'call', name: lower, args }
    }
    // A property path: `variables.name`, `variables['Agent.OS']`, `dependencies.a.outputs['x']`.
    const path = t.split('.')
    while (peek() === '[') {
      take('[')
      const key = take()
      take(']')
      path.push(key.startsWith("'") ? key.slice(1, -1).replace(/''/g, "'") : key)
    }
    if (path[0]!.toLowerCase() !== 'variables' || path.length < 2) return { kind: 'variable', name: undefined }
    return { kind: 'variable', name: path.slice(1).join('.') }
  }
  try {
    const node = expr(0)
    return pos === tokens.length ? node : undefined
  } catch {
    return undefined
  }
}

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === "'") {
      const end = quotedEnd(text, i)
      if (end < 0) return undefined
      tokens.push(text.slice(i, end))
      i = end
      continue
    }
    if ('(),[]'.includes(c)) {
      tokens.push(c)
      i++
      continue
    }
    const word = /^[\w.-]+/.exec(text.slice(i))
    if (!word) return undefined
    tokens.push(word[0])
    i += word[0].length
  }
  return tokens
}

/** The variable names a node reads. */
function reads(node: Node): string[] {
  if (node.kind === 'variable') return node.name !== undefined ? [node.name] : []
  if (node.kind === 'call') return node.args.flatMap(reads)
  return []
}

function evaluate(node: Node, lookup: VariableLookup): Value {
  if (node.kind === 'literal') return known(node.v)
  if (node.kind === 'variable') {
    if (node.name === undefined) return UNKNOWN
    const v = lookup(node.name)
    return v === undefined ? UNKNOWN : known(v)
  }
  const args = node.args.map((a) => evaluate(a, lookup))
  const a = args[0]
  const b = args[1]
  switch (node.name) {
    case 'succeeded':
    case 'always':
    case 'succeededorfailed':
      return args.length === 0 ? known(true) : UNKNOWN
    case 'failed':
    case 'canceled':
      return args.length === 0 ? known(false) : UNKNOWN
    case 'and':
      return junction(args, false)
    case 'or':
      return junction(args, true)
    case 'not': {
      const t = args.length === 1 && a!.known ? truthy(a!.v) : undefined
      return t === undefined ? UNKNOWN : known(!t)
    }
    case 'eq':
    case 'ne': {
      if (args.length !== 2 || !a!.known || !b!.known) return UNKNOWN
      const same = equal(a!.v, b!.v)
      return same === undefined ? UNKNOWN : known(node.name === 'eq' ? same : !same)
    }
    case 'in':
    case 'notin': {
      if (args.length < 2 || args.some((x) => !x.known)) return UNKNOWN
      let found = false
      for (const x of args.slice(1)) {
        const same = equal(a!.v, x.v)
        if (same === undefined) return UNKNOWN
        if (same) found = true
      }
      return known(node.name === 'in' ? found : !found)
    }
    case 'startswith':
    case 'endswith':
    case 'contains': {
      if (args.length !== 2 || !a!.known || !b!.known) return UNKNOWN
      const s = text(a!.v).toLowerCase()
      const p = text(b!.v).toLowerCase()
      return known(node.name === 'startswith' ? s.startsWith(p) : node.name === 'endswith' ? s.endsWith(p) : s.includes(p))
    }
    case 'lower':
    case 'upper':
      return args.length === 1 && a!.known ? known(node.name === 'lower' ? text(a!.v).toLowerCase() : text(a!.v).toUpperCase()) : UNKNOWN
    default:
      return UNKNOWN
  }
}

/**
 * `and` (`decides` false) and `or` (`decides` true): an argument that is `decides` decides, whatever the others; when
 * every argument is known and none is, the result is the other value; else unknown.
 */
function junction(args: readonly Value[], decides: boolean): Value {
  let all = args.length > 0
  for (const x of args) {
    const t = x.known ? truthy(x.v) : undefined
    if (t === decides) return known(decides)
    if (t === undefined) all = false
  }
  return all ? known(!decides) : UNKNOWN
}

/**
 * Azure's cast of a value to a boolean: an empty string, 0 and null are false. A string `false` is left unknown: as
 * a variable's value it is what a boolean looks like once set, and reading it either way may be wrong.
 */
function truthy(v: Known): boolean | undefined {
  if (v === null) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v)
  if (v.trim().toLowerCase() === 'false') return undefined
  return v !== ''
}

/** `eq`: the right side cast to the left's type; strings compared without case. Undefined when the cast is unclear. */
function equal(a: Known, b: Known): boolean | undefined {
  if (a === null || b === null) return a === b || (a === null ? b === '' : a === '')
  if (typeof a === 'string') return a.toLowerCase() === text(b).toLowerCase()
  if (typeof a === 'number') {
    const n = typeof b === 'number' ? b : typeof b === 'string' && b.trim() !== '' ? Number(b) : NaN
    return Number.isNaN(n) ? false : a === n
  }
  if (typeof b === 'boolean') return a === b
  const t = typeof b === 'string' ? b.trim().toLowerCase() : undefined
  return t === 'true' ? a === true : t === 'false' ? a === false : undefined
}

function text(v: Known): string {
  if (v === null) return ''
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  return String(v)
}
