import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs } from '../harness/fuzz.js'
import { cmdVariableText } from '../../src/core/cmd-variable-text.js'
import { LineIndex, type Span } from '../../src/core/span.js'
import type {
  DockerBuildCommand,
  DockerCommand,
  DockerComposeCommand,
  DockerPullCommand,
  DockerRunCommand,
  DockerTagCommand,
  Word,
} from '../../src/model/workflow.js'
import { extractDockerCommands, scriptCommands } from '../../src/parsers/docker-cli.js'
import { guessScriptDialect, programName, sourceOffset, splitCommands, type Invocation, type ShellDialect } from '../../src/parsers/shell.js'
import { expandValue, LITERAL_DOLLAR, unknownValue } from '../../src/parsers/workflow-expressions.js'

function extract(script: string, dialect: ShellDialect = 'posix'): readonly DockerCommand[] {
  const lines = new LineIndex(script)
  return extractDockerCommands(script, dialect, (s, e) => lines.span('s.sh', s, e))
}

function one<T extends DockerCommand>(script: string, dialect: ShellDialect = 'posix'): T {
  const commands = extract(script, dialect)
  expect(commands).toHaveLength(1)
  return commands[0] as T
}

/** [line, column, endLine, endColumn] */
function pos(span: Span): [number, number, number, number] {
  return [span.start.line, span.start.column, span.end.line, span.end.column]
}

function word(w: Word | undefined): [string, number, number, number, number] | undefined {
  return w && [w.value, ...pos(w.span)]
}

