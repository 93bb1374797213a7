/**
 * A one-pass reader for the YAML that pipeline files use (workflows, Compose files, Kubernetes manifests, Azure
 * Pipelines): block mappings and sequences (compact `- key: v` and `- - x` forms, sequences at their key's column),
 * single-line plain and quoted scalars (the common double-quote escapes), literal and folded block scalars with any
 * chomping indicator, single-line flow collections of scalars, anchors on scalars and mappings, aliases as values
 * (so `<<: *base` merge keys), comments, blank lines, CRLF line ends, a leading byte order mark and `---` between
 * documents.
 *
 * It builds the same nodes the `yaml` package composes (real `Document`, `YAMLMap`, `YAMLSeq`, `Pair`, `Scalar` and
 * `Alias` objects with the same `range`, `value`, `type`, `source` and `format`; plain scalars are resolved with the core
 * schema's own tags), and nothing else: comments are not kept on the nodes, since no reader of the tree uses them.
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
import type { Node, ScalarTag } from 'yaml'
import { COLON, CR, DASH, HASH, LF, SP, TAB } from './char-codes.js'

/** The options both YAML paths compose with: this reader and `parseStream`'s yaml Composer (yaml-located.ts). */
export const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const

/** The core schema's scalar tags that plain scalars are tested against, in the schema's order (as `yaml` does). */
const PLAIN_TAGS: readonly ScalarTag[] = new Document(undefined, OPTIONS).schema.tags.filter(
  (t): t is ScalarTag => !('collection' in t && t.collection) && t.default === true && t.test !== undefined,
)

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
  /**
   * Trailing comment and blank lines not given to a node yet (the `yaml` parser hands them up the open collections
   * until one keeps them): the offset where they end (-1 for none) and their deepest comment column.
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
      const doc = new Document(undefined, OPTIONS)
      doc.range = [0, this.len, this.len]
      return [doc as Document.Parsed]
    }
    const docs: Document.Parsed[] = []
    while (this.col !== -1 || this.marker) {
      if (docs.length > 0 && !many) decline()
      docs.push(this.document())
    }
    return docs
  }

  private document(): Document.Parsed {
    const doc = new Document(undefined, OPTIONS)
    const start = this.lineStart
    if (this.marker) {
      // `---`, then only blanks and a comment on its line.
      doc.directives!.docStart = true
      this.lineRest(start + 3, true)
      this.next(this.nextLine(start + 3))
      if (this.col === -1) decline() // an empty document
    }
    if (this.col !== 0) decline()
    const contents = this.collection(0, 0)
    const contentEnd = contents.range![2]
    const end = this.pendingEnd >= 0 ? this.pendingEnd : contentEnd
    this.pendingEnd = -1
    this.pendingComment = -1
    if (this.col >= 0) decline() // more after the root collection
    doc.contents = contents
    doc.range = [start, contentEnd, end]
    return doc as Document.Parsed
  }

  /** A block collection starting at the current content, at column `col`. */
  private collection(col: number, depth: number): YAMLMap | YAMLSeq {
    if (depth > MAX_DEPTH) decline()
    return this.isSeqItem(this.at) ? this.seq(col, depth) : this.map(col, depth)
  }

  private isSeqItem(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && this.isBlankOrEnd(p + 1)
  }

  private map(col: number, depth: number): YAMLMap {
    const map = new YAMLMap()
    const start = this.at
    const keys = new Set<unknown>()
    let end: number
    for (;;) {
      const key = this.key()
      if (keys.has(key.value)) decline() // yaml-located reports duplicate keys
      keys.add(key.value)
      const value = this.value(col, depth, true)
      map.items.push(new Pair(key, value))
      end = value.range![2]
      if (this.col === col && !this.marker) {
        if (this.isSeqItem(this.at)) decline()
        this.clearPending() // the next key's
        continue
      }
      if (this.col > col) decline()
      break
    }
    map.range = [start, end, this.keepPending(col, end)]
    return map
  }

  private seq(col: number, depth: number): YAMLSeq {
    const seq = new YAMLSeq()
    const start = this.at
    let end: number
    for (;;) {
      const p = this.skipSpaces(this.at + 1)
      if (this.isLineEnd(p)) decline() // an empty item (or its value on the next line)
      this.at = p
      this.col = p - this.lineStart
      const value = this.value(col, depth, false)
      seq.items.push(value)
      end = value.range![2]
      if (this.col === col && !this.marker && this.isSeqItem(this.at)) {
        this.clearPending() // the next item's
        continue
      }
      if (this.col > col) decline()
      break
    }
    seq.range = [start, end, this.keepPending(col, end)]
    return seq
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
  private key(): Scalar {
    const text = this.text
    const p = this.at
    const c = text.charCodeAt(p)
    let key: Scalar
    let q: number
    if (c === 34 /* " */ || c === 39 /* ' */) {
      key = this.quoted(p)
      q = key.range![1]
      key.range![2] = q
    } else {
      this.plainStart(p)
      q = this.plainEnd(p, false)
      if (q === p || text.charCodeAt(q) !== COLON) decline()
      key = this.plain(p, q, q)
    }
    q = this.skipSpaces(q)
    if (text.charCodeAt(q) !== COLON || !this.isBlankOrEnd(q + 1)) decline()
    if (q - p > 1000) decline() // `yaml` wants the `:` at most 1024 characters after the key
    this.at = q + 1
    return key
  }

  /**
   * The value after a key's `:` (`inMap`) or a sequence's `-`, in a collection at column `col`. On return the
   * current content is the next line's, and trailing comment lines are pending or given to the value.
   */
  private value(col: number, depth: number, inMap: boolean): Node {
    const text = this.text
    let p = this.skipSpaces(this.at)
    // An anchor (`&name`) on a scalar, a flow collection or a mapping on the next lines; not on anything else.
    let anchor: string | undefined
    if (text.charCodeAt(p) === 38 /* & */) {
      const q = this.nameEnd(p)
      anchor = text.slice(p + 1, q)
      p = this.skipSpaces(q)
    }
    const c = text.charCodeAt(p)
    if (this.isLineEnd(p)) {
      if (!inMap) decline()
      return this.emptyOrNested(col, depth, p, anchor)
    }
    if (c === 124 /* | */ || c === 62 /* > */) return anchor === undefined ? this.blockScalar(p, col) : decline()
    let node: Scalar | YAMLMap | YAMLSeq | Alias
    let q: number
    if (c === 34 || c === 39) {
      node = this.quoted(p)
      q = node.range![1]
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      node = this.flow(p, depth + 1)
      q = node.range![1]
    } else if (c === 42 /* * */ && anchor === undefined) {
      q = this.nameEnd(p)
      node = new Alias(text.slice(p + 1, q))
      this.aliases = true
      node.range = [p, q, q]
    } else if (!inMap && this.isSeqItem(p)) {
      // `- - x`: a sequence in a sequence item, at this column.
      return anchor === undefined ? this.nested(p, depth) : decline()
    } else {
      this.plainStart(p)
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
    const next = this.nextLine(this.lineRest(q, false))
    node.range![2] = next
    this.next(next)
    const gaps = this.gapEnd.length
    let attached = -1
    for (let i = 0; i < gaps; i++) {
      const comment = this.gapComment[i]!
      if (comment < 0) continue
      if (comment > col) attached = i
      else break
    }
    if (attached >= 0) node.range![2] = this.gapEnd[attached]!
    this.setPending(attached + 1)
    if (this.col > col) decline() // a continuation line (a multi-line plain scalar) or an error
    return node
  }

  /** A collection that starts inside a sequence item's line, at `p`. */
  private nested(p: number, depth: number): YAMLMap | YAMLSeq {
    this.at = p
    this.col = p - this.lineStart
    return this.collection(this.col, depth + 1)
  }

  /**
   * After `key:` (and an anchor) with nothing else on its line: a collection on the next lines (an anchor only on a
   * mapping), or an empty (null) value (without an anchor).
   */
  private emptyOrNested(col: number, depth: number, p: number, anchor: string | undefined): Node {
    const hasComment = this.text.charCodeAt(p) === HASH
    this.next(this.nextLine(p))
    if (this.col > col && !this.marker) {
      // The comment and blank lines before it are the collection's (`yaml` keeps them as comments only).
      this.clearPending()
      const nested = this.collection(this.col, depth + 1)
      if (anchor !== undefined) {
        if (nested instanceof YAMLSeq) decline()
        nested.anchor = anchor
      }
      return nested
    }
    if (anchor !== undefined) decline()
    if (this.col === col && !this.marker && this.isSeqItem(this.at)) {
      this.clearPending()
      return this.collection(col, depth + 1)
    }
    // A null scalar after the `:` and its blanks. The comment lines after it are its own (they change its range),
    // except when the next key (or a `---` line after a mapping at column 0) follows: then yaml's parser cuts them at the line break of the line after the last
    // comment line indented more than the mapping, and the rest is the next key's.
    const gaps = this.gapEnd.length
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
    this.clearPending()
    return scalar
  }

  /** A literal or folded block scalar whose header is at `p`, in a collection at column `col`. */
  private blockScalar(p: number, col: number): Scalar {
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
      let j = nl + 1
      while (text.charCodeAt(j) === SP) j++
      const ch = text.charCodeAt(j)
      if (ch === TAB) decline()
      if (!(ch === LF || ch === CR || j - nl - 1 >= indent)) break
      nl = text.indexOf('\n', j)
      if (nl < 0) {
        nl = this.len
        break
      }
    }
    if (chomp !== '+') {
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
    const end = Math.min(nl + 1, this.len)
    const value = blockValue(text.slice(bodyStart, end), folded, chomp, col)
    const scalar = new Scalar(value)
    scalar.range = [p, end, end]
    scalar.source = value
    scalar.type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL
    this.next(end)
    this.setPending(0)
    if (this.col > col) decline()
    return scalar
  }

  /** A single-line flow sequence or mapping at `p` (its nodes' ranges end after the blanks that follow them). */
  private flow(p: number, depth: number): YAMLMap | YAMLSeq {
    if (depth > MAX_DEPTH) decline()
    const text = this.text
    const isMap = text.charCodeAt(p) === 123
    const close = isMap ? 125 : 93
    const coll = isMap ? new YAMLMap() : new YAMLSeq()
    coll.flow = true
    const keys = new Set<unknown>()
    let q = this.skipSpaces(p + 1)
    if (text.charCodeAt(q) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowItem(q, depth, true)
          if (!(key instanceof Scalar) || keys.has(key.value)) decline()
          keys.add(key.value)
          q = key.range![1]
          key.range![2] = q
          q = this.skipSpaces(q)
          if (text.charCodeAt(q) !== COLON || text.charCodeAt(q + 1) !== SP) decline()
          const value = this.flowItem(this.skipSpaces(q + 1), depth, false)
          ;(coll as YAMLMap).items.push(new Pair(key, value))
          q = value.range![2]
        } else {
          const item = this.flowItem(q, depth, false)
          ;(coll as YAMLSeq).items.push(item)
          q = item.range![2]
        }
        const ch = text.charCodeAt(q)
        if (ch === close) break
        if (ch !== 44 /* , */) decline()
        q = this.skipSpaces(q + 1)
        if (text.charCodeAt(q) === close) decline() // a trailing comma
      }
    }
    coll.range = [p, q + 1, this.skipSpaces(q + 1)]
    return coll
  }

  /**
   * A scalar or a nested flow collection inside a flow collection (a key when `isKey`: followed by its `:`), its
   * range ending after its trailing blanks.
   */
  private flowItem(p: number, depth: number, isKey: boolean): Scalar | YAMLMap | YAMLSeq {
    const c = this.text.charCodeAt(p)
    if (c === 91 || c === 123) return this.flow(p, depth + 1)
    let node: Scalar
    if (c === 34 || c === 39) node = this.quoted(p)
    else {
      this.plainStart(p)
      const q = this.plainEnd(p, true)
      if (q === p || (this.text.charCodeAt(q) === COLON) !== isKey) decline()
      node = this.plain(p, q, q)
    }
    node.range![2] = this.skipSpaces(node.range![1])
    return node
  }

  /** A plain scalar `text[p, q)` resolved with the core schema, as `yaml` composes it. */
  private plain(p: number, q: number, nodeEnd: number): Scalar {
    const source = this.text.slice(p, q)
    let scalar: Scalar | undefined
    for (const tag of PLAIN_TAGS) {
      if (!tag.test!.test(source)) continue
      const res = tag.resolve(source, decline, OPTIONS)
      scalar = res instanceof Scalar ? res : new Scalar(res)
      if (tag.format) scalar.format = tag.format
      break
    }
    scalar ??= new Scalar(source)
    scalar.range = [p, q, nodeEnd]
    scalar.source = source
    scalar.type = Scalar.PLAIN
    return scalar
  }

  /** A single- or double-quoted scalar at `p` that ends on its line (its range ends at the closing quote). */
  private quoted(p: number): Scalar {
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
    const scalar = new Scalar(value)
    scalar.range = [p, i + 1, i + 1]
    scalar.source = value
    scalar.type = quote === 34 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE
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

  /** Declines a plain scalar that would start with an indicator (an error, or a construct left to `yaml`). */
  private plainStart(p: number): void {
    const c = this.text.charCodeAt(p)
    if (PLAIN_START_INDICATORS.has(c)) decline()
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
    this.gapEnd.length = 0
    this.gapComment.length = 0
    this.marker = false
    while (p < this.len) {
      let q = p
      while (text.charCodeAt(q) === SP) q++
      const ch = text.charCodeAt(q)
      if (ch === HASH || ch === LF || ch === CR || q >= this.len) {
        const end = this.nextLine(q)
        this.gapEnd.push(end)
        this.gapComment.push(ch === HASH ? q - p : -1)
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
    const gaps = this.gapEnd.length
    if (from >= gaps && this.at === this.lineStart) {
      this.clearPending()
      return
    }
    let comment = -1
    for (let i = from; i < gaps; i++) comment = Math.max(comment, this.gapComment[i]!)
    this.pendingEnd = this.at
    this.pendingComment = comment
  }

  private clearPending(): void {
    this.pendingEnd = -1
    this.pendingComment = -1
  }

  private skipSpaces(p: number): number {
    while (this.text.charCodeAt(p) === SP) p++
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
    const c = this.text.charCodeAt(p)
    return p >= this.len || c === LF || c === CR || c === HASH
  }
}

/** Characters that start something other than a plain scalar (or an error) at the start of a value. */
const PLAIN_START_INDICATORS = new Set([...'&*!|>\'"%@`,[]{}#'].map((c) => c.charCodeAt(0)))
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
