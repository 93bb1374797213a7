import type { RuleModule } from '../../core/rule.js'
import { missingTagFix } from '../fixes.js'

/** The current MCR names of the legacy Docker Hub and MCR names of the base images. */
const MCR_NAMES: Readonly<Record<string, string>> = {
  'microsoft/windowsservercore': 'mcr.microsoft.com/windows/servercore',
  'microsoft/nanoserver': 'mcr.microsoft.com/windows/nanoserver',
  'mcr.microsoft.com/windowsservercore': 'mcr.microsoft.com/windows/servercore',
  'mcr.microsoft.com/nanoserver': 'mcr.microsoft.com/windows/nanoserver',
}

/** An MCR Windows base image without a tag, or with `latest`, which those repositories do not publish. */
const rule: RuleModule = {
  id: 'windows-image-missing-tag',
  check({ project, index, kb, report }) {
    const images = index.images
    // Indexed, not for...of: no iterator result per image use in code not yet optimized (issue 11).
    for (let i = 0; i < images.length; i++) {
      const x = images[i]!
      const { use, image } = x
      // An image of that name a build in the repository makes may be used without any pull.
      if (!image.windowsBase || !image.missingTag || index.builtHere(x)) continue
      // `servercore:`, an empty tag written after the colon: Docker refuses the reference before any pull, so latest
      // does not come into it.
      const why = use.image.endsWith(':')
        ? ' (an empty tag after the colon): Docker refuses this reference ("invalid reference format") before any pull'
        : `${image.tag ? '' : ' (no tag means latest)'}: Windows base images publish no latest tag, so the pull fails`
      const mcr = MCR_NAMES[image.repository] ?? image.repository
      // The full Windows image has no Server 2022 or 2025 release in the knowledge base: its successor is windows/server.
      const current = mcr === 'mcr.microsoft.com/windows' ? 'mcr.microsoft.com/windows/server' : mcr
      const fix = missingTagFix(use, project, kb)
      report({
        message: `${use.image}${why}: name the release, e.g. ${current}:ltsc2022 or ${current}:ltsc2025`,
        span: use.span,
        ...(fix ? { fix } : {}),
      })
    }
  },
}
export default rule
