/**
 * Expansion of the values isolint reads from workflows: GitHub Actions expressions (`${{ matrix.x }}`,
 * `${{ env.X }}`, literals and `||` fallbacks), shell variables (`$NAME`, `${NAME}`, `$env:NAME`, cmd's `%NAME%` as
 * the shell reader marks it: core/cmd-variable-text.ts) and the Azure Pipelines macros the Azure reader marks in
 * scripts (core/macro-text.ts).
 *
 * Azure Pipelines template expressions share the `${{ … }}` syntax; the Azure reader passes its `variables` and
 * `parameters` as further `contexts`.
 *
 * Expansion is all or nothing: a value that depends on anything isolint cannot know (step outputs, secrets,
 * inputs, command substitutions, variables not in `env`) is reported as unresolved instead of being guessed.
 */

import { remembered } from '../core/memo.js'
import { getIgnoreCase } from '../core/lookup.js'
import { CMD_VARIABLE_OPEN, showCmdVariables } from '../core/cmd-variable-text.js'
import { MACRO_CLOSE, MACRO_OPEN, showMacros } from '../core/macro-text.js'
import { substitute, type SubstitutionOperator } from '../core/substitution.js'
import { MatrixValues } from '../model/workflow.js'

/** What a value is expanded against: one matrix combination and the environment in effect. */
export interface ExpansionContext {
  readonly matrix: ReadonlyMap<string, string>
  readonly env: ReadonlyMap<string, string>
  /**
   * Further named contexts for `${{ name.key }}` (Azure Pipelines `variables` and `parameters`). Shell variables
   * still come from `env` only.
   */
  readonly contexts?: ReadonlyMap<string, ReadonlyMap<string, string>>
  /**
   * Azure Pipelines: the variables a macro `$(name)` in a script reads (names without case), as the job runs. A
   * macro with no variable here is unresolved, as are all macros without this map.
   */
  readonly macros?: ReadonlyMap<string, string>
  /** `inputs` of a reusable workflow or composite action as called (undefined value: passed, but unknown). */
  readonly inputs?: ReadonlyMap<string, string | undefined>
  /**
   * The text is a PowerShell script's: `$NAME` and `${NAME}` are PowerShell's own variables, never the environment
   * (only `$env:NAME` is), and unknown.
   */
  readonly powershell?: boolean
  /**
   * The text is a sh script's: `$env:NAME` is the variable `env` then `:NAME`, `${env:NAME}` a bad substitution;
   * neither is the environment's NAME. Unknown.
   */
  readonly posix?: boolean
  /** Names the script assigns itself (script-assignments.ts): the environment's value is not what it reads. Unknown. */
  readonly assigned?: ReadonlySet<string>
}

/**
 * The mark, in {@link ExpansionContext} `assigned`, of a script that may assign any name: it runs code isolint does not
 * read (`source`, `eval`). A string among the names, not a write to `GITHUB_ENV` (github-env.ts `EVERY_NAME`).
 */
export const ANY_NAME_ASSIGNED = '*'

/** Result of {@link expandValue}: `value` is undefined when anything stayed unresolved. */
export interface Expansion {
  readonly value?: string
  /** The pieces that could not be resolved, as written (`${{ secrets.X }}`, `$GITHUB_SHA`, `$(date)`). */
  readonly unresolved: string[]
}

/**
 * How many times a value that refers to other values (env → matrix → env …) is expanded again. Not the nesting limit
 * of `${A:-${B:-…}}` (core/substitution.ts): each level here expands whole values again, so work can double per
 * level (`A: ${{ env.B }}${{ env.B }}`), and the limit stays small.
 */
const MAX_REFERENCE_DEPTH = 8

/**
 * Expands `${{ … }}` expressions and shell variables in `text`. Matrix values and env values may themselves
 * contain expressions; those are expanded too (GitHub evaluates them before the shell runs).
 */
export function expandValue(text: string, ctx: ExpansionContext): Expansion {
  // Expressions and variables start with `$`: a text without one is its own value.
  if (!text.includes('$')) return { value: shownText(text), unresolved: [] }
  const unresolved: string[] = []
  const value = expand(text, ctx, true, 0, unresolved)
  // The pieces with no value are shown as written too (a value isolint cannot know, in single quotes).
  if (unresolved.length > 0) return { unresolved: isMarked(text) ? unresolved.map(shownText) : unresolved }
  return { value: shownText(value), unresolved }
}

