/**
 * Reads and parses files: size limit before reading, encoding checks, one parser per kind, and a cache so a
 * Dockerfile reached from three workflows is parsed once. Files referenced by other files (`-f Dockerfile.win`)
 * are loaded on demand through the same cache, inside the root only.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import path from 'node:path'
import type { SkippedFile } from '../core/finding.js'
import { besideFile, joinRel } from '../core/rel-path.js'
import { LineIndex, type Span } from '../core/span.js'
import type { AzurePipelinesModel } from '../model/azure-pipelines.js'
import type { ComposeModel } from '../model/compose.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import type { WorkflowModel } from '../model/workflow.js'
import type { FileKind, FileModel, ParseProblem } from '../model/project.js'
import { looksLikeAzurePipelines, parseAzurePipelines } from '../parsers/azure-pipelines.js'
import { isComposeText, parseCompose, parseDotEnv } from '../parsers/compose.js'
import { parseDockerfile } from '../parsers/dockerfile.js'
import { looksLikeKubernetes, parseKubernetes } from '../parsers/kubernetes.js'
import { parseCompositeAction, parseWorkflow, type CompositeAction } from '../parsers/workflow.js'
import { isInside, kindFromName, type DiscoveredFile } from './discover.js'
import { everyVariableUnknown } from './env-writes.js'
import { ACTION_FILE_NAMES, isTemplateText, looksLikeDockerfile } from './names.js'
import { RealPaths } from './real-paths.js'
import type { FileResolver } from './link.js'

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024

/** Parse problems reported per file; the rest follow from the first ones or are more of the same. */
export const MAX_PROBLEMS_PER_FILE = 10

/** The largest size limit that can be set: larger texts come near the engine's string limit (512 MiB). */
export const MAX_FILE_SIZE_LIMIT = 256 * 1024 * 1024

export interface LoaderOptions {
  /** Files larger than this many bytes are skipped with a note, never read. */
  readonly maxFileSize?: number
}

export class ProjectLoader implements FileResolver {
  readonly sources = new Map<string, string>()
  readonly problems: ParseProblem[] = []
  readonly skipped: SkippedFile[] = []
  private readonly models = new Map<string, FileModel | null>()
  /** References that cannot be loaded (missing, outside the tree, not a file): not looked up again. */
  private readonly unreachable = new Set<string>()
  /** `.env` texts by path (undefined: none), read once per folder. */
  private readonly quiet = new Map<string, string | undefined>()
  private readonly maxFileSize: number
  /** `root` + `/`, when the root is an absolute, normalized POSIX path other than `/` (see {@link absolute}). */
  private readonly rootSlash: string | undefined

