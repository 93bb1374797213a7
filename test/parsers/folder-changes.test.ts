// folder-changes.ts: the folder each command of a script runs in, as its own changes of folder leave it, read from
// the script's structure (shell.ts splitStructure). Shown per command as its first word and `.` (the start folder),
// the folders joined (`app/sub`), or `?` (unknown).
import { describe, expect, it } from 'vitest'
import type { Span } from '../../src/core/span.js'
import { folderChanges } from '../../src/parsers/folder-changes.js'
import { splitCommands, type ShellDialect } from '../../src/parsers/shell.js'

const SPAN: Span = { file: 'x', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

function folders(script: string, dialect: ShellDialect = 'posix'): string[] | undefined {
  const commands = splitCommands(script, dialect)
  const out = folderChanges(script, dialect, commands, () => SPAN)
  if (!out) return undefined
  return commands.map((words, i) => {
    const f = out[i]
    return `${words[0]!.value} ${f === undefined ? '.' : f === 'unknown' ? '?' : [...(f.self ? [`<${f.self}>`] : []), ...f.dirs.map((w) => w.value)].join('/')}`
  })
}

describe('folderChanges', () => {
  it('gives nothing for a script that does not move (its commands stay in the start folder)', () => {
    expect(folders('echo cd\ndocker build .\n')).toBeUndefined()
    expect(folders('cat <<EOF\ncd app\nEOF\ndocker build .\n')).toBeUndefined()
  })

  it('follows top-level changes in sequence, and a stack of pushes', () => {
    expect(folders('docker a\ncd app\ndocker b; cd sub && docker c\n')).toEqual(['docker .', 'cd .', 'docker app', 'cd app', 'docker app/sub'])
    expect(folders('pushd app\npushd sub\npopd\ndocker x\npopd\ndocker y\n')).toEqual(['pushd .', 'pushd app', 'popd app/sub', 'docker app', 'popd app', 'docker .'])
    expect(folders('Set-Location -Path app; docker x', 'powershell')).toEqual(['Set-Location .', 'docker app'])
    expect(folders('cd /d app & docker x', 'cmd')).toEqual(['cd .', 'docker app'])
  })

  it('reads the structure: a case arm, a function, a here-document, a PowerShell script block', () => {
    expect(folders('case $x in\n  a) cd app ;;\nesac\ndocker x\n')).toEqual(['case ?', 'a ?', 'cd ?', 'esac ?', 'docker ?'])
    // A function's body runs where it is called; the cd after its definition is certain.
    expect(folders('f() {\n  docker x\n}\ncd app\nf\ndocker y\n')).toEqual(['f .', '{ ?', 'docker ?', '} .', 'cd .', 'f app', 'docker app'])
    expect(folders('cd app\ncat <<EOF\ncd ..\nEOF\ndocker x\n')).toEqual(['cd .', 'cat app', 'docker app'])
    expect(folders('cd app\n$b = { docker x }\nif ($y) { docker y }\n', 'powershell')).toEqual(['cd .', '$b app', 'docker ?', 'if app', '$y app', 'docker app'])
    expect(folders('cd app\n@(Set-Location sub)\ndocker x\n', 'powershell')).toEqual(['cd .', 'Set-Location ?', 'docker ?'])
  })

  it('undoes a POSIX subshell\'s changes at its )', () => {
    expect(folders('(cd app; pushd sub)\ndocker x\n')).toEqual(['cd .', 'pushd app', 'docker .'])
    expect(folders('cd app\n(cd ..) && docker x\n')).toEqual(['cd .', 'cd app', 'docker app'])
    expect(folders('(cd app | cat)\ndocker x\n(docker y; cd other &)\n')).toEqual(['cd ?', 'cat ?', 'docker .', 'docker .', 'cd ?'])
  })

  it('leaves every folder unknown in a cmd script with labels', () => {
    expect(folders(':again\r\ndocker x\r\ncd app\r\ngoto again\r\n', 'cmd')).toEqual([':again ?', 'docker ?', 'cd ?', 'goto ?'])
  })

  it("leaves the folder unknown after cmd's endlocal in a script that moved (it restores the folder of setlocal)", () => {
    expect(folders('setlocal\r\ncd /d %~dp0\r\ndocker x\r\nendlocal\r\ndocker y\r\n', 'cmd')).toEqual(['setlocal .', 'cd .', 'docker <%~dp0>/.', 'endlocal ?', 'docker ?'])
    expect(folders('setlocal\r\ndocker x\r\nendlocal\r\ncd app\r\ndocker y\r\n', 'cmd')).toEqual(['setlocal .', 'docker .', 'endlocal .', 'cd .', 'docker app'])
  })

  it("reads a move to the script's own folder, and the path after it, as from that folder", () => {
    expect(folders('cd "$(dirname "$0")/.."\ncd app\ndocker x\n')).toEqual(['cd .', 'cd <$0>/..', 'docker <$0>/../app'])
    expect(folders('cd $(dirname $0)\ndocker x\n')).toEqual(['cd .', 'docker <$0 unquoted>/.'])
    expect(folders('cd "`dirname "$0"`"\ndocker x\n')).toEqual(['cd .', 'docker <$0>/.'])
    expect(folders('pushd "$(dirname "${BASH_SOURCE[0]}")"\ndocker x\npopd\ndocker y\n')).toEqual(['pushd .', 'docker <BASH_SOURCE>/.', 'popd <BASH_SOURCE>/.', 'docker .'])
    expect(folders('Set-Location "$PSScriptRoot\\..\\app"\ndocker x\n', 'powershell')).toEqual(['Set-Location .', 'docker <PSScriptRoot>/..\\app'])
    expect(folders('cd /d "%~dp0"\r\ndocker x\r\n', 'cmd')).toEqual(['cd .', 'docker <%~dp0>/.'])
    expect(folders('pushd %~dp0..\r\ndocker x\r\n', 'cmd')).toEqual(['pushd .', 'docker <%~dp0>/..'])
    // $PSScriptRoot names the folder wherever the script is; after another move, sh's $0 and cmd's %~dp0 may not.
    expect(folders('cd app\nSet-Location $PSScriptRoot\ndocker x\n', 'powershell')).toEqual(['cd .', 'Set-Location app', 'docker <PSScriptRoot>/.'])
    expect(folders('cd app\ncd "$(dirname "$0")"\ndocker x\n')).toEqual(['cd .', 'cd ?', 'docker ?'])
    expect(folders('cd app\r\ncd /d %~dp0\r\ndocker x\r\n', 'cmd')).toEqual(['cd .', 'cd ?', 'docker ?'])
  })

  it('reads no own folder from text, another command, or a path after it that is not literal', () => {
    expect(folders('cd "$(dirname "$0")"\ndocker x\n')).toEqual(['cd .', 'docker <$0>/.'])
    // Single-quoted: text (its `$` kept as a literal character).
    expect(folders("cd '$(dirname \"$0\")'\ndocker x\n")![1]).not.toContain('<')
    expect(folders("Set-Location '$PSScriptRoot'\ndocker x\n", 'powershell')![1]).not.toContain('<')
    expect(folders('cd "$(dirname "$(readlink -f "$0")")"\ndocker x\n')).toEqual(['cd .', 'docker $(dirname "$(readlink -f "$0")")'])
    expect(folders('cd "$(dirname "$0")/$SUB"\ndocker x\n')).toEqual(['cd .', 'docker $(dirname "$0")/$SUB'])
    expect(folders('cd "$(basename "$0")"\ndocker x\n')).toEqual(['cd .', 'docker $(basename "$0")'])
    expect(folders('Set-Location $PSScriptRootX\ndocker x\n', 'powershell')).toEqual(['Set-Location .', 'docker $PSScriptRootX'])
  })
})
