// The Azure linker's links, as the workflow linker takes them: `{ from, to }` pairs from the pipeline a run started
// at, to each template it includes and each Dockerfile or Compose file a step reaches, in the order found.
import { afterAll, describe, expect, it } from 'vitest'
import { environmentClassifier } from '../../src/config/environments.js'
import { defaultConfig } from '../../src/config/load.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { AzurePipelinesModel } from '../../src/model/azure-pipelines.js'
import { parseAzurePipelines } from '../../src/parsers/azure-pipelines.js'
import { linkAzurePipelines } from '../../src/project/link-azure.js'
import { expandValue, shownText } from '../../src/parsers/workflow-expressions.js'
import { lint } from '../../src/lint.js'
import { RULES } from '../../src/rules/index.js'
import { renderJson } from '../../src/reporters/json.js'
import type { EngineHost } from '../../src/smoke/engine.js'
import { planSmoke, renderPlan } from '../../src/smoke/plan.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

const files: Record<string, string> = {
  'azure-pipelines.yml': ['pool: { vmImage: windows-2022 }', 'steps:', '  - template: ci/build.yml', '  - powershell: docker build .', ''].join('\n'),
  'ci/build.yml': ['steps:', '  - powershell: docker compose up', ''].join('\n'),
}
const models = new Map(Object.entries(files).map(([f, text]) => [f, parseAzurePipelines(f, text).model!] as const))

describe('linkAzurePipelines', () => {
  it('links the pipeline to its template and to the files its steps reach, as pairs', () => {
    const linked = linkAzurePipelines([models.get('azure-pipelines.yml')!], {
      kb: loadKnowledgeBase(),
      load: (rel): AzurePipelinesModel | undefined => models.get(rel),
      envs: environmentClassifier(defaultConfig()),
      runnerMappings: [],
      stepCommands: (step) => step.commands,
      // Each build reaches a Dockerfile, each compose up a Compose file.
      linkCommand: (cmd) => ({
        executions: [],
        images: [],
        dockerfiles: cmd.type === 'build' ? ['Dockerfile'] : [],
        composeFiles: cmd.type === 'compose' ? ['compose.yaml'] : [],
      }),
    })
    expect(linked.links).toEqual([
      { from: 'azure-pipelines.yml', to: 'ci/build.yml' },
      { from: 'azure-pipelines.yml', to: 'compose.yaml' },
      { from: 'azure-pipelines.yml', to: 'Dockerfile' },
    ])
  })
})

