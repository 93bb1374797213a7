// A script's own variables: PowerShell's `$TAG` is not the environment (only `$env:TAG` is), and a name the script
// assigns itself is not the value the CI exported. Both unknown, in GitHub workflows and Azure Pipelines.
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { linkFiles as link } from '../harness/link-files.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:'

function workflow(shell: string, script: string[]): Record<string, string> {
  const lines = ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', '    env:', '      TAG: ltsc2019', '    steps:', '      - run: |']
  return { '.github/workflows/ci.yml': [...lines, ...script.map((l) => `          ${l}`), ...(shell ? [`        shell: ${shell}`] : []), ''].join('\n') }
}

function azure(step: string, script: string[]): Record<string, string> {
  const lines = ['pool: { vmImage: windows-2022 }', 'variables:', '  TAG: ltsc2019', 'steps:', `  - ${step}: |`]
  return { 'azure-pipelines.yml': [...lines, ...script.map((l) => `      ${l}`), ''].join('\n') }
}

const images = (files: Record<string, string>): (string | undefined)[] => {
  if (!('azure-pipelines.yml' in files)) return link(files).executions.map((e) => e.image)
  const root = tempDir('isolint-script-')
  writeTree(root, files)
  return lint({ root }).project.executions.map((e) => e.image)
}
afterAll(removeTemps)
const run = (ref: string): string => `docker run ${IMAGE}${ref} cmd`

describe('GitHub: shell variables as the step’s shell reads them', () => {
  it("reads PowerShell's $env:TAG from the environment, never $TAG", () => {
    expect(images(workflow('pwsh', [run('$TAG'), run('${TAG}'), run('$env:TAG'), run('${env:TAG}')]))).toEqual([undefined, undefined, `${IMAGE}ltsc2019`, `${IMAGE}ltsc2019`])
    // No shell written: PowerShell on a Windows runner.
    expect(images(workflow('', [run('$TAG'), run('$env:tag')]))).toEqual([undefined, `${IMAGE}ltsc2019`])
  })

  it('leaves a name the script assigns itself unknown, in every shell', () => {
    expect(images(workflow('bash', ['TAG=ltsc2022', run('$TAG')]))).toEqual([undefined])
    expect(images(workflow('bash', ['read -r TAG < tag.txt', run('${TAG}')]))).toEqual([undefined])
    expect(images(workflow('pwsh', ['$env:TAG = "ltsc2022"', run('$env:TAG')]))).toEqual([undefined])
    // A name it does not assign still reads the environment.
    expect(images(workflow('bash', ['OTHER=1', run('$TAG')]))).toEqual([`${IMAGE}ltsc2019`])
  })

  it("reads cmd's %TAG% from the environment, unknown after the script sets it or runs a batch file in its process", () => {
    expect(images(workflow('cmd', [run('%TAG%')]))).toEqual([`${IMAGE}ltsc2019`])
    for (const line of ['set TAG=ltsc2022', 'set "TAG=ltsc2022"', 'set /p TAG=<tag.txt', 'call setvars.cmd']) {
      expect(images(workflow('cmd', [line, run('%TAG%')])), line).toEqual([undefined])
    }
    expect(images(workflow('cmd', ['set OTHER=1', run('%TAG%')]))).toEqual([`${IMAGE}ltsc2019`])
  })

  it('reads every name of a line of assignments', () => {
    expect(images(workflow('bash', ['REG=x TAG=ltsc2022', run('$TAG')]))).toEqual([undefined])
    expect(images(workflow('bash', ['export REG=x TAG=ltsc2022', run('$TAG')]))).toEqual([undefined])
  })

  it('leaves every name unknown after code it does not read (source, eval, export $(…), iex, a .ps1), and after unset', () => {
    for (const line of ['source ./vars.sh', '. ./vars.sh', 'eval "$(cat .env)"', 'export $(cat .env | xargs)', 'unset TAG', 'mapfile -t TAG < f']) {
      expect(images(workflow('bash', [line, run('${TAG:-ltsc2022}')])), line).toEqual([undefined])
    }
    for (const line of ['. ./vars.ps1', '& ./vars.ps1', 'iex (Get-Content .env -Raw)', 'Remove-Item Env:TAG']) {
      expect(images(workflow('pwsh', [line, run('$env:TAG')])), line).toEqual([undefined])
    }
  })

  it("never reads PowerShell's $env:TAG in bash (there it is the variable env, then :TAG)", () => {
    expect(images(workflow('bash', [run('$env:TAG'), run('$Env:TAG'), run('${env:TAG}'), run('$TAG')]))).toEqual([undefined, undefined, undefined, `${IMAGE}ltsc2019`])
  })
})

