// Files a followed file runs in turn: scripts from scripts, scripts from make recipes, make from scripts. Each is
// followed as the step's own calls are (follow-nested.ts), to a chain of 4 files, none twice, 100 files per step;
// past that its docker commands are not read and every variable it may write to GITHUB_ENV is unknown.
import { afterAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/core/finding.js'
import { lint } from '../../src/lint.js'
import { linkFiles } from '../harness/link-files.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'
const WORKFLOW = '.github/workflows/ci.yml'

/** A workflow on windows-2022 (20348) with the steps given as YAML lines under `steps:`, and the job's env lines. */
function workflow(steps: readonly string[], env: readonly string[] = []): string {
  const head = ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', ...(env.length > 0 ? ['    env:', ...env.map((e) => `      ${e}`)] : []), '    steps:']
  return [...head, ...steps.map((s) => `      ${s}`), ''].join('\n')
}

const at = (s: Finding['span']): string => `${s.file}:${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`

/** The findings of a tree, each as `rule file:line:col-line:col`, then its related notes. */
function findings(files: Readonly<Record<string, string>>): string[][] {
  const root = tempDir('isolint-nested-')
  writeTree(root, files)
  return lint({ root }).findings.map((f) => [`${f.ruleId} ${at(f.span)}`, ...f.related.map((r) => `${at(r.span)} ${r.message}`)])
}

/** The images the job's containers run, in order of the line that starts them (file, then line). */
function images(files: Readonly<Record<string, string>>, onRead?: (rel: string) => void): string[] {
  return linkFiles(files, onRead)
    .executions.filter((e) => e.host !== undefined)
    .map((e) => `${e.span.file}:${e.span.start.line} ${e.image ?? 'unknown'}`)
}

describe('print', () => {
  it('p', () => {
    console.log(JSON.stringify(findings({
      [WORKFLOW]: workflow(['- shell: pwsh', '  run: ./ci/build.ps1']),
      'ci/build.ps1': '& ./ci/image.ps1 -Release ltsc2025\n',
      'ci/image.ps1': ["param([string]$Release = 'ltsc2022')", `docker run ${SERVERCORE}$Release cmd /c ver`, ''].join('\n'),
    }), null, 1))
    console.log(JSON.stringify(findings({
      [WORKFLOW]: workflow(['- shell: pwsh', '  run: ./ci/image.ps1 -Release ltsc2025']),
      'ci/image.ps1': ["param([string]$Release = 'ltsc2022')", `docker run ${SERVERCORE}$Release cmd /c ver`, ''].join('\n'),
    }), null, 1))
    const make = {
      Makefile: 'image:\n\t./scripts/image.sh ltsc2025\n',
      'scripts/image.sh': `#!/bin/sh\ndocker run ${SERVERCORE}\${1:-ltsc2022} cmd /c ver\n`,
      'scripts/all.sh': '#!/bin/sh\nset -e\nmake image\n',
    }
    console.log(JSON.stringify(findings({ [WORKFLOW]: workflow(['- run: make image']), ...make }), null, 1))
    console.log(JSON.stringify(findings({ [WORKFLOW]: workflow(['- run: ./scripts/all.sh', '  shell: bash']), ...make }), null, 1))
  })
})
