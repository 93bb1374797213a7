/**
 * The workloads the configuration names as node agents (`rules.hostprocess-workload.options.node-agents`, picomatch
 * globs over `namespace/name`): the HostProcess rule lets them be, and the production Hyper-V policy does not cover
 * them (project/link-kubernetes.ts).
 */
import picomatch from 'picomatch'
import type { IsolintConfig } from './types.js'

export const NODE_AGENTS_OPTION = 'node-agents'

/** A test of `namespace/name`, or undefined when the configuration lists none. */
export function listedNodeAgents(config: Pick<IsolintConfig, 'rules'> | undefined): ((namespaceAndName: string) => boolean) | undefined {
  const globs = config?.rules.get('hostprocess-workload')?.options[NODE_AGENTS_OPTION]
  return Array.isArray(globs) && globs.length > 0 ? picomatch(globs as string[]) : undefined
}
