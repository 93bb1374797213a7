import { describe, expect, test } from 'vitest'
import { exportedVariables, githubEnvWrites } from '../../src/parsers/github-env.js'
import { scanScript } from '../../src/parsers/shell.js'

const names = (script: string, dialect: 'posix' | 'powershell' | 'cmd') => githubEnvWrites(script, dialect)

describe('scanScript', () => {
  test('keeps redirections, here-document bodies and pipes that splitCommands drops', () => {
    const s = scanScript('echo A=1 >> "$GITHUB_ENV"\ncat <<EOF >> $GITHUB_ENV\nB=2\nC=3\nEOF\necho x | tee -a f\n', 'posix')
    expect(s.commands.map((c) => c.map((w) => w.value))).toEqual([['echo', 'A=1'], ['cat'], ['echo', 'x'], ['tee', '-a', 'f']])
    expect(s.redirections.map((r) => [r.op, r.target?.value, r.command.map((w) => w.value).join(' '), r.body])).toEqual([
      ['>>', '$GITHUB_ENV', 'echo A=1', undefined],
      ['<<', 'EOF', 'cat', 'B=2\nC=3\n'],
      ['>>', '$GITHUB_ENV', 'cat', undefined],
    ])
    expect([...s.piped].map((c) => c[0]!.value)).toEqual(['echo'])
  })
})