describe('Azure template paths', () => {
  it('reads backslashes as slashes, and a leading one as the repository root', () => {
    const images = runImages({
      'azure-pipelines.yml': ['pool: { vmImage: windows-2022 }', 'steps:', '  - template: ci\\steps\\a.yml', ''].join('\n'),
      'ci/steps/a.yml': ['steps:', run('ltsc2019'), '  - template: \\ci\\steps\\..\\b.yml', ''].join('\n'),
      'ci/b.yml': ['steps:', run('ltsc2022'), ''].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2019', 'mcr.microsoft.com/windows/servercore:ltsc2022'])
  })
})

describe('Azure template paths with variables', () => {
  it('follows a template expression, never a macro (Azure includes templates before the job runs)', () => {
    const pipeline = (path: string): Record<string, string> => ({
      'azure-pipelines.yml': ['variables:', '  kind: win', 'pool: { vmImage: windows-2022 }', 'steps:', `  - template: ${path}`, ''].join('\n'),
      'steps/win.yml': ['steps:', run('ltsc2019'), ''].join('\n'),
    })
    expect(runImages(pipeline('steps/${{ variables.kind }}.yml')).map((i) => i.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2019'])
    expect(runImages(pipeline('steps/$(kind).yml'))).toEqual([])
  })
})

/** The image of each `docker run` in a pipeline, expanded as the linker's scope gives it (undefined: unknown). */
function runImages(pipeline: Record<string, string>): { image: string | undefined; unresolved: string[] }[] {
  const parsed = new Map(Object.entries(pipeline).map(([f, text]) => [f, parseAzurePipelines(f, text).model!] as const))
  const seen: { image: string | undefined; unresolved: string[] }[] = []
  linkAzurePipelines([parsed.get('azure-pipelines.yml')!], {
    kb: loadKnowledgeBase(),
    load: (rel): AzurePipelinesModel | undefined => parsed.get(rel),
    envs: environmentClassifier(defaultConfig()),
    runnerMappings: [],
    stepCommands: (step) => step.commands,
    linkCommand: (cmd, ctx) => {
      if (cmd.type === 'run' && cmd.image) {
        const e = expandValue(cmd.image.value, ctx.scope)
        seen.push({ image: e.value, unresolved: e.unresolved })
      }
      return { executions: [], images: [], dockerfiles: [], composeFiles: [] }
    },
  })
  return seen
}

const run = (ref: string, indent = '  '): string => `${indent}- script: docker run mcr.microsoft.com/windows/servercore:${ref} cmd`

describe('Azure variables whose value isolint cannot know', () => {
  it('leaves every expansion of a runtime expression or of a macro with no value unknown, never the raw text', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        "  tag: $[ variables['Build.SourceBranchName'] ]",
        '  t2: $(Build.SourceBranchName)',
        "  t4: $[format('{0}', 'ltsc2019')]",
        "  t5: $[ coalesce(variables.x, 'ltsc2019') ]",
        '  t6: $(nope)-ltsc2019',
        'pool: { vmImage: windows-2022 }',
        'steps:',
        run('$(tag)'),
        run('$(t2)'),
        run('$(t4)'),
        run('$(t5)'),
        run('$(t6)'),
        run('${{ variables.t2 }}'),
        run("${{ coalesce(variables.tag, 'ltsc2019') }}"),
        run("${{ variables.tag || 'ltsc2019' }}"),
        '',
      ].join('\n'),
    })
    expect(images).toEqual([
      { image: undefined, unresolved: ["$[ variables['Build.SourceBranchName'] ]"] },
      { image: undefined, unresolved: ['$(Build.SourceBranchName)'] },
      { image: undefined, unresolved: ["$[format('{0}', 'ltsc2019')]"] },
      { image: undefined, unresolved: ["$[ coalesce(variables.x, 'ltsc2019') ]"] },
      { image: undefined, unresolved: ['$(nope)-ltsc2019'] },
      { image: undefined, unresolved: ['${{ variables.t2 }}'] },
      { image: undefined, unresolved: ["${{ coalesce(variables.tag, 'ltsc2019') }}"] },
      { image: undefined, unresolved: ["${{ variables.tag || 'ltsc2019' }}"] },
    ])
  })

  it('keeps known values, nested macros (a: $(b) with b set before) and overrides at job level', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  t: ltsc2022',
        '  b: ltsc2019',
        '  a: $(b)',
        '  c: ${{ variables.b }}',
        'jobs:',
        '  - job: j',
        '    pool: { vmImage: windows-2022 }',
        '    variables:',
        '      t: $[ variables.t ]',
        '    steps:',
        run('$(a)', '      '),
        run('$(c)', '      '),
        run('$(b)', '      '),
        run('$(t)', '      '),
        '',
      ].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2019',
      'mcr.microsoft.com/windows/servercore:ltsc2019',
      'mcr.microsoft.com/windows/servercore:ltsc2019',
      undefined,
    ])
  })

  it('reads matrix legs, step env and variables templates the same way', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  - template: vars.yml',
        'jobs:',
        '  - job: j',
        '    pool: { vmImage: windows-2022 }',
        '    strategy:',
        '      matrix:',
        '        known: { leg: ltsc2022 }',
        '        runtime: { leg: $(Build.SourceBranchName) }',
        '    steps:',
        run('$(leg)', '      '),
        '      - bash: docker run mcr.microsoft.com/windows/servercore:$TAG cmd',
        '        env:',
        '          TAG: $(fromTemplate)',
        run('$(known)', '      '),
        '',
      ].join('\n'),
      'vars.yml': ['variables:', '  fromTemplate: $[ variables.other ]', '  known: ltsc2022', ''].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      undefined,
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      undefined,
      undefined,
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ])
  })
})

describe('Azure variables template parameters', () => {
  it('reads the variables of the list above the template, as its values do', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  tag: ltsc2019',
        'jobs:',
        '- job: j',
        '  pool: { vmImage: windows-2022 }',
        '  variables:',
        '  - name: tag',
        '    value: ltsc2022',
        '  - template: vars.yml',
        '    parameters:',
        '      t: ${{ variables.tag }}',
        '  steps:',
        run('$(img)'),
        '',
      ].join('\n'),
      'vars.yml': ['parameters:', '- name: t', '  default: x', 'variables:', '  img: ${{ parameters.t }}', ''].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022'])
  })
})

