/**
 * A GNU make evaluator for the part of make that decides which docker commands a target runs: variables (`=`,
 * `:=`, `::=`, `?=`, `+=`, `define`, `override`, command-line and environment values, target-specific values),
 * conditionals (`ifeq`/`ifneq`/`ifdef`/`ifndef`/`else`), `include`, explicit rules with their prerequisites and
 * recipes, `$(MAKE)`-free recursion through prerequisites, and the text functions (`foreach`, `subst`,
 * `patsubst`, `filter`, `if`, `word`, …). Nothing is run: `$(shell …)`, `$(wildcard …)`, `$(eval …)`, `!=` and
 * variables nobody sets are unknown, and an unknown value stays visible as `$(NAME)` so that the caller reports
 * it as unresolved instead of guessing.
 *
 * Every character of an expanded recipe keeps where it was written (the recipe line, or the `$(VAR)` reference it
 * came from) and, for values that came from outside the Makefiles (the environment, the command line), where that
 * value was set, so that a finding can point at the line to fix.
 */
import { joinRel } from '../core/rel-path.js'
import type { Span } from '../core/span.js'

/** Where a value set outside the Makefiles (a workflow's `env:`, `make VAR=value`) was written. */
export interface Origin {
  readonly span: Span
  readonly message: string
  /** A further step of the chain (the `env:` line that passes a matrix value on). */
  readonly via?: { readonly span: Span; readonly message: string }
}

/** Where a character of an expanded text was written: an offset range in a Makefile, and its outside origin. */
export interface Loc {
  readonly file: string
  readonly start: number
  readonly end: number
  readonly origin?: Origin
  /** The character stands for a value that cannot be known (it is part of a `$(NAME)` marker). */
  readonly unknown?: true
  /** Where the character is written literally, when it came through a variable (`1809` in `VERSIONS := 1809`). */
  readonly written?: { readonly file: string; readonly start: number; readonly end: number }
}

/** Expanded text with a location per character. */
export interface Txt {
  readonly s: string
  readonly loc: readonly Loc[]
}

/** A value given from outside: `undefined` value = set but unknown (`${{ secrets.X }}`). */
export interface OutsideValue {
  readonly value?: string
  readonly origin?: Origin
}

export interface MakeInput {
  /** Reads a Makefile (POSIX path relative to the root); undefined when absent. */
  readonly read: (rel: string) => string | undefined
  /** The makefile to read first (`-f`, or the first of GNUmakefile/makefile/Makefile that exists). */
  readonly makefile: string
  /** Folder make runs in (`-C`), relative to the root; `include` paths are relative to it. */
  readonly dir: string
  readonly commandLine: ReadonlyMap<string, OutsideValue>
  readonly environment: ReadonlyMap<string, OutsideValue>
  /** `-e`: environment values override Makefile assignments. */
  readonly environmentOverrides?: boolean
  /**
   * Any variable may be in the environment with a value isolint cannot know (an earlier step wrote GITHUB_ENV in a
   * way it cannot read): a `?=` default, and with `-e` any Makefile assignment, may not apply.
   */
  readonly environmentUnknown?: boolean
}

/** One recipe line as make hands it to the shell. */
export interface RecipeLine {
  readonly target: string
  readonly text: Txt
  /** The Makefile the line is written in. */
  readonly file: string
}

export interface MakeRun {
  readonly lines: readonly RecipeLine[]
  /** Targets whose recipe was left out because it depends on something unknown (with the reason). */
  readonly unknown: readonly string[]
  /** Makefiles read (the first one and those it includes). */
  readonly files: readonly string[]
}

const MAX_DEPTH = 40
const MAX_TEXT = 64 * 1024
const MAX_LINES = 5_000
const MAX_INCLUDES = 32
/** Expansions per statement or recipe line. */
const MAX_WORK = 5_000

type Flavor = 'recursive' | 'simple'
type Source = 'default' | 'environment' | 'file' | 'command line' | 'override' | 'automatic'

interface Variable {
  readonly flavor: Flavor
  /** Recursive: the raw text, with its locations; simple: the expanded text. */
  readonly text: Txt
  readonly source: Source
  /** The value cannot be known (`$(shell …)`, an assignment under an undecidable conditional). */
  readonly unknown?: boolean
}

interface Rule {
  readonly target: string
  readonly prerequisites: Txt[]
  readonly recipe: { text: Txt; file: string; unknown: boolean }[]
  readonly vars: { name: string; op: string; value: Txt; unknown: boolean }[]
}

/** A value that cannot be known: it expands to `$(NAME)`, which the shell reader reports as unresolved. */
class Unknown extends Error {}

const empty: Txt = { s: '', loc: [] }

