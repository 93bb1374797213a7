import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'vitest'
import { lint } from '../src/lint.js'
test('scratch', () => {
  const corpus = '/work/wt/shared/corpus'
  const repo = process.env.REPO!
  const dir = mkdtempSync('/tmp/k9a/x-')
  for (const line of readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)) {
    const [local, r, p] = line.split('\t')
    if (r !== repo || local!.includes('@')) continue
    mkdirSync(path.dirname(path.join(dir, p!)), { recursive: true })
    copyFileSync(path.join(corpus, local!), path.join(dir, p!))
  }
  const r = lint({ root: dir })
  for (const f of r.findings) console.log(`${f.span.file}:${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.message}`)
  for (const s of r.skipped) console.log('SKIPPED', s.file, s.reason)
  for (const e of r.executions) console.log('EXEC', JSON.stringify(e))
  console.log('LINKS', JSON.stringify(r.links))
  console.log('FILES', r.files.join(' '))
})
