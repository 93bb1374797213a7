/**
 * A one-pass reader for the YAML that pipeline files use (workflows, Compose files, Kubernetes manifests, Azure
 * Pipelines): block mappings and sequences (compact `- key: v` and `- - x` forms, sequences at their key's column),
 * single-line plain and quoted scalars (the common double-quote escapes), literal and folded block scalars with any
 * chomping indicator, single-line flow collections of scalars, anchors on scalars and mappings, aliases as values
 * (so `<<: *base` merge keys), comments, blank lines, CRLF line ends, a leading byte order mark and `---` between
 * documents.
 *
 * It builds the same nodes the `yaml` package composes (`Document`, `YAMLMap`, `YAMLSeq`, `Pair`, `Scalar` and `Alias`
 * objects with the same `range`, `value`, `type`, `source` and `format`; plain scalars are resolved with the core
 * schema's own tags), and nothing else: comments are not kept on the nodes, since no reader of the tree uses them.
 * The nodes are built cheaply (see {@link lightClass}): instances of yaml's classes, with yaml's node identity on their
 * prototypes instead of defined on each node.
 *
 * We are not replacing the library: `yaml` stays the reference for everything, exactly like `dockerfile-ast` for
 * Dockerfiles. A differential test compares both trees node for node on the corpus, the fixtures and the benchmark
 * corpus, and {@link readYamlFast} returns undefined for anything it does not handle itself, so that the caller parses
 * the whole file with `yaml`: tags, anchors anywhere else (on keys, sequences, block scalars, empty values), aliases
 * as keys or in flow collections, explicit keys, multi-line plain or quoted scalars, escapes other than the simple
 * ones, flow collections over several lines or holding pairs or empty items, empty sequence items, explicit
 * indentation indicators, directives, `...`, empty documents, tabs outside scalar text, duplicate keys, deep nesting
 * and every syntax error (so every error message stays the `yaml` package's).
 */
import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml'
import type { ParsedNode, ScalarTag } from 'yaml'
import { COLON, CR, DASH, HASH, LF, SP, TAB } from './char-codes.js'

/** The options both YAML paths compose with: this reader and `parseStream`'s yaml Composer (yaml-located.ts). */
export const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const

/** A document as `yaml` composes it with isolint's options: its options and schema are shared by the reader's documents. */
const TEMPLATE = new Document(undefined, OPTIONS)

/** The core schema's scalar tags that plain scalars are tested against, in the schema's order (as `yaml` does). */
const PLAIN_TAGS: readonly ScalarTag[] = TEMPLATE.schema.tags.filter(
  (t): t is ScalarTag => !('collection' in t && t.collection) && t.default === true && t.test !== undefined,
)

type Range = [number, number, number]

/**
 * Makes `light` a cheap stand-in for yaml's node class `base`: its instances are `base` instances (`instanceof`, the
 * methods) and carry the own properties that yaml's constructor defines on each node but that never change (the node
 * identity that `isScalar`, `isMap`... read, a collection's `schema`), copied from `probe` to the prototype, except
 * the `data` fields the light constructor sets. yaml's constructors define the identity with `Object.defineProperty`
 * on every node, which made most of the reader's time.
 */
function lightClass<T>(light: { prototype: object }, base: { prototype: object }, probe: object, data: readonly string[]): T {
  Object.setPrototypeOf(light.prototype, base.prototype)
  for (const key of Reflect.ownKeys(probe)) {
    if (typeof key === 'string' && data.includes(key)) continue
    Object.defineProperty(light.prototype, key, Object.getOwnPropertyDescriptor(probe, key)!)
  }
  return light as T
}

/*
 * The light classes assign their fields in the constructor and only `declare` them: a field declared as such (or as
 * a constructor parameter property) is first defined as undefined on every new node and then assigned, two stores per
 * field (ES2022 class fields).
 */
class LightScalar {
  declare value: unknown
  declare range: Range
  declare source: string
  declare type: Scalar.Type
  constructor(value: unknown, range: Range, source: string, type: Scalar.Type) {
    this.value = value
    this.range = range
    this.source = source
    this.type = type
  }
}
const PLAIN = Scalar.PLAIN
const FastScalar = lightClass<new (value: unknown, range: Range, source: string, type: Scalar.Type) => Scalar.Parsed>(
  LightScalar,
  Scalar,
  new Scalar(null),
  ['value'],
)
// A scalar's value is a string, a number, a boolean or null. Two scalars made here (a number's, then a string's) give
// the field its general representation at once: else the first number read after strings changes it, and V8 throws
// away the optimized code of every function that reads the field (the reader's mapping loop, the workflow reader).
new FastScalar(0, [0, 0, 0], '0', Scalar.PLAIN)
new FastScalar('', [0, 0, 0], '', Scalar.PLAIN)

/**
 * `flow` is an own field of every collection (undefined on block ones, as yaml leaves it): block and flow collections
 * then share one hidden class, and the code that reads them stays monomorphic (else V8 throws its optimized code away
 * at the first flow collection, "wrong map").
 */
