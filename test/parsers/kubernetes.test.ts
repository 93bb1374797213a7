import { describe, expect, it } from 'vitest'
import type { Span } from '../../src/core/span.js'
import { looksLikeKubernetes, looksTemplated, parseKubernetes } from '../../src/parsers/kubernetes.js'
import { environmentClassifier } from '../../src/config/environments.js'
import { DEFAULT_PRODUCTION_ENVIRONMENTS } from '../../src/config/types.js'

function at(s: Span | undefined): number[] {
  return s ? [s.start.line, s.start.column] : []
}

function parse(text: string) {
  const r = parseKubernetes('m.yaml', text)
  expect(r.skip).toBeUndefined()
  expect(r.problems).toEqual([])
  return r.model!
}

describe('parseKubernetes', () => {
  it('reads every workload kind of a multi-document file, with the pod spec where each kind keeps it', () => {
    const kinds = ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob', 'PodTemplate']
    const spec = '{ containers: [ { name: c, image: "img:1" } ] }'
    const doc = (kind: string): string => {
      const body =
        kind === 'Pod' ? `spec: ${spec}`
        : kind === 'CronJob' ? `spec: { jobTemplate: { spec: { template: { spec: ${spec} } } } }`
        : kind === 'PodTemplate' ? `template: { spec: ${spec} }`
        : `spec: { template: { spec: ${spec} } }`
      return `apiVersion: v1\nkind: ${kind}\nmetadata: { name: ${kind.toLowerCase()} }\n${body}\n`
    }
    const m = parse(kinds.map(doc).join('---\n') + '---\napiVersion: v1\nkind: ConfigMap\ndata: {}\n')
    expect(m.workloads.map((w) => w.kind)).toEqual(kinds)
    expect(m.workloads.every((w) => w.containers[0]?.image?.value === 'img:1')).toBe(true)
  })

  it('reads List items, JSON-style documents and a .json manifest alike', () => {
    const list = parse('apiVersion: v1\nkind: List\nitems:\n  - {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": "x:1"}]}}\n')
    expect(list.workloads.map((w) => w.name)).toEqual(['p'])
    const json = parse('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j", "namespace": "prod"}, "spec": {"containers": []}}')
    expect(json.workloads[0]?.namespace?.value).toBe('prod')
  })

  it('keeps the scheduling, HostProcess, hostPath and isolation facts with their positions', () => {
    const m = parse(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: d
  namespace: kube-system
spec:
  template:
    metadata:
      annotations:
        experimental.windows.kubernetes.io/isolation-type: hyperv
    spec:
      runtimeClassName: rc
      securityContext:
        windowsOptions:
          hostProcess: true
      nodeSelector:
        kubernetes.io/os: Windows
        node.kubernetes.io/windows-build: '10.0.20348'
      volumes:
        - name: logs
          hostPath: { path: 'C:\\logs' }
      containers:
        - name: a
          image: x:1
          securityContext: { windowsOptions: { hostProcess: false } }
`)
    const w = m.workloads[0]!
    expect(w.os?.values).toEqual(['windows'])
    expect(at(w.os?.span)).toEqual([17, 27])
    expect(w.windowsBuild?.values).toEqual(['10.0.20348'])
    expect(w.runtimeClassName?.value).toBe('rc')
    expect(w.isolationAnnotation?.value).toBe('hyperv')
    expect(w.hostProcess?.value).toBe(true)
    expect(w.namespace?.value).toBe('kube-system')
    expect(w.hostPathVolumes).toMatchObject([{ name: 'logs', path: 'C:\\logs' }])
    expect(w.containers[0]?.hostProcess?.value).toBe(false)
    expect(at(w.span)).toEqual([2, 1])
  })

  it('reads node affinity only when every required term constrains the label', () => {
    const doc = (terms: string): string =>
      `apiVersion: v1\nkind: Pod\nspec:\n  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: ${terms} } } }\n  containers: []\n`
    const both = parse(doc('[ { matchExpressions: [ { key: node.kubernetes.io/windows-build, operator: In, values: [10.0.17763, 10.0.20348] } ] } ]'))
    expect(both.workloads[0]?.windowsBuild?.values).toEqual(['10.0.17763', '10.0.20348'])
    const open = parse(doc('[ { matchExpressions: [ { key: kubernetes.io/os, operator: In, values: [windows] } ] }, { matchExpressions: [] } ]'))
    expect(open.workloads[0]?.os).toBeUndefined()
  })

  it('reads RuntimeClasses with their handler and scheduling', () => {
    const m = parse('apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: { name: hv }\nhandler: runhcs-wcow-hypervisor\nscheduling:\n  nodeSelector: { kubernetes.io/os: windows }\n')
    expect(m.runtimeClasses).toMatchObject([{ name: 'hv', handler: { value: 'runhcs-wcow-hypervisor' }, os: { values: ['windows'] } }])
  })

  it('skips Helm templates and invalid YAML with a note, never a parse problem', () => {
    const helm = parseKubernetes('t.yaml', '{{- if .Values.on }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n')
    expect(helm.model).toBeUndefined()
    expect(helm.problems).toEqual([])
    expect(helm.skip).toMatch(/^a template with Go template actions .*helm template, for a chart/)
    const valid = parseKubernetes('v.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec: {}\n')
    expect(valid.skip).toMatch(/template/)
    // Template text inside strings is data, not a template of the manifest.
    const strings = parse('apiVersion: v1\nkind: ConfigMap\ndata:\n  alert: |\n    {{ $labels.instance }} is down\n  b: "{{ x }}"\n---\napiVersion: v1\nkind: Pod\nspec: { containers: [] }\n')
    expect(strings.workloads).toHaveLength(1)
    const broken = parseKubernetes('b.yaml', 'apiVersion: v1\nkind: Pod\nspec: [\n')
    expect(broken.problems).toEqual([])
    expect(broken.skip).toMatch(/not valid YAML/)
  })

  it('recognises manifests by content only', () => {
    expect(looksLikeKubernetes('apiVersion: v1\nkind: Pod\n')).toBe(true)
    expect(looksLikeKubernetes('{\n  "apiVersion": "v1",\n  "kind": "Pod"\n}')).toBe(true)
    expect(looksLikeKubernetes('services:\n  web:\n    image: x\n')).toBe(false)
    expect(looksTemplated('image: ${{ matrix.image }}')).toBe(false)
    expect(looksTemplated('name: {{ include "x" . }}')).toBe(true)
  })
})

describe('production by the built-in naming rule of the environment classifier (namespaces and paths)', () => {
  const envs = environmentClassifier({
    environments: [{ name: 'production', workflowEnvironments: DEFAULT_PRODUCTION_ENVIRONMENTS, composeProfiles: [], namespaces: [], requireIsolation: 'hyperv' }],
  })
  it.each([
    ['prod', true],
    ['production', true],
    ['payments-prod', true],
    ['deploy/prod/app.yaml', true],
    ['non-prod', false],
    ['not-prod', false],
    ['pre-prod', false],
    ['preprod', false],
    ['product', false],
    ['staging', false],
  ])('%s → %s', (name, expected) => {
    expect(envs.namespace(name).length > 0 || envs.file(name).length > 0).toBe(expected)
    if (!name.includes('/')) expect(envs.namespace(name).map((m) => m.environment)).toEqual(expected ? ['production'] : [])
  })
})

describe('namespaces of the config', () => {
  it('a configured namespace list replaces the built-in rule, and any environment may list namespaces', () => {
    const envs = environmentClassifier({
      environments: [
        { name: 'production', workflowEnvironments: [], composeProfiles: [], namespaces: ['payments-live'], requireIsolation: 'hyperv' },
        { name: 'multi-tenant', workflowEnvironments: [], composeProfiles: [], namespaces: ['tenants'], requireIsolation: 'hyperv' },
      ],
    })
    expect(envs.namespace('production')).toEqual([])
    expect(envs.namespace('payments-live').map((m) => m.environment)).toEqual(['production'])
    expect(envs.namespace('tenants')).toEqual([
      { environment: 'multi-tenant', reason: "namespace 'tenants' is in environments.multi-tenant", requireIsolation: 'hyperv' },
    ])
  })
})
