import type { RuleModule } from '../../core/rule.js'
import { buildName, describeHost, hypervFix, imageText } from '../evaluate.js'
import { tagFix } from '../fixes.js'

/** Process isolation with an image build the host cannot run (older than the host's accepted range). */
const rule: RuleModule = {
  id: 'process-isolation-build-mismatch',
  check({ index, kb, report }) {
    const executions = index.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const { e, ev } = executions[i]!
      if (e.kind === 'pull') continue
      if (!ev || ev.verdict.kind !== 'needs-hyperv' || ev.isolation !== 'process' || ev.picked === undefined) continue
      const tag = kb.matchingTag(ev.hostBuild, ev.host.kind)
      const mode = ev.isolationIsDefault ? 'process isolation (the Windows Server default)' : 'process isolation'
      const fix = tag ? tagFix(e, kb, ev.picked, tag) : undefined
      const unverified = ev.verdict.hypervUnverified ? ' (unverified: Microsoft documents no Hyper-V support for this host build)' : ''
      report({
        message:
          `${e.what}: ${imageText(e)} is Windows build ${buildName(kb, ev.picked)} but ${describeHost(e)} is ` +
          `${buildName(kb, ev.hostBuild)}; ${mode} cannot run it: ` +
          `use ${tag ? `an ${tag} image` : 'an image of the host build'}` +
          // A self-hosted runner the config says has no Hyper-V (no nested virtualisation) cannot take the other fix.
          (e.host?.runner?.hyperv === false ? ' (no Hyper-V on this runner, per the config)' : ` or ${hypervFix(e)}`) +
          unverified,
        span: e.span,
        related: e.related,
        ...(fix ? { fix } : {}),
      })
    }
  },
}
export default rule