  constructor(
    readonly root: string,
    options: LoaderOptions = {},
  ) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
    this.rootSlash = path.sep === '/' && root !== '/' && path.isAbsolute(root) && path.resolve(root) === root ? `${root}/` : undefined
  }

  /**
   * `path.resolve(root, rel)`, and whether it lies inside the root. A plain relative path (as `joinRel` gives) under
   * a normalized root is the two joined, inside by construction: no normalizing and no prefix test once per
   * referenced file (a workflow names one Dockerfile per `docker build`).
   */
  private absolute(rel: string): { abs: string; inside: boolean } {
    if (this.rootSlash !== undefined && rel !== '' && !NOT_PLAIN.test(rel)) return { abs: this.rootSlash + rel, inside: true }
    const abs = path.resolve(this.root, rel)
    return { abs, inside: isInside(this.root, abs) }
  }

  /** Loads a discovered file; returns its model, or undefined when it was skipped or failed to parse. */
  loadDiscovered(file: DiscoveredFile): FileModel | undefined {
    // A YAML or JSON file found while walking, with no telling name: linted only when its content is a manifest.
    return this.load(file.rel, file.kind, file.abs, file.regular, !file.explicit && file.kind === undefined, file.ambiguous === true)
  }

  azurePipelines(rel: string): AzurePipelinesModel | undefined {
    const m = this.loadReferenced(rel, 'azure-pipelines')
    return m?.kind === 'azure-pipelines' ? m : undefined
  }

  /** Every path other files referred to (`-f Dockerfile.win`, a Compose file's build), found or not. */
  readonly referenced = new Set<string>()

  dockerfile(rel: string): DockerfileModel | undefined {
    const m = this.loadReferenced(rel, 'dockerfile')
    return m?.kind === 'dockerfile' ? m : undefined
  }

  compose(rel: string): ComposeModel | undefined {
    const m = this.loadReferenced(rel, 'compose')
    return m?.kind === 'compose' ? m : undefined
  }

  /** Text of a file that is not linted itself but followed (Makefile, script, action.yml): inside the root, bounded. */
  text(rel: string): string | undefined {
    if (!this.texts.has(rel)) {
      const text = this.readQuietly(rel)
      this.texts.set(rel, text)
      // Findings and related locations may point into it: it is part of the run's sources.
      if (text !== undefined && !this.sources.has(rel)) this.sources.set(rel, text)
    }
    return this.texts.get(rel)
  }

  private readonly texts = new Map<string, string | undefined>()
  private readonly actions = new Map<string, CompositeAction | undefined>()

  workflow(rel: string): WorkflowModel | undefined {
    const m = this.loadReferenced(rel, 'workflow')
    return m?.kind === 'workflow' ? m : undefined
  }

  /** The composite action in a folder (`action.yml` or `action.yaml`). */
  action(dir: string): CompositeAction | undefined {
    if (!this.actions.has(dir)) {
      const rel = ACTION_FILE_NAMES.map((n) => joinRel(dir, n)).find((f) => f !== undefined && this.text(f) !== undefined)
      const read = rel !== undefined ? parseCompositeAction(rel, this.text(rel)!) : undefined
      // A step that uses it is not followed; a crash reading it is a parse problem of the action file.
      for (const p of read?.problems ?? []) this.problems.push({ file: rel!, kind: 'workflow', message: p.message, span: p.span })
      this.actions.set(dir, read?.action)
    }
    return this.actions.get(dir)
  }
  private readonly variants = new Map<string, ComposeModel | undefined>()

  composeVariant(
    rel: string,
    envFiles: readonly string[] | undefined,
    environment: ReadonlyMap<string, string | undefined>,
  ): ComposeModel | undefined {
    const allUnknown = everyVariableUnknown(environment)
    const key = JSON.stringify([rel, envFiles ?? null, [...environment], allUnknown])
    if (this.variants.has(key)) return this.variants.get(key)
    let model: ComposeModel | undefined
    const text = this.compose(rel) ? this.sources.get(rel) : undefined
    if (text !== undefined) {
      // The .env beside the file (not joinRel: the folder is a real one, its backslashes are parts of names).
      const defaultEnv = besideFile(rel, '.env')
      const files = envFiles ?? [defaultEnv]
      // After a write to GITHUB_ENV isolint cannot read, any variable may be set: the .env files' too (not read).
      let env: ReadonlyMap<string, string | undefined> = environment
      let used: string | undefined
      if (!allUnknown) {
        const merged = new Map<string, string | undefined>()
        for (const f of files) {
          const envText = this.readQuietly(f)
          if (envText === undefined) continue
          used ??= f
          for (const [k, v] of parseDotEnv(envText)) merged.set(k, v)
        }
        // The shell environment wins over env files; a value isolint cannot know makes the variable unknown (kept
        // with no value: interpolation then leaves every expression that reads it unresolved, its default included).
        for (const [k, v] of environment) merged.set(k, v)
        env = merged
      }
      try {
        model = parseCompose(rel, text, env, used).model
      } catch {
        model = undefined
      }
    }
    this.variants.set(key, model)
    return model
  }

  /** Every model loaded so far (discovered and referenced), sorted by path. */
  allModels(): FileModel[] {
    return [...this.models.values()]
      .filter((m): m is FileModel => m !== null)
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  }

  private loadReferenced(rel: string, kind: FileKind): FileModel | undefined {
    this.referenced.add(rel)
    if (this.models.has(rel)) return this.models.get(rel) ?? undefined
    if (this.unreachable.has(rel)) return undefined
    const { abs, inside } = this.absolute(rel)
    let ok: boolean
    try {
      // Never follow a reference out of the tree, also not through a link.
      ok = inside && this.isRegularFileInside(abs)
    } catch {
      ok = false
    }
    if (!ok) {
      this.unreachable.add(rel)
      return undefined
    }
    return this.load(rel, kind, abs, true)
  }

  /** Real paths of referenced files, each folder resolved once. */
  private readonly realPaths = new RealPaths()

  /** Whether `abs` is a regular file whose real path lies inside the root; may throw when it cannot be resolved. */
  private isRegularFileInside(abs: string): boolean {
    const resolved = this.realPaths.resolve(abs)
    return resolved !== undefined && isInside(this.root, resolved.real) && resolved.stats.isFile()
  }

  /** `regular`: `abs` was seen as a regular file (see `readBounded`). */
  private load(
    rel: string,
    kind: FileKind | undefined,
    abs: string,
    regular: boolean,
    contentOnly = false,
    ambiguous = false,
  ): FileModel | undefined {
    if (this.models.has(rel)) return this.models.get(rel) ?? undefined
    this.models.set(rel, null)
    if (contentOnly && !this.sniffCandidate(abs)) return this.forget(rel)
    const text = this.read(rel, abs, regular, kind ?? kindFromName(rel))
    if (text === undefined) return undefined
    let actualKind = contentOnly ? (looksLikeKubernetes(text) ? 'kubernetes' : undefined) : (kind ?? sniffKind(rel, text))
    // A file named like a pipeline must also read like one (`azure-pipelines.yml` can be a Kubernetes manifest).
    if (actualKind === 'azure-pipelines' && kind !== undefined && !looksLikeAzurePipelines(text, false)) {
      actualKind = looksLikeKubernetes(text) ? 'kubernetes' : undefined
    }
    if (!actualKind) {
      if (!contentOnly) return this.drop(rel, 'not recognised as a Dockerfile, Compose file, GitHub workflow, Azure Pipelines file or Kubernetes manifest')
      return this.forget(rel)
    }
    if (ambiguous && actualKind === 'dockerfile' && !looksLikeDockerfile(text)) {
      return this.drop(rel, 'named like a Dockerfile, but its first line is no Dockerfile instruction: not linted')
    }
    const result = this.parse(rel, actualKind, text)
    if (result.skip !== undefined) return this.drop(rel, result.skip)
    if (isTemplateText(text, actualKind, result.problems.length === 0)) {
      return this.drop(rel, 'template ({{ }}, {% %} or <% %> syntax): rendered by another tool before use; not linted')
    }
    // The first problems only: a file with an error on every line (or byte) must not flood the report.
    const problems = result.problems
    for (let i = 0; i < problems.length && i < MAX_PROBLEMS_PER_FILE; i++) {
      this.problems.push({ file: rel, kind: actualKind, message: problems[i]!.message, span: problems[i]!.span })
    }
    if (result.model) this.models.set(rel, result.model)
    return result.model
  }

  /** A cheap look at the first bytes of a content-only candidate, so that unrelated YAML and JSON is not read whole. */
  private sniffCandidate(abs: string): boolean {
    const head = readHead(abs, 64 * 1024)
    return head !== undefined && /apiVersion/.test(head) && /kind/.test(head)
  }

  /**
   * Forgets a file that turned out not to be one isolint lints (its text and any problem found reading it); with a
   * reason, the file is listed as skipped.
   */
  private drop(rel: string, reason?: string): undefined {
    this.sources.delete(rel)
    // In place, without spreading: a run can hold more problems than a call takes arguments.
    let kept = 0
    for (const p of this.problems) if (p.file !== rel) this.problems[kept++] = p
    this.problems.length = kept
    if (reason !== undefined) this.skipped.push({ file: rel, reason })
    return undefined
  }

  /**
   * Drops a content-only candidate that is no manifest, silently, and forgets it was tried: another file may still
   * name it (an Azure Pipelines template), and then it is read as what that file says it is.
   */
  private forget(rel: string): undefined {
    this.models.delete(rel)
    return this.drop(rel)
  }

  /** Parses `text` as this loader parses the file `rel`; undefined when it is none of the kinds it reads. */
  parseText(rel: string, text: string): { model?: FileModel; problems: { message: string; span: Span }[] } | undefined {
    const kind = sniffKind(rel, text)
    return kind ? this.parse(rel, kind, text) : undefined
  }

  private parse(
    rel: string,
    kind: FileKind,
    text: string,
  ): { model?: FileModel; problems: { message: string; span: Span }[]; skip?: string } {
    try {
      switch (kind) {
        case 'kubernetes':
          return parseKubernetes(rel, text)
        case 'azure-pipelines':
          return parseAzurePipelines(rel, text)
        case 'dockerfile':
          return parseDockerfile(rel, text)
        case 'workflow':
          return parseWorkflow(rel, text)
        case 'compose': {
          const envRel = besideFile(rel, '.env')
          const envText = this.readQuietly(envRel)
          const env = envText !== undefined ? parseDotEnv(envText) : new Map<string, string>()
          return parseCompose(rel, text, env, envText !== undefined ? envRel : undefined)
        }
      }
    } catch (e) {
      // Parsers report problems instead of throwing; this is the last line of defence.
      return { problems: [{ message: `cannot parse: ${(e as Error).message}`, span: new LineIndex(text).span(rel, 0, 0) }] }
    }
  }

  /** Reads and decodes a file, recording why it was skipped or why its bytes are a problem. */
  private read(rel: string, abs: string, regular: boolean, kind: FileKind | undefined): string | undefined {
    const got = readBounded(abs, this.maxFileSize, regular)
    if ('skip' in got) {
      this.skipped.push({ file: rel, reason: got.skip })
      return undefined
    }
    const decoded = decode(got.bytes)
    if (decoded.skip) {
      this.skipped.push({ file: rel, reason: decoded.skip })
      return undefined
    }
    const text = decoded.text!
    this.sources.set(rel, text)
    if (decoded.problem) {
      const lines = new LineIndex(text)
      this.problems.push({ file: rel, ...(kind ? { kind } : {}), message: decoded.problem.message, span: lines.span(rel, decoded.problem.offset, decoded.problem.offset) })
      if (decoded.fatal) return undefined
    }
    return text
  }

  private readQuietly(rel: string): string | undefined {
    if (this.quiet.has(rel)) return this.quiet.get(rel)
    const text = this.readQuietlyOnce(rel)
    this.quiet.set(rel, text)
    return text
  }

  private readQuietlyOnce(rel: string): string | undefined {
    const { abs, inside } = this.absolute(rel)
    let regular: boolean
    try {
      const resolved = inside ? this.realPaths.resolve(abs) : undefined
      if (resolved === undefined || !isInside(this.root, resolved.real)) return undefined
      regular = resolved.stats.isFile()
    } catch {
      return undefined
    }
    const got = readBounded(abs, this.maxFileSize, regular)
    if ('skip' in got) return undefined
    const d = decode(got.bytes)
    return d.skip || d.fatal ? undefined : d.text
  }
}

