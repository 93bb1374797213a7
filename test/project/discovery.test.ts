import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { lint } from '../../src/lint.js'
import { isInside, resolvePath } from '../../src/project/discover.js'

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