describe('Azure template parameters given in another spelling', () => {
  it('gives the declared parameter the value, names without case', () => {
    const images = runImages({
      'azure-pipelines.yml': ['pool: { vmImage: windows-2022 }', 'steps:', '  - template: t.yml', '    parameters:', '      tag: ltsc2022', ''].join('\n'),
      't.yml': ['parameters:', '  - name: Tag', '    default: ltsc2019', 'steps:', run('${{ parameters.Tag }}'), run('${{ parameters.TAG }}'), ''].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/servercore:ltsc2022'])
  })
})

describe('Azure parameters whose value isolint cannot know', () => {
  it('keeps defaults and given values, and leaves runtime values, unknown macros and missing defaults unknown', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'parameters:',
        '  - name: tag',
        '    default: ltsc2022',
        '  - name: branch',
        '    default: $(Build.SourceBranchName)',
        '  - name: asked',
        '    type: string',
        'pool: { vmImage: windows-2022 }',
        'steps:',
        run('${{ parameters.tag }}'),
        run("${{ parameters.branch }}"),
        run("${{ parameters.asked || 'ltsc2019' }}"),
        '  - template: steps.yml',
        '    parameters:',
        '      given: ltsc2019',
        "      runtime: $[ variables['Build.SourceBranchName'] ]",
        '      macro: $(Build.SourceBranchName)',
        '',
      ].join('\n'),
      'steps.yml': [
        'parameters:',
        '  given: ltsc2022',
        '  runtime: ltsc2019',
        '  macro: ltsc2019',
        '  defaulted: ltsc2022',
        'steps:',
        run('${{ parameters.given }}'),
        run("${{ parameters.runtime }}"),
        run("${{ parameters.macro || 'ltsc2019' }}"),
        run('${{ parameters.defaulted }}'),
        '',
      ].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      undefined,
      undefined,
      'mcr.microsoft.com/windows/servercore:ltsc2019',
      undefined,
      undefined,
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ])
  })
})

describe('Azure macros in variable values', () => {
  it('expands them when the job runs: with its matrix leg, variables defined after, inner levels and any case', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  image: mcr.microsoft.com/windows/servercore:$(WinVer)',
        '  later: $(defined.after)',
        '  defined.after: ltsc2022',
        '  base: $(release)',
        '  release: ltsc2022',
        '  self: $(self)',
        '  loop.a: $(loop.b)',
        '  loop.b: $(loop.a)',
        '  bomb0: x',
        ...Array.from({ length: 20 }, (_, k) => `  bomb${k + 1}: $(bomb${k})$(bomb${k})$(bomb${k})`),
        'jobs:',
        '  - job: j',
        '    pool: { vmImage: windows-2022 }',
        '    variables:',
        '      release: ltsc2019',
        '    strategy:',
        '      matrix:',
        '        old: { winver: ltsc2019 }',
        '        new: { winver: ltsc2022 }',
        '    steps:',
        '      - script: docker run $(image) cmd',
        run('$(later)', '      '),
        run('$(base)', '      '),
        run('$(self)', '      '),
        run('$(loop.a)', '      '),
        run('$(bomb20)', '      '),
        '',
      ].join('\n'),
    })
    const leg = (tag: string): (string | undefined)[] => [
      `mcr.microsoft.com/windows/servercore:${tag}`,
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      // The job's release, not the pipeline's: base is expanded in the job.
      'mcr.microsoft.com/windows/servercore:ltsc2019',
      undefined,
      undefined,
      undefined,
    ]
    expect(images.map((i) => i.image)).toEqual([...leg('ltsc2019'), ...leg('ltsc2022')])
    expect(images[3]!.unresolved).toEqual(['$(self)'])
  })
})

describe('Azure variable names without case', () => {
  it("lets a job's tag override the pipeline's TAG, for macros and template expressions alike", () => {
    const pipeline = [
      'variables:',
      '  TAG: ltsc2019',
      'jobs:',
      '  - job: a',
      '    pool: { vmImage: windows-2022 }',
      '    variables:',
      '      tag: ltsc2022',
      '    steps:',
      '      - script: docker run mcr.microsoft.com/windows/servercore:$(TAG) cmd',
      '      - script: docker run mcr.microsoft.com/windows/servercore:${{ variables.TAG }} cmd',
      '',
    ].join('\n')
    expect(runImages({ 'azure-pipelines.yml': pipeline }).map((i) => i.image)).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ])
  })
})

