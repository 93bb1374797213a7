// A script's own changes of folder (parsers/folder-changes.ts): the docker commands and the files a script runs after
// a literal `cd` are read in the folder it moved to, where the change certainly applies; elsewhere the folder is
// unknown (nothing read from a guess).
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { linkFiles } from '../harness/link-files.js'
import { windowsWorkflow as workflow } from '../harness/workflow-text.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'
const WORKFLOW = '.github/workflows/ci.yml'

/** A Dockerfile per folder, each on its own release: which one a build read shows in its image. */
const TREE = {
  Dockerfile: `FROM ${SERVERCORE}ltsc2016\nRUN echo\n`,
  'app/Dockerfile': `FROM ${SERVERCORE}ltsc2025\nRUN echo\n`,
  'app/sub/Dockerfile': `FROM ${SERVERCORE}ltsc2019\nRUN echo\n`,
  'other/Dockerfile': `FROM ${SERVERCORE}1809\nRUN echo\n`,
}

/** The Dockerfiles the job's builds read, in order. */
function built(files: Readonly<Record<string, string>>): string[] {
  return linkFiles({ ...TREE, ...files })
    .executions.filter((e) => e.host !== undefined)
    .map((e) => e.span.file)
}

/** The Dockerfiles a step's script builds, in the shell given. */
const step = (shell: string, lines: readonly string[], env: readonly string[] = []): string[] =>
  built({ [WORKFLOW]: workflow([`- shell: ${shell}`, '  run: |', ...lines.map((l) => `    ${l}`)], env) })

