/**
 * The security rules on the real corpus (test/harness/corpus.ts, read in place; skipped, visibly, in a clone without it):
 * Traefik and Sitecore Compose files that give the proxy the Docker engine's named pipe, in developer (non-production)
 * Compose files: warnings, never errors.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { lint } from '../src/lint.js'
import engineAccess from '../src/rules/engine-access-from-container/rule.js'
import untrustedCode from '../src/rules/untrusted-code-requires-hyperv/rule.js'
import { describeCorpus, layoutRepo } from './harness/corpus.js'

const temps: string[] = []
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true })
})

/** The named repository's current files, at their original paths. */
function layout(repo: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolint-corpus-sec-'))
  temps.push(dir)
  return layoutRepo(repo, dir)
}

describeCorpus('corpus: security rules', () => {
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
