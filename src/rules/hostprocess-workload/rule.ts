import { listedNodeAgents } from '../../config/node-agents.js'
import type { RuleModule } from '../../core/rule.js'
import type { LinkedWorkload } from '../../model/project.js'
import { hostProcessReports, type HostProcessWorkload } from '../hostprocess.js'

/** A HostProcess pod that is not a node-level agent runs on the node with no container isolation. */
const rule: RuleModule = {
  id: 'hostprocess-workload',
  check({ project, config, report }) {
    // The config's `rules.hostprocess-workload.options.node-agents`: globs over `namespace/name` of workloads.
    const listed = listedNodeAgents(config)
    const workloads = (project.workloads ?? []).map(toWorkload).filter((w): w is HostProcessWorkload => w !== undefined)
    const isNodeAgent = listed ? (w: HostProcessWorkload): boolean => listed(`${w.namespace ?? 'default'}/${w.name ?? ''}`) : undefined
    for (const r of hostProcessReports(workloads, isNodeAgent ? { isNodeAgent } : {})) report(r)
  },
}
export default rule

/** The neutral shape of a workload that sets `hostProcess: true` (on the pod, or on one of its containers). */
function toWorkload({ workload: w, production }: LinkedWorkload): HostProcessWorkload | undefined {
  const at = w.hostProcess?.value === true ? w.hostProcess : w.containers.find((c) => c.hostProcess?.value === true)?.hostProcess
  if (!at) return undefined
  return {
    kind: w.kind,
    ...(w.name !== undefined ? { name: w.name } : {}),
    ...(w.namespace ? { namespace: w.namespace.value } : {}),
    hostProcess: true,
    span: at.span,
    ...(production ? { production: production.reason } : {}),
    ...(production?.environment ? { environment: production.environment } : {}),
    related: [
      ...(production?.span ? [{ span: production.span, message: `${production.environment ?? 'production'} because of this` }] : []),
      { span: w.span, message: `${w.kind} ${w.name ?? ''}`.trim() },
    ],
  }
}
