// A script's own test of the OS (parsers/os-guards.ts) decides on which matrix legs its docker commands run, as a
// step's `if:` does; where isolint cannot decide it, the command's host is unknown, never every leg's.
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const DOCKERFILE = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo\n'

/** The host of each build of a tree, by label (`?` for none: unknown), in order. */
function builds(files: Readonly<Record<string, string>>): string[] {
  const root = tempDir('isolint-os-guards-')
  writeTree(root, { 'app/Dockerfile': DOCKERFILE, ...files })
  return lint({ root })
    .project.executions.filter((e) => e.kind === 'build')
    .map((e) => e.host?.info.label ?? '?')
}

/** A workflow job over a Linux and a Windows leg, with one step that runs `script` in `shell`. */
function workflow(script: string, shell = 'bash'): Record<string, string> {
  const run = script
    .split('\n')
    .map((l) => `          ${l}`)
    .join('\n')
  return {
    '.github/workflows/ci.yml': [
      'on: push',
      'jobs:',
      '  build:',
      '    strategy:',
      '      matrix:',
      '        os: [ubuntu-latest, windows-2022]',
      '    runs-on: ${{ matrix.os }}',
      '    steps:',
      `      - shell: ${shell}`,
      '        run: |',
      run,
      '',
    ].join('\n'),
  }
}

describe("a workflow step's script that tests the OS", () => {
  it('builds only on the legs where its branch runs', () => {
    expect(builds(workflow('if [ "$RUNNER_OS" = Windows ]; then\n  docker build app\nfi'))).toEqual(['windows-2022'])
    expect(builds(workflow('if ($IsLinux) { echo linux } else { docker build app }', 'pwsh'))).toEqual(['windows-2022'])
    expect(builds(workflow('if [ "${{ matrix.os }}" = windows-2022 ]; then docker build app; fi'))).toEqual(['windows-2022'])
    // Without a test: on every leg.
    expect(builds(workflow('docker build app'))).toEqual(['ubuntu-latest', 'windows-2022'])
  })

  it('leaves the host unknown where it cannot decide the test, or the function is never called', () => {
    // One build with no host for both legs (the same execution).
    expect(builds(workflow('if [[ "$RUNNER_OS" =~ ^Win ]]; then docker build app; fi'))).toEqual(['?'])
    expect(builds(workflow('build() {\n  docker build app\n}\necho nothing'))).toEqual(['?'])
  })

  it('takes a function called in a command substitution as called there, under its test', () => {
    const fn = 'build() {\n  docker build app\n}\n'
    // csi-proxy's `if ! output="$(create_container 2>&1)"`: the condition runs on every leg.
    expect(builds(workflow(`${fn}if ! out="$(build 2>&1)"; then exit 1; fi`))).toEqual(['ubuntu-latest', 'windows-2022'])
    expect(builds(workflow(`${fn}if [ "$RUNNER_OS" = Windows ]; then\n  out=$(build)\nfi`))).toEqual(['windows-2022'])
    expect(builds(workflow(`${fn}echo "$(build)"`))).toEqual(['ubuntu-latest', 'windows-2022'])
    expect(builds(workflow(`${fn}echo `+'`build`'+` done`))).toEqual(['ubuntu-latest', 'windows-2022'])
    // Another name in the substitution calls no function, nor does text in single quotes or after a closing backtick.
    expect(builds(workflow(`${fn}echo '$(build)' `+'`date` build'+``))).toEqual(['?'])
    expect(builds(workflow(`${fn}out=$(date)`))).toEqual(['?'])
  })

  it('runs the files it calls under the test only where it holds', () => {
    const files = { ...workflow('case "$(uname -s)" in\n  *NT*) ./ci/build.sh ;;\nesac'), 'ci/build.sh': '#!/bin/sh\ndocker build app\n' }
    expect(builds(files)).toEqual(['windows-2022'])
  })
})