class LightMap {
  declare items: Pair<ParsedNode, ParsedNode | null>[]
  declare range: Range
  declare flow: true | undefined
  constructor(items: Pair<ParsedNode, ParsedNode | null>[], range: Range, flow: true | undefined) {
    this.items = items
    this.range = range
    this.flow = flow
  }
}
const FastMap = lightClass<new (items: Pair<ParsedNode, ParsedNode | null>[], range: Range, flow: true | undefined) => YAMLMap.Parsed>(
  LightMap,
  YAMLMap,
  new YAMLMap(),
  ['items', 'flow'],
)

class LightSeq {
  declare items: ParsedNode[]
  declare range: Range
  declare flow: true | undefined
  constructor(items: ParsedNode[], range: Range, flow: true | undefined) {
    this.items = items
    this.range = range
    this.flow = flow
  }
}
const FastSeq = lightClass<new (items: ParsedNode[], range: Range, flow: true | undefined) => YAMLSeq.Parsed>(
  LightSeq,
  YAMLSeq,
  new YAMLSeq(),
  ['items', 'flow'],
)

class LightPair {
  declare key: ParsedNode
  declare value: ParsedNode | null
  constructor(key: ParsedNode, value: ParsedNode | null) {
    this.key = key
    this.value = value
  }
}
const FastPair = lightClass<new (key: ParsedNode, value: ParsedNode | null) => Pair<ParsedNode, ParsedNode | null>>(
  LightPair,
  Pair,
  new Pair(null, null),
  ['key', 'value'],
)

class LightAlias {
  declare source: string
  declare range: Range
  constructor(source: string, range: Range) {
    this.source = source
    this.range = range
  }
}
const FastAlias = lightClass<new (source: string, range: Range) => Alias.Parsed>(LightAlias, Alias, new Alias('a'), ['source'])

class LightDocument {
  commentBefore = null
  comment = null
  errors: unknown[] = []
  warnings: unknown[] = []
  options = TEMPLATE.options
  directives = TEMPLATE.directives!.clone()
  schema = TEMPLATE.schema
  constructor(
    public contents: ParsedNode | null,
    public range: Range,
  ) {}
}
const FastDocument = lightClass<new (contents: ParsedNode | null, range: Range) => Document.Parsed>(
  LightDocument,
  Document,
  TEMPLATE,
  ['commentBefore', 'comment', 'errors', 'warnings', 'options', 'directives', 'schema', 'contents'],
)

/**
 * The scalar key values of a mapping being read, to find a repeated key: the pairs read so far are searched while
 * they are few (most mappings: {@link repeatsKey}, with no object per mapping), a set is built when they are many.
 */
class KeySet {
  private set: Set<unknown> | undefined

  /** Adds the value of the key after `pairs` (whose keys are scalars); false when an earlier key has that value. */
  add(value: unknown, pairs: readonly Pair<ParsedNode, unknown>[]): boolean {
    if (this.set) {
      if (this.set.has(value)) return false
      this.set.add(value)
      return true
    }
    if (pairs.length >= FEW_KEYS) {
      this.set = new Set(pairs.map((p) => (p.key as Scalar).value))
      return this.add(value, pairs)
    }
    return !repeatsKey(value, pairs)
  }
}

/** Up to this many pairs, an earlier key is searched for in the pairs themselves. */
const FEW_KEYS = 16

/**
 * Whether a key of `pairs` (scalars) has the value `value`, as a set compares (SameValueZero: NaN is NaN). An indexed
 * loop, and NaN found by `x !== x`: run for every key of a mapping, in code that mostly stays in V8's interpreter,
 * where `for...of` makes an iterator result per pair and `Number.isNaN` is a call.
 */
function repeatsKey(value: unknown, pairs: readonly Pair<ParsedNode, unknown>[]): boolean {
  for (let i = 0; i < pairs.length; i++) {
    const other = (pairs[i]!.key as Scalar).value
    if (other === value || (other !== other && value !== value)) return true // NaN: the one value not equal to itself
  }
  return false
}

/** Deeper block nesting is left to `yaml` (and to the nesting limit in front of it). */
const MAX_DEPTH = 32

/** Thrown for any construct the reader leaves to `yaml`; one instance, never seen outside this module. */
class Decline extends Error {}
const DECLINE = new Decline('left to the yaml package')

/**
 * The documents of `text` as `yaml` composes them with isolint's options, or undefined when the text holds anything
 * the reader leaves to `yaml` (see the module comment). With `many` false, a second document is left to `yaml` too.
 */
export function readYamlFast(text: string, many: boolean): Document.Parsed[] | undefined {
  return readYamlFastStream(text, many)?.docs
}

/** As {@link readYamlFast}, and whether the text holds any alias (without one, anchors need no index). */
export function readYamlFastStream(text: string, many: boolean): { docs: Document.Parsed[]; aliases: boolean } | undefined {
  try {
    const reader = new Reader(text)
    const docs = reader.stream(many)
    return { docs, aliases: reader.aliases }
  } catch (e) {
    if (e === DECLINE) return undefined
    throw e
  }
}

function decline(): never {
  throw DECLINE
}

