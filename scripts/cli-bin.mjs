#!/usr/bin/env node
// dist/cli/index.js, the `isolint` command (copied there by scripts/bundle.mjs): sets up V8, then runs the bundled
// CLI (dist/cli/isolint.js, built from src/cli/index.ts). Both must happen before the bundle is compiled, hence a
// file of its own.
// - Less optimizing for runs this short (issue 11): the flags of v8-flags.js (scripts/v8-flags.mjs says why), each
//   unless node was given it on its command line.
// - The code cache: a start reuses the bytecode that the previous runs compiled instead of compiling the bundle again
//   (half of a small repository's run). Off with NODE_DISABLE_COMPILE_CACHE=1; a cache that cannot be read or written
//   only leaves it off: the same run, compiled from source.
//   - Node.js 22.8 and later: Node's own cache (module.enableCompileCache; Node's folder under the temporary folder,
//     or NODE_COMPILE_CACHE).
//   - Earlier versions have no cache for ES modules: the bundle is run as a script (vm.Script) holding the same code,
//     its one import (createRequire) and import.meta.url passed in, with V8's code cache kept in a folder of the
//     user's own under the temporary folder (or NODE_COMPILE_CACHE), written after the first run.
import module from 'node:module'
import v8 from 'node:v8'
import { v8FlagsToSet } from './v8-flags.js'

for (const flag of v8FlagsToSet(process.execArgv)) v8.setFlagsFromString(flag)
if (module.enableCompileCache || process.env.NODE_DISABLE_COMPILE_CACHE === '1' || !runCached()) {
  try {
    module.enableCompileCache?.()
  } catch {
    // No cache: the same run, compiled from source.
  }
  await import('./isolint.js')
}

/**
 * Runs the bundle as a script with a code cache; false when it cannot (then it is imported as a module): no user id
 * to keep the cache to (Windows), or a bundle of another shape.
 */
function runCached() {
  if (process.getuid === undefined) return false
  // Required, not imported: an import of node:fs builds its ES module facade, which loads the streams on the way.
  const require = module.createRequire(import.meta.url)
  const { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs')
  const os = require('node:os')
  const path = require('node:path')
  const { fileURLToPath } = require('node:url')
  const vm = require('node:vm')
  const file = new URL('./isolint.js', import.meta.url)
  const filename = fileURLToPath(file)
  let source, stats
  try {
    const fd = openSync(filename, 'r')
    try {
      stats = fstatSync(fd)
      source = readFileSync(fd, 'utf8')
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
  // The bundle's shape (checked by scripts/bundle.mjs): a shebang line, then its one import. The shebang line becomes
  // the head of a function taking what the import and import.meta.url gave; the import is replaced by spaces, so that
  // lines and columns in stack traces stay those of the file.
  const head = /^(#!.*)\nimport\s*\{\s*createRequire as ([\w$]+)\s*\}\s*from\s*"module";/.exec(source)
  if (!head || source.includes('import(') || source.replaceAll('import.meta.url', '').includes('import.meta')) return false
  const code =
    `(function(${head[2]},__isolint_url__){"use strict";\n` +
    ' '.repeat(head[0].length - head[1].length - 1) +
    source.slice(head[0].length).replaceAll('import.meta.url', '__isolint_url__') +
    '\n})'

  // One cache file per bundle path and Node.js version, named after the bundle's size, time and inode too (V8 checks
  // the rest); writing one removes those of earlier builds at the same path.
  const uid = process.getuid()
  const dir = process.env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), `isolint-compile-cache-${uid}`)
  const prefix = `isolint-${fnv(filename)}-${process.version}-${process.arch}-`
  const cacheName = `${prefix}${fnv(`${stats.size}\0${stats.mtimeMs}\0${stats.ino}`)}.cache`
  const cacheFile = path.join(dir, cacheName)
  // The cache is code that will run: read and written only in a real folder of this user's that no one else can write.
  const ownFolder = () => {
    try {
      const d = lstatSync(dir)
      return d.isDirectory() && d.uid === uid && (d.mode & 0o022) === 0
    } catch {
      return false
    }
  }
  let cachedData
  try {
    if (ownFolder()) cachedData = readFileSync(cacheFile)
  } catch {
    // No cache yet.
  }
  let script
  try {
    script = new vm.Script(code, { filename, ...(cachedData ? { cachedData } : {}) })
  } catch {
    return false
  }
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so that the functions it compiled are in the cache too.
    process.once('exit', () => {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 })
        if (!ownFolder()) return
        const tmp = `${cacheFile}.${process.pid}.tmp`
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600, flag: 'wx' })
        renameSync(tmp, cacheFile)
        for (const old of readdirSync(dir)) if (old.startsWith(prefix) && old.endsWith('.cache') && old !== cacheName) rmSync(path.join(dir, old), { force: true })
      } catch {
        // A cache that cannot be written leaves it off.
      }
    })
  }
  script.runInThisContext()(module.createRequire, file.href)
  return true
}

/** A short hash of a string (FNV-1a, 32 bits), for file names. */
function fnv(text) {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16)
}
