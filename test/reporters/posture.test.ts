import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lint, type ExecutionSummary } from '../../src/lint.js'
import { buildPosture, MAX_DIAGRAM_CHARS, MAX_POSTURE_CONTAINERS, mermaidText, renderPostureMarkdown } from '../../src/reporters/posture.js'
import { escapeMarkdown, renderSummary, STEP_SUMMARY_LIMIT } from '../../src/reporters/summary.js'
import { renderText } from '../../src/reporters/text.js'

const root = mkdtempSync(path.join(tmpdir(), 'isolint-posture-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  writeFileSync(path.join(root, rel), text)
}

write(
  '.github/workflows/ci.yml',
  `on: [push, pull_request]
jobs:
  test:
    runs-on: [self-hosted, windows, ws2022]
    steps:
      - run: docker run --rm mcr.microsoft.com/windows/servercore:ltsc2022 cmd /c ver
      - run: docker run --rm --isolation=hyperv mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd /c ver
      - run: docker pull mcr.microsoft.com/windows/servercore:ltsc2025
  deploy:
    if: github.event_name == 'push'
    runs-on: windows-2022
    environment: production
    steps:
      - run: docker compose -f deploy/compose.yml up -d
`,
)
write(
  'deploy/compose.yml',
  `services:
  web:
    image: contoso.azurecr.io/web:1.0-ltsc2022
  api:
    image: contoso.azurecr.io/api:1.0-ltsc2022
    isolation: hyperv
  db:
    image: contoso.azurecr.io/db:\${DB_TAG}
    isolation: \${DB_ISOLATION}
`,
)

const result = lint({ root, rules: [] })

describe('buildPosture', () => {
  it('groups containers per Windows host by isolation, with untrusted and production marked; pulls start none', () => {
    const posture = buildPosture(result.executionSummaries())
    expect(posture.map((h) => [h.host, h.hostBuild, h.shared.map((c) => [c.image, c.untrusted, c.production]), h.hyperv.map((c) => c.image), h.unknown.map((c) => c.what)])).toEqual([
      [
        'self-hosted, windows, ws2022',
        undefined,
        [['mcr.microsoft.com/windows/servercore:ltsc2022', true, false]],
        ['mcr.microsoft.com/windows/nanoserver:ltsc2022'],
        [],
      ],
      ['windows-2022', 20348, [['contoso.azurecr.io/web:1.0-ltsc2022', false, true]], ['contoso.azurecr.io/api:1.0-ltsc2022'], ['service db']],
    ])
  })

  it('names no array as an image: the container of `docker run "${OPTS[@]}" img` has an image and isolation not known', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'isolint-posture-array-'))
    try {
      mkdirSync(path.join(other, '.github/workflows'), { recursive: true })
      writeFileSync(
        path.join(other, '.github/workflows/ci.yml'),
        'on: push\njobs:\n  test:\n    runs-on: windows-2022\n    steps:\n' +
          '      - run: docker run --rm "${OPTS[@]}" mcr.microsoft.com/windows/servercore:ltsc2022 cmd\n        shell: bash\n',
      )
      const [h] = buildPosture(lint({ root: other, rules: [] }).executionSummaries())
      expect(h!.shared).toEqual([])
      expect(h!.unknown.map((c) => c.image)).toEqual(['an image isolint cannot pick out (${OPTS[@]} expands to any number of words)'])
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('places on a --runner host only the containers of Windows images, as the rules do', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'isolint-posture-runner-'))
    try {
      writeFileSync(
        path.join(other, 'compose.yaml'),
        'services:\n  win:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n' +
          '  linux:\n    image: ubuntu:24.04\n  private:\n    image: contoso.azurecr.io/tools:1.0\n',
      )
      const hosts = buildPosture(lint({ root: other, rules: [], runners: ['windows-2022'] }).executionSummaries())
      expect(hosts.map((h) => [h.host, h.shared.map((c) => c.what), h.unknown.map((c) => c.what)])).toEqual([['windows-2022', ['service win'], []]])
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('marks a container untrusted when any matrix combination of it is', () => {
    const base: ExecutionSummary = { kind: 'run', what: 'docker run', file: 'a.yml', line: 3, image: 'x', host: 'h', hostBuild: 20348, isolation: 'process' }
    const [h] = buildPosture([base, { ...base, untrusted: true }, { ...base, production: true }])
    expect(h!.shared).toEqual([expect.objectContaining({ untrusted: true, production: true })])
  })
})

describe('rendering', () => {
  it('the job summary shows the posture as a diagram and a table', () => {
    const md = renderSummary({ findings: [], conclusion: 'success', failOn: 'error', executions: result.executionSummaries() })
    const section = md.slice(md.indexOf('### Isolation posture'))
    expect(section).toMatchSnapshot()
  })

  it('--format text --posture shows the same facts as text', () => {
    const text = renderText(result, { posture: result.executionSummaries() })
    expect(text.slice(text.indexOf('Isolation posture'))).toMatchSnapshot()
    expect(renderText(result)).not.toContain('Isolation posture')
  })

  it('repository text cannot break out of a Mermaid label or the code fence', () => {
    const hostile = 'a"]\n```\n<script>x</script> click h0 call alert() %%{init}%% #1; `x`'
    const label = mermaidText(hostile)
    expect(label.replace(/#\d+;/g, '')).not.toMatch(/[#;"`<>%{}[\]\n]/)
    const lines = renderPostureMarkdown(
      buildPosture([{ kind: 'run', what: hostile, file: hostile, line: 1, image: hostile, host: hostile, isolation: 'process' }]),
      escapeMarkdown,
      (file) => escapeMarkdown(file),
    )
    const fence = lines.indexOf('```mermaid')
    const close = lines.indexOf('```', fence + 1)
    expect(fence).toBeGreaterThan(0)
    expect(lines.slice(fence + 1, close).join('\n')).not.toContain('```')
    expect(lines.slice(fence + 1, close).every((l) => !l.includes('<'))).toBe(true)
  })

  it('is capped: many hosts and containers stay far under the summary limit, with what was left out counted', () => {
    const many: ExecutionSummary[] = []
    for (let h = 0; h < 50; h++) {
      for (let c = 0; c < 100; c++) {
        many.push({ kind: 'run', what: `service s${c}${'x'.repeat(300)}`, file: `f${h}.yml`, line: c + 1, image: `img${c}:${'y'.repeat(500)}`, host: `host-${h}`, hostBuild: 20348, isolation: c % 2 ? 'process' : 'hyperv', untrusted: c % 3 === 0 })
      }
    }
    const lines = renderPostureMarkdown(buildPosture(many), escapeMarkdown, (f, l) => `${f}:${l}`)
    const text = lines.join('\n')
    expect(Buffer.byteLength(text)).toBeLessThan(200_000)
    expect(lines.filter((l) => l.startsWith('| host-')).length).toBe(MAX_POSTURE_CONTAINERS)
    expect(text).toContain('30 more hosts and 4,900 more containers not shown'.replace('4,900', '4900'))
    const diagram = text.slice(text.indexOf('```mermaid'), text.indexOf('```', text.indexOf('```mermaid') + 3))
    expect(diagram.length).toBeLessThanOrEqual(MAX_DIAGRAM_CHARS)
    // Labels of hostile text (every character an entity code) still fit Mermaid's limit.
    const wide = many.map((e) => ({ ...e, what: '"'.repeat(400), image: '<'.repeat(400), host: `${e.host}${'>'.repeat(200)}` }))
    const wideText = renderPostureMarkdown(buildPosture(wide), escapeMarkdown, (f, l) => `${f}:${l}`).join('\n')
    const start = wideText.indexOf('```mermaid')
    expect(wideText.slice(start, wideText.indexOf('```', start + 3)).length).toBeLessThanOrEqual(MAX_DIAGRAM_CHARS)
    expect(wideText).toMatch(/h0more\["…and \d+ more containers"\]/)
    const summary = renderSummary({ findings: [], conclusion: 'success', failOn: 'error', executions: many })
    expect(Buffer.byteLength(summary)).toBeLessThan(STEP_SUMMARY_LIMIT)
  })
})

describe('posture: Kubernetes nodes and Azure Pipelines pools are hosts too', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolint-posture-k8s-azure-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const put = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), text)
  }
  put('.isolint.yml', 'runners:\n  - labels: [WinPool2022]\n    build: ltsc2022\n    hyperv: true\n')
  put(
    'deploy/api.yaml',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: production
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
        node.kubernetes.io/windows-build: 10.0.20348
      containers:
        - name: api
          image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
  )
  put(
    'azure-pipelines.yml',
    `jobs:
  - job: hosted
    pool:
      vmImage: windows-2022
    steps:
      - script: docker run --rm mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd /c ver
  - job: self
    pool: WinPool2022
    steps:
      - script: docker run --rm --isolation=hyperv mcr.microsoft.com/windows/servercore:ltsc2022 cmd /c ver
`,
  )

  it('groups the pod on its node, the hosted agent and the mapped self-hosted pool, each with its containers', () => {
    const result = lint({ root: dir })
    const hosts = buildPosture(result.executionSummaries())
    const brief = hosts.map((h) => ({
      host: h.host,
      build: h.hostBuild,
      shared: h.shared.map((c) => `${c.what}${c.production ? ' (production)' : ''}`),
      hyperv: h.hyperv.map((c) => c.what),
    }))
    expect(brief).toEqual(
      expect.arrayContaining([
        { host: 'Windows node 10.0.20348', build: 20348, shared: ['container api of Deployment api (production)'], hyperv: [] },
        { host: 'windows-2022', build: 20348, shared: ['docker run'], hyperv: [] },
        { host: 'WinPool2022', build: 20348, shared: [], hyperv: ['docker run'] },
      ]),
    )
    expect(brief).toHaveLength(3)
    const md = renderPostureMarkdown(hosts, escapeMarkdown, (f, l) => `${f}:${l}`).join('\n')
    for (const h of ['Windows node 10.0.20348', 'windows-2022', 'WinPool2022']) expect(md).toContain(h)
  })
})