describe('Azure variables templates', () => {
  it('lets a later template define a name again in another spelling, for macros and template expressions alike', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  - template: a.yml',
        '  - template: b.yml',
        'pool: { vmImage: windows-2022 }',
        'steps:',
        run('$(Tag)'),
        run('${{ variables.TAG }}'),
        '',
      ].join('\n'),
      'a.yml': ['variables:', '  Tag: ltsc2019', ''].join('\n'),
      'b.yml': ['variables:', '  tag: ltsc2022', ''].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/servercore:ltsc2022'])
  })

  it('lets a later template in a job set a name back to the value outside, in any spelling (the last one wins)', () => {
    const job = (tag: string): string =>
      ['variables:', '  tag: ltsc2022', 'jobs:', '  - job: j', '    pool: { vmImage: windows-2022 }', '    variables:', '      - template: a.yml', '      - template: b.yml', '    steps:', run(tag, '      '), ''].join('\n')
    for (const [a, b] of [['tag', 'tag'], ['Tag', 'TAG']]) {
      const images = runImages({
        'azure-pipelines.yml': job('$(tag)'),
        'a.yml': ['variables:', `  ${a}: ltsc2019`, ''].join('\n'),
        'b.yml': ['variables:', `  ${b}: ltsc2022`, ''].join('\n'),
      })
      expect(images.map((i) => i.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022'])
    }
    const related = runRelated({
      'azure-pipelines.yml': job('$(tag)'),
      'a.yml': ['variables:', '  tag: ltsc2019', ''].join('\n'),
      'b.yml': ['variables:', '  tag: ltsc2022', ''].join('\n'),
    })
    expect(related).toEqual([['b.yml:2 tag is set here']])
  })
  it('notes where a variable of the image is set when the image word also holds a literal $', () => {
    const pipeline = ['pool: { vmImage: windows-2022 }', 'variables:', '  tag: ltsc2019', 'steps:']
    const related = runRelated({
      'azure-pipelines.yml': [...pipeline, `  - bash: docker run "mcr.microsoft.com/windows/nanoserver:$(tag)"'-$X' cmd`, ''].join('\n'),
    })
    expect(related).toEqual([['azure-pipelines.yml:3 tag is set here']])
  })

  it('defines the entries of a variables list in the order written, templates among them', () => {
    const pipeline = (entries: string[]): string =>
      ['variables:', ...entries, 'pool: { vmImage: windows-2022 }', 'steps:', run('$(tag)'), run('${{ variables.tag }}'), ''].join('\n')
    const b = ['variables:', '  tag: ltsc2022', ''].join('\n')
    const value = ['  - name: tag', '    value: ltsc2019']
    expect(runImages({ 'azure-pipelines.yml': pipeline([...value, '  - template: b.yml']), 'b.yml': b }).map((i) => i.image)).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ])
    expect(runImages({ 'azure-pipelines.yml': pipeline(['  - template: b.yml', ...value]), 'b.yml': b }).map((i) => i.image)).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2019',
      'mcr.microsoft.com/windows/servercore:ltsc2019',
    ])
  })
})

describe('Azure variable groups', () => {
  // Azure's docs: a variable of a group "has the same precedence as any other variable defined within the YAML file".
  it('leaves the variables a group may replace unknown: those listed before it, at its level or around it', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  - name: tag',
        '    value: ltsc2019',
        '  - template: vars.yml',
        '  - name: late',
        '    value: ltsc2022',
        'jobs:',
        '  - job: a',
        '    pool: { vmImage: windows-2022 }',
        '    strategy:',
        '      matrix:',
        '        leg:',
        '          fromLeg: ltsc2025',
        '    steps:',
        run('$(tag)', '      '),
        run('$(fromTemplate)', '      '),
        run('$(late)', '      '),
        run('$(fromLeg)', '      '),
        run('${{ variables.tag }}', '      '),
        '',
      ].join('\n'),
      // A group in a variables template, in its place in the list that includes it.
      'vars.yml': ['variables:', '  - name: fromTemplate', '    value: ltsc2019', '  - group: shared', ''].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual([
      undefined,
      undefined,
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      'mcr.microsoft.com/windows/servercore:ltsc2025',
      undefined,
    ])
  })

  it('says a variable a group may replace is set at the group', () => {
    const related = runRelated({
      'azure-pipelines.yml': ['variables:', '  - name: tag', '    value: ltsc2019', '  - group: shared', 'pool: { vmImage: windows-2022 }', 'steps:', run('$(tag)'), ''].join('\n'),
    })
    expect(related).toEqual([['azure-pipelines.yml:4 tag is set here']])
  })
})

describe('Azure variables a script sets', () => {
  it('leaves a variable set with ##vso[task.setvariable] unknown to the steps after, whatever the pipeline defines', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  tag: ltsc2022',
        '  image: mcr.microsoft.com/windows/servercore:$(tag)',
        '  held: $[ variables.x ] $(tag)',
        'pool: { vmImage: windows-2022 }',
        'steps:',
        run('$(tag)'),
        '  - powershell: Write-Host "##vso[task.setvariable variable=Tag]$(Get-Release)"',
        run('$(tag)'),
        '  - script: docker run $(image) cmd',
        run('$(held)'),
        '',
      ].join('\n'),
    })
    expect(images).toEqual([
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2022', unresolved: [] },
      { image: undefined, unresolved: ['$(Tag)'] },
      { image: undefined, unresolved: ['mcr.microsoft.com/windows/servercore:$(tag)'] },
      { image: undefined, unresolved: ['$[ variables.x ] $(tag)'] },
    ])
  })
})

