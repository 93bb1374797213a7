import type { RuleModule } from '../../core/rule.js'

/** An image of an end-of-life Windows release (the Semi-Annual Channel builds 1709 to 20H2). */
const rule: RuleModule = {
  id: 'end-of-life-windows-image',
  check({ project, kb, report }) {
    for (const use of project.images) {
      if (use.image === undefined) continue
      const image = kb.image(use.image)
      if (image.os !== 'windows' || image.builds?.length !== 1) continue
      const info = kb.buildInfo(image.builds[0]!)
      if (!info?.endOfLife) continue
      report({
        message:
          `${use.image} is Windows ${info.name} (build ${info.build}), out of support since ${info.endOfLife}: it ` +
          `gets no security fixes, no supported Windows Server runs it in process isolation and older hosts cannot ` +
          `run it at all; move to an ltsc2022 or ltsc2025 image`,
        span: use.span,
      })
    }
  },
}
export default rule
