/** The job summary's smoke section: one row per entry, untrusted engine and container text escaped. */
import { expect, test } from 'vitest'
import { renderSummary } from '../../src/reporters/summary.js'
import type { JsonSmokeSection } from '../../src/smoke/report.js'

const section: JsonSmokeSection = {
  status: 'ran',
  host: { build: 20348, revision: 2582, kind: 'server', defaultIsolation: 'process', operatingSystem: 'Microsoft Windows Server Version 21H2 (OS Build 20348.2582)', serverVersion: '29.1.5' },
  hyperv: { probeImage: 'mcr.microsoft.com/windows/nanoserver:ltsc2022', result: 'unavailable', detail: 'No hypervisor is present on this system. (0xc0351000)' },
  entries: [
    { image: 'a:1', imageBuild: 20348, hostBuild: 20348, isolation: 'process', built: null, result: 'passed', cause: null, message: null, detail: null, exitCode: 0, seconds: 1.5, outputTail: [], file: 'w.yml', line: 3 },
    {
      image: 'b:1',
      imageBuild: null,
      hostBuild: 20348,
      isolation: 'process',
      built: null,
      result: 'failed',
      cause: 'unknown',
      message: 'The engine failed with a message isolint does not know',
      detail: '<img src=x onerror=alert(1)> | [link](https://evil.example) @admin',
      exitCode: 125,
      seconds: 2,
      outputTail: ['::add-mask::x'],
      file: 'w.yml',
      line: 4,
    },
  ],
}

test('one row per entry; the probe result; hostile text cannot add HTML, links, mentions or cells', () => {
  const md = renderSummary({ findings: [], conclusion: 'success', failOn: 'error', smoke: section })
  expect(md).toContain('### Smoke test')
  expect(md).toContain('Hyper-V isolation is not available here')
  const rows = md.split('\n').filter((l) => /^\| (✅|❌)/.test(l))
  expect(rows).toHaveLength(2)
  expect(rows[1]).not.toMatch(/<img|\]\(|@admin/)
  // The row keeps its 8 cells: the `|` of the message is escaped.
  expect(rows[1]!.split(' | ')).toHaveLength(8)
})

test('a skipped smoke test says why', () => {
  const md = renderSummary({ findings: [], conclusion: 'success', failOn: 'error', smoke: { status: 'skipped', reason: 'the Docker engine runs linux containers', entries: [] } })
  expect(md).toMatch(/### Smoke test\n\nSkipped: the Docker engine runs linux containers/)
})
