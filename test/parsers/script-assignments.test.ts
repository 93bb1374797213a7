// The names a script assigns itself, per shell: after one, the script's `$NAME` is not what the CI exported.
import { describe, expect, it } from 'vitest'
import { assignedNames } from '../../src/parsers/script-assignments.js'

describe('assignedNames', () => {
  it('reads sh assignments at the start of a command, read, for and printf -v; never a docker argument', () => {
    const script = [
      'TAG=ltsc2022',
      'docker run x:$TAG',
      'export B=1; read -r C D',
      'for E in a b; do F+=1; done',
      'printf -v G "%s" x',
      'docker run -e H=1 --read-only --build-arg I=2 x cmd',
      // A prefix gives the command its environment; its words read the variable as it was.
      'J=1 docker run x:$J; K="a b" make',
      'L="x y"; M=1 && N=2 # done',
      'O=$(cat tag.txt)',
      'P=`cat tag.txt` Q=${R:-a b}',
    ].join('\n')
    expect(assignedNames(script, 'posix').sort()).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'L', 'M', 'N', 'O', 'P', 'TAG'])
  })

  it('reads PowerShell environment assignments only ($NAME is never the environment)', () => {
    const script = [
      '$TAG = "x"',
      '$env:A = 1',
      '${env:B} += 2',
      'Set-Item -Path env:C -Value 1',
      '[Environment]::SetEnvironmentVariable("D", "x")',
      'if ($env:E -eq 1) { docker run x:$env:E }',
    ].join('\n')
    expect(assignedNames(script, 'powershell').sort()).toEqual(['A', 'B', 'C', 'D'])
  })

  it("reads cmd's set, in its forms", () => {
    expect(assignedNames('set TAG=x\nset "B=2"\nSET /a C=1\necho %D%\nsetlocal', 'cmd').sort()).toEqual(['B', 'C', 'TAG'])
  })

  it('finds nothing in a script that assigns nothing', () => {
    expect(assignedNames('docker run mcr.microsoft.com/windows/servercore:$TAG cmd', 'posix')).toEqual([])
    expect(assignedNames('docker run mcr.microsoft.com/windows/servercore:$env:TAG cmd', 'powershell')).toEqual([])
    expect(assignedNames('docker run mcr.microsoft.com/windows/servercore:%TAG% cmd', 'cmd')).toEqual([])
  })
})
