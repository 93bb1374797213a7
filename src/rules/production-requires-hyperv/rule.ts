import type { RuleModule } from '../../core/rule.js'
import { hypervFix, imageText, VALID_ISOLATION } from '../evaluate.js'
import { hypervIsolationFix } from '../fixes.js'

/** Windows containers in production must be explicitly Hyper-V isolated. */
const rule: RuleModule = {
  id: 'production-requires-hyperv',
  check({ project, index, report }) {
    const executions = index.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const { e, image } = executions[i]!
      if (!e.production || e.kind !== 'run') continue
      if (e.host?.hypervUnsupported) continue // hyperv-unsupported-on-host: the fix is another host
      const windows = e.host?.info.os === 'windows' || image?.os === 'windows'
      if (!windows || image?.os === 'linux' || image?.hostProcess) continue
      if (e.isolation.value === 'hyperv') continue
      if (e.isolation.value === undefined && e.isolation.raw !== undefined) continue // unresolved: cannot tell
      if (e.isolation.value !== undefined && !VALID_ISOLATION.has(e.isolation.value)) continue // invalid-isolation-value
      const now =
        e.isolation.value === undefined || e.isolation.value === 'default'
          ? 'without explicit isolation (process isolation on Windows Server hosts)'
          : `with ${e.isolation.value} isolation`
      // Any environment of the config may require Hyper-V (`require-isolation: hyperv`); production always does.
      const env = e.production.environment ?? 'production'
      const fix = hypervIsolationFix(e, project)
      report({
        message: `${e.what}: ${imageText(e)} runs in ${env} (${e.production.reason}) ${now}: set ${hypervFix(e)}`,
        span: e.isolationFixSpan,
        related: [...(e.production.span ? [{ span: e.production.span, message: `${env} because of this` }] : []), ...e.related],
        ...(fix ? { fix } : {}),
      })
    }
  },
}
export default rule
