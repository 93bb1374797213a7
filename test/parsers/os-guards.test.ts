// os-guards.ts: where a script's own tests of the OS let each command run. Shown per docker command (by its last
// word) as what the guard gives on a GitHub Linux, Windows and macOS runner: `yes`, `no`, `shared` (undecided, the same
// on every host), `maybe` (undecided, may differ by host); `-` for a command with no guard.
import { describe, expect, it } from 'vitest'
import { decideValues, guardRuns, mayGuard, osGuards, rewriteValues, type GuardHost } from '../../src/parsers/os-guards.js'
import { splitCommands, type ShellDialect } from '../../src/parsers/shell.js'

const hosts = (provider: GuardHost['provider'], matrix?: string): GuardHost[] =>
  (['linux', 'windows', 'macos'] as const).map((os) => ({ os, provider, expand: (raw: string) => (raw.includes('matrix.os') ? matrix : undefined) }))

function runs(script: string, dialect: ShellDialect = 'posix', provider: GuardHost['provider'] = 'github', matrix?: string): string[] {
  const commands = splitCommands(script, dialect)
  const guards = osGuards(script, dialect, commands)
  const out: string[] = []
  commands.forEach((words, i) => {
    const k = words.findIndex((w) => w.value === 'docker')
    if (k < 0) return
    const g = guards?.[i]
    const shown = g === undefined ? '-' : hosts(provider, matrix).map((h) => guardRuns(g, h)).join(' ')
    out.push(`${words[words.length - 1]!.value}: ${shown}`)
  })
  return out
}

/**
 * Per leg (each the values of the variables as written, as the linker expands them in the command's scope), what each
 * docker command's guard gives on a GitHub Windows runner; `-` for a command with no guard.
 */
function legs(script: string, values: readonly Partial<Record<string, string>>[], dialect: ShellDialect = 'posix'): string[] {
  const commands = splitCommands(script, dialect)
  const guards = osGuards(script, dialect, commands)
  const out: string[] = []
  commands.forEach((words, i) => {
    if (!words.some((w) => w.value === 'docker')) return
    const g = guards?.[i]
    const shown = g === undefined ? '-' : values.map((v) => guardRuns(g, { os: 'windows', provider: 'github', expand: (raw) => v[raw] })).join(' ')
    out.push(`${words[words.length - 1]!.value}: ${shown}`)
  })
  return out
}