class Reader {
  private readonly text: string
  private readonly len: number
  /** The current content (the next thing to read): its offset, column and line start. */
  private at = 0
  private col = 0
  private lineStart = 0
  /** At the end of the text (`col` is -1) or at a `---` line (`col` is -1 too, `marker` true). */
  private marker = false
  /** Comment and blank lines passed over before `at`: their ends and comment columns (-1 for a blank line). */
  private readonly gapEnd: number[] = []
  private readonly gapComment: number[] = []
  /** How many of the gap arrays' entries are the current gap lines (the arrays are reused, not truncated). */
  private gaps = 0
  /**
   * Trailing comment and blank lines not given to a node yet (the `yaml` parser hands them up the open collections
   * until one keeps them): the offset where they end (-1 for none) and their deepest comment column (read only when
   * there are some: clearing them is one store, made in place on the paths run for every key and item).
   */
  private pendingEnd = -1
  private pendingComment = -1
  /** Whether an alias was read. */
  aliases = false

  constructor(text: string) {
    this.text = text
    this.len = text.length
    // A lone CR is a line break to `yaml` in places and not in others; a BOM past the start is content.
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) decline()
    if (text.indexOf('\ufeff', 1) >= 0) decline()
  }

  stream(many: boolean): Document.Parsed[] {
    const text = this.text
    let p = 0
    if (text.charCodeAt(0) === 0xfeff) {
      // After a BOM, the first line's leading spaces and indicators are not indentation to the `yaml` parser.
      const c = text.charCodeAt(1)
      if (c === SP || c === DASH || c === 63 /* ? */ || c === COLON) decline()
      p = 1
    }
    this.next(p)
    if (this.col === -1 && !this.marker) {
      // No document: comments and blank lines only.
      return [new FastDocument(null, [0, this.len, this.len])]
    }
    const docs: Document.Parsed[] = []
    while (this.col !== -1 || this.marker) {
      if (docs.length > 0 && !many) decline()
      docs.push(this.document())
    }
    return docs
  }

  private document(): Document.Parsed {
    const start = this.lineStart
    const docStart = this.marker
    if (docStart) {
      // `---`, then only blanks and a comment on its line.
      this.lineRest(start + 3, true)
      this.next(this.nextLine(start + 3))
      if (this.col === -1) decline() // an empty document
    }
    if (this.col !== 0) decline()
    const contents = this.collection(0, 0)
    const contentEnd = contents.range[2]
    const end = this.pendingEnd >= 0 ? this.pendingEnd : contentEnd
    this.pendingEnd = -1
    this.pendingComment = -1
    if (this.col >= 0) decline() // more after the root collection
    const doc = new FastDocument(contents, [start, contentEnd, end])
    if (docStart) doc.directives.docStart = true
    return doc
  }

  /** A block collection starting at the current content, at column `col`. */
  private collection(col: number, depth: number): YAMLMap.Parsed | YAMLSeq.Parsed {
    if (depth > MAX_DEPTH) decline()
    return this.isSeqItem(this.at) ? this.seq(col, depth) : this.map(col, depth)
  }

  private isSeqItem(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && this.isBlankOrEnd(p + 1)
  }

  private map(col: number, depth: number): YAMLMap.Parsed {
    const items: Pair<ParsedNode, ParsedNode | null>[] = []
    const start = this.at
    let keys: KeySet | undefined // made for a mapping of many keys: the few keys of most are searched in place
    let end: number
    for (;;) {
      const key = this.key()
      // yaml-located reports duplicate keys
      if (items.length > 0) {
        if (items.length < FEW_KEYS ? repeatsKey(key.value, items) : !(keys ??= new KeySet()).add(key.value, items)) decline()
      }
      const value = this.value(col, depth, true)
      items.push(new FastPair(key, value))
      end = value.range[2]
      if (this.col === col && !this.marker) {
        if (this.text.charCodeAt(this.at) === DASH && this.isSeqItem(this.at)) decline()
        this.pendingEnd = -1 // the next key's
        continue
      }
      if (this.col > col) decline()
      break
    }
    return new FastMap(items, [start, end, this.keepPending(col, end)], undefined)
  }

  private seq(col: number, depth: number): YAMLSeq.Parsed {
    const items: ParsedNode[] = []
    const start = this.at
    let end: number
    const text = this.text
    for (;;) {
      // The blanks after the `-`, and whether the line ends there (as `skipSpaces` and `isLineEnd`, without a call
      // per item; past the end of the text `charCodeAt` is NaN).
      let p = this.at + 1
      while (text.charCodeAt(p) === SP) p++
      const c = text.charCodeAt(p)
      if (c === LF || c === CR || c === HASH || p >= this.len) decline() // an empty item (or its value on the next line)
      this.at = p
      this.col = p - this.lineStart
      const value = this.value(col, depth, false)
      items.push(value)
      end = value.range[2]
      if (this.col === col && !this.marker && this.isSeqItem(this.at)) {
        this.pendingEnd = -1 // the next item's
        continue
      }
      if (this.col > col) decline()
      break
    }
    return new FastSeq(items, [start, end, this.keepPending(col, end)], undefined)
  }

  /**
   * The end of a collection at column `col`: trailing comment lines stay with it when one of them is at its column
   * or deeper (except at column 0); else they go on to the enclosing collection.
   */
  private keepPending(col: number, end: number): number {
    if (col > 0 && this.pendingEnd >= 0 && this.pendingComment >= col) {
      const kept = this.pendingEnd
      this.pendingEnd = -1
      this.pendingComment = -1
      return kept
    }
    return end
  }

  /** A mapping key at the current content, and its `:` (the content then moves after the `:` and its blanks). */
  private key(): Scalar.Parsed {
    const text = this.text
    const p = this.at
    const c = text.charCodeAt(p)
    let key: Scalar.Parsed
    let q: number
    if (c === 34 /* " */ || c === 39 /* ' */) {
      key = this.quoted(p)
      q = this.skipSpaces(key.range[1])
      key.range[2] = key.range[1]
      if (text.charCodeAt(q) !== COLON || !this.isBlankOrEnd(q + 1)) decline()
    } else {
      if (((c | 0x20) - 0x61) >>> 0 >= 26) this.plainStart(p) // not an ASCII letter (see `plainStart`)
      q = this.plainEnd(p, false)
      // `plainEnd` ends a plain scalar right before a `:` only when a blank or the line end follows it.
      if (q === p || text.charCodeAt(q) !== COLON) decline()
      key = this.plain(p, q, q)
    }
    if (q - p > 1000) decline() // `yaml` wants the `:` at most 1024 characters after the key
    this.at = q + 1
    return key
  }

  /**
   * The value after a key's `:` (`inMap`) or a sequence's `-`, in a collection at column `col`. On return the
   * current content is the next line's, and trailing comment lines are pending or given to the value.
   */
  private value(col: number, depth: number, inMap: boolean): ParsedNode {
    const text = this.text
    // The blanks after the `:` or `-` (read here: a call per value costs more than the loop; past the end of the text
    // `charCodeAt` is NaN, which ends it).
    let p = this.at
    while (text.charCodeAt(p) === SP) p++
    // An anchor (`&name`) on a scalar, a flow collection or a mapping on the next lines; not on anything else.
    let anchor: string | undefined
    if (text.charCodeAt(p) === 38 /* & */) {
      const q = this.nameEnd(p)
      anchor = text.slice(p + 1, q)
      p = this.skipSpaces(q)
    }
    const c = text.charCodeAt(p)
    if (c === LF || c === CR || c === HASH || p >= this.len) {
      // The line ends (or a comment starts) after the indicator (as `isLineEnd`).
      if (!inMap) decline()
      return this.emptyOrNested(col, depth, p, anchor)
    }
    if (c === 124 /* | */ || c === 62 /* > */) return anchor === undefined ? this.blockScalar(p, col) : decline()
    let node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed | Alias.Parsed
    let q: number
    if (c === 34 || c === 39) {
      node = this.quoted(p)
      q = node.range[1]
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      node = this.flow(p, depth + 1)
      q = node.range[1]
    } else if (c === 42 /* * */ && anchor === undefined) {
      q = this.nameEnd(p)
      node = new FastAlias(text.slice(p + 1, q), [p, q, q])
      this.aliases = true
    } else if (!inMap && this.isSeqItem(p)) {
      // `- - x`: a sequence in a sequence item, at this column.
      return anchor === undefined ? this.nested(p, depth) : decline()
    } else {
      if (((c | 0x20) - 0x61) >>> 0 >= 26) this.plainStart(p) // not an ASCII letter (see `plainStart`)
      q = this.plainEnd(p, false)
      if (text.charCodeAt(q) === COLON) {
        if (inMap || anchor !== undefined) decline() // a mapping in a compact mapping, or the anchor of a key
        // `- key: v`: a mapping in a sequence item, at this column.
        return this.nested(p, depth)
      }
      node = this.plain(p, q, q)
    }
    if (anchor !== undefined) node.anchor = anchor
    // The rest of the line (blanks and a comment) and its line break belong to the node; so do the comment lines
    // right after it that are indented more than its collection (up to one that is not).
    // (Most values end right at their line break: no call to read what is not there.)
    const next = text.charCodeAt(q) === LF ? q + 1 : this.nextLine(this.lineRest(q, false))
    node.range[2] = next
    this.next(next)
    const gaps = this.gaps
    let attached = -1
    for (let i = 0; i < gaps; i++) {
      const comment = this.gapComment[i]!
      if (comment < 0) continue
      if (comment > col) attached = i
      else break
    }
    if (attached >= 0) node.range[2] = this.gapEnd[attached]!
    // `setPending(attached + 1)`, in place when no gap line is left over (most values): then only the next line's
    // indentation is pending, with no comment.
    if (attached + 1 < gaps) this.setPending(attached + 1)
    else {
      this.pendingEnd = this.at === this.lineStart ? -1 : this.at
      this.pendingComment = -1
    }
    if (this.col > col) decline() // a continuation line (a multi-line plain scalar) or an error
    return node
  }

  /** A collection that starts inside a sequence item's line, at `p`. */
  private nested(p: number, depth: number): YAMLMap.Parsed | YAMLSeq.Parsed {
    this.at = p
    this.col = p - this.lineStart
    return this.collection(this.col, depth + 1)
  }

  /**
   * After `key:` (and an anchor) with nothing else on its line: a collection on the next lines (an anchor only on a
   * mapping), or an empty (null) value (without an anchor).
   */
  private emptyOrNested(col: number, depth: number, p: number, anchor: string | undefined): ParsedNode {
    const hasComment = this.text.charCodeAt(p) === HASH
    this.next(this.nextLine(p))
    if (this.col > col && !this.marker) {
      // The comment and blank lines before it are the collection's (`yaml` keeps them as comments only).
      this.pendingEnd = -1
      const nested = this.collection(this.col, depth + 1)
      if (anchor !== undefined) {
        if (nested instanceof YAMLSeq) decline()
        nested.anchor = anchor
      }
      return nested
    }
    if (anchor !== undefined) decline()
    if (this.col === col && !this.marker && this.isSeqItem(this.at)) {
      this.pendingEnd = -1
      return this.collection(col, depth + 1)
    }
    // A null scalar after the `:` and its blanks. The comment lines after it are its own (they change its range),
    // except when the next key (or a `---` line after a mapping at column 0) follows: then yaml's parser cuts them at the line break of the line after the last
    // comment line indented more than the mapping, and the rest is the next key's.
    const gaps = this.gaps
    let last = -1 // the last comment line indented more than the mapping
    for (let i = 0; i < gaps; i++) if (this.gapComment[i]! > col) last = i
    let keep = gaps // gap lines kept with the value (the last one without its line break when cut)
    let end = this.at
    const nextKey = this.marker ? col === 0 : this.col === col // a `---` line is cut like a key at column 0
    if (nextKey && last + 1 < gaps) {
      keep = last + 2
      end = this.gapEnd[last + 1]! - 1
      if (this.text.charCodeAt(end - 1) === CR) end--
    }
    let comment = hasComment
    for (let i = 0; i < keep; i++) if (this.gapComment[i]! >= 0) comment = true
    const scalar = this.plain(p, p, comment ? end : p)
    this.pendingEnd = -1
    return scalar
  }

  /** A literal or folded block scalar whose header is at `p`, in a collection at column `col`. */
  private blockScalar(p: number, col: number): Scalar.Parsed {
    const text = this.text
    const folded = text.charCodeAt(p) === 62
    let q = p + 1
    let chomp = ''
    const c = text.charCodeAt(q)
    if (c === DASH || c === 43 /* + */) {
      chomp = c === DASH ? '-' : '+'
      q++
    }
    if (!this.isBlankOrEnd(q)) decline() // an indentation indicator, or more
    const bodyStart = this.nextLine(this.lineRest(q, false))
    if (bodyStart >= this.len) decline()
    const end = this.blockEnd(bodyStart, col, chomp === '+')
    const value = blockValue(text.slice(bodyStart, end), folded, chomp, col)
    const scalar = new FastScalar(value, [p, end, end], value, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL)
    this.next(end)
    this.setPending(0)
    if (this.col > col) decline()
    return scalar
  }

  /**
   * The end of a block scalar's body that starts at `bodyStart` (after its last line break; trailing blank lines
   * included only when `keep`, the `+` chomping indicator). Apart from {@link blockScalar} so that the loops V8
   * optimizes come without the header and the node around them (issue 11: a smaller function compiles sooner).
   */
  private blockEnd(bodyStart: number, col: number, keep: boolean): number {
    const text = this.text
    // The body, as yaml's lexer takes it: the first line that is not blank sets the indentation (it must be deeper
    // than the collection), then every line as deep or blank.
    let nl = bodyStart - 1
    let indent = 0
    let i = bodyStart
    for (; i < this.len; i++) {
      const ch = text.charCodeAt(i)
      if (ch === SP) indent++
      else if (ch === LF) {
        nl = i
        indent = 0
      } else if (ch !== CR) break
    }
    if (i >= this.len || indent <= col) decline() // blank to the end, or an empty block scalar
    for (;;) {
      // Offsets are kept inside the text: a read past its end would throw the optimized code away (V8 "out of bounds").
      let j = nl + 1
      while (j < this.len && text.charCodeAt(j) === SP) j++
      const ch = j < this.len ? text.charCodeAt(j) : -1
      if (ch === TAB) decline()
      if (!(ch === LF || ch === CR || j - nl - 1 >= indent)) break
      nl = text.indexOf('\n', j)
      if (nl < 0) {
        nl = this.len
        break
      }
    }
    if (!keep) {
      // Trailing blank lines that are not indented more than the body are not part of it.
      for (;;) {
        let j = nl - 1
        if (text.charCodeAt(j) === CR) j--
        const lastChar = j
        while (text.charCodeAt(j) === SP) j--
        if (text.charCodeAt(j) === LF && j >= bodyStart && j + 1 + indent > lastChar) nl = j
        else break
      }
    }
    return Math.min(nl + 1, this.len)
  }

  /** A single-line flow sequence or mapping at `p` (its nodes' ranges end after the blanks that follow them). */
  private flow(p: number, depth: number): YAMLMap.Parsed | YAMLSeq.Parsed {
    if (depth > MAX_DEPTH) decline()
    const text = this.text
    const isMap = text.charCodeAt(p) === 123
    const close = isMap ? 125 : 93
    const pairs: Pair<ParsedNode, ParsedNode | null>[] = []
    const items: ParsedNode[] = []
    const keys = new KeySet()
    let q = this.skipSpaces(p + 1)
    if (text.charCodeAt(q) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowItem(q, depth, true)
          if (!(key instanceof Scalar) || !keys.add(key.value, pairs)) decline()
          q = key.range[1]
          key.range[2] = q
          q = this.skipSpaces(q)
          if (text.charCodeAt(q) !== COLON || text.charCodeAt(q + 1) !== SP) decline()
          const value = this.flowItem(this.skipSpaces(q + 1), depth, false)
          pairs.push(new FastPair(key, value))
          q = value.range[2]
        } else {
          const item = this.flowItem(q, depth, false)
          items.push(item)
          q = item.range[2]
        }
        const ch = text.charCodeAt(q)
        if (ch === close) break
        if (ch !== 44 /* , */) decline()
        q = this.skipSpaces(q + 1)
        if (text.charCodeAt(q) === close) decline() // a trailing comma
      }
    }
    const range: Range = [p, q + 1, this.skipSpaces(q + 1)]
    const coll = isMap ? new FastMap(pairs, range, true) : new FastSeq(items, range, true)
    return coll
  }

  /**
   * A scalar or a nested flow collection inside a flow collection (a key when `isKey`: followed by its `:`), its
   * range ending after its trailing blanks.
   */
  private flowItem(p: number, depth: number, isKey: boolean): Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed {
    const c = this.text.charCodeAt(p)
    if (c === 91 || c === 123) return this.flow(p, depth + 1)
    let node: Scalar.Parsed
    if (c === 34 || c === 39) node = this.quoted(p)
    else {
      this.plainStart(p)
      const q = this.plainEnd(p, true)
      if (q === p || (this.text.charCodeAt(q) === COLON) !== isKey) decline()
      node = this.plain(p, q, q)
    }
    node.range[2] = this.skipSpaces(node.range[1])
    return node
  }

  /** A plain scalar `text[p, q)` resolved with the core schema, as `yaml` composes it. */
  private plain(p: number, q: number, nodeEnd: number): Scalar.Parsed {
    const source = this.text.slice(p, q)
    const range: Range = [p, q, nodeEnd]
    // Most scalars start like no other type (0 in the table, or past its end): then no `mayNotBeString` call.
    const first = q === p ? 1 : MAY_NOT_BE_STRING[this.text.charCodeAt(p)]
    return first && mayNotBeString(source) ? resolvePlain(source, range) : new FastScalar(source, range, source, PLAIN)
  }

  /** A single- or double-quoted scalar at `p` that ends on its line (its range ends at the closing quote). */
  private quoted(p: number): Scalar.Parsed {
    const text = this.text
    const quote = text.charCodeAt(p)
    let value = ''
    let from = p + 1
    let i = p + 1
    for (;;) {
      const ch = text.charCodeAt(i)
      if (i >= this.len || ch === LF || ch === CR || ch === TAB) decline()
      if (ch === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) {
          value += text.slice(from, i + 1)
          i += 2
          from = i
          continue
        }
        break
      }
      if (ch === 92 /* \ */ && quote === 34) {
        const escaped = ESCAPES[text[i + 1] ?? ''] ?? decline()
        value += text.slice(from, i) + escaped
        i += 2
        from = i
        continue
      }
      i++
    }
    value += text.slice(from, i)
    const scalar = new FastScalar(value, [p, i + 1, i + 1], value, quote === 34 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE)
    // Something other than blanks, a comment or `:` right after the quote is an error.
    const after = text.charCodeAt(i + 1)
    if (!(after === SP || after === COLON || after === 44 || after === 93 || after === 125) && !this.isLineEnd(i + 1)) {
      decline()
    }
    if (text.charCodeAt(i + 1) === HASH) decline()
    return scalar
  }

  /**
   * The end of an anchor or alias name whose `&` or `*` is at `p`: a name that is not empty, does not end with `:`,
   * and is followed by a blank or the line end.
   */
  private nameEnd(p: number): number {
    const text = this.text
    let q = p + 1
    while (q < this.len && !NAME_ENDS.has(text.charCodeAt(q))) q++
    if (q === p + 1 || text.charCodeAt(q - 1) === COLON) decline()
    if (!(text.charCodeAt(q) === SP || this.isLineEnd(q))) decline()
    return q
  }

  /**
   * Declines a plain scalar that would start with an indicator (an error, or a construct left to `yaml`). Not called
   * for a scalar that starts with an ASCII letter, which no indicator is (most keys and values): the callers test
   * that in place, `((c | 0x20) - 0x61) >>> 0 < 26` (lower-cased by its 0x20 bit, then one unsigned range check).
   */
  private plainStart(p: number): void {
    const c = this.text.charCodeAt(p)
    if (c < 128 && PLAIN_START_INDICATORS[c] === 1) decline()
    if ((c === DASH || c === 63 || c === COLON) && this.isBlankOrEnd(p + 1)) decline()
    if (c === 63 || c === COLON) decline()
  }

  /**
   * The end of a plain scalar that starts at `p` on a single line: before a `: ` (or `:` at the line end), a ` #`,
   * in a flow collection before `,[]{}`, or at the line end; trailing blanks excluded. Tabs are left to `yaml`.
   */
  private plainEnd(p: number, inFlow: boolean): number {
    const text = this.text
    let end = p
    for (let i = p; i < this.len; i++) {
      const ch = text.charCodeAt(i)
      if (ch === LF || ch === CR) break
      if (ch === TAB) decline()
      if (ch === SP) {
        if (text.charCodeAt(i + 1) === HASH) break
        continue
      }
      if (ch === COLON) {
        const next = text.charCodeAt(i + 1)
        if (this.isBlankOrEnd(i + 1) || (inFlow && FLOW_INDICATORS.has(next))) return end
      }
      if (inFlow && FLOW_INDICATORS.has(ch)) break
      end = i + 1
    }
    return end
  }

  /**
   * The rest of a line from `p`: blanks, then a comment (after a blank, or at `p` when `p` starts the rest), then
   * its end. Declines anything else. Returns the offset of the line break (or the end of the text).
   */
  private lineRest(p: number, commentAtStart: boolean): number {
    const text = this.text
    const q = this.skipSpaces(p)
    const ch = text.charCodeAt(q)
    if (ch === HASH) {
      if (q === p && !commentAtStart) decline()
      const nl = text.indexOf('\n', q)
      return nl < 0 ? this.len : nl
    }
    if (q >= this.len || ch === LF || ch === CR) return q
    return decline()
  }

  /** The offset after the line break at or after `p` (the end of the text on the last line). */
  private nextLine(p: number): number {
    const nl = this.text.indexOf('\n', p)
    return nl < 0 ? this.len : nl + 1
  }

  /**
   * Moves to the next content line from the line start `p`, passing over blank and comment lines (recorded as gap
   * lines). Sets `col` to -1 at the end of the text and at a `---` line (`marker`); declines `...` and `%`.
   */
  private next(p: number): void {
    const text = this.text
    this.gaps = 0
    this.marker = false
    while (p < this.len) {
      let q = p
      while (text.charCodeAt(q) === SP) q++
      const ch = text.charCodeAt(q)
      if (ch === HASH || ch === LF || ch === CR || q >= this.len) {
        const end = this.nextLine(q)
        this.gapEnd[this.gaps] = end
        this.gapComment[this.gaps++] = ch === HASH ? q - p : -1
        p = end
        continue
      }
      if (ch === TAB) decline()
      this.lineStart = p
      this.at = q
      if (q === p && (text.startsWith('---', p) || text.startsWith('...', p)) && this.isBlankOrEnd(p + 3)) {
        if (text.charCodeAt(p) === 46 /* . */) decline()
        this.marker = true
        this.col = -1
        return
      }
      if (q === p && ch === 37 /* % */) decline()
      this.col = q - p
      return
    }
    this.lineStart = this.len
    this.at = this.len
    this.col = -1
  }

  /** The gap lines from index `from` on, and the current line's indentation, are pending. */
  private setPending(from: number): void {
    const gaps = this.gaps
    if (from >= gaps && this.at === this.lineStart) {
      this.pendingEnd = -1
      return
    }
    let comment = -1
    for (let i = from; i < gaps; i++) comment = Math.max(comment, this.gapComment[i]!)
    this.pendingEnd = this.at
    this.pendingComment = comment
  }

  private skipSpaces(p: number): number {
    while (p < this.len && this.text.charCodeAt(p) === SP) p++
    return p
  }

  /** A blank, a line break or the end of the text at `p` (what must follow an indicator). */
  private isBlankOrEnd(p: number): boolean {
    if (p >= this.len) return true
    const c = this.text.charCodeAt(p)
    if (c === TAB) decline()
    return c === SP || c === LF || c === CR
  }

  /** The line ends at `p`, or a comment starts there. */
  private isLineEnd(p: number): boolean {
    if (p >= this.len) return true
    const c = this.text.charCodeAt(p)
    return c === LF || c === CR || c === HASH
  }
}

