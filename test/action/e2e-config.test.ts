/**
 * End-to-end tests of the committed bundle for policy as configuration: the action's `config` input (a file not at
 * the root), inline suppressions in every report, and the `baseline` input with a baseline written by the CLI bundle
 * and lines inserted afterwards. Run `npm run bundle` after changing src/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Result } from 'sarif'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUNDLE, ROOT, runStep } from './runner.js'
import { expectValidSarif } from './sarif-schema.js'
import { makeWorkspace } from './workspace.js'

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')

beforeAll(() => {
  expect(existsSync(BUNDLE) && existsSync(CLI), 'dist/ is missing: run npm run bundle').toBe(true)
})

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  old-host:',
  '    runs-on: [self-hosted, windows, ws2019]',
  '    steps:',
  '      - run: docker run --rm contoso.azurecr.io/base/app:1 cmd',
  '  tools:',
  '    runs-on: windows-2022',
  '    steps:',
  '      # isolint-disable-next-line unknown-image-build -- vendor image, build checked by the vendor until=2099-12-31',
  '      - run: docker run --rm vendor.example/agent:7 cmd',
  '',
].join('\n')

const CONFIG = [
  'runners:',
  '  - labels: [self-hosted, windows, ws2019]',
  '    build: 17763',
  '    hyperv: true',
  'images:',
  '  - match: contoso.azurecr.io/base/*',
  '    build: ltsc2022',
  'fail-on: warning',
  '',
].join('\n')

interface JsonReport {
  findings: { ruleId: string; file: string; line: number }[]
  suppressed?: { ruleId: string; line: number; suppressed: { reason: string; until: string } }[]
}

describe('dist/index.js with a config and suppressions', () => {
  it('reads the config input, checks the mapped self-hosted runner and private image, lists the suppression', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': WORKFLOW, 'ci/isolint.yml': CONFIG })
    const r = await runStep({ workspace: ws, inputs: { config: 'ci/isolint.yml', 'check-run': 'false' } })
    expect(r.stderr).toBe('')
    const report = JSON.parse(readFileSync(r.outputs['findings-file']!, 'utf8')) as JsonReport
    // The private image is ltsc2022 (20348); the self-hosted runner is 17763: no isolation runs it.
    expect(report.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['image-newer-than-host:6'])
    expect(report.suppressed).toEqual([
      expect.objectContaining({
        ruleId: 'unknown-image-build',
        line: 11,
        suppressed: expect.objectContaining({ reason: 'vendor image, build checked by the vendor', until: '2099-12-31' }) as unknown,
      }),
    ])
    const sarif = expectValidSarif(readFileSync(path.join(ws, 'isolint.sarif'), 'utf8')).runs[0]!.results as Result[]
    const suppressed = sarif.filter((x) => x.suppressions !== undefined)
    expect(suppressed).toHaveLength(1)
    expect(suppressed[0]!.suppressions![0]).toMatchObject({ kind: 'inSource', justification: 'vendor image, build checked by the vendor' })
    expect(r.summary).toContain('### Suppressed findings')
    expect(r.summary).toContain('1 suppressed')
    // Not annotated.
    expect(r.commands.filter((c) => c.properties.file !== undefined).map((c) => c.properties.title)).toEqual(['image-newer-than-host'])
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.log.join('\n')).toContain('isolint: config ci/isolint.yml')
  })

  it('fails the step with file:line:column on an invalid config', async () => {
    const ws = makeWorkspace({ '.isolint.yml': 'ignore: [x]\nrules:\n  no-such-rule: off\n' })
    const r = await runStep({ workspace: ws, inputs: { 'check-run': 'false' } })
    expect(r.exitCode).toBe(1)
    const failed = r.commands.filter((c) => c.command === 'error' && c.properties.file === undefined).map((c) => c.data)
    expect(failed.join('\n')).toContain(".isolint.yml:3:3: unknown rule 'no-such-rule'")
  })
})

describe('dist/index.js with a baseline', () => {
  it('reports only new findings after lines were inserted, and counts known and fixed ones', async () => {
    const compose = ['services:', '  a:', '    image: mcr.microsoft.com/windows/servercore', '  b:', '    image: mcr.microsoft.com/windows/nanoserver', ''].join('\n')
    const ws = makeWorkspace({ 'compose.yml': compose })
    execFileSync(process.execPath, [CLI, '--write-baseline', 'isolint-baseline.json', '.'], { cwd: ws, stdio: 'pipe' })
    const baseline = JSON.parse(readFileSync(path.join(ws, 'isolint-baseline.json'), 'utf8')) as { findings: unknown[] }
    expect(baseline.findings.length).toBe(2)

    // Lines inserted above and between, service b fixed, a new untagged service c.
    writeFileSync(
      path.join(ws, 'compose.yml'),
      [
        '# moved down by a comment',
        'services:',
        '  a:',
        '    # a comment above the image line',
        '    image: mcr.microsoft.com/windows/servercore',
        '  b:',
        '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022',
        '  c:',
        '    image: mcr.microsoft.com/windows/server',
        '',
      ].join('\n'),
    )
    const r = await runStep({ workspace: ws, inputs: { baseline: 'isolint-baseline.json', 'check-run': 'false' } })
    const report = JSON.parse(readFileSync(r.outputs['findings-file']!, 'utf8')) as JsonReport
    expect(report.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['windows-image-missing-tag:9'])
    expect(r.summary).toContain('1 known finding not reported, 1 fixed since it was written.')
    // SARIF uses the same fingerprints as the baseline.
    const sarif = expectValidSarif(readFileSync(path.join(ws, 'isolint.sarif'), 'utf8')).runs[0]!.results as Result[]
    expect(sarif.map((x) => x.partialFingerprints?.primaryLocationLineHash)).toEqual([expect.stringMatching(/^[0-9a-f]{32}:1$/)])
  })
})
