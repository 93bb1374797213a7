import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

/** Lints a tree of files as a run of isolint reads it: each finding as `file:line:column rule`, then its notes. */
function findings(files: Record<string, string>): string[] {
  const root = tempDir()
  writeTree(root, files)
  const result = lint({ root, config: false })
  expect(result.crashes).toEqual([])
  return result.findings.map((f) => [`${at(f.span)} ${f.ruleId}`, ...f.related.map((r) => `  ${at(r.span)} ${r.message}`)].join('\n'))
}

const at = (s: { file: string; start: { line: number; column: number } }): string => `${s.file}:${s.start.line}:${s.start.column}`

/** A caller (`on` as given) whose job `call` calls `to` with the `with:` lines given. */
function caller(on: string, to: string, given: readonly string[]): string {
  return [`on: ${on}`, 'jobs:', '  call:', `    uses: ./.github/workflows/${to}`, ...(given.length > 0 ? ['    with:', ...given.map((g) => `      ${g}`)] : []), ''].join('\n')
}

/** A reusable workflow (`on` as given) with input `tag` (default ltsc2022), whose one job runs the step lines. */
function called(on: readonly string[], steps: readonly string[], runsOn = 'windows-2022'): string {
  return [...on, 'jobs:', '  build:', `    runs-on: ${runsOn}`, '    steps:', ...steps.map((s) => `      ${s}`), ''].join('\n')
}

const CALL_ONLY = ['on:', '  workflow_call:', '    inputs:', '      tag: { type: string, default: ltsc2022 }']
const RUN_TAG = '- run: docker run mcr.microsoft.com/windows/servercore:${{ inputs.tag }} cmd /c ver'