/**
 * The first characters of the plain scalars that the core schema may resolve to something other than a string: its
 * null, bool, int and float tests (see PLAIN_TAGS) match only the empty text or a text starting with one of these.
 * test/parsers/yaml-fast.test.ts checks this against the schema's tests.
 */
export const MAY_NOT_BE_STRING = new Uint8Array(128)
for (const c of '~nNtTfF0123456789+-.') MAY_NOT_BE_STRING[c.charCodeAt(0)] = 1
/** Of those, the ones that start only the few words of {@link NOT_STRING_WORDS}. */
for (const c of '~nNtTfF') MAY_NOT_BE_STRING[c.charCodeAt(0)] = 2

/**
 * The texts other than numbers that the core schema resolves to something other than a string: its null and bool
 * tests match these words only. Looked up rather than tried against every tag of the schema: `name`, `needs` and
 * `target` keys start like them, and trying the tags is one regular expression call each.
 */
const NOT_STRING_WORDS = new Set(['~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'])

/**
 * Whether the core schema may resolve a plain scalar to something other than a string (see
 * {@link MAY_NOT_BE_STRING}): the empty text, texts that start like a number, and the words of
 * {@link NOT_STRING_WORDS}.
 */
export function mayNotBeString(source: string): boolean {
  const kind = source.length === 0 ? 1 : MAY_NOT_BE_STRING[source.charCodeAt(0)]
  return kind === 1 || (kind === 2 && source.length <= 5 && NOT_STRING_WORDS.has(source))
}

