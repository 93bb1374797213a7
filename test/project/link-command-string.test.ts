// Command strings (`bash -c '…'`, `pwsh -Command '…'`, `cmd /c "…"`): a child shell runs the string, read in its
// dialect, with the environment a file the step runs would get. Only a string that reaches the child exactly as written
// in the file is read, and its words get their exact line and column there.
import { describe, expect, it } from 'vitest'
import type { Span } from '../../src/core/span.js'
import { linkFiles as link } from '../harness/link-files.js'

const IMAGE = 'mcr.microsoft.com/windows/servercore:'

/** A workflow on windows-2022 whose job sets TAG=ltsc2025, with one step: `run` as given (its lines), in `shell`. */
function workflow(shell: string, run: string | string[], env = '      TAG: ltsc2025'): Record<string, string> {
  const head = ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', '    env:', env, '    steps:']
  const step = typeof run === 'string' ? [`      - run: ${run}`] : ['      - run: |', ...run.map((l) => `          ${l}`)]
  return { '.github/workflows/ci.yml': [...head, ...step, ...(shell ? [`        shell: ${shell}`] : []), ''].join('\n') }
}

const images = (shell: string, run: string | string[], env?: string): (string | undefined)[] =>
  link(workflow(shell, run, env)).executions.map((e) => e.image)
const where = (s: Span): string => `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`
const spans = (shell: string, run: string | string[]): string[] => link(workflow(shell, run)).executions.map((e) => where(e.span))
const runs = (ref: string): string => `docker run ${IMAGE}${ref} cmd`

describe('command strings: what is read', () => {
  it('reads bash, sh, dash and zsh -c strings (also -ec, -lc, options after -c, a path, .exe)', () => {
    for (const cmd of ['bash -c', 'sh -c', 'dash -c', 'zsh -c', 'bash -ec', 'bash -lc', 'bash -c -e', 'bash -e -o pipefail -c', 'bash --noprofile -c', '/bin/bash -c', 'bash.exe -c']) {
      expect(images('bash', `${cmd} '${runs('ltsc2025')}'`), cmd).toEqual([`${IMAGE}ltsc2025`])
    }
    // An unknown cluster (`-co`, where o takes a value) and no -c at all: no string.
    expect(images('bash', `bash -co '${runs('ltsc2025')}'`)).toEqual([])
    expect(images('bash', `bash -e '${runs('ltsc2025')}'`)).toEqual([])
  })

  it('reads PowerShell -Command by any prefix from -c, case-insensitive, after its switches', () => {
    for (const opt of ['-c', '-co', '-com', '-comm', '-Command', '-COMMAND', '-command']) {
      expect(images('pwsh', `pwsh ${opt} '${runs('ltsc2025')}'`), opt).toEqual([`${IMAGE}ltsc2025`])
    }
    expect(images('pwsh', `powershell.exe -NoProfile -ExecutionPolicy Bypass -Command '${runs('ltsc2025')}'`)).toEqual([`${IMAGE}ltsc2025`])
    // Not a command string: -EncodedCommand, -File, an option isolint does not know, words after the string (joined).
    for (const opt of ['-e', '-EncodedCommand', '-File', '-config x -c', '-Unknown -c']) {
      expect(images('pwsh', `pwsh ${opt} '${runs('ltsc2025')}'`), opt).toEqual([])
    }
    expect(images('pwsh', `pwsh -c '${runs('ltsc2025')}' more`)).toEqual([])
  })

  it('reads cmd /c and /k (any case, after /s /q /d), from PowerShell and from cmd', () => {
    for (const opt of ['/c', '/C', '/k', '/K', '/s /c', '/d /q /c']) {
      expect(images('cmd', `cmd ${opt} "${runs('ltsc2025')}"`), opt).toEqual([`${IMAGE}ltsc2025`])
      expect(images('pwsh', `cmd ${opt} '${runs('ltsc2025')}'`), opt).toEqual([`${IMAGE}ltsc2025`])
    }
    // Git Bash makes `/c` the path C:/ (MSYS path conversion): cmd runs no string. Delayed expansion: not read.
    expect(images('bash', `cmd /c '${runs('ltsc2025')}'`)).toEqual([])
    expect(images('cmd', `cmd /v:on /c "${runs('ltsc2025')}"`)).toEqual([])
    // cmd knows no single quotes.
    expect(images('cmd', `bash -c '${runs('ltsc2025')}'`)).toEqual([])
  })

  it('reads the string with the prefixes of the command (sudo, env, assignments)', () => {
    expect(images('bash', `TAG=ltsc2022 bash -c '${runs('$TAG')}'`)).toEqual([`${IMAGE}ltsc2022`])
    expect(images('bash', `env -u TAG bash -c '${runs('$TAG')}'`)).toEqual([undefined])
    expect(images('bash', `sudo bash -c '${runs('$TAG')}'`)).toEqual([undefined])
  })
})