describe('osGuards: POSIX', () => {
  it('reads if/elif/else on RUNNER_OS, uname and OSTYPE', () => {
    expect(runs('if [ "$RUNNER_OS" == "Linux" ]; then docker run redis; else docker run nano; fi\ndocker run after')).toEqual([
      'redis: yes no no',
      'nano: no yes yes',
      'after: -',
    ])
    expect(runs('if [[ "$(uname -s)" == Linux ]]; then\n  docker run a\nelif [[ `uname` == Darwin ]]; then\n  docker run b\nelse\n  docker run c\nfi')).toEqual([
      'a: yes no no',
      'b: no no yes',
      'c: no yes no',
    ])
    // The Windows shells' uname: all of them hold NT; none is Linux.
    expect(runs('if [[ "$(uname -s)" == *NT* ]]; then docker run w; fi')).toEqual(['w: no yes no'])
    // Git Bash's MINGW64 is not all of them (MSYS2's MSYS, UCRT64, Cygwin…): unknown on Windows.
    expect(runs('if [[ "$(uname -s)" == MINGW* ]]; then docker run w; fi')).toEqual(['w: no maybe no'])
    expect(runs('if [[ "$OSTYPE" == "linux-gnu"* ]]; then docker run l; fi')).toEqual(['l: maybe no no'])
    expect(runs('if [[ "$OSTYPE" == linux* ]]; then docker run l; fi')).toEqual(['l: yes no no'])
    // In `[`, `=` compares strings: `*` is no pattern.
    expect(runs('if [ "$(uname)" = "*NT*" ]; then docker run w; fi')).toEqual(['w: no no no'])
    expect(runs('if [ "$RUNNER_OS" != Windows ]; then docker run l; fi')).toEqual(['l: yes no yes'])
    expect(runs('if ! [ "$RUNNER_OS" = Windows ]; then docker run l; fi')).toEqual(['l: yes no yes'])
    expect(runs('if [ ! "${RUNNER_OS}" = Windows ]; then docker run l; fi')).toEqual(['l: yes no yes'])
  })

  it('reads case arms, the default arm, and `;;` ending each', () => {
    const script = 'case "$RUNNER_OS" in\n  Linux|macOS) docker run redis ;;\n  Windows)\n    docker run nano\n    ;;\n  *) docker run other ;;\nesac\ndocker run after'
    expect(runs(script)).toEqual(['redis: yes no yes', 'nano: no yes no', 'other: no no no', 'after: -'])
    expect(runs('case $(uname -s) in Linux) docker run a;; esac')).toEqual(['a: yes no no'])
  })

  it('reads && and || lists', () => {
    expect(runs('[[ $RUNNER_OS == Linux ]] && docker run -d redis:7 || true')).toEqual(['redis:7: yes no no'])
    expect(runs('[ "$RUNNER_OS" = Windows ] || docker run redis')).toEqual(['redis: yes no yes'])
    // Reached by the test and another command: where the test fails, not; else as the other command goes.
    expect(runs('[ "$RUNNER_OS" = Linux ] && [ -n "$X" ] && docker run a')).toEqual(['a: shared no no'])
  })

  it('reads an exit: what follows runs only where it did not', () => {
    expect(runs('[ "$RUNNER_OS" = Windows ] && exit 0\ndocker run redis')).toEqual(['redis: yes no yes'])
    expect(runs('if [ "$RUNNER_OS" != Linux ]; then\n  echo skip\n  exit 0\nfi\ndocker run redis')).toEqual(['redis: yes no no'])
    // In a subshell, exit ends the subshell only.
    expect(runs('( [ "$RUNNER_OS" = Windows ] && exit 0 )\ndocker run redis')).toEqual(['redis: -'])
  })

  it('keeps a test of anything else as it was, and makes an undecided test of the OS unknown', () => {
    expect(runs('if [ "$(date +%u)" = 1 ]; then docker run redis; fi')).toEqual(['redis: -'])
    expect(mayGuard('if [ "$(date +%u)" = 1 ]; then docker run redis; fi', 'posix')).toBe(false)
    // A value the linker does not know (here, none): the same on every host.
    expect(runs('if [ "$PUSH" = true ]; then docker run redis; fi')).toEqual(['redis: shared shared shared'])
    expect(runs('if [[ "$RUNNER_OS" =~ ^Lin ]]; then docker run a; fi')).toEqual(['a: maybe maybe maybe'])
    expect(runs('if [ "$RUNNER_OS" = "$WANTED" ]; then docker run a; fi')).toEqual(['a: maybe maybe maybe'])
    expect(runs('os=$(uname -s | tr A-Z a-z)\nif [ "$os" = linux ]; then docker run a; fi')).toEqual(['a: maybe maybe maybe'])
    // A name assigned once, at the top level, to a probe reads it.
    expect(runs('OS="$(uname -s)"\ncase "$OS" in\n  Linux) docker run a ;;\nesac')).toEqual(['a: yes no no'])
  })

  it('reads RUNNER_OS on GitHub only, AGENT_OS and $(Agent.OS) on Azure Pipelines only', () => {
    expect(runs('if [ "$RUNNER_OS" = Linux ]; then docker run a; fi', 'posix', 'azure')).toEqual(['a: maybe maybe maybe'])
    expect(runs('if [ "$AGENT_OS" = Windows_NT ]; then docker run a; fi', 'posix', 'azure')).toEqual(['a: no yes no'])
    expect(runs('if [ "$\uE002Agent.OS\uE003" = Linux ]; then docker run a; fi', 'posix', 'azure')).toEqual(['a: yes no no'])
    expect(runs('if [ "$AGENT_OS" = Windows_NT ]; then docker run a; fi', 'posix', 'github')).toEqual(['a: maybe maybe maybe'])
  })

  it('reads ${{ runner.os }} and the leg’s ${{ matrix.x }} in the script', () => {
    expect(runs('if [ "${{ runner.os }}" = Windows ]; then docker run w; fi')).toEqual(['w: no yes no'])
    expect(runs('if [ "${{ matrix.os }}" = windows-2022 ]; then docker run w; fi', 'posix', 'github', 'windows-2022')).toEqual(['w: yes yes yes'])
    expect(runs('if [ "${{ matrix.os }}" = windows-2022 ]; then docker run w; fi', 'posix', 'github', 'ubuntu-latest')).toEqual(['w: no no no'])
    expect(runs('if [ "${{ matrix.os }}" = windows-2022 ]; then docker run w; fi', 'posix', 'github', undefined)).toEqual(['w: maybe maybe maybe'])
  })

  it('runs a function body where the script calls it; one never called runs where isolint cannot know', () => {
    expect(runs('never_called() {\n  docker run alpine\n}\necho hi')).toEqual(['alpine: maybe maybe maybe'])
    expect(runs('f() { docker run a; }\nf')).toEqual(['a: -'])
    expect(runs('f() { docker run a; }\nif [ "$RUNNER_OS" = Linux ]; then f; fi')).toEqual(['a: yes no no'])
    expect(runs('function f {\n  docker run a\n}\ng() { f; }\n[ "$RUNNER_OS" = Windows ] || g')).toEqual(['a: yes no yes'])
    // envoy's ci/docker_ci.sh: a function called in the else branch of a function that tests uname.
    const envoy = [
      'function is_windows() {',
      '  [[ "$(uname -s)" == *NT* ]]',
      '}',
      'config_env() {',
      '  docker run --rm --privileged tonistiigi/binfmt --install all',
      '}',
      'use_builder() {',
      '  if ! is_windows; then',
      '    docker buildx use multi-builder',
      '  fi',
      '}',
      'if is_windows; then',
      '  BUILD_COMMAND=("build")',
      'else',
      '  config_env',
      'fi',
      'use_builder',
      'docker build -t x .',
    ].join('\n')
    expect(runs(envoy)).toEqual(['all: yes no yes', 'multi-builder: yes no yes', '.: -'])
    // A function of more than one command that tests the OS: its status is unknown.
    expect(runs('is_linux() {\n  echo checking\n  [ "$RUNNER_OS" = Linux ]\n}\nif is_linux; then docker run a; fi\nis_linux')).toEqual(['a: maybe maybe maybe'])
    // Of none: the same on every host.
    expect(runs('ready() {\n  echo checking\n  test -f x\n}\nif ready; then docker run a; fi')).toEqual(['a: -'])
  })

  it('reads blocks in blocks, here-documents and loops', () => {
    const script = [
      'for i in 1 2; do',
      '  case "$RUNNER_OS" in',
      '    Windows)',
      '      if [ "$i" = 1 ]; then docker run w1; fi',
      '      cat <<EOF',
      'if [ "$RUNNER_OS" = Linux ]; then',
      'EOF',
      '      docker run w2',
      '      ;;',
      '  esac',
      'done',
      'docker run after',
    ].join('\n')
    expect(runs(script)).toEqual(['w1: no shared no', 'w2: no yes no', 'after: -'])
  })

  it('leaves a script whose structure it cannot read unknown where it reads the OS', () => {
    expect(runs('if [ "$RUNNER_OS" = Linux ]; then docker run a\n')).toEqual(['a: maybe maybe maybe'])
  })
})

