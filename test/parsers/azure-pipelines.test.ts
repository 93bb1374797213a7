import { describe, expect, it } from 'vitest'
import type { Span } from '../../src/core/span.js'
import type { AzureJob, AzurePipelinesModel } from '../../src/model/azure-pipelines.js'
import type { DockerBuildCommand, DockerComposeCommand, Step } from '../../src/model/workflow.js'
import { macroText, showMacros } from '../../src/core/macro-text.js'
import { looksLikeAzurePipelines, parseAzurePipelines, rewriteMacros, stripSourceRoot, type AzureParsedStep } from '../../src/parsers/azure-pipelines.js'

function at(s: Span | undefined): number[] {
  return s ? [s.start.line, s.start.column] : []
}

function parse(text: string): AzurePipelinesModel {
  const r = parseAzurePipelines('azure-pipelines.yml', text)
  expect(r.problems).toEqual([])
  return r.model!
}

function steps(m: AzurePipelinesModel): Step[] {
  return m.steps.flatMap((s) => ('step' in s ? [s.step] : []))
}

function job(m: AzurePipelinesModel, i = 0): AzureJob {
  const item = m.jobs[i]
  if (!item || !('job' in item)) throw new Error('no job')
  return item.job
}

describe('parseAzurePipelines', () => {
  it('reads pools, variables in map and list form, and parameters with defaults', () => {
    const m = parse(`parameters:
  - name: image
    default: windows-2022
  - name: none
variables:
  a: '1'
pool:
  vmImage: \${{ parameters.image }}
jobs:
  - job: build
    pool: SelfHosted
    variables:
      - name: b
        value: '2'
      - template: vars.yml
        parameters: { x: y }
      - group: secrets
    steps: []
`)
    expect([...m.parameters]).toEqual([['image', 'windows-2022'], ['none', undefined]])
    expect(m.variables.entries.map((v) => ('name' in v ? [v.name, v.value] : v))).toEqual([['a', '1']])
    expect(m.pool?.vmImage?.value).toBe('${{ parameters.image }}')
    const j = job(m)
    expect(j.pool?.name?.value).toBe('SelfHosted')
    // In the order written: a later entry overrides an earlier one. A variable group is kept in its place (its
    // variables are not in the files: the linker makes those it may set unknown).
    expect(
      j.variables.entries.map((v) => ('name' in v ? [v.name, v.value] : 'group' in v ? ['group', v.group, v.span.start.line] : [v.template.path.value, [...v.template.parameters]])),
    ).toEqual([['b', '2'], ['vars.yml', [['x', 'y']]], ['group', 'secrets', 17]])
  })

  it('reads stages, job and step templates, deployment jobs and the matrix', () => {
    const m = parse(`stages:
  - stage: s
    jobs:
      - template: jobs.yml
        parameters: { vmImage: windows-2025 }
      - deployment: ship
        environment: { name: production }
        strategy:
          runOnce:
            deploy:
              steps:
                - template: steps.yml
                - script: docker run img:1
      - job: m
        strategy:
          matrix:
            a: { v: '1' }
            b: { v: '2' }
        steps: []
  - template: stages.yml
`)
    expect(m.stages).toHaveLength(2)
    const stage = m.stages[0]!
    if (!('stage' in stage)) throw new Error('no stage')
    const [tpl, ship, matrix] = stage.stage.jobs
    expect(tpl && 'template' in tpl && tpl.template.parameters.get('vmImage')).toBe('windows-2025')
    if (!ship || !('job' in ship) || !matrix || !('job' in matrix)) throw new Error('no jobs')
    expect(ship.job.environment?.value).toBe('production')
    expect(ship.job.steps.map((s) => ('template' in s ? 'template' : 'step'))).toEqual(['template', 'step'])
    expect(matrix.job.matrix?.map((l) => [l.name, l.values.get('v')?.value])).toEqual([['a', '1'], ['b', '2']])
  })

  it('finds docker commands in script, bash, powershell and pwsh steps and the script tasks, at their exact place', () => {
    const m = parse(`steps:
  - script: docker build -t app:$(tag) .
  - bash: docker run --isolation=process img:1
  - powershell: docker pull img:2
  - pwsh: |
      docker build \`
        -f win.Dockerfile .
  - task: PowerShell@2
    inputs:
      targetType: inline
      script: docker run img:3
  - task: CmdLine@2
    inputs:
      script: docker run img:4
`)
    const s = steps(m)
    expect(s.map((x) => x.commands.map((c) => c.type))).toEqual([['build'], ['run'], ['pull'], ['build'], ['run'], ['run']])
    // `script` is cmd on Windows agents and bash elsewhere: both readings are kept.
    expect(s[0]!.commandsByDialect?.powershell.map((c) => c.type)).toEqual(['build'])
    const build = s[0]!.commands[0] as DockerBuildCommand
    expect(build.tags[0]?.value).toBe(`app:${macroText('tag')}`)
    expect(at(build.tags[0]?.span)).toEqual([2, 29])
    expect((s[3]!.commands[0] as DockerBuildCommand).file?.value).toBe('win.Dockerfile')
  })

  it('reads the script of AzureCLI@2 in the shell of its scriptType, AzureCLI@1 as a script step, AzurePowerShell@5 in PowerShell', () => {
    const cli = (type: string, more: string[] = []): string =>
      ['  - task: AzureCLI@2', '    inputs:', '      azureSubscription: sub', `      scriptType: ${type}`, '      scriptLocation: inlineScript', ...more.map((l) => `      ${l}`), '      inlineScript: docker run img:1'].join('\n')
    const m = parse(`steps:
${cli('ps')}
${cli('pscore', ['cwd: app'])}
${cli('bash', ['workingDirectory: app'])}
${cli('batch')}
${cli('Bash')}
${cli("'${{ parameters.type }}'")}
  - task: AzureCLI@2
    inputs: { scriptType: bash, inlineScript: docker run img:1 }
  - task: AzureCLI@1
    inputs: { scriptLocation: inlineScript, inlineScript: docker run img:1 }
  - task: AzurePowerShell@5
    inputs: { ScriptType: InlineScript, Inline: docker run img:1, workingDirectory: app }
  - task: AzurePowerShell@5
    inputs: { ScriptType: '\${{ parameters.type }}', Inline: docker run img:1 }
`)
    const s = steps(m)
    expect(s.map((x) => [x.shell, x.commands.length, x.workingDirectory])).toEqual([
      ['powershell', 1, undefined],
      ['pwsh', 1, 'app'],
      ['bash', 1, 'app'],
      ['cmd', 1, undefined],
      // The task's switch is case-sensitive (`Bash` runs as batch): a value isolint cannot be sure of, no script.
      [undefined, 0, undefined],
      [undefined, 0, undefined],
      // No scriptLocation: `scriptPath`, its default; the inline script does not run.
      [undefined, 0, undefined],
      [undefined, 1, undefined],
      ['powershell', 1, 'app'],
      [undefined, 0, undefined],
    ])
    // A batch script runs on Windows only; AzureCLI@1 as cmd on Windows, bash elsewhere.
    expect(s[3]!.commandsByDialect?.posix).toEqual([])
    expect(s[3]!.commandsByDialect?.powershell.map((c) => c.type)).toEqual(['run'])
    expect(s[7]!.commandsByDialect?.posix.map((c) => c.type)).toEqual(['run'])
    expect(s[7]!.commandsByDialect?.powershell.map((c) => c.type)).toEqual(['run'])
    expect(at(s[0]!.commands[0]!.span)).toEqual([7, 21])
  })

  it('reads the file an Azure CLI or Azure PowerShell task runs, with the arguments the task splits itself', () => {
    const m = parse(`steps:
  - task: AzureCLI@2
    inputs:
      scriptType: bash
      scriptPath: $(Build.SourcesDirectory)/ci/build.sh
      arguments: ltsc2025 "two words" $(tag)
  - task: AzureCLI@2
    inputs:
      scriptType: batch
      scriptLocation: scriptPath
      scriptPath: ci/build.cmd
      scriptArguments: ltsc2025
  - task: AzureCLI@2
    inputs: { scriptType: pscore, scriptPath: ci/build.ps1, arguments: "-Release '$(tag)'" }
  - task: AzureCLI@2
    inputs: { scriptType: bash, scriptPath: ci/build.sh, arguments: "'ltsc2025'" }
  - task: AzureCLI@2
    inputs: { scriptType: batch, scriptPath: ci/build.cmd, arguments: "%TAG%" }
  - task: AzurePowerShell@5
    inputs: { ScriptPath: ci/build.ps1, ScriptArguments: -Release ltsc2025 }
  - task: AzureCLI@1
    inputs: { scriptPath: ci/build.sh }
`)
    const s = steps(m) as AzureParsedStep[]
    const file = (t: AzureParsedStep): unknown[] | undefined => t.runsFile && [t.runsFile.dialect, t.runsFile.file.value, t.runsFile.extensions, t.runsFile.args.map((w) => w.value)]
    expect(s.map(file)).toEqual([
      ['posix', 'ci/build.sh', ['sh'], ['ltsc2025', 'two words', macroText('tag')]],
      ['cmd', 'ci/build.cmd', ['bat', 'cmd'], ['ltsc2025']],
      // PowerShell reads the arguments after the file it dot-sources.
      ['powershell', 'ci/build.ps1', ['ps1'], ['-Release', macroText('tag')]],
      // Text the task and a shell split differently: which values the file gets is unknown.
      undefined,
      undefined,
      ['powershell', 'ci/build.ps1', ['ps1'], ['-Release', 'ltsc2025']],
      // AzureCLI@1 runs its file in the file's folder, by the agent's OS: not read.
      undefined,
    ])
    expect(s.every((t) => t.commands.length === 0)).toBe(true)
    expect(at(s[0]!.runsFile!.args[1]!.span)).toEqual([6, 27])
  })

  it("leaves a batch inline script's %1 unknown when the task passes it arguments", () => {
    const m = parse(`steps:
  - task: AzureCLI@2
    inputs:
      scriptType: batch
      scriptLocation: inlineScript
      arguments: ltsc2025
      inlineScript: docker run mcr.microsoft.com/windows/servercore:%1 cmd
  - task: AzureCLI@2
    inputs:
      scriptType: batch
      scriptLocation: inlineScript
      arguments: ltsc2025
      inlineScript: docker run mcr.microsoft.com/windows/servercore:ltsc2022 cmd
`)
    const s = steps(m)
    expect(s.map((x) => x.commands.length)).toEqual([0, 1])
    // Its script is still the step's: what it sets with ##vso[task.setvariable] is read.
    expect(s[0]!.run?.value).toContain('%1')
  })

  it('reads Docker@2 and DockerCompose tasks as docker commands', () => {
    const m = parse(`steps:
  - task: Docker@2
    inputs:
      command: build
      Dockerfile: $(Build.SourcesDirectory)/src/Dockerfile
      arguments: --build-arg TAG=ltsc2022 --isolation hyperv
      tags: |
        $(Build.BuildId)
        latest
  - task: Docker@2
    inputs:
      command: push
  - task: Docker@2
    inputs:
      Dockerfile: '**/Dockerfile'
  - task: DockerCompose@1
    inputs:
      dockerComposeFile: '**/docker-compose.yml'
      additionalDockerComposeFiles: docker-compose.prod.yml
      action: Run services
`)
    const s = steps(m)
    const build = s[0]!.commands[0] as DockerBuildCommand
    expect(build.file?.value).toBe('src/Dockerfile')
    expect(build.context?.value).toBe('src')
    expect(build.buildArgs.map((a) => [a.name, a.value])).toEqual([['TAG', 'ltsc2022']])
    expect(build.isolation?.value).toBe('hyperv')
    expect(at(build.isolation?.span)).toEqual([6, 55])
    expect(build.tags.map((t) => t.value)).toEqual([macroText('Build.BuildId'), 'latest'])
    expect(s[1]!.commands).toEqual([])
    // A Dockerfile pattern picks a file isolint cannot know.
    expect(s[2]!.commands).toEqual([])
    const compose = s[3]!.commands[0] as DockerComposeCommand
    expect(compose.files.map((f) => f.value)).toEqual(['docker-compose.yml', 'docker-compose.prod.yml'])
    expect(compose.subcommand).toBe('up')
  })

  it('skips conditional and each expressions instead of guessing', () => {
    const m = parse(`steps:
  - \${{ if eq(parameters.x, 'y') }}:
    - script: docker run img:1
  - script: docker run img:2
`)
    expect(steps(m).map((s) => s.commands.length)).toEqual([1])
  })

  it('reports YAML problems', () => {
    expect(parseAzurePipelines('a.yml', 'steps: [\n').problems.length).toBeGreaterThan(0)
  })
})