describe('a reusable workflow that runs only when called', () => {
  it('is checked through the calls of the repository alone: one error, at the value passed, and no unknown-image warning', () => {
    expect(
      findings({
        '.github/workflows/ci.yml': caller('push', 'build.yml', ['tag: ltsc2025']),
        '.github/workflows/build.yml': called(CALL_ONLY, [RUN_TAG]),
      }),
    ).toEqual([
      [
        '.github/workflows/build.yml:9:25 image-newer-than-host',
        '  .github/workflows/build.yml:7:14 runs on windows-2022 (Windows build 20348)',
        '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/build.yml',
        '  .github/workflows/ci.yml:6:12 passes tag=ltsc2025',
      ].join('\n'),
    ])
  })

  it('is read on its own when no workflow here calls it (called from other repositories)', () => {
    const out = findings({ '.github/workflows/build.yml': called(CALL_ONLY, [RUN_TAG]) })
    expect(out.map((f) => f.split('\n')[0])).toEqual(['.github/workflows/build.yml:9:25 unknown-image-build'])
  })

  it('is read on its own too when it has other triggers (on: [push, workflow_call])', () => {
    const out = findings({
      '.github/workflows/ci.yml': caller('push', 'build.yml', ['tag: ltsc2025']),
      '.github/workflows/build.yml': called(['on: [push, workflow_call]'], [RUN_TAG]),
    })
    // Run by a push, its inputs are empty: the image is unknown; through the call, it is ltsc2025.
    expect(out.map((f) => f.split('\n')[0])).toEqual([
      '.github/workflows/build.yml:6:25 image-newer-than-host',
      '.github/workflows/build.yml:6:25 unknown-image-build',
    ])
  })

  it('counts every spelling of on: workflow_call', () => {
    for (const on of [['on: workflow_call'], ['on: [workflow_call]'], ['on:', '  workflow_call:'], ["'on': { workflow_call: {} }"]]) {
      const out = findings({
        '.github/workflows/ci.yml': caller('push', 'build.yml', ['tag: ltsc2025']),
        '.github/workflows/build.yml': called(on, [RUN_TAG]),
      })
      expect(out.map((f) => f.split('\n')[0]), on.join(' ')).toEqual([`.github/workflows/build.yml:${on.length + 5}:25 image-newer-than-host`])
    }
  })

  it('runs through a chain of calls (ci.yml → a.yml → b.yml), each value noted where it is passed from', () => {
    const out = findings({
      '.github/workflows/ci.yml': caller('push', 'a.yml', ['tag: ltsc2025']),
      '.github/workflows/a.yml': [
        'on:',
        '  workflow_call:',
        '    inputs:',
        '      tag: { type: string }',
        'jobs:',
        '  inner:',
        '    uses: ./.github/workflows/b.yml',
        '    with:',
        '      tag: ${{ inputs.tag }}',
        '',
      ].join('\n'),
      '.github/workflows/b.yml': called(CALL_ONLY, [RUN_TAG]),
    })
    expect(out).toEqual([
      [
        '.github/workflows/b.yml:9:25 image-newer-than-host',
        '  .github/workflows/b.yml:7:14 runs on windows-2022 (Windows build 20348)',
        '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/a.yml',
        '  .github/workflows/a.yml:7:11 job inner calls .github/workflows/b.yml',
        '  .github/workflows/ci.yml:6:12 passes tag=ltsc2025',
        '  .github/workflows/a.yml:9:12 passes tag=ltsc2025',
      ].join('\n'),
    ])
  })

  it('is read on its own when its calls only go round in a circle', () => {
    const loop = (to: string): string =>
      [...CALL_ONLY, 'jobs:', '  again:', `    uses: ./.github/workflows/${to}`, '  build:', '    runs-on: windows-2022', '    steps:', `      ${RUN_TAG}`, ''].join('\n')
    const out = findings({ '.github/workflows/a.yml': loop('b.yml'), '.github/workflows/b.yml': loop('a.yml') })
    // Nothing lost: each is read on its own (its default is not read there), as before.
    expect(out.map((f) => f.split('\n')[0])).toContain('.github/workflows/a.yml:11:25 unknown-image-build')
    expect(out.map((f) => f.split('\n')[0])).toContain('.github/workflows/b.yml:11:25 unknown-image-build')
  })

  it('is read on its own when a call reaches it too deep for the composite actions it runs to be followed', () => {
    const call = (to: string): string => [...CALL_ONLY, 'jobs:', '  next:', `    uses: ./.github/workflows/${to}`, ''].join('\n')
    const composite = (steps: string[]): string => ['runs:', '  using: composite', '  steps:', ...steps.map((st) => `    ${st}`), ''].join('\n')
    const out = findings({
      '.github/workflows/ci.yml': caller('push', 'a.yml', []),
      '.github/workflows/a.yml': call('b.yml'),
      '.github/workflows/b.yml': call('c.yml'),
      // c.yml is reached through 3 calls: x and y (2 more) are past the 4 followed, read only in c.yml's own reading.
      '.github/workflows/c.yml': called(CALL_ONLY, ['- uses: ./.github/actions/x']),
      '.github/actions/x/action.yml': composite(['- uses: ./.github/actions/y']),
      '.github/actions/y/action.yml': composite(['- run: docker run mcr.microsoft.com/windows/servercore:ltsc2025 cmd', '  shell: pwsh']),
    })
    expect(out.map((f) => f.split('\n')[0])).toEqual(['.github/actions/y/action.yml:4:23 image-newer-than-host'])
  })

  it('reports a finding that reads no input once, with the call that runs it', () => {
    const out = findings({
      '.github/workflows/ci.yml': caller('push', 'build.yml', ['tag: ltsc2025']),
      '.github/workflows/build.yml': called(CALL_ONLY, ['- run: docker run mcr.microsoft.com/windows/servercore:ltsc2025 cmd /c ver']),
    })
    expect(out).toEqual([
      [
        '.github/workflows/build.yml:9:25 image-newer-than-host',
        '  .github/workflows/build.yml:7:14 runs on windows-2022 (Windows build 20348)',
        '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/build.yml',
      ].join('\n'),
    ])
  })

  it("still reports its jobs' runner labels once", () => {
    const out = findings({
      '.github/workflows/ci.yml': caller('push', 'build.yml', ['tag: ltsc2022']),
      '.github/workflows/build.yml': called(CALL_ONLY, [RUN_TAG], 'windows-latest'),
    })
    expect(out.filter((f) => f.includes('runner-label')).map((f) => f.split('\n')[0])).toEqual(['.github/workflows/build.yml:7:14 floating-runner-label'])
  })

  it('builds the Dockerfile the calls name, not one its own reading cannot know (floating-runner-label)', () => {
    const build = '- run: docker build -f ${{ inputs.tag }}.Dockerfile .'
    const dockerfiles = {
      // No RUN: the build starts no container, so windows-latest cannot break it.
      'copy.Dockerfile': 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe /app/\n',
      'run.Dockerfile': 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN echo hi\n',
    }
    const floating = (tag: string): string[] =>
      findings({
        '.github/workflows/ci.yml': caller('push', 'build.yml', [`tag: ${tag}`]),
        '.github/workflows/build.yml': called(CALL_ONLY, [build], 'windows-latest'),
        ...dockerfiles,
      })
        .filter((f) => f.includes('floating-runner-label'))
        .map((f) => f.split('\n')[0]!)
    expect(floating('copy')).toEqual([])
    expect(floating('run')).toEqual(['.github/workflows/build.yml:7:14 floating-runner-label'])
  })
})

