/**
 * --fix and --fix-dry-run end to end: each kind of fix applied to real files, the fixed files linted again (the
 * finding is gone and nothing new appears), the dry run's diff applied with `git apply` giving the same files, and
 * the safety promises (parses again, never outside the root, line endings and BOM kept).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import type { Finding, LintResult } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'
import { applyFixes, unifiedDiff } from '../../src/fix/edits.js'
import { planFixes } from '../../src/fix/index.js'
import { lint } from '../../src/lint.js'
import { corpusEntries, describeCorpus, readCorpusBytes } from '../harness/corpus.js'
import { POSIX, cli, parseJsonReport, removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const read = (root: string, file: string): string => readFileSync(path.join(root, file), 'utf8')
const rules = (root: string, ...flags: string[]): string[] =>
  parseJsonReport(cli(root, '--root', root, '--format', 'json', '--fail-on', 'none', ...flags).out).findings.map(
    (f) => `${f.file}:${f.line} ${f.ruleId}`,
  )

/** Lints, fixes in place, and returns the findings before and after with the fix run's messages. */
function fixTree(files: Record<string, string>, ...flags: string[]) {
  const root = tempDir('isolint-fix-')
  writeTree(root, files)
  const before = rules(root, ...flags)
  const run = cli(root, '--root', root, '--fix', '--format', 'json', '--fail-on', 'none', ...flags)
  expect(run.code, run.err).toBe(0)
  const left = parseJsonReport(run.out).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)
  // The report of --fix is a fresh lint of the fixed files.
  expect(rules(root, ...flags)).toEqual(left)
  return { root, before, left, err: run.err }
}

const WORKFLOW_BUILD = [
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: windows-latest',
  '    steps:',
  '      - run: docker build -t app -f Dockerfile .',
  '',
].join('\n')

