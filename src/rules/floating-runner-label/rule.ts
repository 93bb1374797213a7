import type { RuleModule } from '../../core/rule.js'

/** `windows-latest` (or another moving label) on a job that builds or runs Windows containers. */
const rule: RuleModule = {
  id: 'floating-runner-label',
  check({ project, kb, report }) {
    for (const { job, hosts, usesContainers } of project.jobs) {
      if (!usesContainers) continue
      for (const host of hosts) {
        const floating = host.info.floating
        if (!floating || host.info.os !== 'windows' || !host.span) continue
        const now = kb.host(floating.resolvesTo)
        const pinned = now?.label ?? floating.resolvesTo
        const before = (floating.previous ?? []).map((p) => `${p.label}, build ${p.build}, until ${p.until}`)
        const moved = before.length > 0 ? `it was ${before.join('; then ')}, and is now ` : 'it is now '
        const build = host.info.build !== undefined ? `, build ${host.info.build}` : ''
        report({
          message:
            `job '${job.id}' runs Windows containers on ${host.info.label}, a label that moves between Windows ` +
            `Server releases (${moved}${pinned}${build}); every container must match the host build, so the job ` +
            `can break with no edit to this repository: pin ${pinned} (or the release your images target)`,
          span: host.span,
          fix: { span: host.span, replacement: pinned, description: `pin ${pinned}` },
        })
      }
    }
  },
}
export default rule
