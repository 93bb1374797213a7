/**
 * The security rules on the real corpus (../shared/corpus, read in place; skipped, visibly, in a clone without it):
 * Traefik and Sitecore Compose files that give the proxy the Docker engine's named pipe, in developer (non-production)
 * Compose files: warnings, never errors.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { lint } from '../src/lint.js'
import engineAccess from '../src/rules/engine-access-from-container/rule.js'
import untrustedCode from '../src/rules/untrusted-code-requires-hyperv/rule.js'

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url))
const present = existsSync(path.join(corpus, 'MANIFEST.tsv'))
if (!present) console.warn('corpus-security: ../shared/corpus not found, corpus cases skipped')

const temps: string[] = []
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true })
})

/** The named repository's current files, at their original paths. */
function layout(repo: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolint-corpus-sec-'))
  temps.push(dir)
  const rows = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)
  for (const row of rows) {
    const [local, r, p] = row.split('\t') as [string, string, string]
    if (r !== repo || local.includes('@')) continue
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
    copyFileSync(path.join(corpus, local), path.join(dir, p))
  }
  return dir
}

describe.skipIf(!present)('corpus: security rules', () => {
  test.each([
    ['StefanScherer/dockerfiles-windows', ['traefik/docker-compose.yml:14', 'traefik/insider/docker-compose.yml:12']],
    ['Sitecore/docker-examples', ['custom-images/docker-compose.yml', 'getting-started/docker-compose.yml']],
    ['Sitecore/Sitecore.Demo.XmCloud.PlaySummit', ['docker-compose.yml:19']],
  ])('%s: the proxy gets the engine pipe, a warning in a developer Compose file', (repo, where) => {
    const result = lint({ root: layout(repo), rules: [engineAccess, untrustedCode] })
    const found = result.findings.map((f) => `${f.severity} ${f.span.file}:${f.span.start.line}`)
    for (const w of where) expect(found.some((f) => f.startsWith(`warning ${w}`))).toBe(true)
    expect(found.filter((f) => f.startsWith('error'))).toEqual([])
  })

  test('moby: DOCKER_HOST=npipe://… in a step environment is the engine used by the job, not a mount: silent', () => {
    const result = lint({ root: layout('moby/moby'), rules: [engineAccess] })
    expect(result.findings).toEqual([])
  })
})
