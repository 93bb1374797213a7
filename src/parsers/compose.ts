/**
 * Compose files: the `services.<name>` fields isolint needs (image, isolation, platform, build), located and
 * interpolated with the variables of a `.env` file, following the Compose specification's interpolation rules.
 */
import { isMap, isScalar, isSeq } from 'yaml'
import type { Alias, Node } from 'yaml'
import { EMPTY_LIST, sizedCopy } from '../core/sized-copy.js'
import { span, type Span } from '../core/span.js'
import type { ComposeBuild, ComposeModel, ComposeService, ComposeValue } from '../model/compose.js'
import type { Writable } from '../model/workflow.js'
import type { Mount } from '../model/mount.js'
import { MAX_SUBSTITUTION_DEPTH, substitute, type SubstitutionOperator } from '../core/substitution.js'
import { parseYaml, Resolver, spanOf, YamlLimitError } from './yaml-located.js'
import type { MapEntry, YamlSource } from './yaml-located.js'

/** A problem that stops (part of) a Compose file from being read; it becomes a `parse-error` finding. */
export interface ComposeProblem {
  readonly message: string
  readonly span: Span
}

/** Result of {@link interpolate}: `value` is undefined whenever `unresolved` is not empty. */
export interface Interpolated {
  readonly value?: string
  /** Variables without a value (or whole `${...}` expressions Compose would reject), in order of appearance. */
  readonly unresolved: readonly string[]
}

/**
 * The variables a Compose file is interpolated with: name to value, or to `undefined` when isolint cannot know the
 * value (nor whether the variable is set at all).
 */
export type ComposeEnv = ReadonlyMap<string, string | undefined>

const NAME_RE = /[_a-zA-Z][_a-zA-Z0-9]*/y
const OPERATOR_RE = /:-|:\?|:\+|-|\?|\+/y

/**
 * Interpolates a Compose value: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`,
 * `${VAR:+alt}`, `${VAR+alt}`, nested expressions in defaults and alternatives, and `$$` for a literal `$`.
 * A `$` not followed by a name or `{` is kept as is, like Compose does.
 *
 * Unlike Compose, which substitutes an empty string (with a warning) for a variable that is not set, a variable with
 * no value and no default is reported in `unresolved` and `value` is undefined, so that rules never mistake `${...}`
 * text or an empty string for an image or an isolation mode. A variable set to the empty string is a value (`''`).
 * An expression Compose rejects (`${}`, `${A/b/c}`, an unclosed `${`) is reported whole in `unresolved`.
 *
 * A name `env` holds with the value `undefined` is one isolint cannot know (a workflow expression it cannot evaluate,
 * a variable `sudo` may drop): whether it is set is unknown too, so every expression that reads it is unresolved,
 * defaults included (`${TAG:-ltsc2019}` is not `ltsc2019`).
 */
export function interpolate(raw: string, env: ComposeEnv): Interpolated {
  if (!raw.includes('$')) return { value: raw, unresolved: EMPTY_LIST }
  const unresolved: string[] = []
  const out = expand(raw, env, unresolved, 0)
  return unresolved.length > 0 ? { unresolved: [...new Set(unresolved)] } : { value: out, unresolved: EMPTY_LIST }
}

function expand(s: string, env: ComposeEnv, unresolved: string[], depth: number): string {
  let out = ''
  let i = 0
  while (i < s.length) {
    const dollar = s.indexOf('$', i)
    if (dollar < 0) {
      out += s.slice(i)
      break
    }
    out += s.slice(i, dollar)
    const next = s[dollar + 1]
    if (next === '$') {
      out += '$'
      i = dollar + 2
    } else if (next === '{') {
      const close = closingBrace(s, dollar + 1)
      if (close < 0) {
        unresolved.push(s.slice(dollar))
        return out
      }
      out += braced(s.slice(dollar + 2, close), env, unresolved, depth)
      i = close + 1
    } else {
      NAME_RE.lastIndex = dollar + 1
      const name = NAME_RE.exec(s)?.[0]
      if (name === undefined) {
        out += '$'
        i = dollar + 1
      } else {
        const value = env.get(name)
        if (value === undefined) unresolved.push(name)
        else out += value
        i = dollar + 1 + name.length
      }
    }
  }
  return out
}