describe('Azure macros in template expressions', () => {
  it('keeps a macro given to a template as text, expanded with the variables of the job and leg that run it', () => {
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  tag: ltsc2019',
        '  release: ltsc2019',
        '  image: mcr.microsoft.com/windows/servercore:$(tag)',
        '  copied: ${{ variables.image }}',
        'jobs:',
        '  - template: job.yml',
        '    parameters:',
        "      image: 'mcr.microsoft.com/windows/servercore:$(tag)'",
        '      unset: $(nowhere)',
        '',
      ].join('\n'),
      'job.yml': [
        'parameters:',
        '  image: ""',
        '  unset: ltsc2019',
        '  defaulted: mcr.microsoft.com/windows/servercore:$(release)',
        'jobs:',
        '  - job: j',
        '    pool: { vmImage: windows-2022 }',
        '    variables:',
        '      tag: ltsc2022',
        '      held: ${{ parameters.image }}',
        '    strategy:',
        '      matrix:',
        '        only: { release: ltsc2022 }',
        '    steps:',
        // The parameter, a variable holding it, and the pipeline's variable copied at compile time: the job's tag.
        '      - script: docker run ${{ parameters.image }} cmd',
        '      - script: docker run $(held) cmd',
        '      - script: docker run $(copied) cmd',
        // A default's macro reads the matrix leg too.
        '      - script: docker run ${{ parameters.defaulted }} cmd',
        // A macro of a variable no job defines stays unknown; a fallback never applies to it.
        "      - script: docker run mcr.microsoft.com/windows/servercore:${{ parameters.unset }} cmd",
        // ${{ variables.image }} is the text $(tag): after a script sets tag, unknown.
        '      - powershell: Write-Host "##vso[task.setvariable variable=tag]$(Get-Tag)"',
        '      - script: docker run ${{ variables.image }} cmd',
        '',
      ].join('\n'),
    })
    expect(images).toEqual([
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2022', unresolved: [] },
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2022', unresolved: [] },
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2022', unresolved: [] },
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2022', unresolved: [] },
      { image: undefined, unresolved: ['${{ parameters.unset }}'] },
      { image: undefined, unresolved: ['${{ variables.image }}'] },
    ])
  })
})

/** The related locations of each `docker run` of a pipeline, as `file:line message`. */
function runRelated(pipeline: Record<string, string>): string[][] {
  const parsed = new Map(Object.entries(pipeline).map(([f, text]) => [f, parseAzurePipelines(f, text).model!] as const))
  const linked = linkAzurePipelines([parsed.get('azure-pipelines.yml')!], {
    kb: loadKnowledgeBase(),
    load: (rel): AzurePipelinesModel | undefined => parsed.get(rel),
    envs: environmentClassifier(defaultConfig()),
    runnerMappings: [],
    stepCommands: (step) => step.commands,
    linkCommand: (cmd) => {
      if (cmd.type !== 'run' || !cmd.image) return { executions: [], images: [], dockerfiles: [], composeFiles: [] }
      // As link.ts makes it: the image as written (a literal $ as `$`, an Azure macro as `$(name)`, not the readers' marks).
      const e = { kind: 'run' as const, imageRaw: shownText(cmd.image.value), unresolved: [], span: cmd.image.span, isolation: {}, isolationFixSpan: cmd.span, related: [], what: 'docker run' }
      return { executions: [e], images: [], dockerfiles: [], composeFiles: [] }
    },
  })
  return linked.executions.map((e) => e.related.map((r) => `${r.span.file}:${r.span.start.line} ${r.message}`))
}

