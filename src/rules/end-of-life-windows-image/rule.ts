import type { RuleModule } from '../../core/rule.js'

/** An image of an end-of-life Windows release (the Semi-Annual Channel builds 1709 to 20H2, Nano Server sac2016). */
const rule: RuleModule = {
  id: 'end-of-life-windows-image',
  check({ index, kb, report }) {
    const images = index.images
    // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
    for (let i = 0; i < images.length; i++) {
      const { use, image } = images[i]!
      if (image.os !== 'windows' || image.builds?.length !== 1) continue
      const info = kb.buildInfo(image.builds[0]!)
      // A tag can name images whose support ended before the build's (Nano Server sac2016 on build 14393).
      const endOfLife = image.endOfLife ?? info?.endOfLife
      if (!info || !endOfLife) continue
      const release = image.endOfLife ? `${image.tag ?? info.name} (build ${info.build})` : `Windows ${info.name} (build ${info.build})`
      report({
        message: `${use.image} is ${release}, out of support since ${endOfLife}: move to an ltsc2022 or ltsc2025 image`,
        span: use.span,
      })
    }
  },
}
export default rule
