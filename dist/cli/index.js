#!/usr/bin/env node
// dist/cli/index.js, the `isolint` command (copied there by scripts/bundle.mjs): sets up V8, then runs the bundled
// CLI (dist/cli/isolint.js, built from src/cli/index.ts). Both must happen before the bundle is compiled, hence a
// file of its own.
// - The code cache: with it (Node.js 22.8 and later; Node's own folder under the temporary folder, or
//   NODE_COMPILE_CACHE; off with NODE_DISABLE_COMPILE_CACHE=1) a start reuses the bytecode that the previous runs
//   compiled. A folder that cannot be written (a read-only file system) only leaves the cache off.
// - No inlining in V8's optimizing compiler (issue 11). A run is short: on Node 20 the optimizing compiler was 44% of
//   the instructions of a 300-workflow run, most of it inlining. Without it a 3,900-file repository costs about a
//   quarter less CPU, 13,000 files about an eighth less, 1,000 Dockerfiles a tenth less; on Node 24 (Maglev) it is
//   neutral. The semantics of the code do not change, only how it is compiled. A `--turbo-inlining` or
//   `--no-turbo-inlining` given to node (command line or NODE_OPTIONS) is left as given.
import module from 'node:module'
import v8 from 'node:v8'

if (![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('turbo-inlining'))) {
  v8.setFlagsFromString('--no-turbo-inlining')
}
try {
  module.enableCompileCache?.()
} catch {
  // No cache: the same run, compiled from source.
}
await import('./isolint.js')
