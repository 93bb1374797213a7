/**
 * Links a project given as files (path to text), the way the loader would: workflows, Compose files and Dockerfiles
 * parsed by what their names say (the product's `classifyName`: templates left out, a name such as `Dockerfile.x` a
 * Dockerfile only when its text reads like one), every other file (a Makefile, a script, a local action's
 * action.yml or action.yaml) only readable as text
 * (and as the action), and each Compose file read as a command runs it, interpolated with the command's environment
 * (a value isolint cannot know stays unknown).
 */
import { loadKnowledgeBase } from '../../src/kb/index.js'
import type { FileModel, Project } from '../../src/model/project.js'
import { parseCompose } from '../../src/parsers/compose.js'
import { parseDockerfile } from '../../src/parsers/dockerfile.js'
import { parseCompositeAction, parseWorkflow } from '../../src/parsers/workflow.js'
import { linkProject, type FileResolver } from '../../src/project/link.js'
import { ACTION_FILE_NAMES, classifyName, looksLikeDockerfile } from '../../src/project/names.js'

const kb = loadKnowledgeBase()

/** `onRead`: told of each file read as text (a Makefile, a script), to count the work. */
export function linkFiles(files: Readonly<Record<string, string>>, onRead?: (rel: string) => void): Project {
  const models = new Map<string, FileModel>()
  for (const [file, text] of Object.entries(files)) {
    const model = parsedByName(file, text)
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
    text: onRead ? (rel) => (onRead(rel), files[rel]) : (rel) => files[rel],
    azurePipelines: () => undefined,
    // A local action (`uses: ./x`): its action.yml, or its action.yaml.
    action: (dir) => {
      const file = ACTION_FILE_NAMES.map((name) => `${dir}/${name}`).find((f) => files[f] !== undefined)
      return file === undefined ? undefined : parseCompositeAction(file, files[file]!).action
    },
    // No .env files here: the command's environment alone.
    composeVariant: (rel, _envFiles, environment) => {
      const text = files[rel]
      return text === undefined ? undefined : parseCompose(rel, text, environment).model
    },
  }
  return linkProject([...models.values()], [], resolver, kb, { runners: [] })
}

/** The model of a file that its name says is a workflow, a Compose file or a Dockerfile; undefined for any other. */
function parsedByName(file: string, text: string): FileModel | undefined {
  const verdict = classifyName(file)
  if (!verdict || verdict.template) return undefined
  switch (verdict.kind) {
    case 'workflow':
      return parseWorkflow(file, text).model
    case 'compose':
      return parseCompose(file, text, new Map()).model
    case 'dockerfile':
      return verdict.ambiguous && !looksLikeDockerfile(text) ? undefined : parseDockerfile(file, text).model
    default:
      return undefined
  }
}
