/**
 * The one adapter between the `yaml` package and isolint's located model: parsing with bounded work,
 * 1-based spans, alias and merge-key resolution, and positions inside (block) scalars.
 */
import { Composer, CST, isAlias, isMap, isScalar, isSeq, Lexer, Parser, Scalar, visit, YAMLParseError } from 'yaml'
import type { Alias, Document, Node, Pair } from 'yaml'
import { EMPTY_LIST } from '../core/sized-copy.js'
import { LineIndex, type Span } from '../core/span.js'
import { isSpace } from './char-codes.js'
import { OPTIONS, readYamlFastStream } from './yaml-fast.js'

export interface YamlSource {
  readonly file: string
  readonly text: string
  readonly lines: LineIndex
  readonly doc: Document.Parsed
  /** False when the document is known to hold no alias (the one-pass reader read none): nothing to resolve. */
  readonly aliases?: boolean
}

export interface YamlProblem {
  readonly message: string
  readonly span: Span
}

/** Limits that keep hostile YAML (alias bombs, deep nesting) to bounded work. */
export const YAML_LIMITS = { maxAliasResolutions: 10_000, maxDepth: 64 } as const

/**
 * Parses one YAML document. Nesting deeper than {@link YAML_LIMITS}.maxDepth is refused before the document is built
 * (the `yaml` parser needs time and memory in proportion to the depth, and recursion to build it); errors are
 * collected without stack traces, which a file with an error on every byte would otherwise spend seconds on.
 */
export function parseYaml(file: string, text: string): { source?: YamlSource; problems: YamlProblem[] } {
  const { sources, problems } = parseStream(file, text, false)
  return sources[0] ? { source: sources[0], problems } : { problems }
}

/**
 * Parses a multi-document YAML stream (Kubernetes manifests) with the same limits as {@link parseYaml}: one
 * source per document, all sharing the text and its line index.
 */
export function parseYamlDocuments(file: string, text: string): { sources: YamlSource[]; problems: YamlProblem[] } {
  return parseStream(file, text, true)
}

function parseStream(file: string, text: string, many: boolean): { sources: YamlSource[]; problems: YamlProblem[] } {
  // The one-pass reader builds the same documents for the YAML pipeline files use; `yaml` reads everything else
  // (and every file with a problem: the reader declines those, so problems are always yaml's).
  const fast = readYamlFastStream(text, many)
  if (fast) {
    const lines = new LineIndex(text)
    const aliases = fast.aliases
    return { sources: fast.docs.map((doc) => ({ file, text, lines, doc, aliases })), problems: [] }
  }
  return parseWithYaml(file, text, many)
}

