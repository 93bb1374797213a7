import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { lint } from '../../src/lint.js'
import { discover, isInside, resolvePath } from '../../src/project/discover.js'

const root = mkdtempSync(path.join(os.tmpdir(), 'isolint-discovery-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  writeFileSync(path.join(root, rel), text)
}

write('testdata/Dockerfile', 'RUN echo broken on purpose\n')
write('pkg/parser/testdata/bad/Dockerfile', 'RUN echo broken on purpose\n')
write('Dockerfile-windows', 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN cmd /c ver\n')

describe('testdata folders', () => {
  test('are skipped with the reason when a folder above them is linted', () => {
    const r = lint({ root })
    expect(r.files).toEqual(['Dockerfile-windows'])
    expect(r.skipped.map((s) => s.file)).toEqual(['pkg/parser/testdata', 'testdata'])
    for (const s of r.skipped) expect(s.reason).toMatch(/^testdata folder/)
    expect(r.findings).toEqual([])
  })

  test('are linted when a path names them', () => {
    const r = lint({ root, paths: ['testdata'] })
    expect(r.files).toEqual(['testdata/Dockerfile'])
    expect(r.findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['warning parse-error'])
    expect(lint({ root, paths: ['pkg/parser/testdata/bad/Dockerfile'] }).files).toEqual(['pkg/parser/testdata/bad/Dockerfile'])
  })

  test('a user-given host is named in the finding, with where it comes from', () => {
    const r = lint({ root, runners: ['windows-2022'] })
    expect(r.findings.map((f) => f.ruleId)).toEqual(['image-newer-than-host'])
    expect(r.findings[0]!.message).toContain('host windows-2022 (from --runner)')
    const fromInput = lint({ root, runners: ['windows-2022'], runnerOrigin: 'from the runner input' })
    expect(fromInput.findings[0]!.message).toContain('host windows-2022 (from the runner input)')
  })
})

describe('workflows below the root', () => {
  // A vendored library's own CI (fluent-bit's lib/): GitHub runs only the root's .github/workflows.
  const repo = mkdtempSync(path.join(os.tmpdir(), 'isolint-nested-'))
  afterAll(() => rmSync(repo, { recursive: true, force: true }))
  const put = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true })
    writeFileSync(path.join(repo, rel), text)
  }
  const job = (steps: string): string => `on: push\njobs:\n  build:\n    runs-on: windows-2019\n    steps:\n${steps}`
  put('.github/workflows/ci.yml', job('      - uses: ./lib/vendored\n'))
  put('lib/vendored/.github/workflows/ci.yml', job('      - run: echo vendored\n'))
  put('lib/vendored/.github/workflows/release/publish.yml', job('      - run: echo subfolder\n'))
  put('.github/workflows/release/publish.yml', job('      - run: echo subfolder\n'))
  put('lib/vendored/action.yml', 'name: build\nruns:\n  using: composite\n  steps:\n    - run: echo built\n      shell: pwsh\n')
  const nested = 'lib/vendored/.github/workflows/ci.yml'
  const brief = (r: ReturnType<typeof lint>) => r.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`)

  test('discovery lists the root`s workflows only, and a nested one as skipped with the reason', () => {
    const found = discover(repo, [])
    // The other YAML files are only candidates for Kubernetes manifests (kind undefined: read for apiVersion and kind).
    expect(found.files.filter((f) => f.kind !== undefined).map((f) => `${f.rel} ${f.kind}`)).toEqual(['.github/workflows/ci.yml workflow'])
    expect(found.skipped).toEqual([
      {
        file: nested,
        reason: "not a workflow GitHub runs: only the repository root's .github/workflows are (lint lib/vendored as its own root, or name the file, to check it)",
      },
    ])
  })

  test('only the root workflow is checked; a local action it uses is still read', () => {
    const r = lint({ root: repo })
    expect(brief(r)).toEqual(['.github/workflows/ci.yml:4 retired-runner-label'])
    expect(r.files).toEqual(['.github/workflows/ci.yml', 'lib/vendored/action.yml'])
    expect(r.skipped.map((s) => s.file)).toEqual([nested])
  })

  test('a nested workflow named on the command line is linted as a workflow, the user`s choice', () => {
    const named = lint({ root: repo, paths: [nested] })
    expect(brief(named)).toEqual([`${nested}:4 retired-runner-label`])
    expect(named.skipped).toEqual([])
    // Named besides a folder that holds it, before or after: linted, and not listed as skipped too.
    for (const paths of [['.', nested], [nested, '.']]) {
      const r = lint({ root: repo, paths })
      expect(brief(r), paths.join(' ')).toEqual(['.github/workflows/ci.yml:4 retired-runner-label', `${nested}:4 retired-runner-label`])
      expect(r.skipped, paths.join(' ')).toEqual([])
    }
  })

  test('the folder as the root makes its workflows the root`s', () => {
    const r = lint({ root: path.join(repo, 'lib/vendored') })
    expect(brief(r)).toEqual(['.github/workflows/ci.yml:4 retired-runner-label'])
    expect(r.skipped).toEqual([])
  })
})

describe('isInside', () => {
  test('says what path.relative says, for normalized paths and for every other form', () => {
    const roots = ['/r/repo', '/r/repo/', '/r/./repo', '/', '/r//repo']
    const targets = ['/r/repo', '/r/repo/', '/r/repo/a', '/r/repo/a/b.txt', '/r/repox', '/r/repox/a', '/r/repo/..a', '/r/repo/../x',
      '/r/repo/a/../../x', '/r/repo/./a', '/r/repo//a', '/r/repo/a/.', '/r/repo/a/..', '/r', '/x', '/', '/r/repo/..', '/r/repo/...']
    const byRelative = (root: string, target: string): boolean => {
      const rel = path.relative(root, target)
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
    }
    for (const r of roots) for (const t of targets) expect(isInside(r, t), `${r} ${t}`).toBe(byRelative(r, t))
  })
})

describe('resolvePath', () => {
  test('gives what path.resolve gives, normalized or not', () => {
    const bases = ['/', '/work/repo', '/work/repo/', '/work/./repo', 'rel/base', '']
    const paths = ['', '.', '..', './a', '../a', 'a', 'a/b', '.a/b', 'a/.b', 'a/./b', 'a/../b', 'a//b', 'a/', 'a/.', 'a/..', '/', '/x', '/x/y', '/x/./y', '/x/../y', '//x', '/x/', '.../a']
    for (const base of bases) for (const p of paths) expect(resolvePath(base, p), `${base} + ${p}`).toBe(path.resolve(base, p))
  })
})