function txt(s: string, loc: Loc): Txt {
  return { s, loc: Array.from({ length: s.length }, () => loc) }
}

function concat(parts: readonly Txt[]): Txt {
  let s = ''
  const loc: Loc[] = []
  for (const p of parts) {
    s += p.s
    for (const l of p.loc) loc.push(l)
  }
  if (s.length > MAX_TEXT) throw new Unknown('expansion too large')
  return { s, loc }
}

function slice(t: Txt, start: number, end?: number): Txt {
  return { s: t.s.slice(start, end), loc: t.loc.slice(start, end) }
}

function trim(t: Txt): Txt {
  const a = t.s.length - t.s.trimStart().length
  const b = t.s.trimEnd().length
  return slice(t, a, Math.max(a, b))
}

/** Whitespace-separated words, each with its locations. */
function words(t: Txt): Txt[] {
  const out: Txt[] = []
  const re = /\S+/g
  for (let m = re.exec(t.s); m; m = re.exec(t.s)) out.push(slice(t, m.index, m.index + m[0].length))
  return out
}

function join(list: readonly Txt[], sep: Txt): Txt {
  const parts: Txt[] = []
  list.forEach((w, i) => {
    if (i > 0) parts.push(sep)
    parts.push(w)
  })
  return concat(parts)
}

/** True when part of `t` cannot be known; a decision that depends on it cannot be made. */
function tainted(t: Txt): boolean {
  return t.loc.some((l) => l.unknown)
}

function known(t: Txt): Txt {
  if (tainted(t)) throw new Unknown('depends on an unknown value')
  return t
}

/** All characters of `t` relocated to `at` (a function's result), keeping a common outside origin. */
function relocate(s: string, at: Loc, from?: Txt): Txt {
  if (from) known(from)
  const origins = new Set(from?.loc.map((l) => l.origin))
  const origin = origins.size === 1 ? [...origins][0] : undefined
  return txt(s, origin ? { ...at, origin } : { file: at.file, start: at.start, end: at.end })
}

class MakeEvaluator {
  private readonly vars = new Map<string, Variable>()
  private readonly rules = new Map<string, Rule>()
  private defaultTarget: string | undefined
  private readonly files: string[] = []
  private includes = 0
  /** Conditional stack: `active` = lines are read, `unsure` = the condition could not be decided. */
  private readonly conds: { active: boolean; taken: boolean; unsure: boolean; parentActive: boolean; parentUnsure: boolean }[] = []
  private depth = 0
  private work = 0

  constructor(private readonly input: MakeInput) {
    for (const [name, v] of input.environment) this.setOutside(name, v, 'environment')
    for (const [name, v] of input.commandLine) this.setOutside(name, v, 'command line')
    this.vars.set('MAKE', { flavor: 'simple', text: txt('make', { file: input.makefile, start: 0, end: 0 }), source: 'default' })
    this.vars.set('SHELL', { flavor: 'simple', text: txt('/bin/sh', { file: input.makefile, start: 0, end: 0 }), source: 'default' })
  }

  /** Reads the makefile; false when it does not exist. */
  read(): boolean {
    const text = this.input.read(this.input.makefile)
    if (text === undefined) return false
    this.readFile(this.input.makefile, text)
    return true
  }

