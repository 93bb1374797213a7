// The one recognizer of the script a command runs (script-call.ts), and its table of the shells' options.
import { describe, expect, it } from 'vitest'
import { commandStringOf, posixOption, powershellOption, scriptCall, type ScriptCall } from '../../src/parsers/script-call.js'

/** The script a command (words split on spaces; `?` a word isolint cannot know) runs: `index dialect`, make, unknown. */
function call(command: string): string | undefined {
  const words = command.split(' ')
  const found: ScriptCall | undefined = scriptCall(words, (w) => (w === '?' ? undefined : w))
  if (!found) return undefined
  return found.kind === 'script' ? `${words[found.index]} ${found.dialect}` : found.kind
}

describe('scriptCall', () => {
  it('reads a file named with a script extension, or a relative path with a folder (sh)', () => {
    expect(call('./build.ps1 -Version ltsc2022')).toBe('./build.ps1 powershell')
    expect(call('ci/build.sh 1809')).toBe('ci/build.sh posix')
    expect(call('build.cmd')).toBe('build.cmd cmd')
    expect(call('scripts/ci')).toBe('scripts/ci posix')
    expect(call('docker build .')).toBeUndefined()
    expect(call('/usr/bin/env')).toBeUndefined()
  })

  it("finds the file a shell runs past its options, by one table (values skipped: -o, --rcfile, -ExecutionPolicy)", () => {
    expect(call('bash -e -o pipefail ./x.sh a')).toBe('./x.sh posix')
    expect(call('bash --rcfile rc ./x.sh')).toBe('./x.sh posix')
    expect(call('bash -- ./x.sh')).toBe('./x.sh posix')
    expect(call('bash x.ps1')).toBe('x.ps1 posix')
    expect(call('pwsh -NoProfile -ExecutionPolicy Bypass -File x.ps1')).toBe('x.ps1 powershell')
    expect(call('pwsh -wd sub x.ps1')).toBe('x.ps1 powershell')
    expect(call('cmd /c x.cmd')).toBe('x.cmd cmd')
    expect(call('call x.bat')).toBe('x.bat cmd')
    expect(call('. ./env.sh')).toBe('./env.sh posix')
    expect(call('source env.ps1')).toBe('env.ps1 powershell')
  })

  it('runs no file for a command string, stdin or a non-script PowerShell argument; make; unknown words', () => {
    for (const c of ['bash -c x.sh', 'bash -lc x.sh', 'pwsh -Command x.ps1', 'pwsh -com x.ps1', 'pwsh -e abc', 'bash', 'pwsh notes.txt']) expect(call(c), c).toBeUndefined()
    expect(call('make -C sub image')).toBe('make')
    expect(call('/usr/bin/gmake')).toBe('make')
    expect(call('?')).toBe('unknown')
    expect(call('pwsh ?')).toBe('unknown')
    expect(call('pwsh -File ?')).toBe('unknown')
  })

  it('reads a cmd /c string that joins commands (&, |), redirects or calls, as a command line, not one file', () => {
    const cmd = (string: string): ScriptCall | undefined => scriptCall(['cmd', '/c', string], (w) => w)
    expect(cmd('call x.cmd')).toBeUndefined()
    expect(cmd('echo a & b.cmd')).toBeUndefined()
    // A path with a space may be one file (cmd keeps its quotes when it names one): read as one, unknown if missing.
    expect(cmd('my build.cmd')).toEqual({ kind: 'script', index: 2, dialect: 'cmd' })
    expect(cmd('C:\\Program Files (x86)\\vc\\vcvars.bat')).toEqual({ kind: 'script', index: 2, dialect: 'cmd' })
  })
})

describe('commandStringOf', () => {
  /** The string a command (words given as a list) runs: `dialect: text`, `(moved)` when the shell moves. */
  const string = (...words: string[]): string | undefined => {
    const found = commandStringOf(words, (w) => w)
    return found && `${found.dialect}: ${found.text}${found.moved ? ' (moved)' : ''}`
  }

  it("reads sh's one word after its options, PowerShell's and cmd's words after the option joined", () => {
    expect(string('bash', '-e', '-c', './x.sh', 'name', 'arg')).toBe('posix: ./x.sh')
    expect(string('sh', '-o', 'pipefail', '-xc', 'cd sub && ./x.sh')).toBe('posix: cd sub && ./x.sh')
    expect(string('bash', '-lc', './x.sh')).toBe('posix: ./x.sh (moved)')
    expect(string('pwsh', '-NoProfile', '-c', '& ./build.ps1')).toBe('powershell: & ./build.ps1')
    expect(string('powershell.exe', '-ExecutionPolicy', 'Bypass', '-Command', '.\\build.ps1', '-V', '1')).toBe('powershell: .\\build.ps1 -V 1')
    expect(string('pwsh', '-wd', 'sub', '-c', './b.ps1')).toBe('powershell: ./b.ps1 (moved)')
    // Windows PowerShell reads a first word that is no option as -Command; pwsh as -File.
    expect(string('powershell', '.\\build.ps1;', 'echo', 'hi')).toBe('powershell: .\\build.ps1; echo hi')
    expect(string('pwsh', 'notes.txt')).toBeUndefined()
    expect(string('cmd', '/d', '/c', 'call', 'x.cmd')).toBe('cmd: call x.cmd')
    expect(string('cmd.exe', '/k', 'call x.cmd & echo')).toBe('cmd: call x.cmd & echo')
  })

  it('finds none for a file, stdin, an encoded command, or an option it does not know', () => {
    for (const words of [['bash', './x.sh'], ['bash', '-c'], ['bash', '-eo', 'pipefail', '-c', 'x'], ['pwsh', '-File', 'x.ps1'], ['pwsh', '-e', 'abc'], ['pwsh', '-Foo', '-c', 'x'], ['cmd', '/v:on', '/c', 'x'], ['docker', 'build', '.']]) {
      expect(string(...words), words.join(' ')).toBeUndefined()
    }
  })
})

describe('the options table', () => {
  it('classifies sh options', () => {
    expect(['-c', '-lc', '-o', '+O', '--rcfile', '--login', '-l', '-e', '--', '-eo'].map(posixOption)).toEqual([
      'command', 'command', 'value', 'value', 'value', 'moving-switch', 'moving-switch', 'switch', 'end', 'unknown',
    ])
  })

  it('classifies PowerShell options', () => {
    expect(['-File', '-f', '-c', '-Comm', '-ec', '-wd', '-ep', '-NoLogo', '-Foo'].map(powershellOption)).toEqual([
      'file', 'file', 'command', 'command', 'none', 'moving-value', 'value', 'switch', 'unknown',
    ])
  })
})
