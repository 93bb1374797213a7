import type { RuleModule } from '../../core/rule.js'

/** A hosted runner label GitHub or Azure Pipelines no longer provides. */
const rule: RuleModule = {
  id: 'retired-runner-label',
  check({ project, report }) {
    const jobs = project.jobs
    // Indexed, not for...of: no iterator result per job and host in code not yet optimized (issue 11).
    for (let j = 0; j < jobs.length; j++) {
      const { job, hosts } = jobs[j]!
      for (let h = 0; h < hosts.length; h++) {
        const host = hosts[h]!
        const retired = host.info.retired
        if (!retired || !host.span) continue
        const matrix = host.matrix ? ` (matrix ${host.matrix})` : ''
        report({
          message:
            `job '${job.id}' runs on ${host.info.label}${matrix}, retired on ${retired.on}, so the job never starts` +
            `${host.provider === 'azure-pipelines' ? ' (Azure Pipelines no longer provides this agent image)' : ''}: ` +
            `move it to windows-2022 or windows-2025`,
          span: host.span,
        })
      }
    }
  },
}
export default rule