describe('command strings: the folder they run in', () => {
  const built = (run: string): string[] =>
    link({ ...workflow('bash', run), 'app/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\n' }).executions.map((e) => `${e.kind} ${e.image} ${e.span.file}`)

  it("builds the Dockerfile a string names in the step's folder; a login shell's folder is unknown", () => {
    expect(built(`bash -c 'docker build -f app/Dockerfile app'`)).toEqual([`pull ${IMAGE}ltsc2025 app/Dockerfile`])
    // Git Bash's login profile may go to the home folder: the paths are unknown there.
    expect(built(`bash -lc 'docker build -f app/Dockerfile app'`)).toEqual([])
    expect(built(`bash --login -c 'docker build -f app/Dockerfile app'`)).toEqual([])
    expect(built(`pwsh -WorkingDirectory x -c 'docker build -f app/Dockerfile app'`)).toEqual([])
    expect(built(`sudo -i bash -c 'docker build -f app/Dockerfile app'`)).toEqual([])
  })
})

describe('command strings: only text that reaches the child shell as written', () => {
  it('does not read a string the outer shell changes ($, backticks, escapes, joins)', () => {
    expect(images('bash', 'bash -c "docker run $IMG"')).toEqual([])
    expect(images('bash', `bash -c "${runs('$TAG')}"`)).toEqual([])
    expect(images('bash', `bash -c "${runs('\\$TAG')}"`)).toEqual([])
    expect(images('bash', `bash -c '${runs("ltsc2025")}'\\''x'\\'''`)).toEqual([])
    expect(images('bash', `bash -c 'docker run '"${IMAGE}ltsc2025"' cmd'`)).toEqual([])
    expect(images('pwsh', `pwsh -c "${runs('$env:TAG')}"`)).toEqual([])
    expect(images('pwsh', `pwsh -c '${runs("ltsc2025")} ''x'''`)).toEqual([])
    expect(images('cmd', `cmd /c "${runs('%TAG%')}"`)).toEqual([])
    // A double-quoted string with nothing the outer shell reads is the text as written.
    expect(images('bash', `bash -c "${runs('ltsc2025')}"`)).toEqual([`${IMAGE}ltsc2025`])
    expect(images('pwsh', `pwsh -c "${runs('ltsc2025')}"`)).toEqual([`${IMAGE}ltsc2025`])
  })

  it('reads one level: a string inside a string is not read', () => {
    expect(images('bash', `bash -c 'sh -c "${runs('ltsc2025')}"'`)).toEqual([])
    expect(images('pwsh', `pwsh -c 'bash -c "${runs('ltsc2025')}"'`)).toEqual([])
  })

  it('does not read a string a YAML escape moves (the scalar cannot map its offsets one for one)', () => {
    expect(images('bash', `"echo \\"x\\"; bash -c '${runs('ltsc2025')}'"`)).toEqual([])
    // The escape after the string: the string itself maps exactly.
    expect(images('bash', `"bash -c '${runs('ltsc2025')}'; echo \\"x\\""`)).toEqual([`${IMAGE}ltsc2025`])
  })
})

