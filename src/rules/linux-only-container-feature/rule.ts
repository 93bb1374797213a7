import type { RelatedLocation } from '../../core/finding.js'
import type { RuleModule } from '../../core/rule.js'
import type { KnowledgeBase } from '../../kb/types.js'
import type { HostRef, LinuxOnlyContainer } from '../../model/project.js'
import { listed } from '../evaluate.js'

/**
 * A job container, service container or Docker container action of a job on a Windows runner: GitHub starts them
 * only on Linux runners. One finding per container, naming the Windows runners of every matrix combination that starts it.
 */
const rule: RuleModule = {
  id: 'linux-only-container-feature',
  check({ project, kb, report }) {
    const jobs = project.jobs
    // Indexed, not for...of: no iterator result (nor empty list) per job in code not yet optimized (issue 11).
    for (let j = 0; j < jobs.length; j++) {
      const { job, linuxOnly } = jobs[j]!
      if (linuxOnly === undefined) continue
      for (const c of linuxOnly) {
        report({
          message: `${what(job.id, c)} on ${listed(c.hosts.map(describe))}, ${why(c)}: ${fix(c, kb)}`,
          span: c.span,
          related: [...c.via, ...c.hosts.flatMap((h): RelatedLocation[] => (h.span ? [{ span: h.span, message: `runs on ${describe(h)}` }] : []))],
        })
      }
    }
  },
}
export default rule

function what(job: string, c: LinuxOnlyContainer): string {
  const image = c.image ?? c.imageRaw
  if (c.kind === 'job-container') return `job '${job}' runs in the container ${image}`
  if (c.kind === 'service') return `job '${job}' starts the service container '${c.service}' (${image})`
  const where = c.via.length > 0 ? ` of the composite action ${c.span.file}` : ''
  return `step ${c.step}${where} of job '${job}' runs the Docker container action ${c.uses}`
}

function why(c: LinuxOnlyContainer): string {
  if (c.kind === 'action') return 'but GitHub runs container actions only on Linux runners, so the step fails'
  const which = c.kind === 'job-container' ? 'job containers' : 'service containers'
  return `but GitHub starts ${which} only on Linux runners, so the job fails before its first step`
}

function fix(c: LinuxOnlyContainer, kb: KnowledgeBase): string {
  const os = c.image !== undefined ? kb.image(c.image).os : 'unknown'
  const dockerRun = c.kind === 'service' ? '`docker run -d`' : '`docker run`'
  const inStep = `run the Windows image with ${dockerRun} in a \`run:\` step instead`
  const linux = c.kind === 'action' ? 'move the step to a job on ubuntu-latest' : 'run the job on ubuntu-latest'
  if (os === 'windows') return inStep
  if (os === 'linux') return linux
  return c.kind === 'action' && c.image === undefined
    ? linux
    : `${linux} if the image is a Linux one, or ${inStep.replace('the Windows image', 'a Windows one')}`
}

function describe(host: HostRef): string {
  return host.info.build !== undefined ? `${host.info.label} (build ${host.info.build})` : host.info.label
}

