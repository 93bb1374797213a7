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
})
