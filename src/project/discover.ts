/**
 * Finds the files isolint lints under the given paths. Never follows a link out of the scanned root, never loops
 * on a link cycle, and reports what it could not read instead of failing the run.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs'
import path from 'node:path'
import type { SkippedFile } from '../core/finding.js'
import { UsageError } from '../core/errors.js'
import type { FileKind } from '../model/project.js'
import { classifyName } from './names.js'
import { RealPaths } from './real-paths.js'

export interface DiscoveredFile {
  /** Absolute path. */
  readonly abs: string
  /** POSIX path relative to the root. */
  readonly rel: string
  /** The kind its name says; undefined for an explicit file whose name says nothing (sniffed from content later). */
  readonly kind?: FileKind
  /** Given on the command line (linted whatever its name). */
  readonly explicit: boolean
  /** The name alone does not decide (`Dockerfile.windows`): the content must look like a Dockerfile. */
  readonly ambiguous?: boolean
  /**
   * It was a regular file when looked at (a walked file always was: its folder listed it; a path named on the command
   * line may be a pipe or a device), so that it is read without asking its type first (see `readBounded`).
   */
  readonly regular: boolean
}

const SKIP_DIRS = new Set(['.git', 'node_modules'])

/** Folders of deliberately broken test inputs (the Go convention): linted only when a path names them. */
const TESTDATA_DIRS = new Set(['testdata'])
const TESTDATA_NOTE = 'testdata folder (test inputs by convention): not linted unless a path names it'

/** The kind a file name implies, or undefined (templates and ambiguous names included; see names.ts). */
export function kindFromName(rel: string): FileKind | undefined {
  return classifyName(rel)?.kind ?? (isAzurePipelinesName(rel) ? 'azure-pipelines' : undefined)
}

/** `azure-pipelines*.yml`, `*.vsts-ci*.yml`, and YAML under `.azure-pipelines/` or `.vsts-ci/` (confirmed by content). */
function isAzurePipelinesName(rel: string): boolean {
  const lower = rel.toLowerCase()
  if (!/\.ya?ml$/.test(lower)) return false
  const base = lower.slice(lower.lastIndexOf('/') + 1)
  return /(^|\.)azure-pipelines\b/.test(base) || /\.vsts-ci\b/.test(base) || /(^|\/)\.(azure-pipelines|vsts-ci)\//.test(lower)
}

/** YAML and JSON files are read when their content may make them Kubernetes manifests (found by content). */
function isContentCandidate(rel: string): boolean {
  return /\.(ya?ml|json)$/i.test(rel)
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/')
}

/** An empty, `.` or `..` segment, or a separator at the end: the path is not normalized (POSIX). */
const NOT_NORMALIZED = /\/\.{0,2}(?:\/|$)/

/**
 * `path.resolve(base, p)`. An absolute path, or a relative one from an absolute `base`, that is normalized already
 * (POSIX; what the command line gives, a path per file for a pre-commit hook) is not normalized again.
 */
export function resolvePath(base: string, p: string): string {
  if (path.sep === '/' && p !== '' && !NOT_NORMALIZED.test(p)) {
    if (p.startsWith('/')) return p
    if (!p.startsWith('.') && base.startsWith('/') && !NOT_NORMALIZED.test(base)) return base + '/' + p
  }
  return path.resolve(base, p)
}

