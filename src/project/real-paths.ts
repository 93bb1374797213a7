/**
 * Real paths (links resolved) of many paths that share few folders. `realpathSync` looks at every component of every
 * path it is given; here a path costs one lstat, and each folder is resolved once, one component at a time, and
 * remembered. Absent folders are remembered too: a path under one is absent without a look (a Compose file in every
 * folder of a monorepo naming its build context from the root, `team/team/svc/Dockerfile`, asks for thousands of
 * paths under one absent folder). Whether a folder is a link is asked of an lstat for the first few folders of a
 * parent, then of the parent's listing (a pre-commit hook naming a file in each of many sibling folders: one readdir
 * instead of an lstat per folder). For the paths of one run: the tree is not expected to change while it is read.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'

/** How many subfolders of one folder are looked at one by one (an lstat each) before its listing is read. */
const LSTATS_BEFORE_LISTING = 2

export class RealPaths {
  private readonly dirs = new Map<string, string>()
  /** Folders that exist (an lstat said so); their real path may not be known yet. */
  private readonly present = new Set<string>()
  /** Folders that do not exist (an lstat said ENOENT): paths under them are absent too. */
  private readonly absent = new Set<string>()
  /** Per folder: how many of its subfolders had an lstat, until its listing is read. */
  private readonly lstats = new Map<string, number>()
  /** Per folder whose listing was read: whether each entry is a link. */
  private readonly listings = new Map<string, Map<string, boolean>>()

  /**
   * The real path of an absolute, normalized path and its type (of the target, for a link); undefined when nothing
   * is there (no error is made for the many files looked for and absent, such as `.env`). Throws like `realpathSync`
   * when the path cannot be resolved otherwise (a broken link, a loop, a file used as a folder, no permission).
   * `known`: what `lstat` said of `abs`, when the caller looked already.
   */
  resolve(abs: string, known?: Stats): { real: string; stats: Stats } | undefined {
    if (known === undefined && this.underAbsent(abs)) return undefined
    const st = known ?? lstatSync(abs, { throwIfNoEntry: false })
    if (!st) {
      this.noteAbsent(parentOf(abs))
      return undefined
    }
    if (st.isSymbolicLink()) return { real: realpathSync(abs), stats: statSync(abs) }
    return { real: joinName(this.dir(parentOf(abs)), nameOf(abs)), stats: st }
  }

  /** The real path of an existing folder (absolute, normalized). */
  private dir(dir: string): string {
    let real = this.dirs.get(dir)
    if (real === undefined) {
      const parent = parentOf(dir)
      const name = nameOf(dir)
      real = parent === dir || this.isLink(dir, parent, name) ? realpathSync(dir) : joinName(this.dir(parent), name)
      this.dirs.set(dir, real)
    }
    return real
  }

  /**
   * Whether the existing folder `dir` (entry `name` of `parent`) is a link: what the listing of `parent` says, once
   * more than {@link LSTATS_BEFORE_LISTING} of its subfolders were asked for; else (or when the listing cannot be read
   * or lacks the name) what an lstat says, which throws as before.
   */
  private isLink(dir: string, parent: string, name: string): boolean {
    let listing = this.listings.get(parent)
    if (listing === undefined) {
      const asked = (this.lstats.get(parent) ?? 0) + 1
      if (asked <= LSTATS_BEFORE_LISTING) {
        this.lstats.set(parent, asked)
        return lstatSync(dir).isSymbolicLink()
      }
      listing = new Map()
      try {
        for (const entry of readdirSync(parent, { withFileTypes: true })) listing.set(entry.name, entry.isSymbolicLink())
      } catch {
        // Not listable (no read permission): each folder gets its lstat.
      }
      this.listings.set(parent, listing)
    }
    return listing.get(name) ?? lstatSync(dir).isSymbolicLink()
  }

  /** Whether a folder above `abs` is known to be absent (then an lstat of `abs` would say ENOENT too). */
  private underAbsent(abs: string): boolean {
    if (this.absent.size === 0) return false
    let dir = parentOf(abs)
    for (let parent = parentOf(dir); parent !== dir; dir = parent, parent = parentOf(dir)) {
      if (this.absent.has(dir)) return true
      if (this.present.has(dir) || this.dirs.has(dir)) return false
    }
    return false
  }

  /**
   * `dir` holds no path just looked for: remembers whether it exists, and when it does not, the absent folders above
   * it up to the first that exists, so that no other path under them is looked for.
   */
  private noteAbsent(dir: string): void {
    while (!this.present.has(dir) && !this.dirs.has(dir)) {
      const parent = parentOf(dir)
      if (parent === dir) return
      let st: Stats | undefined
      try {
        st = lstatSync(dir, { throwIfNoEntry: false })
      } catch {
        return
      }
      if (st) {
        this.present.add(dir)
        return
      }
      this.absent.add(dir)
      dir = parent
    }
  }
}

/**
 * `path.join` of a real folder path (absolute, normalized) and the last name of a normalized path (no separator,
 * never `.` or `..`), without normalizing again: one per path resolved.
 */
function joinName(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name
}

/** `path.dirname` of an absolute, normalized path; on POSIX, what comes before its last separator. */
function parentOf(abs: string): string {
  if (path.sep !== '/') return path.dirname(abs)
  const cut = abs.lastIndexOf('/')
  return cut > 0 ? abs.slice(0, cut) : '/'
}

/** `path.basename` of an absolute, normalized path; on POSIX, what comes after its last separator. */
function nameOf(abs: string): string {
  return path.sep !== '/' ? path.basename(abs) : abs.slice(abs.lastIndexOf('/') + 1)
}
