import type { RuleModule } from '../../core/rule.js'

/** A job that runs docker commands on a Windows runner with no Docker engine (windows-11-arm). */
const rule: RuleModule = {
  id: 'runner-without-docker',
  check({ project, report }) {
    const jobs = project.jobs
    // Indexed, not for...of: no iterator result per job and host in code not yet optimized (issue 11).
    for (let j = 0; j < jobs.length; j++) {
      const { job, hosts, usesContainers } = jobs[j]!
      if (!usesContainers) continue
      for (let h = 0; h < hosts.length; h++) {
        const host = hosts[h]!
        if (host.info.os !== 'windows' || host.info.docker || !host.span) continue
        const build = host.info.build !== undefined ? ` (build ${host.info.build})` : ''
        report({
          message:
            `job '${job.id}' runs docker commands on ${host.info.label}${build}, which has no Docker engine: ` +
            `run the job on windows-2025 or windows-2022`,
          span: host.span,
        })
      }
    }
  },
}
export default rule
