#!/usr/bin/env node
// dist/cli/index.js, the `isolint` command (copied there by scripts/bundle.mjs): turns on V8's code cache, then
// runs the bundled CLI (dist/cli/isolint.js, built from src/cli/index.ts). The cache must be on before the bundle
// is compiled, hence a file of its own. With it (Node.js 22.8 and later; Node's own folder under the temporary
// folder, or NODE_COMPILE_CACHE; off with NODE_DISABLE_COMPILE_CACHE=1) a start reuses the bytecode that the
// previous runs compiled. A folder that cannot be written (a read-only file system) only leaves the cache off.
import module from 'node:module'

try {
  module.enableCompileCache?.()
} catch {
  // No cache: the same run, compiled from source.
}
await import('./isolint.js')
