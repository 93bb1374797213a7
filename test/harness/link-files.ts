/**
 * Links a project given as files (path to text), the way the loader would: workflows, Compose files and Dockerfiles
 * parsed by their names, every other file (a Makefile, a script, a local action's action.yml) only readable as text
 * (and as the action), and each Compose file read as a command runs it, interpolated with the command's environment
 * (a value isolint cannot know stays unknown).
 */
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { FileModel, Project } from '../../src/model/project.js'
import { parseCompose } from '../../src/parsers/compose.js'
import { parseDockerfile } from '../../src/parsers/dockerfile.js'
import { parseCompositeAction, parseWorkflow } from '../../src/parsers/workflow.js'
import { linkProject, type FileResolver } from '../../src/project/link.js'

const kb = loadKnowledgeBase()

export function linkFiles(files: Readonly<Record<string, string>>): Project {
  const models = new Map<string, FileModel>()
  for (const [file, text] of Object.entries(files)) {
    const model = file.includes('.github/workflows/')
      ? parseWorkflow(file, text).model
      : /(?:^|\/)(?:docker-)?compose[^/]*\.ya?ml$/.test(file)
        ? parseCompose(file, text, new Map()).model
        : /(?:^|\/)Dockerfile[^/]*$/.test(file)
          ? parseDockerfile(file, text).model
          : undefined
    if (model) models.set(file, model)
  }
  const resolver: FileResolver = {
    dockerfile: (rel) => {
      const m = models.get(rel)
      return m?.kind === 'dockerfile' ? m : undefined
    },
    compose: (rel) => {
      const m = models.get(rel)
      return m?.kind === 'compose' ? m : undefined
    },
    text: (rel) => files[rel],
    azurePipelines: () => undefined,
    // A local action (`uses: ./x`): its action.yml.
    action: (dir) => {
      const text = files[`${dir}/action.yml`]
      return text === undefined ? undefined : parseCompositeAction(`${dir}/action.yml`, text).action
    },
    // No .env files here: the command's environment alone.
    composeVariant: (rel, _envFiles, environment) => {
      const text = files[rel]
      return text === undefined ? undefined : parseCompose(rel, text, environment).model
    },
  }
  return linkProject([...models.values()], [], resolver, kb, { runners: [] })
}
