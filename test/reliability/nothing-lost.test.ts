/**
 * Nothing lost: broken files next to files with known findings never hide those findings. Each broken file gets a
 * `parse-error` finding or a skip note that says why, and the known findings come out exactly as when the good files
 * are linted alone.
 */
import { execFileSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { lint } from '../../src/lint.js'
import { encodeAs } from './generators.js'
import { checkRun, removeTemps, tempDir, writeTree, POSIX } from './helpers.js'

afterAll(removeTemps)

/** Files with known findings of most rules, and the workflow that builds and runs them. */
const GOOD: Record<string, string> = {
  '.github/workflows/good.yml': [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: windows-2019',
    '    steps:',
    '      - run: docker build -f good/Dockerfile -t app:1 good',
    '      - run: docker run --isolation=process mcr.microsoft.com/windows/servercore:ltsc2022 cmd',
    '  deploy:',
    '    runs-on: windows-latest',
    '    environment: production',
    '    steps:',
    '      - run: docker run --isolation=process mcr.microsoft.com/windows/servercore:ltsc2022 cmd',
    '',
  ].join('\n'),
  'good/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n',
  'good/compose.yaml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore\n    isolation: bogus\n',
  'good/old.Dockerfile': 'FROM mcr.microsoft.com/windows/nanoserver:20H2\nRUN echo\n',
}

const aliasBomb = (() => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]']
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`)
  return [...lines, 'services:', '  web:', '    image: *a9', ''].join('\n')
})()

/** Broken files, and how each must show up: a parse-error finding (`parse`) or a skip note matching the pattern. */
const BROKEN: Record<string, { content: string | Uint8Array; expect: 'parse' | RegExp }> = {
  'broken/binary/Dockerfile': { content: Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0xff, 0xff]), expect: /^binary file/ },
  'broken/utf16/compose.yaml': { content: encodeAs('services:\n  web:\n    image: x\n', 'utf16le'), expect: 'parse' },
  'broken/invalid-utf8/Dockerfile': { content: Uint8Array.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28, 0x0a]), expect: 'parse' },
  'broken/yaml/compose.yaml': { content: 'services:\n  web:\n    image: [unclosed\n', expect: 'parse' },
  'broken/bomb/compose.yaml': { content: aliasBomb, expect: 'parse' },
  'broken/deep/compose.yaml': { content: `services:\n  web: ${'['.repeat(5000)}\n`, expect: 'parse' },
  'broken/dup/compose.yaml': { content: 'services:\n  web:\n    image: a\n    image: b\n', expect: 'parse' },
  'broken/multi/compose.yaml': { content: 'services: {}\n---\nservices: {}\n', expect: 'parse' },
  'broken/unknown/Dockerfile': { content: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nFOO bar\n', expect: 'parse' },
  'broken/nofrom/Dockerfile': { content: 'FROM\n', expect: 'parse' },
  'broken/template/Dockerfile': { content: 'FROM {{ .Image }}\n', expect: /^template/ },
  'broken/large/Dockerfile': { content: `FROM mcr.microsoft.com/windows/servercore:ltsc2019\n${'# pad\n'.repeat(400_000)}`, expect: /^larger than the 2\.0 MB limit/ },
  'broken/nul/compose.yaml': { content: 'services:\n\u0000\n', expect: /^binary file/ },
  '.github/workflows/broken.yml': { content: 'on: push\njobs:\n  a:\n    runs-on: [windows-2019\n', expect: 'parse' },
  '.github/workflows/nojobs.yml': { content: 'on: push\n', expect: 'parse' },
}

describe.runIf(POSIX)('nothing lost', () => {
  test('broken files next to good ones: every known finding is reported, every broken file is accounted for', () => {
    const alone = tempDir()
    writeTree(alone, GOOD)
    const known = lint({ root: alone }).findings
    // The good files exercise most rules, across files (a workflow building a Dockerfile).
    expect(new Set(known.map((f) => f.ruleId))).toEqual(
      new Set([
        'end-of-life-windows-image',
        'floating-runner-label',
        'image-newer-than-host',
        'invalid-isolation-value',
        'production-requires-hyperv',
        'retired-runner-label',
        'windows-image-missing-tag',
      ]),
    )

    const root = tempDir()
    writeTree(root, { ...GOOD, ...Object.fromEntries(Object.entries(BROKEN).map(([p, b]) => [p, b.content])) })
    symlinkSync('loop', path.join(root, 'broken', 'loop'))
    symlinkSync('/etc', path.join(root, 'broken', 'outside'))
    execFileSync('mkfifo', [path.join(root, 'broken', 'Containerfile')])

    const started = Date.now()
    const result = lint({ root })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.crashes).toEqual([])
    // Every known finding, exactly (message, position, related locations).
    expect(result.findings.filter((f) => !f.span.file.startsWith('broken/') && !f.span.file.endsWith('broken.yml') && !f.span.file.endsWith('nojobs.yml'))).toEqual(known)

    for (const [file, b] of Object.entries(BROKEN)) {
      if (b.expect === 'parse') {
        expect(result.findings.filter((f) => f.span.file === file).map((f) => f.ruleId), file).toContain('parse-error')
      } else {
        expect(result.skipped.find((s) => s.file === file)?.reason, file).toMatch(b.expect)
      }
    }
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { file: 'broken/Containerfile', reason: 'not a regular file (not read)' },
        { file: 'broken/loop', reason: 'symbolic link loop (not followed)' },
        { file: 'broken/outside', reason: 'symbolic link pointing outside the scanned folder (not followed)' },
      ]),
    )
    // And through the CLI: valid reports, exit 1 for the known errors.
    const { run, problems } = checkRun(root)
    expect(problems).toEqual([])
    expect(run!.code).toBe(1)
  })

  test('a broken Dockerfile that a good workflow builds is reported; the workflow’s other findings stay', () => {
    const root = tempDir()
    writeTree(root, {
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: windows-2019',
        '    steps:',
        '      - run: docker build -f app/Dockerfile.win .',
        '      - run: docker run --isolation=process mcr.microsoft.com/windows/servercore:ltsc2022 cmd',
        '',
      ].join('\n'),
      'app/Dockerfile.win': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nFOO bar\n',
    })
    const r = lint({ root })
    const brief = r.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`)
    expect(brief).toContain('.github/workflows/ci.yml:7 image-newer-than-host')
    expect(brief).toContain('.github/workflows/ci.yml:4 retired-runner-label')
    expect(brief).toContain('app/Dockerfile.win:2 parse-error')
  })
})