/**
 * `expandValue(text, ctx).value`, without making the expansion for a text with no `$` (most words of a command): one
 * call per word on the linker's paths.
 */
export function expandedValue(text: string, ctx: ExpansionContext): string | undefined {
  return text.includes('$') ? expandValue(text, ctx).value : shownText(text)
}

/**
 * A `$` the shell passes on as it is (`'$TAG'`, `\$TAG`, PowerShell's `'$env:TAG'` and `` `$TAG ``): the shell
 * readers put it in a word's value in place of the `$` (one character for one, so offsets stay exact). Expansion
 * copies it as text and gives it back as `$`: never the start of a variable. A private-use character, in no file read.
 */
export const LITERAL_DOLLAR = '\uE010'

/**
 * A value as written, for a message or an expansion's result: each {@link LITERAL_DOLLAR} shown as the `$` it is, each
 * Azure macro marked by the reader (core/macro-text.ts) as `$(name)`, each cmd variable the shell reader marked
 * (core/cmd-variable-text.ts) as `%NAME%`.
 */
export function shownText(text: string): string {
  if (!isMarked(text)) return text
  const shown = showCmdVariables(showMacros(text.replaceAll(LITERAL_DOLLAR, '$')))
  return shown.includes(POSITIONAL_OPEN) ? shown.replace(POSITIONAL_REF, showPositional) : shown
}

/**
 * A followed script's positional parameter (`$1`, `${1:-x}`; cmd's `%1`, `cmd` true) as the linker reads it: a
 * variable of this name (`${__ARG1}`, `${__CMDARG1}`), which the script's caller binds to its argument
 * (project/follow-script.ts). Shown as written: `$1`, `${1:-x}`, `%1`.
 */
export function positionalName(n: number | string, cmd = false): string {
  return `${cmd ? '__CMDARG' : '__ARG'}${n}`
}

/** How a positional parameter's name is written in its script (`$1`, cmd's `%1`); undefined for any other name. */
export function positionalWritten(name: string): string | undefined {
  const m = /^__(CMD)?ARG([1-9])$/.exec(name)
  return m ? `${m[1] ? '%' : '$'}${m[2]}` : undefined
}

/** What every positional name's reference starts with (`${__` of `${__ARG1}` and `${__CMDARG1}`). */
const POSITIONAL_OPEN = '${__'
const POSITIONAL_REF = /\$\{__(CMD)?ARG([1-9])(\}|:?[-=+?])/g
function showPositional(_: string, cmd: string | undefined, n: string, op: string): string {
  // cmd's `%1` is read as `${__CMDARG1}` alone (no operators).
  if (cmd) return `%${n}`
  return op === '}' ? `$${n}` : `\${${n}${op}`
}

/**
 * Whether `text` holds a mark of the readers: a {@link LITERAL_DOLLAR}, an Azure macro, a cmd variable or a followed
 * script's positional parameter.
 */
function isMarked(text: string): boolean {
  // Every mark but the literal `$` starts with a `$`: a text without one (most words) is looked at twice, as before.
  return (
    text.includes(LITERAL_DOLLAR) ||
    (text.includes('$') && (text.includes(MACRO_OPEN) || text.includes(CMD_VARIABLE_OPEN) || text.includes(POSITIONAL_OPEN)))
  )
}

/** Open and close a value isolint cannot know (see {@link unknownValue}): private-use characters, in no file read. */
const UNKNOWN_OPEN = '$\uE000'
const UNKNOWN_CLOSE = '\uE001'

/**
 * A value isolint cannot know, as a variable holds it (an Azure Pipelines variable set by a runtime expression
 * `$[ … ]`, or from a variable that has no value here): every expansion that reads it is unresolved, defaults and
 * `||` fallbacks included, and reports `shown` (the value as written) as the piece with no value.
 */
export function unknownValue(shown: string): string {
  return UNKNOWN_OPEN + shown.replaceAll(UNKNOWN_CLOSE, '') + UNKNOWN_CLOSE
}

/** Whether `text` holds a value isolint cannot know ({@link unknownValue}). */
export function holdsUnknownValue(text: string): boolean {
  return text.includes(UNKNOWN_OPEN)
}

/**
 * Given `text[start..]` = `${{`, returns the offset just after the closing `}}`, skipping `}}` inside
 * single-quoted expression strings. An unterminated expression returns `start + 3` (the opener is then plain text).
 */
