/**
 * Kubernetes: each container of a Windows pod becomes an execution on its node. Kubernetes runs Windows containers
 * in process isolation only, so the host says Hyper-V is unsupported; the node build comes from the
 * `node.kubernetes.io/windows-build` selector (of the pod or of its RuntimeClass), and is unknown without one.
 * HostProcess containers run on the host itself and are not matched against the node build.
 */
import type { EnvironmentClassifier } from '../config/environments.js'
import type { RelatedLocation } from '../core/finding.js'
import { isNodeAgent } from '../kb/system-namespaces.js'
import type { HostInfo, KnowledgeBase } from '../kb/types.js'
import type { K8sRuntimeClass, K8sSelector, K8sWorkload, KubernetesModel } from '../model/kubernetes.js'
import type { Mount } from '../model/mount.js'
import type { Execution, HostRef, ImageUse, IsolationRef, LinkedWorkload } from '../model/project.js'

export const KUBERNETES_NO_HYPERV = 'Kubernetes does not support Hyper-V isolated Windows containers (upstream, AKS, EKS and GKE alike)'

/**
 * What a Hyper-V RuntimeClass handler does: it works where someone set up the node's containerd for it (the upstream
 * e2e tests do), and nowhere else, and isolint cannot know which nodes those are.
 */
export const KUBERNETES_HYPERV_HANDLER =
  "it works only on nodes whose containerd (1.7 or later) was set up for the handler by hand, which AKS, EKS and GKE do not offer; on other nodes the pod does not start"

/** True for the containerd handlers that start Hyper-V isolated Windows containers. */
export function isHypervHandler(handler: string): boolean {
  return /^runhcs-wcow-hypervisor(-\d+)?$/i.test(handler.trim())
}