describe('osGuards: tests of a value the linker may know', () => {
  const ab = [{ $T: 'a' }, { $T: 'b' }, {}]
  const positional = [{ '${1:-}': 'a' }, { '${1:-}': 'b' }, {}]

  it('decides a test of a variable by its value on each leg, and leaves it shared where the value is unknown', () => {
    expect(legs('if [ "$T" = a ]; then docker run a; else docker run other; fi', ab)).toEqual(['a: yes no shared', 'other: no yes shared'])
    expect(legs('[[ $T == a ]] && docker run a', ab)).toEqual(['a: yes no shared'])
    expect(legs('if test "$T" != a; then docker run other; fi', ab)).toEqual(['other: no yes shared'])
    expect(legs('[ a = "$T" ] || docker run other', ab)).toEqual(['other: no yes shared'])
    expect(legs('if [ "${T}" = a ]; then docker run a; fi', [{ '${T}': 'a' }, { '${T}': 'b' }])).toEqual(['a: yes no'])
    expect(legs('if [[ "$T" == a* ]]; then docker run a; fi', [{ $T: 'abc' }, { $T: 'b' }])).toEqual(['a: yes no'])
  })

  it('reads case arms on a value, with a default arm', () => {
    const script = 'case "$T" in\n  a) docker run a ;;\n  b|c) docker run b ;;\n  *) docker run other ;;\nesac'
    expect(legs(script, [{ $T: 'a' }, { $T: 'c' }, { $T: 'd' }, {}])).toEqual(['a: yes no no shared', 'b: no yes no shared', 'other: no no yes shared'])
  })

  it('reads a positional parameter, and a name assigned it once at the top level', () => {
    const script = '#!/usr/bin/env bash\nset -eu\nTARGET=${1:-}\ncase "$TARGET" in\n  a) docker run a ;;\n  b) docker run b ;;\n  *) echo usage; exit 1 ;;\nesac'
    expect(legs(script, positional)).toEqual(['a: yes no shared', 'b: no yes shared'])
    expect(legs('if [ "$1" = a ]; then docker run a; fi', [{ $1: 'a' }, { $1: 'b' }])).toEqual(['a: yes no'])
    expect(legs('export TARGET="${1:-}"\n[ "$TARGET" = a ] && docker run a', positional)).toEqual(['a: yes no shared'])
  })

  it('leaves a test undecided where the script gives the name a value of its own', () => {
    const shared = ['a: -']
    expect(legs('T=$(date)\nif [ "$T" = a ]; then docker run a; fi', ab)).toEqual(shared)
    expect(legs('for T in a b; do\n  if [ "$T" = a ]; then docker run a; fi\ndone', ab)).toEqual(shared)
    expect(legs('read -r T\nif [ "$T" = a ]; then docker run a; fi', ab)).toEqual(shared)
    expect(legs(': "${T:=a}"\nif [ "$T" = a ]; then docker run a; fi', ab)).toEqual(shared)
    expect(legs('. ./env.sh\nif [ "$T" = a ]; then docker run a; fi', ab)).toEqual(shared)
    expect(legs('if [ "$T" = a ]; then docker run a; fi\nT=b', ab)).toEqual(shared)
    // Assigned twice, or where it may not run (after `&&`, in a pipeline): not its value.
    expect(legs('TARGET=$1\nTARGET=$2\n[ "$TARGET" = a ] && docker run a', [{ $1: 'a' }])).toEqual(shared)
    expect(legs('[ -n "$X" ] && TARGET=$1\n[ "$TARGET" = a ] && docker run a', [{ $1: 'a' }])).toEqual(shared)
    expect(legs('TARGET=$1 | cat\n[ "$TARGET" = a ] && docker run a', [{ $1: 'a' }])).toEqual(shared)
    // What the shell sets itself, and what cannot be read as a value.
    expect(legs('if [ "$PWD" = a ]; then docker run a; fi', [{ $PWD: 'a' }])).toEqual(shared)
    expect(legs('if [ "$T" = "$U" ]; then docker run a; fi', ab)).toEqual(shared)
    expect(legs('if [ "${T#x}" = a ]; then docker run a; fi', ab)).toEqual(shared)
  })

  it('leaves positional parameters undecided after a shift or set --, and in a function', () => {
    const shared = ['a: -']
    expect(legs('case "$1" in a) docker run a ;; esac\nshift', [{ $1: 'a' }, { $1: 'b' }])).toEqual(shared)
    expect(legs('while [ $# -gt 0 ]; do\n  case "$1" in a) docker run a ;; esac\n  shift\ndone', [{ $1: 'a' }])).toEqual(shared)
    expect(legs('set -- x\nTARGET=${1:-}\ncase "$TARGET" in a) docker run a ;; esac', positional)).toEqual(shared)
    expect(legs('build() {\n  case "$1" in a) docker run a ;; esac\n}\nbuild b', [{ $1: 'a' }])).toEqual(shared)
    // `set -e`, `set -o pipefail` leave them.
    expect(legs('set -euo pipefail\nset -o errexit\ncase "$1" in a) docker run a ;; esac', [{ $1: 'a' }, { $1: 'b' }])).toEqual(['a: yes no'])
  })

  it('decides an unquoted variable in [ only where the value is one plain word', () => {
    const script = 'if [ $T = a ]; then docker run a; fi'
    expect(legs(script, [{ $T: 'a' }, { $T: 'b' }, { $T: '' }, { $T: 'a b' }, { $T: '*' }])).toEqual(['a: yes no shared shared shared'])
    // A pattern the shell expands as file names.
    expect(legs('if [ "$T" = a* ]; then docker run a; fi', ab)).toEqual(['a: -'])
    // In [[, the right side is a pattern.
    expect(legs('if [[ a == $T ]]; then docker run a; fi', [{ $T: 'a' }, { $T: 'a*' }])).toEqual(['a: yes shared'])
  })

  it('reads PowerShell environment variables and script parameters', () => {
    const env = [{ '$env:T': 'A' }, { '$env:T': 'b' }, {}]
    expect(legs("switch ($env:T) {\n  'a' { docker run a }\n  default { docker run other }\n}", env, 'powershell')).toEqual(['a: yes no shared', 'other: no yes shared'])
    expect(legs("if ($env:T -ceq 'a') { docker run a }", env, 'powershell')).toEqual(['a: no no shared'])
    const param = "[CmdletBinding()]\nparam([string]$Target = 'a')\nswitch ($target) {\n  'a' { docker run a }\n}"
    expect(legs(param, [{ $Target: 'a' }, { $Target: 'b' }], 'powershell')).toEqual(['a: yes no'])
    // A variable of its own, a parameter it assigns, one in a function: not the linker's.
    expect(legs("if ($T -eq 'a') { docker run a }", [{ $T: 'a' }], 'powershell')).toEqual(['a: -'])
    expect(legs("param($Target)\n$Target = 'b'\nif ($Target -eq 'a') { docker run a }", [{ $Target: 'a' }], 'powershell')).toEqual(['a: -'])
    expect(legs("param($Target)\nfunction Build($Target) { if ($Target -eq 'a') { docker run a } }\nBuild b", [{ $Target: 'a' }], 'powershell')).toEqual(['a: -'])
  })

  it('gates the reading on a cheap test of the text', () => {
    expect(mayGuard('docker build -t x .\n[ -f x ] && docker push x', 'posix')).toBe(false)
    expect(mayGuard('case "$1" in a) docker build . ;; esac', 'posix')).toBe(true)
    expect(mayGuard('docker build -t x .', 'powershell')).toBe(false)
    expect(mayGuard("if ($env:T -eq 'a') { docker build . }", 'powershell')).toBe(true)
  })

  it('decides the values of a guard in a scope, and rewrites the variables it reads', () => {
    const [guard] = osGuards('[ "$T" = a ] && ./a.sh', 'posix', splitCommands('[ "$T" = a ] && ./a.sh', 'posix'))!.slice(1)
    expect(decideValues(guard!, (raw) => (raw === '$T' ? 'a' : undefined))).toBe('yes')
    expect(decideValues(guard!, (raw) => (raw === '$T' ? 'b' : undefined))).toBe('no')
    expect(decideValues(guard!, () => undefined)).toBe('shared')
    expect(decideValues({ all: [{ probe: 'RUNNER_OS', pattern: 'Linux' }, guard!] }, () => 'b')).toBe('no')
    expect(rewriteValues(guard!, (w) => w.replace('T', 'U'))).toEqual({ probe: 'value:$U', pattern: 'a' })
    expect(rewriteValues({ not: guard! }, () => undefined)).toBe('shared')
    const os = { probe: 'RUNNER_OS', pattern: 'Linux' } as const
    expect(rewriteValues(os, () => undefined)).toBe(os)
  })
})

