import type { RuleModule } from '../../core/rule.js'

/** A hosted runner label GitHub no longer provides. */
const rule: RuleModule = {
  id: 'retired-runner-label',
  check({ project, report }) {
    for (const { job, hosts } of project.jobs) {
      for (const host of hosts) {
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
