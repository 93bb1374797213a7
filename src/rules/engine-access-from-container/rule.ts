import type { RuleModule } from '../../core/rule.js'
import { engineAccessReports, type EngineMountCandidate } from './engine-pipes.js'

/** A container given the container engine's named pipe controls the host, whatever its isolation. */
const rule: RuleModule = {
  id: 'engine-access-from-container',
  check({ project, report }) {
    const candidates: EngineMountCandidate[] = []
    const executions = project.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const e = executions[i]!
      // Most executions mount nothing: no empty list and iterator for them.
      if (e.mounts === undefined) continue
      for (const m of e.mounts) {
        candidates.push({
          source: m.source,
          span: m.span,
          what: e.what,
          ...(e.production ? { production: e.production.reason } : {}),
          ...(e.production?.environment ? { environment: e.production.environment } : {}),
          ...(e.untrusted ? { untrusted: e.untrusted.reason } : {}),
          related: [
            ...(e.untrusted?.span ? [{ span: e.untrusted.span, message: 'code from a pull request because of this' }] : []),
            ...(e.production?.span ? [{ span: e.production.span, message: `${e.production.environment ?? 'production'} because of this` }] : []),
            ...e.related,
          ],
        })
      }
    }
    for (const r of engineAccessReports(candidates)) report(r)
  },
}
export default rule