describe('where the variables of a finding are set', () => {
  it('points at each variable a command reads, as the job (and leg) that runs it sees them', () => {
    const related = runRelated({
      'azure-pipelines.yml': [
        'variables:',
        '  tag: ltsc2019', // 2
        '  image: mcr.microsoft.com/windows/servercore:$(tag)', // 3
        '  loop.a: $(loop.b)$(loop.b)', // 4
        '  loop.b: $(loop.a)', // 5
        'jobs:',
        '  - template: job.yml',
        '    parameters:',
        "      image: 'mcr.microsoft.com/windows/servercore:$(tag)'",
        '',
      ].join('\n'),
      'job.yml': [
        'parameters:',
        '  image: ""',
        'jobs:',
        '  - job: j',
        '    pool: { vmImage: windows-2022 }',
        '    variables:',
        '      tag: ltsc2022', // 7
        '    strategy:',
        '      matrix:',
        '        only: { tag: ltsc2019 }', // 10
        '    steps:',
        '      - script: docker run ${{ parameters.image }} cmd',
        // ${{ variables.image }} is compiled without the leg: image, then its macro as the leg runs.
        '      - script: docker run ${{ variables.image }} cmd',
        '      - script: docker run $(loop.a) cmd',
        '      - powershell: docker run mcr.microsoft.com/windows/servercore:$env:TAG cmd',
        '        env:',
        '          TAG: $(tag)',
        '      - script: echo "##vso[task.setvariable variable=Tag]ltsc2022"', // 18
        '      - script: docker run $(image) cmd',
        '      - script: docker run mcr.microsoft.com/windows/servercore:latest cmd',
        '',
      ].join('\n'),
    })
    expect(related).toEqual([
      // The parameter's value is passed at line 9 (known only as the job runs: its name alone).
      ['azure-pipelines.yml:9 passes image', 'job.yml:10 tag is set here', 'azure-pipelines.yml:7 includes job.yml'],
      ['azure-pipelines.yml:3 image is set here', 'job.yml:10 tag is set here', 'azure-pipelines.yml:7 includes job.yml'],
      ['azure-pipelines.yml:4 loop.a is set here', 'azure-pipelines.yml:5 loop.b is set here', 'azure-pipelines.yml:7 includes job.yml'],
      ['job.yml:10 tag is set here', 'azure-pipelines.yml:7 includes job.yml'],
      ['azure-pipelines.yml:3 image is set here', 'job.yml:18 tag is set here', 'azure-pipelines.yml:7 includes job.yml'],
      ['azure-pipelines.yml:7 includes job.yml'],
    ])
  })

  it('points at the parameters: value a template is given, and through a template that passes its own on', () => {
    const related = runRelated({
      'azure-pipelines.yml': [
        'pool: { vmImage: windows-2022 }',
        'steps:',
        '  - template: outer.yml', // 3
        '    parameters:',
        '      Tag: ltsc2025', // 5: the declared `tag`, another spelling
        '  - template: run.yml', // 6
        '',
      ].join('\n'),
      'outer.yml': ['parameters:', '  - name: tag', 'steps:', '  - template: run.yml', '    parameters:', '      tag: ${{ parameters.tag }}', ''].join('\n'),
      'run.yml': [
        'parameters:',
        '  - name: tag',
        '    default: ltsc2022',
        'steps:',
        '  - script: docker run mcr.microsoft.com/windows/servercore:${{ parameters.tag }} cmd',
        '',
      ].join('\n'),
    })
    expect(related).toEqual([
      [
        'azure-pipelines.yml:5 passes Tag=ltsc2025',
        'outer.yml:6 passes tag=ltsc2025',
        'azure-pipelines.yml:3 includes outer.yml',
        'outer.yml:4 includes run.yml',
      ],
      // Its default: nothing passed.
      ['azure-pipelines.yml:6 includes run.yml'],
    ])
  })

  it('gives a finding at most five of them', () => {
    const vars = Array.from({ length: 8 }, (_, k) => `  v${k}: ${k < 7 ? `$(v${k + 1})` : 'ltsc2022'}`)
    const related = runRelated({ 'azure-pipelines.yml': ['variables:', ...vars, 'pool: { vmImage: windows-2022 }', 'steps:', '  - script: docker run x:$(v0) cmd', ''].join('\n') })
    expect(related).toEqual([[2, 3, 4, 5, 6].map((line) => `azure-pipelines.yml:${line} v${line - 2} is set here`)])
  })
})