describe('osGuards: PowerShell', () => {
  it('reads if/elseif/else on $IsLinux, $IsWindows, $env:RUNNER_OS', () => {
    const script = 'if ($IsLinux) {\n  docker run -d redis:7\n} else {\n  docker run nano\n}\ndocker run after'
    expect(runs(script, 'powershell')).toEqual(['redis:7: yes no no', 'nano: no yes yes', 'after: -'])
    // $IsWindows is $null in Windows PowerShell 5.1: unknown on Windows.
    expect(runs('if ($IsWindows) { docker run nano }\nelseif ($env:RUNNER_OS -eq "macOS") { docker run m }\nelse { docker run l }', 'powershell')).toEqual([
      'nano: no maybe no',
      'm: no no yes',
      'l: yes maybe no',
    ])
    expect(runs('if (-not $IsWindows -and $env:PUSH) { docker run l }', 'powershell')).toEqual(['l: shared maybe shared'])
    expect(runs('if (!$IsLinux) { docker run w }', 'powershell')).toEqual(['w: no yes yes'])
    expect(runs("if ($env:RUNNER_OS -like 'win*') { docker run w }", 'powershell')).toEqual(['w: no yes no'])
    expect(runs("if ($env:RUNNER_OS -ceq 'windows') { docker run w }", 'powershell')).toEqual(['w: no no no'])
    expect(runs('if ($IsLinux -eq $false) { docker run w }', 'powershell')).toEqual(['w: maybe maybe maybe'])
    // A value the linker does not know (here, none): the same on every host.
    expect(runs('if ($env:PUSH -eq "true") { docker run w }', 'powershell')).toEqual(['w: shared shared shared'])
  })

  it('reads braces on the next line, a function with parameters, a script block', () => {
    expect(runs('if ($IsLinux)\n{\n  docker run l\n}\nelse\n{\n  docker run w\n}', 'powershell')).toEqual(['l: yes no no', 'w: no yes yes'])
    expect(runs('function Start-It($Image) {\n  docker run $Image\n}\nif ($env:RUNNER_OS -ne "Linux") { Start-It nano }', 'powershell')).toEqual(['$Image: no yes yes'])
    expect(runs('if ($IsLinux) { 1..2 | ForEach-Object { docker run l } }\ndocker run after', 'powershell')).toEqual(['l: yes no no', 'after: -'])
  })

  it('reads switch arms and default, a function never called, an exit', () => {
    const script = "switch ($env:RUNNER_OS) {\n  'Linux' { docker run redis }\n  'Windows' { docker run nano }\n  default { docker run other }\n}"
    expect(runs(script, 'powershell')).toEqual(['redis: yes no no', 'nano: no yes no', 'other: no no yes'])
    expect(runs('function Start-Redis {\n  param($Name)\n  docker run redis\n}\nWrite-Host hi', 'powershell')).toEqual(['redis: maybe maybe maybe'])
    expect(runs('function Start-Redis { docker run redis }\nif ($IsLinux) { start-redis }', 'powershell')).toEqual(['redis: yes no no'])
    expect(runs('if (-not $IsLinux) { exit 0 }\ndocker run redis', 'powershell')).toEqual(['redis: yes no no'])
  })
})

describe('a structure read twice', () => {
  // osGuards reads the script's structure again; commands that are not those of that second read (a caller's split
  // that differs) cannot be matched to it, so they are as unread as a script whose structure was lost.
  it('gives every command `maybe` in a script that reads the OS, nothing in one that does not', () => {
    const script = 'if [ "$RUNNER_OS" = Linux ]; then docker run a; fi\ndocker run b\n'
    const other = splitCommands('docker run a\n', 'posix')
    expect(osGuards(script, 'posix', other)).toEqual(['maybe'])
    const plain = 'f() { docker run a; }\nf\n'
    expect(osGuards(plain, 'posix', splitCommands('docker run a\n', 'posix'))).toBeUndefined()
    // The same commands as the second read: read as usual.
    expect(osGuards(script, 'posix', splitCommands(script, 'posix'))).not.toEqual(['maybe', 'maybe'])
  })
})
