import type { RuleModule } from '../../core/rule.js'

/** A hosted runner label GitHub or Azure Pipelines no longer provides. */
const rule: RuleModule = {
  id: 'retired-runner-label',
  check({ project, report }) {
    const jobs = project.jobs
    // Indexed, not for...of: no iterator result per job and host in code not yet optimized (issue 11).
    for (let j = 0; j < jobs.length; j++) {
      const { job, hosts } = jobs[j]!
      // Matrix legs that share one written label (Azure's `vmImage` beside a `strategy.matrix`) are one finding
      // there, without a leg's name: every leg runs on it.
      const legs = new Map<string, number>()
      for (let h = 0; h < hosts.length; h++) {
        const host = hosts[h]!
        if (host.info.retired && host.span) legs.set(placeOf(host.span, host.info.label), (legs.get(placeOf(host.span, host.info.label)) ?? 0) + 1)
      }
      const reported = new Set<string>()
      for (let h = 0; h < hosts.length; h++) {
        const host = hosts[h]!
        const retired = host.info.retired
        if (!retired || !host.span) continue
        const place = placeOf(host.span, host.info.label)
        if (reported.has(place)) continue
        reported.add(place)
        const matrix = host.matrix && legs.get(place) === 1 ? ` (matrix ${host.matrix})` : ''
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

function placeOf(span: { readonly file: string; readonly start: { readonly line: number; readonly column: number } }, label: string): string {
  return `${span.file}\0${span.start.line}:${span.start.column}\0${label}`
}

export default rule