describe('Azure macros and environment variables in scripts', () => {
  const pipeline = (steps: string[]): Record<string, string> => ({
    'azure-pipelines.yml': ['variables:', '  TAG: ltsc2019', '  build.tag: ltsc2022', 'pool: { vmImage: windows-2022 }', 'steps:', ...steps, ''].join('\n'),
  })
  const steps = [
    run('$(tag)'),
    '  - bash: docker run mcr.microsoft.com/windows/servercore:${tag} cmd',
    '  - bash: docker run mcr.microsoft.com/windows/servercore:$TAG cmd',
    '  - bash: docker run mcr.microsoft.com/windows/servercore:${BUILD_TAG} cmd',
    '  - powershell: docker run mcr.microsoft.com/windows/servercore:$env:tag cmd',
    '  - script: docker run mcr.microsoft.com/windows/servercore:$(Build.Tag) cmd',
    run('$(nope)'),
  ]

  it('reads a macro without case, and a shell variable under the name the agent exports (TAG, BUILD_TAG)', () => {
    expect(runImages(pipeline(steps))).toEqual([
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2019', unresolved: [] },
      // bash sees TAG, not tag: unset, never ltsc2019.
      { image: undefined, unresolved: ['${tag}'] },
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2019', unresolved: [] },
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2022', unresolved: [] },
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2019', unresolved: [] },
      { image: 'mcr.microsoft.com/windows/servercore:ltsc2022', unresolved: [] },
      { image: undefined, unresolved: ['$(nope)'] },
    ])
  })

  it('says where each is set, under the name it is defined with', () => {
    expect(runRelated(pipeline(steps))).toEqual([
      ['azure-pipelines.yml:2 TAG is set here'],
      [],
      ['azure-pipelines.yml:2 TAG is set here'],
      ['azure-pipelines.yml:3 build.tag is set here'],
      ['azure-pipelines.yml:2 TAG is set here'],
      ['azure-pipelines.yml:3 build.tag is set here'],
      [],
    ])
  })

  it('leaves out a name the script assigns, looked up in its names without a copy of them per variable read', () => {
    // A counting double: the iterations of the script's names (the set holding MARK) while the notes are made.
    const iterate = Set.prototype[Symbol.iterator]
    let walks = 0
    Set.prototype[Symbol.iterator] = function (this: Set<unknown>) {
      if (this.has('MARK')) walks++
      return iterate.call(this)
    }
    let related: string[][]
    try {
      const refs = Array.from({ length: 20 }, () => '$TAG').join('-')
      related = runRelated(pipeline([`  - bash: MARK=1; TAG=x; docker run mcr.microsoft.com/windows/servercore:${refs} cmd`, '  - bash: tag=x; docker run mcr.microsoft.com/windows/servercore:$TAG cmd']))
    } finally {
      Set.prototype[Symbol.iterator] = iterate
    }
    // TAG (and tag: names without case, as expansion reads them) is the script's own, not the variable's.
    expect(related).toEqual([[], []])
    expect(walks).toBeLessThan(3)
  })

  it('reads no name inside a string literal of a template expression', () => {
    const related = runRelated({
      'azure-pipelines.yml': ['variables:', '  tag: ltsc2022', '  other: x', 'pool: { vmImage: windows-2022 }', 'steps:', run("${{ format('{0}', variables.tag, 'variables.other') }}"), ''].join('\n'),
    })
    expect(related).toEqual([['azure-pipelines.yml:2 tag is set here']])
  })

  it("points a host from a variable at the variable's value, in any spelling", () => {
    const root = tempDir('isolint-azure-')
    writeTree(root, { 'azure-pipelines.yml': ['variables:', '  Image: windows-2022', 'pool: { vmImage: $(image) }', 'steps:', run('ltsc2019'), ''].join('\n') })
    const r = lint({ root, rules: RULES.filter((x) => x.id === 'process-isolation-build-mismatch') })
    const runsOn = r.findings.flatMap((f) => f.related.filter((x) => x.message.startsWith('runs on')).map((x) => `${x.span.start.line}:${x.span.start.column}`))
    expect(runsOn).toEqual(['2:10'])
  })

  it("leaves a step env name that a variable exports too unknown (the agent sets the variable's over it), unless both agree", () => {
    const envStep = (shell: string, ref: string, name: string, value: string): string[] => [
      `  - ${shell}: docker run mcr.microsoft.com/windows/servercore:${ref} cmd`,
      '    env:',
      `      ${name}: ${value}`,
    ]
    const images = runImages({
      'azure-pipelines.yml': [
        'variables:',
        '  tag: ltsc2022',
        'pool: { vmImage: windows-2022 }',
        'steps:',
        ...envStep('pwsh', '$env:TAG', 'TAG', 'ltsc2019'),
        ...envStep('bash', '$TAG', 'Tag', 'ltsc2019'),
        ...envStep('pwsh', '$env:TAG', 'TAG', '$(tag)'),
        ...envStep('pwsh', '$env:OWN', 'OWN', 'ltsc2019'),
        '',
      ].join('\n'),
    })
    expect(images.map((i) => i.image)).toEqual([undefined, undefined, 'mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/servercore:ltsc2019'])
  })

  it('shows a macro as written in a finding', () => {
    const root = tempDir('isolint-azure-')
    writeTree(root, pipeline([run('$(nope)')]))
    const r = lint({ root, rules: RULES.filter((x) => x.id === 'unknown-image-build') })
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringContaining('the image mcr.microsoft.com/windows/servercore:$(nope) cannot be worked out: $(nope) has no value')])
    expect(r.executionSummaries().map((e) => e.image)).toEqual(['mcr.microsoft.com/windows/servercore:$(nope)'])
  })
})