/**
 * A plain scalar that may not be a string (see {@link mayNotBeString}) resolved with the core schema's tags. Apart
 * from the reader's `plain`, which then stays small (every scalar goes through it, and V8 compiles all of a function).
 */
function resolvePlain(source: string, range: Range): Scalar.Parsed {
  for (let i = 0; i < PLAIN_TAGS.length; i++) {
    const tag = PLAIN_TAGS[i]!
    if (!tag.test!.test(source)) continue
    const res = tag.resolve(source, decline, OPTIONS)
    // Null, booleans and floats come back as yaml scalars (a float's with the fraction digits it shows): their
    // value goes into a light scalar, so that every scalar of the tree has one hidden class for the code reading it.
    const isNode = res instanceof Scalar
    const scalar = new FastScalar(isNode ? res.value : res, range, source, PLAIN)
    if (isNode && res.minFractionDigits !== undefined) scalar.minFractionDigits = res.minFractionDigits
    if (tag.format) scalar.format = tag.format
    return scalar
  }
  return new FastScalar(source, range, source, PLAIN)
}

/** Characters that start something other than a plain scalar (or an error) at the start of a value. */
const PLAIN_START_INDICATORS = new Uint8Array(128) // a table, not a Set: read for every plain scalar, with no call
for (const c of '&*!|>\'"%@`,[]{}#') PLAIN_START_INDICATORS[c.charCodeAt(0)] = 1
/** The characters that end an anchor or alias name (as yaml's lexer has them). */
const NAME_ENDS = new Set([...' ,[]{}\n\r\t'].map((c) => c.charCodeAt(0)))
const FLOW_INDICATORS = new Set([...',[]{}'].map((c) => c.charCodeAt(0)))