  /** The recipe lines the targets run, prerequisites first, each target once. */
  run(targets: readonly string[]): MakeRun {
    const lines: RecipeLine[] = []
    const unknown: string[] = []
    const done = new Set<string>()
    const goals = targets.length > 0 ? targets : this.defaultTarget ? [this.defaultTarget] : []
    const visit = (target: string, inherited: ReadonlyMap<string, Variable>, depth: number): void => {
      if (done.has(target) || depth > MAX_DEPTH || lines.length > MAX_LINES) return
      done.add(target)
      const rule = this.rules.get(target)
      if (!rule) return
      // Target-specific values apply to the target and its prerequisites.
      const local = new Map(inherited)
      for (const v of rule.vars) {
        const prev = local.get(v.name) ?? this.vars.get(v.name)
        const value = this.assigned(v.op, v.value, v.unknown, prev, 'file', local)
        if (value) local.set(v.name, value)
      }
      const scope = local
      for (const p of rule.prerequisites) {
        let expanded: Txt
        try {
          expanded = this.withScope(scope, () => this.expand(p))
        } catch {
          unknown.push(target)
          continue
        }
        for (const w of words(expanded)) visit(w.s, local, depth + 1)
      }
      const auto = new Map(scope)
      const at = rule.recipe[0]?.text.loc[0] ?? { file: this.input.makefile, start: 0, end: 0 }
      auto.set('@', { flavor: 'simple', text: txt(target, at), source: 'automatic' })
      const firstPrereq = rule.prerequisites.map((p) => words(p)[0]).find((w) => w !== undefined)
      if (firstPrereq) auto.set('<', { flavor: 'recursive', text: firstPrereq, source: 'automatic' })
      // make expands the whole recipe before running its first line: one unknown or $(error) stops it all.
      try {
        const expanded = rule.recipe.map((r) => {
          if (r.unknown) throw new Unknown('recipe line under an undecidable conditional')
          this.work = 0
          return { target, text: this.withScope(auto, () => this.expand(r.text)), file: r.file }
        })
        lines.push(...expanded)
      } catch (e) {
        if (!(e instanceof MakeError)) unknown.push(target)
      }
    }
    for (const g of goals) visit(g, new Map(), 0)
    return { lines, unknown, files: [...this.files] }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Reading

  private readFile(file: string, text: string): void {
    this.files.push(file)
    const lines = logicalLines(file, text)
    let rule: Rule | undefined
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      this.work = 0
      const raw = line.text.s
      if (rule && raw.startsWith('\t')) {
        if (this.active()) {
          const body = slice(line.text, 1)
          rule.recipe.push({ text: body, file, unknown: this.unsure() })
        }
        continue
      }
      const t = stripComment(line.text)
      const body = trim(t)
      if (body.s === '') continue
      const directive = /^(ifeq|ifneq|ifdef|ifndef|else|endif)\b/.exec(body.s)?.[1]
      if (directive) {
        this.conditional(directive, trim(slice(body, directive.length)))
        continue
      }
      if (!this.active()) {
        if (/^define\b/.test(body.s)) i = skipDefine(lines, i)
        continue
      }
      const define = /^(?:(override|export)\s+)?define\s+([^\s:?+!=]+)\s*(::?=|\?=|\+=|=)?\s*$/.exec(body.s)
      if (define) {
        const end = skipDefine(lines, i)
        const value = joinLines(lines.slice(i + 1, end))
        this.assign(define[2]!, define[3] ?? '=', value, define[1] === 'override')
        i = end
        rule = undefined
        continue
      }
      const include = /^(-include|sinclude|include)\s+/.exec(body.s)
      if (include) {
        rule = undefined
        this.include(slice(body, include[0].length), include[1] !== 'include')
        continue
      }
      if (/^(?:export|unexport|vpath)\b/.test(body.s) && !/[:?+!]?=/.test(body.s.replace(/^export\s+/, ''))) continue
      const assignment = /^(?:(override)\s+)?(?:export\s+)?([^\s:#=?+!]+)\s*(::?=|:::=|\?=|\+=|!=|=)/.exec(body.s)
      if (assignment) {
        rule = undefined
        const value = trim(slice(body, assignment[0].length))
        this.assign(assignment[2]!, assignment[3]!, value, assignment[1] === 'override')
        continue
      }
      const colon = ruleColon(body.s)
      if (colon >= 0) {
        rule = this.readRule(body, colon)
        continue
      }
      rule = undefined
    }
  }

  private readRule(body: Txt, colon: number): Rule | undefined {
    const double = body.s[colon + 1] === ':'
    let targetsTxt: Txt
    try {
      targetsTxt = this.expand(slice(body, 0, colon))
    } catch {
      return undefined
    }
    let rest = slice(body, colon + (double ? 2 : 1))
    let recipe: Txt | undefined
    const semi = rest.s.indexOf(';')
    if (semi >= 0) {
      recipe = trim(slice(rest, semi + 1))
      rest = slice(rest, 0, semi)
    }
    const targets = words(targetsTxt).map((w) => w.s)
    // `target: VAR = value` sets a target-specific variable.
    const targetVar = /^\s*(?:override\s+|export\s+)?([^\s:#=?+!]+)\s*(::?=|\?=|\+=|!=|=)/.exec(rest.s)
    let last: Rule | undefined
    for (const target of targets) {
      if (target.includes('%')) continue
      const rule = this.rules.get(target) ?? { target, prerequisites: [], recipe: [], vars: [] }
      this.rules.set(target, rule)
      if (targetVar) {
        rule.vars.push({ name: targetVar[1]!, op: targetVar[2]!, value: trim(slice(rest, targetVar[0].length)), unknown: this.unsure() })
        continue
      }
      rule.prerequisites.push(slice(rest, 0, rest.s.includes('|') ? rest.s.indexOf('|') : undefined))
      if (recipe && recipe.s !== '') rule.recipe.push({ text: recipe, file: recipe.loc[0]?.file ?? '', unknown: this.unsure() })
      if (this.defaultTarget === undefined && !target.startsWith('.')) this.defaultTarget = target
      last = rule
    }
    return targetVar ? undefined : last
  }

  private include(names: Txt, optional: boolean): void {
    let expanded: Txt
    try {
      expanded = this.expand(names)
    } catch {
      return
    }
    for (const w of words(expanded)) {
      if (++this.includes > MAX_INCLUDES) return
      const rel = joinRel(this.input.dir, w.s)
      if (rel === undefined || this.files.includes(rel)) continue
      const text = this.input.read(rel)
      if (text === undefined) {
        if (!optional) this.files.push(rel)
        continue
      }
      this.readFile(rel, text)
    }
  }

  private conditional(directive: string, rest: Txt): void {
    const parentActive = this.active()
    const parentUnsure = this.unsure()
    if (directive === 'endif') {
      this.conds.pop()
      return
    }
    if (directive === 'else') {
      const top = this.conds[this.conds.length - 1]
      if (!top) return
      const nested = /^(ifeq|ifneq|ifdef|ifndef)\b/.exec(rest.s)?.[1]
      if (top.taken && !top.unsure) {
        top.active = false
        return
      }
      if (!nested) {
        top.active = top.parentActive && !top.taken
        top.taken = true
        return
      }
      const test = this.test(nested, trim(slice(rest, nested.length)))
      if (test === undefined) {
        top.unsure = true
        top.active = top.parentActive
      } else {
        top.active = top.parentActive && !top.taken && test
        top.taken = top.taken || test
      }
      return
    }
    const test = parentActive ? this.test(directive, rest) : false
    this.conds.push({
      active: parentActive && test !== false,
      taken: test === true,
      unsure: test === undefined,
      parentActive,
      parentUnsure,
    })
  }

  private active(): boolean {
    return this.conds.every((c) => c.active)
  }

  private unsure(): boolean {
    return this.conds.some((c) => c.unsure)
  }

  /** Decides a conditional; undefined when it depends on something unknown. */
  private test(directive: string, rest: Txt): boolean | undefined {
    try {
      if (directive === 'ifdef' || directive === 'ifndef') {
        const name = known(this.expand(rest)).s.trim()
        const v = this.lookup(name)
        if (v?.unknown) return undefined
        if (!v) {
          if (!this.known(name)) return undefined
        }
        const defined = v !== undefined && v.text.s !== ''
        return directive === 'ifdef' ? defined : !defined
      }
      const args = conditionArgs(rest)
      if (!args) return undefined
      const a = known(this.expand(args[0])).s
      const b = known(this.expand(args[1])).s
      const eq = args[2] ? a.trim() === b.trim() : a === b
      return directive === 'ifeq' ? eq : !eq
    } catch {
      return undefined
    }
  }

  private assign(name: string, op: string, value: Txt, override: boolean): void {
    const prev = this.vars.get(name)
    if (prev && (prev.source === 'command line' || (prev.source === 'environment' && this.input.environmentOverrides)) && !override) return
    // The environment may hold the variable, with a value isolint cannot know: `?=` (or, with -e, any assignment) may not apply.
    const maybeFromEnvironment = this.input.environmentUnknown && !override && !prev && (op === '?=' || this.input.environmentOverrides)
    const next = this.assigned(op, value, this.unsure() || maybeFromEnvironment === true, prev, override ? 'override' : 'file', this.vars)
    if (next) this.vars.set(name, next)
  }

  private assigned(
    op: string,
    value: Txt,
    unsure: boolean,
    prev: Variable | undefined,
    source: Source,
    scope: ReadonlyMap<string, Variable>,
  ): Variable | undefined {
    if (unsure && op !== '+=') return { flavor: 'simple', text: empty, source, unknown: true }
    switch (op) {
      case '?=':
        return prev ? undefined : { flavor: 'recursive', text: value, source }
      case ':=':
      case '::=':
      case ':::=': {
        try {
          return { flavor: 'simple', text: this.withScope(scope, () => this.expand(value)), source }
        } catch {
          return { flavor: 'simple', text: empty, source, unknown: true }
        }
      }
      case '!=':
        return { flavor: 'simple', text: empty, source, unknown: true }
      case '+=': {
        if (!prev) return { flavor: 'recursive', text: value, source, ...(unsure ? { unknown: true } : {}) }
        const space = txt(' ', value.loc[0] ?? prev.text.loc[0] ?? { file: '', start: 0, end: 0 })
        let added = value
        if (prev.flavor === 'simple') {
          try {
            added = this.withScope(scope, () => this.expand(value))
          } catch {
            return { flavor: 'simple', text: empty, source, unknown: true }
          }
        }
        return {
          flavor: prev.flavor,
          text: prev.text.s === '' ? added : concat([prev.text, space, added]),
          source: prev.source === 'environment' ? source : prev.source,
          ...(prev.unknown || unsure ? { unknown: true } : {}),
        }
      }
      default:
        return { flavor: 'recursive', text: value, source }
    }
  }

  private setOutside(name: string, v: OutsideValue, source: Source): void {
    const at: Loc = { file: v.origin?.span.file ?? '', start: 0, end: 0, ...(v.origin ? { origin: v.origin } : {}) }
    this.vars.set(name, {
      flavor: 'simple',
      text: v.value !== undefined ? txt(v.value, at) : empty,
      source,
      ...(v.value === undefined ? { unknown: true } : {}),
    })
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expansion

  private scope: ReadonlyMap<string, Variable> = new Map()
  private readonly expanding = new Set<Variable>()

  private withScope<T>(scope: ReadonlyMap<string, Variable>, f: () => T): T {
    const saved = this.scope
    this.scope = scope
    try {
      return f()
    } finally {
      this.scope = saved
    }
  }

  private lookup(name: string): Variable | undefined {
    return this.scope.get(name) ?? this.vars.get(name)
  }

  /** A variable nobody sets is empty for make, but the runner's environment may set it: only a few are known. */
  private known(name: string): boolean {
    return this.lookup(name) !== undefined || /^(?:[@<^*?+|%]|\.[A-Z_]+|MAKE\w*|CURDIR)$/.test(name)
  }

  /** Expands `$(…)`, `${…}` and `$X`; throws {@link Unknown} for what cannot be known, {@link MakeError} for `$(error)`. */
  expand(t: Txt): Txt {
    // A budget for the whole evaluation: variables that refer to each other twice per level are exponential.
    if (++this.work > MAX_WORK) throw new Unknown('too much expansion work')
    if (++this.depth > MAX_DEPTH) {
      this.depth--
      throw new Unknown('nested too deeply')
    }
    try {
      const parts: Txt[] = []
      let i = 0
      let plain = 0
      const flush = (to: number): void => {
        if (to > plain) parts.push(slice(t, plain, to))
      }
      while (i < t.s.length) {
        if (t.s[i] !== '$') {
          i++
          continue
        }
        flush(i)
        const c = t.s[i + 1]
        if (c === '$') {
          parts.push(slice(t, i, i + 1))
          i += 2
        } else if (c === '(' || c === '{') {
          const end = matching(t.s, i + 1)
          if (end < 0) {
            i = t.s.length
            plain = i
            break
          }
          parts.push(this.referenceOrMarker(slice(t, i + 2, end), spanLoc(t, i, end + 1)))
          i = end + 1
        } else if (c !== undefined) {
          parts.push(this.referenceOrMarker(slice(t, i + 1, i + 2), spanLoc(t, i, i + 2)))
          i += 2
        } else {
          i++
        }
        plain = i
      }
      flush(t.s.length)
      return concat(parts)
    } finally {
      this.depth--
    }
  }

  /** The value of `$(body)`, or a `$(NAME)` marker when it cannot be known (reported as unresolved later). */
  private referenceOrMarker(body: Txt, at: Loc): Txt {
    try {
      return this.reference(body, at)
    } catch (e) {
      if (!(e instanceof Unknown)) throw e
      const name = body.s.length <= 40 ? body.s : `${body.s.slice(0, 39)}…`
      return txt(`$(${name.replace(/[()]/g, '')})`, { ...at, unknown: true })
    }
  }

  /** The value of `$(body)` written at `at`. */
  private reference(body: Txt, at: Loc): Txt {
    const fn = /^([a-z-]+)[ \t]/.exec(body.s)?.[1]
    if (fn && FUNCTIONS.has(fn)) return this.call(fn, slice(body, fn.length + 1), at)
    const name = known(this.expand(body))
    // Substitution reference `$(VAR:a=b)`.
    const sub = /^([^:]+):([^=]*)=(.*)$/s.exec(name.s)
    if (sub) {
      const value = this.value(sub[1]!, at)
      const pattern = sub[2]!.includes('%') ? sub[2]! : `%${sub[2]}`
      const replacement = sub[2]!.includes('%') ? sub[3]! : `%${sub[3]}`
      return join(words(value).map((w) => patsubst(pattern, replacement, w, at)), txt(' ', at))
    }
    return this.value(name.s, at)
  }

  private value(name: string, at: Loc): Txt {
    const v = this.lookup(name)
    if (!v) {
      if (this.known(name)) return empty
      throw new Unknown(name)
    }
    if (v.unknown) throw new Unknown(name)
    // make stops on a variable that refers to itself; here it is unknown.
    if (this.expanding.has(v)) throw new Unknown(name)
    let value = v.text
    if (v.flavor === 'recursive') {
      this.expanding.add(v)
      try {
        value = this.expand(v.text)
      } finally {
        this.expanding.delete(v)
      }
    }
    // The characters now stand where the reference is written; an outside origin travels with them.
    // Characters written at the same place share one location object (long values repeat a few sources).
    const moved = new Map<Loc, Loc>()
    const move = (l: Loc): Loc => {
      let m = moved.get(l)
      if (!m) {
        m = {
          ...at,
          ...(l.origin ? { origin: l.origin } : {}),
          ...(l.unknown ? { unknown: l.unknown } : {}),
          ...(l.file !== '' ? { written: l.written ?? { file: l.file, start: l.start, end: l.end } } : {}),
        }
        moved.set(l, m)
      }
      return m
    }
    return { s: value.s, loc: value.loc.map(move) }
  }

  private call(fn: string, argsTxt: Txt, at: Loc): Txt {
    const args = splitArgs(argsTxt, FUNCTIONS.get(fn)!)
    const arg = (n: number): Txt => this.expand(args[n] ?? empty)
    /** An argument a decision is made on: it must be known. */
    const decide = (n: number): Txt => known(arg(n))
    const space = txt(' ', at)
    switch (fn) {
      case 'shell':
      case 'wildcard':
      case 'realpath':
      case 'abspath':
      case 'eval':
      case 'file':
      case 'guile':
      case 'value':
        throw new Unknown(fn)
      case 'error':
        throw new MakeError(arg(0).s)
      case 'warning':
      case 'info':
        return empty
      case 'origin': {
        const name = decide(0).s
        const v = this.lookup(name)
        if (!v) {
          if (this.known(name)) return txt('undefined', at)
          throw new Unknown(name)
        }
        return txt(v.source, at)
      }
      case 'strip':
        return join(words(arg(0)), space)
      case 'foreach': {
        const name = decide(0).s.trim()
        const list = words(decide(1))
        const out: Txt[] = []
        for (const w of list) {
          const scope = new Map(this.scope)
          scope.set(name, { flavor: 'simple', text: w, source: 'automatic' })
          out.push(this.withScope(scope, () => this.expand(args[2] ?? empty)))
        }
        return join(out, space)
      }
      case 'if': {
        const cond = decide(0)
        return cond.s.trim() !== '' ? arg(1) : arg(2)
      }
      case 'or': {
        for (let n = 0; n < args.length; n++) {
          const v = decide(n)
          if (v.s.trim() !== '') return v
        }
        return empty
      }
      case 'and': {
        let v = empty
        for (let n = 0; n < args.length; n++) {
          v = decide(n)
          if (v.s.trim() === '') return empty
        }
        return v
      }
      case 'subst': {
        const from = decide(0).s
        const to = decide(1).s
        const text = arg(2)
        return from === '' ? text : relocate(text.s.split(from).join(to), at, text)
      }
      case 'patsubst': {
        const p = decide(0).s.trim()
        const r = decide(1).s.trim()
        return join(words(arg(2)).map((w) => patsubst(p, r, w, at)), space)
      }
      case 'filter':
      case 'filter-out': {
        const patterns = words(decide(0)).map((w) => w.s)
        const keep = fn === 'filter'
        return join(words(decide(1)).filter((w) => patterns.some((p) => matches(p, w.s)) === keep), space)
      }
      case 'findstring': {
        const needle = decide(0).s
        return decide(1).s.includes(needle) ? txt(needle, at) : empty
      }
      case 'sort':
        return join(uniqueWords(words(decide(0))).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0)), space)
      case 'word': {
        const n = Number(decide(0).s.trim())
        if (!Number.isInteger(n) || n < 1) throw new Unknown('word')
        return words(decide(1))[n - 1] ?? empty
      }
      case 'wordlist': {
        const s = Number(decide(0).s.trim())
        const e = Number(decide(1).s.trim())
        if (!Number.isInteger(s) || !Number.isInteger(e) || s < 1) throw new Unknown('wordlist')
        return join(words(decide(2)).slice(s - 1, e), space)
      }
      case 'words':
        return txt(String(words(decide(0)).length), at)
      case 'firstword':
        return words(decide(0))[0] ?? empty
      case 'lastword': {
        const w = words(decide(0))
        return w[w.length - 1] ?? empty
      }
      case 'addprefix':
      case 'addsuffix': {
        const affix = arg(0)
        return join(words(arg(1)).map((w) => (fn === 'addprefix' ? concat([affix, w]) : concat([w, affix]))), space)
      }
      case 'join': {
        const a = words(arg(0))
        const b = words(arg(1))
        const out: Txt[] = []
        for (let n = 0; n < Math.max(a.length, b.length); n++) out.push(concat([a[n] ?? empty, b[n] ?? empty]))
        return join(out, space)
      }
      case 'notdir':
      case 'dir':
      case 'basename':
      case 'suffix': {
        return join(
          words(arg(0)).map((w) => {
            const slash = w.s.lastIndexOf('/')
            const dot = w.s.lastIndexOf('.')
            const hasSuffix = dot > slash
            switch (fn) {
              case 'notdir':
                return slice(w, slash + 1)
              case 'dir':
                return slash >= 0 ? slice(w, 0, slash + 1) : txt('./', at)
              case 'basename':
                return hasSuffix ? slice(w, 0, dot) : w
              default:
                return hasSuffix ? slice(w, dot) : empty
            }
          }),
          space,
        )
      }
      case 'call': {
        const name = decide(0).s.trim()
        const scope = new Map(this.scope)
        for (let n = 1; n < Math.max(args.length, 10); n++) {
          scope.set(String(n), { flavor: 'simple', text: n < args.length ? arg(n) : empty, source: 'automatic' })
        }
        const v = this.lookup(name)
        if (!v || v.unknown) throw new Unknown(name)
        return this.withScope(scope, () => (v.flavor === 'recursive' ? this.expand(v.text) : v.text))
      }
      default:
        throw new Unknown(fn)
    }
  }
}

/** `$(error …)` was expanded: make stops before running the recipe. */
class MakeError extends Error {}

/** Functions and how many arguments they split into (the last one takes the rest, commas included). */
const FUNCTIONS = new Map<string, number>([
  ['shell', 1], ['wildcard', 1], ['realpath', 1], ['abspath', 1], ['eval', 1], ['file', 1], ['guile', 1],
  ['value', 1], ['error', 1], ['warning', 1], ['info', 1], ['origin', 1], ['strip', 1], ['foreach', 3],
  ['if', 3], ['or', 64], ['and', 64], ['subst', 3], ['patsubst', 3], ['filter', 2], ['filter-out', 2],
  ['findstring', 2], ['sort', 1], ['word', 2], ['wordlist', 3], ['words', 1], ['firstword', 1], ['lastword', 1],
  ['addprefix', 2], ['addsuffix', 2], ['join', 2], ['notdir', 1], ['dir', 1], ['basename', 1], ['suffix', 1],
  ['call', 64],
])

function uniqueWords(list: Txt[]): Txt[] {
  const seen = new Set<string>()
  return list.filter((w) => !seen.has(w.s) && (seen.add(w.s), true))
}

function matches(pattern: string, word: string): boolean {
  const p = pattern.indexOf('%')
  if (p < 0) return pattern === word
  const pre = pattern.slice(0, p)
  const post = pattern.slice(p + 1)
  return word.length >= pre.length + post.length && word.startsWith(pre) && word.endsWith(post)
}

function patsubst(pattern: string, replacement: string, w: Txt, at: Loc): Txt {
  if (!matches(pattern, w.s)) return w
  const p = pattern.indexOf('%')
  if (p < 0) return relocate(replacement, at, w)
  const stem = slice(w, p, w.s.length - (pattern.length - p - 1))
  const r = replacement.indexOf('%')
  if (r < 0) return txt(replacement, at)
  return concat([txt(replacement.slice(0, r), at), stem, txt(replacement.slice(r + 1), at)])
}

/** Splits function arguments at top-level commas into at most `max` pieces. */
function splitArgs(t: Txt, max: number): Txt[] {
  const out: Txt[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < t.s.length; i++) {
    const c = t.s[i]
    if (c === '(' || c === '{') depth++
    else if (c === ')' || c === '}') depth--
    else if (c === ',' && depth === 0 && out.length < max - 1) {
      out.push(slice(t, start, i))
      start = i + 1
    }
  }
  out.push(slice(t, start))
  return out
}

/** Given `s[open]` = `(` or `{`, the index of its closing bracket; -1 when unbalanced. */
function matching(s: string, open: number): number {
  const o = s[open]!
  const c = o === '(' ? ')' : '}'
  let depth = 0
  for (let i = open; i < s.length; i++) {
    if (s[i] === o) depth++
    else if (s[i] === c && --depth === 0) return i
  }
  return -1
}

function spanLoc(t: Txt, start: number, end: number): Loc {
  const a = t.loc[start]
  const b = t.loc[end - 1]
  if (!a) return { file: '', start: 0, end: 0 }
  return { file: a.file, start: a.start, end: b && b.file === a.file ? Math.max(a.end, b.end) : a.end }
}

/** `ifeq (a,b)`, `ifeq "a" "b"`, `ifeq 'a' "b"`: the two texts, and whether they were in parentheses. */
function conditionArgs(rest: Txt): [Txt, Txt, boolean] | undefined {
  if (rest.s.startsWith('(')) {
    const close = matching(rest.s, 0)
    if (close < 0) return undefined
    const inner = slice(rest, 1, close)
    const parts = splitArgs(inner, 2)
    if (parts.length !== 2) return undefined
    return [parts[0]!, parts[1]!, true]
  }
  const m = /^(["'])(.*?)\1\s+(["'])(.*?)\3\s*$/d.exec(rest.s)
  if (!m?.indices) return undefined
  const a = m.indices[2]!
  const b = m.indices[4]!
  return [slice(rest, a[0], a[1]), slice(rest, b[0], b[1]), false]
}

/** The `:` that separates targets from prerequisites (not in `:=` or inside `$(…)`), or -1. */
function ruleColon(s: string): number {
  let depth = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '(' || c === '{') depth++
    else if (c === ')' || c === '}') depth--
    else if (c === ':' && depth === 0) {
      if (s[i + 1] === '=' || (s[i + 1] === ':' && s[i + 2] === '=')) return -1
      if (/^[A-Za-z]$/.test(s.slice(0, i)) && /[\\/]/.test(s[i + 1] ?? '')) continue
      return i
    }
    else if (c === '=' && depth === 0) return -1
  }
  return -1
}

interface Line {
  readonly text: Txt
}

/** Joins backslash-continued lines; recipe lines keep the backslash-newline (the shell reads it). */
function logicalLines(file: string, text: string): Line[] {
  const out: Line[] = []
  const physical = text.split('\n')
  let offset = 0
  let current: { s: string; loc: Loc[] } | undefined
  let recipe = false
  for (const raw of physical) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const start = offset
    offset += raw.length + 1
    if (!current) {
      current = { s: '', loc: [] }
      recipe = line.startsWith('\t')
    }
    let body = line
    let bodyStart = start
    if (current.s !== '' && !recipe) {
      const lead = body.length - body.trimStart().length
      body = body.slice(lead)
      bodyStart += lead
    }
    const continued = /(^|[^\\])(\\\\)*\\$/.test(body)
    const keep = continued && !recipe ? body.slice(0, -1) : body
    for (let k = 0; k < keep.length; k++) {
      current.s += keep[k]
      current.loc.push({ file, start: bodyStart + k, end: bodyStart + k + 1 })
    }
    if (continued) {
      const nl = recipe ? '\n' : ' '
      current.s += nl
      current.loc.push({ file, start: bodyStart + body.length, end: bodyStart + body.length })
      // A recipe continuation line drops its leading tab.
      continue
    }
    out.push({ text: current })
    current = undefined
  }
  if (current) out.push({ text: current })
  // Recipe continuation lines start with a tab that make removes.
  return out.map((l) => {
    if (!l.text.s.startsWith('\t')) return l
    const s = l.text.s
    let r = ''
    const loc: Loc[] = []
    for (let k = 0; k < s.length; k++) {
      if (s[k] === '\t' && s[k - 1] === '\n') continue
      r += s[k]
      loc.push(l.text.loc[k]!)
    }
    return { text: { s: r, loc } }
  })
}

function stripComment(t: Txt): Txt {
  let depth = 0
  for (let i = 0; i < t.s.length; i++) {
    const c = t.s[i]
    if (c === '\\' && t.s[i + 1] === '#') {
      i++
      continue
    }
    if (c === '(' || c === '{') depth++
    else if (c === ')' || c === '}') depth--
    else if (c === '#' && depth <= 0) return slice(t, 0, i)
  }
  return t
}

function skipDefine(lines: readonly Line[], i: number): number {
  let depth = 1
  for (let k = i + 1; k < lines.length; k++) {
    const s = lines[k]!.text.s.trim()
    if (/^(?:(?:override|export)\s+)?define\b/.test(s)) depth++
    else if (/^endef\b/.test(s) && --depth === 0) return k
  }
  return lines.length - 1
}

function joinLines(lines: readonly Line[]): Txt {
  return join(
    lines.map((l) => l.text),
    lines[0] ? txt('\n', lines[0].text.loc[0] ?? { file: '', start: 0, end: 0 }) : empty,
  )
}

/** Evaluates `make` as invoked: reads the makefile (with includes) and returns the recipe lines of the goals. */
export function evaluateMake(input: MakeInput, goals: readonly string[]): MakeRun | undefined {
  const evaluator = new MakeEvaluator(input)
  try {
    if (!evaluator.read()) return undefined
  } catch (e) {
    if (e instanceof MakeError || e instanceof Unknown) return { lines: [], unknown: goals.slice(), files: [input.makefile] }
    throw e
  }
  return evaluator.run(goals)
}
