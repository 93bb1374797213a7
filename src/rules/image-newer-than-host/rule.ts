import type { RuleModule } from '../../core/rule.js'
import { buildName, describeHost, imageText } from '../evaluate.js'
import { tagFix } from '../fixes.js'

/** An image newer than its host: no isolation mode runs it, and the engine refuses to pull it. */
const rule: RuleModule = {
  id: 'image-newer-than-host',
  check({ index, kb, report }) {
    const executions = index.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const { e, ev } = executions[i]!
      if (!ev || ev.verdict.kind !== 'newer-than-host') continue
      const tag = kb.matchingTag(ev.hostBuild, ev.host.kind)
      const builds = ev.image.builds!
      // The engine pulls any entry of the list the host can take: the lowest build is the oldest host that runs it.
      const lowest = Math.min(...builds)
      const what =
        builds.length === 1
          ? `${imageText(e)} is Windows build ${buildName(kb, builds[0]!)}`
          : `${imageText(e)} has only Windows builds ${builds.map((b) => buildName(kb, b)).join(', ')}`
      const picked = ev.picked ?? (builds.length === 1 ? builds[0] : undefined)
      const fix = tag && picked !== undefined ? tagFix(e, kb, picked, tag) : undefined
      report({
        message:
          `${e.what}: ${what}, newer than ${describeHost(e)}, build ${buildName(kb, ev.hostBuild)}, so it cannot be ` +
          `pulled: use ${tag ? `an ${tag} image` : 'an older image'} or a host with build ${buildName(kb, lowest)} or later`,
        span: e.span,
        related: e.related,
        ...(fix ? { fix } : {}),
      })
    }
  },
}
export default rule
