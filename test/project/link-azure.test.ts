// The Azure linker's links, as the workflow linker takes them: `{ from, to }` pairs from the pipeline a run started
// at, to each template it includes and each Dockerfile or Compose file a step reaches, in the order found.
import { describe, expect, it } from 'vitest'
import { environmentClassifier } from '../../src/config/environments.js'
import { defaultConfig } from '../../src/config/load.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { AzurePipelinesModel } from '../../src/model/azure-pipelines.js'
import { parseAzurePipelines } from '../../src/parsers/azure-pipelines.js'
import { linkAzurePipelines } from '../../src/project/link-azure.js'

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