describe('Azure: shell variables as the step’s shell reads them', () => {
  it("reads PowerShell's $env:TAG from the exported variables, never $TAG", () => {
    expect(images(azure('pwsh', ['$TAG = "ltsc2022"', run('$TAG')]))).toEqual([undefined])
    expect(images(azure('powershell', [run('$TAG'), run('$env:TAG')]))).toEqual([undefined, `${IMAGE}ltsc2019`])
  })

  it("never reads PowerShell's $env:TAG in bash", () => {
    expect(images(azure('bash', [run('$env:TAG'), run('$TAG')]))).toEqual([undefined, `${IMAGE}ltsc2019`])
  })

  it('leaves a name the script assigns itself unknown', () => {
    expect(images(azure('bash', ['REG=x TAG=ltsc2022', run('$TAG')]))).toEqual([undefined])
    expect(images(azure('bash', ['source ./vars.sh', run('$TAG')]))).toEqual([undefined])
    expect(images(azure('bash', ['TAG=ltsc2022', run('$TAG')]))).toEqual([undefined])
    expect(images(azure('pwsh', ['$env:TAG = "ltsc2022"', run('$env:TAG')]))).toEqual([undefined])
    // Macros are not shell variables: Azure expands them before the script runs.
    expect(images(azure('bash', ['TAG=ltsc2022', run('$(TAG)')]))).toEqual([`${IMAGE}ltsc2019`])
    expect(images(azure('bash', ['OTHER=1', run('$TAG')]))).toEqual([`${IMAGE}ltsc2019`])
  })
})

describe('GitHub: the files a step runs inherit the names it assigned', () => {
  const files = (shell: string, script: string[]): Record<string, string> => ({
    ...workflow(shell, script),
    'build.sh': `${run('$TAG')}\n`,
    'build.ps1': `${run('$env:TAG')}\n`,
  })

  it('leaves a name the step assigned unknown in the script it runs next', () => {
    expect(images(files('bash', ['export TAG=ltsc2022', './build.sh']))).toEqual([undefined])
    expect(images(files('pwsh', ["$env:TAG = 'ltsc2022'", './build.ps1']))).toEqual([undefined])
    expect(images(files('bash', ['source ./vars.sh', './build.sh']))).toEqual([undefined])
    expect(images(files('pwsh', ['. ./vars.ps1', './build.ps1']))).toEqual([undefined])
    // A name the step does not assign: the script reads the environment (its own run does not hide it).
    expect(images(files('bash', ['export OTHER=1', './build.sh']))).toEqual([`${IMAGE}ltsc2019`])
    expect(images(files('pwsh', ['./build.ps1']))).toEqual([`${IMAGE}ltsc2019`])
  })
})

describe('the words a step passes to a file it runs, as the step’s shell reads them', () => {
  const files = {
    'build.sh': `${run('${1:-ltsc2022}')}\n`,
    'build.ps1': `param([string]$Release = 'ltsc2022')\n${run('$Release')}\n`,
  }

  it("passes PowerShell's $TAG on unknown (not the environment's), and a name the step assigns unknown", () => {
    expect(images({ ...workflow('pwsh', ['./build.ps1 -Release $TAG']), ...files })).toEqual([undefined])
    expect(images({ ...workflow('pwsh', ["$TAG = 'ltsc2025'", './build.ps1 -Release $TAG']), ...files })).toEqual([undefined])
    expect(images({ ...workflow('bash', ['TAG=ltsc2025', './build.sh "$TAG"']), ...files })).toEqual([undefined])
    // The environment where the shell reads it.
    expect(images({ ...workflow('pwsh', ['./build.ps1 -Release $env:TAG']), ...files })).toEqual([`${IMAGE}ltsc2019`])
    expect(images({ ...workflow('bash', ['./build.sh "$TAG"']), ...files })).toEqual([`${IMAGE}ltsc2019`])
  })

  it('reads them so in Azure Pipelines too', () => {
    expect(images({ ...azure('pwsh', ['./build.ps1 -Release $TAG']), ...files })).toEqual([undefined])
    expect(images({ ...azure('pwsh', ['./build.ps1 -Release $env:TAG']), ...files })).toEqual([`${IMAGE}ltsc2019`])
    expect(images({ ...azure('bash', ['TAG=ltsc2025', './build.sh "$TAG"']), ...files })).toEqual([undefined])
  })
})