describe('Azure macros in what users read', () => {
  it('shows each as written in findings, the JSON report and the smoke plan: no private-use mark', () => {
    const root = tempDir('isolint-azure-')
    const text = [
      'pool: { vmImage: windows-2022 }',
      'variables:',
      '  tag: ltsc2019',
      'steps:',
      '- script: docker run mcr.microsoft.com/windows/nanoserver:$(undefinedTag) cmd',
      '- script: docker run --isolation=$(iso) mcr.microsoft.com/windows/servercore:$(tag) cmd',
      '- bash: docker run "${IMG:-mcr.microsoft.com/windows/nanoserver:$(tag2)}" cmd',
      '',
    ].join('\n')
    writeTree(root, { 'azure-pipelines.yml': text })
    const r = lint({ root })
    const host: EngineHost = { osType: 'windows', build: 20348, ubr: 1, kind: 'server', defaultIsolation: 'process', operatingSystem: '', serverVersion: '29.1.5' }
    const plan = planSmoke(r.project, loadKnowledgeBase(), host)
    const shown = [renderJson(r), renderPlan(plan), JSON.stringify(plan.entries)].join('\n')
    expect(shown).toContain('nanoserver:$(undefinedTag)')
    expect(shown).toContain('${IMG:-mcr.microsoft.com/windows/nanoserver:$(tag2)}')
    expect(shown).not.toMatch(/[\uE000-\uF8FF]/)
  })
})

describe('where the variables of a finding are set, end to end', () => {
  it("leaves out a variable that only names an image built in the job, and keeps the command's --isolation", () => {
    const root = tempDir('isolint-azure-')
    const pipeline = [
      'variables:',
      '  name: app:1', // 2
      '  iso: process', // 3
      'pool: { vmImage: windows-2022 }',
      'steps:',
      '  - script: docker build -t $(name) .',
      '  - script: docker run --isolation $(iso) $(name) cmd',
      '',
    ].join('\n')
    writeTree(root, { Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo\n', 'azure-pipelines.yml': pipeline })
    const r = lint({ root, rules: RULES.filter((x) => x.id === 'process-isolation-build-mismatch') })
    const notes = r.findings.map((f) => [f.span.file, f.span.start.line, f.related.filter((x) => x.message.endsWith(' is set here')).map((x) => `${x.span.start.line} ${x.message}`)])
    expect(notes).toEqual([
      ['Dockerfile', 1, []],
      ['azure-pipelines.yml', 7, ['3 iso is set here']],
    ])
  })
})

afterAll(removeTemps)

describe('a step command whose prefixes move it', () => {
  it('reads no Dockerfile for `env -C sub docker build .` or `sudo -i docker build .`: the folder is unknown, as in a workflow', () => {
    for (const command of ['env -C sub docker build .', 'sudo -i docker build .']) {
      const root = tempDir('isolint-azure-')
      writeTree(root, {
        'azure-pipelines.yml': ['pool: { vmImage: windows-2022 }', 'steps:', `  - bash: ${command}`, ''].join('\n'),
        // The root's Dockerfile would not run on the host; the one env -C builds would.
        Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN echo\n',
        'sub/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo\n',
      })
      const built = lint({ root }).project.executions.filter((e) => e.kind === 'build' && e.host !== undefined)
      expect(built, command).toEqual([])
    }
    // Without the prefix, the step's folder: the root's Dockerfile.
    const root = tempDir('isolint-azure-')
    writeTree(root, {
      'azure-pipelines.yml': ['pool: { vmImage: windows-2022 }', 'steps:', '  - bash: docker build .', ''].join('\n'),
      Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN echo\n',
    })
    expect(lint({ root }).findings.map((f) => `${f.ruleId} ${f.span.file}:${f.span.start.line}`)).toEqual(['image-newer-than-host Dockerfile:1'])
  })
})

describe('a docker path from $(Build.SourcesDirectory)', () => {
  it('is read from the root in a step that starts there, and is unknown in a step that starts in another folder', () => {
    const built = (workingDirectory: string): string[] => {
      const root = tempDir()
      writeTree(root, {
        'azure-pipelines.yml': [
          'pool: { vmImage: windows-2022 }',
          'steps:',
          '  - script: docker build -f $(Build.SourcesDirectory)/app/Dockerfile .',
          ...(workingDirectory ? [`    workingDirectory: ${workingDirectory}`] : []),
          '',
        ].join('\n'),
        'app/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo\n',
        'sub/app/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo\n',
      })
      return lint({ root }).project.executions.filter((e) => e.kind === 'build' && e.host).map((e) => e.span.file)
    }
    expect(built('')).toEqual(['app/Dockerfile'])
    expect(built('.')).toEqual(['app/Dockerfile'])
    // Not sub/app/Dockerfile: the path names the root's app/Dockerfile, which isolint cannot join to sub.
    expect(built('sub')).toEqual([])
  })
})
