import { describe, expect, it } from 'vitest'
import { span } from '../../src/core/span.js'
import type { Finding } from '../../src/core/finding.js'
import { diffRank, parsePatch, pullDiff } from '../../src/action/diff.js'
import { affectedFiles, findingsInScope } from '../../src/action/scope.js'

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' # escape=`',
  '-FROM mcr.microsoft.com/windows/servercore:ltsc2019',
  '+FROM mcr.microsoft.com/windows/servercore:ltsc2022',
  '+RUN echo new',
  ' WORKDIR C:\\app',
  ' COPY . .',
  '@@ -20,2 +21,3 @@ CMD',
  ' EXPOSE 80',
  '+EXPOSE 443',
  ' CMD ["app.exe"]',
  '\\ No newline at end of file',
].join('\n')

describe('parsePatch', () => {
  it('collects RIGHT-side lines of each hunk: added lines and context', () => {
    const d = parsePatch(PATCH)
    expect([...d.commentable].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 21, 22, 23])
    expect([...d.added].sort((a, b) => a - b)).toEqual([2, 3, 22])
  })

  it('handles one-line hunks, CRLF and deletions only', () => {
    expect([...parsePatch('@@ -0,0 +1 @@\r\n+only\r\n').commentable]).toEqual([1])
    expect([...parsePatch('@@ -3,2 +2,0 @@\n-a\n-b').commentable]).toEqual([])
  })
})

describe('pullDiff and diffRank', () => {
  const diff = pullDiff([
    { filename: 'src/api/Dockerfile', status: 'modified', patch: PATCH },
    { filename: 'old.yml', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
    { filename: 'big.bin', status: 'added' },
  ])
  it('lists changed files (not removed ones) and ranks lines', () => {
    expect([...diff.changed]).toEqual(['src/api/Dockerfile', 'big.bin'])
    expect(diffRank(diff, 'src/api/Dockerfile', 2)).toBe(2)
    expect(diffRank(diff, 'src/api/Dockerfile', 10)).toBe(1)
    expect(diffRank(diff, 'big.bin', 1)).toBe(1)
    expect(diffRank(diff, 'other', 1)).toBe(0)
    expect(diffRank(undefined, 'src/api/Dockerfile', 2)).toBe(0)
  })
})

const LINKS = [
  { from: '.github/workflows/ci.yml', to: 'src/api/Dockerfile' },
  { from: '.github/workflows/ci.yml', to: 'src/worker/Dockerfile' },
  { from: '.github/workflows/deploy.yml', to: 'deploy/compose.yml' },
  { from: 'deploy/compose.yml', to: 'src/api/Dockerfile' },
]

describe('affectedFiles', () => {
  it('a changed Dockerfile re-checks the files that build it, not their other Dockerfiles', () => {
    expect([...affectedFiles(['src/api/Dockerfile'], LINKS)].sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/deploy.yml',
      'deploy/compose.yml',
      'src/api/Dockerfile',
    ])
  })

  it('a changed workflow re-checks what its jobs build and start', () => {
    expect([...affectedFiles(['.github/workflows/deploy.yml'], LINKS)].sort()).toEqual([
      '.github/workflows/deploy.yml',
      'deploy/compose.yml',
      'src/api/Dockerfile',
    ])
  })

  it('survives link cycles', () => {
    expect([...affectedFiles(['a'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }])].sort()).toEqual(['a', 'b'])
  })
})

describe('findingsInScope', () => {
  const f = (file: string, related: string[] = []): Finding => ({
    ruleId: 'r',
    severity: 'error',
    message: file,
    span: span(file, 1, 1, 1, 2),
    related: related.map((r) => ({ span: span(r, 3, 1, 3, 2), message: 'here' })),
  })
  it('keeps findings in affected files or pointing at a changed file', () => {
    const findings = [f('src/api/Dockerfile'), f('src/worker/Dockerfile'), f('.github/workflows/ci.yml'), f('x/compose.yml', ['src/api/Dockerfile']), f('unrelated')]
    expect(findingsInScope(findings, new Set(['src/api/Dockerfile']), LINKS).map((x) => x.message)).toEqual([
      'src/api/Dockerfile',
      '.github/workflows/ci.yml',
      'x/compose.yml',
    ])
  })
})