/** Parses with the `yaml` package alone (the reference and the fallback of the one-pass reader). */
export function parseWithYaml(file: string, text: string, many: boolean): { sources: YamlSource[]; problems: YamlProblem[] } {
  const lines = new LineIndex(text)
  // One lexer pass: each token goes through the nesting check, then to the parser; at the first token past the
  // limit the rest is neither parsed nor composed (the `yaml` parser needs time and memory in proportion to depth).
  const nesting = new NestingCheck(YAML_LIMITS.maxDepth)
  const lexemes = new Lexer().lex(text)[Symbol.iterator]()
  function* checked(): Generator<string> {
    for (let r = lexemes.next(); !r.done; r = lexemes.next()) {
      if (nesting.step(r.value) !== undefined) return
      yield r.value
    }
  }
  const parser = new Parser()
  function* tokens(): Generator<CST.Token> {
    for (const lexeme of checked()) yield* parser.next(lexeme)
    if (nesting.tooDeepAt === undefined) yield* parser.end()
  }
  const docs: Document.Parsed[] = []
  let failure: Error | undefined
  const stackTraceLimit = Error.stackTraceLimit
  try {
    Error.stackTraceLimit = 0
    // Duplicate keys are found below in one pass: yaml's own check compares every key with all earlier ones.
    const composer = new Composer(OPTIONS)
    for (const d of composer.compose(tokens(), true, text.length)) {
      if (many || docs.length === 0) docs.push(d)
      else {
        // As `parseDocument`: the first document, and an error on the second one.
        const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()'
        docs[0]!.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', message))
        break
      }
    }
  } catch (e) {
    failure = e as Error
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  // The rest of the text is not parsed, but still checked: a text nested too deeply anywhere is refused whole.
  for (const _ of checked()) void _
  const deep = nesting.tooDeepAt
  if (deep !== undefined) return { sources: [], problems: [{ message: 'YAML nested too deeply', span: lines.span(file, deep, deep) }] }
  if (failure || docs.length === 0) {
    const message = `cannot parse YAML: ${failure?.message ?? 'no document'}`
    return { sources: [], problems: [{ message, span: lines.span(file, 0, 0) }] }
  }
  const errors: { message: string; pos: readonly [number, number] }[] = []
  // One at a time: spreading a file's errors (one per byte, at worst) as arguments overflows the stack.
  for (const doc of docs) for (const e of [...doc.errors, ...duplicateKeys(doc)]) errors.push(e)
  errors.sort((a, b) => a.pos[0] - b.pos[0])
  const problems = errors.map((e) => ({
    message: /call stack/i.test(e.message) ? 'YAML nested too deeply' : cleanYamlMessage(e.message),
    span: lines.span(file, e.pos[0], Math.max(e.pos[0], e.pos[1])),
  }))
  if (problems.length > 0) return { sources: [], problems }
  return { sources: docs.map((doc) => ({ file, text, lines, doc })), problems }
}

/**
 * Keys that repeat an earlier scalar key of the same mapping (as yaml's `uniqueKeys` finds them), in linear time:
 * one walk over the collections only (scalars and pairs are not visited one by one).
 */
function duplicateKeys(doc: Document.Parsed): { message: string; pos: [number, number] }[] {
  const out: { message: string; pos: [number, number] }[] = []
  const todo: unknown[] = [doc.contents]
  while (todo.length > 0) {
    const node = todo.pop()
    if (isMap(node)) {
      const seen = new Set<unknown>()
      for (const pair of node.items) {
        const key = pair.key
        if (isScalar(key)) {
          if (seen.has(key.value)) {
            const start = key.range?.[0] ?? 0
            out.push({ message: 'Map keys must be unique', pos: [start, start + 1] })
          } else seen.add(key.value)
        } else if (key !== null && typeof key === 'object') todo.push(key)
        if (pair.value !== null && typeof pair.value === 'object' && !isScalar(pair.value)) todo.push(pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item !== null && typeof item === 'object' && !isScalar(item)) todo.push(item)
    }
  }
  return out
}

/**
 * Counts nesting over the lexer's tokens, one at a time, and says where it passes `limit` levels: flow collections
 * count their brackets; block collections count the columns of the nodes that are open on the current line (a
 * line's first node, and each node after a `-` or `?` indicator). Block scalar bodies are skipped.
 */
class NestingCheck {
  private readonly open: number[] = [] // columns of the open block nodes
  private flow = 0
  private offset = 0
  private lineStart = 0
  private startsNode = true // the next content token opens a node: first on its line, or after `-` / `?`
  private blockHeader = false
  private skipBody = false
  /** Offset of the first token past the limit, once seen. */
  tooDeepAt: number | undefined

  constructor(private readonly limit: number) {}

  /** Takes the next lexer token; returns the offset where the nesting passes the limit, else undefined. */
  step(token: string): number | undefined {
    if (this.tooDeepAt !== undefined) return this.tooDeepAt
    const type = CST.tokenType(token)
    if (type === 'doc-mode' || type === 'flow-error-end') {
      if (type === 'flow-error-end') this.flow = 0
      return undefined
    }
    if (type === 'scalar') {
      this.skipBody = this.blockHeader // the marker before a scalar's source: a block scalar's body is not structure
      this.blockHeader = false
      return undefined
    }
    const start = this.offset
    this.offset += token.length
    const nl = token.lastIndexOf('\n')
    if (this.skipBody) {
      this.skipBody = false
      if (nl >= 0) this.lineStart = start + nl + 1
      return undefined
    }
    if (type === 'newline') {
      this.lineStart = this.offset
      this.startsNode = true
      return undefined
    }
    if (type === 'space' || type === 'comment' || type === 'byte-order-mark' || type === 'directive-line') return undefined
    if (type === 'doc-start' || type === 'doc-end') {
      this.open.length = 0
      this.flow = 0
      this.startsNode = true
      return undefined
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') this.flow++
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && this.flow > 0) this.flow--
    else if (type === 'block-scalar-header') this.blockHeader = true
    const open = this.open
    if (this.flow === 0 && this.startsNode) {
      const column = start - this.lineStart
      while (open.length > 0 && open[open.length - 1]! >= column) open.pop()
      open.push(column)
    }
    this.startsNode = type === 'seq-item-ind' || type === 'explicit-key-ind'
    if (open.length + this.flow > this.limit) return (this.tooDeepAt = start)
    if (nl >= 0) this.lineStart = start + nl + 1
    return undefined
  }
}

/** The offset where the nesting of `text` passes `limit` levels, or undefined (see {@link NestingCheck}). */
export function tooDeepAt(text: string, limit: number): number | undefined {
  const check = new NestingCheck(limit)
  for (const token of new Lexer().lex(text)) if (check.step(token) !== undefined) break
  return check.tooDeepAt
}

function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message
  return first.replace(/ at line \d+, column \d+:?$/, '')
}

/** Span of a node's value (for collections: their first line up to the end of the node). */
export function spanOf(src: YamlSource, node: Node | null | undefined): Span {
  const range = node?.range
  if (!range) return src.lines.span(src.file, 0, 0)
  return src.lines.span(src.file, range[0], Math.max(range[0], range[1]))
}

/**
 * Follows aliases, counting resolutions so that an alias bomb stops with an error instead of hanging. Alias
 * targets are indexed in one pass over the document (yaml's own `Alias.resolve` walks the whole document on every
 * call, which is quadratic on files with many aliases); a document known to hold no alias needs no index.
 */
export class Resolver {
  private resolutions = 0
  /**
   * Entries of the mappings without merge keys, and the alias resolutions it took to build them; and the alias
   * targets. A document without aliases (most files) fills neither: they are made only for one with aliases.
   */
  private readonly built: Map<Node, { entries: readonly MapEntry[]; resolutions: number }> | undefined
  private readonly targets: Map<Alias, Node | undefined> | undefined
  /** Aliases whose anchor is not defined before them (yaml does not report these). */
  readonly unknown: Alias[] = []
  /** The document holds no alias: nothing to follow, no resolution to count. */
  private readonly noAliases: boolean

  constructor(readonly src: YamlSource) {
    this.noAliases = src.aliases === false
    if (this.noAliases) return
    const targets = (this.targets = new Map())
    this.built = new Map()
    const anchors = new Map<string, Node>()
    visit(src.doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const target = anchors.get(node.source)
          targets.set(node, target)
          if (!target) this.unknown.push(node)
        } else if (node.anchor) {
          anchors.set(node.anchor, node)
        }
      },
    })
  }

  deref(node: unknown): Node | undefined {
    if (this.noAliases) return (node ?? undefined) as Node | undefined
    let n = node
    let hops = 0
    while (isAlias(n)) {
      if (++this.resolutions > YAML_LIMITS.maxAliasResolutions || ++hops > YAML_LIMITS.maxDepth) {
        throw new YamlLimitError('too many alias resolutions (alias bomb?)')
      }
      n = this.targets!.get(n)
    }
    return (n ?? undefined) as Node | undefined
  }

  /**
   * Entries of a mapping, with `<<` merge keys expanded (explicit keys win over merged ones). In a document with
   * aliases, the entries of a mapping without merge keys are built once; a later call counts the alias resolutions
   * the first one made, so that the limits stop an alias bomb at the same call as without the cache. Callers must
   * not change the list.
   */
  entries(node: unknown, depth = 0): readonly MapEntry[] {
    if (node === undefined) return EMPTY_LIST // most optional keys are absent
    const map = this.deref(node)
    if (!isMap(map)) return EMPTY_LIST
    if (depth > YAML_LIMITS.maxDepth) throw new YamlLimitError('merge keys nested too deeply')
    // Without aliases a mapping's entries cost no resolution and are as cheap to build again as to look up: no cache.
    const cached = this.noAliases ? undefined : this.cachedEntries(map)
    if (cached) return cached
    const before = this.resolutions
    const own: MapEntry[] = []
    let merged: MapEntry[] | undefined // made at the first merge key (most mappings have none)
    // Without aliases the keys and values are the nodes as they are (`deref` would give them back), and the keys are
    // scalars (the one-pass reader reads no other key): no call per pair.
    const noAliases = this.noAliases
    const pairs = map.items
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!
      const keyNode = noAliases ? pair.key : this.deref(pair.key)
      if (!noAliases && !isScalar(keyNode)) continue
      const name = (keyNode as Scalar).value
      const key = typeof name === 'string' ? name : String(name)
      if (key === '<<' && (keyNode as Scalar).type === Scalar.PLAIN) {
        this.mergeInto((merged ??= []), pair.value, depth)
        continue
      }
      const value = noAliases ? ((pair.value ?? undefined) as Node | undefined) : this.deref(pair.value)
      own.push({ key, keyNode: keyNode as Node, value })
    }
    if (merged === undefined) {
      if (!this.noAliases) this.built!.set(map, { entries: own, resolutions: this.resolutions - before })
      return own
    }
    const seen = new Set(own.map((e) => e.key))
    return [...own, ...merged.filter((e) => !seen.has(e.key) && (seen.add(e.key), true))]
  }

  // The rare parts of `entries` (aliases, merge keys), apart from it so that V8 compiles its loop without them
  // (issue 11: a smaller function compiles sooner).

  /** The entries built before for `map` (a document with aliases), counting the resolutions they made again. */
  private cachedEntries(map: Node): readonly MapEntry[] | undefined {
    const cached = this.built!.get(map)
    if (!cached) return undefined
    if (cached.resolutions > 0) {
      this.resolutions += cached.resolutions
      if (this.resolutions > YAML_LIMITS.maxAliasResolutions) throw new YamlLimitError('too many alias resolutions (alias bomb?)')
    }
    return cached.entries
  }

  /** Appends to `merged` the entries of a merge key's value (a mapping or a list of them). */
  private mergeInto(merged: MapEntry[], node: unknown, depth: number): void {
    const value = this.deref(node)
    const sources = isSeq(value) ? value.items : [value]
    for (const s of sources) merged.push(...this.entries(s, depth + 1))
  }

  get(node: unknown, key: string): MapEntry | undefined {
    if (this.noAliases && key !== '<<' && isMap(node)) {
      const pair = ownPair(node.items, key)
      // Without aliases, the first own key of that name is the entry, and only merge keys make a miss uncertain.
      if (pair) return { key, keyNode: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined }
      if (pair === undefined) return undefined
    }
    for (const e of this.entries(node)) if (e.key === key) return e
    return undefined
  }

  /** The value of `key` in a mapping (`get(node, key)?.value`, without making the entry: most lookups only read it). */
  value(node: unknown, key: string): Node | undefined {
    if (this.noAliases && key !== '<<' && isMap(node)) {
      const pair = ownPair(node.items, key)
      if (pair !== null) return (pair?.value ?? undefined) as Node | undefined
    }
    for (const e of this.entries(node)) if (e.key === key) return e.value
    return undefined
  }

  /** Items of a sequence, aliases followed. Callers must not change the list (it may be the sequence's own). */
  items(node: unknown): Node[] {
    const seq = this.deref(node)
    if (!isSeq(seq)) return []
    // The one-pass reader's sequences hold no alias and no empty item: their items as they are.
    if (this.noAliases) return seq.items as Node[]
    return seq.items.map((i) => this.deref(i)).filter((i): i is Node => i !== undefined)
  }

  /** String value of a scalar (numbers and booleans as written in YAML 1.2 terms); undefined otherwise. */
  string(node: unknown): string | undefined {
    if (node === undefined) return undefined // most optional keys are absent
    const n = this.noAliases ? node : this.deref(node)
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined
    if (typeof n.value === 'string') return n.value
    if (typeof n.source === 'string' && n.type === 'PLAIN') return n.source
    const v: unknown = n.value
    return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined
  }
}