describe('a workflow step that changes its folder', () => {
  it('builds in the folder a top-level cd moved to (bash: newline, ;, &&, cd --)', () => {
    expect(step('bash', ['cd app', 'docker build -t x .'])).toEqual(['app/Dockerfile'])
    expect(step('bash', ['cd app && docker build -t x .'])).toEqual(['app/Dockerfile'])
    expect(step('bash', ['cd app; docker build -t x .'])).toEqual(['app/Dockerfile'])
    expect(step('bash', ['cd -- "app/sub"', 'docker build -t x .'])).toEqual(['app/Dockerfile'.replace('app', 'app/sub')])
    expect(step('bash', ['cd app', 'cd ../other', 'docker build -t x .', 'cd ..', 'docker build -f app/Dockerfile .'])).toEqual(['other/Dockerfile', 'app/Dockerfile'])
    // Before the cd: the start folder.
    expect(step('bash', ['docker build .', 'cd app', 'docker build .'])).toEqual(['Dockerfile', 'app/Dockerfile'])
  })

  it('reads the example of the issue: the default shell on Windows (PowerShell) and bash, each step from its own start', () => {
    const wf = workflow(['- run: |', '    cd app', '    docker build -t x .', '- shell: bash', '  run: cd app/sub && docker build -t y .', '- run: docker build -t z .'])
    expect(built({ [WORKFLOW]: wf })).toEqual(['app/Dockerfile', 'app/sub/Dockerfile', 'Dockerfile'])
    const root = tempDir('isolint-folder-')
    writeTree(root, { [WORKFLOW]: wf, 'app/Dockerfile': `FROM ${SERVERCORE}ltsc2025\n` })
    // The "built here" note says which folder the build ran in, and where the script moved there.
    expect(lint({ root }).findings.map((f) => [`${f.ruleId} ${f.span.file}:${f.span.start.line}`, ...f.related.map((r) => `${r.span.start.line} ${r.message}`)])).toEqual([
      ['image-newer-than-host app/Dockerfile:1', '4 runs on windows-2022 (Windows build 20348)', '8 built here, in folder app (entered on line 7)'],
    ])
  })

  it('starts from working-directory:', () => {
    expect(built({ [WORKFLOW]: workflow(['- shell: bash', '  working-directory: app', '  run: cd sub && docker build .']) })).toEqual(['app/sub/Dockerfile'])
  })

  it('reads each PowerShell form, with backslashes', () => {
    for (const cd of ['cd app', 'chdir app', 'sl app', 'Set-Location app', 'Set-Location -Path app', 'set-location -LiteralPath "app"', 'Push-Location app', 'pushd app']) {
      expect(step('pwsh', [cd, 'docker build .'])).toEqual(['app/Dockerfile'])
    }
    expect(step('pwsh', ['cd .\\app\\sub', 'docker build .', 'cd ..\\..\\other', 'docker build .'])).toEqual(['app/sub/Dockerfile', 'other/Dockerfile'])
    expect(step('powershell', ['Push-Location app', 'docker build .', 'Pop-Location', 'docker build .'])).toEqual(['app/Dockerfile', 'Dockerfile'])
  })

  it('reads each cmd form', () => {
    for (const cd of ['cd app', 'cd /d app', 'CD /D app', 'chdir app', 'pushd app']) expect(step('cmd', [cd, 'docker build .'])).toEqual(['app/Dockerfile'])
    expect(step('cmd', ['pushd app\\sub', 'docker build .', 'popd', 'docker build .'])).toEqual(['app/sub/Dockerfile', 'Dockerfile'])
    expect(step('cmd', ['cd app && docker build .'])).toEqual(['app/Dockerfile'])
    // cmd's `&` runs the commands in sequence (in sh and PowerShell it backgrounds the first).
    expect(step('cmd', ['cd app & docker build .'])).toEqual(['app/Dockerfile'])
    expect(step('pwsh', ['cd app &', 'docker build .'])).toEqual([])
  })

  it('pops to the folder of the push (a stack); a pop with nothing pushed leaves it unknown', () => {
    expect(step('bash', ['pushd app', 'pushd sub', 'docker build .', 'popd', 'docker build .', 'popd', 'docker build .'])).toEqual([
      'app/sub/Dockerfile',
      'app/Dockerfile',
      'Dockerfile',
    ])
    expect(step('bash', ['popd', 'docker build .'])).toEqual([])
    expect(step('bash', ['cd app', 'popd', 'docker build .'])).toEqual([])
  })

  it('expands a variable the step knows, as in docker words; one it does not know leaves the folder unknown', () => {
    expect(step('bash', ['cd "$DIR"', 'docker build .'], ['DIR: app'])).toEqual(['app/Dockerfile'])
    expect(step('pwsh', ['Set-Location $env:DIR', 'docker build .'], ['DIR: app\\sub'])).toEqual(['app/sub/Dockerfile'])
    expect(step('cmd', ['cd %DIR%', 'docker build .'], ['DIR: app'])).toEqual(['app/Dockerfile'])
    expect(step('bash', ['cd "${{ env.DIR }}"', 'docker build .'], ['DIR: app'])).toEqual(['app/Dockerfile'])
    expect(step('bash', ['cd "$NOWHERE"', 'docker build .'])).toEqual([])
    // PowerShell's own variable, and one the script assigns: not the environment's.
    expect(step('pwsh', ['cd $DIR', 'docker build .'], ['DIR: app'])).toEqual([])
    expect(step('bash', ['DIR=other', 'cd "$DIR"', 'docker build .'], ['DIR: app'])).toEqual([])
  })

  it('leaves the folder unknown where the cd leaves the tree or is not a plain folder', () => {
    for (const cd of ['cd /tmp', 'cd ..', 'cd app/../..', 'cd ~/app', 'cd -', 'cd', 'cd ap*', 'cd -P app', 'cd app other', 'chdir app']) {
      expect(step('bash', [cd, 'docker build .'])).toEqual([])
    }
    for (const cd of ['cd C:\\app', 'cd \\app', 'Set-Location env:', 'cd ~', 'Set-Location app -PassThru']) expect(step('pwsh', [cd, 'docker build .'])).toEqual([])
    expect(step('cmd', ['cd /d D:\\app', 'docker build .'])).toEqual([])
    expect(step('cmd', ['cd /d %~dp0', 'docker build .'])).toEqual([])
    // cmd's `cd..` (no space) moves too.
    expect(step('cmd', ['cd..', 'docker build .'])).toEqual([])
  })

  it('leaves the folder unknown after a cd in a subshell, a block, a function, after || or in a pipeline', () => {
    const after = (lines: readonly string[], shell = 'bash'): string[] => step(shell, [...lines, 'docker build .'])
    expect(after(['if [ -d app ]; then cd app; fi'])).toEqual([])
    expect(after(['if [ -d app ]; then', '  cd app', 'fi'])).toEqual([])
    expect(after(['test -d app || cd app'])).toEqual([])
    expect(after(['cd app | cat'])).toEqual([])
    expect(after(['cd app &'])).toEqual([])
    expect(after(['{ cd app; }'])).toEqual([])
    expect(after(['build() { cd app; }', 'build'])).toEqual([])
    expect(after(['for d in app other; do cd $d; done'])).toEqual([])
    // A loop that builds before its cd builds after it on the next pass: unknown from the loop's start.
    expect(step('bash', ['for d in app other; do', '  docker build -f Dockerfile .', '  cd ..', 'done'])).toEqual([])
    expect(after(['eval "cd app"'])).toEqual([])
    expect(after(['if (Test-Path app) { Set-Location app }'], 'pwsh')).toEqual([])
    expect(after(['Get-ChildItem | ForEach-Object { Set-Location app }'], 'pwsh')).toEqual([])
    expect(after(['$x = $(Set-Location app)', 'cd other'], 'pwsh')).toEqual([])
    expect(after(['if exist app cd app'], 'cmd')).toEqual([])
    expect(after(['if exist app (cd app)'], 'cmd')).toEqual([])
    // A cd after && applies to its list only: the command before may fail and the script go on.
    expect(after(['test -d app && cd app'])).toEqual([])
    expect(step('bash', ['test -d app && cd app && docker build .'])).toEqual(['app/Dockerfile'])
  })

  it("reads a POSIX subshell's own cd inside it; after its ), the folder is the one before it", () => {
    expect(step('bash', ['(cd app && docker build .)', 'docker build -f other/Dockerfile other'])).toEqual(['app/Dockerfile', 'other/Dockerfile'])
    expect(step('bash', ['cd app', '(cd sub; docker build .)', 'docker build .'])).toEqual(['app/sub/Dockerfile', 'app/Dockerfile'])
    // A change the subshell does not follow: unknown inside it only.
    expect(step('bash', ['(if true; then cd app; fi; docker build .)', 'docker build -f other/Dockerfile other'])).toEqual(['other/Dockerfile'])
    // A subshell in a loop starts from the loop's folder each time.
    expect(step('bash', ['for i in 1 2; do (cd app && docker build .); done'])).toEqual(['app/Dockerfile'])
    // PowerShell's and cmd's parentheses run in the script's own process: a cd there is not undone.
    expect(step('pwsh', ['(Set-Location app)', 'docker build .'])).toEqual([])
    expect(step('cmd', ['(cd app)', 'docker build .'])).toEqual([])
  })

  it('reads a block after a certain cd in its folder, and cd … || exit as certain', () => {
    expect(step('bash', ['cd app', 'if true; then docker build .; fi'])).toEqual(['app/Dockerfile'])
    expect(step('bash', ['cd app || exit 1', 'docker build .'])).toEqual(['app/Dockerfile'])
    // The try block runs in app; after the Pop-Location in a block, the folder is unknown.
    expect(step('pwsh', ['Push-Location app', 'try { docker build . } finally { Pop-Location }', 'docker build -f other/Dockerfile .'])).toEqual(['app/Dockerfile'])
    expect(step('pwsh', ['Set-Location app', 'if ($true) { docker build . }'])).toEqual(['app/Dockerfile'])
    // A function's body runs where it is called: unknown in a script that moves.
    expect(step('bash', ['b() { docker build .; }', 'cd app', 'b'])).toEqual([])
  })

  it('runs the file a step runs after a cd from that folder', () => {
    const files = { 'ci/build.sh': 'docker build -f ../app/Dockerfile ..\n', 'build.sh': 'docker build -f other/Dockerfile .\n' }
    expect(built({ [WORKFLOW]: workflow(['- shell: bash', '  run: cd ci && ./build.sh']), ...files })).toEqual(['app/Dockerfile'])
    expect(built({ [WORKFLOW]: workflow(['- shell: pwsh', '  run: |', '    Set-Location ci', '    bash ./build.sh']), ...files })).toEqual(['app/Dockerfile'])
  })
})

