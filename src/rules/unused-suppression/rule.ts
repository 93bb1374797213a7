import { loadCatalog } from '../../core/catalog.js'
import type { RuleModule } from '../../core/rule.js'
import { applySuppressions } from '../../suppressions/apply.js'
import { today, validDirectives } from '../../suppressions/directives.js'

/** A valid inline suppression that matches no finding (of rules that ran): stale, or on the wrong line. */
const rule: RuleModule = {
  id: 'unused-suppression',
  late: true,
  check(ctx) {
    const { directives, config, ranRules, report } = ctx
    const policy = config?.suppressions ?? { requireReason: true, never: [] }
    const catalog = loadCatalog()
    const on = today()
    const valid = validDirectives(directives ?? [], policy, catalog, on)
    if (valid.length === 0) return
    const { used } = applySuppressions(ctx.findings ?? [], valid, on)
    for (const d of valid) {
      // A rule that did not run (turned off, or not selected) cannot show that its suppression is stale.
      if (used.has(d) || !d.ruleIds.every((id) => ranRules?.has(id))) continue
      const where = d.kind === 'file' ? 'in this file' : `on line ${d.target}`
      report({
        message: `this suppression of ${d.ruleIds.join(', ')} matches no finding ${where}: the problem is gone or the comment is on the wrong line; remove it`,
        span: d.span,
      })
    }
  },
}
export default rule
