import { loadCatalog } from '../../core/catalog.js'
import type { RuleModule } from '../../core/rule.js'
import { directiveProblems, today } from '../../suppressions/directives.js'

/** An inline suppression that cannot be honoured: no reason, unknown or unsuppressible rule, bad expiry. */
const rule: RuleModule = {
  id: 'invalid-suppression',
  check({ directives, config, report }) {
    const policy = config?.suppressions ?? { requireReason: true, never: [] }
    const catalog = loadCatalog()
    const on = today()
    for (const d of directives ?? []) {
      const problems = directiveProblems(d, policy, catalog, on)
      if (problems.length === 0) continue
      report({
        message: `this suppression suppresses nothing: ${problems.join('; ')}`,
        span: d.span,
      })
    }
  },
}
export default rule
