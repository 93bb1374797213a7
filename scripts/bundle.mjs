// Builds the two committed bundles with ncc: dist/index.js (the action) and dist/cli/isolint.js (the CLI, started by
// dist/cli/index.js, a copy of scripts/cli-bin.mjs). Both are ESM (package.json "type": "module"); ncc writes a
// package.json next to each and copies rules/ data.
// `node scripts/bundle.mjs --profile DIR` builds only the CLI, unminified (function names kept for --cpu-prof),
// into DIR, with the same post-processing.
import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
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
// The CLI: the bundle as isolint.js, run by a small index.js that turns on V8's code cache first (cli-bin.mjs).
const cli = dirs.at(-1)
ncc('src/cli/index.ts', cli, !profileDir)
renameSync(`${cli}/index.js`, `${cli}/isolint.js`)
copyFileSync('scripts/cli-bin.mjs', `${cli}/index.js`)
chmodSync(`${cli}/index.js`, 0o755)

// Start-up (issue 11): the YAML data files compiled to JSON (still valid YAML; read with JSON.parse, see
// src/core/data-text.ts), and ASCII-only bundles: V8 keeps a script with any non-ASCII character as a two-byte string.
for (const dir of dirs) {
  for (const data of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const file = `${dir}/${data}`
    const json = JSON.stringify(parse(readFileSync(file, 'utf8')))
    if (!/^[[{]/.test(json)) throw new Error(`${file}: a data file must hold a list or a mapping`)
    writeFileSync(file, `${json}\n`)
  }
  for (const script of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const bundle = `${dir}/${script}`
    const code = readFileSync(bundle, 'utf8')
    // Every non-ASCII UTF-16 unit as a \uXXXX escape: the same value in string, template and regular expression
    // literals (surrogate pairs stay pairs); the bundle has no String.raw templates, where an escape would show.
    if (code.includes('String.raw')) throw new Error(`${bundle}: String.raw would show escapes; escape by hand`)
    writeFileSync(bundle, code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
  }
}

// dist/cli/index.js runs the CLI bundle with a code cache on Node.js before 22.8 only in this shape (cli-bin.mjs).
const cliCode = readFileSync(`${cli}/isolint.js`, 'utf8')
if (!/^#!.*\nimport\s*\{\s*createRequire as [\w$]+\s*\}\s*from\s*"module";/.test(cliCode) || cliCode.includes('import(')) {
  console.warn(`${cli}/isolint.js: not of the shape scripts/cli-bin.mjs runs with a code cache (Node.js < 22.8 will compile it at every start)`)
}