export function scanExpressionEnd(text: string, start: number): number {
  let i = start + 3
  while (i < text.length) {
    const c = text[i]
    if (c === "'") {
      const close = text.indexOf("'", i + 1)
      if (close < 0) break
      i = close + 1
      continue
    }
    if (c === '}' && text[i + 1] === '}') return i + 2
    i++
  }
  // An unbalanced quote inside: fall back to the first `}}`.
  const close = text.indexOf('}}', start + 3)
  return close < 0 ? start + 3 : close + 2
}

function expand(text: string, ctx: ExpansionContext, shellVars: boolean, depth: number, unresolved: string[]): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    // Expressions and variables start with `$`: the text up to the next one is copied as it is.
    const dollar = text.indexOf('$', i)
    if (dollar < 0) return out + text.slice(i)
    out += text.slice(i, dollar)
    i = dollar
    if (text.startsWith(UNKNOWN_OPEN, i)) {
      const close = text.indexOf(UNKNOWN_CLOSE, i + UNKNOWN_OPEN.length)
      const end = close < 0 ? text.length : close
      unresolved.push(text.slice(i + UNKNOWN_OPEN.length, end))
      i = end + UNKNOWN_CLOSE.length
      continue
    }
    if (text.startsWith(MACRO_OPEN, i)) {
      const close = text.indexOf(MACRO_CLOSE, i + MACRO_OPEN.length)
      const end = close < 0 ? text.length : close
      const name = text.slice(i + MACRO_OPEN.length, end)
      const v = ctx.macros && depth <= MAX_REFERENCE_DEPTH ? getIgnoreCase(ctx.macros, name) : undefined
      // Azure leaves a macro of no variable as its text, which the shell runs or passes on: unknown.
      if (v === undefined) unresolved.push(`$(${name})`)
      else out += expand(v, ctx, false, depth + 1, unresolved)
      i = end + MACRO_CLOSE.length
      continue
    }
    if (text.startsWith('${{', i)) {
      const end = scanExpressionEnd(text, i)
      if (end === i + 3) {
        unresolved.push(text.slice(i))
        return out
      }
      const raw = text.slice(i, end)
      const result = depth > MAX_REFERENCE_DEPTH ? undefined : evaluateExpression(text.slice(i + 3, end - 2), ctx, depth)
      if (result === undefined) unresolved.push(withReason(raw, ctx))
      else out += result
      i = end
      continue
    }
    if (shellVars) {
      const consumed = expandShellVariable(text, i, ctx, depth, unresolved)
      if (consumed.length > 0) {
        out += consumed.text
        i += consumed.length
        continue
      }
    }
    out += text[i]
    i++
  }
  return out
}

/**
 * An expression with no value as reported: `${{ env.T }}` alone, when the environment holds for T a value isolint
 * cannot know with why (`$T (set through GITHUB_ENV by an earlier step)`: the env context holds what the process
 * environment does), with that reason (`${{ env.T }} (set through …)`), as `$T` is reported; the advice depends on it.
 * Any other expression as written.
 */
function withReason(raw: string, ctx: ExpansionContext): string {
  const name = ENV_REFERENCE.exec(raw)?.[1]
  if (name === undefined || ctx.contexts?.has('env')) return raw
  const value = getIgnoreCase(ctx.env, name)
  // The whole value one that isolint cannot know, not one inside other text (a step's `T: x-${{ env.T }}`).
  if (value === undefined || !value.startsWith(UNKNOWN_OPEN) || value.indexOf(UNKNOWN_CLOSE) !== value.length - 1) return raw
  const shown = WITH_REASON.exec(value.slice(UNKNOWN_OPEN.length, -1))
  // The reason is the variable's own (`$T (…)` for `env.T`), not that of another it was set from.
  return shown && shown[1]!.toLowerCase() === name.toLowerCase() ? `${raw} ${shown[2]!}` : raw
}
const ENV_REFERENCE = /^\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}$/
const WITH_REASON = /^\$([A-Za-z_][A-Za-z0-9_]*) (\([^()]+\))$/

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/
/** The mark after the `$` of a cmd variable (core/cmd-variable-text.ts), and what follows it up to its `}`. */
const CMD_VARIABLE_MARK = CMD_VARIABLE_OPEN[1]
const CMD_VARIABLE_NAME = /^env:([A-Za-z_][A-Za-z0-9_]*)$/

