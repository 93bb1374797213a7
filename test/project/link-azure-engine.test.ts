// An Azure Pipelines step that selects another engine or builder for docker (`docker context use x`, in its script or
// in a file it runs): docker keeps the choice, so the later steps of the job leg see DOCKER_CONTEXT or BUILDX_BUILDER
// unknown, and their docker commands link nothing (link.ts `otherEngine`).
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const PIPELINE = 'azure-pipelines.yml'

/** The images the containers of a pipeline on windows-2022 (its `steps`, as YAML lines) and `files` run on a host. */
function images(steps: readonly string[], files: Readonly<Record<string, string>> = {}): (string | undefined)[] {
  const root = tempDir('isolint-azure-engine-')
  writeTree(root, {
    [PIPELINE]: ['pool: { vmImage: windows-2022 }', 'steps:', ...steps.map((s) => `  ${s}`), ''].join('\n'),
    'compose.yaml': 'services:\n  web:\n    image: ubuntu:22.04\n',
    'lin/Dockerfile': 'FROM ubuntu:22.04\nRUN echo build\n',
    ...files,
  })
  return lint({ root }).project.executions.filter((e) => e.host !== undefined).map((e) => e.image)
}

describe('an Azure Pipelines step that selects another engine or builder', () => {
  it('reads nothing on the host in the later steps after a step runs docker context use', () => {
    expect(images(['- bash: docker context use linuxbox', '- bash: docker compose up -d'])).toEqual([])
    expect(images(['- pwsh: docker context use linuxbox', '- script: docker run ubuntu:22.04'])).toEqual([])
    // A builder elsewhere: the later builds only.
    expect(images(['- bash: docker buildx use remote', '- bash: docker buildx build ./lin'])).toEqual([])
    expect(images(['- bash: docker buildx use remote', '- bash: docker run ubuntu:22.04'])).toEqual(['ubuntu:22.04'])
    // No selection: the host's engine.
    expect(images(['- bash: docker context ls', '- bash: docker compose up -d'])).toEqual(['ubuntu:22.04'])
  })

  it('reads nothing on the host in the later steps after a file a step runs selects a context', () => {
    const files = { 'ci/ctx.sh': '#!/bin/bash\ndocker context use linuxbox\n' }
    expect(images(['- bash: ./ci/ctx.sh', '- bash: docker compose up -d'], files)).toEqual([])
    expect(images(['- bash: make remote', '- bash: docker compose up -d'], { Makefile: 'remote:\n\tdocker context use linuxbox\n' })).toEqual([])
  })

  it("reads the step's own DOCKER_CONTEXT env over the selection", () => {
    expect(images(['- bash: docker context use linuxbox', '- bash: docker compose up -d', '  env: { DOCKER_CONTEXT: default }'])).toEqual(['ubuntu:22.04'])
  })
})
