// An Azure Pipelines container job (`container:` of a job, or of a pipeline of one job, an image or a
// `resources.containers` alias): the agent starts the container with `docker create OPTIONS IMAGE` on the job's host
// before the first step, in Docker's default isolation unless `options` say `--isolation`. It is checked as that
// `docker create` is.
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'

/** The findings of a pipeline, as `rule file:line:column`. */
function findings(text: string): string[] {
  const root = tempDir('isolint-azure-container-job-')
  writeTree(root, { 'azure-pipelines.yml': text })
  return lint({ root }).findings.map((f) => `${f.ruleId} ${f.span.file}:${f.span.start.line}:${f.span.start.column}`)
}

/** A job on `vmImage` in the container `container` (YAML lines after `container:`). */
function job(vmImage: string, container: readonly string[], before: readonly string[] = []): string {
  return [...before, 'jobs:', '  - job: build', `    pool: { vmImage: ${vmImage} }`, `    container:${container.length === 1 ? ` ${container[0]}` : ''}`, ...(container.length > 1 ? container.map((l) => `      ${l}`) : []), '    steps:', '      - script: echo', ''].join('\n')
}

describe('a container job', () => {
  it("checks the job's container against its Windows agent, in process isolation (the Docker default)", () => {
    expect(findings(job('windows-2022', [`${SERVERCORE}ltsc2019`]))).toEqual(['process-isolation-build-mismatch azure-pipelines.yml:4:16'])
    expect(findings(job('windows-2022', [`${SERVERCORE}ltsc2022`]))).toEqual([])
    // The mapping form, with options the agent passes to docker create.
    expect(findings(job('windows-2022', [`image: ${SERVERCORE}ltsc2019`, 'options: --isolation=hyperv --cpu-count 2']))).toEqual(['hyperv-unsupported-on-host azure-pipelines.yml:6:28'])
  })

  it('gives container-os-mismatch for a Windows container on a Linux agent', () => {
    expect(findings(job('ubuntu-latest', [`${SERVERCORE}ltsc2022`]))).toEqual(['container-os-mismatch azure-pipelines.yml:4:16'])
  })

  it('reads the resources.containers entry a container job names', () => {
    const resources = ['resources:', '  containers:', '    - container: win', `      image: ${SERVERCORE}ltsc2019`]
    expect(findings(job('windows-2022', ['win'], resources))).toEqual(['process-isolation-build-mismatch azure-pipelines.yml:4:14'])
  })

  it("reads a pipeline of one job's top-level container, per matrix leg with $[ variables['x'] ]", () => {
    const text = [
      'strategy:',
      '  matrix:',
      '    old:',
      `      containerImage: ${SERVERCORE}ltsc2019`,
      '    new:',
      `      containerImage: ${SERVERCORE}ltsc2022`,
      'pool: { vmImage: windows-2022 }',
      "container: $[ variables['containerImage'] ]",
      'steps:',
      '  - script: echo',
      '',
    ].join('\n')
    expect(findings(text)).toEqual(['process-isolation-build-mismatch azure-pipelines.yml:8:12'])
  })

  it('reads the resources.containers entry a variable names (the string form is an alias first, as a literal)', () => {
    const resources = ['resources:', '  containers:', '    - container: win', `      image: ${SERVERCORE}ltsc2019`, '    - container: server', `      image: ${SERVERCORE}ltsc2022`]
    const text = (leg: string): string =>
      [...resources, 'strategy:', '  matrix:', '    one:', `      CONTAINER: ${leg}`, 'pool: { vmImage: windows-2022 }', "container: $[ variables['CONTAINER'] ]", 'steps:', '  - script: echo', ''].join('\n')
    // At the entry's image, not an image named win.
    expect(findings(text('win'))).toEqual(['process-isolation-build-mismatch azure-pipelines.yml:4:14'])
    expect(findings(text('server'))).toEqual([])
    // No entry of that name: the value is the image.
    expect(findings(text(`${SERVERCORE}ltsc2019`))).toEqual(['process-isolation-build-mismatch azure-pipelines.yml:12:12'])
  })

  it('starts nothing isolint can check from an image or options it cannot read', () => {
    // Azure does not expand a macro in a container image; options are passed without a shell.
    expect(findings(job('windows-2022', ['$(image)'], ['variables:', `  image: ${SERVERCORE}ltsc2019`]))).toEqual([])
    expect(findings(job('windows-2022', [`image: ${SERVERCORE}ltsc2019`, 'options: --isolation=$(iso)']))).toEqual([])
    // A resource isolint cannot read (an ACR registry and repository) is never an image by its alias.
    const acr = ['resources:', '  containers:', '    - container: servercore', '      type: ACR', '      registry: contoso', '      repository: servercore']
    expect(findings(job('ubuntu-latest', ['servercore'], acr))).toEqual([])
    // A container job on macOS never starts.
    expect(findings(job('macOS-latest', [`${SERVERCORE}ltsc2019`]))).toEqual([])
  })
})