/** Expands the shell variable at `text[i] === '$'`; length 0 means a literal `$`. */
function expandShellVariable(
  text: string,
  i: number,
  ctx: ExpansionContext,
  depth: number,
  unresolved: string[],
): { text: string; length: number } {
  const next = text[i + 1]
  const lookup = (raw: string, name: string, caseInsensitive: boolean): { text: string; length: number } => {
    const other = caseInsensitive ? ctx.posix : ctx.powershell
    const v = other || assignsItself(ctx.assigned, name) ? undefined : envValue(ctx, name, caseInsensitive)
    if (v === undefined || depth > MAX_REFERENCE_DEPTH) {
      unresolved.push(raw)
      return { text: '', length: raw.length }
    }
    return { text: expand(v, ctx, false, depth + 1, unresolved), length: raw.length }
  }
  if (next === CMD_VARIABLE_MARK) {
    // cmd's `%NAME%` (core/cmd-variable-text.ts): read as `${env:NAME}` is, reported as written.
    const close = text.indexOf('}', i + 2)
    const name = close < 0 ? null : CMD_VARIABLE_NAME.exec(text.slice(i + 2, close))
    if (name) {
      const written = `%${name[1]!}%`
      const from = unresolved.length
      // Reported as written (`lookup` takes the length of what it reports as that of the variable in `text`).
      const { text: value } = lookup(written, name[1]!, true)
      // A value the environment holds but isolint cannot know is reported as the variable in the shell's form that
      // set it unknown (`$TAG (set through GITHUB_ENV by an earlier step)`): as written here, `%TAG% (…)`.
      for (let k = from; k < unresolved.length; k++) unresolved[k] = asWrittenInCmd(unresolved[k]!, name[1]!, written)
      return { text: value, length: close + 1 - i }
    }
  }
  if (next === '(') {
    const end = scanParens(text, i + 1)
    unresolved.push(text.slice(i, end))
    return { text: '', length: end - i }
  }
  if (next === '{') {
    const close = text.indexOf('}', i + 2)
    if (close < 0) return { text: '', length: 0 }
    const raw = text.slice(i, close + 1)
    const inner = text.slice(i + 2, close)
    const plain = /^(env:)?([A-Za-z_][A-Za-z0-9_]*)$/i.exec(inner)
    if (plain) return lookup(raw, plain[2]!, plain[1] !== undefined)
    const withDefault = ctx.powershell || assignsItself(ctx.assigned, inner.split(/[:-]/, 1)[0]!) ? null : /^([A-Za-z_][A-Za-z0-9_]*)(:?-)(.*)$/s.exec(inner)
    if (withDefault) {
      const v = envValue(ctx, withDefault[1]!, false)
      const useDefault = substitute(withDefault[2] as SubstitutionOperator, v) === 'word'
      const chosen = useDefault ? withDefault[3]! : v!
      const local: string[] = []
      const result = depth > MAX_REFERENCE_DEPTH ? undefined : expand(chosen, ctx, useDefault, depth + 1, local)
      if (result === undefined || local.length > 0) {
        unresolved.push(raw)
        return { text: '', length: raw.length }
      }
      return { text: result, length: raw.length }
    }
    unresolved.push(raw)
    return { text: '', length: raw.length }
  }
  const rest = text.slice(i + 1)
  const ps = /^env:([A-Za-z_][A-Za-z0-9_]*)/i.exec(rest)
  if (ps) return lookup(`$${ps[0]}`, ps[1]!, true)
  const name = NAME.exec(rest)
  if (name) return lookup(`$${name[0]}`, name[0], false)
  if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
    unresolved.push(`$${next}`)
    return { text: '', length: 2 }
  }
  return { text: '', length: 0 }
}

/** `piece` (reported unresolved) with a leading `$NAME` (the name without case, alone or before ` (why)`) as `written`. */
function asWrittenInCmd(piece: string, name: string, written: string): string {
  if (piece[0] !== '$' || piece.length < name.length + 1) return piece
  const rest = piece.slice(name.length + 1)
  if (rest !== '' && !rest.startsWith(' (')) return piece
  return piece.slice(1, name.length + 1).toLowerCase() === name.toLowerCase() ? written + rest : piece
}

/**
 * Whether a script assigns `name` itself, given the names it assigns ({@link ExpansionContext} `assigned`; names
 * without case: cmd's and PowerShell's environment): what it reads is then not the environment's value. Expansion and
 * the Azure linker's "is set here" notes (link-azure.ts) ask this one function.
 */
