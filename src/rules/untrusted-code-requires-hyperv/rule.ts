import type { RuleModule } from '../../core/rule.js'
import { runnerKind } from '../../project/trust.js'
import { effectiveIsolation, hypervFix, imageText } from '../evaluate.js'

/**
 * Code from a pull request built or run in Windows containers in process isolation on a persistent self-hosted
 * runner: a kernel exploit in that code reaches the host, the next job and every other container on it.
 */
const rule: RuleModule = {
  id: 'untrusted-code-requires-hyperv',
  check({ index, kb, report, runnerFacts }) {
    const executions = index.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const { e, image } = executions[i]!
      if (!e.untrusted || e.kind === 'pull' || !e.host?.span) continue
      const host = e.host.info
      if (host.os !== 'windows' || image?.os === 'linux' || image?.hostProcess) continue
      // Unknown (unexpanded) or invalid isolation: cannot tell, and invalid-isolation-value reports the latter. Tested
      // before the runner kind, which looks up every label of the job.
      if (effectiveIsolation(e, host, kb) !== 'process') continue
      if (runnerKind(e.host, kb, runnerFacts) !== 'self-hosted') continue
      const how = e.isolation.value === 'process' ? 'in process isolation' : 'in process isolation (the Windows Server default)'
      const labels = (e.host.labels ?? [host.label]).join(', ')
      report({
        message:
          `${e.what}: ${imageText(e)} runs code from a pull request (${e.untrusted.reason}) ${how} on the persistent ` +
          `self-hosted runner [${labels}]; the container shares the host's kernel with the next job and every other ` +
          `container on that host, so a kernel exploit in the pull request reaches them all: set ${hypervFix(e)}, or ` +
          'run the job on a GitHub-hosted or ephemeral (just-in-time) runner',
        span: e.isolationFixSpan,
        related: [
          ...(e.untrusted.span ? [{ span: e.untrusted.span, message: 'code from a pull request because of this' }] : []),
          ...e.related,
        ],
      })
    }
  },
}
export default rule
