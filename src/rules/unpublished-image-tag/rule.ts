import type { RuleModule } from '../../core/rule.js'

/** An image tag the knowledge base knows is not published (the pull fails): `mcr.microsoft.com/windows:ltsc2025`. */
const rule: RuleModule = {
  id: 'unpublished-image-tag',
  check({ index, report }) {
    for (const { use, image } of index.images) {
      const status = image.status
      if (status?.kind !== 'unpublished') continue
      report({ message: `${use.image} is not published, so the pull fails: ${status.reason}`, span: use.span })
    }
  },
}
export default rule