/**
 * A relative path `path.resolve` would change when joining it to a folder: rooted, or with an empty, `.` or `..`
 * segment, or a trailing `/` (POSIX: a backslash is a character of a name); or one starting with `..` (`isInside`
 * takes a first name `..x` for a way out, so such a path keeps its test).
 */
const NOT_PLAIN = /^\/|^\.\.|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/

/** Where files up to its size are read: one buffer for the run, not one per file. */
const SHARED_READ_BUFFER = Buffer.allocUnsafeSlow(64 * 1024)

/**
 * Reads a regular file of at most `maxSize` bytes. The size is checked on the open file before reading, and the
 * read stops after `maxSize + 1` bytes, so a file that grows in between is never read whole either. Opening does not
 * wait for a writer (named pipes), and anything but a regular file (pipe, device, socket, folder) is not read.
 * The bytes of a small file are a view into a buffer the next call reuses: decode them before reading again.
 * `regular`: the caller saw a regular file at `abs` (listed by its folder, or an lstat): one that fits the shared
 * buffer is read to its end without asking its type and size first (open, read, close).
 */
export function readBounded(abs: string, maxSize: number, regular = false): { bytes: Buffer } | { skip: string } {
  return (regular ? readSmall(abs, maxSize) : undefined) ?? readChecked(abs, maxSize)
}