describe('files a step runs, command strings, recipes and Azure Pipelines', () => {
  it("reads a command string's own cd, from the folder the step's cd moved to", () => {
    // The step's own commands first, then those of the string.
    expect(step('bash', ["bash -c 'cd app && docker build .'", 'docker build .'])).toEqual(['Dockerfile', 'app/Dockerfile'])
    expect(step('bash', ['cd app', "bash -c 'cd sub && docker build .'"])).toEqual(['app/sub/Dockerfile'])
    expect(step('pwsh', ['cd app', "pwsh -c 'docker build .'"])).toEqual(['app/Dockerfile'])
  })

  it("reads a followed script's own cd, for its builds and the files it runs", () => {
    const files = {
      [WORKFLOW]: workflow(['- shell: bash', '  run: ./ci/build.sh']),
      // The script runs in the step's folder: its cd is from there.
      'ci/build.sh': 'cd app\ndocker build .\ncd ..\n./ci/more.sh\n',
      'ci/more.sh': 'cd other && docker build .\n',
    }
    expect(built(files)).toEqual(['app/Dockerfile', 'other/Dockerfile'])
    // A script a followed script runs after its cd: from that folder.
    expect(built({ [WORKFLOW]: workflow(['- shell: bash', '  run: ./ci/a.sh']), 'ci/a.sh': 'cd ci\n./b.sh\n', 'ci/b.sh': 'docker build -f ../app/Dockerfile ..\n' })).toEqual([
      'app/Dockerfile',
    ])
  })

  it('reads a make recipe line as a shell of its own: its cd applies to the rest of its line', () => {
    const files = { [WORKFLOW]: workflow(['- run: make image']), Makefile: 'image:\n\tcd app && docker build .\n\tdocker build .\n\tcd other; ./b.sh\n', 'other/b.sh': 'docker build .\n' }
    expect(built(files)).toEqual(['app/Dockerfile', 'Dockerfile', 'other/Dockerfile'])
  })

  it('reads an Azure Pipelines script, powershell and bash step', () => {
    const azure = (steps: readonly string[]): string[] => {
      const root = tempDir('isolint-folder-')
      const pipeline = ['pool: { vmImage: windows-2022 }', 'steps:', ...steps.map((s) => `  ${s}`), ''].join('\n')
      writeTree(root, { 'azure-pipelines.yml': pipeline, 'app/Dockerfile': `FROM ${SERVERCORE}ltsc2025\n`, Dockerfile: `FROM ${SERVERCORE}ltsc2022\n` })
      return lint({ root }).findings.map((f) => `${f.ruleId} ${f.span.file}:${f.span.start.line}`)
    }
    const error = ['image-newer-than-host app/Dockerfile:1']
    expect(azure(['- script: |', '    cd .\\app', '    docker build -t x .'])).toEqual(error)
    expect(azure(['- powershell: |', '    Set-Location app', '    docker build -t x .'])).toEqual(error)
    expect(azure(['- bash: cd app && docker build -t x .'])).toEqual(error)
    expect(azure(['- script: docker build -t x .'])).toEqual([])
    expect(azure(['- script: |', '    if exist app cd app', '    docker build -t x .'])).toEqual([])
  })
})

