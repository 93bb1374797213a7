// Builds the two committed bundles with ncc: dist/index.js (the action) and dist/cli/isolint.js (the CLI, started by
// dist/cli/index.js, a copy of scripts/cli-bin.mjs). Both are ESM (package.json "type": "module"); ncc writes a
// package.json next to each and copies rules/ data. Next to each, dockerfile-ast.cjs: the dockerfile-ast package in
// a bundle of its own, loaded only when a Dockerfile needs it (src/parsers/dockerfile-ast-lazy.ts).
// `node scripts/bundle.mjs --profile DIR` builds only the CLI, unminified (function names kept for --cpu-prof),
// into DIR, with the same post-processing.
import { execFileSync } from 'node:child_process'
import { appendFileSync, chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'

const profileAt = process.argv.indexOf('--profile')
const profileDir = profileAt >= 0 ? process.argv[profileAt + 1] : undefined
if (profileAt >= 0 && !profileDir) throw new Error('--profile needs a folder')

const ncc = (entry, out, minify = true) =>
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022', ...(minify ? ['--minify'] : [])],
    { stdio: 'inherit' },
  )

const dirs = profileDir ? [profileDir] : ['dist', 'dist/cli']
if (profileDir) {
  rmSync(profileDir, { recursive: true, force: true })
} else {
  rmSync('dist', { recursive: true, force: true })
  ncc('src/action/index.ts', 'dist')
}
// The CLI: the bundle as isolint.js, run by a small index.js that sets V8's flags (v8-flags.js) and turns on its code
// cache first (cli-bin.mjs).
const cli = dirs.at(-1)
ncc('src/cli/index.ts', cli, !profileDir)
renameSync(`${cli}/index.js`, `${cli}/isolint.js`)
copyFileSync('scripts/cli-bin.mjs', `${cli}/index.js`)
copyFileSync('scripts/v8-flags.mjs', `${cli}/v8-flags.js`)
chmodSync(`${cli}/index.js`, 0o755)

// Start-up (issue 11): dockerfile-ast (and its vscode-languageserver dependencies) out of both bundles, as a CommonJS
// bundle of its own that src/parsers/dockerfile-ast-lazy.ts requires on first use; its licenses join each folder's.
{
  const out = mkdtempSync(path.join(tmpdir(), 'isolint-dockerfile-ast-'))
  try {
    ncc(createRequire(import.meta.url).resolve('dockerfile-ast'), out, !profileDir)
    for (const dir of dirs) {
      copyFileSync(`${out}/index.js`, `${dir}/dockerfile-ast.cjs`)
      appendFileSync(`${dir}/licenses.txt`, `\n${readFileSync(`${out}/licenses.txt`, 'utf8')}`)
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

// Start-up (issue 11): the YAML data files compiled to JSON (still valid YAML; read with JSON.parse, see
// src/core/data-text.ts), and ASCII-only bundles: V8 keeps a script with any non-ASCII character as a two-byte string.
for (const dir of dirs) {
  for (const data of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const file = `${dir}/${data}`
    const json = JSON.stringify(parse(readFileSync(file, 'utf8')))
    if (!/^[[{]/.test(json)) throw new Error(`${file}: a data file must hold a list or a mapping`)
    writeFileSync(file, `${json}\n`)
  }
  for (const script of readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'))) {
    const bundle = `${dir}/${script}`
    const code = readFileSync(bundle, 'utf8')
    // Every non-ASCII UTF-16 unit as a \uXXXX escape: the same value in string, template and regular expression
    // literals (surrogate pairs stay pairs); the bundle has no String.raw templates, where an escape would show.
    if (code.includes('String.raw')) throw new Error(`${bundle}: String.raw would show escapes; escape by hand`)
    writeFileSync(bundle, code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
  }
}

// dist/cli/index.js runs the CLI bundle with a code cache on Node.js before 22.8 only in this shape (cli-bin.mjs).
{
  const cliCode = readFileSync(`${cli}/isolint.js`, 'utf8')
  const shaped = /^#!.*\nimport\s*\{\s*createRequire as [\w$]+\s*\}\s*from\s*"module";/.test(cliCode)
  if (!shaped || cliCode.includes('import(') || cliCode.replaceAll('import.meta.url', '').includes('import.meta')) {
    console.warn(`${cli}/isolint.js: not of the shape scripts/cli-bin.mjs runs with a code cache (Node.js < 22.8 will compile it at every start)`)
  }
}