export function assignsItself(assigned: ReadonlySet<string> | undefined, name: string): boolean {
  if (!assigned || assigned.size === 0) return false
  if (assigned.has(name) || assigned.has(ANY_NAME_ASSIGNED)) return true
  const lower = name.toLowerCase()
  for (const a of assigned) if (a.toLowerCase() === lower) return true
  return false
}

function envValue(ctx: ExpansionContext, name: string, caseInsensitive: boolean): string | undefined {
  return caseInsensitive ? getIgnoreCase(ctx.env, name) : ctx.env.get(name)
}

/** Given `text[open] === '('`, the offset after the matching `)` (quotes respected), or the end of the text. */
function scanParens(text: string, open: number): number {
  let depth = 0
  let i = open
  while (i < text.length) {
    const c = text[i]
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1)
      i = close < 0 ? text.length : close + 1
      continue
    }
    if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i + 1
    i++
  }
  return text.length
}

// ---------------------------------------------------------------------------------------------------------------
// A small evaluator for the part of the expression language that is knowable statically.

type Known = string | number | boolean | null
/** A value; `MISSING` is a property that does not exist (null in GitHub), `UNKNOWN` anything not knowable. */
type Value = { readonly v: Known } | typeof MISSING | typeof UNKNOWN
const MISSING = Symbol('missing')
const UNKNOWN = Symbol('unknown')

interface Token {
  readonly kind: 'str' | 'num' | 'ident' | 'op'
  readonly text: string
}

/** Evaluates the inside of `${{ … }}`; undefined when the result is not knowable (or a property is missing). */
function evaluateExpression(source: string, ctx: ExpansionContext, depth: number): string | undefined {
  const plain = plainMatrixValue(source, ctx)
  if (plain !== undefined) return plain
  const tokens = tokensOf(source)
  if (!tokens || tokens.length === 0) return undefined
  const parser = new Parser(tokens, ctx, depth, false)
  const result = parser.parse()
  if (result === UNKNOWN || result === MISSING) return undefined
  return toText(result.v)
}

/**
 * `matrix.KEY` alone (`${{ matrix.os }}`, most `runs-on` labels written in a matrix) whose value is plain text: that
 * text, as the parser would give it, without the parser (issue 11: once per combination, and an evaluation in code not
 * yet optimized costs some 37,000 instructions). Undefined for anything else, which the parser evaluates: another
 * spelling of the key, a value with `$` (expanded in turn), one whose YAML type was kept, a `matrix` context of
 * Azure's.
 */
function plainMatrixValue(source: string, ctx: ExpansionContext): string | undefined {
  const key = MATRIX_REFERENCE.exec(source)?.[1]
  if (key === undefined || ctx.contexts?.has('matrix')) return undefined
  const raw = ctx.matrix.get(key)
  if (raw === undefined || raw.includes('$')) return undefined
  return ctx.matrix instanceof MatrixValues && ctx.matrix.typed?.has(key.toLowerCase()) ? undefined : raw
}
const MATRIX_REFERENCE = /^\s*matrix\.([A-Za-z_][A-Za-z0-9_]*)\s*$/

/**
 * Whether an `if:` condition (the expression, without `${{ }}`) holds; undefined when isolint cannot know. Read for the
 * run in which every earlier step succeeded: `success()` and `always()` are true, `failure()` and `cancelled()` false.
 * `a && b` is false when either side is, and `a || b` true when either side is, whatever the other (which may be
 * unknown): what decides an `if:` is whether its result is truthy.
 */
export function conditionHolds(source: string, ctx: ExpansionContext): boolean | undefined {
  const tokens = tokensOf(source)
  if (!tokens || tokens.length === 0) return undefined
  const result = new Parser(tokens, ctx, 0, true).parse()
  return result === UNKNOWN ? undefined : truthy(result)
}

/**
 * {@link tokenize}, remembered per expression: the same few expressions (`matrix.os`) are evaluated once per matrix
 * combination, step and command. Tokens are never changed.
 */
const tokensOf: (source: string) => readonly Token[] | undefined = remembered(tokenize)

/**
 * The end (after the closing quote) of the string literal that opens at `open`, in GitHub's and Azure Pipelines'
 * expressions alike (`'it''s'`: a doubled quote stays inside); -1 when it is not closed.
 */
