/**
 * Kubernetes manifests, recognised by content (`apiVersion` + `kind`), in any YAML form (block, flow/JSON style,
 * several documents, `List` kinds): the pod specs of Pods, workloads, CronJobs and PodTemplates (OS and Windows
 * build scheduling, RuntimeClass, HostProcess, hostPath volumes, containers and images) and RuntimeClasses.
 * Helm and other Go templates, and files that are not valid YAML, are not manifests yet: they are skipped with a note.
 */
import { isCollection, isMap, visit, type Node } from 'yaml'
import type { Located, Span } from '../core/span.js'
import type { K8sContainer, K8sRuntimeClass, K8sSelector, K8sWorkload, KubernetesModel } from '../model/kubernetes.js'
import { parseYamlDocuments, Resolver, spanOf, YamlLimitError, type YamlSource } from './yaml-located.js'

const OS_LABEL = 'kubernetes.io/os'
export const BUILD_LABEL = 'node.kubernetes.io/windows-build'
const LEGACY_OS_LABEL = 'beta.kubernetes.io/os'
const ISOLATION_ANNOTATION = 'experimental.windows.kubernetes.io/isolation-type'

/** Where the pod spec of each kind lives. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
}

export interface KubernetesParseResult {
  readonly model?: KubernetesModel
  readonly problems: { message: string; span: Span }[]
  /** Why the file was not linted (a template, not valid YAML); it goes to `skipped`, not to the findings. */
  readonly skip?: string
}

