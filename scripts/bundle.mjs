// Builds the two committed bundles with ncc: dist/index.js (the action) and dist/cli/index.js (the CLI).
// Both are ESM (package.json "type": "module"); ncc writes a package.json next to each and copies rules/ data.
import { execFileSync } from 'node:child_process'
import { chmodSync, rmSync } from 'node:fs'

const ncc = (entry, out) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], {
    stdio: 'inherit',
  })

rmSync('dist', { recursive: true, force: true })
ncc('src/action/index.ts', 'dist')
ncc('src/cli/index.ts', 'dist/cli')
chmodSync('dist/cli/index.js', 0o755)
