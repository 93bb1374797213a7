import type { RuleModule } from '../../core/rule.js'
import { windowsEndOfLife } from '../evaluate.js'

/** A frozen or unmaintained image tag: it still pulls, but gets no security fixes. */
const rule: RuleModule = {
  id: 'unmaintained-image-tag',
  check({ index, kb, report }) {
    const images = index.images
    // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
    for (let i = 0; i < images.length; i++) {
      const { use, image } = images[i]!
      const status = image.status
      if (status?.kind !== 'unmaintained') continue
      // A tag of a Windows release whose support ended before its repository stopped updates (powershell:nanoserver-1803,
      // 1803 ended 2019-11-12, the repository 2025-03-26) got no fixes from the release's end on: end-of-life-windows-image
      // reports it with that date, and the repository's date would tell the wrong one. A tag frozen first keeps its own.
      const ended = windowsEndOfLife(image, kb)
      const frozen = status.stamped ?? status.since
      if (ended && (frozen === undefined || ended.endOfLife <= frozen)) continue
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