describe('where the caller passes the value a finding reads', () => {
  const tree = (steps: readonly string[], files: Record<string, string> = {}): string[] =>
    findings({
      '.github/workflows/ci.yml': caller('push', 'build.yml', ['tag: ltsc2025', 'isolation: process']),
      '.github/workflows/build.yml': called([...CALL_ONLY, '      isolation: { type: string, default: hyperv }'], steps),
      ...files,
    })

  it('notes the with: value of a build argument that sets the Dockerfile ARG of the base image', () => {
    const out = tree(['- run: docker build --build-arg TAG=${{ inputs.tag }} .'], {
      Dockerfile: ['ARG TAG=ltsc2022', 'FROM mcr.microsoft.com/windows/servercore:$TAG', 'RUN echo hi', ''].join('\n'),
    })
    expect(out[0]!.split('\n')).toEqual([
      '.github/workflows/build.yml:10:39 image-newer-than-host',
      '  .github/workflows/build.yml:8:14 runs on windows-2022 (Windows build 20348)',
      '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/build.yml',
      '  .github/workflows/ci.yml:6:12 passes tag=ltsc2025',
      '  .github/workflows/build.yml:10:14 built here',
      '  Dockerfile:2:6 base image of this stage',
      '  Dockerfile:3:1 RUN starts a container from this image',
    ])
  })

  it('notes the with: value at the FROM line of a base image a build argument names (no RUN: the pull is the finding)', () => {
    const dockerfile = (lines: string[]): Record<string, string> => ({ Dockerfile: [...lines, ''].join('\n') })
    const from = tree(['- run: docker build --build-arg TAG=${{ inputs.tag }} .'], dockerfile(['ARG TAG=ltsc2022', 'FROM mcr.microsoft.com/windows/servercore:${TAG}']))
    expect(from[0]!.split('\n')).toEqual([
      'Dockerfile:2:6 image-newer-than-host',
      '  .github/workflows/build.yml:8:14 runs on windows-2022 (Windows build 20348)',
      '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/build.yml',
      '  .github/workflows/ci.yml:6:12 passes tag=ltsc2025',
      '  .github/workflows/build.yml:10:14 built here',
    ])
    // An ARG whose default reads the build argument (FROM ${BASE}): the same note.
    const chained = tree(
      ['- run: docker build --build-arg TAG=${{ inputs.tag }} .'],
      dockerfile(['ARG TAG=ltsc2022', 'ARG BASE=mcr.microsoft.com/windows/servercore:${TAG}', 'FROM ${BASE}']),
    )
    expect(chained[0]!.split('\n')).toEqual([
      'Dockerfile:3:6 image-newer-than-host',
      '  .github/workflows/build.yml:8:14 runs on windows-2022 (Windows build 20348)',
      '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/build.yml',
      '  .github/workflows/ci.yml:6:12 passes tag=ltsc2025',
      '  .github/workflows/build.yml:10:14 built here',
    ])
  })

  it('notes the with: value at a FROM line that reads the build argument through a chain of ARG defaults', () => {
    const step = ['- run: docker build --build-arg TAG=${{ inputs.tag }} --build-arg OTHER=${{ inputs.isolation }} .']
    const chain = ['ARG TAG', 'ARG OTHER', 'ARG B=mcr.microsoft.com/windows/servercore:${TAG}', 'ARG A=${B}', 'FROM ${A}']
    const passes = (out: string[]): string[] => out[0]!.split('\n').filter((l) => l.includes('passes'))
    // No RUN: the pull of the base image is the finding.
    const pull = tree(step, { Dockerfile: [...chain, ''].join('\n') })
    expect(pull[0]!.split('\n')[0]).toBe('Dockerfile:5:6 image-newer-than-host')
    expect(passes(pull)).toEqual(['  .github/workflows/ci.yml:6:12 passes tag=ltsc2025'])
    // With a RUN: the build of the stage, at the build argument the chain reads (where the fix goes, as for a FROM
    // that names it), with the same note and one at the FROM line.
    const run = tree(step, { Dockerfile: [...chain, 'RUN echo hi', ''].join('\n') })
    expect(run[0]!.split('\n')).toEqual([
      '.github/workflows/build.yml:10:39 image-newer-than-host',
      '  .github/workflows/build.yml:8:14 runs on windows-2022 (Windows build 20348)',
      '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/build.yml',
      '  .github/workflows/ci.yml:6:12 passes tag=ltsc2025',
      '  .github/workflows/build.yml:10:14 built here',
      '  Dockerfile:5:6 base image of this stage',
      '  Dockerfile:6:1 RUN starts a container from this image',
    ])
    // A build argument the chain does not read (the ARG default is used only when BASE is not given): no note.
    const unused = tree(step, { Dockerfile: ['ARG TAG', 'ARG BASE', 'FROM ${BASE:-mcr.microsoft.com/windows/servercore:${TAG}}', ''].join('\n') })
    expect(passes(unused)).toEqual(['  .github/workflows/ci.yml:6:12 passes tag=ltsc2025'])
    const given = tree(['- run: docker build --build-arg TAG=${{ inputs.tag }} --build-arg BASE=mcr.microsoft.com/windows/servercore:ltsc2025 .'], {
      Dockerfile: ['ARG TAG', 'ARG BASE', 'FROM ${BASE:-mcr.microsoft.com/windows/servercore:${TAG}}', ''].join('\n'),
    })
    expect(given[0]!.split('\n')[0]).toBe('Dockerfile:3:6 image-newer-than-host')
    expect(passes(given)).toEqual([])
  })

  it('notes where an Azure Pipelines template parameter is passed at the FROM line of the base image it names', () => {
    const out = findings({
      'azure-pipelines.yml': ['pool: { vmImage: windows-2022 }', 'steps:', '  - template: build.yml', '    parameters:', '      tag: ltsc2025', ''].join('\n'),
      'build.yml': [
        'parameters:',
        '  - name: tag',
        '    default: ltsc2022',
        'steps:',
        '  - script: docker build --build-arg TAG=${{ parameters.tag }} app',
        '',
      ].join('\n'),
      'app/Dockerfile': 'ARG TAG=ltsc2022\nFROM mcr.microsoft.com/windows/servercore:${TAG}\n',
    })
    expect(out[0]!.split('\n')).toEqual([
      'app/Dockerfile:2:6 image-newer-than-host',
      '  azure-pipelines.yml:1:18 runs on windows-2022 (Windows build 20348)',
      '  build.yml:5:13 built here',
      '  azure-pipelines.yml:5:12 passes tag=ltsc2025',
      '  azure-pipelines.yml:3:15 includes build.yml',
    ])
  })

  it('notes where an Azure Pipelines template parameter is passed, and where a variable is set, at a FROM line that reads the build argument through ARG defaults', () => {
    const out = findings({
      'azure-pipelines.yml': [
        'pool: { vmImage: windows-2022 }',
        'variables:',
        '  release: ltsc2025',
        'steps:',
        '  - template: build.yml',
        '    parameters:',
        '      tag: $(release)',
        '  - template: build.yml',
        '    parameters:',
        '      tag: ltsc2025',
        '      path: run',
        '',
      ].join('\n'),
      'build.yml': [
        'parameters:',
        '  - name: tag',
        '    default: ltsc2022',
        '  - name: path',
        '    default: app',
        'steps:',
        '  - script: docker build --build-arg TAG=${{ parameters.tag }} ${{ parameters.path }}',
        '',
      ].join('\n'),
      'app/Dockerfile': 'ARG TAG=ltsc2022\nARG B=mcr.microsoft.com/windows/servercore:${TAG}\nARG A=${B}\nFROM ${A}\n',
      'run/Dockerfile': 'ARG TAG=ltsc2022\nARG B=mcr.microsoft.com/windows/servercore:${TAG}\nARG A=${B}\nFROM ${A}\nRUN echo hi\n',
    })
    expect(out.map((f) => f.split('\n'))).toEqual([
      [
        'app/Dockerfile:4:6 image-newer-than-host',
        '  azure-pipelines.yml:1:18 runs on windows-2022 (Windows build 20348)',
        '  build.yml:7:13 built here',
        '  azure-pipelines.yml:7:12 passes tag',
        '  azure-pipelines.yml:3:12 release is set here',
        '  azure-pipelines.yml:5:15 includes build.yml',
      ],
      [
        'build.yml:7:38 image-newer-than-host',
        '  azure-pipelines.yml:1:18 runs on windows-2022 (Windows build 20348)',
        '  build.yml:7:13 built here',
        '  run/Dockerfile:4:6 base image of this stage',
        '  run/Dockerfile:5:1 RUN starts a container from this image',
        '  azure-pipelines.yml:10:12 passes tag=ltsc2025',
        '  azure-pipelines.yml:8:15 includes build.yml',
      ],
    ])
  })

  it('notes the with: value of an --isolation value', () => {
    const out = tree(['- run: docker run --isolation ${{ inputs.isolation }} mcr.microsoft.com/windows/servercore:ltsc2019 cmd'])
    expect(out).toEqual([
      [
        '.github/workflows/build.yml:10:61 process-isolation-build-mismatch',
        '  .github/workflows/build.yml:8:14 runs on windows-2022 (Windows build 20348)',
        '  .github/workflows/ci.yml:4:11 job call calls .github/workflows/build.yml',
        '  .github/workflows/ci.yml:7:18 passes isolation=process',
      ].join('\n'),
    ])
  })

  it('notes the value passed through an environment variable, and none for an input left to its default', () => {
    const out = tree(['- run: docker run mcr.microsoft.com/windows/servercore:$TAG cmd', '  env:', '    TAG: ${{ inputs.tag }}'])
    expect(out[0]!.split('\n')).toContain('  .github/workflows/ci.yml:6:12 passes tag=ltsc2025')
    const byDefault = findings({
      '.github/workflows/ci.yml': caller('push', 'build.yml', []),
      '.github/workflows/build.yml': called(CALL_ONLY, ['- run: docker run --isolation process mcr.microsoft.com/windows/servercore:${{ inputs.tag }}x cmd']),
    })
    expect(byDefault.join('\n')).not.toContain('passes')
  })

  it('notes a matrix value the caller passes where the matrix writes it', () => {
    const out = findings({
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  call:',
        '    strategy:',
        '      matrix:',
        '        tag: [ltsc2025]',
        '    uses: ./.github/workflows/build.yml',
        '    with:',
        '      tag: ${{ matrix.tag }}',
        '',
      ].join('\n'),
      '.github/workflows/build.yml': called(CALL_ONLY, [RUN_TAG]),
    })
    expect(out[0]!.split('\n').slice(3)).toEqual(['  .github/workflows/ci.yml:6:15 matrix value tag=ltsc2025', '  .github/workflows/ci.yml:9:12 passes tag=ltsc2025 on'])
  })
})