describe('a script that tests a value the leg gives', () => {
  /** A job over two legs that give `target` a and b, with one bash step running `script`; `env`, the step's. */
  function legs(script: string, env: readonly string[] = ['T: ${{ matrix.target }}']): Record<string, string> {
    return {
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  build:',
        '    strategy:',
        '      matrix:',
        '        include:',
        '          - { target: a, os: windows-2022 }',
        '          - { target: b, os: windows-2025 }',
        '    runs-on: ${{ matrix.os }}',
        '    steps:',
        '      - shell: bash',
        '        run: |',
        ...script.split('\n').map((l) => `          ${l}`),
        '        env:',
        ...env.map((e) => `          ${e}`),
        '',
      ].join('\n'),
    }
  }
  const pick = '#!/usr/bin/env bash\nTARGET=${1:-}\ncase "$TARGET" in\n  a) docker build app ;;\n  *) echo usage; exit 1 ;;\nesac\n'

  it('builds only on the legs where the value is the one tested', () => {
    expect(builds(legs('if [ "$T" = a ]; then docker build app; fi'))).toEqual(['windows-2022'])
    expect(builds(legs('case "$T" in b) docker build app ;; esac'))).toEqual(['windows-2025'])
    expect(builds({ ...legs('./ci/build.sh ${{ matrix.target }}'), 'ci/build.sh': pick })).toEqual(['windows-2022'])
    expect(builds({ ...legs('./ci/build.sh "$T"'), 'ci/build.sh': pick })).toEqual(['windows-2022'])
    // Called with no argument: `${1:-}` is empty, on every leg.
    expect(builds({ ...legs('./ci/build.sh'), 'ci/build.sh': pick })).toEqual([])
    // A call under the test, and a test in the file it calls.
    expect(builds({ ...legs('[ "$T" = b ] && ./ci/build.sh a'), 'ci/build.sh': pick })).toEqual(['windows-2025'])
    // The call's test reads the caller's T, not the one the file it calls sets.
    expect(builds({ ...legs('[ "$T" = a ] && ./ci/build.sh'), 'ci/build.sh': 'T=a\ndocker build app\n' })).toEqual(['windows-2022'])
    const inner = { 'ci/build.sh': 'if [ "$1" = a ]; then ./ci/inner.sh; fi\n', 'ci/inner.sh': 'docker build app\n' }
    expect(builds({ ...legs('./ci/build.sh ${{ matrix.target }}'), ...inner })).toEqual(['windows-2022'])
  })

  it('keeps the build on every leg where the value is not certain', () => {
    const both = ['windows-2022', 'windows-2025']
    expect(builds(legs('if [ "$T" = a ]; then docker build app; fi', ['T: ${{ secrets.T }}']))).toEqual(both)
    expect(builds(legs('T=$(cat t)\nif [ "$T" = a ]; then docker build app; fi'))).toEqual(both)
    // An argument the shell may split or drop comes before: which one is `$1` is not certain.
    expect(builds({ ...legs('./ci/build.sh $FLAGS ${{ matrix.target }}', ['FLAGS: ""']), 'ci/build.sh': pick })).toEqual(both)
    expect(builds({ ...legs('./ci/build.sh "$@"'), 'ci/build.sh': pick })).toEqual(both)
    // A file sourced without arguments reads its caller's.
    expect(builds({ ...legs('. ./ci/build.sh'), 'ci/build.sh': pick })).toEqual(both)
    // A name the Makefile may export: what the recipe reads is not the step's.
    const make = 'export T = b\nimage:\n\tif [ "$$T" = a ]; then docker build app; fi\n'
    expect(builds({ ...legs('make image'), Makefile: make })).toEqual(both)
    expect(builds({ ...legs('make image'), Makefile: make.replace('export T = b\n', '') })).toEqual(['windows-2022'])
  })
})

describe("an Azure Pipelines step's script that tests the OS", () => {
  it("reads the agent's OS: AGENT_OS and $(Agent.OS)", () => {
    const pipeline = (script: string): Record<string, string> => ({
      'azure-pipelines.yml': [
        'jobs:',
        '  - job: build',
        '    strategy:',
        '      matrix:',
        '        linux:',
        '          imageName: ubuntu-latest',
        '        windows:',
        '          imageName: windows-2022',
        '    pool:',
        '      vmImage: $(imageName)',
        '    steps:',
        `      - bash: ${script}`,
        '',
      ].join('\n'),
    })
    expect(builds(pipeline('if [ "$AGENT_OS" = Windows_NT ]; then docker build app; fi'))).toEqual(['windows-2022'])
    expect(builds(pipeline('if [ "$(Agent.OS)" != Linux ]; then docker build app; fi'))).toEqual(['windows-2022'])
    // GitHub's RUNNER_OS is not set on an agent: unknown.
    expect(builds(pipeline('if [ "$RUNNER_OS" = Windows ]; then docker build app; fi'))).toEqual(['?'])
  })

  it('reads a value the leg gives: a matrix variable in the environment', () => {
    const pipeline = (script: string): Record<string, string> => ({
      'azure-pipelines.yml': [
        'jobs:',
        '  - job: build',
        '    strategy:',
        '      matrix:',
        '        a:',
        '          imageName: windows-2022',
        '          target: a',
        '        b:',
        '          imageName: windows-2025',
        '          target: b',
        '    pool:',
        '      vmImage: $(imageName)',
        '    steps:',
        `      - bash: ${script}`,
        '',
      ].join('\n'),
    })
    expect(builds(pipeline('if [ "$TARGET" = a ]; then docker build app; fi'))).toEqual(['windows-2022'])
    expect(builds(pipeline('if [ "$OTHER" = a ]; then docker build app; fi'))).toEqual(['windows-2022', 'windows-2025'])
  })
})
