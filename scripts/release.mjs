// Release helpers for .github/workflows/release.yml (tested in test/release.test.ts):
//   node scripts/release.mjs check vX.Y.Z   fails unless the tag is exactly v<package.json version>
//   node scripts/release.mjs notes vX.Y.Z   prints that version's section of CHANGELOG.md (fails when there is none)
import { readFileSync } from 'node:fs'

const [command, tag] = process.argv.slice(2)
const root = new URL('../', import.meta.url)
const version = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version

function fail(message) {
  process.stderr.write(`release: ${message}\n`)
  process.exit(1)
}

if (!tag || !/^v\d+\.\d+\.\d+$/.test(tag)) fail(`give a release tag vX.Y.Z, got '${tag ?? ''}'`)
if (tag !== `v${version}`) fail(`tag ${tag} does not match package.json version ${version}: bump the version first`)

if (command === 'check') {
  process.stdout.write(`${tag} matches package.json\n`)
} else if (command === 'notes') {
  const lines = readFileSync(new URL('CHANGELOG.md', root), 'utf8').split(/\r?\n/)
  const heading = /^## \[?(\d+\.\d+\.\d+)\]?/
  const start = lines.findIndex((l) => heading.exec(l)?.[1] === version)
  if (start < 0) fail(`CHANGELOG.md has no section for ${version}`)
  let end = lines.findIndex((l, i) => i > start && (l.startsWith('## ') || /^\[[^\]]+\]: /.test(l)))
  if (end < 0) end = lines.length
  const notes = lines.slice(start + 1, end).join('\n').trim()
  if (notes === '') fail(`the CHANGELOG.md section for ${version} is empty`)
  process.stdout.write(notes + '\n')
} else {
  fail(`unknown command '${command ?? ''}': use check or notes`)
}
