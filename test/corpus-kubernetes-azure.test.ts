/**
 * The Kubernetes manifests and Azure Pipelines files of the corpus (test/harness/corpus.ts), read in place (cross-file cases laid out
 * at their original paths in a temporary folder, as test/corpus.test.ts does). Skipped, visibly, without the corpus.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import type { LintOutput } from '../src/lint.js'
import { lint } from '../src/lint.js'
import { CORPUS_DIR as corpus, corpusEntries, describeCorpus, layoutRepo } from './harness/corpus.js'

const entries = corpusEntries()

const temps: string[] = []
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true })
})

function layout(repo: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolint-corpus-'))
  temps.push(dir)
  return layoutRepo(repo, dir)
}

const name = (local: string): string => local.replace(/^files\//, '')
const lintOne = (local: string): LintOutput => lint({ root: path.join(corpus, 'files'), paths: [name(local)] })
const brief = (r: LintOutput): string[] => r.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`).sort()

/** Every finding each corpus file gives on its own (all rules, no --runner). Files not listed give none. */
const EXPECTED_FINDINGS: Record<string, string[]> = {
  // The dockershim-era isolation annotation asks for Hyper-V isolation, which Kubernetes does not provide.
  'kubernetes__website/content__en__examples__windows__deploy-hyperv.yaml': ['21 hyperv-unsupported-on-host'],
  // RuntimeClasses with the Hyper-V handler: an unsupported setup, a warning (they work on nodes set up for them, as
  // in this repository's own e2e runs).
  'kubernetes-sigs__windows-testing/helpers__hyper-v-mutating-webhook__hyperv-runtimeclass.yaml': ['5 hyperv-unsupported-on-host'],
  'kubernetes-sigs__windows-testing/helpers__hyper-v-mutating-webhook__2004-hyperv-runtimeclass.yaml': ['5 hyperv-unsupported-on-host'],
  // 1709 images (end of life); no node build is pinned, so no build finding.
  'kubernetes__website/content__en__examples__windows__daemonset.yaml': ['26 end-of-life-windows-image'],
  'kubernetes__website/content__en__examples__windows__simple-pod.yaml': ['14 end-of-life-windows-image'],
  // Issue 9: Azure Pipelines jobs on the retired windows-2019 image.
  'Azure__azure-functions-docker/host__3.0__nanoserver-build.yml': ['2 retired-runner-label'],
  'WireMock-Net__WireMock.Net-docker/azure-pipelines-windows-2019.yml': ['10 retired-runner-label'],
  // Azure's older names of the Windows Server 2016 image (removed 2022-07-31), one finding for all matrix legs.
  'genexuslabs__dockerfiles/azure-pipelines-net.yml': ['18 retired-runner-label'],
  'PowerShell__PowerShell-Docker/.vsts-ci__mirrorInternalImages.yml': ['20 retired-runner-label'],
  // A self-hosted Windows pool (`demands: Agent.OS -equals Windows_NT`) no config maps: one note, not silence.
  'WireMock-Net__WireMock.Net-docker/azure-pipelines.nano.yml': ['14 unknown-runner-label'],
  // Issue 13: a HostProcess DaemonSet outside the system namespaces (monitoring) is not a node agent unless the
  // config lists it: a warning (kube-system agents, as in azure-container-networking's, stay silent).
  // Its init container's PowerShell image is frozen (PowerShell/Announcements#75), HostProcess or not: the node pulls it.
  'prometheus-community__windows_exporter/kubernetes__windows-exporter-daemonset.yaml': ['26 hostprocess-workload', '31 unmaintained-image-tag'],
  'Azure__azure-container-networking/test__integration__manifests__load__privileged-daemonset-windows.yaml': ['26 unmaintained-image-tag'],
}

const HELM_TEMPLATES = new Set(['newrelic__nri-kubernetes/charts__internal__e2e-resources__templates__windows-deployment.yaml'])

