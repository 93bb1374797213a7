import type { RuleModule } from '../../core/rule.js'
import { missingTagFix } from '../fixes.js'

/** An MCR Windows base image without a tag, or with `latest`, which those repositories do not publish. */
const rule: RuleModule = {
  id: 'windows-image-missing-tag',
  check({ project, kb, report }) {
    for (const use of project.images) {
      if (use.image === undefined) continue
      const image = kb.image(use.image)
      if (!image.windowsBase || !image.missingTag) continue
      const fix = missingTagFix(use, project, kb)
      const written = image.tag ? `has the tag '${image.tag}'` : 'has no tag, so Docker asks for latest'
      report({
        message:
          `${use.image} ${written}, but the Windows base images publish no latest tag and the pull fails: name ` +
          `the Windows release of the host, for example ${image.repository}:ltsc2022 (Windows Server 2022) or ` +
          `${image.repository}:ltsc2025 (Windows Server 2025)`,
        span: use.span,
        ...(fix ? { fix } : {}),
      })
    }
  },
}
export default rule
