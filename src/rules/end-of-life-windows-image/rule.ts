import type { RuleModule } from '../../core/rule.js'
import { windowsEndOfLife } from '../evaluate.js'

/** An image of an end-of-life Windows release (the Semi-Annual Channel builds 1709 to 20H2, Nano Server 1607). */
const rule: RuleModule = {
  id: 'end-of-life-windows-image',
  check({ index, kb, report }) {
    const images = index.images
    // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
    for (let i = 0; i < images.length; i++) {
      const { use, image } = images[i]!
      // An image can be of a release whose support ended before the build's (Nano Server 1607 on build 14393): the
      // message names that release, not the tag as written.
      const ended = windowsEndOfLife(image, kb)
      if (!ended) continue
      const { info, endOfLife } = ended
      const release = `${image.release ?? `Windows ${info.name}`} (build ${info.build})`
      report({
        message: `${use.image} is ${release}, out of support since ${endOfLife}: move to an ltsc2022 or ltsc2025 image`,
        span: use.span,
      })
    }
  },
}
export default rule
