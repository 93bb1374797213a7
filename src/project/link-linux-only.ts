/**
 * The containers GitHub itself starts for a job (its `container:`, its `services:`, the Docker container actions of
 * its steps) when the job runs on a Windows host, where GitHub starts them only on Linux runners. Read one matrix
 * combination at a time (the image of `container: ${{ matrix.image }}` may be empty on the Windows legs, and an empty
 * image is no container at all), as the linker walks the job's steps; kept as one entry per span with the Windows
 * hosts of the combinations that start it.
 */
import type { RelatedLocation } from '../core/finding.js'
import type { HostRef, LinuxOnlyContainer } from '../model/project.js'
import type { Job, JobContainer, Step, Writable } from '../model/workflow.js'
import type { CompositeAction } from '../parsers/workflow.js'
import { expandValue, type ExpansionContext } from '../parsers/workflow-expressions.js'
import { hostKey, uniqueBy } from './unique.js'
import { EMPTY_LIST } from '../core/sized-copy.js'

const DOCKER_SCHEME = 'docker://'

/**
 * A step condition that may keep the step off a Windows runner, or off every runner: it reads a context that can
 * differ between runners or legs (`runner.os`, `matrix.*`, `env.*`, inputs, outputs of other steps) or says `false`.
 * Such a step is left alone; one that reads only `github.*` and status functions runs wherever the job runs.
 */
const MAY_SKIP = /\b(?:runner|matrix|env|vars|inputs|steps|needs|job|jobs|strategy|secrets)\s*[.[]|\bfalse\b/i

/** A container as one combination starts it (its host aside). */
type Found = Omit<LinuxOnlyContainer, 'hosts'>

/** A container recorded, with the hosts of the combinations that start it. */
interface Recorded {
  readonly found: Found
  readonly hosts: HostRef[]
}

/** Records the Docker container actions of the steps of one combination, as the linker walks them. */
export interface StepRecorder {
  /**
   * Records the Docker container action `step` runs (`uses: docker://…`, or `action` when it is a local Docker
   * container action); `via` is the chain of composite actions that led to the step. Returns the recorder for the
   * steps of the composite action it runs, or undefined when the step may be skipped on Windows (then neither it nor
   * the steps it runs are recorded). `holds`: the step's `if:` was evaluated and holds on this host (step-condition.ts).
   */
  step(step: Step, action: CompositeAction | undefined, via: readonly RelatedLocation[], holds?: boolean): StepRecorder | undefined
}

/** The containers a job's combinations start on their Windows hosts: one entry per span, with its hosts. */
export class LinuxOnlyContainers {
  /** Made with the first container: most jobs start none (one per job). */
  private bySpan: Map<string, Recorded> | undefined

  /**
   * Starts one combination: records its job container and services, and returns the recorder of its steps. Undefined
   * (nothing recorded) unless `host` is Windows with certainty (Linux, macOS, or a host isolint cannot know), or when
   * the job's own `if:` may keep it from running (as {@link MAY_SKIP} reads a step's).
   */
  combination(job: Job, ctx: ExpansionContext, host: HostRef | undefined): StepRecorder | undefined {
    if (host?.info.os !== 'windows') return undefined
    // A job whose own `if:` may keep it from running starts none of its containers (as a step's, below).
    if (job.condition && MAY_SKIP.test(job.condition.value)) return undefined
    if (job.container) this.add(jobContainer(job.container, 'job-container', ctx), host)
    for (const service of job.services ?? []) this.add(jobContainer(service, 'service', ctx), host)
    const recorder: StepRecorder = {
      step: (step, action, via, holds) => {
        if (step.condition && !holds && MAY_SKIP.test(step.condition.value)) return undefined
        this.add(containerAction(step, action, via), host)
        return recorder
      },
    }
    return recorder
  }

  /** Every container recorded, in the order first seen, each with its hosts once (by label and line) in order. */
  list(): readonly LinuxOnlyContainer[] {
    if (!this.bySpan) return EMPTY_LIST
    return [...this.bySpan.values()].map(({ found, hosts }) => ({ ...found, hosts: hosts.length > 1 ? uniqueBy(hosts, hostKey) : hosts }))
  }

  private add(found: Found | undefined, host: HostRef): void {
    if (!found) return
    const key = `${found.span.file}:${found.span.start.line}:${found.span.start.column}`
    const bySpan = (this.bySpan ??= new Map<string, Recorded>())
    const same = bySpan.get(key)
    if (same) same.hosts.push(host)
    else bySpan.set(key, { found, hosts: [host] })
  }
}

/** A job or service container, unless its image is empty in this combination or may be (an expression isolint cannot know). */
function jobContainer(c: JobContainer, kind: 'job-container' | 'service', ctx: ExpansionContext): Found | undefined {
  const raw = c.image.value
  // Only `${{ … }}` is evaluated in `container:` (no shell variables).
  const expanded = raw.includes('${{') ? expandValue(raw, ctx).value : raw
  let image: string | undefined
  if (expanded !== undefined) {
    // An empty image is no container; a matrix value that is a whole mapping (JSON) is not read here.
    image = expanded.trim()
    if (image === '' || image.startsWith('{')) return undefined
    if (image.startsWith(DOCKER_SCHEME)) image = image.slice(DOCKER_SCHEME.length)
  } else if (raw.replace(/\$\{\{[\s\S]*?\}\}/g, '').trim() === '') {
    // Nothing but expressions isolint cannot evaluate: the image may be empty, and the job then has no container.
    return undefined
  }
  const found: Writable<Found> = { kind, span: c.span, imageRaw: raw, via: [] }
  if (image !== undefined) found.image = image
  if (c.service !== undefined) found.service = c.service
  return found
}

/** The Docker container action a step runs: `uses: docker://…`, or a local action whose action.yml says `runs.using: docker`. */
function containerAction(step: Step, action: CompositeAction | undefined, via: readonly RelatedLocation[]): Found | undefined {
  if (!step.uses) return undefined
  const value = step.uses.value.trim()
  // Most steps run no container action: the fields they share are made only for one that does.
  if (!value.startsWith(DOCKER_SCHEME) && !action?.docker) return undefined
  const base = { kind: 'action', span: step.uses.span, uses: value, step: step.index + 1, via } as const
  if (value.startsWith(DOCKER_SCHEME)) {
    const image = value.slice(DOCKER_SCHEME.length)
    return image.includes('${{') ? { ...base, imageRaw: image } : { ...base, image, imageRaw: image }
  }
  if (!action?.docker) return undefined
  const written = action.docker.value.trim()
  const image = written.startsWith(DOCKER_SCHEME) ? written.slice(DOCKER_SCHEME.length) : undefined
  return image !== undefined ? { ...base, image, imageRaw: image } : { ...base, imageRaw: written }
}
