import type { RuleModule } from '../../core/rule.js'

/** A frozen or unmaintained image tag: it still pulls, but gets no security fixes. */
const rule: RuleModule = {
  id: 'unmaintained-image-tag',
  check({ index, report }) {
    const images = index.images
    // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
    for (let i = 0; i < images.length; i++) {
      const { use, image } = images[i]!
      const status = image.status
      if (status?.kind !== 'unmaintained') continue
      // A date-stamped tag went unmaintained when a newer stamp replaced it, not when its line did (`since`).
      const since = status.stamped
        ? ` (stamped ${status.stamped}; a date-stamped tag is maintained only while it is the newest of its line)`
        : status.since
          ? ` (not maintained since ${status.since})`
          : ''
      report({
        message: `${use.image} gets no security fixes${since}: ${status.reason}`,
        span: use.span,
      })
    }
  },
}
export default rule
