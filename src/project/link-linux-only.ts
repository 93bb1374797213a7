/**
 * The containers GitHub itself starts for a job (its `container:`, its `services:`, the Docker container actions of
 * its steps) when the job runs on a Windows host, where GitHub starts them only on Linux runners. One matrix
 * combination at a time: the image of `container: ${{ matrix.image }}` may be empty on the Windows legs, and an empty
 * image is no container at all.
 */
import type { RelatedLocation } from '../core/finding.js'
import type { HostRef, LinuxOnlyContainer } from '../model/project.js'
import type { Job, JobContainer, Step } from '../model/workflow.js'
import type { CompositeAction } from '../parsers/workflow.js'
import { expandValue, type ExpansionContext } from '../parsers/workflow-expressions.js'

/** Composite actions followed inside each other before giving up (a cycle, or a deep chain). */
const MAX_ACTION_DEPTH = 8

const DOCKER_SCHEME = 'docker://'

/**
 * A step condition that may keep the step off a Windows runner, or off every runner: it reads a context that can
 * differ between runners or legs (`runner.os`, `matrix.*`, `env.*`, inputs, outputs of other steps) or says `false`.
 * Such a step is left alone; one that reads only `github.*` and status functions runs wherever the job runs.
 */
const MAY_SKIP = /\b(?:runner|matrix|env|vars|inputs|steps|needs|job|jobs|strategy|secrets)\s*[.[]|\bfalse\b/i

/**
 * The containers GitHub would start for `job` on `host` in one combination (`ctx`), when the host is Windows with
 * certainty; none for any other host (Linux, macOS, or one isolint cannot know).
 */
export function linuxOnlyContainers(
  job: Job,
  ctx: ExpansionContext,
  host: HostRef | undefined,
  localAction: (step: Step) => CompositeAction | undefined,
): LinuxOnlyContainer[] {
  if (host?.info.os !== 'windows') return []
  const out: LinuxOnlyContainer[] = []
  if (job.container) jobContainer(job.container, 'job-container', ctx, host, out)
  for (const service of job.services ?? []) jobContainer(service, 'service', ctx, host, out)
  actionSteps(job.steps, host, localAction, [], 0, out)
  return out
}

/** A job or service container, unless its image is empty in this combination or may be (an expression isolint cannot know). */
function jobContainer(
  c: JobContainer,
  kind: 'job-container' | 'service',
  ctx: ExpansionContext,
  host: HostRef,
  out: LinuxOnlyContainer[],
): void {
  const raw = c.image.value
  // Only `${{ … }}` is evaluated in `container:` (no shell variables).
  const expanded = raw.includes('${{') ? expandValue(raw, ctx).value : raw
  let image: string | undefined
  if (expanded !== undefined) {
    // An empty image is no container; a matrix value that is a whole mapping (JSON) is not read here.
    image = expanded.trim()
    if (image === '' || image.startsWith('{')) return
    if (image.startsWith(DOCKER_SCHEME)) image = image.slice(DOCKER_SCHEME.length)
  } else if (raw.replace(/\$\{\{[\s\S]*?\}\}/g, '').trim() === '') {
    // Nothing but expressions isolint cannot evaluate: the image may be empty, and the job then has no container.
    return
  }
  const found: { -readonly [K in keyof LinuxOnlyContainer]: LinuxOnlyContainer[K] } = { kind, span: c.span, imageRaw: raw, host, via: [] }
  if (image !== undefined) found.image = image
  if (c.service !== undefined) found.service = c.service
  out.push(found)
}

/** The Docker container actions of `steps`, and of the local composite actions they run. */
function actionSteps(
  steps: readonly Step[],
  host: HostRef,
  localAction: (step: Step) => CompositeAction | undefined,
  via: readonly RelatedLocation[],
  depth: number,
  out: LinuxOnlyContainer[],
): void {
  for (const step of steps) {
    const uses = step.uses
    if (!uses || (step.condition && MAY_SKIP.test(step.condition.value))) continue
    const value = uses.value.trim()
    const base = { kind: 'action', span: uses.span, uses: value, step: step.index + 1, host, via } as const
    if (value.startsWith(DOCKER_SCHEME)) {
      const image = value.slice(DOCKER_SCHEME.length)
      out.push(image.includes('${{') ? { ...base, imageRaw: image } : { ...base, image, imageRaw: image })
      continue
    }
    const action = depth < MAX_ACTION_DEPTH ? localAction(step) : undefined
    if (!action) continue
    if (action.docker) {
      const written = action.docker.value.trim()
      const image = written.startsWith(DOCKER_SCHEME) ? written.slice(DOCKER_SCHEME.length) : undefined
      out.push(image !== undefined ? { ...base, image, imageRaw: image } : { ...base, imageRaw: written })
    } else if (action.steps.length > 0) {
      actionSteps(action.steps, host, localAction, [...via, { span: uses.span, message: `runs the composite action ${action.file}` }], depth + 1, out)
    }
  }
}
