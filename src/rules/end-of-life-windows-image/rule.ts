import type { RuleModule } from '../../core/rule.js'

/** An image of an end-of-life Windows release (the Semi-Annual Channel builds 1709 to 20H2, Nano Server 1607). */
const rule: RuleModule = {
  id: 'end-of-life-windows-image',
  check({ index, kb, report }) {
    const images = index.images
    // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
    for (let i = 0; i < images.length; i++) {
      const { use, image } = images[i]!
      if (image.os !== 'windows' || image.builds?.length !== 1) continue
      const info = kb.buildInfo(image.builds[0]!)
      // An image can be of a release whose support ended before the build's (Nano Server 1607 on build 14393): the
      // message names that release, not the tag as written.
      const endOfLife = image.endOfLife ?? info?.endOfLife
      if (!info || !endOfLife) continue
      const release = `${image.release ?? `Windows ${info.name}`} (build ${info.build})`
      report({
        message: `${use.image} is ${release}, out of support since ${endOfLife}: move to an ltsc2022 or ltsc2025 image`,
        span: use.span,
      })
    }
  },
}
export default rule