describe('extractDockerCommands: POSIX', () => {
  it('finds a docker run and its image with exact positions', () => {
    const run = one<DockerRunCommand>('echo hi\n  docker run --rm mcr.microsoft.com/windows/servercore:ltsc2022 cmd /c dir')
    expect(run.type).toBe('run')
    expect(word(run.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022', 2, 19, 2, 64])
    expect(pos(run.span)).toEqual([2, 3, 2, 75])
  })

  it('follows backslash continuations, with -f on the next line', () => {
    const script = 'docker build \\\n  -f docker/Dockerfile.windows \\\n  -t img:1 .\ndocker push img:1'
    const build = one<DockerBuildCommand>(script)
    expect(word(build.file)).toEqual(['docker/Dockerfile.windows', 2, 6, 2, 31])
    expect(build.tags.map(word)).toEqual([['img:1', 3, 6, 3, 11]])
    expect(word(build.context)).toEqual(['.', 3, 12, 3, 13])
    expect(pos(build.span)).toEqual([1, 1, 3, 13])
  })

  it('reads --isolation=hyperv and --isolation hyperv alike, with the span of the value', () => {
    const [a, b] = extract('docker run --isolation=hyperv img\ndocker run --isolation hyperv img') as DockerRunCommand[]
    expect(word(a!.isolation)).toEqual(['hyperv', 1, 24, 1, 30])
    expect(word(b!.isolation)).toEqual(['hyperv', 2, 24, 2, 30])
    expect(a!.image?.value).toBe('img')
    expect(b!.image?.value).toBe('img')
  })

  it('skips the values of options before the image, and knows the boolean flags', () => {
    const run = one<DockerRunCommand>(
      'docker run -it --rm -e A=B -v /x:/y --name c1 -p 80:80 --platform windows/amd64 -w /app ' +
        'mcr.microsoft.com/windows/nanoserver:1809 cmd --isolation process',
    )
    expect(run.image?.value).toBe('mcr.microsoft.com/windows/nanoserver:1809')
    expect(run.platform?.value).toBe('windows/amd64')
    expect(run.isolation).toBeUndefined() // after the image, the words belong to the container's command
  })

  it('handles combined short flags and attached short values', () => {
    expect(one<DockerRunCommand>('docker run -dit img1').image?.value).toBe('img1')
    expect(one<DockerRunCommand>('docker run -ti -eX=1 img2 sh').image?.value).toBe('img2')
    expect(one<DockerRunCommand>('docker run -itv /a:/b img3').image?.value).toBe('img3')
    expect(one<DockerRunCommand>('docker run --detach --name=x img4').image?.value).toBe('img4')
  })

  it('reads build options: -f/--file, -t/--tag, --build-arg forms, --platform, --target, context', () => {
    const build = one<DockerBuildCommand>(
      'docker build --file=Dockerfile.win --tag a:1 -t b:2 --build-arg TAG=ltsc2022 --build-arg=BASE=nano ' +
        '--build-arg HTTP_PROXY --platform windows/amd64 --target final --no-cache --isolation=process ctx/',
    )
    expect(build.file?.value).toBe('Dockerfile.win')
    expect(build.tags.map((t) => t.value)).toEqual(['a:1', 'b:2'])
    expect(build.buildArgs.map((a) => [a.name, a.value])).toEqual([
      ['TAG', 'ltsc2022'],
      ['BASE', 'nano'],
      ['HTTP_PROXY', undefined],
    ])
    expect(pos(build.buildArgs[1]!.span)).toEqual([1, 90, 1, 99])
    expect(build.platform?.value).toBe('windows/amd64')
    expect(build.target?.value).toBe('final')
    expect(build.isolation?.value).toBe('process')
    expect(build.context?.value).toBe('ctx/')
  })

  it('removes quotes from values but keeps them in spans', () => {
    const build = one<DockerBuildCommand>('docker build -f "my dir/Dockerfile" --build-arg \'V=a b\' .')
    expect(word(build.file)).toEqual(['my dir/Dockerfile', 1, 17, 1, 36])
    expect(build.buildArgs[0]).toMatchObject({ name: 'V', value: 'a b' })
    expect(pos(build.buildArgs[0]!.span)).toEqual([1, 49, 1, 56])
  })

  it('keeps ${{ }} expressions with spaces inside one word, and $VAR as written', () => {
    const build = one<DockerBuildCommand>(
      'docker build --tag ${{ fromJSON(steps.meta.outputs.json).tags[0] }} -f $DOCKERFILE ' +
        '--build-arg WINDOWS_VERSION=ltsc${{ matrix.windows-base-version }} .',
    )
    expect(build.tags.map((t) => t.value)).toEqual(['${{ fromJSON(steps.meta.outputs.json).tags[0] }}'])
    expect(build.file?.value).toBe('$DOCKERFILE')
    expect(build.buildArgs[0]).toMatchObject({
      name: 'WINDOWS_VERSION',
      value: 'ltsc${{ matrix.windows-base-version }}',
    })
    expect(build.context?.value).toBe('.')
  })

  it('splits && chains, ;, | and newlines into separate commands', () => {
    const commands = extract('docker pull a && docker run b; docker build . | tee log\ndocker create c || true')
    expect(commands.map((c) => c.type)).toEqual(['pull', 'run', 'build', 'create'])
    expect((commands[1] as DockerRunCommand).image?.value).toBe('b')
    expect((commands[2] as DockerBuildCommand).context?.value).toBe('.')
  })

  it('requires docker to be the command word', () => {
    expect(extract('echo docker run foo\nprintf "%s" "docker build ."\nmake docker-build\n# docker run x')).toEqual([])
  })

  it('recognises sudo, env assignments, keywords and docker.exe in front of the command', () => {
    const commands = extract(
      'sudo -E docker run a\nFOO=1 BAR="x y" docker run b\nif docker run c; then docker.exe run d; fi\n' +
        '/usr/bin/docker run e\nenv A=1 docker run f',
    )
    expect(commands.map((c) => (c as DockerRunCommand).image?.value)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })

  it('skips global docker options before the subcommand', () => {
    const run = one<DockerRunCommand>('docker --context win -H tcp://h:2375 -D --tlsverify --log-level=debug run img')
    expect(run.image?.value).toBe('img')
  })

  it('recognises the subcommand spellings', () => {
    const commands = extract(
      [
        'docker buildx build --platform windows/amd64 .',
        'docker buildx --builder b build .',
        'docker image build .',
        'docker builder build .',
        'docker container run i1',
        'docker container create i2',
        'docker image pull i3',
        'docker push i4',
        'docker images',
      ].join('\n'),
    )
    expect(commands.map((c) => c.type)).toEqual(['build', 'build', 'build', 'build', 'run', 'create', 'pull'])
    expect((commands[6] as DockerPullCommand).image?.value).toBe('i3')
  })

  it('reads docker compose and docker-compose files and subcommand', () => {
    const [a, b] = extract(
      'docker compose -f a.yml --file=b.yml -p proj up -d\ndocker-compose -f c.yml build svc',
    ) as DockerComposeCommand[]
    expect(a!.files.map((f) => f.value)).toEqual(['a.yml', 'b.yml'])
    expect(a!.subcommand).toBe('up')
    expect(word(b!.files[0])).toEqual(['c.yml', 2, 19, 2, 24])
    expect(b!.subcommand).toBe('build')
  })

  it('reads the --build-arg values of compose build only (up --build takes none), with the services after them', () => {
    const [build, up] = extract(
      'docker compose build --build-arg RELEASE=ltsc2022 --no-cache --build-arg TAG web db\ndocker compose up --build-arg X=1 web',
    ) as DockerComposeCommand[]
    expect(build!.buildArgs?.map((a) => `${a.name}=${a.value}`)).toEqual(['RELEASE=ltsc2022', 'TAG=undefined'])
    expect(word({ value: build!.buildArgs![0]!.name, span: build!.buildArgs![0]!.span })).toEqual(['RELEASE', 1, 34, 1, 50])
    expect(build!.services?.map((s) => s.value)).toEqual(['web', 'db'])
    expect(up!.buildArgs).toBeUndefined()
    expect(up!.services?.map((s) => s.value)).toEqual(['web'])
  })

  it('reads the --scale values of compose up and create, with the services after them', () => {
    const [up, create, run, build] = extract(
      [
        'docker compose up -d --scale web=0 --scale=worker=2 web worker',
        'docker-compose create --scale db=0',
        'docker compose run --rm tool',
        'docker compose build --scale x=0 web',
      ].join('\n'),
    ) as DockerComposeCommand[]
    expect(up!.scales?.map((w) => w.value)).toEqual(['web=0', 'worker=2'])
    expect(word(up!.scales![1])).toEqual(['worker=2', 1, 44, 1, 52])
    expect(up!.services?.map((s) => s.value)).toEqual(['web', 'worker'])
    expect(create!.scales?.map((w) => w.value)).toEqual(['db=0'])
    expect(run!.scales).toBeUndefined()
    expect(build!.scales).toBeUndefined()
    expect(build!.services?.map((s) => s.value)).toEqual(['web'])
  })

  it('reads docker pull with --platform', () => {
    const pull = one<DockerPullCommand>("docker pull --platform='windows/amd64' -q mcr.microsoft.com/windows:1909")
    expect(pull.platform?.value).toBe('windows/amd64')
    expect(pos(pull.platform!.span)).toEqual([1, 24, 1, 39])
    expect(pull.image?.value).toBe('mcr.microsoft.com/windows:1909')
  })

  it('ignores redirections and skips here-documents', () => {
    const commands = extract('docker build -t x . > build.log 2>&1\ncat <<EOF\ndocker run no\nEOF\ndocker run yes')
    expect(commands.map((c) => c.type)).toEqual(['build', 'run'])
    expect((commands[0] as DockerBuildCommand).context?.value).toBe('.')
    expect((commands[1] as DockerRunCommand).image?.value).toBe('yes')
  })

  it('keeps $(…) and "$(…)" command substitutions inside one word', () => {
    const build = one<DockerBuildCommand>('docker build -t "img:$(git rev-parse --short HEAD)" $(pwd)/ctx')
    expect(build.tags[0]?.value).toBe('img:$(git rev-parse --short HEAD)')
    expect(build.context?.value).toBe('$(pwd)/ctx')
  })

  it('skips an expression that expands to options', () => {
    const run = one<DockerRunCommand>('docker run --name x -d ${{ inputs.docker_run_options }} -v a:b image:1 --help')
    expect(run.image?.value).toBe('image:1')
  })

  it('ends a word at a no-break space or a byte order mark in every dialect, and keeps other non-ASCII text in it', () => {
    for (const dialect of ['posix', 'powershell', 'cmd'] as const) {
      const run = one<DockerRunCommand>('docker run --rm reg.example/\u00e9-img:1\u00a0cmd /c ver', dialect)
      expect(word(run.image), dialect).toEqual(['reg.example/\u00e9-img:1', 1, 17, 1, 36])
      expect(one<DockerRunCommand>('docker run --rm img:2\ufeffcmd', dialect).image?.value, dialect).toBe('img:2')
    }
  })

  it('does not throw on unterminated quotes', () => {
    const run = one<DockerRunCommand>('docker run img "unterminated')
    expect(run.image?.value).toBe('img')
    expect(extract("docker build -f 'oops")).toHaveLength(1)
  })
})

describe('extractDockerCommands: words that expand to any number of words', () => {
  const run = (script: string, dialect: ShellDialect = 'posix'): DockerRunCommand => one<DockerRunCommand>(script, dialect)

  it('takes no image after an array or the arguments in sh, and keeps the word that hides it', () => {
    // envoy's ci/run_envoy_docker.sh: the array may hold options, or the image.
    const envoy = run('docker run --rm \\\n  "${ENVOY_DOCKER_OPTIONS[@]}" \\\n  -v a:b "${ENVOY_BUILD_IMAGE}" cmd')
    expect(envoy.image).toBeUndefined()
    expect(word(envoy.spread)).toEqual(['${ENVOY_DOCKER_OPTIONS[@]}', 2, 3, 2, 31])
    for (const w of ['"$@"', '$@', '${@}', '"${@:2}"', '${OPTS[@]}', '"${!OPTS[@]}"', '${OPTS[*]}', '$*', '--x="${A[@]}"']) {
      expect(run(`docker run ${w} img`).spread?.value, w).toBeDefined()
      expect(run(`docker run ${w} img`).image, w).toBeUndefined()
    }
    // As an option's value too: the option may take the array's first word, and the image be the next.
    expect(run('docker run -e "${ENVS[@]}" img').spread?.value).toBe('${ENVS[@]}')
    expect(one<DockerPullCommand>('docker pull "$@"').spread?.value).toBe('$@')
  })

  it('reads the image as before when the word is one word, or comes after the image', () => {
    // Quoted `*` joins the items into one word; `#` counts them; single quotes pass the text on.
    for (const w of ['"${OPTS[*]}"', '"$*"', '${#OPTS[@]}', "'${OPTS[@]}'", '"$OPT"', '$OPT']) {
      expect(run(`docker run ${w} img`).spread, w).toBeUndefined()
    }
    const after = run('docker run --rm img "${CMD[@]}" "$@"')
    expect(after.image?.value).toBe('img')
    expect(after.spread).toBeUndefined()
  })

  it('reads PowerShell splatting and $args, and cmd %*, the same way', () => {
    for (const w of ['@args', '@opts', '@PSBoundParameters', '$args', '$Args']) {
      expect(run(`docker run ${w} $image`, 'powershell').spread?.value, w).toBe(w)
    }
    expect(run('docker run "@args" img', 'powershell').image?.value).toBe('@args')
    expect(run('docker run $opts img', 'powershell').image?.value).toBe('$opts')
    expect(run('docker run %* img', 'cmd').spread?.value).toBe('%*')
    // Outside PowerShell, @args is a word as written.
    expect(run('docker run @args', 'posix').image?.value).toBe('@args')
  })
})

describe('extractDockerCommands: docker tag', () => {
  const tag = (script: string, dialect: ShellDialect = 'posix'): DockerTagCommand => one<DockerTagCommand>(script, dialect)

  it('reads the source and the target of docker tag and docker image tag, with their spans', () => {
    const a = tag('docker tag myorg/app:ci registry.example.com/app:1')
    expect(a.type).toBe('tag')
    expect(word(a.source)).toEqual(['myorg/app:ci', 1, 12, 1, 24])
    expect(word(a.target)).toEqual(['registry.example.com/app:1', 1, 25, 1, 51])
    expect(pos(a.span)).toEqual([1, 1, 1, 51])
    const b = tag('docker --context default image tag "$IMAGE" ${{ env.REGISTRY }}/app:$TAG', 'posix')
    expect(b.source?.value).toBe('$IMAGE')
    expect(b.target?.value).toBe('${{ env.REGISTRY }}/app:$TAG')
    expect(word(b.engine)).toEqual(['default', 1, 18, 1, 25])
    const c = tag('docker tag $env:IMAGE "reg/app:$($env:TAG)"', 'powershell')
    expect([c.source?.value, c.target?.value]).toEqual(['$env:IMAGE', 'reg/app:$($env:TAG)'])
  })

  it('takes the first two positionals, after --help or an option bundle', () => {
    expect([tag('docker tag --help a b').source?.value, tag('docker tag --help a b').target?.value]).toEqual(['a', 'b'])
    expect(tag('docker tag ${{ inputs.tag_options }} a b').target?.value).toBe('b')
    expect(tag('docker tag a b c').target?.value).toBe('b')
    expect(tag('docker tag -- a b').source?.value).toBe('a')
  })

  it('is no command with fewer than two words', () => {
    expect(extract('docker tag')).toEqual([])
    expect(extract('docker tag a')).toEqual([])
    expect(extract('docker image tag a')).toEqual([])
    expect(extract('docker tag --help')).toEqual([])
  })

  it('leaves both unknown when a word up to the target expands to any number of words', () => {
    for (const script of ['docker tag "$@"', 'docker tag "$@" b', 'docker tag a "${TAGS[@]}"', 'docker tag a $*']) {
      const t = tag(script)
      expect(t.source, script).toBeUndefined()
      expect(t.target, script).toBeUndefined()
    }
    expect(tag('docker tag @args', 'powershell').target).toBeUndefined()
    // After the target, or one word: as written.
    expect(tag('docker tag a b "$@"').target?.value).toBe('b')
    expect(tag('docker tag "$*" b').source?.value).toBe('$*')
  })
})

describe('extractDockerCommands: PowerShell', () => {
  it('follows backtick continuations', () => {
    const script = 'docker build -f Dockerfile.nanoserver `\n  --tag a:1 `\n  --isolation hyperv .\ndocker push a:1'
    const build = one<DockerBuildCommand>(script, 'powershell')
    expect(word(build.file)).toEqual(['Dockerfile.nanoserver', 1, 17, 1, 38])
    expect(word(build.tags[0])).toEqual(['a:1', 2, 9, 2, 12])
    expect(word(build.isolation)).toEqual(['hyperv', 3, 15, 3, 21])
    expect(word(build.context)).toEqual(['.', 3, 22, 3, 23])
  })

  it('treats backslashes as plain characters in strings', () => {
    const run = one<DockerRunCommand>('docker run --rm img cmd /c "dir C:\\"\ndocker info', 'powershell')
    expect(run.image?.value).toBe('img')
    expect(pos(run.span)).toEqual([1, 1, 1, 37])
  })

  it('understands the call operator, assignments and script blocks', () => {
    const commands = extract(
      [
        '& docker build -t a .',
        '$id = & "${{ env.BIN_OUT }}\\docker" run -d img1',
        '$running = docker inspect x',
        'if ($x -eq 1) { docker run --isolation=hyperv img2 }',
        'Write-Host "docker build ."',
      ].join('\n'),
      'powershell',
    )
    expect(commands.map((c) => c.type)).toEqual(['build', 'run', 'run'])
    expect((commands[1] as DockerRunCommand).image?.value).toBe('img1')
    expect((commands[2] as DockerRunCommand).image?.value).toBe('img2')
    expect((commands[2] as DockerRunCommand).isolation?.value).toBe('hyperv')
  })

  it('keeps $env:NAME and ${env:NAME} in words, and unescapes backticks in strings', () => {
    const build = one<DockerBuildCommand>(
      'docker build --build-arg "COMMIT=${env:COMMIT}" -t repo:$env:TAG "C`:\\ctx"',
      'powershell',
    )
    expect(build.buildArgs[0]).toMatchObject({ name: 'COMMIT', value: '${env:COMMIT}' })
    expect(build.tags[0]?.value).toBe('repo:$env:TAG')
    expect(build.context?.value).toBe('C:\\ctx')
  })

  it('skips # comments and <# #> blocks', () => {
    expect(extract('# docker run a\n<# docker run b\n#>\ndocker run c # docker run d', 'powershell')).toHaveLength(1)
  })
})

describe('extractDockerCommands: cmd', () => {
  it('follows ^ continuations and splits on &', () => {
    const commands = extract('@docker build ^\n  -f Dockerfile ^\n  . & docker run img\nREM docker run no', 'cmd')
    expect(commands.map((c) => c.type)).toEqual(['build', 'run'])
    expect(word((commands[0] as DockerBuildCommand).file)).toEqual(['Dockerfile', 2, 6, 2, 16])
    expect(pos(commands[0]!.span)).toEqual([1, 2, 3, 4])
  })
})

describe('splitCommands', () => {
  /** The script offset of every character of every word. */
  const offsets = (script: string, d: ShellDialect): number[][] =>
    splitCommands(script, d).flatMap((words) => words.map((w) => [...w.value].map((_, i) => sourceOffset(w, i))))

  it('records the offsets of every character of a word', () => {
    expect(splitCommands('"a"b  x', 'posix')).toEqual([
      [
        { value: 'ab', runs: [0, 1, 1, 3], start: 0, end: 4, quoted: true },
        { value: 'x', runs: undefined, start: 6, end: 7, quoted: false },
      ],
    ])
    expect(offsets('"a"b  x', 'posix')).toEqual([[1, 3], [6]])
  })

  it('gives each character of a quoted, escaped or continued word its own offset', () => {
    expect(offsets(`'ab'cd "e\\"f`, 'posix')).toEqual([[1, 2, 4, 5], [8, 10, 11]])
    expect(offsets('a\\\nb \'c\'', 'posix')).toEqual([[0, 3], [6]])
    expect(offsets('"x""y" `$z', 'powershell')).toEqual([[1, 2, 4], [8, 9]])
    expect(offsets('"a"b ^&c', 'cmd')).toEqual([[1, 3], [6, 7]])
    expect(offsets('x${{ a }}y', 'posix')).toEqual([[...Array(10).keys()]])
  })
})

describe('splitCommands: a $ the shell keeps as text', () => {
  /** Each word's value, a literal `$` shown as `<$>`. */
  const values = (script: string, d: ShellDialect): string[] =>
    splitCommands(script, d).flatMap((words) => words.map((w) => w.value.replaceAll(LITERAL_DOLLAR, '<$>')))

  it('marks a $ in single quotes or escaped (sh), and leaves those the shell expands', () => {
    expect(values(`'a:$T' a:\\$T "a:\\$T" "a:$T" a:$T '\\$T'`, 'posix')).toEqual(['a:<$>T', 'a:<$>T', 'a:<$>T', 'a:$T', 'a:$T', '\\<$>T'])
    // GitHub replaces ${{ … }} before the shell runs, quoted or not; isolint's own marks are never literal.
    const unknown = unknownValue('X')
    expect(values(`'\${{ env.T }}' '${unknown}'`, 'posix')).toEqual(['${{ env.T }}', unknown])
  })

  it('marks a $ in PowerShell single quotes, single-quoted here-strings and after a backtick', () => {
    expect(values("'a:$env:T' \"a:`$env:T\" a:`$T \"a:$env:T\"", 'powershell')).toEqual(['a:<$>env:T', 'a:<$>env:T', 'a:<$>T', 'a:$env:T'])
    expect(values("@'\n$env:T ${{ env.T }}\n'@ @\"\n$env:T\n\"@", 'powershell')).toEqual(['<$>env:T ${{ env.T }}', '$env:T'])
    // A double-quoted here-string applies backtick escapes as "…" does; its quotes are text.
    expect(values('@"\n`$env:T "$env:U"\n"@', 'powershell')).toEqual(['<$>env:T "$env:U"'])
  })

  it("reads PowerShell's backtick escapes in double quotes and bare words alike; single quotes keep the backtick", () => {
    expect(values('"a`tb`nc" a`nb `0`a`b`f`r`v "`"x`"" ``x \'a`nb\'', 'powershell')).toEqual([
      'a\tb\nc', 'a\nb', '\0\x07\b\f\r\v', '"x"', '`x', 'a`nb',
    ])
    expect(values('@"\nX=1`nY=2\n"@', 'powershell')).toEqual(['X=1\nY=2'])
    // Blanks may follow a here-string's opener.
    expect(values('@" \t\nX=1\n"@', 'powershell')).toEqual(['X=1'])
    // The characters after an escape keep their place in the script.
    const word = splitCommands('echo "a`nbc"', 'powershell')[0]![1]!
    expect(sourceOffset(word, 2)).toBe('echo "a`nb'.length - 1)
    expect(sourceOffset(word, 3)).toBe('echo "a`nbc'.length - 1)
  })

  it('reads PowerShell\'s `e and `u{…} as unknown: PowerShell 6+ and Windows PowerShell 5.1 read them differently', () => {
    const expanded = (script: string) => expandValue(splitCommands(script, 'powershell')[0]![2]!.value, { matrix: new Map(), env: new Map() })
    expect(expanded('docker run "img:`e"')).toEqual({ unresolved: ['`e'] })
    expect(expanded('docker run img:`u{41}x')).toEqual({ unresolved: ['`u{41}'] })
    expect(expanded('docker run img:`u')).toEqual({ unresolved: ['`u'] })
    expect(expanded('docker run "img:`U"')).toEqual({ value: 'img:U', unresolved: [] })
  })

  it('marks every $ in cmd, which expands none (`${T}` too), but for ${{ … }} and an Azure macro as the Azure reader marks it', () => {
    expect(values('a:$T "a:$T" a:%T% ${{ env.T }} a:${T} a:\u0024\uE002T\uE003', 'cmd')).toEqual(['a:<$>T', 'a:<$>T', `a:${cmdVariableText('T')}`, '${{ env.T }}', 'a:<$>{T}', 'a:$\uE002T\uE003'])
  })

  it('reads cmd\'s %NAME% as the environment variable, in quotes and out; %% is one %, other % text', () => {
    expect(values('a:%T% "b:%T%" %%T%% 50% %~1 %T:~0,3%', 'cmd')).toEqual([`a:${cmdVariableText('T')}`, `b:${cmdVariableText('T')}`, '%T%', '50%', '%~1', '%T:~0,3%'])
    const word = splitCommands('docker run img:%tag%-x', 'cmd')[0]![2]!
    expect(expandValue(word.value, { matrix: new Map(), env: new Map([['TAG', 'ltsc2019']]) })).toEqual({ value: 'img:ltsc2019-x', unresolved: [] })
    // The characters after it keep their place in the script.
    expect(sourceOffset(word, word.value.length - 1)).toBe('docker run img:%tag%-x'.length - 1)
  })

  it('reads PowerShell words after --% as the program gets them: every $ literal, the --% dropped, to a | or the line end', () => {
    expect(values('docker --% run "a b:$env:T" x;y `$z %T% ${{ env.T }}\ndocker run $T', 'powershell')).toEqual([
      'docker', 'run', 'a b:<$>env:T', 'x;y', '`<$>z', cmdVariableText('T'), '${{ env.T }}', 'docker', 'run', '$T',
    ])
    expect(splitCommands('docker run --% img:$T | Out-Null', 'powershell').map((c) => c.map((w) => w.value))).toEqual([
      ['docker', 'run', `img:${LITERAL_DOLLAR}T`],
      ['Out-Null'],
    ])
    // Quoted, it is an argument like any other.
    expect(values("docker '--%' $T", 'powershell')).toEqual(['docker', '--%', '$T'])
  })

  it('marks a $ escaped with ^ in cmd (a:^$T is the text a:$T)', () => {
    expect(values('a:^$T "a:^$T" ^$', 'cmd')).toEqual(['a:<$>T', 'a:^<$>T', '<$>'])
  })

  it('gives a marked $ back as text when the value is expanded, never as a variable', () => {
    const word = splitCommands(`'img:$TAG'`, 'posix')[0]![0]!
    expect(expandValue(word.value, { matrix: new Map(), env: new Map([['TAG', 'ltsc2019']]) })).toEqual({ value: 'img:$TAG', unresolved: [] })
    // A value isolint cannot know, in single quotes: unknown, shown as written.
    const unknown = splitCommands(`'img:$TAG:${unknownValue('$(V)')}'`, 'posix')[0]![0]!
    expect(expandValue(unknown.value, { matrix: new Map(), env: new Map() })).toEqual({ unresolved: ['$(V)'] })
    // A literal $ inside a piece with no value: the piece is shown with its `$` (\$B in "${A?\$B}"), never the mark.
    const piece = splitCommands('"img:${A?\\$B}"', 'posix')[0]![0]!
    expect(expandValue(piece.value, { matrix: new Map(), env: new Map() })).toEqual({ unresolved: ['${A?$B}'] })
  })
})

describe('guessScriptDialect', () => {
  it('tells PowerShell from POSIX by their continuations and idioms', () => {
    expect(guessScriptDialect('docker build `\n  -t x .')).toBe('powershell')
    expect(guessScriptDialect('docker build \\\n  -t x .')).toBe('posix')
    expect(guessScriptDialect('docker build .')).toBeUndefined()
  })
})

describe('robustness', () => {
  it('never throws, and every span lies inside the script', () => {
    const alphabet = fc.constantFrom(
      ...['docker ', 'run ', 'build ', '-f ', '--isolation=', '"', "'", '`', '\\', '\n', '${{ ', ' }}', '$(', ')'],
      ...['&', '&&', '|', ';', '#', '<<EOF\n', 'EOF\n', '^', '{', '}', 'x', ' ', '=', '@'],
    )
    const dialects = fc.constantFrom<ShellDialect[]>('posix', 'powershell', 'cmd')
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), dialects, (parts, d) => {
        const script = parts.join('')
        const lines = new LineIndex(script)
        const last = lines.position(script.length)
        const commands = extractDockerCommands(script, d, (s, e) => {
          expect(s).toBeGreaterThanOrEqual(0)
          expect(e).toBeGreaterThanOrEqual(s)
          expect(e).toBeLessThanOrEqual(script.length)
          return lines.span('f', s, e)
        })
        for (const c of commands) expect(c.span.end.line).toBeLessThanOrEqual(last.line)
      }),
      { numRuns: runs(500) },
    )
  })

  it('is linear on large scripts', () => {
    const script = 'docker run --rm img cmd /c "echo a"\n'.repeat(20_000)
    const t = performance.now()
    expect(extract(script)).toHaveLength(20_000)
    expect(performance.now() - t).toBeLessThan(5_000)
  })
})