describe('--fix applies each kind of fix, and the fixed files lint clean of it', () => {
  test('pins windows-latest to the label it resolves to today', () => {
    const r = fixTree({ '.github/workflows/ci.yml': WORKFLOW_BUILD, Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN echo\n' })
    expect(r.before).toContain('.github/workflows/ci.yml:4 floating-runner-label')
    expect(read(r.root, '.github/workflows/ci.yml')).toBe(WORKFLOW_BUILD.replace('windows-latest', 'windows-2025'))
    expect(r.left).toEqual([])
    expect(r.err).toBe('isolint: applied 1 fix in 1 file: .github/workflows/ci.yml\n')
  })

  test('adds isolation: hyperv to a production Compose service, as a line with the indentation of its keys', () => {
    const compose = ['services:', '    web:  # the site', '        image: contoso/web:1-ltsc2022', '        ports: ["80:80"]', '  # end', ''].join('\n')
    const r = fixTree({ 'deploy/compose.prod.yml': compose }, '--runner', 'windows-2022')
    expect(r.before).toEqual(['deploy/compose.prod.yml:2 production-requires-hyperv'])
    expect(read(r.root, 'deploy/compose.prod.yml')).toBe(
      ['services:', '    web:  # the site', '        isolation: hyperv', '        image: contoso/web:1-ltsc2022', '        ports: ["80:80"]', '  # end', ''].join('\n'),
    )
    expect(r.left).toEqual([])
  })

  test('replaces an explicit process isolation of a production service with hyperv', () => {
    const r = fixTree({ 'compose.production.yaml': 'services:\n  web:\n    image: contoso/web:1-ltsc2022\n    isolation: process\n' }, '--runner', 'windows-2022')
    expect(r.before).toEqual(['compose.production.yaml:4 production-requires-hyperv'])
    expect(read(r.root, 'compose.production.yaml')).toBe('services:\n  web:\n    image: contoso/web:1-ltsc2022\n    isolation: hyperv\n')
    expect(r.left).toEqual([])
  })

  test('adds --isolation=hyperv to a docker run in a production job, and replaces --isolation process', () => {
    const wf = [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: windows-2025',
      '    environment: production',
      '    steps:',
      '      - run: docker run -d --name web contoso/web:3.1-ltsc2025',
      '      - run: |',
      '          docker run --isolation process --rm `',
      '            contoso/api:3.1-ltsc2025',
      '',
    ].join('\n')
    const r = fixTree({ '.github/workflows/deploy.yml': wf })
    expect(r.before).toEqual(['.github/workflows/deploy.yml:7 production-requires-hyperv', '.github/workflows/deploy.yml:9 production-requires-hyperv'])
    expect(read(r.root, '.github/workflows/deploy.yml')).toBe(
      wf.replace('--name web contoso', '--name web --isolation=hyperv contoso').replace('--isolation process', '--isolation hyperv'),
    )
    expect(r.left).toEqual([])
  })

  test('edits a cmd image written with %VAR% where it is written (shown as written, the image lines up with its text)', () => {
    const wf = [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: windows-2022',
      '    environment: production',
      '    steps:',
      '      - run: docker run %IMG% cmd /c ver',
      '        shell: cmd',
      '  test:',
      '    runs-on: windows-2022',
      '    env:',
      '      REG: mcr.microsoft.com',
      '    steps:',
      '      - shell: cmd',
      '        run: |',
      '          docker run %REG%/windows/servercore:ltsc2019 cmd /c ver',
      '          docker run "%REG%/windows/servercore:ltsc2019" cmd /c ver',
      '',
    ].join('\n')
    const r = fixTree({ '.github/workflows/ci.yml': wf })
    expect(r.before).toEqual([
      '.github/workflows/ci.yml:7 production-requires-hyperv',
      '.github/workflows/ci.yml:7 unknown-image-build',
      '.github/workflows/ci.yml:16 process-isolation-build-mismatch',
      '.github/workflows/ci.yml:17 process-isolation-build-mismatch',
    ])
    // In quotes the word is not the image as written: left as it is.
    expect(read(r.root, '.github/workflows/ci.yml')).toBe(
      wf.replace('run %IMG%', 'run --isolation=hyperv %IMG%').replace('run %REG%/windows/servercore:ltsc2019', 'run %REG%/windows/servercore:ltsc2022'),
    )
    expect(r.left).toEqual(['.github/workflows/ci.yml:7 unknown-image-build', '.github/workflows/ci.yml:17 process-isolation-build-mismatch'])
  })

  test('replaces an invalid isolation value with the value meant, else hyperv', () => {
    const compose = 'services:\n  a:\n    image: contoso/a:1-ltsc2022\n    isolation: hyper-v\n  b:\n    image: contoso/b:1-ltsc2022\n    isolation: sandbox\n'
    const r = fixTree({ 'compose.yaml': compose })
    expect(r.before).toEqual(['compose.yaml:4 invalid-isolation-value', 'compose.yaml:7 invalid-isolation-value'])
    expect(read(r.root, 'compose.yaml')).toBe(compose.replace('hyper-v', 'hyperv').replace('sandbox', 'hyperv'))
    expect(r.left).toEqual([])
  })

  test('adds the release tag of the host to an untagged or :latest MCR Windows image', () => {
    const dockerfile = 'FROM mcr.microsoft.com/windows/servercore AS a\nRUN echo\nFROM mcr.microsoft.com/windows/nanoserver:latest\nRUN echo\n'
    const r = fixTree({ Dockerfile: dockerfile }, '--runner', 'windows-2022')
    expect(r.before).toEqual(['Dockerfile:1 windows-image-missing-tag', 'Dockerfile:3 windows-image-missing-tag'])
    expect(read(r.root, 'Dockerfile')).toBe(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS a\nRUN echo\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN echo\n',
    )
    expect(r.left).toEqual([])
  })

  test('writes the release tag of the host in place of an empty one, after the colon written', () => {
    const r = fixTree({ Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:\nRUN echo\n' }, '--runner', 'windows-2022')
    expect(r.before).toEqual(['Dockerfile:1 windows-image-missing-tag'])
    expect(read(r.root, 'Dockerfile')).toBe('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo\n')
    expect(r.left).toEqual([])
  })

  test('leaves the tag alone when no single host says which release (no --runner, or two hosts)', () => {
    const root = tempDir('isolint-fix-')
    writeTree(root, { Dockerfile: 'FROM mcr.microsoft.com/windows/servercore\nRUN echo\n' })
    expect(cli(root, '--root', root, '--fix').err).toBe('isolint: nothing to fix\n')
    cli(root, '--root', root, '--fix', '--runner', 'windows-2022', '--runner', 'windows-2025')
    expect(read(root, 'Dockerfile')).toBe('FROM mcr.microsoft.com/windows/servercore\nRUN echo\n')
  })

  test('rewrites the release token of an image the host cannot run (older in process isolation, or newer)', () => {
    const wf = [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: windows-2022',
      '    steps:',
      '      - run: docker run --rm mcr.microsoft.com/windows/nanoserver:ltsc2025 cmd /c ver',
      '      - run: docker run --rm mcr.microsoft.com/windows/servercore:ltsc2019 cmd /c ver',
      '',
    ].join('\n')
    const r = fixTree({ '.github/workflows/test.yml': wf })
    expect(r.before).toEqual(['.github/workflows/test.yml:6 image-newer-than-host', '.github/workflows/test.yml:7 process-isolation-build-mismatch'])
    expect(read(r.root, '.github/workflows/test.yml')).toBe(wf.replace('ltsc2025', 'ltsc2022').replace('ltsc2019', 'ltsc2022'))
    expect(r.left).toEqual([])
  })

  test('offers no release token the knowledge base knows is frozen or not published there', () => {
    // .NET Framework 4.8 has no maintained ltsc2022 image (4.8.1 is that line), and the full Windows image no ltsc2025:
    // the finding stays, with no edit to a tag that would fail to pull or get no fixes.
    const df = [
      'FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019 AS sdk',
      'RUN echo sdk',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2019',
      'RUN echo app',
      '',
    ].join('\n')
    const wf = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: windows-2022',
      '    steps:',
      '      - run: docker build -t app .',
      '  test:',
      '    runs-on: windows-2025',
      '    steps:',
      '      - run: docker run --rm mcr.microsoft.com/windows:ltsc2019 cmd /c ver',
      '',
    ].join('\n')
    const r = fixTree({ Dockerfile: df, '.github/workflows/test.yml': wf })
    expect(r.before).toEqual([
      '.github/workflows/test.yml:10 process-isolation-build-mismatch',
      'Dockerfile:1 process-isolation-build-mismatch',
      'Dockerfile:3 process-isolation-build-mismatch',
    ])
    expect(read(r.root, 'Dockerfile')).toBe(df.replace('servercore:ltsc2019', 'servercore:ltsc2022'))
    expect(read(r.root, '.github/workflows/test.yml')).toBe(wf)
    expect(r.left).toEqual(['.github/workflows/test.yml:10 process-isolation-build-mismatch', 'Dockerfile:1 process-isolation-build-mismatch'])
  })

  test('edits the FROM of the base a job builds, never the tag of it another build or a run names', () => {
    // The tag is as long as the base image, so its text would line up with the release token of the image.
    const tag = 'contoso/windows-base-of-the-build-team:dev-01'
    const base = 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo base\n'
    const hub = `FROM ${tag}\nRUN echo hub\n`
    const wf = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: windows-2022',
      '    steps:',
      `      - run: docker build -t ${tag} base`,
      '      - run: docker build -t hub hub',
      `      - run: docker run --rm ${tag} cmd /c ver`,
      '',
    ].join('\n')
    const r = fixTree({ 'base/Dockerfile': base, 'hub/Dockerfile': hub, '.github/workflows/test.yml': wf })
    expect(r.before).toEqual([
      '.github/workflows/test.yml:8 process-isolation-build-mismatch',
      'base/Dockerfile:1 process-isolation-build-mismatch',
      'hub/Dockerfile:1 process-isolation-build-mismatch',
    ])
    expect(read(r.root, 'base/Dockerfile')).toBe(base.replace('ltsc2019', 'ltsc2022'))
    expect(read(r.root, 'hub/Dockerfile')).toBe(hub)
    expect(read(r.root, '.github/workflows/test.yml')).toBe(wf)
    expect(r.left).toEqual([])
  })

  test('reports what is left, with the exit code of --fail-on', () => {
    const root = tempDir('isolint-fix-')
    writeTree(root, {
      '.github/workflows/ci.yml': 'on: push\njobs:\n  old:\n    runs-on: windows-2019\n    steps:\n      - run: docker run --isolation=hyper-v mcr.microsoft.com/windows/servercore:ltsc2019\n',
    })
    const run = cli(root, '--root', root, '--fix')
    expect(run.code).toBe(1)
    expect(run.out).toContain('retired-runner-label')
    expect(run.out).not.toContain('invalid-isolation-value')
    expect(read(root, '.github/workflows/ci.yml')).toContain('--isolation=hyperv mcr')
  })
})

describe('--fix-dry-run', () => {
  test('prints a unified diff that git apply turns into exactly what --fix writes, and changes nothing', () => {
    const files = {
      '.github/workflows/ci.yml': WORKFLOW_BUILD,
      Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN echo\n',
      'deploy/compose.production.yml': 'services:\n  api:\n    image: contoso/api:1-ltsc2025\n  jobs:\n    image: contoso/jobs:1-ltsc2025\n    isolation: Hyper-V\n',
    }
    const dry = tempDir('isolint-fix-')
    writeTree(dry, files)
    const run = cli(dry, '--root', dry, '--fix-dry-run')
    expect(run.code).toBe(0)
    expect(run.err).toBe('isolint: 3 fixes would change 2 files; 0 findings would be left\n')
    for (const [f, text] of Object.entries(files)) expect(read(dry, f)).toBe(text)
    expect(run.out).toBe(
      [
        '--- a/.github/workflows/ci.yml',
        '+++ b/.github/workflows/ci.yml',
        '@@ -1,6 +1,6 @@',
        ' on: push',
        ' jobs:',
        '   build:',
        '-    runs-on: windows-latest',
        '+    runs-on: windows-2025',
        '     steps:',
        '       - run: docker build -t app -f Dockerfile .',
        '--- a/deploy/compose.production.yml',
        '+++ b/deploy/compose.production.yml',
        '@@ -1,6 +1,7 @@',
        ' services:',
        '   api:',
        '+    isolation: hyperv',
        '     image: contoso/api:1-ltsc2025',
        '   jobs:',
        '     image: contoso/jobs:1-ltsc2025',
        '-    isolation: Hyper-V',
        '+    isolation: hyperv',
        '',
      ].join('\n'),
    )
    const fixed = tempDir('isolint-fix-')
    writeTree(fixed, files)
    cli(fixed, '--root', fixed, '--fix')
    // git apply outside a repository works like patch -p1 on the files of the current folder.
    const apply = spawnSync('git', ['apply', '-'], { cwd: dry, input: run.out, encoding: 'utf8' })
    expect(apply.status, apply.stderr).toBe(0)
    for (const f of Object.keys(files)) expect(read(dry, f)).toBe(read(fixed, f))
  })

  test('writes the diff to --output, with the exit code of the findings it would leave', () => {
    const root = tempDir('isolint-fix-')
    writeTree(root, { '.github/workflows/ci.yml': WORKFLOW_BUILD.replace('windows-latest', 'windows-2019') })
    const run = cli(root, '--root', root, '--fix-dry-run', '--output', 'fix.patch')
    expect(run.code).toBe(1) // the retired label has no fix
    expect(run.out).toBe('')
    expect(readFileSync(path.join(root, 'fix.patch'), 'utf8')).toBe('')
    expect(cli(root, '--fix', '--fix-dry-run').code).toBe(2)
  })
})

describe('safety', () => {
  const fixAt = (file: string, line: number, col: number, endCol: number, replacement: string): Finding => ({
    ruleId: 'invalid-isolation-value',
    severity: 'error',
    message: 'm',
    span: span(file, line, col, line, endCol),
    related: [],
    fix: { span: span(file, line, col, line, endCol), replacement, description: 'd' },
  })
  const result = (sources: Record<string, string>, findings: Finding[]): LintResult => ({
    findings,
    files: Object.keys(sources),
    skipped: [],
    sources: new Map(Object.entries(sources)),
  })

  test('a fix that would make the file unparsable is left out, the others in the same file are applied', () => {
    const root = tempDir('isolint-fix-')
    const text = 'services:\n  a:\n    image: x\n    isolation: hyper-v\n'
    writeTree(root, { 'compose.yaml': text })
    const plan = planFixes(root, result({ 'compose.yaml': text }, [fixAt('compose.yaml', 4, 16, 23, 'hyperv'), fixAt('compose.yaml', 3, 12, 13, 'x\n  - [')]))
    expect(plan.files.map((f) => f.after)).toEqual(['services:\n  a:\n    image: x\n    isolation: hyperv\n'])
    expect(plan.refused).toEqual([{ file: 'compose.yaml', reason: '1 fix(es) left out: the file would not parse afterwards' }])
  })

  test.skipIf(!POSIX)('never writes through a link, nor outside the root, nor a file changed since it was linted', () => {
    const outside = tempDir('isolint-fix-out-')
    const root = tempDir('isolint-fix-')
    const text = 'services:\n  a:\n    image: x\n    isolation: hyper-v\n'
    writeTree(outside, { 'compose.yaml': text })
    mkdirSync(path.join(root, 'deploy'))
    symlinkSync(path.join(outside, 'compose.yaml'), path.join(root, 'deploy', 'compose.yaml'))
    writeTree(root, { 'compose.yaml': text.replace('a:', 'b:') })
    const findings = [fixAt('deploy/compose.yaml', 4, 16, 23, 'hyperv'), fixAt('../x/compose.yaml', 4, 16, 23, 'hyperv'), fixAt('compose.yaml', 4, 16, 23, 'hyperv')]
    const plan = planFixes(root, result({ 'deploy/compose.yaml': text, '../x/compose.yaml': text, 'compose.yaml': text }, findings))
    expect(plan.files).toEqual([])
    expect(plan.refused).toEqual([
      { file: '../x/compose.yaml', reason: 'outside the root' },
      { file: 'compose.yaml', reason: 'changed since it was linted' },
      { file: 'deploy/compose.yaml', reason: 'not a regular file (a link or a special file)' },
    ])
    // And through the CLI: the linked file is linted but never written.
    cli(root, '--root', root, '--fix')
    expect(read(outside, 'compose.yaml')).toBe(text)
  })

  test('keeps CRLF line endings (also in an inserted line) and a UTF-8 byte order mark', () => {
    const root = tempDir('isolint-fix-')
    const compose = 'services:\r\n  web:\r\n    image: contoso/web:1-ltsc2022\r\n'
    writeTree(root, { 'compose.prod.yml': compose })
    writeFileSync(path.join(root, 'Dockerfile'), '\uFEFFFROM mcr.microsoft.com/windows/servercore:latest\r\nRUN echo\r\n')
    cli(root, '--root', root, '--fix', '--runner', 'windows-2025')
    expect(read(root, 'compose.prod.yml')).toBe('services:\r\n  web:\r\n    isolation: hyperv\r\n    image: contoso/web:1-ltsc2022\r\n')
    expect(read(root, 'Dockerfile')).toBe('\uFEFFFROM mcr.microsoft.com/windows/servercore:ltsc2025\r\nRUN echo\r\n')
    expect(lint({ root, runners: ['windows-2025'] }).findings).toEqual([])
  })
})

describe('applyFixes and unifiedDiff', () => {
  const edit = (line: number, col: number, endCol: number, replacement: string) => ({
    span: span('f', line, col, line, endCol),
    replacement,
    description: 'd',
  })

  test('applies edits in text order, makes a duplicate once, and leaves out overlapping ones and ones outside the text', () => {
    const r = applyFixes('abc\ndef\n', [edit(2, 1, 2, 'D'), edit(1, 2, 3, 'B'), edit(1, 2, 3, 'B'), edit(1, 1, 3, 'x'), edit(9, 1, 1, 'y')])
    expect(r.text).toBe('xc\nDef\n')
    expect(r.applied.map((f) => f.replacement)).toEqual(['x', 'D'])
    expect(r.conflicts.map((f) => f.replacement)).toEqual(['y', 'B'])
  })

  test('a diff of a last line without a line feed says so', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\nc')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n')
  })

  test('changes far apart get their own hunks, with three lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n') + '\n'
    const after = before.replace('l2\n', 'L2\n').replace('l18\n', 'l18\nnew\n')
    expect(unifiedDiff('f', before, after)).toBe(
      [
        '--- a/f',
        '+++ b/f',
        '@@ -1,5 +1,5 @@',
        ' l1',
        '-l2',
        '+L2',
        ' l3',
        ' l4',
        ' l5',
        '@@ -16,5 +16,6 @@',
        ' l16',
        ' l17',
        ' l18',
        '+new',
        ' l19',
        ' l20',
        '',
      ].join('\n'),
    )
  })
})

