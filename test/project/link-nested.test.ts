// Files a followed file runs in turn: scripts from scripts, scripts from make recipes, make from scripts. Each is
// followed as the step's own calls are (follow-nested.ts), to a chain of 4 files, none twice, 100 files per step;
// past that its docker commands are not read and every variable it may write to GITHUB_ENV is unknown.
import { afterAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/core/finding.js'
import { lint } from '../../src/lint.js'
import { linkFiles } from '../harness/link-files.js'
import { windowsWorkflow as workflow } from '../harness/workflow-text.js'
import { cli, removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'
const WORKFLOW = '.github/workflows/ci.yml'

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

const RELEASE_PS1 = ["param([string]$Release = 'ltsc2022')", `docker run ${SERVERCORE}$Release cmd /c ver`, ''].join('\n')
const IMAGE_SH = `#!/bin/sh\ndocker run ${SERVERCORE}\${1:-ltsc2022} cmd /c ver\n`
const MAKE = { Makefile: 'image:\n\t./scripts/image.sh ltsc2025\n', 'scripts/image.sh': IMAGE_SH, 'scripts/all.sh': '#!/bin/sh\nset -e\nmake image\n' }
const HOST = '.github/workflows/ci.yml:4:14-4:26 runs on windows-2022 (Windows build 20348)'

describe('chains of files: the finding a one-level chain gives, with every call on the chain', () => {
  it('follows a PowerShell script a PowerShell script runs, its param() bound to the arguments', () => {
    const files = { 'ci/build.ps1': '& ./ci/image.ps1 -Release ltsc2025\n', 'ci/image.ps1': RELEASE_PS1 }
    expect(findings({ [WORKFLOW]: workflow(['- shell: pwsh', '  run: ./ci/build.ps1']), ...files })).toEqual([
      ['image-newer-than-host ci/image.ps1:2:12-2:57', HOST, '.github/workflows/ci.yml:7:14-7:28 runs ci/build.ps1', 'ci/build.ps1:1:3-1:35 runs ci/image.ps1'],
    ])
    // The same file run by the step itself: the same finding, one call on its chain.
    expect(findings({ [WORKFLOW]: workflow(['- shell: pwsh', '  run: ./ci/image.ps1 -Release ltsc2025']), ...files })).toEqual([
      ['image-newer-than-host ci/image.ps1:2:12-2:57', HOST, '.github/workflows/ci.yml:7:14-7:46 runs ci/image.ps1'],
    ])
    // The default, when the caller passes nothing: ltsc2022 runs on the 2022 host.
    expect(images({ [WORKFLOW]: workflow(['- shell: pwsh', '  run: ./ci/build.ps1']), 'ci/build.ps1': '& ./ci/image.ps1\n', 'ci/image.ps1': RELEASE_PS1 })).toEqual([
      `ci/image.ps1:2 ${SERVERCORE}ltsc2022`,
    ])
  })

  it('follows a script a make recipe runs, its $1 the argument the recipe gives', () => {
    expect(findings({ [WORKFLOW]: workflow(['- run: make image']), ...MAKE })).toEqual([
      ['image-newer-than-host scripts/image.sh:2:12-2:63', HOST, '.github/workflows/ci.yml:6:14-6:24 make image runs the recipe of image (Makefile)', 'Makefile:2:2-2:29 runs scripts/image.sh'],
    ])
  })

  it('follows make a script runs, into the recipe and the script it runs', () => {
    expect(findings({ [WORKFLOW]: workflow(['- run: ./scripts/all.sh', '  shell: bash']), ...MAKE })).toEqual([
      [
        'image-newer-than-host scripts/image.sh:2:12-2:63',
        HOST,
        '.github/workflows/ci.yml:6:14-6:30 runs scripts/all.sh',
        'scripts/all.sh:3:1-3:11 make image runs the recipe of image (Makefile)',
        'Makefile:2:2-2:29 runs scripts/image.sh',
      ],
    ])
  })

  it('reads a file a followed file runs in the folder the chain runs in (a recipe: make -C\'s)', () => {
    const files = {
      [WORKFLOW]: workflow(['- run: make -C app image', '  shell: bash']),
      'app/Makefile': 'image:\n\t./image.sh ltsc2025\n',
      'app/image.sh': IMAGE_SH,
      'image.sh': `docker run ${SERVERCORE}ltsc2022 cmd\n`,
    }
    expect(images(files)).toEqual([`app/image.sh:2 ${SERVERCORE}ltsc2025`])
  })
})

describe('a value passed down the chain', () => {
  it('points a build argument at the step word that sets it, through every file that passes it on', () => {
    const files = {
      [WORKFLOW]: workflow(['- shell: pwsh', '  run: ./build.ps1 -Version ltsc2019']),
      'build.ps1': ['param([string]$Version)', '& ./image.ps1 -Version $Version', ''].join('\n'),
      'image.ps1': ['param([string]$Version = "ltsc2022")', 'docker build --build-arg WINDOWS_VERSION=$Version .', ''].join('\n'),
      Dockerfile: ['ARG WINDOWS_VERSION=ltsc2022', `FROM ${SERVERCORE}$WINDOWS_VERSION`, 'RUN mkdir C:\\app', ''].join('\n'),
    }
    expect(findings(files)).toEqual([
      [
        'process-isolation-build-mismatch .github/workflows/ci.yml:7:35-7:43',
        HOST,
        '.github/workflows/ci.yml:7:14-7:43 runs build.ps1',
        'build.ps1:2:3-2:32 runs image.ps1',
        'build.ps1:2:24-2:32 passes Version=ltsc2019 on',
        'image.ps1:2:1-2:52 built here',
        'Dockerfile:2:6-2:59 base image of this stage',
        'Dockerfile:3:1-3:17 RUN starts a container from this image',
      ],
    ])
  })
})

describe('command strings in a followed file', () => {
  it("reads a followed script's bash -c '…' as the step's, at its own line and column", () => {
    const files = { [WORKFLOW]: workflow(['- run: ./a.sh', '  shell: bash']), 'a.sh': './b.sh\n', 'b.sh': `set -e\nbash -c 'docker run ${SERVERCORE}ltsc2025 cmd'\n` }
    expect(findings(files)).toEqual([
      ['image-newer-than-host b.sh:2:21-2:66', HOST, '.github/workflows/ci.yml:6:14-6:20 runs a.sh', 'a.sh:1:1-1:7 runs b.sh'],
    ])
  })
})

describe('make a recipe runs ($(MAKE) -C sub)', () => {
  const sub = { 'sub/Makefile': `REL = ltsc2025\nimage:\n\tdocker run ${SERVERCORE}$(REL) cmd\n` }

  it('follows the make a recipe runs, in its folder, with the chain', () => {
    expect(findings({ [WORKFLOW]: workflow(['- run: make all']), Makefile: 'all:\n\t$(MAKE) -C sub image\n', ...sub })).toEqual([
      [
        'image-newer-than-host sub/Makefile:3:13-3:56',
        HOST,
        '.github/workflows/ci.yml:6:14-6:22 make all runs the recipe of all (Makefile)',
        'Makefile:2:2-2:22 make image runs the recipe of image (sub/Makefile)',
      ],
    ])
  })

  it('does not follow it when MAKEFLAGS passes it values isolint does not pass on (command-line variables, -e)', () => {
    const base = { Makefile: 'all:\n\t$(MAKE) -C sub image\n', ...sub }
    expect(images({ [WORKFLOW]: workflow(['- run: make all REL=ltsc2022']), ...base })).toEqual([])
    expect(images({ [WORKFLOW]: workflow(['- run: make -e all']), ...base })).toEqual([])
    // The same Makefile again (another goal): a file on the chain already, not followed.
    expect(images({ [WORKFLOW]: workflow(['- run: make all']), Makefile: `all:\n\t$(MAKE) image\nimage:\n\tdocker run ${SERVERCORE}ltsc2025 cmd\n` })).toEqual([])
  })
})

describe('a caller that changes its folder', () => {
  // The folder a literal cd moves to is read (test/project/link-folder.test.ts): sub/c.sh, not the c.sh of the start.
  it('runs a file run after a cd from the folder it moved to: its writes, not those of the file by that name at the start', () => {
    const later = '- run: docker run mcr.microsoft.com/windows/servercore:$TAG cmd'
    const files = {
      [WORKFLOW]: workflow(['- run: ./a.sh', '  shell: bash', later, '  shell: bash'], ['TAG: ltsc2022']),
      'a.sh': './b.sh\n',
      'b.sh': 'cd sub\n./c.sh\n',
      'c.sh': `docker run ${SERVERCORE}ltsc2025 cmd\n`,
      'sub/c.sh': 'echo "TAG=ltsc2025" >> "$GITHUB_ENV"\n',
    }
    expect(images(files)).toEqual([`${WORKFLOW}:10 unknown`])
    const recipe = { [WORKFLOW]: workflow(['- run: make image']), Makefile: 'image:\n\tcd sub && ./c.sh\n', 'c.sh': `docker run ${SERVERCORE}ltsc2025 cmd\n` }
    expect(images(recipe)).toEqual([])
  })
})

describe('what a callee sees of its caller', () => {
  const run = (ref: string): string => `docker run ${SERVERCORE}${ref} cmd`
  const job = ['TAG: ltsc2022']

  it('leaves a name the caller assigns itself unknown in the callee (no finding from a guess)', () => {
    const sh = (caller: string[]): string[] =>
      images({ [WORKFLOW]: workflow(['- run: ./a.sh', '  shell: bash'], job), 'a.sh': [...caller, ''].join('\n'), 'b.sh': run('$TAG') + '\n' })
    expect(sh(['./b.sh'])).toEqual([`b.sh:1 ${SERVERCORE}ltsc2022`])
    expect(sh(['export TAG=ltsc2025', './b.sh'])).toEqual(['b.sh:1 unknown'])
    expect(sh(['TAG=ltsc2025', 'export TAG', './b.sh'])).toEqual(['b.sh:1 unknown'])
    // A prefix passes the value on: read, by a script and by the recipes of a make.
    expect(sh(['TAG=ltsc2025 ./b.sh'])).toEqual([`b.sh:1 ${SERVERCORE}ltsc2025`])
    const make = { [WORKFLOW]: workflow(['- run: ./a.sh', '  shell: bash'], job), 'a.sh': 'TAG=ltsc2025 make image\n', Makefile: `image:\n\t${run('$$TAG')}\n` }
    expect(images(make)).toEqual([`Makefile:2 ${SERVERCORE}ltsc2025`])
    // The same make run by the step itself: its recipes read the prefixed value, not the job's (no false error).
    const stepMake = (prefix: string, env = job): string[] =>
      images({ [WORKFLOW]: workflow([`- run: ${prefix}make image`, '  shell: bash'], env), Makefile: `image:\n\t${run('$$TAG')}\n` })
    expect(stepMake('TAG=ltsc2025 ')).toEqual([`Makefile:2 ${SERVERCORE}ltsc2025`])
    expect(stepMake('TAG=ltsc2022 ', ['TAG: ltsc2025'])).toEqual([`Makefile:2 ${SERVERCORE}ltsc2022`])
    expect(stepMake('env -u TAG ')).toEqual([`Makefile:2 unknown`])
    expect(stepMake('')).toEqual([`Makefile:2 ${SERVERCORE}ltsc2022`])
    const ps = (caller: string[], callee = run('$env:TAG')): string[] =>
      images({ [WORKFLOW]: workflow(['- run: ./a.ps1', '  shell: pwsh'], job), 'a.ps1': [...caller, ''].join('\n'), 'b.ps1': callee + '\n' })
    expect(ps(['& ./b.ps1'])).toEqual([`b.ps1:1 ${SERVERCORE}ltsc2022`])
    expect(ps(['$env:TAG = "ltsc2025"', '& ./b.ps1'])).toEqual(['b.ps1:1 unknown'])
    // PowerShell's dynamic scoping: the callee's $Release may be the caller's. Not guessed.
    expect(ps(['$Release = "ltsc2025"', '& ./b.ps1'], run('$Release'))).toEqual(['b.ps1:1 unknown'])
    expect(ps(['foreach ($Release in @("ltsc2025")) { & ./b.ps1 }'], run('$Release'))).toEqual(['b.ps1:1 unknown'])
    // cmd: `call` shares the caller's variables: a name it sets is unknown.
    const cmd = images({ [WORKFLOW]: workflow(['- run: call a.cmd', '  shell: cmd'], job), 'a.cmd': 'set TAG=ltsc2025\r\ncall b.cmd\r\n', 'b.cmd': run('%TAG%') + '\r\n' })
    expect(cmd).toEqual(['b.cmd:1 unknown'])
  })

  it("shows a followed script's positional parameters as the script writes them ($1, ${1:-x}, %1), never by an internal name", () => {
    const messages = (files: Readonly<Record<string, string>>): string[] => {
      const root = tempDir('isolint-nested-')
      writeTree(root, files)
      return lint({ root }).findings.map((f) => f.message)
    }
    const out = messages({
      [WORKFLOW]: workflow(['- run: ./build.sh', '  shell: bash', '- run: ./default.sh "$UNKNOWN"', '  shell: bash', '- run: call build.cmd', '  shell: cmd']),
      'build.sh': `#!/bin/sh\ndocker run ${SERVERCORE}$1 cmd\n`,
      'default.sh': `#!/bin/sh\ndocker run ${SERVERCORE}\${1:-ltsc2022} cmd\n`,
      'build.cmd': `docker run ${SERVERCORE}%1 cmd\r\n`,
    })
    expect(out.join('\n')).not.toContain('__')
    expect(out).toContain(`docker run: the image ${SERVERCORE}$1 cannot be worked out: $1 has no value isolint can read here, so its Windows build cannot be checked against runner windows-2022 (build 20348): give it a value written in the repository (a literal or a default) where the image is built`)
    expect(out.some((m) => m.startsWith(`docker run: the image ${SERVERCORE}\${1:-ltsc2022} cannot be worked out: \${1:-ltsc2022} has no value`))).toBe(true)
    expect(out.some((m) => m.startsWith(`docker run: the image ${SERVERCORE}%1 cannot be worked out: %1 has no value`))).toBe(true)
  })

  it('binds what the caller passes from its own parameters and variables', () => {
    const files = {
      [WORKFLOW]: workflow(['- run: ./ci/build.ps1 -Release ltsc2025', '  shell: pwsh']),
      'ci/build.ps1': ['param([string]$Release)', '& ./ci/image.ps1 -Release $Release', ''].join('\n'),
      'ci/image.ps1': RELEASE_PS1,
    }
    expect(images(files)).toEqual([`ci/image.ps1:2 ${SERVERCORE}ltsc2025`])
    const sh = { [WORKFLOW]: workflow(['- run: ./a.sh ltsc2025', '  shell: bash']), 'a.sh': './b.sh "$1"\n', 'b.sh': IMAGE_SH }
    expect(images(sh)).toEqual([`b.sh:2 ${SERVERCORE}ltsc2025`])
  })
})

describe('GITHUB_ENV written by files deeper on the chain', () => {
  const later = '- run: docker run mcr.microsoft.com/windows/servercore:$TAG cmd'
  const writes = 'echo "TAG=ltsc2022" >> "$GITHUB_ENV"\n'
  // The job says ltsc2025 (newer than the host): a finding unless a write two or three calls deep changes TAG.
  const job = (first: string): string => workflow([first, '  shell: bash', later, '  shell: bash'], ['TAG: ltsc2025'])
  const later2 = (files: Record<string, string>): string[] => images(files).filter((i) => i.startsWith(WORKFLOW))

  it('leaves TAG unknown to the later step after a write two and three calls deep', () => {
    expect(later2({ [WORKFLOW]: job('- run: ./a.sh'), 'a.sh': 'echo hi\n' })).toEqual([`${WORKFLOW}:10 ${SERVERCORE}ltsc2025`])
    expect(later2({ [WORKFLOW]: job('- run: ./a.sh'), 'a.sh': './b.sh\n', 'b.sh': writes })).toEqual([`${WORKFLOW}:10 unknown`])
    expect(later2({ [WORKFLOW]: job('- run: ./a.sh'), 'a.sh': './b.sh\n', 'b.sh': 'bash ./c.sh\n', 'c.sh': writes })).toEqual([`${WORKFLOW}:10 unknown`])
    // A chain that writes other names leaves TAG as the job says.
    const other = writes.replace('TAG', 'OTHER')
    expect(later2({ [WORKFLOW]: job('- run: ./a.sh'), 'a.sh': './b.sh\n', 'b.sh': './c.sh\n', 'c.sh': other })).toEqual([`${WORKFLOW}:10 ${SERVERCORE}ltsc2025`])
  })

  it('reads the writes of the script a recipe\'s script runs, and of make a script runs', () => {
    const tree = { Makefile: 'env:\n\t./set.sh\n', 'set.sh': './tag.sh\n', 'tag.sh': writes }
    expect(later2({ [WORKFLOW]: job('- run: make env'), ...tree })).toEqual([`${WORKFLOW}:10 unknown`])
    expect(later2({ [WORKFLOW]: job('- run: make env'), ...tree, 'tag.sh': 'echo hi\n' })).toEqual([`${WORKFLOW}:10 ${SERVERCORE}ltsc2025`])
    expect(later2({ [WORKFLOW]: job('- run: ./all.sh'), 'all.sh': 'make env\n', ...tree })).toEqual([`${WORKFLOW}:10 unknown`])
  })

  it('reads a PowerShell chain three calls deep', () => {
    const ps = (first: string): string => workflow([first, '  shell: pwsh', later.replace('$TAG', '$env:TAG'), '  shell: pwsh'], ['TAG: ltsc2025'])
    const files = { 'a.ps1': '& ./b.ps1\n', 'b.ps1': 'pwsh -File ./c.ps1\n', 'c.ps1': '"TAG=ltsc2022" >> $env:GITHUB_ENV\n' }
    expect(later2({ [WORKFLOW]: ps('- run: ./a.ps1'), ...files })).toEqual([`${WORKFLOW}:10 unknown`])
  })
})

describe('limits, counted', () => {
  const run = (ref: string): string => `docker run ${SERVERCORE}${ref} cmd`

  it('does not follow a file already on the chain (a cycle), and leaves what it may write unknown', () => {
    const files = {
      [WORKFLOW]: workflow(['- run: ./a.sh', '  shell: bash', '- run: docker run mcr.microsoft.com/windows/servercore:$TAG cmd', '  shell: bash'], ['TAG: ltsc2022']),
      'a.sh': `${run('ltsc2025')}\n./b.sh\n`,
      'b.sh': `${run('ltsc2019')}\n./a.sh\n`,
    }
    let reads = 0
    expect(images(files, () => reads++)).toEqual([`a.sh:1 ${SERVERCORE}ltsc2025`, `b.sh:1 ${SERVERCORE}ltsc2019`, `${WORKFLOW}:10 unknown`])
    expect(reads).toBeLessThan(10)
    // A script that runs itself.
    expect(images({ [WORKFLOW]: workflow(['- run: ./a.sh', '  shell: bash']), 'a.sh': `${run('ltsc2025')}\n./a.sh\n` })).toEqual([`a.sh:1 ${SERVERCORE}ltsc2025`])
  })

  it('follows a chain of 10 files to the 4th: nothing from beyond, and every variable unknown after it', () => {
    const files: Record<string, string> = {
      [WORKFLOW]: workflow(['- run: ./s1.sh', '  shell: bash', '- run: docker run mcr.microsoft.com/windows/servercore:$TAG cmd', '  shell: bash'], ['TAG: ltsc2022']),
    }
    for (let i = 1; i <= 10; i++) files[`s${i}.sh`] = `${run('ltsc2025')}\n${i < 10 ? `./s${i + 1}.sh` : 'echo "TAG=ltsc2025" >> "$GITHUB_ENV"'}\n`
    expect(images(files)).toEqual([...[1, 2, 3, 4].map((i) => `s${i}.sh:1 ${SERVERCORE}ltsc2025`), `${WORKFLOW}:10 unknown`])
    // Four files: every one read, and the later step keeps the job's value (s4 writes nothing).
    files['s4.sh'] = `${run('ltsc2025')}\n`
    expect(images(files)).toEqual([...[1, 2, 3, 4].map((i) => `s${i}.sh:1 ${SERVERCORE}ltsc2025`), `${WORKFLOW}:10 ${SERVERCORE}ltsc2022`])
  })

  it('bounds the work of a fan-out: 1000 scripts each running the 1000', () => {
    const calls = Array.from({ length: 1000 }, (_, i) => `./f${i}.sh`).join('\n')
    const files: Record<string, string> = { [WORKFLOW]: workflow(['- run: ./all.sh', '  shell: bash']), 'all.sh': calls }
    for (let i = 0; i < 1000; i++) files[`f${i}.sh`] = `${run('ltsc2025')}\n${calls}\n`
    let reads = 0
    const found = images(files, () => reads++)
    // At most 100 files followed for their commands (one step), and as many for their writes: not 1000 × 1000.
    expect(reads).toBeLessThanOrEqual(2 * 100 + 1)
    expect(found.length).toBeGreaterThan(0)
    expect(found.length).toBeLessThanOrEqual(100)
  })
})

describe('CLI end to end', () => {
  it('reports the finding of a file two calls deep, with its chain', () => {
    const root = tempDir('isolint-nested-cli-')
    writeTree(root, { [WORKFLOW]: workflow(['- shell: pwsh', '  run: ./ci/build.ps1']), 'ci/build.ps1': '& ./ci/image.ps1 -Release ltsc2025\n', 'ci/image.ps1': RELEASE_PS1 })
    const r = cli(root)
    expect(r.code).toBe(1)
    expect(r.out).toContain('ci/image.ps1:2:12 error image-newer-than-host')
    expect(r.out).toContain('note: .github/workflows/ci.yml:7:14 runs ci/build.ps1\n  note: ci/build.ps1:1:3 runs ci/image.ps1')
  })
})
