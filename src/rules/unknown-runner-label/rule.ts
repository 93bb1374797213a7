import type { RuleModule } from '../../core/rule.js'

/** A Windows job that starts containers on runner labels neither the knowledge base nor the config knows. */
const rule: RuleModule = {
  id: 'unknown-runner-label',
  check({ project, report }) {
    for (const { job, hosts, usesContainers } of project.jobs) {
      if (!usesContainers) continue
      const seen = new Set<string>()
      for (const host of hosts) {
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
