import type { RuleModule } from '../../core/rule.js'
import { isHypervHandler, KUBERNETES_HYPERV_HANDLER, KUBERNETES_NO_HYPERV } from '../../project/link-kubernetes.js'
import type { Span } from '../../core/span.js'
import type { Execution } from '../../model/project.js'
import { imageText, listed } from '../evaluate.js'

/** Hyper-V isolation asked for, or required by the production policy, on a host that cannot provide it. */
const rule: RuleModule = {
  id: 'hyperv-unsupported-on-host',
  check({ project, index, report }) {
    // One finding per place a fix goes (a pod's containers share it), naming every container it covers.
    const groups = new Map<string, { e: Execution; hyperv: boolean; span: Span; all: Execution[] }>()
    const executions = index.executions
    // Indexed, not for...of: no iterator result per execution in code not yet optimized (issue 11).
    for (let i = 0; i < executions.length; i++) {
      const { e, image } = executions[i]!
      const reason = e.host?.hypervUnsupported
      if (!reason || e.kind === 'pull') continue
      if (image?.os === 'linux' || image?.hostProcess) continue
      const hyperv = e.isolation.value === 'hyperv'
      if (!hyperv && !e.production) continue
      const span = hyperv ? (e.isolation.span ?? e.isolationFixSpan) : e.isolationFixSpan
      const key = `${span.file}:${span.start.line}:${span.start.column}${hyperv ? '' : ':production'}`
      const group = groups.get(key)
      if (group) group.all.push(e)
      else groups.set(key, { e, hyperv, span, all: [e] })
    }
    for (const { e, hyperv, span, all } of groups.values()) {
      const reason = e.host!.hypervUnsupported!
      const fix = fixFor(e.host?.provider)
      const what = describeAll(all)
      if (hyperv) {
        const asks = all.length === 1 ? 'asks' : 'ask'
        // A Hyper-V RuntimeClass may work on nodes set up for it: unsupported, not a certain failure, so a warning.
        const handler = e.isolation.runtimeClass === true
        const start = handler
          ? KUBERNETES_HYPERV_HANDLER
          : all.length === 1 ? 'the container will not start isolated' : 'the containers will not start isolated'
        report({
          message: `${what}: ${asks} for Hyper-V isolation (${e.isolation.raw ?? 'hyperv'}), but ${reason}; ${start}: ${fix}`,
          span,
          related: e.related,
          ...(handler ? { severity: 'warning' as const } : {}),
        })
      } else {
        // Any environment of the config may require Hyper-V (`require-isolation: hyperv`), as in production-requires-hyperv.
        const production = e.production!
        const env = production.environment ?? 'production'
        const images = all.length === 1 ? `${imageText(e)} runs` : `${listed([...new Set(all.map(imageText))])} run`
        report({
          message:
            `${what}: ${images} in ${env} (${production.reason}), where Windows containers must ` +
            `use Hyper-V isolation, but ${reason}: ${fix}`,
          span,
          related: [...(production.span ? [{ span: production.span, message: `${env} because of this` }] : []), ...e.related],
        })
      }
    }
    // A RuntimeClass for Hyper-V isolated Windows containers is an unsupported setup, used or not: a warning, as it
    // may work on nodes set up for it.
    for (const file of project.files) {
      if (file.kind !== 'kubernetes') continue
      for (const rc of (file).runtimeClasses) {
        if (!rc.handler || !isHypervHandler(rc.handler.value)) continue
        report({
          message:
            `RuntimeClass ${rc.name ?? ''} uses the handler ${rc.handler.value} for Hyper-V isolated Windows containers, ` +
            `but ${KUBERNETES_NO_HYPERV}; ${KUBERNETES_HYPERV_HANDLER}: ${fixFor('kubernetes')}`,
          span: rc.handler.span,
          severity: 'warning',
        })
      }
    }
  },
}

/**
 * What the executions are, for one message: `container web of Deployment web` alone; `containers web and side of
 * Deployment web` when they are containers of one workload; else each as it describes itself.
 */
function describeAll(all: readonly Execution[]): string {
  if (all.length === 1) return all[0]!.what
  const parts = all.map((e) => /^container (\S+) of (.+)$/.exec(e.what))
  const owner = parts[0]?.[2]
  if (parts.every((p) => p && p[2] === owner)) return `containers ${listed(parts.map((p) => p![1]!))} of ${owner}`
  return listed(all.map((e) => e.what))
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
