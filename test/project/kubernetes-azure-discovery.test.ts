/**
 * Discovery and loading of Kubernetes manifests (by content) and Azure Pipelines files (by name and content) in a
 * walk over a tree, end to end through lint().
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'isolint-k8s-azure-'))
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), text)
  }
  return root
}

const POD = `apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop }
spec:
  nodeSelector: { kubernetes.io/os: windows, node.kubernetes.io/windows-build: 10.0.26100 }
  containers:
    - name: p
      image: mcr.microsoft.com/windows/nanoserver:ltsc2019
`

describe('Kubernetes and Azure Pipelines discovery', () => {
  it('finds manifests by content under any name, and ignores other YAML and JSON silently', () => {
    const root = tree({
      'deploy/app.yaml': POD,
      'deploy/app.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [] } }),
      'config/settings.yaml': 'feature: true\n',
      'package.json': '{"name": "x"}',
      'chart/templates/pod.yaml': '{{- if .Values.on }}\n' + POD + '{{- end }}\n',
      'broken/pod.yaml': 'apiVersion: v1\nkind: Pod\nspec: [\n',
    })
    const result = lint({ root })
    expect(result.files).toEqual(['deploy/app.json', 'deploy/app.yaml'])
    expect(result.skipped.map((s) => s.file)).toEqual(['broken/pod.yaml', 'chart/templates/pod.yaml'])
    expect(result.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`)).toEqual([
      'deploy/app.yaml:8 process-isolation-build-mismatch',
    ])
  })

  it('reads Azure Pipelines files by name and content, and templates they include whatever their name', () => {
    const root = tree({
      'azure-pipelines.yml': 'pool: { vmImage: windows-2022 }\nsteps:\n  - template: ci/steps.yml\n',
      'ci/steps.yml': 'steps:\n  - powershell: docker run --rm mcr.microsoft.com/windows/servercore:ltsc2019 cmd\n',
      '.azure-pipelines/release.yml': 'jobs:\n  - job: r\n    pool: { vmImage: windows-2019 }\n    steps: []\n',
      // Named like a pipeline, but a manifest: read as what it is.
      'k8s.azure-pipelines.yml': POD,
    })
    const result = lint({ root })
    expect(result.files).toEqual(['.azure-pipelines/release.yml', 'azure-pipelines.yml', 'ci/steps.yml', 'k8s.azure-pipelines.yml'])
    expect(result.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`).sort()).toEqual([
      '.azure-pipelines/release.yml:3 retired-runner-label',
      'ci/steps.yml:2 process-isolation-build-mismatch',
      'k8s.azure-pipelines.yml:8 process-isolation-build-mismatch',
    ])
    expect(result.links).toEqual([{ from: 'azure-pipelines.yml', to: 'ci/steps.yml' }])
  })

  it('expands ${{ variables.x }}, ${{ parameters.x }} and $(x) in vmImage, per template instance and matrix leg', () => {
    const root = tree({
      'azure-pipelines.yml': [
        'variables:',
        '  image: windows-2019',
        'jobs:',
        '  - template: job.yml',
        '    parameters: { name: a, tag: ltsc2019 }',
        '  - template: job.yml',
        '    parameters: { name: b, tag: ltsc2022, pool: "$(image)" }',
        '  - job: m',
        '    strategy:',
        '      matrix:',
        '        old: { img: windows-2019 }',
        '        new: { img: windows-2025 }',
        '    pool: { vmImage: $(img) }',
        '    steps: []',
        '  - job: n',
        '    strategy:',
        '      matrix:',
        '        old: { img: windows-2019 }',
        '    pool: { vmImage: "${{ variables.img }}" }',
        '    steps: []',
        '',
      ].join('\n'),
      'job.yml': [
        'parameters:',
        '  - name: name',
        '  - name: tag',
        '  - name: pool',
        '    default: windows-2022',
        'jobs:',
        '  - job: ${{ parameters.name }}',
        '    pool: { vmImage: "${{ parameters.pool }}" }',
        '    steps:',
        '      - powershell: docker run --rm mcr.microsoft.com/windows/nanoserver:${{ parameters.tag }} cmd',
        '',
      ].join('\n'),
    })
    const result = lint({ root })
    const hosts = result.executionSummaries().map((e) => `${e.image} on ${e.host}`)
    expect(hosts).toEqual(['mcr.microsoft.com/windows/nanoserver:ltsc2019 on windows-2022', 'mcr.microsoft.com/windows/nanoserver:ltsc2022 on windows-2019'])
    expect(result.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`).sort()).toEqual([
      // `$(img)` takes the leg's value (the finding points at it); `${{ variables.img }}` is compiled before the
      // matrix exists, so job n has no known host.
      'azure-pipelines.yml:11 retired-runner-label',
      'job.yml:10 image-newer-than-host',
      'job.yml:10 process-isolation-build-mismatch',
      // Job b: the pool parameter is `$(image)`, expanded where the template is included.
      'job.yml:8 retired-runner-label',
    ])
  })

  it('gives self-hosted pools no host unless the host lookup knows them', () => {
    const root = tree({
      'azure-pipelines.yml': 'pool: BuildServers\nsteps:\n  - powershell: docker run --rm mcr.microsoft.com/windows/servercore:ltsc2019 cmd\n',
    })
    const result = lint({ root })
    expect(result.findings).toEqual([])
    expect(result.executionSummaries().map((e) => e.host)).toEqual([undefined])
  })
})
