import type { RuleModule } from '../../core/rule.js'
import { SET_THROUGH_GITHUB_ENV } from '../../model/project.js'
import { describeHost, listed } from '../evaluate.js'

/** A container on a Windows host whose image build cannot be worked out, so its pairing goes unchecked. */
const rule: RuleModule = {
  id: 'unknown-image-build',
  check({ index, kb, report }) {
    const executions = index.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const { e, image } = executions[i]!
      const host = e.host?.info
      // A --runner host is assumed only for Windows images; an unknown image there may well be a Linux one.
      if (!host || host.os !== 'windows' || e.kind === 'pull' || e.host?.assumed) continue
      // A Kubernetes node with no windows-build selector: there is no build to check against.
      if (e.host?.provider === 'kubernetes' && host.build === undefined) continue
      // An image of a known build or platform (almost every one) is decided before any text is made for the message.
      if (e.image !== undefined && (!image || image.hostProcess || image.os === 'linux' || (image.builds && image.builds.length > 0))) continue
      // A run of an image the job builds (or a build FROM it) whose base is unknown: reported once, at the build's RUN,
      // where the fix goes.
      if (e.unknownBaseBuilt) continue
      // A Windows host of unknown build (a runner label the config does not map: unknown-runner-label says so there):
      // knowing the image would leave the pair unchecked all the same. A reference Docker refuses fails anywhere.
      if (host.build === undefined && !(e.image !== undefined && image?.invalidReference)) continue
      const tag = host.build !== undefined ? kb.matchingTag(host.build, host.kind) : undefined
      const example = tag ? ` (for example -${tag})` : ''
      const hostText = host.build !== undefined ? `${describeHost(e)} (build ${host.build})` : describeHost(e)
      if (e.unknownArguments) {
        // `docker run "${OPTS[@]}" img`: the word is no image, and giving it a value is no fix (see Execution).
        report({
          message:
            `${e.what}: its arguments cannot be worked out (${e.imageRaw} expands to any number of words, options or ` +
            `not), so isolint cannot tell which word is the image, and its Windows build cannot be checked against ` +
            `${hostText}: isolint does not read the words it expands to; check the image against the host yourself ` +
            'and suppress this finding here',
          span: e.span,
          related: e.related,
        })
        continue
      }
      if (e.image === undefined) {
        // Not set anywhere isolint reads, or set from what it cannot know (a workflow input, a runtime expression).
        const n = e.unresolved.length
        const vars = n > 0 ? `: ${listed(e.unresolved)} ${n === 1 ? 'has' : 'have'} no value isolint can read here` : ''
        // Only written to GITHUB_ENV by an earlier step (a literal there too): isolint reads the job's env:, not that.
        // A build arg taking such a variable: `TAG (from $T, set through …)`.
        const githubEnv = n > 0 && e.unresolved.every((u) => u.endsWith(`${SET_THROUGH_GITHUB_ENV})`))
        const fix = githubEnv
          ? `isolint does not follow what a step writes to GITHUB_ENV; set the value in the job's env: instead, where isolint reads it`
          : 'give it a value written in the repository (a literal or a default) where the image is built'
        report({
          message:
            `${e.what}: the image ${e.imageRaw} cannot be worked out${vars}, so its Windows build cannot be checked ` +
            `against ${hostText}: ${fix}`,
          span: e.span,
          related: e.related,
        })
        continue
      }
      // Decided above already; repeated so that the type of `image` is narrowed below.
      if (!image || image.hostProcess || image.os === 'linux' || (image.builds && image.builds.length > 0)) continue
      if (image.invalidReference) {
        report({
          message:
            `${e.what}: ${e.image} is not an image reference Docker accepts (it stops with "invalid reference format": ` +
            `a $ or % the shell passes on as text, upper case in the repository path, a character or length outside the ` +
            `grammar), so no image runs ` +
            `and its Windows build cannot be checked against ${hostText}: write the reference as Docker should get it`,
          span: e.span,
          related: e.related,
        })
        continue
      }
      // Pinned by digest alone: the digest says nothing isolint can read; a tag beside it would.
      const why = image.digest !== undefined && image.tag === undefined ? 'it is pinned by a digest alone' : 'its tag names no Windows release'
      const fix = image.digest !== undefined && image.tag === undefined ? `write the tag beside the digest (for example :${tag ?? 'ltsc2022'}@sha256:…)` : `use a tag that names the release${example}`
      report({
        message:
          `${e.what}: the Windows build of ${e.image} is unknown (${why}), so it cannot be ` +
          `checked against ${hostText}: ${fix}, or map a private image family in ` +
          `.isolint.yml under images (match: and build:)`,
        span: e.span,
        related: e.related,
      })
    }
  },
}
export default rule
