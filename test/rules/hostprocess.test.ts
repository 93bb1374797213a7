import { describe, expect, test } from 'vitest'
import { hostProcessReports, isNodeAgent, type HostProcessWorkload } from '../../src/rules/hostprocess.js'

const span = (line: number) => ({ file: 'k8s/app.yaml', start: { line, column: 9 }, end: { line, column: 26 } })
const workload = (over: Partial<HostProcessWorkload>): HostProcessWorkload => ({
  kind: 'Deployment',
  name: 'app',
  namespace: 'apps',
  hostProcess: true,
  span: span(20),
  ...over,
})

describe('hostprocess-workload core', () => {
  test('a HostProcess Deployment is a warning, an error in production', () => {
    const [dev, prod] = hostProcessReports([workload({}), workload({ span: span(40), production: 'namespace prod' })])
    expect(dev).toMatchObject({ severity: 'warning', span: span(20) })
    expect(dev!.message).toMatch(/^Deployment app in namespace apps is a HostProcess pod: it runs on the node itself/)
    expect(prod).toMatchObject({ severity: 'error', span: span(40) })
    expect(prod!.message).toContain('in production (namespace prod)')
  })

  test('a DaemonSet in a system namespace is a node agent: silent', () => {
    const agent = workload({ kind: 'DaemonSet', name: 'csi-proxy', namespace: 'kube-system' })
    expect(isNodeAgent(agent)).toBe(true)
    expect(hostProcessReports([agent, workload({ kind: 'daemonset', namespace: 'Calico-System' })])).toEqual([])
  })

  test('a DaemonSet elsewhere, or a Deployment in kube-system, is not an agent', () => {
    const reports = hostProcessReports([
      workload({ kind: 'DaemonSet', namespace: 'monitoring' }),
      workload({ kind: 'Deployment', namespace: 'kube-system' }),
      workload({ kind: 'DaemonSet', namespace: undefined }),
    ])
    expect(reports).toHaveLength(3)
    expect(reports.every((r) => r.severity === 'warning')).toBe(true)
  })

  test('a DaemonSet is told how to say it is a node agent first; other kinds to give up HostProcess', () => {
    const [daemonSet, unnamed, deployment] = hostProcessReports([
      workload({ kind: 'DaemonSet', name: 'windows-exporter', namespace: 'monitoring' }),
      workload({ kind: 'DaemonSet', name: 'agent', namespace: undefined }),
      workload({}),
    ])
    expect(daemonSet!.message).toMatch(
      /owns the node\. If it is a node-level agent that needs the host, list it as 'monitoring\/windows-exporter' under rules\.hostprocess-workload\.options\.node-agents/,
    )
    expect(daemonSet!.message).toContain('otherwise run it as an ordinary Windows container')
    expect(unnamed!.message).toContain("list it as 'default/agent'")
    expect(deployment!.message).toMatch(/owns the node\. Run it as an ordinary Windows container; .*listed as 'apps\/app' under/)
  })

  test('the configuration can list agents, and replace the system namespaces', () => {
    const exporter = workload({ kind: 'DaemonSet', name: 'windows-exporter', namespace: 'monitoring' })
    expect(hostProcessReports([exporter], { isNodeAgent: (w) => w.name === 'windows-exporter' })).toEqual([])
    expect(hostProcessReports([exporter], { systemNamespaces: ['monitoring'] })).toEqual([])
    expect(hostProcessReports([workload({ kind: 'DaemonSet', namespace: 'kube-system' })], { systemNamespaces: [] })).toHaveLength(1)
  })

  test('a pod without hostProcess is not reported', () => {
    expect(hostProcessReports([workload({ hostProcess: false })])).toEqual([])
  })
})