/**
 * The bytes of a file up to the size of the shared buffer, or undefined when it is larger, empty or cannot be read:
 * then `readChecked` looks at its type and size (an empty read may be a named pipe put in the file's place) and says
 * why it cannot be read.
 */
function readSmall(abs: string, maxSize: number): { bytes: Buffer } | undefined {
  const fd = openQuietly(abs)
  if (fd === undefined) return undefined
  try {
    const want = Math.min(maxSize + 1, SHARED_READ_BUFFER.length)
    let total = 0
    for (;;) {
      const n = readSync(fd, SHARED_READ_BUFFER, total, want - total, null)
      if (n === 0) break
      total += n
      if (total === want) return undefined
    }
    return total > 0 ? { bytes: SHARED_READ_BUFFER.subarray(0, total) } : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/** `readBounded` with the type and size of the open file checked before reading. */
function readChecked(abs: string, maxSize: number): { bytes: Buffer } | { skip: string } {
  let fd: number
  try {
    fd = openForReading(abs)
  } catch (e) {
    return { skip: `cannot read: ${describeError(e)}` }
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) return { skip: `not a regular file (${fileType(st)})` }
    const tooLarge = (size: string): { skip: string } => ({
      skip: `larger than the ${formatSize(maxSize)} limit (${size})`,
    })
    // The exact size when rounding would show the limit itself (2.0 MB larger than 2.0 MB).
    if (st.size > maxSize) return tooLarge(formatSize(st.size) === formatSize(maxSize) ? `${st.size} bytes` : formatSize(st.size))
    // Room for the announced size plus one byte to see growth, no copy when that was the whole file.
    // Some files report size 0 and have content (/proc): read on in chunks to the end, never past the limit.
    const want = Math.min(maxSize + 1, st.size + 1)
    const first = want <= SHARED_READ_BUFFER.length ? SHARED_READ_BUFFER : Buffer.allocUnsafe(want)
    let total = 0
    for (;;) {
      const n = readSync(fd, first, total, want - total, null)
      if (n === 0) break
      total += n
      // Every byte the size announced: one read for most files, none more to see the end.
      if (total === want || total === st.size) break
    }
    if (total > maxSize) return tooLarge('its size changed while it was read')
    if (total < want) return { bytes: first.subarray(0, total) }
    const chunk = Buffer.allocUnsafe(Math.min(maxSize + 1, 64 * 1024))
    const chunks: Buffer[] = [first.subarray(0, total)]
    for (;;) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, maxSize + 1 - total), null)
      if (n === 0) break
      chunks.push(Buffer.from(chunk.subarray(0, n)))
      total += n
      if (total > maxSize) return tooLarge('its size changed while it was read')
    }
    return { bytes: Buffer.concat(chunks, total) }
  } catch (e) {
    return { skip: `cannot read: ${describeError(e)}` }
  } finally {
    closeSync(fd)
  }
}

