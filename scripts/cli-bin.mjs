#!/usr/bin/env node
// dist/cli/index.js, the `isolint` command (copied there by scripts/bundle.mjs): sets up V8, then runs the bundled
// CLI (dist/cli/isolint.js, built from src/cli/index.ts). Both must happen before the bundle is compiled, hence a
// file of its own.
// - The code cache: with it (Node.js 22.8 and later; Node's own folder under the temporary folder, or
//   NODE_COMPILE_CACHE; off with NODE_DISABLE_COMPILE_CACHE=1) a start reuses the bytecode that the previous runs
//   compiled. A folder that cannot be written (a read-only file system) only leaves the cache off.
// - Less optimizing for runs this short (issue 11): the flags of v8-flags.js (scripts/v8-flags.mjs says why), each
//   unless node was given it on its command line.
import module from 'node:module'
import v8 from 'node:v8'
import { v8FlagsToSet } from './v8-flags.js'

for (const flag of v8FlagsToSet(process.execArgv)) v8.setFlagsFromString(flag)
try {
  module.enableCompileCache?.()
} catch {
  // No cache: the same run, compiled from source.
}
await import('./isolint.js')
