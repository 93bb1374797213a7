import type { RuleModule } from '../../core/rule.js'

/** A frozen or unmaintained image tag: it still pulls, but gets no security fixes. */
const rule: RuleModule = {
  id: 'unmaintained-image-tag',
  check({ index, report }) {
    for (const { use, image } of index.images) {
      const status = image.status
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