/** True when `target` is `root` or inside it. */
export function isInside(root: string, target: string): boolean {
  // Normalized absolute POSIX paths (what the walk, `path.resolve` and `realpath` give): a prefix test gives what
  // `path.relative` would, without resolving both paths again (the loader asks for every referenced file).
  if (path.sep === '/' && root.startsWith('/') && target.startsWith(root) && !NOT_NORMALIZED.test(root) && !NOT_NORMALIZED.test(target)) {
    if (target.length === root.length) return true
    if (target.charCodeAt(root.length) === 0x2f) return !target.startsWith('..', root.length + 1)
  }
  const rel = path.relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export interface Discovery {
  readonly root: string
  readonly files: DiscoveredFile[]
  readonly skipped: SkippedFile[]
}

/**
 * Walks `paths` (files or folders, relative to `root` or absolute) and returns the lintable files, sorted.
 * A path that does not exist or lies outside the root is a UsageError (exit 2). `known`: what `lstat` said of some
 * of the absolute paths (no links), when the caller looked already (the command line checks every path it is given).
 */
export function discover(root: string, paths: readonly string[], known?: ReadonlyMap<string, Stats>): Discovery {
  let realRoot: string
  try {
    realRoot = realpathSync(root)
    if (!statSync(realRoot).isDirectory()) throw new UsageError(`the root is not a folder: ${root}`)
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError(pathError(root, e, 'root folder'))
  }
  const files = new Map<string, DiscoveredFile>()
  const skipped: SkippedFile[] = []
  const visitedDirs = new Set<string>()
  /** Real paths of the files found so far. */
  const fileReals = new Set<string>()
  /** Links inside the tree, not followed yet. */
  const links: string[] = []

  const rootPrefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep
  // Paths here are normalized (joined from the root and listed names): one under the root is its own relative path.
  const relOf = (abs: string): string =>
    abs.startsWith(rootPrefix) && !abs.endsWith(path.sep)
      ? toPosix(abs.slice(rootPrefix.length))
      : toPosix(path.relative(realRoot, abs)) || '.'

  /**
   * Walks a folder whose real path is `real`. Real paths of plain subfolders and files are joined, not resolved, and
   * entry types come from the folder listing: the work stays linear in the depth of the tree (resolving every path
   * would cost one lstat per path component, quadratic in a deep tree).
   */
  const walk = (dir: string, real: string, rel = relOf(dir)): void => {
    if (visitedDirs.has(real)) return
    visitedDirs.add(real)
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    } catch (e) {
      skipped.push({ file: rel, reason: `cannot read folder: ${errorCode(e)}` })
      return
    }
    // Folders reached without a link are their own real path: one string serves both.
    const isReal = dir === real
    for (const entry of entries) {
      const name = entry.name
      const abs = child(dir, name)
      const realChild = isReal ? abs : child(real, name)
      // Relative paths are joined as the walk goes down, not computed from the absolute path for every entry.
      const childRel = rel === '.' ? name : `${rel}/${name}`
      if (entry.isSymbolicLink()) {
        const target = resolveLink(abs)
        if ('problem' in target) {
          skipped.push({ file: relOf(abs), reason: target.problem })
        } else if (!isInside(realRoot, target.real)) {
          skipped.push({ file: relOf(abs), reason: 'symbolic link pointing outside the scanned folder (not followed)' })
        } else if (target.stats.isDirectory() && TESTDATA_DIRS.has(name.toLowerCase())) {
          skipped.push({ file: relOf(abs), reason: TESTDATA_NOTE })
        } else if (!target.stats.isDirectory() || !SKIP_DIRS.has(name)) {
          links.push(abs)
        }
      } else if (entry.isDirectory()) {
        if (TESTDATA_DIRS.has(name.toLowerCase())) skipped.push({ file: childRel, reason: TESTDATA_NOTE })
        else if (!SKIP_DIRS.has(name)) walk(abs, realChild, childRel)
      } else {
        addEntry(abs, realChild, entry, childRel)
      }
    }
  }

  /** A regular file is a candidate; anything else (pipe, device, socket) with a lintable name gets a note. */
  const addEntry = (abs: string, real: string, type: { isFile(): boolean }, rel = relOf(abs)): void => {
    if (type.isFile()) addFile(abs, real, false, rel, true)
    else if (kindFromName(rel)) skipped.push({ file: rel, reason: 'not a regular file (not read)' })
  }

  const addFile = (abs: string, real: string, explicit: boolean, rel: string, regular: boolean): void => {
    const verdict = classifyName(rel)
    const kind = verdict?.kind ?? (isAzurePipelinesName(rel) ? 'azure-pipelines' : undefined)
    if (!kind && !explicit && !isContentCandidate(rel)) return
    if (verdict?.template) {
      if (!skipped.some((s) => s.file === rel)) skipped.push({ file: rel, reason: verdict.template })
      return
    }
    const existing = files.get(rel)
    if (existing && (existing.explicit || !explicit)) return
    if (verdict?.notRun !== undefined) {
      if (!explicit) {
        if (!skipped.some((s) => s.file === rel)) skipped.push({ file: rel, reason: verdict.notRun })
        return
      }
      // Named on the command line: the user's choice, linted as a workflow (as any file named whose content reads
      // as one), and no longer listed as skipped by a walk that found it first.
      const at = skipped.findIndex((s) => s.file === rel && s.reason === verdict.notRun)
      if (at >= 0) skipped.splice(at, 1)
    }
    // A file reached again through a link is linted once, under the first name found (real paths come first).
    if (!explicit && fileReals.has(real)) return
    fileReals.add(real)
    // Literals of fixed shapes (an ambiguous name always has a kind), not spreads: one per file of the tree.
    files.set(rel, !kind ? { abs, rel, explicit, regular } : verdict?.ambiguous ? { abs, rel, kind, explicit, ambiguous: true, regular } : { abs, rel, kind, explicit, regular })
  }

  /**
   * Links inside the tree, followed after the walk of the real folders, so that a file or folder reached both
   * directly and through a link is reported under its real path, once.
   */
  const followLinks = (): void => {
    while (links.length > 0) {
      for (const abs of links.splice(0).sort()) {
        const target = resolveLink(abs)
        if ('problem' in target) continue
        if (target.stats.isDirectory()) walk(abs, target.real)
        else addEntry(abs, target.real, target.stats)
      }
    }
  }

  const givenRoot = path.resolve(root)
  // Paths given one by one (a pre-commit hook passes every changed file) share their folders.
  const realPaths = new RealPaths()
  for (const p of paths.length > 0 ? paths : ['.']) {
    // Relative to the root as given, then moved onto its real path, so that reported paths stay relative to it
    // when the root is reached through a link (macOS /var → /private/var).
    const given = resolvePath(givenRoot, p)
    const abs = givenRoot === realRoot && given.startsWith(rootPrefix) ? given : path.join(realRoot, path.relative(givenRoot, given))
    let resolved
    try {
      resolved = realPaths.resolve(abs, known?.get(abs))
    } catch (e) {
      throw new UsageError(pathError(p, e))
    }
    if (!resolved) throw new UsageError(pathError(p, { code: 'ENOENT' }))
    if (!isInside(realRoot, resolved.real)) throw new UsageError(`path is outside the scanned root ${realRoot}: ${p}`)
    if (resolved.stats.isDirectory()) walk(abs, resolved.real)
    else addFile(abs, resolved.real, true, relOf(abs), resolved.stats.isFile())
  }
  followLinks()

  const sorted = [...files.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
  return { root: realRoot, files: sorted, skipped }
}

/**
 * `path.join` of a normalized folder path and an entry name from its listing (never `.`, `..` or a name with a
 * separator), without normalizing again: the walk joins every entry of the tree.
 */
function child(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name
}

/** The target of a link, or why it cannot be followed (a loop, a missing target, no permission). */
function resolveLink(abs: string): { real: string; stats: Stats } | { problem: string } {
  try {
    const real = realpathSync(abs)
    return { real, stats: statSync(real) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code
    if (code === 'ELOOP') return { problem: 'symbolic link loop (not followed)' }
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'broken symbolic link: its target does not exist' }
    return { problem: `cannot follow symbolic link: ${errorCode(e)}` }
  }
}

/** Why a path given on the command line (or the root) cannot be used, for a UsageError. */
export function pathError(p: string, e: unknown, what = 'path'): string {
  const code = (e as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return `${what} not found: ${p}`
  if (code === 'ELOOP') return `${what} is a symbolic link loop: ${p}`
  return `cannot read ${what} ${p}: ${errorCode(e)}`
}

function errorCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(e))
}