export function linkKubernetes(
  models: readonly KubernetesModel[],
  kb: KnowledgeBase,
  globalProduction: Execution['production'] | undefined,
  envs: EnvironmentClassifier,
  listedNodeAgents?: (namespaceAndName: string) => boolean,
): { executions: Execution[]; images: ImageUse[]; workloads: LinkedWorkload[] } {
  const executions: Execution[] = []
  const images: ImageUse[] = []
  const workloads: LinkedWorkload[] = []
  const runtimeClasses = new Map<string, K8sRuntimeClass>()
  for (const m of models) for (const rc of m.runtimeClasses) if (rc.name !== undefined) runtimeClasses.set(rc.name, rc)
  for (const m of models) {
    for (const w of m.workloads) {
      const rc = w.runtimeClassName ? runtimeClasses.get(w.runtimeClassName.value) : undefined
      const isolation = isolationOf(w, rc)
      // A pod that asks for Hyper-V isolation of Windows containers is a Windows pod, selector or not.
      const hosts = nodeHosts(w, rc, kb, isolation.value === 'hyperv')
      const production = workloadProduction(m.file, w, envs, globalProduction, listedNodeAgents)
      workloads.push({ file: m.file, workload: w, ...(production ? { production } : {}) })
      const podHostProcess = w.hostProcess?.value === true
      for (const c of w.containers) {
        if (!c.image) continue
        const raw = c.image.value.trim()
        const unresolved = /\$\{?[A-Za-z_]|\$\(/.test(raw) ? [raw] : []
        const image = unresolved.length === 0 && raw !== '' ? raw : undefined
        // The node pulls every image, a HostProcess container's too (its tag must exist, and may be frozen).
        images.push({ raw, span: c.image.span, where: 'manifest', ...(image !== undefined ? { image } : {}) })
        // HostProcess containers run directly on the node: no isolation, no build to match.
        if (c.hostProcess?.value ?? podHostProcess) continue
        const mounts = hostPathMounts(w, c.volumeMounts ?? [])
        for (const host of hosts) {
          const related: RelatedLocation[] = []
          if (host?.span) related.push({ span: host.span, message: `scheduled on ${host.info.label}` })
          if (rc && w.runtimeClassName) related.push({ span: rc.span, message: `RuntimeClass ${rc.name ?? ''}`.trim() })
          executions.push({
            kind: 'run',
            ...(image !== undefined ? { image } : {}),
            imageRaw: raw,
            unresolved,
            span: c.image.span,
            ...(host ? { host } : {}),
            isolation,
            ...(production ? { production } : {}),
            ...(mounts.length > 0 ? { mounts } : {}),
            isolationFixSpan: isolation.span ?? w.span,
            related,
            what: `${c.init ? 'init container' : 'container'} ${c.name ?? '?'} of ${w.kind} ${w.name ?? '?'}`,
          })
        }
      }
    }
  }
  return { executions, images, workloads }
}

/** The `hostPath` volumes a container mounts, as neutral mounts (the finding points at the volume). */
function hostPathMounts(w: K8sWorkload, mounted: readonly string[]): Mount[] {
  return w.hostPathVolumes
    .filter((v) => v.path !== undefined && v.name !== undefined && mounted.includes(v.name))
    .map((v) => ({ source: v.path!, span: v.span, type: 'hostPath' }))
}

/** The nodes a pod can land on: one per accepted Windows build; one unknown-build node; or nothing said. */
function nodeHosts(w: K8sWorkload, rc: K8sRuntimeClass | undefined, kb: KnowledgeBase, hyperv: boolean): (HostRef | undefined)[] {
  const os: K8sSelector | undefined =
    w.os ?? rc?.os ?? (hyperv && w.isolationAnnotation ? { values: ['windows'], span: w.isolationAnnotation.span } : undefined)
  const values = os?.values ?? []
  const base = { provider: 'kubernetes' as const }
  if (values.length > 0 && values.every((v) => v === 'linux')) {
    return [{ info: { label: 'a Linux node', os: 'linux', kind: 'server', docker: true }, span: os!.span, ...base }]
  }
  if (values.length === 0 || !values.every((v) => v === 'windows')) return [undefined]
  const windows = { ...base, hypervUnsupported: KUBERNETES_NO_HYPERV }
  const builds: K8sSelector | undefined = w.windowsBuild ?? rc?.windowsBuild
  const unpinned: HostRef = {
    info: { label: 'a Windows node (build not pinned)', os: 'windows', kind: 'server', docker: true },
    span: os!.span,
    ...windows,
  }
  if (!builds) return [unpinned]
  return builds.values.map((value) => {
    const info = kb.host(value)
    if (!info || info.os !== 'windows' || info.build === undefined) return unpinned
    const node: HostInfo = { label: `Windows node ${value}`, os: 'windows', build: info.build, kind: info.kind, docker: true }
    return { info: node, span: builds.span, ...windows }
  })
}

function isolationOf(w: K8sWorkload, rc: K8sRuntimeClass | undefined): IsolationRef {
  if (w.isolationAnnotation && /^hyperv$/i.test(w.isolationAnnotation.value.trim())) {
    return { value: 'hyperv', raw: `annotation ${w.isolationAnnotation.value}`, span: w.isolationAnnotation.span }
  }
  if (rc?.handler && w.runtimeClassName && isHypervHandler(rc.handler.value)) {
    return { value: 'hyperv', raw: `RuntimeClass ${w.runtimeClassName.value} (handler ${rc.handler.value})`, span: w.runtimeClassName.span, runtimeClass: true }
  }
  return { value: 'process', raw: 'process' }
}

/**
 * Production (or another environment that requires Hyper-V) by the namespace, else by the manifest's path, else
 * `global` (`--environment production`). A cluster's own node agent (a DaemonSet in kube-system and the like, or one the
 * configuration lists) is held to it only by a namespace named for it: the policy is for the workloads the cluster
 * runs, and a node agent (a CSI node plugin, kube-proxy) cannot move to a Hyper-V host outside Kubernetes.
 */
function workloadProduction(
  file: string,
  w: K8sWorkload,
  envs: EnvironmentClassifier,
  global: Execution['production'] | undefined,
  listedNodeAgents: ((namespaceAndName: string) => boolean) | undefined,
): Execution['production'] | undefined {
  const ns = w.namespace ? envs.namespace(w.namespace.value).find((m) => m.requireIsolation === 'hyperv') : undefined
  if (ns && w.namespace) {
    return { reason: ns.builtIn ? `namespace '${w.namespace.value}'` : ns.reason, span: w.namespace.span, environment: ns.environment }
  }
  if (isNodeAgent(w.kind, w.namespace?.value, w.name, listedNodeAgents)) return undefined
  const byPath = envs.file(file).find((m) => m.requireIsolation === 'hyperv')
  if (byPath) return { reason: byPath.builtIn ? `the manifest ${file} is named for production` : byPath.reason, environment: byPath.environment }
  return global
}
