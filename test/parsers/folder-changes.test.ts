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
    return `${words[0]!.value} ${f === undefined ? '.' : f === 'unknown' ? '?' : f.dirs.map((w) => w.value).join('/')}`
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
})