describe('githubEnvWrites: POSIX shells', () => {
  test.each([
    ['echo "TAG=ltsc2022" >> $GITHUB_ENV', ['TAG']],
    ['echo "TAG=ltsc2022" >> "$GITHUB_ENV"', ['TAG']],
    ['echo TAG=$(cat tag.txt) >> ${GITHUB_ENV}', ['TAG']],
    ['echo -e "A=1\\nB=2" >> $GITHUB_ENV', ['A', 'B']],
    ["printf 'TAG=%s\\n' \"$x\" >> \"$GITHUB_ENV\"", ['TAG']],
    ['cat <<EOF >> "$GITHUB_ENV"\nA=1\nB=${X}\nEOF\ndocker build .', ['A', 'B']],
    ['cat >> $GITHUB_ENV << \'EOF\'\nA=1\nEOF', ['A']],
    ['echo "NOTES<<EOF" >> $GITHUB_ENV\necho "$body" >> $GITHUB_ENV\necho "X=not a name" >> $GITHUB_ENV\necho EOF >> $GITHUB_ENV\necho TAG=1 >> $GITHUB_ENV', ['NOTES', 'TAG']],
    ['echo "TAG=1" | tee -a "$GITHUB_ENV"', ['TAG']],
    // A here-document piped into tee (or given to it), quoted or not: its NAME=value and NAME<<DELIMITER lines.
    ['cat <<EOF | tee -a "$GITHUB_ENV"\nTAG=ltsc2022\nEOF', ['TAG']],
    ["cat <<'EOF' | tee -a $GITHUB_ENV > /dev/null\nTAG=ltsc2022\nNOTES<<END\nnot=a name\nEND\nB=$(date)\nEOF", ['TAG', 'NOTES', 'B']],
    ['tee -a "$GITHUB_ENV" <<EOF\nTAG=1\nEOF', ['TAG']],
    ['cat <<-EOF | tee -a "$GITHUB_ENV"\n\t\tTAG=1\n\tEOF', ['TAG']],
    ['cat - <<EOF >> "$GITHUB_ENV"\nTAG=1\nEOF', ['TAG']],
    // tee without -a overwrites the file: still a write of what is piped in.
    ['echo "TAG=1" | tee "$GITHUB_ENV"', ['TAG']],
    ['echo "TAG=1" | dd of=$GITHUB_ENV oflag=append conv=notrunc', ['TAG']],
    // GitHub puts the file's path in the script for `${{ github.env }}`.
    ['echo "TAG=1" >> ${{ github.env }}', ['TAG']],
    ['echo "TAG=1" >> "${{github.env}}"', ['TAG']],
    // A quoted value with a real newline: both lines are read (only X was).
    ['echo "X=1\nTAG=ltsc2022" >> "$GITHUB_ENV"', ['X', 'TAG']],
    ["printf '%s\\n' \"X=1\nTAG=ltsc2022\" | tee -a \"$GITHUB_ENV\"", ['X', 'TAG']],
    // A quoted delimiter with a literal $ ends at the line `END$`: the write after it is read.
    ["cat <<'END$' > notes.txt\nx\nEND$\necho \"TAG=ltsc2022\" >> \"$GITHUB_ENV\"", ['TAG']],
    // A delimiter with a literal $ (single quotes): the file receives `EOF_$R` and the value ends at that line.
    ["echo 'NOTE<<EOF_$R' >> \"$GITHUB_ENV\"\ncat <<'X' >> \"$GITHUB_ENV\"\nhello\nEOF_$R\nX\necho \"TAG=ltsc2022\" >> \"$GITHUB_ENV\"", ['NOTE', 'TAG']],
    ["echo 'NOTES<<END$' >> \"$GITHUB_ENV\"\necho 'hello' >> \"$GITHUB_ENV\"\necho 'END$' >> \"$GITHUB_ENV\"\necho \"TAG=1\" >> \"$GITHUB_ENV\"", ['NOTES', 'TAG']],
  ])('%s', (script, expected) => {
    expect(names(script, 'posix')).toEqual({ names: expected, all: false })
  })

  test.each([
    'cat vars.env >> $GITHUB_ENV',
    'echo "$line" >> "$GITHUB_ENV"',
    'echo "${NAME}=1" >> $GITHUB_ENV',
    '{ echo A=1; echo B=2; } >> $GITHUB_ENV',
    'some-tool | tee -a $GITHUB_ENV',
    'python set_env.py "$GITHUB_ENV"',
    'echo "V<<EOF_$RANDOM" >> $GITHUB_ENV',
    // A here-document whose names the shell expands, or that a command other than cat rewrites.
    'cat <<EOF | tee -a "$GITHUB_ENV"\n${PREFIX}_TAG=1\nEOF',
    "sed 's/^/X_/' <<EOF >> $GITHUB_ENV\nTAG=1\nEOF",
    'cat vars.env - <<EOF | tee -a "$GITHUB_ENV"\nTAG=1\nEOF',
    // Commands that name the file and may write it: every variable unknown.
    'sort -o $GITHUB_ENV vars.env',
    'sort -u "$GITHUB_ENV" -o "$GITHUB_ENV"',
    'sort -uo "$GITHUB_ENV" vars.env',
    'sort --output=$GITHUB_ENV vars.env',
    'cp vars.env "$GITHUB_ENV"',
    'mv vars.env $GITHUB_ENV',
    'install -m 644 vars.env "$GITHUB_ENV"',
    'dd if=vars.env of=$GITHUB_ENV',
    'some-tool | dd of="$GITHUB_ENV" oflag=append conv=notrunc',
    // An of= that names the file in a form isolint does not read is still a write (dd was taken as a reader).
    'echo "TAG=ltsc2022" | dd of="${GITHUB_ENV:?}" oflag=append conv=notrunc',
    'dd if=vars.env of=${GITHUB_ENV:-/dev/null}',
    'some-tool | tee "$GITHUB_ENV"',
    'sed -i "s/a/b/" $GITHUB_ENV',
    'cat vars.env >> ${{ github.env }}',
    // A redirection to a target that names the file in a way isolint does not read.
    'echo "TAG=1" >> "${GITHUB_ENV:-/dev/null}"',
    'echo "TAG=1" >> $(echo $GITHUB_ENV)',
  ])('names unknown: %s', (script) => {
    expect(names(script, 'posix')?.all).toBe(true)
  })

  test.each([
    'docker build -t x .',
    'echo "$GITHUB_ENV"',
    'cat "$GITHUB_ENV"',
    'grep TAG "$GITHUB_ENV"',
    'test -f $GITHUB_ENV',
    '[ -s "$GITHUB_ENV" ]',
    'sort "$GITHUB_ENV"',
    'sort -u $GITHUB_ENV > /tmp/env.sorted',
    'dd if=$GITHUB_ENV of=/tmp/env.copy',
    'echo "${{ github.event_name }}"',
    '# echo A=1 >> $GITHUB_ENV',
    'echo A=1 >> $GITHUB_OUTPUT',
  ])('writes nothing: %s', (script) => {
    expect(names(script, 'posix')).toBeUndefined()
  })
})

