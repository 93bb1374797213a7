import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createKnowledgeBase, loadKnowledgeBase, validateKbData } from '../../src/kb/index.js'
import { parseImageRef, type ImageRef } from '../../src/kb/images.js'
import type { ImageInfo, ImageStatus } from '../../src/kb/types.js'

const kb = loadKnowledgeBase()
const raw = JSON.parse(readFileSync(new URL('../../rules/windows-knowledge.json', import.meta.url), 'utf8')) as {
  tagPatterns: { token: string; examples: { ref: string; os: ImageInfo['os']; builds?: number[]; ubr?: number }[] }[]
}
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`

describe('parseImageRef', () => {
  const rows: [string, ImageRef][] = [
    ['python', { repository: 'python' }],
    ['python:3.13', { repository: 'python', tag: '3.13' }],
    ['library/python:3.13', { repository: 'python', tag: '3.13' }],
    ['docker.io/python:3.13', { repository: 'python', tag: '3.13' }],
    ['docker.io/library/python', { repository: 'python' }],
    ['index.docker.io/library/python:3', { repository: 'python', tag: '3' }],
    ['docker.io/microsoft/nanoserver:sac2016', { repository: 'microsoft/nanoserver', tag: 'sac2016' }],
    ['user/app', { repository: 'user/app' }],
    ['MCR.Microsoft.com/Windows/ServerCore:LTSC2022', { registry: 'mcr.microsoft.com', repository: 'mcr.microsoft.com/windows/servercore', tag: 'LTSC2022' }],
    ['localhost/app:1', { registry: 'localhost', repository: 'localhost/app', tag: '1' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'localhost:5000/app' }],
    ['myreg.io:443/team/app:1.0', { registry: 'myreg.io:443', repository: 'myreg.io:443/team/app', tag: '1.0' }],
    [`python@${DIGEST}`, { repository: 'python', digest: DIGEST }],
    [`myreg.io/app:1.0@${DIGEST}`, { registry: 'myreg.io', repository: 'myreg.io/app', tag: '1.0', digest: DIGEST }],
  ]
  it.each(rows)('%s', (ref, want) => {
    expect(parseImageRef(ref)).toEqual(want)
  })

  /** The reading before issue 11: split into components, then joined again. parseImageRef cuts the text instead. */
  function bySplit(ref: string): string {
    let rest = ref.trim()
    const at = rest.indexOf('@')
    if (at >= 0) rest = rest.slice(0, at)
    const colon = rest.lastIndexOf(':')
    if (colon > rest.lastIndexOf('/')) rest = rest.slice(0, colon)
    const parts = rest.toLowerCase().split('/')
    const first = parts[0] ?? ''
    let registry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined
    let path = registry ? parts.slice(1) : parts
    if (registry && ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(registry)) registry = undefined
    if (!registry && path.length === 2 && path[0] === 'library') path = path.slice(1)
    return (registry ? `${registry}/` : '') + path.join('/')
  }
  const odd = [
    ...rows.map(([ref]) => ref),
    '', ' ', '/', '//', 'library', 'library/', 'library/a/b', 'Library/App', 'a//b', '/app', 'app/', 'localhost',
    'localhost/library/app', 'docker.io/library', 'docker.io/library/', 'docker.io/library/a/b', 'docker.io//app',
    'registry-1.docker.io/Library/App:1', 'my.reg/library/app', 'localhost:5000', 'a.b:c/d', 'x:1/library/y',
  ]
  it.each(odd)('cuts %j as the split did', (ref) => {
    expect(parseImageRef(ref).repository).toBe(bySplit(ref))
  })
})

describe('image: every tagPatterns example of the knowledge base', () => {
  const examples = raw.tagPatterns.flatMap((p) => p.examples.map((e) => [p.token, e] as const))
  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(40)
  })
  it.each(examples)('%s: %o', (_token, e) => {
    const info = kb.image(e.ref)
    expect(info.os).toBe(e.os)
    expect(info.builds).toEqual(e.builds)
    expect(info.ubr).toBe(e.ubr)
  })
})

type Row = [string, Partial<Omit<ImageInfo, 'status'>> & { status?: Partial<ImageStatus> }]

/** Checks the given fields; builds and ubr must equal the expectation (undefined when not given). */
function check(ref: string, want: Row[1]): void {
  const info = kb.image(ref)
  const { builds, ubr, status, ...rest } = want
  expect(info).toMatchObject({ ref, ...rest })
  if ('status' in want) {
    if (status === undefined) expect(info.status).toBeUndefined()
    else expect(info.status).toMatchObject(status)
  }
  expect(info.builds).toEqual(builds)
  expect(info.ubr).toBe(ubr)
}

describe('image: MCR Windows base images', () => {
  const base = { os: 'windows', windowsBase: true, hostProcess: false } as const
  const rows: Row[] = [
    ['mcr.microsoft.com/windows/servercore:ltsc2025', { ...base, builds: [26100], missingTag: false, reason: 'tag ltsc2025' }],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', { ...base, builds: [20348], reason: 'tag ltsc2022' }],
    ['mcr.microsoft.com/windows/servercore:ltsc2019', { ...base, builds: [17763] }],
    ['mcr.microsoft.com/windows/servercore:ltsc2016', { ...base, builds: [14393] }],
    ['mcr.microsoft.com/windows/nanoserver:sac2016', { ...base, builds: [14393] }],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2019', { ...base, builds: [17763] }],
    ['mcr.microsoft.com/windows/servercore:1809', { ...base, builds: [17763], reason: 'tag 1809' }],
    ['mcr.microsoft.com/windows/servercore:1709', { ...base, builds: [16299] }],
    ['mcr.microsoft.com/windows/servercore:1803', { ...base, builds: [17134] }],
    ['mcr.microsoft.com/windows/servercore:1903', { ...base, builds: [18362] }],
    ['mcr.microsoft.com/windows/servercore:1909', { ...base, builds: [18363] }],
    ['mcr.microsoft.com/windows/servercore:2004', { ...base, builds: [19041] }],
    ['mcr.microsoft.com/windows/servercore:20H2', { ...base, builds: [19042] }],
    ['mcr.microsoft.com/windows/servercore:20h2', { ...base, builds: [19042] }],
    ['mcr.microsoft.com/windows/servercore:ltsc2022-amd64', { ...base, builds: [20348] }],
    ['mcr.microsoft.com/windows/servercore:1809-amd64', { ...base, builds: [17763] }],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022-KB5017316', { ...base, builds: [20348] }],
    ['mcr.microsoft.com/windows/servercore:10.0.17763.437', { ...base, builds: [17763], ubr: 437, reason: 'tag 10.0.17763.437' }],
    ['mcr.microsoft.com/windows/server:ltsc2025', { ...base, builds: [26100] }],
    ['mcr.microsoft.com/windows:1809', { ...base, builds: [17763] }],
    ['mcr.microsoft.com/windows/server/insider:10.0.20344.1', { ...base, builds: [20344], ubr: 1 }],
    ['mcr.microsoft.com/windows/insider:10.0.26200.1', { ...base, builds: [26200], ubr: 1 }],
    ['microsoft/windowsservercore:ltsc2016', { ...base, builds: [14393] }],
    ['microsoft/nanoserver:sac2016', { ...base, builds: [14393] }],
    ['mcr.microsoft.com/windowsservercore:ltsc2019', { ...base, builds: [17763] }],
    ['mcr.microsoft.com/nanoserver:1809', { ...base, builds: [17763] }],
    ['MCR.Microsoft.com/windows/servercore:LTSC2022', { ...base, repository: 'mcr.microsoft.com/windows/servercore', builds: [20348] }],
    ['mcr.microsoft.com/windows/servercore', { ...base, builds: undefined, missingTag: true }],
    ['mcr.microsoft.com/windows/servercore:latest', { ...base, builds: undefined, missingTag: true }],
    ['mcr.microsoft.com/windows/nanoserver:LATEST', { ...base, builds: undefined, missingTag: true }],
    ['microsoft/windowsservercore', { ...base, builds: undefined, missingTag: true }],
    [`mcr.microsoft.com/windows/servercore@${DIGEST}`, { ...base, builds: undefined, missingTag: false, digest: DIGEST }],
    [`mcr.microsoft.com/windows/servercore:ltsc2022@${DIGEST}`, { ...base, builds: [20348], tag: 'ltsc2022', digest: DIGEST, missingTag: false }],
    ['mcr.microsoft.com/windows/servercore:mytag', { ...base, builds: undefined, missingTag: false }],
  ]
  it.each(rows)('%s', (ref, want) => check(ref, want))

  // Nano Server on build 14393 is Nano Server 1607 (sac2016), out of support since 2018-10-09, whichever tag names
  // the build; Server Core on 14393 is ltsc2016, supported until 2027-01-11.
  it.each([
    'mcr.microsoft.com/windows/nanoserver:sac2016',
    'mcr.microsoft.com/windows/nanoserver:10.0.14393.2068',
    'microsoft/nanoserver:10.0.14393.1884',
    'mcr.microsoft.com/nanoserver:10.0.14393.2068',
    'microsoft/nanoserver:sac2016',
  ])('knows %s is Nano Server 1607, out of support', (ref) => {
    expect(kb.image(ref)).toMatchObject({ builds: [14393], endOfLife: '2018-10-09', release: 'Nano Server 1607' })
  })

  it.each([
    'mcr.microsoft.com/windows/servercore:10.0.14393.2068',
    'mcr.microsoft.com/windows/servercore:ltsc2016',
    'microsoft/windowsservercore:10.0.14393.953',
    'mcr.microsoft.com/windows:10.0.14393.2068',
    'contoso/app:10.0.14393.2068',
  ])('does not make %s (build 14393, not Nano Server) end of life', (ref) => {
    const info = kb.image(ref)
    expect(info.builds).toEqual([14393])
    expect(info.endOfLife).toBeUndefined()
    expect(info.release).toBeUndefined()
  })

  it('gives other Nano Server builds the lifecycle of their build', () => {
    for (const ref of ['mcr.microsoft.com/windows/nanoserver:10.0.17763.437', 'mcr.microsoft.com/windows/nanoserver:10.0.17134.1']) {
      expect(kb.image(ref).endOfLife).toBeUndefined()
    }
  })
})

describe('image: tokens in other repositories', () => {
  const rows: Row[] = [
    ['myreg.io/app:1.2-ltsc2022', { os: 'windows', builds: [20348], windowsBase: false, reason: 'tag ltsc2022' }],
    ['myreg.io/app:ltsc2025', { os: 'windows', builds: [26100] }],
    ['myreg.io/app:10.0.20348.1249', { os: 'windows', builds: [20348], ubr: 1249 }],
    ['myreg.io/app:1809', { os: 'unknown', builds: undefined }],
    ['myreg.io/app:2004', { os: 'unknown', builds: undefined }],
    ['myreg.io/app:v1.2.1909', { os: 'unknown', builds: undefined }],
    ['myreg.io/app:windowsservercore-2004', { os: 'windows', builds: [19041] }],
    ['myreg.io/app:windows-1809-amd64', { os: 'windows', builds: [17763] }],
    ['myreg.io/app:windowsservercore', { os: 'windows', builds: undefined }],
    ['mcr.microsoft.com/powershell:lts-nanoserver-1809', { os: 'windows', builds: [17763] }],
    ['mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022', { os: 'windows', builds: [20348] }],
    ['traefik:v2.2.0-windowsservercore-1809', { os: 'windows', builds: [17763] }],
    ['mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019', { os: 'windows', builds: [17763], windowsBase: false }],
    // IIS publishes latest, over its four LTSC releases.
    ['mcr.microsoft.com/windows/servercore/iis', { os: 'windows', builds: [26100, 20348, 17763, 14393], missingTag: false }],
    ['mcr.microsoft.com/windows/servercore/iis:latest', { os: 'windows', builds: [26100, 20348, 17763, 14393], missingTag: false }],
  ]
  it.each(rows)('%s', (ref, want) => check(ref, want))
})

describe('image: references Docker refuses ("invalid reference format") are never a build; their repository decides the rest', () => {
  const rows: Row[] = [
    // A literal $ or % left in a tag by the shell: docker stops before any image runs. No build from the tag, but
    // the repository is Windows (or Linux) whatever the tag.
    ['mcr.microsoft.com/windows/nanoserver:ltsc2019-$X', { os: 'windows', builds: undefined, windowsBase: true }],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2019-%X', { os: 'windows', builds: undefined, windowsBase: true }],
    ['mcr.microsoft.com/windows/servercore:$TAG', { os: 'windows', builds: undefined, missingTag: false }],
    ['ubuntu:%TAG%', { os: 'linux', builds: undefined }],
    ['python:3.13-windowsservercore-$X', { os: 'unknown', builds: undefined }],
    ['mcr.microsoft.com/windows/nano$server:ltsc2022', { os: 'unknown', builds: undefined }],
    ['myreg.io/app:-ltsc2022', { os: 'unknown', builds: undefined }],
    // Upper case in the repository path: "repository name must be lowercase" (the repository still says Windows).
    ['mcr.microsoft.com/Windows/ServerCore:ltsc2022', { os: 'windows', builds: undefined }],
    ['myreg.io/Team/app:ltsc2022', { os: 'unknown', builds: undefined }],
    ['Ubuntu:22.04', { os: 'linux', builds: undefined }],
    [`myreg.io/app:${'x'.repeat(120)}-ltsc2022`, { os: 'unknown', builds: undefined }],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022@sha256:abc', { os: 'windows', builds: undefined }],
    // Within the grammar: still read.
    [`mcr.microsoft.com/windows/nanoserver:ltsc2022@${DIGEST}`, { os: 'windows', builds: [20348] }],
    ['localhost:5000/app_x__y--z.w:ltsc2022', { os: 'windows', builds: [20348] }],
    // Upper case in the domain (a first part with upper case is one: `MyRegistry/app`) and in the tag is fine.
    ['MCR.Microsoft.COM/windows/nanoserver:LTSC2022', { os: 'windows', builds: [20348] }],
    ['MyRegistry/app:ltsc2022', { os: 'windows', builds: [20348] }],
  ]
  it.each(rows)('%s', (ref, want) => check(ref, want))

  it('says so, and a configured image family still maps it (the configuration names the family as written)', () => {
    const mapped = loadKnowledgeBase({ image: () => ({ os: 'windows', build: 20348, reason: 'mapped' }) })
    expect(mapped.image('contoso.azurecr.io/tools:1.4-$X')).toMatchObject({ os: 'windows', builds: [20348], invalidReference: true })
    expect(kb.image('contoso.azurecr.io/tools:1.4-$X')).toMatchObject({ os: 'unknown', invalidReference: true })
    expect(kb.image('mcr.microsoft.com/windows/servercore:$TAG')).toMatchObject({ os: 'windows', invalidReference: true })
    expect(kb.image('mcr.microsoft.com/windows/servercore:$TAG').status).toBeUndefined()
    expect(mapped.image('contoso.azurecr.io/tools:1.4').builds).toEqual([20348])
    expect(kb.image('contoso.azurecr.io/tools:1.4').invalidReference).toBeUndefined()
  })
})

describe('image: Docker Hub official images', () => {
  const both = [26100, 20348]
  const rows: Row[] = [
    ['python:3.14-windowsservercore-ltsc2025', { os: 'windows', builds: [26100] }],
    ['python:3.13-windowsservercore-ltsc2022', { os: 'windows', builds: [20348] }],
    ['python:3.13-windowsservercore', { os: 'windows', builds: both }],
    ['python:windowsservercore', { os: 'windows', builds: both }],
    ['python:3.13-nanoserver', { os: 'windows', builds: both }],
    ['golang:nanoserver', { os: 'windows', builds: both }],
    ['golang:1.25-nanoserver', { os: 'windows', builds: both }],
    ['python:3.13', { os: 'any', builds: both }],
    ['python:3', { os: 'any', builds: both }],
    ['python', { os: 'any', builds: both }],
    ['python:latest', { os: 'any', builds: both }],
    ['docker.io/library/python:3.13', { os: 'any', builds: both, repository: 'python' }],
    ['index.docker.io/library/python:3.13', { os: 'any', builds: both, repository: 'python' }],
    [`python:3.13@${DIGEST}`, { os: 'any', builds: both }],
    [`python@${DIGEST}`, { os: 'unknown', builds: undefined }],
    ['golang:1.25.1', { os: 'any', builds: both }],
    ['hello-world', { os: 'any', builds: both }],
    // eclipse-temurin and caddy list ltsc2022 before ltsc2025 (official-images, 2026-08-21).
    ['eclipse-temurin:21-jdk', { os: 'any', builds: [20348, 26100] }],
    ['eclipse-temurin:21-jdk-windowsservercore', { os: 'windows', builds: [20348, 26100] }],
    ['caddy:2', { os: 'any', builds: [20348, 26100] }],
    ['caddy:windowsservercore', { os: 'windows', builds: [20348, 26100] }],
    ['nats:latest', { os: 'any', builds: [20348] }],
    ['docker:windowsservercore', { os: 'windows', builds: both }],
    ['python:3.13-slim', { os: 'linux', builds: undefined }],
    ['python:3.13-bookworm', { os: 'linux' }],
    ['python:3.13-alpine3.20', { os: 'linux' }],
    ['golang:1.22-alpine', { os: 'linux' }],
    ['eclipse-temurin:21-jdk-noble', { os: 'linux' }],
    ['hello-world:linux', { os: 'linux' }],
    // Linux-only tags of images whose Windows variants live only under release-named tags.
    ['traefik:v3.1', { os: 'linux' }],
    ['traefik:latest', { os: 'linux' }],
    ['docker:latest', { os: 'linux' }],
    ['docker:dind', { os: 'linux' }],
    ['docker:27-cli', { os: 'linux' }],
    ['swift:latest', { os: 'linux' }],
    ['swift:5.10', { os: 'linux' }],
    ['traefik:windowsservercore-ltsc2022', { os: 'windows', builds: [20348] }],
    ['docker:27-windowsservercore', { os: 'windows', builds: both }],
    // Tags that are not published are still classified; their status says so.
    ['traefik:windowsservercore', { os: 'windows', status: { kind: 'unpublished' } }],
    ['traefik:v3.1-windowsservercore', { os: 'windows', status: { kind: 'unpublished' } }],
    // traefik's shared nanoserver tags were published, on Nano Server 1607 (2.0: 1809), and left the library in 2019.
    ['traefik:1.7-nanoserver', { os: 'windows', builds: [14393], status: { kind: 'unmaintained', since: '2019-09-10' } }],
    ['traefik:nanoserver', { os: 'windows', builds: [14393], status: { kind: 'unmaintained' } }],
    ['traefik:v2.0-nanoserver', { os: 'windows', builds: [17763], status: { kind: 'unmaintained' } }],
    ['traefik:montdor-nanoserver', { os: 'windows', builds: [17763], status: { kind: 'unmaintained' } }],
    ['traefik:v3.7-nanoserver-ltsc2025', { os: 'windows', builds: [26100], status: undefined }],
    ['swift:windowsservercore', { os: 'windows', status: { kind: 'unpublished' } }],
    ['python:3.13-nanoserver', { os: 'windows', builds: both, status: { kind: 'unpublished' } }],
    ['python:3.13-nanoserver-ltsc2022', { os: 'windows', builds: [20348], status: { kind: 'unpublished' } }],
    ['python:3.13-windowsservercore-ltsc2022', { os: 'windows', builds: [20348], status: undefined }],
    // python 3.10 to 3.12: Linux-only plain tags, frozen Windows tags (3.13 and newer keep Windows).
    ['python:3.12', { os: 'linux', status: undefined }],
    ['python:3.10.21', { os: 'linux', status: undefined }],
    ['python:3.13', { os: 'any', builds: both, status: undefined }],
    ['python:3.12-windowsservercore', { os: 'windows', builds: both, status: { kind: 'unmaintained', since: '2025-06-03' } }],
    ['python:3.12.10-windowsservercore-ltsc2025', { os: 'windows', builds: [26100], status: { kind: 'unmaintained', since: '2025-06-03' } }],
    ['python:3.11-windowsservercore', { os: 'windows', builds: [20348, 17763], status: { kind: 'unmaintained', since: '2024-09-09' } }],
    ['python:3.10-windowsservercore-1809', { os: 'windows', builds: [17763], status: { kind: 'unmaintained', since: '2023-06-07' } }],
    // Each frozen tag with the date it left: 3.12's 1809 images went with every 1809 variant, days before its others.
    ['python:3.12-windowsservercore-1809', { os: 'windows', builds: [17763], status: { kind: 'unmaintained', since: '2025-05-30' } }],
    ['python:3.13-windowsservercore', { os: 'windows', builds: both, status: undefined }],
    // nats: ltsc2022 only; hylang and openjdk rc plain tags: Linux + ltsc2025 + ltsc2022.
    ['nats:2.10', { os: 'any', builds: [20348] }],
    ['nats:nanoserver', { os: 'windows', builds: [20348] }],
    ['hylang:1.0', { os: 'any', builds: both }],
    ['openjdk:25-rc-jdk', { os: 'any', builds: both }],
    ['openjdk:28-ea-11', { os: 'any', builds: both }],
    // A variant of a release candidate is what its variant says: Windows-only, or Linux-only.
    ['openjdk:27-rc-windowsservercore', { os: 'windows', builds: both }],
    ['openjdk:27-rc-jdk-nanoserver-ltsc2022', { os: 'windows', builds: [20348] }],
    ['openjdk:27-rc-slim-trixie', { os: 'linux', builds: undefined }],
    // openjdk:latest is frozen since 2023-02-10 with an 1809 entry.
    ['openjdk:latest', { os: 'any', builds: [20348, 17763], status: { kind: 'unmaintained', since: '2023-02-10' } }],
    // mongo's 8.3, 8.0 and 7.0 lines list ltsc2025 and ltsc2022 (nanoserver ltsc2022 only) and are maintained; 8.2 left
    // the library on 2026-08-03 and with it latest, 8 and the unversioned tags, frozen as they were.
    ['mongo:8.0', { os: 'any', builds: both, status: undefined }],
    ['mongo:7', { os: 'any', builds: both, status: undefined }],
    ['mongo:8.3-windowsservercore', { os: 'windows', builds: both, status: undefined }],
    ['mongo:8.0-nanoserver', { os: 'windows', builds: [20348], status: undefined }],
    ['mongo:8.0-windowsservercore-ltsc2022', { os: 'windows', builds: [20348], status: undefined }],
    ['mongo:7.0.40-windowsservercore-ltsc2025', { os: 'windows', builds: [26100], status: undefined }],
    ['mongo:latest', { os: 'any', builds: both, status: { kind: 'unmaintained', since: '2026-08-03' } }],
    ['mongo', { os: 'any', builds: both, status: { kind: 'unmaintained', since: '2026-08-03' } }],
    ['mongo:8', { os: 'any', builds: both, status: { kind: 'unmaintained', since: '2026-08-03' } }],
    ['mongo:8-windowsservercore-ltsc2022', { os: 'windows', builds: [20348], status: { kind: 'unmaintained' } }],
    ['mongo:8.2.12-nanoserver', { os: 'windows', builds: [20348], status: { kind: 'unmaintained' } }],
    ['mongo:windowsservercore', { os: 'windows', builds: both, status: { kind: 'unmaintained' } }],
    ['mongo:nanoserver-ltsc2022', { os: 'windows', builds: [20348], status: { kind: 'unmaintained' } }],
    ['mongo:noble', { os: 'linux', status: { kind: 'unmaintained' } }],
    // Frozen earlier, with every 1809 variant: not a tag 8.2 took along.
    ['mongo:8-windowsservercore-1809', { os: 'windows', builds: [17763], status: undefined }],
  ]
  it.each(rows)('%s', (ref, want) => check(ref, want))
})

describe('image: .NET Framework', () => {
  const repos = ['runtime', 'sdk', 'aspnet', 'wcf'].map((r) => `mcr.microsoft.com/dotnet/framework/${r}`)
  const rows: [string, number[]][] = [
    ['4.8.1', [26100, 20348]],
    ['4.8', [17763, 14393]],
    ['latest', [17763, 14393]],
    ['', [17763, 14393]],
    ['4.8-windowsservercore-ltsc2019', [17763]],
    ['4.8-windowsservercore-ltsc2016', [14393]],
    ['4.8.1-windowsservercore-ltsc2022', [20348]],
    ['4.8.1-20260714-windowsservercore-ltsc2025', [26100]],
  ]
  const cases = repos.flatMap((repo) => rows.map(([tag, builds]) => [tag ? `${repo}:${tag}` : repo, builds] as const))
  it.each(cases)('%s', (ref, builds) => {
    expect(kb.image(ref)).toMatchObject({ os: 'windows', builds, windowsBase: false, missingTag: false })
  })

  it('says which shared tag decided', () => {
    expect(kb.image('mcr.microsoft.com/dotnet/framework/sdk:4.8').reason).toMatch(/shared tag 4\.8.*ltsc2019 and ltsc2016/)
    expect(kb.image('mcr.microsoft.com/dotnet/framework/sdk:4.8.1').reason).toMatch(/shared tag 4\.8\.1.*ltsc2025 and ltsc2022/)
  })

  it('knows the repository is Windows-only for unknown tags', () => {
    check('mcr.microsoft.com/dotnet/framework/sdk:4.5.2', { os: 'windows', windowsBase: false, builds: undefined })
  })

  // Frozen shared tags (manifest.json before PR #1262, 2025-10-14).
  it.each([
    ['3.5', [20348, 17763, 14393]],
    ['4.7.2', [17763, 14393]],
    ['4.7.1', [14393]],
    ['4.7', [14393]],
    ['4.6.2', [14393]],
  ])('resolves the frozen tag %s and marks it unmaintained', (tag, builds) => {
    check(`mcr.microsoft.com/dotnet/framework/runtime:${tag}`, { os: 'windows', builds, status: { kind: 'unmaintained', since: '2025-10-14' } })
  })

  it('dates the frozen tags of PR #1262 only for the images it froze, not for older Windows releases', () => {
    check('mcr.microsoft.com/dotnet/framework/aspnet:4.7.2-windowsservercore-ltsc2019', { builds: [17763], status: { kind: 'unmaintained', since: '2025-10-14' } })
    check('mcr.microsoft.com/dotnet/framework/runtime:3.5-20250909-windowsservercore-ltsc2022', { builds: [20348], status: { kind: 'unmaintained', since: '2025-10-14' } })
    // Built on Windows 1803, left in 2019: end of life, not frozen in 2025.
    check('mcr.microsoft.com/dotnet/framework/aspnet:4.7.2-windowsservercore-1803', { builds: [17134], status: undefined })
  })

  // A date-stamped tag is maintained only while it is the newest of its line (supported-tags.md): its stamp dates it,
  // not the day its line was dropped.
  it.each([
    ['sdk:4.7.2-20190312-windowsservercore-ltsc2019', [17763], '2019-03-12'],
    ['runtime:3.5-20200414-windowsservercore-ltsc2016', [14393], '2020-04-14'],
    ['aspnet:4.6.2-20250909-windowsservercore-ltsc2016', [14393], '2025-09-09'],
    ['wcf:4.8-20220412-windowsservercore-ltsc2022', [20348], '2022-04-12'],
  ])('takes the date of %s from its stamp', (tag, builds, stamped) => {
    check(`mcr.microsoft.com/dotnet/framework/${tag}`, { builds, status: { kind: 'unmaintained', since: '2025-10-14', stamped } })
  })

  it('gives no stamp to tags without one, and no status to the date-stamped tags of maintained lines', () => {
    expect(kb.image('mcr.microsoft.com/dotnet/framework/sdk:4.7.2-windowsservercore-ltsc2019').status?.stamped).toBeUndefined()
    expect(kb.image('mcr.microsoft.com/dotnet/framework/sdk:3.5').status?.stamped).toBeUndefined()
    check('mcr.microsoft.com/dotnet/framework/sdk:4.8.1-20250114-windowsservercore-ltsc2022', { builds: [20348], status: undefined })
    check('mcr.microsoft.com/dotnet/framework/sdk:4.8-20190910-windowsservercore-ltsc2019', { builds: [17763], status: undefined })
  })

  it('marks 4.8-windowsservercore-ltsc2022 unmaintained, and not 4.8.1', () => {
    check('mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022', { builds: [20348], status: { kind: 'unmaintained' } })
    // Its date-stamped form too (the last build, of 2025-09-09).
    check('mcr.microsoft.com/dotnet/framework/sdk:4.8-20250909-windowsservercore-ltsc2022', { builds: [20348], status: { kind: 'unmaintained' } })
    check('mcr.microsoft.com/dotnet/framework/sdk:4.8-20250909-windowsservercore-ltsc2019', { builds: [17763], status: undefined })
    check('mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022', { builds: [20348], status: undefined })
  })
})

describe('image: not published, not maintained', () => {
  it('knows which releases each Windows base image is published for', () => {
    check('mcr.microsoft.com/windows:ltsc2025', { builds: [26100], status: { kind: 'unpublished' } })
    check('mcr.microsoft.com/windows:ltsc2019', { builds: [17763], status: undefined })
    check('mcr.microsoft.com/windows/server:ltsc2019', { builds: [17763], status: { kind: 'unpublished' } })
    check('mcr.microsoft.com/windows/server:ltsc2025', { builds: [26100], status: undefined })
    check('mcr.microsoft.com/windows/servercore:ltsc2025', { builds: [26100], status: undefined })
    check('mcr.microsoft.com/windows/nanoserver:ltsc2019', { builds: [17763], status: undefined })
  })

  it('knows that runtime-deps is Linux-only and PowerShell images are unmaintained', () => {
    check('mcr.microsoft.com/dotnet/runtime-deps:8.0', { os: 'linux' })
    check('mcr.microsoft.com/dotnet/runtime-deps:6.0', { os: 'linux' })
    check('mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022', { builds: [20348], status: { kind: 'unmaintained' } })
  })
})

describe('image: .NET', () => {
  const rows: Row[] = [
    ['mcr.microsoft.com/dotnet/sdk:8.0', { os: 'linux', builds: undefined }],
    ['mcr.microsoft.com/dotnet/aspnet:10.0', { os: 'linux', builds: undefined }],
    ['mcr.microsoft.com/dotnet/runtime:latest', { os: 'linux' }],
    ['mcr.microsoft.com/dotnet/runtime-deps:9.0.1', { os: 'linux' }],
    ['mcr.microsoft.com/dotnet/sdk', { os: 'linux' }],
    ['mcr.microsoft.com/dotnet/sdk:8.0-alpine', { os: 'linux' }],
    ['mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2025', { os: 'windows', builds: [26100] }],
    ['mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2019', { os: 'windows', builds: [17763] }],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809', { os: 'windows', builds: [17763] }],
    ['mcr.microsoft.com/dotnet/sdk:6.0', { os: 'any', builds: [17763, 20348] }],
    ['mcr.microsoft.com/dotnet/runtime:7.0.20', { os: 'any', builds: [17763, 20348] }],
    ['mcr.microsoft.com/dotnet/aspnet:5.0', { os: 'any', builds: undefined }],
  ]
  it.each(rows)('%s', (ref, want) => check(ref, want))

  it('says why a plain tag is Linux-only', () => {
    expect(kb.image('mcr.microsoft.com/dotnet/sdk:8.0').reason).toMatch(/Linux-only since \.NET 8/)
  })
})

describe('image: HostProcess, Linux-only and unknown images', () => {
  const hp = 'mcr.microsoft.com/oss/kubernetes/windows-host-process-containers-base-image'
  const rows: Row[] = [
    [`${hp}:v1.0.0`, { os: 'windows', hostProcess: true, builds: undefined, windowsBase: false }],
    [hp, { os: 'windows', hostProcess: true, builds: undefined, missingTag: false }],
    ...['ubuntu', 'ubuntu:24.04', 'debian:bookworm', 'alpine:3.20', 'nginx:1.27', 'redis', 'postgres:16', 'mysql:8', 'busybox',
      'node:20', 'httpd:2.4', 'centos:7', 'fedora:40', 'amazonlinux:2023', 'docker.io/library/nginx:latest'].map(
      (ref): Row => [ref, { os: 'linux', builds: undefined, hostProcess: false, windowsBase: false }],
    ),
    // redis's Windows tags of 2017 (Windows Server 2016 and Nano Server 1607), frozen since; its other tags are Linux.
    ['redis:3.2-nanoserver', { os: 'windows', builds: [14393], status: { kind: 'unmaintained', since: '2017-07-14' } }],
    ['redis:windowsservercore', { os: 'windows', builds: [14393], status: { kind: 'unmaintained' } }],
    ['redis:7-alpine', { os: 'linux', builds: undefined, status: undefined }],
    ['dockurr/windows', { os: 'linux', builds: undefined }],
    ['dockurr/windows:11', { os: 'linux', builds: undefined }],
    ['acme/windows:latest', { os: 'unknown', builds: undefined }],
    ['acme/windows-tools:2022', { os: 'unknown', builds: undefined }],
    ['myorg/app:1.0', { os: 'unknown', builds: undefined, missingTag: false }],
    ['ghcr.io/foo/bar', { os: 'unknown', builds: undefined }],
    // A Linux tag word is a fact only where the tag conventions are known (official images, MCR, listed
    // repositories): a mirror keeps upstream tag names for Windows builds (kubernetes-sigs/windows-testing).
    ['nginx:1.14-alpine', { os: 'linux', builds: undefined }],
    ['docker.io/library/httpd:2.4.38-alpine', { os: 'linux', builds: undefined }],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-alpine', { os: 'linux', builds: undefined }],
    ['mcr.microsoft.com/azure-cli:2.60.0-slim', { os: 'linux', builds: undefined }],
    ['k8sprow.azurecr.io/kubernetes-e2e-test-images/nginx:1.14-alpine', { os: 'unknown', builds: undefined }],
    ['myorg/tool:1.0-slim', { os: 'unknown', builds: undefined }],
    ['ghcr.io/acme/app:bookworm', { os: 'unknown', builds: undefined }],
  ]
  it.each(rows)('%s', (ref, want) => check(ref, want))

  it('says why a Linux tag word decides nothing in a repository it does not know', () => {
    expect(kb.image('myorg/tool:1.0-alpine').reason).toMatch(/names a Linux variant, but .* tag conventions/)
  })

  it('always gives a reason', () => {
    for (const ref of ['myorg/app:1.0', 'nginx', 'python:3.13', `${hp}:v1.0.0`]) expect(kb.image(ref).reason).toBeTruthy()
  })
})

describe('image: verdicts shared by repository facts and tag', () => {
  // Every reference classified in one knowledge base (verdicts shared per repository, tag and digest) reads as it
  // does alone, in a knowledge base compiled afresh.
  const data = validateKbData(JSON.parse(readFileSync(new URL('../../rules/windows-knowledge.json', import.meta.url), 'utf8')))
  const shared = createKnowledgeBase(data)
  const refs = [
    'contoso/app', 'contoso/app:ltsc2022', `contoso/app@${DIGEST}`, `contoso/app:ltsc2022@${DIGEST}`, 'contoso/other:ltsc2022',
    'contoso/app:latest', 'mcr.microsoft.com/windows/servercore', 'mcr.microsoft.com/windows/servercore:ltsc2022',
    `mcr.microsoft.com/windows/servercore@${DIGEST}`, `mcr.microsoft.com/windows/servercore:ltsc2022@${DIGEST}`,
    'mcr.microsoft.com/windows/servercore:latest', 'python', 'python:3.13-windowsservercore-ltsc2022', 'library/python',
    'docker.io/library/python:3.13', 'mcr.microsoft.com/windows/nanoserver:sac2016', 'contoso/app:sac2016',
    'mcr.microsoft.com/windows/nanoserver:10.0.14393.2068', 'mcr.microsoft.com/windows/servercore:10.0.14393.2068',
    'mcr.microsoft.com/dotnet/framework/sdk:4.7.2-20190312-windowsservercore-ltsc2019',
    'nginx:alpine', 'contoso/nginx:alpine', 'mcr.microsoft.com/contoso/nginx:alpine', 'ghcr.io/contoso/nginx:alpine',
  ]
  const inOrder = refs.map((ref) => shared.image(ref))
  it.each(refs.map((ref, i) => [ref, i] as const))('%s', (ref, i) => {
    expect(inOrder[i]).toStrictEqual(createKnowledgeBase(data).image(ref))
  })
})