describe('invocations (scriptCommands)', () => {
  const invocations = (script: string, dialect: ShellDialect) => {
    const lines = new LineIndex(script)
    return scriptCommands(splitCommands(script, dialect), dialect, (s, e) => lines.span('s', s, e)).invocations
  }
  const invoked = (script: string, dialect: ShellDialect): string[] => invocations(script, dialect).map((inv) => inv.words.map((w) => w.value).join(' '))

  it('finds the commands that run another file, whatever the case of their name, and only those', () => {
    const script = 'docker build .\nMAKE image\n./ci/Build.PS1 -Version 1809\ncall build.BAT\nC:\\tools\\GMAKE.EXE all\necho done\nbash ./x.sh\n""\n'
    expect(invoked(script, 'powershell')).toEqual(['MAKE image', './ci/Build.PS1 -Version 1809', 'call build.BAT', 'C:\\tools\\GMAKE.EXE all', 'bash ./x.sh'])
    expect(invoked('A=1 make image\nmake.txt x\n', 'posix')).toEqual(['make image'])
  })

  it('skips the prefixes the docker recogniser skips (sudo, env, time, nohup, exec, command, keywords), per dialect', () => {
    expect(
      invoked(
        [
          'sudo ./build.sh',
          'sudo -u ci -E -- make images',
          'env X=1 make images',
          'time ./ci/build.sh 1809',
          'nohup bash ./x.sh',
          'exec ./run.sh',
          'command make',
          'if true; then ./build.sh; fi',
          'A[1]=x B+=y ./arr.sh',
          '"X=1" ./not-an-assignment.sh',
          '. ./env.sh',
          'sudo',
        ].join('\n'),
        'posix',
      ),
    ).toEqual(['./build.sh', 'make images', 'make images', './ci/build.sh 1809', 'bash ./x.sh', './run.sh', 'make', './build.sh', './arr.sh', './env.sh'])
    expect(invoked('$out = ./build.ps1 -V 1\n. ./env.ps1\n& ./run.ps1\nsudo make\n', 'powershell')).toEqual(['./build.ps1 -V 1', './env.ps1', './run.ps1', 'make'])
    expect(invoked('call build.cmd 1809\nCALL make\n', 'cmd')).toEqual(['build.cmd 1809', 'make'])
  })

  it('keeps what the prefixes do to the environment: assignments, and sudo resetting it', () => {
    const script = [
      'X=1 env Y=2 make',
      'X=1 sudo Y=2 make',
      'sudo -u ci -E make',
      'sudo --preserve-env=A,B make',
      'sudo -i ./build.sh',
      'sudo -D /x make',
      'sudo -Ei ./build.sh',
      'sudo --chdir /x make',
      'A[1]=x B+=y make',
      'X=1 sudo -E make',
      'X=1 Y=2 sudo --preserve-env=X make',
      'sudo -Eu ci make',
      'sudo --user ci make',
      'sudo -uadmin make',
      'sudo -uEve X=1 make',
      'sudo -gDevs make',
    ].join('\n')
    const read = (inv: Invocation) => [
      inv.words[0]!.value,
      inv.assignments?.map((w) => w.value) ?? [],
      inv.envReset?.keep ?? null,
      inv.envReset?.dropped.map((w) => w.value) ?? [],
      inv.moved ?? false,
    ]
    expect(invocations(script, 'posix').map(read)).toEqual([
      ['make', ['X=1', 'Y=2'], null, [], false],
      // What was set before sudo may or may not reach the command (sudoers): unknown, not known.
      ['make', ['Y=2'], [], ['X=1'], false],
      ['make', [], null, [], false],
      ['make', [], ['A', 'B'], [], false],
      // -i, -D, --chdir (also in a cluster: -Ei) run the command in another folder: its paths are unknown.
      ['./build.sh', [], [], [], true],
      ['make', [], [], [], true],
      ['./build.sh', [], null, [], true],
      ['make', [], [], [], true],
      ['make', ['A[1]=x', 'B+=y'], null, [], false],
      // sudo -E keeps what was set before it; --preserve-env=X keeps X.
      ['make', ['X=1'], null, [], false],
      ['make', ['X=1'], ['X'], ['Y=2'], false],
      // -u takes the next word, also at the end of a cluster (-Eu ci) and in its long form (--user ci).
      ['make', [], null, [], false],
      ['make', [], [], [], false],
      // A value written inline is no option: -uadmin is not -i, -uEve is not -E, -gDevs is not -D.
      ['make', [], [], [], false],
      ['make', ['X=1'], [], [], false],
      ['make', [], [], [], false],
    ])
  })

  it('follows a command after the same prefixes as `docker` is recognised after them', () => {
    const prefixes = ['', 'sudo', 'sudo -u ci', 'env X=1', 'X=1', 'time', 'nohup', 'exec', 'command', 'then', '!', 'echo', '"X=1"', 'nice']
    for (const p of prefixes) {
      const recognised = extractDockerCommands(`${p} docker build .`, 'posix', (s, e) => new LineIndex('').span('s', s, e)).length > 0
      expect(invoked(`${p} ./build.sh`, 'posix').length > 0, p).toBe(recognised)
    }
  })
})

