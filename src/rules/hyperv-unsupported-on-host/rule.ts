import type { RuleModule } from '../../core/rule.js'
import { isHypervHandler, KUBERNETES_NO_HYPERV } from '../../project/link-kubernetes.js'
import { imageText } from '../evaluate.js'

/** Hyper-V isolation asked for, or required by the production policy, on a host that cannot provide it. */
const rule: RuleModule = {
  id: 'hyperv-unsupported-on-host',
  check({ project, index, report }) {
    const seen = new Set<string>()
    const once = (key: string): boolean => !seen.has(key) && (seen.add(key), true)
    for (const { e, image } of index.executions) {
      const reason = e.host?.hypervUnsupported
      if (!reason || e.kind === 'pull') continue
      if (image?.os === 'linux' || image?.hostProcess) continue
      const fix = fixFor(e.host?.provider)
      if (e.isolation.value === 'hyperv') {
        const span = e.isolation.span ?? e.isolationFixSpan
        if (!once(`${span.file}:${span.start.line}:${span.start.column}`)) continue
        report({
          message:
            `${e.what}: asks for Hyper-V isolation (${e.isolation.raw ?? 'hyperv'}), but ${reason}; the container ` +
            `will not start isolated: ${fix}`,
          span,
          related: e.related,
        })
      } else if (e.production) {
        const span = e.isolationFixSpan
        if (!once(`${span.file}:${span.start.line}:${span.start.column}:production`)) continue
        // Any environment of the config may require Hyper-V (`require-isolation: hyperv`), as in production-requires-hyperv.
        const env = e.production.environment ?? 'production'
        report({
          message:
            `${e.what}: ${imageText(e)} runs in ${env} (${e.production.reason}), where Windows containers must ` +
            `use Hyper-V isolation, but ${reason}: ${fix}`,
          span,
          related: [...(e.production.span ? [{ span: e.production.span, message: `${env} because of this` }] : []), ...e.related],
        })
      }
    }
    // A RuntimeClass for Hyper-V isolated Windows containers is an unsupported setup, used or not.
    for (const file of project.files) {
      if (file.kind !== 'kubernetes') continue
      for (const rc of (file).runtimeClasses) {
        if (!rc.handler || !isHypervHandler(rc.handler.value)) continue
        report({
          message:
            `RuntimeClass ${rc.name ?? ''} uses the handler ${rc.handler.value} for Hyper-V isolated Windows containers; ` +
            `${KUBERNETES_NO_HYPERV}, and this handler is an unsupported setup (not offered by AKS or GKE): ` +
            fixFor('kubernetes'),
          span: rc.handler.span,
        })
      }
    }
  },
}

function fixFor(provider: string | undefined): string {
  if (provider === 'kubernetes') {
    return (
      'run these containers on a dedicated Hyper-V capable Windows Server VM or node outside Kubernetes ' +
      '(docker or containerd with --isolation=hyperv), or record an exception with its reason'
    )
  }
  return (
    'run the job on a self-hosted agent on a Hyper-V capable Windows Server (pool: name: <your pool>), or record an ' +
    'exception with its reason'
  )
}

export default rule