/** Index of the `}` that closes the `{` at `open`, counting nested braces; -1 when it is never closed. */
function closingBrace(s: string, open: number): number {
  let level = 0
  for (let i = open; i < s.length; i++) {
    const c = s[i]
    if (c === '{') level++
    else if (c === '}' && --level === 0) return i
  }
  return -1
}

/** Expands the body of `${body}`. */
function braced(body: string, env: ComposeEnv, unresolved: string[], depth: number): string {
  const invalid = (): string => {
    unresolved.push(`\${${body}}`)
    return ''
  }
  if (depth >= MAX_SUBSTITUTION_DEPTH) return invalid()
  NAME_RE.lastIndex = 0
  const name = NAME_RE.exec(body)?.[0]
  if (name === undefined) return invalid()
  const value = env.get(name)
  // A variable isolint cannot know: neither its value nor whether a default applies.
  if (value === undefined && env.has(name)) {
    unresolved.push(name)
    return ''
  }
  if (body.length === name.length) {
    if (value === undefined) unresolved.push(name)
    return value ?? ''
  }
  OPERATOR_RE.lastIndex = name.length
  const op = OPERATOR_RE.exec(body)?.[0] as SubstitutionOperator | undefined
  if (op === undefined) return invalid()
  switch (substitute(op, value)) {
    case 'value':
      return value ?? ''
    case 'word':
      return expand(body.slice(name.length + op.length), env, unresolved, depth + 1)
    case 'empty':
      return ''
    case 'error':
      // `:?` and `?`: Compose stops with the error message; we report the variable as unresolved.
      unresolved.push(name)
      return ''
  }
}

const DOTENV_KEY_RE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:]/

/**
 * Parses a Compose `.env` file: `KEY=value` lines (also `export KEY=value` and the YAML-like `KEY: value` that
 * Compose accepts), `#` comment lines, blank lines, `'single'` (literal) and `"double"` quoted values (escapes
 * `\n \r \t \\ \"`, may span lines), inline comments after unquoted values when preceded by a space or tab, `KEY=` for
 * an empty value.
 * Unquoted and double-quoted values are interpolated with the variables defined above them; a value that refers to a
 * variable not defined above is left out (it would depend on the shell's environment). Malformed lines are skipped;
 * a later definition wins. Never throws.
 */