describe('programName', () => {
  it.each([
    ['docker', 'docker'],
    ['C:\\Program Files\\Docker\\Docker.EXE', 'docker'],
    ['/usr/bin/bash', 'bash'],
    ['tools/gen.exe.sh', 'gen.exe.sh'],
    ['', ''],
  ])('%s is %s', (word, name) => expect(programName(word)).toBe(name))
})

describe('splitCommands: words of ordinary characters', () => {
  const split = (script: string, dialect: ShellDialect): (readonly [string, number, number, boolean])[][] =>
    splitCommands(script, dialect).map((words) => words.map((w) => [w.value, w.start, w.end, w.runs === undefined] as const))

  it('ends a plain word at a blank, a line break, an operator and the end of the script, as written', () => {
    expect(split('a bb\nc;d|e', 'posix')).toEqual([[['a', 0, 1, true], ['bb', 2, 4, true]], [['c', 5, 6, true]], [['d', 7, 8, true]], [['e', 9, 10, true]]])
    expect(split('x{y}', 'powershell')).toEqual([[['x', 0, 1, true]], [['y', 2, 3, true]]])
  })

  it('reads on past an ordinary run when a quote, an escape or an expansion follows', () => {
    expect(split('a"b c"d', 'posix')).toEqual([[['ab cd', 0, 7, false]]])
    expect(split('a,b', 'powershell')).toEqual([[['a,b', 0, 3, true]]])
    expect(split('x%NAME%', 'cmd')[0]![0]![0]).toBe(`x${cmdVariableText('NAME')}`)
  })

  it('still reads comments and operators that start with a character ordinary in a word', () => {
    expect(split('a # b\n2>&1 c *>x d', 'posix')).toEqual([[['a', 0, 1, true]], [['c', 11, 12, true], ['*', 13, 14, true], ['d', 17, 18, true]]])
    expect(split('a 2>&1 b\n# c', 'powershell')).toEqual([[['a', 0, 1, true], ['b', 7, 8, true]]])
    expect(split('rem x\n:: y\nz 2>nul', 'cmd')).toEqual([[['z', 11, 12, true]]])
    // cmd's `(` opens a group (in a word it is text: `echo a(b`).
    expect(split('(cd a)\necho a(b', 'cmd')).toEqual([[['cd', 1, 3, true], ['a', 4, 5, true]], [['echo', 7, 11, true], ['a(b', 12, 15, true]]])
  })
})