/**
 * In a document without aliases: the first pair whose scalar key is `key`; undefined when there is none and no merge
 * key (so no other place it could come from); null when there is none but a merge key may bring it. The keys are
 * scalars (the one-pass reader, which alone knows a document has no aliases, reads no other key).
 */
function ownPair(pairs: readonly Pair<unknown, unknown>[], key: string): Pair<unknown, unknown> | undefined | null {
  let merges = false
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!
    const keyNode = pair.key as Scalar
    const value = keyNode.value
    const name = typeof value === 'string' ? value : String(value)
    if (name === key) return pair
    if (name === '<<' && keyNode.type === 'PLAIN') merges = true
  }
  return merges ? null : undefined
}

export interface MapEntry {
  readonly key: string
  readonly keyNode: Node
  readonly value: Node | undefined
}

/** Whether `text[from, to)` is all white space (`/^\s*$/`). */
function allSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false
  return true
}

export class YamlLimitError extends Error {
  override readonly name = 'YamlLimitError'
}

/**
 * Maps offsets in a scalar's parsed value to source offsets, so that a word inside a `run: |` block gets its exact
 * line and column. Works for block literal and folded scalars and for plain and single-line quoted scalars; for
 * anything it cannot align (escapes in double quotes), offsets fall back to the nearest aligned segment.
 */
