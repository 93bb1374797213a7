/**
 * The core of the `hostprocess-workload` rule over a neutral workload shape, ready for the Kubernetes model: a
 * HostProcess pod (`securityContext.windowsOptions.hostProcess: true`) runs on the node itself, with no container
 * isolation at all, so outside node-level agents it is a finding. Pure apart from loading the system namespaces
 * (rules/kubernetes-system-namespaces.yaml) once. The rule (`hostprocess-workload/rule.ts`) feeds it the Kubernetes
 * workloads of the project.
 */
import type { RelatedLocation } from '../core/finding.js'
import type { Report } from '../core/rule.js'
import type { Span } from '../core/span.js'
import { isNodeAgent as systemNodeAgent } from '../kb/system-namespaces.js'

/** A Kubernetes workload as the rule needs it. */
export interface HostProcessWorkload {
  /** `Pod`, `Deployment`, `DaemonSet`, `StatefulSet`, `Job`, `CronJob`, … as written. */
  readonly kind: string
  readonly name?: string
  /** Undefined when the manifest names none (the namespace comes from where it is applied). */
  readonly namespace?: string
  /** True when the pod (or any of its containers) sets `hostProcess: true`. */
  readonly hostProcess: boolean
  /** Where `hostProcess: true` is written: the finding points here. */
  readonly span: Span
  /** Why the workload counts as production (or another environment that requires Hyper-V), if it does. */
  readonly production?: string
  /** The environment's name when it is not production (`untrusted`, `multi-tenant`). */
  readonly environment?: string
  readonly related?: readonly RelatedLocation[]
}

export interface HostProcessOptions {
  /** Namespaces whose DaemonSets are node agents (default: rules/kubernetes-system-namespaces.yaml). */
  readonly systemNamespaces?: readonly string[]
  /** Workloads the configuration lists as node agents. */
  readonly isNodeAgent?: (w: HostProcessWorkload) => boolean
}

/** True for a node-level agent: a DaemonSet in a system namespace, or a workload the configuration lists. */
export function isNodeAgent(w: HostProcessWorkload, options: HostProcessOptions = {}): boolean {
  if (options.isNodeAgent?.(w)) return true
  return systemNodeAgent(w.kind, w.namespace, w.name, undefined, options.systemNamespaces)
}

/** One report per HostProcess workload that is not a node agent: a warning, an error in production. */
export function hostProcessReports(workloads: readonly HostProcessWorkload[], options: HostProcessOptions = {}): Report[] {
  return workloads
    .filter((w) => w.hostProcess && !isNodeAgent(w, options))
    .map((w) => {
      const name = `${w.kind}${w.name !== undefined ? ` ${w.name}` : ''}`
      const where = w.namespace !== undefined ? ` in namespace ${w.namespace}` : ''
      const production = w.production !== undefined ? ` in ${w.environment ?? 'production'} (${w.production})` : ''
      const listAs = `'${w.namespace ?? 'default'}/${w.name ?? '*'}'`
      // A DaemonSet is most often a node agent that needs the host (an exporter, a log collector, a CSI proxy): the
      // fix is to say so, not to give up HostProcess.
      const fix =
        w.kind.toLowerCase() === 'daemonset'
          ? `If it is a node-level agent that needs the host, list it as ${listAs} under ` +
            'rules.hostprocess-workload.options.node-agents in .isolint.yml (or deploy it to a system namespace such as ' +
            'kube-system); otherwise run it as an ordinary Windows container'
          : 'Run it as an ordinary Windows container; keep HostProcess for node-level agents (a DaemonSet in a system ' +
            `namespace such as kube-system, or a workload listed as ${listAs} under ` +
            'rules.hostprocess-workload.options.node-agents in .isolint.yml)'
      return {
        message:
          `${name}${where} is a HostProcess pod${production}: it runs on the node itself, with the node's network ` +
          'and file system and no container isolation at all, so anything that compromises it owns the node. ' +
          fix,
        span: w.span,
        severity: w.production !== undefined ? 'error' : 'warning',
        ...(w.related && w.related.length > 0 ? { related: w.related } : {}),
      } satisfies Report
    })
}
