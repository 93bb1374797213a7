// An Azure Pipelines step's `condition:` decides on which matrix legs its docker commands run.
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import type { Project } from '../../src/model/project.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

/** The linked project of a tree, as a lint run reads it. */
function link(files: Readonly<Record<string, string>>): Project {
  const root = tempDir('isolint-azure-condition-')
  writeTree(root, files)
  return lint({ root }).project
}

/** A job over a Linux and a Windows leg (`imageName`), one step `docker build app` under `condition`. */
function pipeline(condition: string, step = '- script: docker build app'): string {
  return [
    'parameters:',
    '  - name: os',
    '    default: windows',
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
    `      ${step}`,
    `        condition: ${condition}`,
    '      - powershell: docker run app:$(tag)',
    '',
  ].join('\n')
}

function hosts(text: string): string[] {
  const project = link({ 'azure-pipelines.yml': text, 'app/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo\n' })
  return project.executions.filter((e) => e.kind === 'build' && e.host).map((e) => e.host!.info.label)
}

describe("an Azure Pipelines step's condition", () => {
  it('builds only on the legs whose agent OS or matrix variable it asks for', () => {
    for (const condition of [
      "eq(variables['Agent.OS'], 'Windows_NT')",
      "and(succeeded(), eq(variables['agent.os'], 'windows_nt'))",
      "ne(variables['Agent.OS'], 'Linux')",
      "eq(variables.imageName, 'windows-2022')",
      "and(eq(variables['Build.Reason'], 'PullRequest'), eq(variables['Agent.OS'], 'Windows_NT'))",
      // A template expression is compiled first.
      "and(eq('${{ parameters.os }}', 'windows'), eq(variables['Agent.OS'], 'Windows_NT'))",
    ]) {
      expect(hosts(pipeline(condition)), condition).toEqual(['windows-2022'])
    }
  })

  it('builds on every leg when what it cannot decide is the same on every agent', () => {
    for (const condition of ['succeeded()', 'always()', "eq(variables['Build.Reason'], 'PullRequest')", "eq('${{ parameters.os }}', 'windows')"]) {
      expect(hosts(pipeline(condition)), condition).toEqual(['ubuntu-latest', 'windows-2022'])
    }
  })

  it('builds nowhere when the condition is false, or reads the agent in a part isolint cannot decide', () => {
    for (const condition of ['failed()', "eq('${{ parameters.os }}', 'linux')", "eq(variables['Agent.OSArchitecture'], 'X64')"]) {
      expect(hosts(pipeline(condition)), condition).toEqual([])
    }
  })

  it('reads the condition of a task step too', () => {
    const step = ['- task: Docker@2', '        inputs:', '          command: build', '          Dockerfile: app/Dockerfile'].join('\n')
    expect(hosts(pipeline("eq(variables['Agent.OS'], 'Windows_NT')", step))).toEqual(['windows-2022'])
  })

  it('keeps the variables a step that may run sets, and drops those of a step that does not', () => {
    const text = (condition: string) =>
      [
        'pool: { vmImage: windows-2022 }',
        'variables:',
        '  tag: ltsc2022',
        'steps:',
        '  - bash: echo "##vso[task.setvariable variable=tag]$(cat tag.txt)"',
        `    condition: ${condition}`,
        '  - powershell: docker run mcr.microsoft.com/windows/servercore:$(tag)',
        '',
      ].join('\n')
    const images = (t: string) => link({ 'azure-pipelines.yml': t }).executions.filter((e) => e.host).map((e) => e.image ?? 'unknown')
    expect(images(text("eq(variables['Agent.OS'], 'Linux')"))).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022'])
    expect(images(text("eq(variables['Agent.OSArchitecture'], 'X64')"))).toEqual(['unknown'])
  })
})
