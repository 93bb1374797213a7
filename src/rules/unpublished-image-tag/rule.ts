import type { RuleModule } from '../../core/rule.js'

/** An image tag the knowledge base knows is not published (the pull fails): `mcr.microsoft.com/windows:ltsc2025`. */
const rule: RuleModule = {
  id: 'unpublished-image-tag',
  check({ index, report }) {
    const images = index.images
    // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
    for (let i = 0; i < images.length; i++) {
      const x = images[i]!
      const { use, image } = x
      const status = image.status
      // An image of that name a build in the repository makes may be used without any pull.
      if (status?.kind !== 'unpublished' || index.builtHere(x)) continue
      report({ message: `${use.image} is not published, so the pull fails: ${status.reason}`, span: use.span })
    }
  },
}
export default rule
