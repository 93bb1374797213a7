import type { RuleModule } from '../../core/rule.js'

/**
 * A smoke test started the image on a real Windows engine with the isolation the rules predict, and it failed.
 * Static linting reports nothing; `isolint smoke` and the action's `smoke-test: true` pass the observations in.
 */
const rule: RuleModule = {
  id: 'smoke-test-failed',
  check({ smoke, report }) {
    for (const o of smoke ?? []) {
      const build = o.imageBuild !== undefined ? ` (build ${o.imageBuild})` : ''
      report({
        message:
          `smoke test: ${o.what}: ${o.image}${build} failed on the engine's host ${o.host} with ${o.isolation} ` +
          `isolation (${o.cause}): ${o.explanation}. The engine said: ${o.detail}`,
        span: o.span,
        related: o.alsoAt.map((span) => ({ span, message: 'the same image is used here' })),
      })
    }
  },
}
export default rule