/** The first `max` bytes of a regular file as text; undefined when it cannot be read (the full read reports why). */
function readHead(abs: string, max: number): string | undefined {
  const fd = openQuietly(abs)
  if (fd === undefined) return undefined
  try {
    if (!fstatSync(fd).isFile()) return undefined
    const buf = max <= SHARED_READ_BUFFER.length ? SHARED_READ_BUFFER : Buffer.allocUnsafe(max)
    const n = readSync(fd, buf, 0, max, 0)
    return buf.subarray(0, n).toString('utf8')
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/** Opens a file to read it. O_NONBLOCK: opening a named pipe must not wait for a writer (0 where there is none). */
function openForReading(abs: string): number {
  return openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
}

/** {@link openForReading}, undefined when the file cannot be opened (the checked read says why). */
function openQuietly(abs: string): number | undefined {
  try {
    return openForReading(abs)
  } catch {
    return undefined
  }
}

function fileType(st: Stats): string {
  if (st.isDirectory()) return 'a folder'
  if (st.isFIFO()) return 'a named pipe'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  return 'unknown type'
}

interface Decoded {
  text?: string
  skip?: string
  problem?: { message: string; offset: number }
  /** The problem stops linting of the file. */
  fatal?: boolean
}

/** Decoders are reused (one call per file, no streaming state carried over). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const UTF8_LENIENT = new TextDecoder('utf-8', { ignoreBOM: false })

/** UTF-8 (BOM allowed); UTF-16 and binary files are reported, invalid UTF-8 is reported and linted as decoded. */
export function decode(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes)
    return {
      text,
      problem: { message: 'the file is encoded as UTF-16; Docker, Compose and GitHub read these files as UTF-8: save it as UTF-8', offset: 0 },
      fatal: true,
    }
  }
  const probe = bytes.length <= 8192 ? bytes : bytes.subarray(0, 8192)
  if (probe.includes(0)) return { skip: 'binary file (contains NUL bytes)' }
  try {
    return { text: UTF8.decode(bytes) }
  } catch {
    const text = UTF8_LENIENT.decode(bytes)
    const offset = Math.max(0, text.indexOf('\uFFFD'))
    return { text, problem: { message: 'the file is not valid UTF-8 (invalid bytes shown as \uFFFD); save it as UTF-8', offset } }
  }
}

function sniffKind(rel: string, text: string): FileKind | undefined {
  const byName = kindFromName(rel)
  if (byName) return byName
  if (/^jobs\s*:/m.test(text) && /^(on|"on"|'on')\s*:/m.test(text)) return 'workflow'
  if (looksLikeKubernetes(text)) return 'kubernetes'
  if (/\.ya?ml$/i.test(rel) && looksLikeAzurePipelines(text)) return 'azure-pipelines'
  if (isComposeText(text)) return 'compose'
  if (/^\s*FROM\s+\S/im.test(text)) return 'dockerfile'
  // Given by name: a variables or parameters template of a pipeline.
  if (/\.ya?ml$/i.test(rel) && looksLikeAzurePipelines(text, false)) return 'azure-pipelines'
  return undefined
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} bytes`
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return code ?? String(e)
}

/** Whether `text` parses as the file `rel` under `root`, and with how many problems (a fix must not add any). */
export function parseText(root: string, rel: string, text: string): { parsed: boolean; problems: number } {
  const r = new ProjectLoader(root).parseText(rel, text)
  return { parsed: r?.model !== undefined, problems: r?.problems.length ?? 0 }
}
