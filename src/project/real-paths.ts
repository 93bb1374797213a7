/**
 * Real paths (links resolved) of many paths that share few folders. `realpathSync` looks at every component of every
 * path it is given; here a path costs one lstat, and each folder is resolved once, one component at a time, and
 * remembered. For the paths of one run: the tree is not expected to change while it is read.
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'

export class RealPaths {
  private readonly dirs = new Map<string, string>()

  /**
   * The real path of an absolute, normalized path and its type (of the target, for a link); undefined when nothing
   * is there (no error is made for the many files looked for and absent, such as `.env`). Throws like `realpathSync`
   * when the path cannot be resolved otherwise (a broken link, a loop, a file used as a folder, no permission).
   * `known`: what `lstat` said of `abs`, when the caller looked already.
   */
  resolve(abs: string, known?: Stats): { real: string; stats: Stats } | undefined {
    const st = known ?? lstatSync(abs, { throwIfNoEntry: false })
    if (!st) return undefined
    if (st.isSymbolicLink()) return { real: realpathSync(abs), stats: statSync(abs) }
    return { real: path.join(this.dir(path.dirname(abs)), path.basename(abs)), stats: st }
  }

  /** The real path of an existing folder (absolute, normalized). */
  private dir(dir: string): string {
    let real = this.dirs.get(dir)
    if (real === undefined) {
      const parent = path.dirname(dir)
      real = parent === dir || lstatSync(dir).isSymbolicLink() ? realpathSync(dir) : path.join(this.dir(parent), path.basename(dir))
      this.dirs.set(dir, real)
    }
    return real
  }
}
