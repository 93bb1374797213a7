/** The committed bundle writes the isolation posture into the job summary. Run `npm run bundle` after changing src/. */
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUNDLE, runStep } from './runner.js'
import { makeWorkspace } from './workspace.js'

beforeAll(() => {
  expect(existsSync(BUNDLE), 'dist/index.js is missing: run npm run bundle').toBe(true)
})

describe('dist/index.js: isolation posture in the job summary', () => {
  it('shows which containers share each host kernel, marks untrusted and production, escapes repository text', async () => {
    const ws = makeWorkspace({
      '.github/workflows/ci.yml': [
        'on: [push, pull_request]',
        'jobs:',
        '  test:',
        '    runs-on: [self-hosted, windows, "<b>pool</b>"]',
        '    steps:',
        '      - run: docker run --rm mcr.microsoft.com/windows/servercore:ltsc2022 cmd /c ver',
        '  deploy:',
        "    if: github.event_name == 'push'",
        '    runs-on: windows-2022',
        '    environment: production',
        '    steps:',
        '      - run: docker run --rm --isolation=hyperv mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd /c ver',
        '',
      ].join('\n'),
    })
    const r = await runStep({ workspace: ws, inputs: { 'fail-on': 'none' } })
    expect(r.exitCode, r.stderr).toBe(0)
    const section = r.summary.slice(r.summary.indexOf('### Isolation posture'))
    expect(section).toContain('```mermaid\nflowchart LR\n')
    expect(section).toContain('UNTRUSTED · docker run · mcr.microsoft.com/windows/servercore:ltsc2022')
    expect(section).toContain('PRODUCTION · docker run · mcr.microsoft.com/windows/nanoserver:ltsc2022 · Hyper-V, own kernel')
    expect(section).toContain('| windows-2022 (build 20348) | hyperv (own kernel) |')
    expect(section).not.toContain('<b>')
    expect(section).toContain('#60;b#62;pool#60;/b#62;')
  })
})
