// An Azure Pipelines `DockerCompose@0/@1` task builds as `docker compose build` with the task's `arguments` (their
// `--build-arg` over the services' `args`, the services they name), and sets its `dockerComposeFileArgs` (`KEY=value`
// lines) in the environment Compose interpolates with. A script's `TAG=… docker compose up` reads its own TAG.
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'

/** The images a tree's containers (and builds) use on a host, as `kind image` (unknown when isolint cannot know it). */
function images(files: Readonly<Record<string, string>>): string[] {
  const root = tempDir('isolint-azure-compose-task-')
  writeTree(root, files)
  return lint({ root })
    .project.executions.filter((e) => e.host !== undefined)
    .map((e) => `${e.kind} ${e.image ?? 'unknown'}`)
}

/** A pipeline on windows-2022 (variable `winver: ltsc2022`) whose one step is `task` (YAML lines under `- task:`). */
function pipeline(task: readonly string[]): string {
  return ['pool: { vmImage: windows-2022 }', 'variables:', '  winver: ltsc2022', 'steps:', ...task.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)), ''].join('\n')
}

/** A service `app` built from `app/Dockerfile`, whose base image reads the build argument TAG (ltsc2019 in `args`). */
const BUILT = {
  'docker-compose.yml': ['services:', '  app:', '    build:', '      context: app', '      args:', '        TAG: ltsc2019', '  old:', `    image: ${SERVERCORE}ltsc2016`, ''].join('\n'),
  'app/Dockerfile': `ARG TAG=ltsc2016\nFROM ${SERVERCORE}\${TAG}\nRUN echo\n`,
}

const build = (args: string, action = 'Build services'): string[] => ['task: DockerCompose@1', 'inputs:', `  action: ${action}`, `  arguments: ${args}`]
const builtImages = (files: Readonly<Record<string, string>>): string[] => images(files).filter((i) => i.startsWith('build'))

describe('a DockerCompose task that builds', () => {
  it("reads --build-arg in arguments over the service's args", () => {
    expect(builtImages({ 'azure-pipelines.yml': pipeline(build('--build-arg TAG=ltsc2022')), ...BUILT })).toEqual([`build ${SERVERCORE}ltsc2022`])
    expect(builtImages({ 'azure-pipelines.yml': pipeline(build('--no-cache --build-arg "TAG=$(winver)"')), ...BUILT })).toEqual([`build ${SERVERCORE}ltsc2022`])
    // Without arguments, the service's own.
    expect(builtImages({ 'azure-pipelines.yml': pipeline(build('--no-cache')), ...BUILT })).toEqual([`build ${SERVERCORE}ltsc2019`])
  })

  it('points a finding the argument decides at its value in arguments', () => {
    const root = tempDir('isolint-azure-compose-task-')
    const task = ['task: DockerCompose@1', 'inputs:', '  action: Build services', '  arguments: --no-cache --build-arg TAG=ltsc2019 app']
    const compose = BUILT['docker-compose.yml'].replace('ltsc2019', 'ltsc2022').replace('  old:', '    isolation: process\n  old:')
    writeTree(root, { ...BUILT, 'docker-compose.yml': compose, 'azure-pipelines.yml': pipeline(task) })
    expect(lint({ root }).findings.map((f) => `${f.ruleId} ${f.span.file}:${f.span.start.line}:${f.span.start.column}`)).toEqual(['process-isolation-build-mismatch azure-pipelines.yml:8:41'])
  })

  it('reads `dockerComposeCommand: build …` with its arguments, and @0 too', () => {
    const command = ['task: DockerCompose@1', 'inputs:', '  action: Run a Docker Compose command', '  dockerComposeCommand: build --build-arg TAG=ltsc2022']
    expect(builtImages({ 'azure-pipelines.yml': pipeline(command), ...BUILT })).toEqual([`build ${SERVERCORE}ltsc2022`])
    const v0 = ['task: DockerCompose@0', 'inputs:', '  action: Build services', '  arguments: |', '    --build-arg TAG=ltsc2022', '    --no-cache']
    expect(builtImages({ 'azure-pipelines.yml': pipeline(v0), ...BUILT })).toEqual([`build ${SERVERCORE}ltsc2022`])
  })

  it('builds only the services arguments name', () => {
    const files = { ...BUILT, 'docker-compose.yml': BUILT['docker-compose.yml'] + ['  other:', '    build: other', ''].join('\n'), 'other/Dockerfile': `FROM ${SERVERCORE}ltsc2016\n` }
    expect(builtImages({ 'azure-pipelines.yml': pipeline(build('--build-arg TAG=ltsc2022 app')), ...files })).toEqual([`build ${SERVERCORE}ltsc2022`])
  })

  it('reads nothing from arguments the task would pass otherwise than a shell reads them', () => {
    // No shell: `$TAG` is that text; @1 splits at spaces only, so a line break is inside a word.
    // A macro of a variable defined nowhere stays the text `$(name)`: a service of that name, unknown.
    for (const args of ['--build-arg TAG=$TAG', '--build-arg "TAG=ltsc2022; echo"', '--build-arg TAG=ltsc2022 $(undefined)']) {
      expect(builtImages({ 'azure-pipelines.yml': pipeline(build(`'${args}'`)), ...BUILT }), args).toEqual([])
    }
    const lines = ['task: DockerCompose@1', 'inputs:', '  action: Build services', '  arguments: |', '    --build-arg TAG=ltsc2022', '    --no-cache']
    expect(builtImages({ 'azure-pipelines.yml': pipeline(lines), ...BUILT })).toEqual([])
  })
})

describe("a DockerCompose task's dockerComposeFileArgs", () => {
  const files = { 'docker-compose.yml': ['services:', '  web:', `    image: ${SERVERCORE}\${TAG}`, ''].join('\n') }
  const task = (env: readonly string[], variables = '  tag: ltsc2019'): string =>
    ['pool: { vmImage: windows-2022 }', 'variables:', variables, 'steps:', '  - task: DockerCompose@1', '    inputs:', '      action: Run services', '      dockerComposeFileArgs: |', ...env.map((l) => `        ${l}`), ''].join('\n')

  it('sets the variables Compose interpolates with, over those the agent exports', () => {
    expect(images({ 'azure-pipelines.yml': task(['TAG=ltsc2022']), ...files })).toEqual([`run ${SERVERCORE}ltsc2022`])
    expect(images({ 'azure-pipelines.yml': task(['OTHER=x', ' TAG = $(winver) '], '  winver: ltsc2022'), ...files })).toEqual([`run ${SERVERCORE}ltsc2022`])
  })

  it('reads nothing from a line that is no assignment, and leaves a value with a $ unknown', () => {
    expect(images({ 'azure-pipelines.yml': task(['TAG']), ...files })).toEqual([])
    expect(images({ 'azure-pipelines.yml': task(['TAG=$OTHER']), ...files })).toEqual(['run unknown'])
  })
})

describe('a script step that sets a variable for its docker command', () => {
  it("reads the command's own TAG=… over the variable the agent exports", () => {
    const text = ['pool: { vmImage: windows-2022 }', 'variables:', '  tag: ltsc2019', 'steps:', '  - bash: TAG=ltsc2022 docker compose up', ''].join('\n')
    const files = { 'docker-compose.yml': ['services:', '  web:', `    image: ${SERVERCORE}\${TAG}`, '    isolation: process', ''].join('\n') }
    expect(images({ 'azure-pipelines.yml': text, ...files })).toEqual([`run ${SERVERCORE}ltsc2022`])
  })
})