describeCorpus('corpus: Kubernetes and Azure Pipelines', () => {
  const files = entries.filter((e) => e.kind === 'k8s' || e.kind === 'azure-pipelines')

  test('the manifest lists 14 Kubernetes and 10 Azure Pipelines files', () => {
    expect(files.filter((e) => e.kind === 'k8s')).toHaveLength(14)
    expect(files.filter((e) => e.kind === 'azure-pipelines')).toHaveLength(10)
  })

  test.each(files.map((e) => [name(e.local), e.kind]))('%s (%s) comes out as expected', (file) => {
    const result = lintOne(`files/${file}`)
    expect(result.crashes).toEqual([])
    if (HELM_TEMPLATES.has(file)) {
      // A Helm template is skipped with a note, never reported as broken.
      expect(result.files).not.toContain(file)
      expect(result.skipped).toMatchObject([{ file, reason: expect.stringMatching(/template/) as unknown }])
      expect(result.findings).toEqual([])
      return
    }
    expect(result.files).toContain(file)
    expect(result.skipped).toEqual([])
    expect(brief(result)).toEqual((EXPECTED_FINDINGS[file] ?? []).map((f) => `${file}:${f}`).sort())
  })

  test('EXPECTED case 8: HostProcess pods (pod and container level) are not matched against the node build', () => {
    for (const f of [
      'prometheus-community__windows_exporter/kubernetes__windows-exporter-daemonset.yaml',
      'Azure__azure-container-networking/test__integration__manifests__load__privileged-daemonset-windows.yaml',
    ]) {
      // Even on a node whose build the 1809 image does not match.
      const result = lint({ root: path.join(corpus, 'files'), paths: [f], runners: ['windows-2025'] })
      // No build finding (hostprocess-workload is about trust, unmaintained-image-tag about the pulled tag, not
      // builds: see EXPECTED_FINDINGS).
      expect(brief(result).filter((b) => !/ (hostprocess-workload|unmaintained-image-tag)$/.test(b))).toEqual([])
      expect(result.executionSummaries()).toEqual([])
    }
  })

  test('EXPECTED case 9: the dockur Deployment is not a Windows container', () => {
    const result = lintOne('files/dockur__windows/kubernetes.yml')
    expect(result.findings).toEqual([])
    expect(result.executionSummaries().every((e) => e.host === undefined)).toBe(true)
  })

  test('a walk over a Helm chart skips its templates with a note', () => {
    const result = lint({ root: layout('newrelic/nri-kubernetes') })
    expect(result.crashes).toEqual([])
    expect(result.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([])
    expect(result.skipped.map((s) => s.file)).toEqual([
      'charts/internal/e2e-resources/templates/windows-deployment.yaml',
      'charts/newrelic-infrastructure/templates/kubelet/daemonset-windows.yaml',
    ])
    // values.yaml is not a manifest: not read, no note.
    expect(result.files).not.toContain('charts/newrelic-infrastructure/values.yaml')
  })

  test('WireMock: Docker@2 tasks build the Dockerfiles their pipelines name, on the image they name', () => {
    const result = lint({ root: layout('WireMock-Net/WireMock.Net-docker') })
    expect(result.links).toEqual([
      { from: 'azure-pipelines-windows-2019.yml', to: 'StandAlone.NETCoreApp/Dockerfile.windows-2019' },
      { from: 'azure-pipelines-windows.yml', to: 'StandAlone.NETCoreApp/Dockerfile.windows' },
    ])
    const builds = result.executionSummaries().filter((e) => e.kind === 'build').map((e) => `${e.file} ${e.imageBuild} on ${e.host} ${e.hostBuild}`)
    expect(builds).toEqual([
      'StandAlone.NETCoreApp/Dockerfile.windows-2019 17763 on windows-2019 17763',
      'StandAlone.NETCoreApp/Dockerfile.windows 20348 on windows-2022 20348',
    ])
    // The retired image, not a build mismatch: the 2019 image matches the 2019 agent.
    // The nano pipeline's self-hosted Windows pool is not mapped: a note.
    expect(brief(result).filter((f) => !f.includes('end-of-life'))).toEqual([
      'azure-pipelines-windows-2019.yml:10 retired-runner-label',
      'azure-pipelines.nano.yml:14 unknown-runner-label',
    ])
  })

  test('PowerShell-Docker: stage and phase templates with parameters are followed without a guess', () => {
    const result = lint({ root: layout('PowerShell/PowerShell-Docker') })
    expect(result.crashes).toEqual([])
    expect(result.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([])
    expect(result.files).toEqual(expect.arrayContaining(['.vsts-ci/phase.yml', '.vsts-ci/stage.yml', '.vsts-ci/mirrorInternalImages.yml']))
  })
})
