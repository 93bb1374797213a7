/**
 * What the rules read of a project, worked out once per run by the engine (`ctx.index`) instead of once per rule:
 * each execution's image classification and evaluation, the image uses with their classification, and the
 * executions of each job. Pure.
 */
import type { ImageInfo, KnowledgeBase } from '../kb/types.js'
import type { Execution, ImageUse, Project } from '../model/project.js'
import { evaluateImage, type Evaluation } from './evaluate.js'

/** An execution with its image classified (`kb.image`) and evaluated (`evaluate`). */
export interface IndexedExecution {
  readonly e: Execution
  /** Undefined when the image could not be expanded. */
  readonly image: ImageInfo | undefined
  /** Undefined when the pairing cannot be evaluated (see `evaluate`). */
  readonly ev: Evaluation | undefined
}

/** An image use whose reference could be expanded, with its classification. */
export interface IndexedImageUse {
  readonly use: ImageUse & { readonly image: string }
  readonly image: ImageInfo
}

export interface ModelIndex {
  /** Every execution of the project, in model order. */
  readonly executions: readonly IndexedExecution[]
  /** The image uses with an expanded reference, in model order. */
  readonly images: readonly IndexedImageUse[]
  /** The executions of a job (by workflow file and job id), in model order. */
  executionsOfJob(file: string, jobId: string): readonly IndexedExecution[]
  /**
   * Whether the image of this use may be one a build in the repository tags (see `Project.built`), taken from the
   * machine without a pull: a `FROM`, a Compose service, a docker run or create. Never for a docker pull, which asks the
   * registry, nor for a Kubernetes manifest, whose nodes pull what CI built only once it is pushed to a registry.
   */
  builtHere(x: IndexedImageUse): boolean
}

export function buildModelIndex(project: Project, kb: KnowledgeBase): ModelIndex {
  const executions = project.executions.map((e): IndexedExecution => {
    const image = e.image !== undefined ? kb.image(e.image) : undefined
    return { e, image, ev: evaluateImage(e, kb, image) }
  })
  // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
  const uses = project.images
  const images: IndexedImageUse[] = []
  for (let i = 0; i < uses.length; i++) {
    const use = uses[i]!
    if (use.image !== undefined) images.push({ use: use as IndexedImageUse['use'], image: kb.image(use.image) })
  }
  let byJob: Map<string, Map<string, IndexedExecution[]>> | undefined
  // Made at the first question: most runs ask none (only for a tag the pull of which fails).
  let built: Set<string> | undefined
  return {
    executions,
    images,
    executionsOfJob(file, jobId) {
      if (!byJob) {
        byJob = new Map()
        for (let i = 0; i < executions.length; i++) {
          const x = executions[i]!
          const job = x.e.host?.job
          if (!job) continue
          let ofFile = byJob.get(job.file)
          if (!ofFile) byJob.set(job.file, (ofFile = new Map<string, IndexedExecution[]>()))
          const list = ofFile.get(job.id)
          if (list) list.push(x)
          else ofFile.set(job.id, [x])
        }
      }
      return byJob.get(file)?.get(jobId) ?? []
    },
    builtHere({ use, image }) {
      if (use.where === 'pull' || use.where === 'manifest') return false
      built ??= new Set((project.built ?? []).map((ref) => imageKey(kb.image(ref))))
      return built.has(imageKey(image))
    },
  }
}

/** One key for the names of one image: the knowledge base's repository (Docker Hub names normalised) and tag. */
function imageKey(image: ImageInfo): string {
  return `${image.repository}:${image.tag ?? 'latest'}`
}