describe('what the files run after a cd write to GITHUB_ENV', () => {
  // sub/set.sh writes TAG; a set.sh at the start folder writes nothing: the later step reads the job's TAG only when
  // the file run is the latter.
  const later = ['- shell: bash', `  run: docker run ${SERVERCORE}$TAG cmd`]
  const images = (first: readonly string[], files: Readonly<Record<string, string>>): string[] =>
    linkFiles({ [WORKFLOW]: workflow([...first, ...later], ['TAG: ltsc2025']), 'set.sh': 'echo hi\n', 'sub/set.sh': 'echo "TAG=x" >> "$GITHUB_ENV"\n', ...files })
      .executions.filter((e) => e.host !== undefined)
      .map((e) => e.image ?? 'unknown')

  it('reads the file the step runs after its cd', () => {
    expect(images(['- shell: bash', '  run: cd sub && ./set.sh'], {})).toEqual(['unknown'])
    expect(images(['- shell: bash', '  run: ./set.sh'], {})).toEqual([`${SERVERCORE}ltsc2025`])
  })

  it('reads the file a followed script runs after a move to its own folder, and not after a step\'s', () => {
    expect(images(['- shell: bash', '  run: ./sub/ci.sh'], { 'sub/ci.sh': 'cd "$(dirname "$0")"\n./set.sh\n' })).toEqual(['unknown'])
    expect(images(['- shell: bash', '  run: ./sub/x/ci.sh'], { 'sub/x/ci.sh': 'cd "$(dirname "$0")/../.."\n./set.sh\n' })).toEqual([`${SERVERCORE}ltsc2025`])
    // A file that file runs, read in turn.
    expect(images(['- shell: bash', '  run: ./a.sh'], { 'a.sh': './sub/x/ci.sh\n', 'sub/x/ci.sh': 'cd "$(dirname "$0")/../.."\n./set.sh\n' })).toEqual([`${SERVERCORE}ltsc2025`])
    expect(images(['- shell: bash', '  run: |', '    cd "$(dirname "$0")"', '    ./set.sh'], {})).toEqual(['unknown'])
  })

  it("reads the file a followed script runs after its own cd, and a recipe line's", () => {
    expect(images(['- shell: bash', '  run: ./ci.sh'], { 'ci.sh': 'cd sub\n./set.sh\n' })).toEqual(['unknown'])
    expect(images(['- run: make tag'], { Makefile: 'tag:\n\tcd sub && ./set.sh\n' })).toEqual(['unknown'])
    expect(images(['- run: make tag'], { Makefile: 'tag:\n\tcd sub\n\t./set.sh\n' })).toEqual([`${SERVERCORE}ltsc2025`])
  })
})