export function parseDotEnv(text: string): Map<string, string> {
  const env = new Map<string, string>()
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let pos = 0
  while (pos < src.length) {
    let lineEnd = src.indexOf('\n', pos)
    if (lineEnd < 0) lineEnd = src.length
    const line = src.slice(pos, lineEnd).replace(/\r$/, '')
    const m = DOTENV_KEY_RE.exec(line)
    if (!m) {
      pos = lineEnd + 1
      continue
    }
    const key = m[1]!
    const afterSep = line.slice(m[0].length)
    const rest = afterSep.replace(/^[ \t]+/, '')
    const quote = rest[0]
    if (quote === '"' || quote === "'") {
      // Quoted: may continue on the following lines; search the closing quote in the whole text.
      const open = pos + m[0].length + (afterSep.length - rest.length)
      const close = closingQuote(src, open, quote)
      if (close < 0) {
        pos = lineEnd + 1
        continue
      }
      const inner = src.slice(open + 1, close).replace(/\r\n/g, '\n')
      if (quote === "'") env.set(key, inner.replace(/\\'/g, "'"))
      else setInterpolated(env, key, unescapeDouble(inner))
      const after = src.indexOf('\n', close)
      pos = after < 0 ? src.length : after + 1
      continue
    }
    const comment = afterSep.search(/[ \t]#/)
    const value = (comment < 0 ? afterSep : afterSep.slice(0, comment)).trim()
    setInterpolated(env, key, value)
    pos = lineEnd + 1
  }
  return env
}

function setInterpolated(env: Map<string, string>, key: string, raw: string): void {
  const { value } = interpolate(raw, env)
  if (value === undefined) env.delete(key)
  else env.set(key, value)
}

function closingQuote(s: string, open: number, quote: string): number {
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i]
    if (c === '\\') i++
    else if (c === quote) return i
  }
  return -1
}

function unescapeDouble(s: string): string {
  return s.replace(/\\(.)/gs, (_m, c: string) => {
    switch (c) {
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case '$':
        return '$$'
      default:
        return c
    }
  })
}

/** Top-level keys that mark a CI file (GitLab CI, Azure Pipelines, Kubernetes, GitHub Actions) rather than Compose. */
const NOT_COMPOSE_KEY_RE = /^(?:apiVersion|kind|jobs|steps|stages|pool|trigger|on|image)[ \t]*:/m

/**
 * Cheap content sniff for files whose name says nothing: a top-level `services:` key holding a mapping (an indented
 * `name:` line or a `{` flow mapping), and none of the top-level keys of CI files and Kubernetes manifests.
 */
export function isComposeText(text: string): boolean {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (NOT_COMPOSE_KEY_RE.test(src)) return false
  const m = /^(["']?)services\1[ \t]*:[ \t]*(.*)$/m.exec(src)
  if (!m) return false
  const inline = (m[2] ?? '').replace(/\r$/, '')
  if (inline.startsWith('{')) return true
  if (inline !== '' && !inline.startsWith('#')) return false
  for (const line of src.slice(m.index + m[0].length).split(/\r?\n/)) {
    const t = line.trim()
    if (t === '' || t.startsWith('#')) continue
    return /^[ \t]+/.test(line) && !t.startsWith('-') && /^["']?[^\s"':][^:]*["']?[ \t]*:(?:[ \t]|$)/.test(t)
  }
  return false
}

/**
 * Parses a Compose file into the located model: for each service, `image`, `isolation`, `platform`, `build`
 * (a string context, or a mapping with `context`, `dockerfile`, `args` as a mapping or a `K=V` list, `isolation`,
 * `target`), `scale` and `deploy.replicas`, each interpolated with `env`. Aliases and merge keys are resolved (a value
 * taken from an anchor keeps the span where it is written); `x-` keys are ignored. YAML errors, a top level or `services` that is not a mapping, and
 * hostile input (alias bombs) become problems; this function never throws. A leading BOM is not counted in columns.
 *
 * Scalar values are the YAML values (quotes removed, numbers as written); a key with an empty or null value gives a
 * ComposeValue with `raw` `''` and no `value`. A build arg without a value (`- KEY` or `KEY:`) takes `KEY` from `env`
 * and is unresolved when `env` has no `KEY`.
 */
export function parseCompose(
  file: string,
  text: string,
  env: ComposeEnv,
  envFile?: string,
): { model?: ComposeModel; problems: ComposeProblem[] } {
  try {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
    const parsed = parseYaml(file, body)
    if (!parsed.source) {
      const problems = parsed.problems.map((p) =>
        /call stack/i.test(p.message) ? { ...p, message: 'YAML nested too deeply' } : p,
      )
      return { problems: problems.filter((p, i) => i === 0 || p.message !== problems[i - 1]!.message) }
    }
    return new ComposeReader(parsed.source, env).read(envFile)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    const message = e instanceof YamlLimitError ? detail : `cannot read Compose file: ${detail}`
    return { problems: [{ message, span: span(file, 1, 1, 1, 1) }] }
  }
}

class ComposeReader {
  private readonly r: Resolver
  private readonly problems: ComposeProblem[] = []

  constructor(
    private readonly src: YamlSource,
    private readonly env: ComposeEnv,
  ) {
    this.r = new Resolver(src)
  }

  read(envFile: string | undefined): { model?: ComposeModel; problems: ComposeProblem[] } {
    const { src, r } = this
    if (r.unknown.length > 0) {
      const message = (a: Alias): string => `unknown anchor \`${a.source}\` (an alias must follow its anchor)`
      return { problems: r.unknown.map((a) => ({ message: message(a), span: this.at(a) })) }
    }
    const root = r.deref(src.doc.contents)
    if (!isMap(root)) {
      const what = root === undefined || (isScalar(root) && root.value === null) ? 'is empty' : 'is not a mapping'
      const message = `Compose file ${what}: expected a mapping with \`services\``
      return { problems: [{ message, span: this.at(root) }] }
    }
    const services: ComposeService[] = []
    const entry = r.get(root, 'services')
    if (entry) {
      if (isMap(entry.value)) {
        for (const s of r.entries(entry.value)) {
          if (s.key.startsWith('x-')) continue
          const service = this.service(s)
          if (service) services.push(service)
        }
      } else {
        this.problem('`services` must be a mapping of service names to services', entry)
      }
    }
    const include = this.include(r.get(root, 'include')?.value)
    // Built key by key, optional keys absent when there is no value (no spread: one object per file, not three).
    // Models keep the services, and a pushed list keeps spare room: keep a copy of its size.
    const model: Writable<ComposeModel> = { kind: 'compose', file: src.file, services: sizedCopy(services) }
    if (envFile !== undefined) model.envFile = envFile
    if (include.length > 0) model.include = include
    return { model, problems: this.problems }
  }

  private service(entry: MapEntry): ComposeService | undefined {
    const name = entry.key
    if (!isMap(entry.value)) {
      this.problem(`service \`${name}\` must be a mapping`, entry)
      return undefined
    }
    // One pass over the service's keys (a service has many that isolint does not read); backwards, so that the first
    // of duplicate keys wins (as `Resolver.get`).
    let imageEntry: MapEntry | undefined
    let isolationEntry: MapEntry | undefined
    let platformEntry: MapEntry | undefined
    let buildEntry: MapEntry | undefined
    let volumesEntry: MapEntry | undefined
    let profilesEntry: MapEntry | undefined
    let extendsEntry: MapEntry | undefined
    let scaleEntry: MapEntry | undefined
    let deployEntry: MapEntry | undefined
    const entries = this.r.entries(entry.value)
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k]!
      switch (e.key) {
        case 'image':
          imageEntry = e
          break
        case 'isolation':
          isolationEntry = e
          break
        case 'platform':
          platformEntry = e
          break
        case 'build':
          buildEntry = e
          break
        case 'volumes':
          volumesEntry = e
          break
        case 'profiles':
          profilesEntry = e
          break
        case 'extends':
          extendsEntry = e
          break
        case 'scale':
          scaleEntry = e
          break
        case 'deploy':
          deployEntry = e
          break
      }
    }
    // The path of a field is made only for a problem's message (see `scalar`).
    const path = `services.${name}`
    const image = this.scalar(imageEntry, path, 'image')
    const isolation = this.scalar(isolationEntry, path, 'isolation')
    const platform = this.scalar(platformEntry, path, 'platform')
    const build = buildEntry ? this.build(buildEntry, path) : undefined
    const mounts = volumesEntry ? this.mounts(volumesEntry) : EMPTY_LIST
    const profiles = profilesEntry ? this.strings(profilesEntry.value) : EMPTY_LIST
    const ext = this.extends(extendsEntry)
    const scale = this.count(scaleEntry)
    const replicas = deployEntry ? this.count(this.r.get(deployEntry.value, 'replicas')) : undefined
    // The required keys, then the optional ones in the order of the model, absent when there is no value (no spread per key).
    const service: Writable<ComposeService> = { name, span: spanOf(this.src, entry.keyNode) }
    if (image) service.image = image
    if (isolation) service.isolation = isolation
    if (platform) service.platform = platform
    if (build) service.build = build
    if (mounts.length > 0) service.mounts = mounts
    if (scale) service.scale = scale
    if (replicas) service.replicas = replicas
    if (profiles.length > 0) service.profiles = profiles
    if (ext) service.extends = ext
    return service
  }

  /**
   * `volumes`: short syntax `SOURCE:TARGET[:MODE]` (the source is what comes before the first `:` that is not a
   * drive letter's) and long syntax `{ type, source, target }`. Entries without a source (anonymous volumes) and
   * values that do not interpolate are left out; malformed entries are not this parser's concern (Compose rejects
   * them) and are skipped.
   */
  private mounts(entry: MapEntry | undefined): Mount[] {
    if (!entry || !isSeq(entry.value)) return []
    const out: Mount[] = []
    for (const item of this.r.items(entry.value)) {
      if (isScalar(item)) {
        const text = this.r.string(item)
        const value = text === undefined ? undefined : interpolate(text, this.env).value
        if (value === undefined) continue
        const source = shortVolumeSource(value)
        // The target is the next field, read the same way (`C:\app:ro` → `C:\app`).
        const target = source === undefined ? undefined : shortVolumeSource(`${value.slice(source.length + 1)}:`)
        if (source !== undefined) out.push({ source, span: this.at(item), ...(target ? { target } : {}) })
      } else if (isMap(item)) {
        const fields = this.fields(item)
        const sourceEntry = fields.get('source')
        const text = sourceEntry && isScalar(sourceEntry.value) ? this.r.string(sourceEntry.value) : undefined
        const value = text === undefined ? undefined : interpolate(text, this.env).value
        if (value === undefined || value === '') continue
        const typeEntry = fields.get('type')
        const type = typeEntry && isScalar(typeEntry.value) ? this.r.string(typeEntry.value) : undefined
        const targetEntry = fields.get('target')
        const targetText = targetEntry && isScalar(targetEntry.value) ? this.r.string(targetEntry.value) : undefined
        const target = targetText === undefined ? undefined : interpolate(targetText, this.env).value
        out.push({
          source: value,
          span: this.at(sourceEntry!.value),
          ...(type !== undefined && { type }),
          ...(target ? { target } : {}),
        })
      }
    }
    return out
  }

  /**
   * `scale` or `deploy.replicas`: the scalar as written and interpolated. A null value sets no count (compose-go reads
   * it as unset); another node is none either (Compose refuses the file): no problem of isolint's for either.
   */
  private count(entry: MapEntry | undefined): ComposeValue | undefined {
    if (!entry || isNull(entry.value)) return undefined
    const raw = this.r.string(entry.value)
    return raw === undefined ? undefined : this.value(raw, spanOf(this.src, entry.value), spanOf(this.src, entry.keyNode))
  }

  /** A string or a list of strings, interpolated; values that cannot be interpolated are left out. */
  private strings(node: unknown): string[] {
    const items = isSeq(this.r.deref(node)) ? this.r.items(node) : node !== undefined ? [node] : []
    const out: string[] = []
    for (const item of items) {
      const raw = isScalar(this.r.deref(item)) ? this.r.string(item) : undefined
      const v = raw !== undefined ? interpolate(raw, this.env).value : undefined
      if (v !== undefined && v !== '') out.push(v)
    }
    return out
  }

  private extends(entry: MapEntry | undefined): ComposeService['extends'] {
    if (!entry || isNull(entry.value)) return undefined
    const span = spanOf(this.src, entry.value)
    const node = this.r.deref(entry.value)
    if (isScalar(node)) {
      const service = this.r.string(node)
      return service ? { service, span } : undefined
    }
    const service = this.strings(this.r.get(node, 'service')?.value)[0]
    const file = this.strings(this.r.get(node, 'file')?.value)[0]
    return service ? { service, ...(file !== undefined && { file }), span } : undefined
  }

  /** `include: [a.yaml, { path: [b.yaml, c.yaml] }]`. */
  private include(node: unknown): { path: string; span: Span }[] {
    const out: { path: string; span: Span }[] = []
    for (const item of isSeq(this.r.deref(node)) ? this.r.items(node) : []) {
      const n = this.r.deref(item)
      const paths = isMap(n) ? this.r.get(n, 'path')?.value : n
      for (const p of isSeq(this.r.deref(paths)) ? this.r.items(paths) : [paths]) {
        const v = this.strings(p)[0]
        if (v !== undefined) out.push({ path: v, span: spanOf(this.src, p) })
      }
    }
    return out
  }

  /** `build` of the service at `service` (its path, for messages). */
  private build(entry: MapEntry, service: string): ComposeBuild | undefined {
    const node = entry.value
    const keySpan = spanOf(this.src, entry.keyNode)
    if (isScalar(node) && (node.value === null || node.value === undefined)) return undefined
    if (node === undefined) return undefined
    if (isScalar(node)) {
      const context = this.scalar(entry, service, 'build.context')
      const build: Writable<ComposeBuild> = { args: new Map(), span: spanOf(this.src, node), keySpan }
      if (context) build.context = context
      return build
    }
    if (!isMap(node)) {
      this.problem(`\`${service}.build\` must be a string or a mapping`, entry)
      return undefined
    }
    // One pass over the keys, the first of duplicates winning (as in `service`).
    let contextEntry: MapEntry | undefined
    let dockerfileEntry: MapEntry | undefined
    let isolationEntry: MapEntry | undefined
    let targetEntry: MapEntry | undefined
    let argsEntry: MapEntry | undefined
    let inline = false
    const entries = this.r.entries(node)
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k]!
      switch (e.key) {
        case 'context':
          contextEntry = e
          break
        case 'dockerfile':
          dockerfileEntry = e
          break
        case 'isolation':
          isolationEntry = e
          break
        case 'target':
          targetEntry = e
          break
        case 'args':
          argsEntry = e
          break
        case 'dockerfile_inline':
          inline = true
          break
      }
    }
    const context = this.scalar(contextEntry, service, 'build.context')
    const dockerfile = this.scalar(dockerfileEntry, service, 'build.dockerfile')
    const isolation = this.scalar(isolationEntry, service, 'build.isolation')
    const target = this.scalar(targetEntry, service, 'build.target')
    const args: ReadonlyMap<string, ComposeValue> = argsEntry ? this.args(argsEntry, `${service}.build.args`) : new Map()
    // The required keys, then the optional ones in the order of the model, absent when there is no value (no spread per key).
    const build: Writable<ComposeBuild> = { args, span: spanOf(this.src, node), keySpan }
    if (context) build.context = context
    if (dockerfile) build.dockerfile = dockerfile
    if (isolation) build.isolation = isolation
    if (target) build.target = target
    if (inline) build.inline = true
    return build
  }

  private args(entry: MapEntry, path: string): Map<string, ComposeValue> {
    const args = new Map<string, ComposeValue>()
    const node = entry.value
    if (isMap(node)) {
      for (const e of this.r.entries(node)) {
        const v = this.scalar(e, path, e.key)
        if (v) args.set(e.key, isNull(e.value) ? this.fromEnv(e.key, v) : v)
      }
    } else if (isSeq(node)) {
      for (const item of this.r.items(node)) {
        const text = isScalar(item) ? this.r.string(item) : undefined
        if (text === undefined) {
          this.problems.push({ message: `\`${path}\` items must be strings \`KEY=value\``, span: this.at(item) })
          continue
        }
        const { key, value } = this.listArg(item, text)
        if (key !== '') args.set(key, value)
      }
    } else if (!isNull(node)) {
      this.problem(`\`${path}\` must be a mapping or a list`, entry)
    }
    return args
  }

  /** A `KEY=value` list item: spans narrowed to the key and the value when the item is written on one line. */
  private listArg(item: Node, text: string): { key: string; value: ComposeValue } {
    const eq = text.indexOf('=')
    const key = (eq < 0 ? text : text.slice(0, eq)).trim()
    const whole = spanOf(this.src, item)
    const range = item.range
    let keySpan = whole
    let valueSpan = whole
    if (range && isScalar(item)) {
      const start = range[0] + (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0)
      if (this.src.text.startsWith(text, start)) {
        const lines = this.src.lines
        keySpan = lines.span(this.src.file, start, start + (eq < 0 ? text.length : eq))
        if (eq >= 0) valueSpan = lines.span(this.src.file, start + eq + 1, start + text.length)
      }
    }
    if (eq < 0) return { key, value: this.fromEnv(key, { raw: '', unresolved: EMPTY_LIST, span: valueSpan, keySpan }) }
    const raw = text.slice(eq + 1)
    return { key, value: this.value(raw, valueSpan, keySpan) }
  }

  /** A build arg without a value takes the variable of the same name. */
  private fromEnv(key: string, v: ComposeValue): ComposeValue {
    const value = this.env.get(key)
    return value === undefined ? { ...v, unresolved: [key] } : { ...v, value, unresolved: EMPTY_LIST }
  }

  /**
   * The fields of a mapping by key. Without aliases in the file, each is found in the mapping itself (a mapping has a
   * few keys); else from its entries, read once (each read of the entries counts its alias resolutions).
   */
  private fields(node: unknown): { get(key: string): MapEntry | undefined } {
    if (this.src.aliases === false) return new NodeFields(this.r, node)
    const fields = new Map<string, MapEntry>()
    for (const e of this.r.entries(node)) if (!fields.has(e.key)) fields.set(e.key, e)
    return fields
  }

  /** The value of a scalar field; `path` and `key` name the field in a problem's message (`path.key`). */
  private scalar(entry: MapEntry | undefined, path: string, key: string): ComposeValue | undefined {
    if (!entry) return undefined
    const keySpan = spanOf(this.src, entry.keyNode)
    const node = entry.value
    if (isNull(node)) {
      const range = node?.range
      const span = range && range[1] > range[0] ? spanOf(this.src, node) : keySpan
      return { raw: '', unresolved: EMPTY_LIST, span, keySpan }
    }
    const raw = isScalar(node) ? this.r.string(node) : undefined
    if (raw === undefined) {
      this.problem(`\`${path}.${key}\` must be a string`, entry)
      return undefined
    }
    return this.value(raw, spanOf(this.src, node), keySpan)
  }

  /** A value as written and interpolated (`value` absent when it does not interpolate). */
  private value(raw: string, span: Span, keySpan: Span): ComposeValue {
    // Most values hold no `$`: they are their own value (as `interpolate` gives them), with no result object.
    if (!raw.includes('$')) return { raw, value: raw, unresolved: EMPTY_LIST, span, keySpan }
    const { value, unresolved } = interpolate(raw, this.env)
    return value === undefined ? { raw, unresolved, span, keySpan } : { raw, value, unresolved, span, keySpan }
  }

  private problem(message: string, entry: MapEntry): void {
    this.problems.push({ message, span: isNull(entry.value) ? this.at(entry.keyNode) : this.at(entry.value) })
  }

  private at(node: Node | null | undefined): Span {
    return spanOf(this.src, node)
  }
}

/** The fields of a mapping in a file without aliases, found in the mapping itself (one object, no closure). */
class NodeFields {
  constructor(
    private readonly r: Resolver,
    private readonly node: unknown,
  ) {}

  get(key: string): MapEntry | undefined {
    return this.r.get(this.node, key)
  }
}

/** The source of a short-syntax volume (`src:dst[:mode]`); undefined for an anonymous volume (`/data`). */
export function shortVolumeSource(value: string): string | undefined {
  // A Windows drive (`C:\data:C:\data`) is part of the path, not a separator.
  const colon = /^[A-Za-z]:[\\/]/.test(value) ? value.indexOf(':', 2) : value.indexOf(':')
  if (colon <= 0) return undefined
  return value.slice(0, colon)
}

function isNull(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && (node.value === null || node.value === undefined))
}