describe('githubEnvWrites: PowerShell', () => {
  test.each([
    ['echo "TAG=ltsc2022" >> $env:GITHUB_ENV', ['TAG']],
    ['"TAG=ltsc2022" >> $env:GITHUB_ENV', ['TAG']],
    ['"TAG={0}" -f $tag | Out-File -FilePath $env:GITHUB_ENV -Encoding utf8 -Append', ['TAG']],
    ['Write-Output "TAG=1" | Out-File $env:GITHUB_ENV -Append', ['TAG']],
    ['Add-Content -Path $env:GITHUB_ENV -Value "TAG=$t"', ['TAG']],
    ['Add-Content $env:GITHUB_ENV "TAG=1"', ['TAG']],
    ['Add-Content -Path ${env:GITHUB_ENV} "TAG=1"', ['TAG']],
    ['Set-Content -Path $env:GITHUB_ENV -Value "TAG=1"', ['TAG']],
    ['"TAG=1" | Add-Content -Path $env:GITHUB_ENV', ['TAG']],
    // A here-string: each of its lines (only X was read).
    ['@"\nX=1\nTAG=ltsc2022\n"@ | Out-File -Append -FilePath $env:GITHUB_ENV', ['X', 'TAG']],
    // `n and `r`n in a double-quoted string break the line (only X was read); single quotes keep the backtick.
    ['Add-Content $env:GITHUB_ENV "X=1`nTAG=ltsc2022"', ['X', 'TAG']],
    ['echo "X=1`nTAG=ltsc2022" >> $env:GITHUB_ENV', ['X', 'TAG']],
    ['"X=1`r`nTAG=ltsc2022" | Out-File -Append $env:GITHUB_ENV', ['X', 'TAG']],
    ['"TAG={0}`nB=1" -f $tag >> $env:GITHUB_ENV', ['TAG', 'B']],
    ["'X=1`nTAG=ltsc2022' >> $env:GITHUB_ENV", ['X']],
    ['@"\nX=1`nTAG=1\n"@ >> $env:GITHUB_ENV', ['X', 'TAG']],
    // A literal $ in a delimiter (single quotes, a backtick): the value ends at the line written with it.
    ["Add-Content $env:GITHUB_ENV 'NOTES<<END$'\nAdd-Content $env:GITHUB_ENV 'hello'\nAdd-Content $env:GITHUB_ENV 'END$'\nAdd-Content $env:GITHUB_ENV 'TAG=1'", ['NOTES', 'TAG']],
    ['Add-Content $env:GITHUB_ENV "N<<E`$"\nAdd-Content $env:GITHUB_ENV "E`$"\nAdd-Content $env:GITHUB_ENV "TAG=1"', ['N', 'TAG']],
    // PowerShell reads a bare word's escapes as a double-quoted string's (`t` of TAG is no tab: `t would be).
    ['Add-Content $env:GITHUB_ENV X=1`nTAG=ltsc2022', ['X', 'TAG']],
    ['echo X=1`r`nTAG=ltsc2022 >> $env:GITHUB_ENV', ['X', 'TAG']],
    // Blanks after a here-string's opener.
    ['@" \nX=1\nTAG=1\n"@ >> $env:GITHUB_ENV', ['X', 'TAG']],
    // A comma in quotes is text, not an array.
    ['Add-Content $env:GITHUB_ENV "TAG=a,b"', ['TAG']],
  ])('%s', (script, expected) => {
    expect(names(script, 'powershell')).toEqual({ names: expected, all: false })
  })

  test.each([
    '$x >> $env:GITHUB_ENV',
    'Get-Content vars.txt | Out-File -FilePath $env:GITHUB_ENV -Append',
    '[IO.File]::AppendAllText($env:GITHUB_ENV, "TAG=1")',
    'Add-Content -Path $env:GITHUB_ENV -Value $line',
    'Copy-Item vars.env $env:GITHUB_ENV',
    'Move-Item -Force vars.env -Destination $env:GITHUB_ENV',
    '[System.IO.File]::WriteAllLines($env:GITHUB_ENV, $lines)',
    'Get-Content vars.env | Set-Content -Path ${{ github.env }}',
    // Arrays (one line per element) and a string followed by more than -f: read as unknown (only X was read).
    'Add-Content -Path $env:GITHUB_ENV -Value "X=1","TAG=ltsc2022"',
    'Add-Content -Path $env:GITHUB_ENV -Value "X=1" ,"TAG=ltsc2022"',
    '"X=1", "TAG=ltsc2022" | Out-File -Append -FilePath $env:GITHUB_ENV',
    'Write-Output "X=1","TAG=ltsc2022" >> $env:GITHUB_ENV',
    '"X=1" + "`nTAG=ltsc2022" >> $env:GITHUB_ENV',
    'Add-Content $env:GITHUB_ENV X=1,TAG=ltsc2022',
    // A name isolint cannot read, never one guessed: `e is ESC in PowerShell 6+ and e in 5.1; `0 is a null character.
    'Add-Content $env:GITHUB_ENV "TAG`e=1"',
    'Add-Content $env:GITHUB_ENV "TAG`u{41}=1"',
    '"TA`0G=1" >> $env:GITHUB_ENV',
    'Add-Content $env:GITHUB_ENV "N<<E`e"\nAdd-Content $env:GITHUB_ENV "E`e"\nAdd-Content $env:GITHUB_ENV "TAG=1"',
  ])('names unknown: %s', (script) => {
    expect(names(script, 'powershell')?.all).toBe(true)
  })

  test('reading the file writes nothing', () => {
    expect(names('Get-Content $env:GITHUB_ENV', 'powershell')).toBeUndefined()
    expect(names('if (Test-Path $env:GITHUB_ENV) { Write-Host found }', 'powershell')).toBeUndefined()
  })

  test('${{ github.env }} names the file', () => {
    expect(names('"TAG=1" | Out-File -FilePath ${{ github.env }} -Append', 'powershell')).toEqual({ names: ['TAG'], all: false })
  })
})