/** True when the text has the `apiVersion` and `kind` keys of a manifest (block or flow style). */
export function looksLikeKubernetes(text: string): boolean {
  return /(^|[{,])[\s-]*["']?apiVersion["']?\s*:/m.test(text) && /(^|[{,])[\s-]*["']?kind["']?\s*:/m.test(text)
}

/** Go template actions (`{{ .Values.x }}`, `{{- if … }}`), not GitHub or Azure `${{ }}` expressions. */
export function looksTemplated(text: string): boolean {
  return /(^|[^$])\{\{-?\s*(?:[.$("/]|[a-zA-Z]+\b)/m.test(text)
}

// Said of what the file is (a template), not of what renders it: a Helm chart's templates, but also cloud-init or
// kubeconfig files with Go template actions that hold a manifest's keys.
const TEMPLATE_NOTE =
  'a template with Go template actions `{{ }}` (as in Helm charts): not plain YAML, not linted; lint what it renders to ' +
  'instead (helm template, for a chart)'

export function parseKubernetes(file: string, text: string): KubernetesParseResult {
  const parsed = parseYamlDocuments(file, text)
  if (parsed.problems.length > 0) {
    if (looksTemplated(text)) return { problems: [], skip: TEMPLATE_NOTE }
    const first = parsed.problems[0]!
    return { problems: [], skip: `looks like a Kubernetes manifest but is not valid YAML (line ${first.span.start.line}: ${first.message}): not linted` }
  }
  // `name: {{ .Values.x }}` is valid YAML (a flow mapping in a flow mapping), but a template all the same;
  // `{{ }}` inside a string (an alert template in a ConfigMap) is not.
  if (parsed.sources.some((src) => hasTemplateAction(src))) return { problems: [], skip: TEMPLATE_NOTE }
  const workloads: K8sWorkload[] = []
  const runtimeClasses: K8sRuntimeClass[] = []
  const problems: { message: string; span: Span }[] = []
  for (const src of parsed.sources) {
    const r = new Resolver(src)
    try {
      const reader = new ManifestReader(src, r, workloads, runtimeClasses)
      reader.object(r.deref(src.doc.contents), 0)
    } catch (e) {
      if (!(e instanceof YamlLimitError)) throw e
      problems.push({ message: e.message, span: spanOf(src, src.doc.contents) })
    }
  }
  return { model: { kind: 'kubernetes', file, workloads, runtimeClasses }, problems }
}

/** True when a flow collection of the document starts with `{{` (an unquoted template action). */
function hasTemplateAction(src: YamlSource): boolean {
  let found = false
  visit(src.doc, {
    Node: (_key, node) => {
      if (isCollection(node) && node.flow && node.range && src.text.startsWith('{{', node.range[0])) {
        found = true
        return visit.BREAK
      }
      return undefined
    },
  })
  return found
}

class ManifestReader {
  constructor(
    private readonly src: YamlSource,
    private readonly r: Resolver,
    private readonly workloads: K8sWorkload[],
    private readonly runtimeClasses: K8sRuntimeClass[],
  ) {}

  object(node: Node | undefined, depth: number): void {
    if (!isMap(node) || depth > 8) return
    const kindEntry = this.r.get(node, 'kind')
    const kind = this.r.string(kindEntry?.value)
    if (kind === undefined || this.r.string(this.r.get(node, 'apiVersion')?.value) === undefined) return
    if (kind === 'List' || kind.endsWith('List')) {
      for (const item of this.r.items(this.r.get(node, 'items')?.value)) this.object(item, depth + 1)
      return
    }
    const metadata = this.r.get(node, 'metadata')?.value
    const name = this.r.string(this.r.get(metadata, 'name')?.value)
    const span = spanOf(this.src, kindEntry!.keyNode)
    if (kind === 'RuntimeClass') {
      const handler = this.located(this.r.get(node, 'handler')?.value)
      const nodeSelector = this.r.get(this.r.get(node, 'scheduling')?.value, 'nodeSelector')?.value
      const os = this.selectorLabel(nodeSelector, OS_LABEL) ?? this.selectorLabel(nodeSelector, LEGACY_OS_LABEL)
      const build = this.selectorLabel(nodeSelector, BUILD_LABEL)
      this.runtimeClasses.push({
        ...(name !== undefined ? { name } : {}),
        ...(handler ? { handler } : {}),
        ...(os ? { os } : {}),
        ...(build ? { windowsBuild: build } : {}),
        span,
      })
      return
    }
    const path = POD_SPEC_PATHS[kind]
    if (!path) return
    let spec: Node | undefined = node
    let podMetadata: Node | undefined = metadata
    for (const key of path) {
      if (key === 'spec' && spec !== node) podMetadata = this.r.get(spec, 'metadata')?.value ?? podMetadata
      spec = this.r.get(spec, key)?.value
    }
    if (!isMap(spec)) return
    const namespace = this.located(this.r.get(metadata, 'namespace')?.value)
    this.workloads.push(this.podSpec(kind, name, namespace, span, spec, podMetadata))
  }

  private podSpec(kind: string, name: string | undefined, namespace: Located<string> | undefined, span: Span, spec: Node, metadata: Node | undefined): K8sWorkload {
    const r = this.r
    const nodeSelector = r.get(spec, 'nodeSelector')?.value
    const terms = r.items(
      r.get(r.get(r.get(r.get(spec, 'affinity')?.value, 'nodeAffinity')?.value, 'requiredDuringSchedulingIgnoredDuringExecution')?.value, 'nodeSelectorTerms')?.value,
    )
    const osName = this.located(r.get(r.get(spec, 'os')?.value, 'name')?.value)
    const os =
      this.selectorLabel(nodeSelector, OS_LABEL) ??
      this.selectorLabel(nodeSelector, LEGACY_OS_LABEL) ??
      this.affinity(terms, OS_LABEL) ??
      (osName ? { values: [osName.value.toLowerCase()], span: osName.span } : undefined)
    const windowsBuild = this.selectorLabel(nodeSelector, BUILD_LABEL) ?? this.affinity(terms, BUILD_LABEL)
    const runtimeClassName = this.located(r.get(spec, 'runtimeClassName')?.value)
    const annotations = r.get(metadata, 'annotations')?.value
    const isolationAnnotation = this.located(r.get(annotations, ISOLATION_ANNOTATION)?.value)
    const hostProcess = this.hostProcess(r.get(spec, 'securityContext')?.value)
    const hostNetwork = this.bool(r.get(spec, 'hostNetwork')?.value)
    const hostPathVolumes = r
      .items(r.get(spec, 'volumes')?.value)
      .filter((v) => r.get(v, 'hostPath') !== undefined)
      .map((v) => {
        const vname = r.string(r.get(v, 'name')?.value)
        const p = r.string(r.get(r.get(v, 'hostPath')?.value, 'path')?.value)
        return { ...(vname !== undefined ? { name: vname } : {}), ...(p !== undefined ? { path: p } : {}), span: spanOf(this.src, v) }
      })
    const containers: K8sContainer[] = []
    for (const [key, init] of [['initContainers', true], ['containers', false], ['ephemeralContainers', false]] as const) {
      for (const c of r.items(r.get(spec, key)?.value)) {
        const cname = r.string(r.get(c, 'name')?.value)
        const image = this.located(r.get(c, 'image')?.value)
        const hp = this.hostProcess(r.get(c, 'securityContext')?.value)
        const volumeMounts = r
          .items(r.get(c, 'volumeMounts')?.value)
          .map((m) => r.string(r.get(m, 'name')?.value))
          .filter((n): n is string => n !== undefined)
        containers.push({
          ...(cname !== undefined ? { name: cname } : {}),
          ...(image ? { image } : {}),
          span: spanOf(this.src, c),
          init,
          ...(hp ? { hostProcess: hp } : {}),
          ...(volumeMounts.length > 0 ? { volumeMounts } : {}),
        })
      }
    }
    return {
      kind,
      ...(name !== undefined ? { name } : {}),
      ...(namespace ? { namespace } : {}),
      span,
      ...(os ? { os } : {}),
      ...(windowsBuild ? { windowsBuild } : {}),
      ...(runtimeClassName ? { runtimeClassName } : {}),
      ...(isolationAnnotation ? { isolationAnnotation } : {}),
      ...(hostProcess ? { hostProcess } : {}),
      ...(hostNetwork ? { hostNetwork } : {}),
      hostPathVolumes,
      containers,
    }
  }

  private hostProcess(securityContext: Node | undefined): Located<boolean> | undefined {
    return this.bool(this.r.get(this.r.get(securityContext, 'windowsOptions')?.value, 'hostProcess')?.value)
  }

  private bool(node: Node | undefined): Located<boolean> | undefined {
    const v = this.r.string(node)
    if (v === undefined) return undefined
    const t = v.trim().toLowerCase()
    if (t !== 'true' && t !== 'false') return undefined
    return { value: t === 'true', span: spanOf(this.src, node) }
  }

  private located(node: Node | undefined): Located<string> | undefined {
    const v = this.r.string(node)
    return v === undefined ? undefined : { value: v, span: spanOf(this.src, node) }
  }

  private selectorLabel(selector: Node | undefined, label: string): K8sSelector | undefined {
    const v = this.located(this.r.get(selector, label)?.value)
    return v ? { values: [v.value.trim().toLowerCase()], span: v.span } : undefined
  }

  /** The values every required node selector term accepts for `label` (`In`); undefined when a term leaves it open. */
  private affinity(terms: readonly Node[], label: string): K8sSelector | undefined {
    if (terms.length === 0) return undefined
    const values: string[] = []
    let span: Span | undefined
    for (const term of terms) {
      const expr = this.r
        .items(this.r.get(term, 'matchExpressions')?.value)
        .find((e) => this.r.string(this.r.get(e, 'key')?.value) === label && this.r.string(this.r.get(e, 'operator')?.value) === 'In')
      if (!expr) return undefined
      const list = this.r.get(expr, 'values')?.value
      for (const item of this.r.items(list)) {
        const v = this.r.string(item)
        if (v !== undefined) values.push(v.trim().toLowerCase())
      }
      span ??= spanOf(this.src, list ?? expr)
    }
    return values.length > 0 && span ? { values: [...new Set(values)], span } : undefined
  }
}