describe('Azure Pipelines helpers', () => {
  it('rewrites macros without moving offsets', () => {
    const text = 'docker build -t $(image):$(Build.BuildId) $(git rev-parse HEAD)'
    const out = rewriteMacros(text)
    expect(out).toBe(`docker build -t ${macroText('image')}:${macroText('Build.BuildId')} $(git rev-parse HEAD)`)
    expect(showMacros(out)).toBe(text)
    expect(out.length).toBe(text.length)
  })

  it('strips the repository root variables from paths', () => {
    expect(stripSourceRoot('$(Build.SourcesDirectory)/a/Dockerfile')).toBe('a/Dockerfile')
    expect(stripSourceRoot(macroText('System.DefaultWorkingDirectory'))).toBe('.')
    expect(stripSourceRoot('a/b')).toBe('a/b')
  })

  it('tells pipelines from workflows, Compose files and manifests', () => {
    expect(looksLikeAzurePipelines('pool:\n  vmImage: x\nsteps: []\n')).toBe(true)
    expect(looksLikeAzurePipelines('on: push\njobs: {}\n')).toBe(false)
    expect(looksLikeAzurePipelines('services: {}\n')).toBe(false)
    expect(looksLikeAzurePipelines('variables:\n  a: 1\n')).toBe(false)
    expect(looksLikeAzurePipelines('variables:\n  a: 1\n', false)).toBe(true)
  })
})

