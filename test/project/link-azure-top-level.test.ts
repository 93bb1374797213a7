// A pipeline of one job (top-level `steps:`) takes that job's `strategy:` at the top level, as the Azure Pipelines
// schema allows (`strategy`, `pool`, `variables`, `steps`): one host per matrix leg, as for a `jobs:` job.
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

/** The findings of a tree, as `rule file:line` and the host each names (its related note), in order. */
function findings(files: Readonly<Record<string, string>>): string[] {
  const root = tempDir('isolint-azure-top-level-')
  writeTree(root, files)
  return lint({ root }).findings.map((f) => `${f.ruleId} ${f.span.file}:${f.span.start.line} ${f.related.find((r) => r.message.startsWith('runs on'))?.message ?? ''}`.trim())
}

/** A pipeline of one job over `legs` (`name: vmImage`), `pool: vmImage: $(imageName)` and one build of `app`. */
function pipeline(legs: Readonly<Record<string, string>>, step = '- powershell: docker build app'): string {
  return [
    'trigger: [main]',
    'strategy:',
    '  matrix:',
    ...Object.entries(legs).flatMap(([name, image]) => [`    ${name}:`, `      imageName: ${image}`]),
    'pool:',
    '  vmImage: $(imageName)',
    'steps:',
    `  ${step}`,
    '',
  ].join('\n')
}

const LTSC2022 = { 'app/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo\n' }

describe("a pipeline's top-level strategy", () => {
  it('checks each matrix leg on its own agent: an ltsc2022 image on windows-2019 only', () => {
    const out = findings({ 'azure-pipelines.yml': pipeline({ ws2019: 'windows-2019', ws2022: 'windows-2022' }), ...LTSC2022 })
    // The 2019 leg's, at the leg's `imageName` (line 5); the 2022 leg builds too, with nothing to report.
    expect(out).toEqual(['image-newer-than-host app/Dockerfile:1 runs on windows-2019 (Windows build 17763)', 'retired-runner-label azure-pipelines.yml:5'])
  })

  it('gives container-os-mismatch for a Windows image on the Linux leg only', () => {
    const out = findings({ 'azure-pipelines.yml': pipeline({ linux: 'ubuntu-latest', windows: 'windows-2022' }), ...LTSC2022 })
    expect(out).toEqual([expect.stringMatching(/^container-os-mismatch app\/Dockerfile:1 runs on ubuntu-latest/)])
  })

  it('reads nothing from a matrix isolint cannot see', () => {
    const text = ['parameters:', '  - name: legs', '    type: object', 'strategy:', '  matrix: ${{ parameters.legs }}', 'pool:', '  vmImage: $(imageName)', 'steps:', '  - powershell: docker build app', ''].join('\n')
    expect(findings({ 'azure-pipelines.yml': text, ...LTSC2022 })).toEqual([])
  })
})
