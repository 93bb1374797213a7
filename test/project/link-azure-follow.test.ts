// Azure Pipelines steps follow the files they run, as workflow steps do (follow.ts): the script files of a script step
// (`./build.sh`, `& ./build.ps1`, `call build.cmd`, in the step's shell; `script:` is cmd on Windows agents), `make`,
// and the file of a `Bash@3` / `PowerShell@2` task (`filePath`, from the repository root, run in its `workingDirectory`
// with its `arguments`; `AzureCLI@2`'s `scriptPath`, `AzurePowerShell@5`'s `ScriptPath` alike). A path or a folder
// isolint cannot know reads nothing.
import { afterAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/core/finding.js'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'
const PIPELINE = 'azure-pipelines.yml'
const HOST = 'azure-pipelines.yml:1:18-1:30 runs on windows-2022 (Windows build 20348)'

const at = (s: Finding['span']): string => `${s.file}:${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`

/** The findings of a tree, each as `rule file:line:col-line:col`, then its related notes. */
function findings(files: Readonly<Record<string, string>>): string[][] {
  const root = tempDir('isolint-azure-follow-')
  writeTree(root, files)
  return lint({ root }).findings.map((f) => [`${f.ruleId} ${at(f.span)}`, ...f.related.map((r) => `${at(r.span)} ${r.message}`)])
}

/** The images a tree's containers run on a host, as `file:line image` (unknown when isolint cannot know it). */
function images(files: Readonly<Record<string, string>>): string[] {
  const root = tempDir('isolint-azure-follow-')
  writeTree(root, files)
  return lint({ root })
    .project.executions.filter((e) => e.host !== undefined)
    .map((e) => `${e.span.file}:${e.span.start.line} ${e.image ?? 'unknown'}`)
}

/** A pipeline on `windows-2022` (line 1), its variables (from line 3) and its steps as YAML lines under `steps:`. */
function pipeline(steps: readonly string[], variables: readonly string[] = [], pool = 'vmImage: windows-2022'): string {
  return [`pool: { ${pool} }`, ...(variables.length > 0 ? ['variables:', ...variables.map((v) => `  ${v}`)] : []), 'steps:', ...steps.map((s) => `  ${s}`), ''].join('\n')
}

/** A Dockerfile of ltsc2019, which process isolation cannot run on windows-2022. */
const LTSC2019 = `FROM ${SERVERCORE}ltsc2019\nRUN echo\n`
const PROCESS_BUILD = 'docker build --isolation=process -t app .'

describe('a script step runs a script file', () => {
  it('follows `- bash: ./build.sh` into the script: its build, with the step that runs it on the chain', () => {
    expect(findings({ [PIPELINE]: pipeline(['- bash: ./build.sh']), 'build.sh': `#!/bin/sh\nset -e\n${PROCESS_BUILD}\n`, Dockerfile: LTSC2019 })).toEqual([
      [
        'process-isolation-build-mismatch Dockerfile:1:6-1:51',
        HOST,
        'build.sh:3:1-3:42 built here',
        'Dockerfile:2:1-2:9 RUN starts a container from this image',
        'azure-pipelines.yml:3:11-3:21 runs build.sh',
      ],
    ])
  })

  it('reads the script in the shell of the step: & ./x.ps1 in PowerShell, call x.cmd in a script step on Windows (cmd)', () => {
    const files = { Dockerfile: LTSC2019, 'ci/build.ps1': `${PROCESS_BUILD}\n`, 'ci/build.cmd': `@echo off\n${PROCESS_BUILD}\n` }
    for (const step of ['- pwsh: "& ./ci/build.ps1"', '- powershell: ./ci/build.ps1', '- script: call ci\\build.cmd', '- script: ci\\build.cmd']) {
      const file = step.includes('.ps1') ? 'ci/build.ps1' : 'ci/build.cmd'
      expect(findings({ [PIPELINE]: pipeline([step]), ...files }).map((f) => [f[0], f[2]]), step).toEqual([
        ['process-isolation-build-mismatch Dockerfile:1:6-1:51', `${file}:${file.endsWith('.cmd') ? 2 : 1}:1-${file.endsWith('.cmd') ? 2 : 1}:42 built here`],
      ])
    }
    // `script:` is bash on a Linux agent, where `ci\build.cmd` is the file `cibuild.cmd`.
    expect(images({ [PIPELINE]: pipeline(['- script: ci\\build.cmd'], [], 'vmImage: ubuntu-latest'), ...files })).toEqual([])
  })

  it('notes the templates that led to the step before the file it runs', () => {
    const files = {
      [PIPELINE]: pipeline(['- template: ci/steps.yml']),
      'ci/steps.yml': ['steps:', '  - bash: ./build.sh', ''].join('\n'),
      'build.sh': `${PROCESS_BUILD}\n`,
      Dockerfile: LTSC2019,
    }
    expect(findings(files).map((f) => f.slice(-2))).toEqual([['azure-pipelines.yml:3:15-3:27 includes ci/steps.yml', 'ci/steps.yml:2:11-2:21 runs build.sh']])
  })

  it('reads the variables a script reads from the environment the agent exports (TAG for tag), and the step env', () => {
    const script = { 'build.sh': `docker run ${SERVERCORE}$TAG cmd\ndocker run ${SERVERCORE}\${OTHER:-ltsc2022} cmd\n` }
    expect(images({ [PIPELINE]: pipeline(['- bash: ./build.sh'], ['tag: ltsc2025']), ...script })).toEqual([
      `build.sh:1 ${SERVERCORE}ltsc2025`,
      `build.sh:2 ${SERVERCORE}ltsc2022`,
    ])
    expect(images({ [PIPELINE]: pipeline(['- bash: ./build.sh', '  env:', '    OTHER: ltsc2019', '    TAG: $(tag)'], ['tag: ltsc2025']), ...script })).toEqual([
      `build.sh:1 ${SERVERCORE}ltsc2025`,
      `build.sh:2 ${SERVERCORE}ltsc2019`,
    ])
  })

  it('passes the words of the step on as the script reads them: macros expanded, a name the step assigns unknown', () => {
    const files = { 'build.sh': `docker run ${SERVERCORE}\${1:-ltsc2022} cmd\n` }
    const step = (script: string): Record<string, string> => ({ [PIPELINE]: pipeline([`- bash: ${script}`], ['tag: ltsc2025']), ...files })
    expect(images(step('./build.sh $(tag)'))).toEqual([`build.sh:1 ${SERVERCORE}ltsc2025`])
    expect(images(step('./build.sh'))).toEqual([`build.sh:1 ${SERVERCORE}ltsc2022`])
    expect(images(step('TAG=ltsc2019; ./build.sh "$TAG"'))).toEqual([`build.sh:1 unknown`])
    // A macro whose text the shell splits into several words: which argument gets what is unknown.
    const split = { [PIPELINE]: pipeline(['- bash: ./build.sh $(args)'], ['args: ltsc2025 --pull']), ...files }
    expect(images(split)).toEqual([`build.sh:1 unknown`])
    // The finding points at the image in the script, and notes the step that runs it.
    expect(findings(step('./build.sh $(tag)'))).toEqual([
      [
        'image-newer-than-host build.sh:1:12-1:63',
        HOST,
        'azure-pipelines.yml:5:11-5:28 runs build.sh',
      ],
    ])
  })

  it('expands no macro nor template expression in a file: Azure expands them in the pipeline only', () => {
    const files = { 'build.sh': `docker run ${SERVERCORE}$(tag) cmd\ndocker run "${SERVERCORE}\${{ variables.tag }}" cmd\n` }
    expect(images({ [PIPELINE]: pipeline(['- bash: ./build.sh'], ['tag: ltsc2025']), ...files })).toEqual([`build.sh:1 unknown`, `build.sh:2 unknown`])
  })

  it('notes where the script sets a name its image reads to a value isolint cannot know, as in a workflow', () => {
    const files = { 'build.sh': `TAG=$(cat release.txt)\ndocker run ${SERVERCORE}$TAG cmd\n` }
    expect(findings({ [PIPELINE]: pipeline(['- bash: ./build.sh']), ...files })).toEqual([
      [
        'unknown-image-build build.sh:2:12-2:53',
        HOST,
        'build.sh:1:5-1:23 TAG=$(cat release.txt) is set here',
        'azure-pipelines.yml:3:11-3:21 runs build.sh',
      ],
    ])
  })

  it('reads a script named from the repository root in a step that starts there; elsewhere the path is unknown', () => {
    const files = { 'build.sh': `${PROCESS_BUILD}\n`, Dockerfile: LTSC2019, 'app/build.sh': `docker run ${SERVERCORE}ltsc2022 cmd\n` }
    for (const script of ['$(Build.SourcesDirectory)/build.sh', 'bash $(System.DefaultWorkingDirectory)/build.sh']) {
      expect(images({ [PIPELINE]: pipeline([`- bash: ${script}`]), ...files }), script).toEqual([`Dockerfile:1 ${SERVERCORE}ltsc2019`])
      expect(images({ [PIPELINE]: pipeline([`- bash: ${script}`, '  workingDirectory: $(Build.SourcesDirectory)']), ...files }), script).toEqual([`Dockerfile:1 ${SERVERCORE}ltsc2019`])
      // In a working directory, or after a cd: not `app/build.sh`, not the root's (the path is the macro's, unknown).
      expect(images({ [PIPELINE]: pipeline([`- bash: ${script}`, '  workingDirectory: app']), ...files }), script).toEqual([])
      expect(images({ [PIPELINE]: pipeline([`- bash: cd app && ${script}`]), ...files }), script).toEqual([])
    }
  })
})

describe('a task runs a script file', () => {
  const BUILD_PS1 = "param([string]$Release = 'ltsc2022')\ndocker build --build-arg TAG=$Release .\n"
  const APP = { 'app/Dockerfile': `ARG TAG\nFROM ${SERVERCORE}$TAG\nRUN echo\n` }

  it('follows PowerShell@2 filePath (from the root) with its arguments, its commands in workingDirectory', () => {
    const files = {
      [PIPELINE]: pipeline(['- task: PowerShell@2', '  inputs:', '    filePath: ci/build.ps1', '    arguments: -Release $(tag)', '    workingDirectory: app'], ['tag: ltsc2025']),
      'ci/build.ps1': BUILD_PS1,
      // Not the file: filePath is relative to the root, not to the working directory.
      'app/ci/build.ps1': `docker run ${SERVERCORE}ltsc2019 cmd\n`,
      ...APP,
    }
    expect(findings(files)).toEqual([
      [
        'image-newer-than-host azure-pipelines.yml:3:8-3:16',
        HOST,
        'ci/build.ps1:2:1-2:40 built here',
        'app/Dockerfile:2:6-2:47 base image of this stage',
        'app/Dockerfile:3:1-3:9 RUN starts a container from this image',
        'azure-pipelines.yml:7:17-8:33 runs ci/build.ps1',
        'azure-pipelines.yml:8:27-8:33 passes Release=ltsc2025 on',
      ],
    ])
    // Without arguments, the default of the parameter; with targetType filePath written, and the root's path.
    const task = (inputs: string[]): Record<string, string> => ({ ...files, [PIPELINE]: pipeline(['- task: PowerShell@2', '  inputs:', ...inputs.map((i) => `    ${i}`)]) })
    expect(images(task(['targetType: filePath', 'filePath: $(Build.SourcesDirectory)/ci/build.ps1', 'workingDirectory: app']))).toEqual([`ci/build.ps1:1 ${SERVERCORE}ltsc2022`])
  })

  it('follows Bash@3 filePath, and reads its file, not the script input, when the type is filePath', () => {
    const files = {
      [PIPELINE]: pipeline(['- task: Bash@3', '  inputs:', '    filePath: ci/build.sh', '    arguments: ltsc2025', `    script: docker run ${SERVERCORE}ltsc2019 cmd`]),
      'ci/build.sh': `docker run ${SERVERCORE}\${1:-ltsc2022} cmd\n`,
    }
    expect(images(files)).toEqual([`ci/build.sh:1 ${SERVERCORE}ltsc2025`])
    // `arguments` written above `filePath`: the note of the call spans both, from the first.
    const reordered = { ...files, [PIPELINE]: pipeline(['- task: Bash@3', '  inputs:', '    arguments: ltsc2025', '    filePath: ci/build.sh']) }
    expect(findings(reordered)).toEqual([['image-newer-than-host ci/build.sh:1:12-1:63', HOST, 'azure-pipelines.yml:5:18-6:28 runs ci/build.sh']])
  })

  it('reads an inline script task in its workingDirectory input', () => {
    const files = {
      [PIPELINE]: pipeline(['- task: CmdLine@2', '  inputs:', `    script: ${PROCESS_BUILD}`, '    workingDirectory: app']),
      Dockerfile: `FROM ${SERVERCORE}ltsc2022\nRUN echo\n`,
      'app/Dockerfile': LTSC2019,
    }
    expect(images(files)).toEqual([`app/Dockerfile:1 ${SERVERCORE}ltsc2019`])
  })
})

describe('the Azure tasks that sign in and run a script', () => {
  const BUILD = { Dockerfile: LTSC2019 }
  const cli = (type: string, more: readonly string[], pool?: string): string =>
    pipeline(['- task: AzureCLI@2', '  inputs:', '    azureSubscription: contoso', `    scriptType: ${type}`, ...more.map((l) => `    ${l}`)], [], pool)
  const inline = (type: string, pool?: string): string => cli(type, ['scriptLocation: inlineScript', `inlineScript: ${PROCESS_BUILD}`], pool)

  it('reads the inline script of AzureCLI@2 in each scriptType (ps, pscore, bash, batch) on a Windows agent', () => {
    for (const type of ['ps', 'pscore', 'bash', 'batch']) {
      expect(findings({ [PIPELINE]: inline(type), ...BUILD }).map((f) => f.slice(0, 3)), type).toEqual([
        ['process-isolation-build-mismatch Dockerfile:1:6-1:51', HOST, 'azure-pipelines.yml:8:21-8:62 built here'],
      ])
    }
    // A batch script runs on Windows agents only; bash on Linux ones.
    expect(images({ [PIPELINE]: inline('batch', 'vmImage: ubuntu-24.04'), ...BUILD })).toEqual([])
    expect(images({ [PIPELINE]: inline('bash', 'vmImage: ubuntu-24.04'), ...BUILD })).toEqual([`Dockerfile:1 ${SERVERCORE}ltsc2019`])
    // Nor the files it runs.
    const calls = (pool?: string): Record<string, string> => ({
      [PIPELINE]: cli('batch', ['scriptLocation: inlineScript', 'inlineScript: call ci\\build.cmd'], pool),
      'ci/build.cmd': `docker run ${SERVERCORE}ltsc2019 cmd\n`,
    })
    expect(images(calls())).toEqual([`ci/build.cmd:1 ${SERVERCORE}ltsc2019`])
    expect(images(calls('vmImage: ubuntu-24.04'))).toEqual([])
  })

  it('follows the scriptPath of AzureCLI@2 from the root, in its cwd, with the arguments the task passes', () => {
    const files = {
      'ci/build.sh': `docker run ${SERVERCORE}\${1:-ltsc2022} cmd\n`,
      'ci/build.cmd': `docker run ${SERVERCORE}%1 cmd\n`,
      'ci/build.ps1': `param([string]$Release = 'ltsc2022')\ndocker run ${SERVERCORE}$Release cmd\n`,
      'app/ci/build.sh': `docker run ${SERVERCORE}ltsc2019 cmd\n`,
    }
    const run = (type: string, more: readonly string[]): string[] => images({ [PIPELINE]: cli(type, more), ...files })
    expect(run('bash', ['scriptPath: ci/build.sh', 'arguments: ltsc2025', 'workingDirectory: app'])).toEqual([`ci/build.sh:1 ${SERVERCORE}ltsc2025`])
    expect(run('batch', ['scriptLocation: scriptPath', 'scriptPath: ci/build.cmd', 'scriptArguments: ltsc2025'])).toEqual([`ci/build.cmd:1 ${SERVERCORE}ltsc2025`])
    // A batch file runs on Windows agents only.
    expect(images({ [PIPELINE]: cli('batch', ['scriptPath: ci/build.cmd'], 'vmImage: ubuntu-24.04'), ...files })).toEqual([])
    expect(run('ps', ['scriptPath: $(Build.SourcesDirectory)/ci/build.ps1', 'arguments: -Release ltsc2025'])).toEqual([`ci/build.ps1:2 ${SERVERCORE}ltsc2025`])
    expect(run('pscore', ['scriptPath: ci/build.ps1', 'cwd: app'])).toEqual([`ci/build.ps1:2 ${SERVERCORE}ltsc2022`])
    // A file of another type than the task runs (it fails), arguments the task splits otherwise than a shell: unknown.
    expect(run('bash', ['scriptPath: ci/build.ps1'])).toEqual([])
    expect(run('batch', ['scriptPath: ci/build.sh'])).toEqual([])
    expect(run('bash', ['scriptPath: ci/build.sh', "arguments: \"'ltsc2025'\""])).toEqual([])
  })

  it('reads AzureCLI@1 inline as a script step (cmd on Windows, bash elsewhere), not its file', () => {
    const v1 = (more: readonly string[], pool?: string): string => pipeline(['- task: AzureCLI@1', '  inputs:', '    azureSubscription: contoso', ...more.map((l) => `    ${l}`)], [], pool)
    const script = ['scriptLocation: inlineScript', 'inlineScript: call ci\\build.cmd']
    const files = { 'ci/build.cmd': `docker run ${SERVERCORE}ltsc2019 cmd\n`, 'build.sh': `docker run ${SERVERCORE}ltsc2019 cmd\n` }
    expect(images({ [PIPELINE]: v1(script), ...files })).toEqual([`ci/build.cmd:1 ${SERVERCORE}ltsc2019`])
    expect(images({ [PIPELINE]: v1(script, 'vmImage: ubuntu-24.04'), ...files })).toEqual([])
    expect(images({ [PIPELINE]: v1(['scriptPath: build.sh']), ...files })).toEqual([])
  })

  it('reads AzurePowerShell@5 inline or its ScriptPath (the default type) with ScriptArguments', () => {
    const azps = (more: readonly string[]): string => pipeline(['- task: AzurePowerShell@5', '  inputs:', '    azureSubscription: contoso', '    azurePowerShellVersion: LatestVersion', ...more.map((l) => `    ${l}`)])
    const files = { ...BUILD, 'ci/build.ps1': `param([string]$Release = 'ltsc2022')\ndocker run ${SERVERCORE}$Release cmd\n`, 'ci/build.sh': `docker run ${SERVERCORE}ltsc2019 cmd\n` }
    expect(images({ [PIPELINE]: azps(['ScriptType: InlineScript', `Inline: ${PROCESS_BUILD}`]), ...files })).toEqual([`Dockerfile:1 ${SERVERCORE}ltsc2019`])
    expect(images({ [PIPELINE]: azps(['ScriptPath: ci/build.ps1', 'ScriptArguments: -Release ltsc2025']), ...files })).toEqual([`ci/build.ps1:2 ${SERVERCORE}ltsc2025`])
    // Not a PowerShell script: the task refuses it.
    expect(images({ [PIPELINE]: azps(['ScriptType: FilePath', 'ScriptPath: ci/build.sh']), ...files })).toEqual([])
  })
})

describe('a file isolint cannot know or find', () => {
  it('reads nothing for a path with a variable it has no value for, nor for a missing file, without a crash', () => {
    const known = '- bash: ./build.sh'
    const files = { 'build.sh': `${PROCESS_BUILD}\n`, Dockerfile: LTSC2019, 'other.sh': `docker run ${SERVERCORE}ltsc2025 cmd\n`, 'other.ps1': `docker run ${SERVERCORE}ltsc2025 cmd\n`, 'other.cmd': `docker run ${SERVERCORE}ltsc2025 cmd\n` }
    const unknown = [
      '- bash: $(scripts)/other.sh',
      '- bash: "$SCRIPTS/other.sh"',
      '- pwsh: "& $env:SCRIPTS/other.ps1"',
      '- script: call %SCRIPTS%\\other.cmd',
      '- bash: ./missing.sh',
      '- task: PowerShell@2',
      '  inputs: { filePath: $(Agent.TempDirectory)/other.ps1 }',
      '- task: PowerShell@2',
      '  inputs: { filePath: missing.ps1, arguments: -Release ltsc2025 }',
      '- task: PowerShell@2',
      "  inputs: { filePath: other.ps1, targetType: '${{ parameters.type }}' }",
      '- task: Bash@3',
      '  inputs: { filePath: other.sh, workingDirectory: $(dir) }',
      '- task: Bash@3',
      '  inputs: { filePath: other.sh, arguments: [a, b] }',
      '- task: Bash@3',
      "  inputs: { filePath: other.sh, arguments: '; ./other.sh' }",
    ]
    // Only the script the first step runs gives a finding.
    expect(findings({ [PIPELINE]: pipeline([known, ...unknown]), ...files }).map((f) => f[0])).toEqual(['process-isolation-build-mismatch Dockerfile:1:6-1:51'])
  })
})

describe('make from an Azure step', () => {
  it('follows `make image` into the recipe, with the variables the agent exports', () => {
    const files = {
      [PIPELINE]: pipeline(['- script: make image'], ['tag: ltsc2025']),
      Makefile: 'TAG ?= ltsc2022\nimage:\n\tdocker run mcr.microsoft.com/windows/servercore:$(TAG) cmd\n',
    }
    expect(findings(files)).toEqual([
      [
        'image-newer-than-host Makefile:3:13-3:56',
        HOST,
        'azure-pipelines.yml:5:13-5:23 make image runs the recipe of image (Makefile)',
      ],
    ])
    expect(images({ ...files, [PIPELINE]: pipeline(['- script: make image']) })).toEqual([`Makefile:3 ${SERVERCORE}ltsc2022`])
  })
})

describe('variables a file a step runs sets', () => {
  it('leaves a variable a followed file sets with ##vso[task.setvariable] unknown to the steps after', () => {
    const run = `- script: docker run ${SERVERCORE}$(tag) cmd`
    const files = (script: string): Record<string, string> => ({ [PIPELINE]: pipeline(['- bash: ./set.sh', run], ['tag: ltsc2019']), 'set.sh': script })
    expect(images(files('echo "##vso[task.setvariable variable=tag]ltsc2022"\n'))).toEqual(['azure-pipelines.yml:6 unknown'])
    // Through a script it runs, or a name it cannot read (every variable then).
    expect(images({ ...files('./ci/set.sh\n'), 'ci/set.sh': 'echo "##vso[task.setvariable variable=TAG]ltsc2022"\n' })).toEqual(['azure-pipelines.yml:6 unknown'])
    expect(images(files('echo "##vso[task.setvariable variable=$1]ltsc2022"\n'))).toEqual(['azure-pipelines.yml:6 unknown'])
    // Another name: the pipeline's value.
    expect(images(files('echo "##vso[task.setvariable variable=other]x"\n'))).toEqual([`azure-pipelines.yml:6 ${SERVERCORE}ltsc2019`])
  })

  it('reads a file a command string runs (bash -c, pwsh -Command, cmd /c) as one the step runs itself', () => {
    const run = `- script: docker run ${SERVERCORE}$(tag) cmd`
    const sets = (name: string): Record<string, string> => ({ 'set.sh': `echo "##vso[task.setvariable variable=${name}]ltsc2022"\n`, 'set.ps1': `Write-Host "##vso[task.setvariable variable=${name}]ltsc2022"\n`, 'set.cmd': `echo ##vso[task.setvariable variable=${name}]ltsc2022\n` })
    for (const step of ["- bash: bash -c './set.sh'", '- pwsh: pwsh -NoProfile -Command "& ./set.ps1"', '- script: cmd /c "call set.cmd"']) {
      const tree = (files: Record<string, string>): Record<string, string> => ({ [PIPELINE]: pipeline([step, run], ['tag: ltsc2019']), ...files })
      expect(images(tree(sets('tag'))), step).toEqual(['azure-pipelines.yml:6 unknown'])
      expect(images(tree(sets('other'))), step).toEqual([`azure-pipelines.yml:6 ${SERVERCORE}ltsc2019`])
      // Missing: it may set any variable.
      expect(images(tree({})), step).toEqual(['azure-pipelines.yml:6 unknown'])
    }
  })
})

describe('a script an Azure Pipelines step runs that isolint cannot read', () => {
  it('leaves the variables of the later steps unknown (it may set any with ##vso[task.setvariable])', () => {
    const tree = (script: Record<string, string>) => ({
      [PIPELINE]: pipeline(['- bash: ./gen-vars.sh', '- powershell: docker run mcr.microsoft.com/windows/servercore:$(tag) cmd'], ['tag: ltsc2019']),
      ...script,
    })
    // Missing: the image is unknown.
    expect(images(tree({}))).toEqual([`${PIPELINE}:6 unknown`])
    // Read, and setting nothing: the pipeline's value.
    expect(images(tree({ 'gen-vars.sh': 'echo hi\n' }))).toEqual([`${PIPELINE}:6 ${SERVERCORE}ltsc2019`])
  })
})