describe("a followed script that moves to its own folder (`cd \"$(dirname \"$0\")\"`, `$PSScriptRoot`, `%~dp0`)", () => {
  // ci/Dockerfile is older than the host (an error with process isolation); the root's is the host's own release.
  const OWN_TREE = {
    Dockerfile: `FROM ${SERVERCORE}ltsc2022\nRUN echo\n`,
    'ci/Dockerfile': `FROM ${SERVERCORE}ltsc2019\nRUN echo\n`,
  }
  const MISMATCH = ['process-isolation-build-mismatch ci/Dockerfile:1']

  /** The findings of a job whose step (YAML lines) runs the scripts given. */
  function findings(stepLines: readonly string[], files: Readonly<Record<string, string>>, links: Readonly<Record<string, string>> = {}): string[] {
    const root = tempDir('isolint-own-folder-')
    writeTree(root, { ...OWN_TREE, [WORKFLOW]: workflow(stepLines), ...files })
    for (const [link, target] of Object.entries(links)) symlinkSync(target, join(root, link))
    return lint({ root }).findings.map((f) => `${f.ruleId} ${f.span.file}:${f.span.start.line}`)
  }
  const bash = (run: string, files: Readonly<Record<string, string>>): string[] => findings(['- shell: bash', `  run: ${run}`], files)
  const pwsh = (run: string, files: Readonly<Record<string, string>>): string[] => findings(['- shell: pwsh', `  run: ${run}`], files)
  const script = (...lines: string[]): string => `${lines.join('\n')}\n`

  it('builds in the folder of a sh script that moves to it with $(dirname "$0")', () => {
    for (const cd of ['cd "$(dirname "$0")"', 'cd $(dirname $0)', 'cd "`dirname "$0"`"', 'cd -- "$(dirname -- "$0")"', 'pushd "$(dirname "${0}")" > /dev/null', 'cd "$(dirname "$0")" || exit 1']) {
      expect(bash('./ci/build.sh', { 'ci/build.sh': script(cd, 'docker build -t x .') }), cd).toEqual(MISMATCH)
    }
    // The one Dockerfile the build reads (the root's is not checked).
    const ci = { 'ci/Dockerfile': `FROM ${SERVERCORE}ltsc2019\n`, 'ci/build.sh': script('cd "$(dirname "$0")"', 'docker build .'), 'ci/build.ps1': script('Set-Location $PSScriptRoot', 'docker build .'), 'ci/build.cmd': script('cd /d %~dp0', 'docker build .') }
    for (const run of [['- shell: bash', '  run: ./ci/build.sh'], ['- run: pwsh ./ci/build.ps1'], ['- shell: cmd', '  run: call ci\\build.cmd']]) {
      expect(built({ [WORKFLOW]: workflow(run), ...ci }), run.join()).toEqual(['ci/Dockerfile'])
    }
    // Run by bash, from PowerShell, from a working-directory.
    expect(pwsh('bash ci/build.sh', { 'ci/build.sh': script('cd "$(dirname "$0")"', 'docker build -t x .') })).toEqual(MISMATCH)
    expect(findings(['- shell: bash', '  working-directory: ci', '  run: ./build.sh'], { 'ci/build.sh': script('cd "$(dirname "$0")" && docker build -t x .') })).toEqual(MISMATCH)
    // The path after it, from the script's folder.
    expect(bash('./ci/tools/build.sh', { 'ci/tools/build.sh': script('cd "$(dirname "$0")/.."', 'docker build -t x .') })).toEqual(MISMATCH)
    expect(bash('./ci/tools/build.sh', { 'ci/tools/build.sh': script('cd "$(dirname "$0")"/../..', 'docker build -f ci/Dockerfile ci') })).toEqual(MISMATCH)
    // The files it runs from there.
    expect(bash('./ci/build.sh', { 'ci/build.sh': script('cd "$(dirname "$0")"', './more.sh'), 'ci/more.sh': script('docker build -t x .') })).toEqual(MISMATCH)
  })

  it('says where the script entered the folder', () => {
    const root = tempDir('isolint-own-folder-')
    writeTree(root, { ...OWN_TREE, [WORKFLOW]: workflow(['- shell: bash', '  run: ./ci/build.sh']), 'ci/build.sh': script('set -e', 'cd "$(dirname "$0")"', 'docker build -t x .') })
    const notes = lint({ root }).findings.map((f) => f.related.map((r) => `${r.span.file}:${r.span.start.line} ${r.message}`))
    expect(notes).toHaveLength(1)
    expect(notes[0]).toContain('ci/build.sh:3 built here, in folder ci (entered on line 2)')
    // One build per run (two findings at one FROM line are one).
    const builtHere = (run: string, file: string, text: string): string[] => {
      const more = tempDir('isolint-own-folder-')
      writeTree(more, { ...OWN_TREE, [WORKFLOW]: workflow(['- shell: pwsh', `  run: ${run}`]), [file]: text })
      return lint({ root: more }).findings.flatMap((f) => f.related.filter((r) => r.message.startsWith('built here')).map((r) => `${r.span.file}:${r.span.start.line} ${r.message}`))
    }
    const ps1 = script('param($Tag = "1")', '', 'Push-Location "$PSScriptRoot\\.."', 'docker build -t "x:$Tag" .', 'Pop-Location')
    expect(builtHere('./ci/tools/build.ps1', 'ci/tools/build.ps1', ps1)).toEqual(['ci/tools/build.ps1:4 built here, in folder ci (entered on line 3)'])
    const sh = script('HERE="$(cd "$(dirname "$0")" && pwd)"', 'cd app', 'cd "$HERE/.."', 'docker build -t y .')
    expect(builtHere('bash ./ci/tools/build.sh', 'ci/tools/build.sh', sh)).toEqual(['ci/tools/build.sh:4 built here, in folder ci (entered on line 3)'])
  })

  it("reads bash's BASH_SOURCE where bash runs the file", () => {
    const files = (first: string): Record<string, string> => ({ 'ci/build.sh': script(first, 'cd "$(dirname "${BASH_SOURCE[0]}")"', 'docker build -t x .') })
    expect(bash('./ci/build.sh', files('#!/usr/bin/env bash'))).toEqual(MISMATCH)
    expect(bash('bash ./ci/build.sh', files('set -e'))).toEqual(MISMATCH)
    // sh (dash) has no BASH_SOURCE; without a #! line the shell is the caller's choice.
    expect(bash('sh ./ci/build.sh', files('#!/usr/bin/env bash'))).toEqual([])
    expect(bash('./ci/build.sh', files('set -e'))).toEqual([])
  })

  it("builds in the folder of a PowerShell script's $PSScriptRoot, run or dot-sourced, after another move too", () => {
    for (const cd of ['Set-Location $PSScriptRoot', 'Push-Location $PSScriptRoot', 'cd $PSScriptRoot', 'Set-Location -Path "$PSScriptRoot"', 'sl "${PSScriptRoot}\\tools\\.."', 'Set-Location app; Set-Location $PSScriptRoot']) {
      expect(pwsh('./ci/build.ps1', { 'ci/build.ps1': script(cd, 'docker build -t x .') }), cd).toEqual(MISMATCH)
    }
    expect(pwsh('. ./ci/build.ps1', { 'ci/build.ps1': script('Set-Location $PSScriptRoot', 'docker build -t x .') })).toEqual(MISMATCH)
    expect(bash('pwsh -File ./ci/tools/build.ps1', { 'ci/tools/build.ps1': script('Set-Location $PSScriptRoot/..', 'docker build -t x .') })).toEqual(MISMATCH)
    // Single-quoted, escaped: the text, no folder.
    expect(pwsh('./ci/build.ps1', { 'ci/build.ps1': script("Set-Location '$PSScriptRoot'", 'docker build -t x .') })).toEqual([])
    expect(pwsh('./ci/build.ps1', { 'ci/build.ps1': script('Set-Location "`$PSScriptRoot"', 'docker build -t x .') })).toEqual([])
  })

  it("builds in the folder of a batch file's %~dp0", () => {
    for (const cd of ['cd /d %~dp0', 'cd /d "%~dp0"', 'pushd %~dp0', 'cd %~dp0', 'CD /D %~DP0..\\ci']) {
      expect(findings(['- shell: cmd', '  run: call ci\\build.cmd'], { 'ci/build.cmd': script('@echo off', cd, 'docker build -t x .') }), cd).toEqual(MISMATCH)
    }
    expect(pwsh('./ci/build.cmd', { 'ci/build.cmd': script('pushd "%~dp0"', 'docker build -t x .', 'popd') })).toEqual(MISMATCH)
  })

  it('reads the paths a script names from its own folder ($PSScriptRoot, %~dp0)', () => {
    const ps = (lines: string[], run = './ci/build.ps1'): string[] => pwsh(run, { 'ci/build.ps1': script(...lines) })
    expect(ps(['docker build -f $PSScriptRoot/Dockerfile $PSScriptRoot'])).toEqual(MISMATCH)
    expect(ps(['docker build -t x "$PSScriptRoot"'])).toEqual(MISMATCH)
    expect(ps(['docker build -f "${PSScriptRoot}\\Dockerfile" .'])).toEqual(MISMATCH)
    expect(ps(['docker build -t x "$PSScriptRoot\\tools\\.."'])).toEqual(MISMATCH)
    // From the folder the command runs in (after a move, from a working-directory).
    expect(ps(['Set-Location app', 'docker build -t x $PSScriptRoot'])).toEqual(MISMATCH)
    expect(findings(['- shell: pwsh', '  working-directory: app', '  run: ../ci/build.ps1'], { 'ci/build.ps1': script('docker build -t x $PSScriptRoot') })).toEqual(MISMATCH)
    const compose = { 'ci/build.ps1': script('docker compose -f $PSScriptRoot/compose.yml build'), 'ci/compose.yml': 'services:\n  a:\n    build: .\n' }
    expect(pwsh('./ci/build.ps1', compose)).toEqual(MISMATCH)
    const cmd = (lines: string[]): string[] => findings(['- shell: cmd', '  run: call ci\\build.cmd'], { 'ci/build.cmd': script('@echo off', ...lines) })
    expect(cmd(['docker build -f %~dp0Dockerfile %~dp0'])).toEqual(MISMATCH)
    expect(cmd(['docker build -t x "%~dp0."'])).toEqual(MISMATCH)
    expect(cmd(['docker build -t x %~dp0..\\ci'])).toEqual(MISMATCH)
    // After a move or with labels, %~dp0 may be resolved from elsewhere; a name of PowerShell's own is no such path.
    expect(cmd(['cd app', 'docker build -t x %~dp0'])).toEqual([])
    expect(cmd(['call :build', 'exit /b', ':build', 'docker build -t x %~dp0', 'exit /b'])).toEqual([])
    expect(ps(['Set-Location $env:DIR', 'docker build -t x $PSScriptRoot'])).toEqual([])
    // `"%~dp0"` ends with `\"`, a quote to docker (a Windows program); a folder with a blank is split where unquoted.
    expect(cmd(['docker build -t x "%~dp0"'])).toEqual([])
    expect(ps(['docker build -t x "$PSScriptRoot\\"'])).toEqual([])
    expect(findings(['- shell: cmd', '  run: call "c i\\build.cmd"'], { 'c i/build.cmd': script('docker build -f %~dp0..\\ci\\Dockerfile %~dp0..\\ci') })).toEqual([])
    expect(findings(['- shell: cmd', '  run: call "c i\\build.cmd"'], { 'c i/build.cmd': script('docker build -f "%~dp0..\\ci\\Dockerfile" "%~dp0..\\ci"') })).toEqual([])
    // A script that assigns $PSScriptRoot itself.
    expect(ps(['$PSScriptRoot = "$PSScriptRoot\\.."', 'docker build -t x $PSScriptRoot'])).toEqual([])
    expect(ps(['Set-Variable -Name PSScriptRoot -Value app', 'Set-Location $PSScriptRoot', 'docker build -t x .'])).toEqual([])
    expect(ps(["docker build -t x '$PSScriptRoot'"])).toEqual([])
    expect(ps(['docker build -t x $PSScriptRootX'])).toEqual([])
  })

  it('reads a sh name for the script\'s own folder: DIR="$(cd "$(dirname "$0")" && pwd)", DIR="$(dirname "$0")"', () => {
    const sh = (...lines: string[]): string[] => bash('./ci/build.sh', { 'ci/build.sh': script(...lines) })
    expect(sh('SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"', 'docker build -f "$SCRIPT_DIR/Dockerfile" "$SCRIPT_DIR"')).toEqual(MISMATCH)
    expect(sh('#!/usr/bin/env bash', 'set -euo pipefail', 'HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" &> /dev/null && pwd)', 'cd "$HERE/.."', 'docker build -t x "${HERE}"')).toEqual(MISMATCH)
    expect(bash('./ci/tools/build.sh', { 'ci/tools/build.sh': script('export ROOT="$(cd "$(dirname "$0")/.." && pwd)"', 'docker build -t x "$ROOT"') })).toEqual(MISMATCH)
    // The folder as run: a path from the folder the script started in (before any move only).
    expect(sh('DIR="$(dirname "$0")"', 'docker build -t x "$DIR"')).toEqual(MISMATCH)
    expect(sh('docker build -f "$(dirname "$0")/Dockerfile" "$(dirname "$0")"')).toEqual(MISMATCH)
    expect(bash('./ci/tools/build.sh', { 'ci/tools/build.sh': script('docker build -t x $(dirname $0)/..') })).toEqual(MISMATCH)
    expect(sh('cd app', 'docker build -t x "$(dirname "$0")"')).toEqual([])
    expect(bash('. ./ci/build.sh', { 'ci/build.sh': script('docker build -t x "$(dirname "$0")"') })).toEqual([])
    expect(sh('DIR=$(dirname "$0")', 'cd "$DIR"', 'docker build -t x .')).toEqual(MISMATCH)
    // After a move, assigned twice or in a block, used before it: unknown.
    expect(sh('cd app', 'DIR="$(cd "$(dirname "$0")" && pwd)"', 'docker build -t x "$DIR"')).toEqual([])
    expect(sh('DIR="$(cd "$(dirname "$0")" && pwd)"', '[ -n "$1" ] && DIR=$1', 'docker build -t x "$DIR"')).toEqual([])
    expect(sh('if true; then', '  DIR="$(cd "$(dirname "$0")" && pwd)"', 'fi', 'docker build -t x "$DIR"')).toEqual([])
    expect(sh('docker build -t x "$DIR"', 'DIR="$(cd "$(dirname "$0")" && pwd)"')).toEqual([])
    expect(sh('DIR="$(cd "$(dirname "$0")" && pwd -P)"', 'docker build -t x "$DIR"')).toEqual([])
    expect(bash('. ./ci/build.sh', { 'ci/build.sh': script('DIR="$(cd "$(dirname "$0")" && pwd)"', 'docker build -t x "$DIR"') })).toEqual([])
  })

  it('follows a script a script runs by a path from its own folder', () => {
    const image = { 'ci/image.ps1': script('param($Tag)', 'docker build -t "x:$Tag" $PSScriptRoot'), 'ci/image.sh': script('cd "$(dirname "$0")"', 'docker build -t x .') }
    expect(pwsh('./ci/build.ps1', { ...image, 'ci/build.ps1': script('& $PSScriptRoot/image.ps1 -Tag 1') })).toEqual(MISMATCH)
    expect(pwsh('./ci/build.ps1', { ...image, 'ci/build.ps1': script('Set-Location app', 'pwsh -File "$PSScriptRoot\\image.ps1"') })).toEqual(MISMATCH)
    expect(bash('./ci/build.sh', { ...image, 'ci/build.sh': script('DIR="$(cd "$(dirname "$0")" && pwd)"', 'cd app', '"$DIR/image.sh"') })).toEqual(MISMATCH)
    expect(bash('./ci/build.sh', { ...image, 'ci/build.sh': script('cd "$(dirname "$0")"', './image.sh') })).toEqual(MISMATCH)
  })

  it("leaves the folder unknown in a step's own script, a recipe, or where $0 may name another folder", () => {
    // A step's script is a file of the runner's, outside the tree: `$0` is no folder of the tree (not the root).
    expect(step('bash', ['cd "$(dirname "$0")"', 'docker build .'])).toEqual([])
    expect(step('bash', ['cd "$(dirname "${BASH_SOURCE[0]}")"', 'docker build .'])).toEqual([])
    expect(step('pwsh', ['Set-Location $PSScriptRoot', 'docker build .'])).toEqual([])
    expect(step('pwsh', ['docker build -f $PSScriptRoot/Dockerfile $PSScriptRoot'])).toEqual([])
    expect(step('cmd', ['pushd %~dp0', 'docker build .'])).toEqual([])
    expect(step('cmd', ['docker build -f %~dp0Dockerfile %~dp0'])).toEqual([])
    expect(step('bash', ['DIR="$(cd "$(dirname "$0")" && pwd)"', 'docker build -f "$DIR/Dockerfile" "$(dirname "$0")"'])).toEqual([])
    expect(built({ [WORKFLOW]: workflow(['- run: make image']), Makefile: 'image:\n\tcd "$$(dirname "$$0")" && docker build .\n' })).toEqual([])
    // An Azure Pipelines script: both Dockerfiles would give a finding, neither is read (the step's own build is).
    const azure = (azureStep: string): string[] => {
      const root = tempDir('isolint-own-folder-')
      writeTree(root, { Dockerfile: `FROM ${SERVERCORE}ltsc2025\n`, 'ci/Dockerfile': `FROM ${SERVERCORE}ltsc2025\n`, 'azure-pipelines.yml': `pool: { vmImage: windows-2022 }\nsteps:\n  ${azureStep}\n` })
      return lint({ root }).findings.map((f) => `${f.ruleId} ${f.span.file}:${f.span.start.line}`)
    }
    expect(azure('- bash: docker build -t x .')).toEqual(['image-newer-than-host Dockerfile:1'])
    for (const azureStep of ['- bash: cd "$(dirname "$0")" && docker build -t x .', '- powershell: Set-Location $PSScriptRoot; docker build -t x .', '- script: cd /d %~dp0 && docker build -t x .']) {
      expect(azure(azureStep), azureStep).toEqual([])
    }
    // A sourced file's $0 is its caller's; BASH_SOURCE is read only where bash runs the file.
    expect(bash('. ./ci/env.sh', { 'ci/env.sh': script('cd "$(dirname "$0")"', 'docker build -t x .') })).toEqual([])
    expect(bash('source ./ci/env.sh', { 'ci/env.sh': script('cd "$(dirname "${BASH_SOURCE[0]}")"', 'docker build -t x .') })).toEqual([])
    // $0 is the path the script was run by, from the folder it started in: after another move, another folder.
    expect(bash('./ci/build.sh', { 'ci/build.sh': script('cd app', 'cd "$(dirname "$0")"', 'docker build -t x .') })).toEqual([])
    expect(findings(['- shell: cmd', '  run: call ci\\build.cmd'], { 'ci/build.cmd': script('cd app', 'cd /d %~dp0', 'docker build -t x .') })).toEqual([])
    // Unquoted, a folder with a blank is split into two words; a path after it the script computes.
    expect(bash('bash "./c i/build.sh"', { 'c i/build.sh': script('cd $(dirname $0)', 'docker build -f ../ci/Dockerfile ../ci') })).toEqual([])
    expect(bash('bash "./c i/build.sh"', { 'c i/build.sh': script('cd "$(dirname "$0")"', 'docker build -f ../ci/Dockerfile ../ci') })).toEqual(MISMATCH)
    expect(bash('./ci/build.sh', { 'ci/build.sh': script('cd "$(dirname "$0")/$SUB"', 'docker build -t x .') })).toEqual([])
    expect(bash('./ci/build.sh', { 'ci/build.sh': script('cd "$(dirname "$(readlink -f "$0")")"', 'docker build -t x .') })).toEqual([])
  })

  it("reads a script run through a link in the link's folder, as $0 and $PSScriptRoot name it", () => {
    const tools = { 'tools/build.sh': script('cd "$(dirname "$0")"', 'docker build -t x .'), 'tools/build.ps1': script('Set-Location $PSScriptRoot', 'docker build -t x .'), 'tools/Dockerfile': `FROM ${SERVERCORE}ltsc2022\n` }
    expect(findings(['- shell: bash', '  run: ./ci/build.sh'], tools, { 'ci/build.sh': '../tools/build.sh' })).toEqual(MISMATCH)
    expect(findings(['- shell: pwsh', '  run: ./ci/build.ps1'], tools, { 'ci/build.ps1': '../tools/build.ps1' })).toEqual(MISMATCH)
  })
})
