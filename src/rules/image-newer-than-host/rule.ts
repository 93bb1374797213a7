import type { RuleModule } from '../../core/rule.js'
import { buildName, describeHost, evaluate, imageText } from '../evaluate.js'
import { tagFix } from '../fixes.js'

/** An image newer than its host: no isolation mode runs it, and the engine refuses to pull it. */
const rule: RuleModule = {
  id: 'image-newer-than-host',
  check({ project, kb, report }) {
    for (const e of project.executions) {
      const ev = evaluate(e, kb)
      if (!ev || ev.verdict.kind !== 'newer-than-host') continue
      const tag = kb.matchingTag(ev.hostBuild, ev.host.kind)
      const builds = ev.image.builds!
      const newest = Math.max(...builds)
      const what =
        ev.picked !== undefined || builds.length === 1
          ? `${imageText(e)} is Windows build ${buildName(kb, ev.picked ?? builds[0]!)}`
          : `${imageText(e)} lists only Windows builds ${builds.map((b) => buildName(kb, b)).join(', ')}`
      const picked = ev.picked ?? (builds.length === 1 ? builds[0] : undefined)
      const fix = tag && picked !== undefined ? tagFix(e, kb, picked, tag) : undefined
      report({
        message:
          `${e.what}: ${what} but ${describeHost(e)} is ${buildName(kb, ev.hostBuild)}; no isolation mode runs an ` +
          `image newer than its host and the engine refuses to pull it: use ${tag ? `an ${tag} image` : 'an older image'} ` +
          `or a runner with build ${newest} or later`,
        span: e.span,
        related: e.related,
        ...(fix ? { fix } : {}),
      })
    }
  },
}
export default rule
