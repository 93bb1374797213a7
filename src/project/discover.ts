/**
 * Finds the files isolint lints under the given paths. Never follows a link out of the scanned root, never loops
 * on a link cycle, and reports what it could not read instead of failing the run.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import type { SkippedFile } from '../core/finding.js'
import { UsageError } from '../core/errors.js'
import type { FileKind } from '../model/project.js'

export interface DiscoveredFile {
  /** Absolute path. */
  readonly abs: string
  /** POSIX path relative to the root. */
  readonly rel: string
  /** The kind its name says; undefined for an explicit file whose name says nothing (sniffed from content later). */
  readonly kind?: FileKind
  /** Given on the command line (linted whatever its name). */
  readonly explicit: boolean
}

const SKIP_DIRS = new Set(['.git', 'node_modules'])

/** The kind a file name implies, or undefined. `rel` is a POSIX path relative to the root. */
export function kindFromName(rel: string): FileKind | undefined {
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  const lower = base.toLowerCase()
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(rel)) return 'workflow'
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(lower)) return 'compose'
  if (lower === 'dockerfile' || lower === 'containerfile') return 'dockerfile'
  if (lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) return 'dockerfile'
  if (lower.startsWith('dockerfile.') || lower.startsWith('containerfile.')) return 'dockerfile'
  return undefined
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

/** True when `target` is `root` or inside it. */
export function isInside(root: string, target: string): boolean {
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
 * A path that does not exist or lies outside the root is a UsageError (exit 2).
 */
export function discover(root: string, paths: readonly string[]): Discovery {
  const realRoot = realpathSync(root)
  const files = new Map<string, DiscoveredFile>()
  const skipped: SkippedFile[] = []
  const visitedDirs = new Set<string>()

  const relOf = (abs: string): string => toPosix(path.relative(realRoot, abs)) || '.'

  const walk = (dir: string): void => {
    let real: string
    try {
      real = realpathSync(dir)
    } catch (e) {
      skipped.push({ file: relOf(dir), reason: `cannot read folder: ${errorCode(e)}` })
      return
    }
    if (visitedDirs.has(real)) return
    visitedDirs.add(real)
    let entries: string[]
    try {
      entries = readdirSync(dir).sort()
    } catch (e) {
      skipped.push({ file: relOf(dir), reason: `cannot read folder: ${errorCode(e)}` })
      return
    }
    for (const name of entries) {
      const abs = path.join(dir, name)
      let st
      try {
        st = lstatSync(abs)
      } catch (e) {
        skipped.push({ file: relOf(abs), reason: `cannot read: ${errorCode(e)}` })
        continue
      }
      if (st.isSymbolicLink()) {
        const target = resolveLink(abs)
        if (!target || !isInside(realRoot, target.real)) {
          skipped.push({ file: relOf(abs), reason: 'symbolic link pointing outside the scanned folder (not followed)' })
          continue
        }
        if (target.isDirectory) {
          if (!SKIP_DIRS.has(name)) walk(abs)
        } else if (target.isFile) {
          addFile(abs, false)
        }
        continue
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(abs)
      } else if (st.isFile()) {
        addFile(abs, false)
      }
    }
  }

  const addFile = (abs: string, explicit: boolean): void => {
    const rel = relOf(abs)
    const kind = kindFromName(rel)
    if (!kind && !explicit) return
    const existing = files.get(rel)
    if (existing && (existing.explicit || !explicit)) return
    files.set(rel, { abs, rel, ...(kind ? { kind } : {}), explicit })
  }

  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(realRoot, p)
    let st
    try {
      st = statSync(abs)
    } catch {
      throw new UsageError(`path not found: ${p}`)
    }
    let real: string
    try {
      real = realpathSync(abs)
    } catch {
      throw new UsageError(`path not found: ${p}`)
    }
    if (!isInside(realRoot, real)) throw new UsageError(`path is outside the scanned root ${realRoot}: ${p}`)
    if (st.isDirectory()) walk(abs)
    else addFile(abs, true)
  }

  const sorted = [...files.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
  return { root: realRoot, files: sorted, skipped }
}

function resolveLink(abs: string): { real: string; isDirectory: boolean; isFile: boolean } | undefined {
  try {
    const real = realpathSync(abs)
    const st = statSync(real)
    return { real, isDirectory: st.isDirectory(), isFile: st.isFile() }
  } catch {
    return undefined
  }
}

function errorCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(e))
}
