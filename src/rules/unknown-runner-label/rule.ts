import type { RuleModule } from '../../core/rule.js'

/** A Windows job that starts containers on runner labels neither the knowledge base nor the config knows. */
const rule: RuleModule = {
  id: 'unknown-runner-label',
  check({ project, report }) {
    const jobs = project.jobs
    // Indexed, not for...of: no iterator result per job and host in code not yet optimized (issue 11).
    for (let j = 0; j < jobs.length; j++) {
      const { job, hosts, usesContainers } = jobs[j]!
      if (!usesContainers) continue
      const seen = new Set<string>()
      for (let h = 0; h < hosts.length; h++) {
        const host = hosts[h]!
        const labels = host.unknownLabels
        if (!labels || labels.length === 0 || !host.span) continue
        const key = labels.join('\0').toLowerCase()
        if (seen.has(key)) continue
        seen.add(key)
        report({
          message:
            `job '${job.id}' runs Windows containers on [${labels.join(', ')}], runner labels isolint does not know ` +
            '(a self-hosted or larger runner), so its containers are not checked against the host\'s Windows build: ' +
            `map them in .isolint.yml under runners (- labels: [${labels.join(', ')}] with build: and hyperv:)`,
          span: host.span,
        })
      }
    }
  },
}
export default rule
