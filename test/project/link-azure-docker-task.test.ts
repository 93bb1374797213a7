// An Azure Pipelines `Docker@2` task that builds runs `docker build -f DOCKERFILE ARGUMENTS -t TAGS CONTEXT`: its
// `arguments` (`--build-arg`, `--target`, `--isolation`, `--platform`) are read as that command's, except with
// `command: buildAndPush`, which ignores them.
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'

/** The builds of a tree on a host, as `image isolation` (the image unknown when isolint cannot know it). */
function builds(files: Readonly<Record<string, string>>): string[] {
  const root = tempDir('isolint-azure-docker-task-')
  writeTree(root, files)
  return lint({ root })
    .project.executions.filter((e) => e.host !== undefined && e.kind === 'build')
    .map((e) => `${e.image ?? 'unknown'} ${e.isolation.value ?? ''}`.trim())
}

/** A pipeline on windows-2022 (variable `winver: ltsc2022`) whose one step is a `Docker@2` task with `inputs`. */
function pipeline(inputs: readonly string[]): string {
  return ['pool: { vmImage: windows-2022 }', 'variables:', '  winver: ltsc2022', 'steps:', '  - task: Docker@2', '    inputs:', ...inputs.map((l) => `      ${l}`), ''].join('\n')
}

/** `app/Dockerfile`: two stages, the last one's base image from the build argument TAG (ltsc2019 by default). */
const FILES = {
  'app/Dockerfile': `ARG TAG=ltsc2019\nFROM ${SERVERCORE}ltsc2022 AS tools\nRUN echo\nFROM ${SERVERCORE}\${TAG} AS final\nRUN echo\n`,
}

describe('a Docker@2 build', () => {
  it('reads --build-arg, --target, --isolation and --platform in arguments', () => {
    const out = (args: string) => builds({ 'azure-pipelines.yml': pipeline(['command: build', 'Dockerfile: app/Dockerfile', `arguments: ${args}`]), ...FILES })
    expect(out('--build-arg TAG=$(winver) --isolation=hyperv')).toEqual([`${SERVERCORE}ltsc2022 hyperv`, `${SERVERCORE}ltsc2022 hyperv`])
    expect(out('--target tools --isolation process')).toEqual([`${SERVERCORE}ltsc2022 process`])
    expect(out('--platform windows/amd64 --build-arg TAG=ltsc2025')).toEqual([`${SERVERCORE}ltsc2022`, `${SERVERCORE}ltsc2025`])
  })

  it('ignores arguments with command: buildAndPush, as the task does', () => {
    const inputs = ['command: buildAndPush', 'Dockerfile: app/Dockerfile', 'arguments: --build-arg TAG=ltsc2022 --target tools']
    expect(builds({ 'azure-pipelines.yml': pipeline(inputs), ...FILES })).toEqual([`${SERVERCORE}ltsc2022`, `${SERVERCORE}ltsc2019`])
  })

  it('reads nothing from arguments the task passes otherwise than a shell reads them, or that name another Dockerfile', () => {
    // No shell: `$TAG` is that text. A second -f (after the task's) names the Dockerfile docker reads.
    for (const args of ['--build-arg TAG=$TAG', '-f other/Dockerfile', '--file=other/Dockerfile']) {
      const inputs = ['command: build', 'Dockerfile: app/Dockerfile', `arguments: '${args}'`]
      expect(builds({ 'azure-pipelines.yml': pipeline(inputs), ...FILES, 'other/Dockerfile': `FROM ${SERVERCORE}ltsc2016\n` }), args).toEqual([])
    }
  })
})