/** The double-quote escapes the reader decodes itself (`\x`, `\u`, `\U` and line breaks are left to `yaml`). */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
}

/**
 * The value of a block scalar body (`source`: its lines after the header, up to the last line break it owns) in a
 * collection at column `parentIndent`, following the YAML spec as `yaml` applies it: the first line that is not
 * blank sets the indentation; folding joins lines that are not more indented; chomping strips (`-`), clips or keeps
 * (`+`) the final line breaks.
 */
function blockValue(source: string, folded: boolean, chomp: string, parentIndent: number): string {
  if (!folded && chomp !== '+') {
    const plain = plainLiteralValue(source, chomp, parentIndent)
    if (plain !== undefined) return plain
  }
  const lines = source.split('\n').map((line) => {
    let n = 0
    while (line.charCodeAt(n) === SP) n++
    return [line.slice(0, n), line.slice(n)] as const
  })
  let chompStart = lines.length
  for (let i = lines.length - 1; i >= 0; i--) {
    const content = lines[i]![1]
    if (content === '' || content === '\r') chompStart = i
    else break
  }
  if (chompStart === 0) decline()
  let trimIndent = parentIndent
  let contentStart = 0
  for (let i = 0; i < chompStart; i++) {
    const [indent, content] = lines[i]!
    if (content === '' || content === '\r') {
      if (indent.length > trimIndent) trimIndent = indent.length
    } else {
      if (indent.length < trimIndent || indent.length === 0) decline() // more-indented leading blank lines
      trimIndent = indent.length
      contentStart = i
      break
    }
  }
  for (let i = lines.length - 1; i >= chompStart; i--) if (lines[i]![0].length > trimIndent) chompStart = i + 1
  let value = ''
  let sep = ''
  let prevMoreIndented = false
  for (let i = 0; i < contentStart; i++) value += lines[i]![0].slice(trimIndent) + '\n'
  for (let i = contentStart; i < chompStart; i++) {
    const indent = lines[i]![0]
    let content = lines[i]![1]
    if (content.endsWith('\r')) content = content.slice(0, -1)
    if (content !== '' && indent.length < trimIndent) decline()
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content
      sep = '\n'
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n'
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n'
      value += sep + indent.slice(trimIndent) + content
      sep = '\n'
      prevMoreIndented = true
    } else if (content === '') {
      if (sep === '\n') value += '\n'
      else sep = '\n'
    } else {
      value += sep + content
      sep = ' '
      prevMoreIndented = false
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; i++) value += '\n' + lines[i]![0].slice(trimIndent)
    if (!value.endsWith('\n')) value += '\n'
  } else if (chomp === '') value += '\n'
  return value
}

/**
 * The value of the usual literal block scalar (`run: |`) read in one pass, or undefined when the body is not of that
 * form (then {@link blockValue} reads it in full): every line ends with `\n` (no `\r`), holds text, and is indented
 * at least as much as the first, whose indentation is deeper than the collection. Its value is each line without
 * that indentation, and one final line break unless it is stripped (`|-`).
 */
function plainLiteralValue(source: string, chomp: string, parentIndent: number): string | undefined {
  const length = source.length
  if (source.charCodeAt(length - 1) !== LF) return undefined
  let indent = 0
  while (source.charCodeAt(indent) === SP) indent++
  if (indent === 0 || indent < parentIndent) return undefined
  let value = ''
  for (let start = 0; start < length; ) {
    const nl = source.indexOf('\n', start)
    let text = start
    while (text < nl && source.charCodeAt(text) === SP) text++
    if (text - start < indent || text === nl || source.charCodeAt(nl - 1) === CR) return undefined
    value += start === 0 ? source.slice(indent, nl) : `\n${source.slice(start + indent, nl)}`
    start = nl + 1
  }
  return chomp === '-' ? value : `${value}\n`
}
