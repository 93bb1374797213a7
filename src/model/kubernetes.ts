import type { Located, Span } from '../core/span.js'

/** One container of a pod spec (`containers`, `initContainers`, `ephemeralContainers`). */
export interface K8sContainer {
  readonly name?: string
  readonly image?: Located<string>
  /** The container's list item (where a per-container fix goes). */
  readonly span: Span
  readonly init: boolean
  /** `securityContext.windowsOptions.hostProcess` of the container, when written. */
  readonly hostProcess?: Located<boolean>
  /** Names of the pod volumes the container mounts (`volumeMounts[].name`). */
  readonly volumeMounts?: readonly string[]
}

/** A node selector requirement on `kubernetes.io/os` or `node.kubernetes.io/windows-build`. */
export interface K8sSelector {
  /** Accepted values (one for a nodeSelector, the `In` values of a node affinity expression). */
  readonly values: readonly string[]
  readonly span: Span
}

/** A pod spec, wherever it is written (a Pod, a workload's template, a CronJob's job template, a PodTemplate). */
export interface K8sWorkload {
  /** `Deployment`, `Pod`, … */
  readonly kind: string
  readonly name?: string
  /** `metadata.namespace`; kept for the production and security rules. */
  readonly namespace?: Located<string>
  /** The document's `kind:` line. */
  readonly span: Span
  /** The required OS: nodeSelector / node affinity `kubernetes.io/os`, or `spec.os.name`. */
  readonly os?: K8sSelector
  /** The required Windows build: nodeSelector / node affinity `node.kubernetes.io/windows-build`. */
  readonly windowsBuild?: K8sSelector
  readonly runtimeClassName?: Located<string>
  /** The dockershim-era `experimental.windows.kubernetes.io/isolation-type` annotation. */
  readonly isolationAnnotation?: Located<string>
  /** Pod-level `securityContext.windowsOptions.hostProcess`. */
  readonly hostProcess?: Located<boolean>
  readonly hostNetwork?: Located<boolean>
  readonly hostPathVolumes: readonly { readonly name?: string; readonly path?: string; readonly span: Span }[]
  readonly containers: readonly K8sContainer[]
}

/** A RuntimeClass: its handler and the scheduling it adds to the pods that name it. */
export interface K8sRuntimeClass {
  readonly name?: string
  readonly handler?: Located<string>
  readonly os?: K8sSelector
  readonly windowsBuild?: K8sSelector
  readonly span: Span
}

export interface KubernetesModel {
  readonly kind: 'kubernetes'
  readonly file: string
  readonly workloads: readonly K8sWorkload[]
  readonly runtimeClasses: readonly K8sRuntimeClass[]
}