describe('githubEnvWrites: cmd', () => {
  test('echo NAME=value >> %GITHUB_ENV%', () => {
    expect(names('echo TAG=ltsc2022>> %GITHUB_ENV%', 'cmd')).toEqual({ names: ['TAG'], all: false })
    expect(names('type vars.txt >> "%GITHUB_ENV%"', 'cmd')?.all).toBe(true)
  })
  test('commands that name the file: copy writes it, type reads it', () => {
    expect(names('copy /y vars.txt %GITHUB_ENV%', 'cmd')?.all).toBe(true)
    expect(names('type %GITHUB_ENV%', 'cmd')).toBeUndefined()
    expect(names('echo TAG=1>> ${{ github.env }}', 'cmd')).toEqual({ names: ['TAG'], all: false })
  })
})

describe('exportedVariables (actions/github-script)', () => {
  test('core.exportVariable with a literal name', () => {
    expect(exportedVariables("core.exportVariable('TAG', tag)\ncore.exportVariable(\"B\", 1)")).toEqual({ names: ['TAG', 'B'], all: false })
  })
  test('a name isolint cannot read', () => {
    expect(exportedVariables('for (const [k, v] of pairs) core.exportVariable(k, v)')).toEqual({ names: [], all: true })
  })
  test('the file written directly: the names that start a string or a line of one', () => {
    expect(exportedVariables('fs.appendFileSync(process.env.GITHUB_ENV,\n  `REPO=${a}\\n`+\n  `REF=${b}\\nX=1`)')).toEqual({ names: ['REPO', 'REF', 'X'], all: false })
    expect(exportedVariables('fs.appendFileSync(process.env.GITHUB_ENV, lines.join("\\n"))')).toEqual({ names: [], all: true })
  })
  test('none', () => {
    expect(exportedVariables('console.log(1)')).toBeUndefined()
  })
})