export class ScalarMap {
  private readonly segments: { valueStart: number; srcStart: number; length: number }[] = []
  private readonly value: string

  constructor(
    private readonly src: YamlSource,
    node: Scalar,
  ) {
    const value = typeof node.value === 'string' ? node.value : String(node.value)
    this.value = value
    const range = node.range ?? [0, 0, 0]
    let srcStart = range[0]
    const srcEnd = range[1]
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      const nl = src.text.indexOf('\n', srcStart)
      srcStart = nl < 0 || nl >= srcEnd ? srcEnd : nl + 1
    } else if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
      srcStart += 1
    }
    // The lines of the scalar's source text (as `split('\n')` would give them), each read in place: its content is
    // the line without its line break and the blanks around it, found in the value from where the last one ended.
    const text = src.text
    const bodyEnd = Math.max(srcStart, Math.min(srcEnd, text.length))
    let p = 0
    for (let lineStart = srcStart; ; ) {
      const nl = text.indexOf('\n', lineStart)
      const last = nl < 0 || nl >= bodyEnd
      let end = last ? bodyEnd : nl
      if (end > lineStart && text.charCodeAt(end - 1) === 13) end--
      p = this.line(text, lineStart, end, p)
      if (last) break
      lineStart = nl + 1
    }
    if (this.segments.length === 0) this.segments.push({ valueStart: 0, srcStart: range[0], length: 0 })
  }

  /**
   * Notes the source line `text[lineStart, end)` (without its line break) as a segment, found in the value from `p`
   * on; returns where the next line is looked for. Apart from the constructor so that V8 compiles each on its own
   * (issue 11: a smaller function compiles sooner).
   */
  private line(text: string, lineStart: number, end: number, p: number): number {
    const value = this.value
    let from = lineStart
    while (from < end && isSpace(text.charCodeAt(from))) from++
    while (end > from && isSpace(text.charCodeAt(end - 1))) end--
    if (end <= from) return p
    const content = text.slice(from, end)
    let at = value.indexOf(content, p)
    if (at < 0) {
      // Escapes or folding changed the text: align the longest prefix we can find.
      at = value.indexOf(content.slice(0, 8), p)
    }
    if (at < 0 || !allSpace(value, p, at)) return p
    const length = Math.min(content.length, value.length - at)
    this.segments.push({ valueStart: at, srcStart: from, length })
    return at + length
  }

  /** Source offset of a value offset. */
  offset(valueOffset: number): number {
    // An indexed loop: run for both ends of every span of a script, in code that mostly stays in V8's interpreter,
    // where `for...of` makes an iterator result per segment (issue 11).
    const segments = this.segments
    let best = segments[0]!
    for (let i = 1; i < segments.length; i++) {
      const s = segments[i]!
      if (s.valueStart <= valueOffset) best = s
      else break
    }
    return best.srcStart + Math.min(valueOffset - best.valueStart, best.length)
  }

  /**
   * Whether every offset of the value in [start, end) maps to its own character in the source: the part of each
   * segment in the range is the source text as written (no escape, no folding inside it), and what lies between
   * segments is white space of the value (a line break or the blank a fold leaves, the blanks around it).
   */
  exact(start: number, end: number): boolean {
    const value = this.value
    const text = this.src.text
    let covered = start
    for (const s of this.segments) {
      const sEnd = s.valueStart + s.length
      if (sEnd <= start) continue
      if (s.valueStart >= end) break
      if (!allSpace(value, covered, Math.max(covered, s.valueStart))) return false
      // The part of the segment in the range (a segment aligned from its start may end misaligned after an escape).
      const from = Math.max(start, s.valueStart)
      const to = Math.min(end, sEnd)
      if (text.slice(s.srcStart + from - s.valueStart, s.srcStart + to - s.valueStart) !== value.slice(from, to)) return false
      covered = Math.max(covered, to)
    }
    return allSpace(value, covered, end)
  }

  /** Span of value offsets [start, end). */
  span(start: number, end: number): Span {
    const s = this.offset(start)
    const e = Math.max(s, this.offset(end - 1) + 1)
    return this.src.lines.span(this.src.file, s, e)
  }
}