export function quotedEnd(source: string, open: number): number {
  for (let j = open + 1; j < source.length; j++) {
    if (source[j] !== "'") continue
    if (source[j + 1] !== "'") return j + 1
    j++
  }
  return -1
}

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === "'") {
      const end = quotedEnd(source, i)
      if (end < 0) return undefined
      tokens.push({ kind: 'str', text: source.slice(i + 1, end - 1).replaceAll("''", "'") })
      i = end
      continue
    }
    const num = /^(?:0x[0-9a-f]+|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(source.slice(i))
    if (num && !/[A-Za-z_]/.test(source[i + num[0].length] ?? '')) {
      tokens.push({ kind: 'num', text: num[0] })
      i += num[0].length
      continue
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0] })
      i += ident[0].length
      continue
    }
    const op = /^(?:\|\||&&|==|!=|<=|>=|[!<>()[\].,*])/.exec(source.slice(i))
    if (!op) return undefined
    tokens.push({ kind: 'op', text: op[0] })
    i += op[0].length
  }
  return tokens
}

class Parser {
  private pos = 0

  constructor(
    private readonly tokens: readonly Token[],
    private readonly ctx: ExpansionContext,
    private readonly depth: number,
    /** Reading an `if:` condition: only whether the result is truthy counts (see {@link conditionHolds}). */
    private readonly condition: boolean,
  ) {}

  parse(): Value {
    try {
      const v = this.or()
      return this.pos === this.tokens.length ? v : UNKNOWN
    } catch {
      return UNKNOWN
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos]
  }

  private take(text?: string): Token {
    const t = this.tokens[this.pos]
    if (!t || (text !== undefined && t.text !== text)) throw new SyntaxError('unexpected token')
    this.pos++
    return t
  }

  private isOp(text: string): boolean {
    const t = this.peek()
    return t?.kind === 'op' && t.text === text
  }

  private or(): Value {
    let left = this.and()
    while (this.isOp('||')) {
      this.take()
      const right = this.and()
      if (left === UNKNOWN) {
        // `unknown || 'x'`: truthy whichever side gives the value.
        if (this.condition && right !== UNKNOWN && truthy(right)) left = { v: true }
        continue
      }
      left = truthy(left) ? left : right
    }
    return left
  }

  private and(): Value {
    let left = this.comparison()
    while (this.isOp('&&')) {
      this.take()
      const right = this.comparison()
      if (left === UNKNOWN) {
        // `unknown && false`: falsy whichever side gives the value.
        if (this.condition && right !== UNKNOWN && !truthy(right)) left = { v: false }
        continue
      }
      left = truthy(left) ? right : left
    }
    return left
  }

  private comparison(): Value {
    const left = this.unary()
    const t = this.peek()
    if (t?.kind !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(t.text)) return left
    this.take()
    const right = this.unary()
    if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN
    return { v: compare(known(left), known(right), t.text) }
  }

  private unary(): Value {
    if (this.isOp('!')) {
      this.take()
      const v = this.unary()
      return v === UNKNOWN ? UNKNOWN : { v: !truthy(v) }
    }
    return this.primary()
  }

  private primary(): Value {
    const t = this.take()
    if (t.kind === 'str') return { v: t.text }
    if (t.kind === 'num') return { v: Number(t.text) }
    if (t.kind === 'op' && t.text === '(') {
      const v = this.or()
      this.take(')')
      return v
    }
    if (t.kind !== 'ident') throw new SyntaxError('unexpected token')
    const word = t.text
    if (this.isOp('(')) {
      this.take('(')
      const args: Value[] = []
      if (!this.isOp(')')) {
        args.push(this.or())
        while (this.isOp(',')) {
          this.take()
          args.push(this.or())
        }
      }
      this.take(')')
      if (this.accessors()?.length !== 0) return UNKNOWN
      return this.call(word.toLowerCase(), args)
    }
    if (word === 'true' || word === 'false') return { v: word === 'true' }
    if (word === 'null') return { v: null }
    const path = this.accessors()
    const context = word.toLowerCase()
    if (context === 'inputs' && this.ctx.inputs && path !== undefined && path.length === 1) {
      const raw = getIgnoreCase(this.ctx.inputs, path[0]!)
      return raw === undefined ? UNKNOWN : { v: this.typed(raw) }
    }
    const extra = this.ctx.contexts?.get(context)
    if ((context !== 'matrix' && context !== 'env' && !extra) || path === undefined || path.length === 0) return UNKNOWN
    const map = extra ?? (context === 'matrix' ? this.ctx.matrix : this.ctx.env)
    const key = path.join('.')
    const raw = getIgnoreCase(map, key)
    if (raw === undefined) return MISSING
    const unresolved: string[] = []
    const v = expand(raw, this.ctx, false, this.depth + 1, unresolved)
    if (unresolved.length > 0) return UNKNOWN
    if (extra || context !== 'matrix') return { v }
    // A matrix value whose YAML type the parser kept (`flag: false` is a boolean, `flag: 'false'` a string).
    if (map instanceof MatrixValues) return { v: map.typed?.has(key.toLowerCase()) ? yamlValue(v) : v }
    return { v: this.typed(v) }
  }

