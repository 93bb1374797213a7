// The names a script assigns itself, per shell: after one, the script's `$NAME` is not what the CI exported.
import { describe, expect, it } from 'vitest'
import { ANY_NAME_ASSIGNED, scriptAssignments } from '../../src/parsers/script-assignments.js'
import type { ShellDialect } from '../../src/parsers/shell.js'

/** The names a script assigns for its own commands, or with `filesFollowed` for the files it runs. */
const assignedNames = (script: string, dialect: ShellDialect, filesFollowed = false): string[] => {
  const r = scriptAssignments(script, dialect)
  return [...(filesFollowed ? r.inherited : r.own)]
}

describe('assignedNames', () => {
  it('reads sh assignments of a command made only of them, declarations, read, for and printf -v; never a docker argument', () => {
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
    expect(assignedNames(script, 'posix').sort()).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'L', 'M', 'N', 'O', 'P', 'Q', 'TAG'])
  })

  it('reads every name of a line of assignments, and of export with several', () => {
    expect(assignedNames('REG=x TAG=ltsc2022\ndocker run $REG/y:$TAG', 'posix').sort()).toEqual(['REG', 'TAG'])
    expect(assignedNames('export REG=x TAG=ltsc2022', 'posix').sort()).toEqual(['REG', 'TAG'])
    expect(assignedNames('if true; then local -r A=1 B; fi', 'posix').sort()).toEqual(['A', 'B'])
    // Quoted, it is a command named `A=1`; before a command, the command's environment only.
    expect(assignedNames('"A=1"\nB=1 C=2 make', 'posix')).toEqual([])
  })

  it('reads unset, mapfile and readarray; source, ., eval and export $(…) may assign any name', () => {
    expect(assignedNames('unset TAG\nmapfile -t A < f\nreadarray B', 'posix').sort()).toEqual(['A', 'B', 'MAPFILE', 'TAG'])
    for (const s of ['source ./vars.sh', '. ./vars.sh', 'eval "$(cat .env)"', 'export $(cat .env | xargs)']) {
      expect(assignedNames(`${s}\ndocker run x:$TAG`, 'posix'), s).toEqual([ANY_NAME_ASSIGNED])
    }
  })

  it('reads PowerShell removals; iex and a .ps1 run in the process may assign any name', () => {
    expect(assignedNames('Remove-Item Env:TAG\nClear-Item -Path env:B', 'powershell').sort()).toEqual(['B', 'TAG'])
    for (const s of ['. ./vars.ps1', '& ./vars.ps1', './vars.ps1 -X 1', 'iex (Get-Content .env -Raw)', 'Invoke-Expression $x']) {
      expect(assignedNames(`${s}\ndocker run x:$env:TAG`, 'powershell'), s).toEqual([ANY_NAME_ASSIGNED])
    }
    expect(assignedNames('pwsh -File ./vars.ps1', 'powershell')).toEqual([])
    // For the files the script runs (followed themselves): one is read there, a second may read what the first set.
    expect(assignedNames('./build.ps1', 'powershell', true)).toEqual([])
    expect(assignedNames('. ./vars.ps1\n./build.ps1', 'powershell', true)).toEqual([ANY_NAME_ASSIGNED])
    expect(assignedNames('source ./vars.sh', 'posix', true)).toEqual([ANY_NAME_ASSIGNED])
  })

  it('counts no .ps1 or batch file named in a string another command is given: it runs in a child process', () => {
    for (const s of [
      'powershell -Command "`$x = 1; .\\build.ps1"',
      "pwsh -NoProfile -c 'Set-Location src; & ./build.ps1 -Tag x'",
      'powershell -Command "Write-Host ""a;b""; .\\build.ps1 | Out-Null"',
      'Write-Host "next: x; ./build.ps1"',
      // A quote in a comment opens no string.
      "# don't run it here\npowershell -Command \"cd src; ./build.ps1\"",
    ]) {
      expect(assignedNames(`${s}\ndocker run x:$env:TAG`, 'powershell'), s).toEqual([])
    }
    expect(assignedNames('$env:A = 1; powershell -Command "cd src; .\\build.ps1"', 'powershell')).toEqual(['A'])
    // The one run in this process is the file followed; the child's is no second one that may read what it set.
    expect(assignedNames('. ./vars.ps1\npwsh -Command "cd src; ./build.ps1"', 'powershell', true)).toEqual([])
    for (const s of ['cmd /c "call setvars.cmd & docker run x"', 'echo "a & b.bat" > f.txt', 'cmd /c "(x.cmd)"']) {
      expect(assignedNames(`${s}\ndocker run x:%TAG%`, 'cmd'), s).toEqual([])
    }
  })

  it('still counts a run whose path is quoted, one after a string, and one in a string run in this process', () => {
    for (const s of [
      '& "$env:RUNNER_TEMP\\vars.ps1"',
      'Write-Host "a;b"; . \'./vars.ps1\'',
      // A backtick-escaped quote opens no string.
      'Write-Host `"; .\\vars.ps1; Write-Host "x"',
      // A subexpression runs in this process: the string is read as code.
      '$v = "$(.\\version.ps1)"',
      '$v = "$(Get-Tag "a"; .\\vars.ps1)"',
      '[scriptblock]::Create("x; .\\vars.ps1").Invoke()',
      // A here-string, or a string over lines, is not skipped: the rest of the script is read as code.
      '$s = @"\nx; .\\vars.ps1\n"@',
    ]) {
      expect(assignedNames(`${s}\ndocker run x:$env:TAG`, 'powershell'), s).toEqual([ANY_NAME_ASSIGNED])
    }
    // cmd: `^"` is no quote, and `'` none at all.
    for (const s of ['call "%RUNNER_TEMP%\\vars.cmd"', 'echo ^" & vars.cmd & echo "x"', "echo 'a & vars.cmd & echo 'b'", 'echo "a" & vars.bat']) {
      expect(assignedNames(`${s}\ndocker run x:%TAG%`, 'cmd'), s).toEqual([ANY_NAME_ASSIGNED])
    }
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

  it('reads a PowerShell removal or Set-Item as a command, not an option or value of another (docker run --rm)', () => {
    for (const s of ['Remove-Item env:TAG', 'rm env:TAG', 'Remove-Item -Path Env:TAG', 'docker pull x; ri env:TAG', 'if ($x) { del Env:\\TAG }', 'docker pull x && rm env:TAG', '$null = New-Item -Path env:TAG -Value x', '(Set-Item env:TAG x)']) {
      expect(assignedNames(`${s}\ndocker run x:$env:TAG`, 'powershell'), s).toEqual(['TAG'])
    }
    for (const s of [
      'docker run --rm mcr.microsoft.com/windows/servercore:$env:TAG cmd',
      'docker container run --rm -e X=rm mcr.microsoft.com/windows/servercore:$env:TAG cmd',
      'docker run -e MODE=del --name ni x:$env:TAG',
      'Write-Host "rm env:TAG"',
      '# Remove-Item env:TAG',
      // The path a variable holds, not the variable: `$env:TAG` is read, the file it names written or removed.
      'Set-Content -Path tag.txt -Value $env:TAG; Remove-Item $env:TAG -Force',
    ]) {
      expect(assignedNames(s, 'powershell'), s).toEqual([])
    }
  })

  it('reads cmd set (quoted, /a, /p), and a batch file run in the process as any name', () => {
    expect(assignedNames('set TAG=x\nset "B=2"\nSET /a C+=1\nif 1==1 (set /p D=name: )\n@set E.F=3', 'cmd').sort()).toEqual(['B', 'C', 'D', 'E.F', 'TAG'])
    expect(assignedNames('set /a X=1, Y=2', 'cmd')).toEqual([ANY_NAME_ASSIGNED])
    expect(assignedNames('call setvars.cmd\ndocker run x', 'cmd')).toEqual([ANY_NAME_ASSIGNED])
    expect(assignedNames('scripts\\env.bat && docker run x', 'cmd')).toEqual([ANY_NAME_ASSIGNED])
    // The file a step runs is the one followed (link.ts): only a second one may set what the first reads.
    expect(assignedNames('call build.cmd', 'cmd', true)).toEqual([])
    expect(assignedNames('echo offset=1 > f.txt', 'cmd')).toEqual([])
    // After if, for's do, & and @: a command. An option of another command (`--set`) is not cmd's set.
    expect(assignedNames('if not defined A set A=1\nfor %%i in (x) do set B=%%i\necho x&set C=1', 'cmd').sort()).toEqual(['A', 'B', 'C'])
    expect(assignedNames('helm upgrade app ./chart --set tag=%TAG%', 'cmd')).toEqual([])
  })

  it('finds nothing in a script that assigns nothing', () => {
    expect(assignedNames('docker run mcr.microsoft.com/windows/servercore:$TAG cmd', 'posix')).toEqual([])
    expect(assignedNames('docker run mcr.microsoft.com/windows/servercore:$env:TAG cmd', 'powershell')).toEqual([])
    expect(assignedNames('docker run mcr.microsoft.com/windows/servercore:%TAG% cmd', 'cmd')).toEqual([])
  })
})