describe('the files Azure steps run', () => {
  it('keeps the files a script step runs by dialect, and a script task file with its arguments at their place', () => {
    const m = parse(`steps:
  - script: call ci\\build.cmd && ./ci/build.sh
  - pwsh: ./ci/build.ps1 -Release $(tag)
  - task: PowerShell@2
    inputs:
      filePath: $(Build.SourcesDirectory)\\ci\\build.ps1
      arguments: -Release "$(tag)" -Pull
      workingDirectory: app
  - task: PowerShell@2
    inputs:
      targetType: inline
      filePath: ci/build.ps1
      script: ./ci/build.ps1
`)
    const s = steps(m) as AzureParsedStep[]
    const words = (inv: readonly { words: readonly { value: string }[] }[] | undefined): string[][] | undefined => inv?.map((i) => i.words.map((w) => w.value))
    expect(words(s[0]!.invocations?.cmd)).toEqual([['ci\\build.cmd'], ['./ci/build.sh']])
    expect(words(s[0]!.invocations?.posix)).toEqual([['call', 'cibuild.cmd'], ['./ci/build.sh']])
    expect(words(s[1]!.invocations?.powershell)).toEqual([['./ci/build.ps1', '-Release', `${macroText('tag')}`]])
    const task = s[2]!
    expect(task.workingDirectory).toBe('app')
    expect(task.runsFile?.file.value).toBe('ci\\build.ps1')
    expect(task.runsFile?.args.map((w) => [w.value, ...at(w.span)])).toEqual([
      ['-Release', 7, 18],
      [macroText('tag'), 7, 27],
      ['-Pull', 7, 36],
    ])
    // An inline script task runs its script, not the file.
    expect(s[3]!.runsFile).toBeUndefined()
    expect(words((s[3] as AzureParsedStep).invocations?.powershell)).toEqual([['./ci/build.ps1']])
  })
})