  /**
   * A matrix value (whose YAML type is not known) or an input as a condition reads it. They are kept as text, but
   * YAML's `false` is GitHub's boolean, falsy where the string is truthy: in a condition, `true`, `false`, `null` and
   * numbers are read as those values, so that `if: inputs.docker` is false for a boolean input `false` (read as a
   * string it would run the step, and a finding there would be false; read so, a string `'false'` only hides one).
   */
  private typed(text: string): Known {
    return this.condition ? yamlValue(text) : text
  }

  /**
   * The string functions, on the values they are given (GitHub compares case-insensitively), and the status functions
   * in a condition; any other function, or an unknown argument, is unknown. `contains` of an array (`fromJSON(…)`) is
   * never reached: such an argument is unknown.
   */
  private call(name: string, args: readonly Value[]): Value {
    if (args.length === 0 && this.condition) {
      if (name === 'success' || name === 'always') return { v: true }
      if (name === 'failure' || name === 'cancelled') return { v: false }
    }
    if (args.length !== 2 || (name !== 'startswith' && name !== 'endswith' && name !== 'contains')) return UNKNOWN
    if (args[0] === UNKNOWN || args[1] === UNKNOWN) return UNKNOWN
    const text = toText(known(args[0]!)).toLowerCase()
    const part = toText(known(args[1]!)).toLowerCase()
    return { v: name === 'startswith' ? text.startsWith(part) : name === 'endswith' ? text.endsWith(part) : text.includes(part) }
  }

  /** `.name`, `['name']`, `[0]`, `.*`; undefined when an index is not a literal. */
  private accessors(): string[] | undefined {
    const path: string[] = []
    let known = true
    for (;;) {
      if (this.isOp('.')) {
        this.take()
        const t = this.take()
        if (t.kind === 'ident' || t.kind === 'num') path.push(t.text)
        else if (t.kind === 'op' && t.text === '*') known = false
        else throw new SyntaxError('bad property')
        continue
      }
      if (this.isOp('[')) {
        this.take()
        const t = this.peek()
        if ((t?.kind === 'str' || t?.kind === 'num') && this.tokens[this.pos + 1]?.text === ']') {
          this.take()
          path.push(t.text)
        } else {
          this.or()
          known = false
        }
        this.take(']')
        continue
      }
      return known ? path : undefined
    }
  }
}

/** The boolean, null or number YAML reads a plain scalar's text as; other text as it is. */
function yamlValue(text: string): Known {
  if (text === 'true' || text === 'false') return text === 'true'
  if (text === 'null') return null
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text
}

function known(v: Value): Known {
  return v === MISSING || v === UNKNOWN ? null : v.v
}

function truthy(v: Value): boolean {
  const k = known(v)
  return !(k === null || k === false || k === 0 || k === '' || Number.isNaN(k))
}

function toText(v: Known): string {
  if (v === null) return ''
  return String(v)
}

function toNumber(v: Known): number {
  if (v === null) return 0
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number') return v
  const t = v.trim()
  return t === '' ? 0 : Number(t)
}

/** GitHub's loose comparison: strings case-insensitively, everything else as numbers. */
function compare(a: Known, b: Known, op: string): boolean {
  let c: number
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase()
    const y = b.toLowerCase()
    c = x < y ? -1 : x > y ? 1 : 0
  } else {
    const x = toNumber(a)
    const y = toNumber(b)
    if (Number.isNaN(x) || Number.isNaN(y)) return op === '!='
    c = x < y ? -1 : x > y ? 1 : 0
  }
  switch (op) {
    case '==':
      return c === 0
    case '!=':
      return c !== 0
    case '<':
      return c < 0
    case '>':
      return c > 0
    case '<=':
      return c <= 0
    default:
      return c >= 0
  }
}