describeCorpus('--fix on the real corpus', () => {
  test('every repository laid out at its paths: fixes apply, every fixed file parses, nothing new is reported', () => {
    const root = tempDir('isolint-fix-corpus-')
    const files: Record<string, Buffer> = {}
    for (const { local, repo, path: p } of corpusEntries()) {
      if (!local.includes('@')) files[`${repo}/${p}`] = readCorpusBytes(local)
    }
    writeTree(root, files)
    const before = lint({ root, runners: ['windows-2022'] })
    const fixable = before.findings.filter((f) => f.fix)
    expect(fixable.length).toBeGreaterThan(5)
    const run = cli(root, '--root', root, '--runner', 'windows-2022', '--fix', '--format', 'json', '--fail-on', 'none')
    expect(run.code, run.err).toBe(0)
    expect(run.err).toMatch(/^isolint: applied \d+ fixes in \d+ files: /)
    const after = lint({ root, runners: ['windows-2022'] })
    const key = (f: Finding): string => `${f.span.file} ${f.ruleId}`
    // No file stopped parsing, and no rule reports a file it did not report before.
    expect(after.findings.filter((f) => f.ruleId === 'parse-error').length).toBe(before.findings.filter((f) => f.ruleId === 'parse-error').length)
    const had = new Set(before.findings.map(key))
    expect(after.findings.map(key).filter((k) => !had.has(k))).toEqual([])
    expect(after.findings.filter((f) => f.fix).length).toBeLessThan(fixable.length)
    expect(after.findings.length).toBeLessThan(before.findings.length)
    // Only files with fixes changed.
    const changed = Object.keys(files).filter((f) => !readFileSync(path.join(root, f)).equals(files[f]!))
    const withFix = new Set(fixable.map((f) => f.fix!.span.file))
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.filter((f) => !withFix.has(f))).toEqual([])
  }, 120_000)
})
