import type { RuleModule } from '../../core/rule.js'

/** A frozen or unmaintained image tag: it still pulls, but gets no security fixes. */
const rule: RuleModule = {
  id: 'unmaintained-image-tag',
  check({ project, kb, report }) {
    for (const use of project.images) {
      if (use.image === undefined) continue
      const status = kb.image(use.image).status
      if (status?.kind !== 'unmaintained') continue
      const since = status.since ? ` (not maintained since ${status.since})` : ''
      report({
        message: `${use.image} gets no security fixes${since}: ${status.reason}`,
        span: use.span,
      })
    }
  },
}
export default rule
