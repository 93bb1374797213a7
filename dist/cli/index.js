#!/usr/bin/env node
// dist/cli/index.js, the `isolint` command (copied there by scripts/bundle.mjs): runs the bundled CLI
// (dist/cli/isolint.js, built from src/cli/index.ts) with V8's code cache, so that a start reuses the bytecode the
// previous runs compiled instead of compiling the bundle again (most of a small run's time).
// - Node.js 22.8 and later: Node's own cache (module.enableCompileCache; Node's folder under the temporary folder, or
//   NODE_COMPILE_CACHE), turned on before the bundle is imported, hence a file of its own.
// - Earlier versions have no such cache for ES modules: the bundle is run as a script (vm.Script) holding the same
//   code, with its one import (createRequire) and import.meta.url passed in, and the code cache written after the
//   first run into a folder of the user's own under the temporary folder (or NODE_COMPILE_CACHE).
// Off with NODE_DISABLE_COMPILE_CACHE=1. A cache that cannot be read or written only leaves it off: the same run,
// compiled from source.
import module from 'node:module'

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
  // the head of a function taking what the import and import.meta.url gave, the rest is replaced by text of the same
  // length, so that lines and columns in stack traces stay those of the file.
  const head = /^(#!.*)\nimport\s*\{\s*createRequire as ([\w$]+)\s*\}\s*from\s*"module";/.exec(source)
  if (!head || source.includes('import(') || /import\.meta(?!\.url)/.test(source)) return false
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
  let cachedData
  try {
    // Only from a folder of this user's that no one else can write to: the cache is code that will run.
    const d = lstatSync(dir)
    if (d.isDirectory() && (d.mode & 0o022) === 0 && d.uid === uid) {
      cachedData = readFileSync(cacheFile)
    }
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
        const tmp = `${cacheFile}.${process.pid}.tmp`
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 })
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