describe("command strings: the child shell's variables", () => {
  it("reads $TAG from the step's environment in a sh string", () => {
    expect(images('bash', `bash -c '${runs('$TAG')}'`)).toEqual([`${IMAGE}ltsc2025`])
    expect(images('bash', `bash -c '${runs('${TAG}')}'`)).toEqual([`${IMAGE}ltsc2025`])
    // sh's $env:TAG is the variable env, then :TAG.
    expect(images('bash', `bash -c '${runs('$env:TAG')}'`)).toEqual([undefined])
  })

  it('does not read the value a name the outer script assigned (exported or not) has there', () => {
    // As for a file the step runs (link.ts gives both the same scope): the name is unknown, never the outer value.
    expect(images('bash', ['TAG=ltsc2022', `bash -c '${runs('$TAG')}'`])).toEqual([undefined])
    expect(images('bash', 'TAG=ltsc2022; bash -c \'' + runs('$TAG') + "'")).toEqual([undefined])
    expect(images('bash', ['export TAG=ltsc2022', `bash -c '${runs('$TAG')}'`])).toEqual([undefined])
    // A name the script does not assign is the environment's.
    expect(images('bash', ['OTHER=ltsc2022', `bash -c '${runs('$TAG')}'`])).toEqual([`${IMAGE}ltsc2025`])
  })

  it('leaves a name the string assigns itself unknown', () => {
    expect(images('bash', `bash -c 'TAG=ltsc2022; ${runs('$TAG')}'`)).toEqual([undefined])
    // (A `"` in a string PowerShell passes on a Windows command line: not read at all.)
    expect(images('pwsh', `pwsh -c '$env:TAG = "x"; ${runs('$env:TAG')}'`)).toEqual([])
    expect(images('pwsh', `pwsh -c '$env:TAG = 1; ${runs('$env:TAG')}'`)).toEqual([undefined])
  })

  it("reads PowerShell's $env:TAG, never $TAG, in a PowerShell string (whatever the outer shell)", () => {
    expect(images('bash', `pwsh -c '${runs('$env:TAG')}'`)).toEqual([`${IMAGE}ltsc2025`])
    expect(images('bash', `pwsh -c '${runs('$TAG')}'`)).toEqual([undefined])
    expect(images('pwsh', `powershell -co '${runs('$env:TAG')}'`)).toEqual([`${IMAGE}ltsc2025`])
  })

  it("reads cmd's %TAG% from the environment in a cmd string", () => {
    expect(images('pwsh', `cmd /c '${runs('%TAG%')}'`)).toEqual([`${IMAGE}ltsc2025`])
    expect(images('pwsh', `cmd /c 'set TAG=x & ${runs('%TAG%')}'`)).toEqual([undefined])
  })
})

describe('command strings: spans', () => {
  it('puts the image word at its line and column in a block scalar', () => {
    // Line 10 of the file is the script's second line, indented 10 blanks: 10 + `  bash -c '` + `docker run `.
    const end = (column: number): number => column + IMAGE.length + 'ltsc2025'.length
    expect(spans('bash', ['echo hi', `  bash -c '${runs('ltsc2025')}'`])).toEqual([`10:33-10:${end(33)}`])
    expect(spans('pwsh', ['echo hi', `pwsh -Command '${runs('ltsc2025')}'`])).toEqual([`10:37-10:${end(37)}`])
    expect(spans('bash', ['echo hi', `sh -c 'echo a; ${runs('ltsc2025')}'`])).toEqual([`10:37-10:${end(37)}`])
  })

  it('puts it at its line and column in a single-line scalar (plain, double-quoted, folded)', () => {
    const end = (column: number): number => column + IMAGE.length + 'ltsc2025'.length
    const plain = `bash -c '${runs('ltsc2025')}'`
    // `      - run: ` is 13 characters, `bash -c '` 9, `docker run ` 11.
    expect(spans('bash', plain)).toEqual([`8:34-8:${end(34)}`])
    expect(spans('bash', `"${plain}"`)).toEqual([`8:35-8:${end(35)}`])
    expect(spans('bash', `'${plain.replaceAll("'", "''")}'`)).toEqual([])
    expect(spans('cmd', `cmd /c "${runs('ltsc2025')}"`)).toEqual([`8:33-8:${end(33)}`])
    const folded = link({
      '.github/workflows/ci.yml': ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', '    steps:', '      - shell: bash', '        run: >-', `          ${plain}`, ''].join('\n'),
    })
    expect(folded.executions.map((e) => where(e.span))).toEqual([`8:31-8:${end(31)}`])
  })

  it('reads a string a folded scalar splits over lines (the fold is a blank between words), each word where it is', () => {
    const folded = link({
      '.github/workflows/ci.yml': ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', '    steps:', '      - shell: bash', '        run: >-', "          bash -c 'docker run", `          ${IMAGE}ltsc2025 cmd'`, ''].join('\n'),
    })
    expect(folded.executions.map((e) => `${e.image} ${where(e.span)}`)).toEqual([`${IMAGE}ltsc2025 9:11-9:${11 + IMAGE.length + 8}`])
  })
})
