import type { RuleModule } from '../../core/rule.js'
import { applySuppressions } from '../../suppressions/apply.js'

/** A valid inline suppression that matches no finding (of rules that ran): stale, or on the wrong line. */
const rule: RuleModule = {
  id: 'unused-suppression',
  late: true,
  check(ctx) {
    const { suppressions, ranRules, report } = ctx
    // The run's valid directives, worked out once (the run applies the same ones to its findings).
    if (!suppressions || suppressions.valid.length === 0) return
    const { used } = applySuppressions(ctx.findings ?? [], suppressions.valid, suppressions.today)
    for (const d of suppressions.valid) {
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
