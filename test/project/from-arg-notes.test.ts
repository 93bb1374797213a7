import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true })
})

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'isolint-from-args-'))
  roots.push(root)
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), text)
  }
  return root
}

/** Each finding as `line:column rule` with its notes as `line:column message`. */
function brief(root: string, runners: readonly string[] = []): string[] {
  return lint({ root, runners, config: false }).findings.map(
    (f) => `${f.span.file}:${f.span.start.line}:${f.span.start.column} ${f.ruleId} | ${f.related.map((r) => `${r.span.file}:${r.span.start.line}:${r.span.start.column} ${r.message}`).join(' | ')}`,
  )
}

describe('findings at a FROM that ARG defaults decide point at those ARGs too', () => {
  it('names the ARG a FROM reads, and the ARGs its default reads in turn', () => {
    const root = repo({
      Dockerfile: 'ARG TAG=1803\nARG BASE=mcr.microsoft.com/windows/servercore:${TAG}\nFROM ${BASE}\nRUN echo\n',
    })
    expect(brief(root, ['windows-2022'])).toEqual([
      'Dockerfile:3:6 end-of-life-windows-image | Dockerfile:2:5 BASE=mcr.microsoft.com/windows/servercore:${TAG} is set here | Dockerfile:1:5 TAG=1803 is set here',
      'Dockerfile:3:6 process-isolation-build-mismatch | Dockerfile:4:1 RUN starts a container from this image | Dockerfile:2:5 BASE=mcr.microsoft.com/windows/servercore:${TAG} is set here | Dockerfile:1:5 TAG=1803 is set here',
    ])
  })

  it('takes the last default of a name: a later ARG without one keeps it', () => {
    const root = repo({ Dockerfile: 'ARG TAG=ltsc2022\nARG TAG=1803\nARG TAG\nFROM mcr.microsoft.com/windows/servercore:$TAG\n' })
    expect(brief(root)).toEqual(['Dockerfile:4:6 end-of-life-windows-image | Dockerfile:2:5 TAG=1803 is set here'])
  })

  it('adds nothing when a build arg gives the image (the finding points at the build arg) or the FROM reads no ARG', () => {
    const root = repo({
      'Dockerfile': 'ARG TAG=ltsc2022\nFROM mcr.microsoft.com/windows/servercore:$TAG\nRUN echo\n',
      'plain/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:1803\n',
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  build:\n    runs-on: windows-2022\n    steps:\n      - run: docker build --build-arg TAG=ltsc2019 .\n',
    })
    const found = brief(root)
    expect(found).toEqual([
      '.github/workflows/ci.yml:6:39 process-isolation-build-mismatch | .github/workflows/ci.yml:4:14 runs on windows-2022 (Windows build 20348) | .github/workflows/ci.yml:6:14 built here | Dockerfile:2:6 base image of this stage | Dockerfile:3:1 RUN starts a container from this image',
      'plain/Dockerfile:1:6 end-of-life-windows-image | ',
    ])
  })
})
