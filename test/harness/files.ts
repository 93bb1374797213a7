/** Walking the project's own folders in tests. */
import { readdirSync } from 'node:fs'
import path from 'node:path'

/** Every regular file under `dir` whose name `keep` accepts, depth first, skipping `node_modules` and `.git`. */
export function filesUnder(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.git') filesUnder(abs, keep, out)
    } else if (e.isFile() && keep(e.name)) out.push(abs)
  }
  return out
}
