import { describe, expect, it } from 'vitest'
import type { Span } from '../../src/core/span.js'
import type { DockerBuildCommand, DockerCommand, DockerRunCommand, Word } from '../../src/model/workflow.js'
import { buildActionFor } from '../../src/kb/build-actions.js'
import { dialectOfShell, MAX_MATRIX_COMBINATIONS, parseWorkflow, usesAction, type ParsedJob } from '../../src/parsers/workflow.js'
import { corpusEntries, describeCorpus, readCorpus } from '../harness/corpus.js'

/** [line, column] of a span's start. */
function at(span: Span | undefined): [number, number] | undefined {
  return span && [span.start.line, span.start.column]
}

function word(w: Word | undefined): [string, number, number] | undefined {
  return w && [w.value, w.span.start.line, w.span.start.column]
}

function parse(text: string) {
  const result = parseWorkflow('.github/workflows/ci.yml', text)
  expect(result.problems).toEqual([])
  expect(result.model).toBeDefined()
  return result.model!
}

function job(text: string, id?: string): ParsedJob {
  const model = parse(text)
  const found = id === undefined ? model.jobs[0] : model.jobs.find((j) => j.id === id)
  expect(found).toBeDefined()
  return found!
}

function combos(j: ParsedJob): Record<string, string>[] {
  return j.matrix.map((m) => Object.fromEntries(m))
}

function allCommands(j: ParsedJob): DockerCommand[] {
  return j.steps.flatMap((s) => s.commands)
}

describe('parseWorkflow: structure', () => {
  it('reads jobs with their key spans and a plain runs-on label', () => {
    const model = parse(
      'on: push\njobs:\n  build:\n    runs-on: windows-2022\n    steps: []\n  test:\n    runs-on: ubuntu-latest\n',
    )
    expect(model.kind).toBe('workflow')
    expect(model.file).toBe('.github/workflows/ci.yml')
    expect(model.jobs.map((j) => [j.id, ...at(j.span)!])).toEqual([
      ['build', 3, 3],
      ['test', 6, 3],
    ])
    const [build] = model.jobs
    expect(build!.runsOn.map((l) => [l.value, ...at(l.span)!])).toEqual([['windows-2022', 4, 14]])
    expect(at(build!.runsOnSpan)).toEqual([4, 14])
    expect(build!.matrix.map((m) => [...m])).toEqual([[]])
  })

  it('reads runs-on as a list with a span per label', () => {
    const j = job('jobs:\n  b:\n    runs-on: [self-hosted, windows, x64]\n')
    expect(j.runsOn.map((l) => [l.value, ...at(l.span)!])).toEqual([
      ['self-hosted', 3, 15],
      ['windows', 3, 28],
      ['x64', 3, 37],
    ])
    expect(at(j.runsOnSpan)).toEqual([3, 14])
  })

  it('reads runs-on as a block list and as { group, labels }', () => {
    const list = job('jobs:\n  b:\n    runs-on:\n      - self-hosted\n      - windows-2019\n')
    expect(list.runsOn.map((l) => [l.value, l.span.start.line])).toEqual([
      ['self-hosted', 4],
      ['windows-2019', 5],
    ])
    const group = job('jobs:\n  b:\n    runs-on:\n      group: win-runners\n      labels: [windows-2025]\n')
    expect(group.runsOn.map((l) => [l.value, ...at(l.span)!])).toEqual([['windows-2025', 5, 16]])
    expect(group.runsOnGroup?.value).toBe('win-runners')
    expect(at(group.runsOnSpan)).toEqual([4, 7])
    const single = job('jobs:\n  b:\n    runs-on: { group: g, labels: windows-latest }\n')
    expect(single.runsOn.map((l) => l.value)).toEqual(['windows-latest'])
  })

  it('reads environment as a string or as { name, url }', () => {
    expect(job('jobs:\n  b:\n    environment: production\n').environment).toMatchObject({ value: 'production' })
    const j = job('jobs:\n  b:\n    environment:\n      name: staging\n      url: https://x\n')
    expect(j.environment?.value).toBe('staging')
    expect(at(j.environment?.span)).toEqual([4, 13])
  })

  it('merges workflow env with job env (job wins) and keeps step env separate', () => {
    const j = job(
      [
        'env:',
        '  A: wf',
        '  B: wf',
        'jobs:',
        '  b:',
        '    env:',
        '      B: job',
        '      C: 3',
        '    steps:',
        '      - run: echo',
        '        env:',
        '          D: step',
      ].join('\n'),
    )
    expect(Object.fromEntries(j.env)).toEqual({ A: 'wf', B: 'job', C: '3' })
    expect(at(j.envSpans.get('A'))).toEqual([2, 6])
    expect(at(j.envSpans.get('B'))).toEqual([7, 10])
    expect(Object.fromEntries(j.steps[0]!.env)).toEqual({ D: 'step' })
  })

  it('reads defaults.run.shell from the job, else the workflow, and the step shell wins', () => {
    const model = parse(
      [
        'defaults:',
        '  run:',
        '    shell: bash',
        'jobs:',
        '  a:',
        '    runs-on: windows-2022',
        '    steps:',
        '      - run: docker build .',
        '      - run: docker build .',
        '        shell: pwsh',
        '  b:',
        '    runs-on: windows-2022',
        '    defaults:',
        '      run:',
        '        shell: cmd',
        '        working-directory: src',
        '    steps:',
        '      - run: docker build .',
      ].join('\n'),
    )
    const [a, b] = model.jobs
    expect(a!.defaultShell).toBe('bash')
    expect(a!.steps.map((s) => [s.shell, s.dialect])).toEqual([
      ['bash', 'posix'],
      ['pwsh', 'powershell'],
    ])
    expect(b!.defaultShell).toBe('cmd')
    expect(b!.steps[0]).toMatchObject({ shell: 'cmd', dialect: 'cmd', workingDirectory: 'src' })
  })

  it('records a job-level uses: as a reusable workflow call', () => {
    const j = job('jobs:\n  call:\n    uses: ./.github/workflows/build.yml\n    with:\n      os: windows-2022\n')
    expect(j.usesWorkflow?.value).toBe('./.github/workflows/build.yml')
    expect(at(j.usesWorkflow?.span)).toEqual([3, 11])
    expect(j.runsOn).toEqual([])
    expect(j.steps).toEqual([])
  })

  it('gives each step its index, first-key span, name, id, uses and run', () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - name: Build',
        '        id: build',
        '        run: make',
        '        working-directory: app',
        '      -',
        '        name: Dashed',
        '        run: echo hi',
      ].join('\n'),
    )
    expect(j.steps.map((s) => [s.index, ...at(s.span)!])).toEqual([
      [0, 5, 9],
      [1, 6, 9],
      [2, 11, 9],
    ])
    expect(j.steps[0]!.uses).toMatchObject({ value: 'actions/checkout@v4' })
    expect(at(j.steps[0]!.uses?.span)).toEqual([5, 15])
    expect(j.steps[1]).toMatchObject({ name: 'Build', id: 'build', workingDirectory: 'app' })
    expect(j.steps[1]!.run?.value).toBe('make')
    expect(at(j.steps[1]!.run?.span)).toEqual([8, 14])
  })
})

describe('parseWorkflow: docker commands in run scripts', () => {
  it('places a command on the 3rd line of a run: | block at its exact line and column', () => {
    const j = job(
      [
        'jobs:', // 1
        '  b:', // 2
        '    runs-on: ubuntu-latest', // 3
        '    steps:', // 4
        '      - name: go', // 5
        '        run: |', // 6
        '          echo one', // 7
        '          echo two', // 8
        '            docker run --isolation=hyperv mcr.microsoft.com/windows/nanoserver:1809 cmd', // 9
      ].join('\n'),
    )
    const [run] = allCommands(j) as DockerRunCommand[]
    expect(run!.type).toBe('run')
    expect(at(run!.span)).toEqual([9, 13])
    expect(word(run!.isolation)).toEqual(['hyperv', 9, 36])
    expect(word(run!.image)).toEqual(['mcr.microsoft.com/windows/nanoserver:1809', 9, 43])
  })

  it('follows backslash continuations inside a run block', () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          docker build \\',
        '            -f win/Dockerfile \\',
        '            --build-arg TAG=ltsc2019 .',
      ].join('\n'),
    )
    const [build] = allCommands(j) as DockerBuildCommand[]
    expect(word(build!.file)).toEqual(['win/Dockerfile', 7, 16])
    expect(build!.buildArgs.map((a) => [a.name, a.value, ...at(a.span)!])).toEqual([['TAG', 'ltsc2019', 8, 25]])
    expect(word(build!.context)).toEqual(['.', 8, 38])
    expect(build!.span.end.line).toBe(8)
  })

  it('reads PowerShell on Windows runners when no shell is written, and keeps both readings', () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: windows-latest',
        '    steps:',
        '      - run: |',
        '          docker build -f Dockerfile.win `',
        '            -t img:1 .',
      ].join('\n'),
    )
    const step = j.steps[0]!
    expect(step.shell).toBeUndefined()
    expect(step.dialect).toBe('powershell')
    const [build] = step.commands as DockerBuildCommand[]
    expect(word(build!.file)).toEqual(['Dockerfile.win', 6, 27])
    expect(word(build!.tags[0])).toEqual(['img:1', 7, 16])
    expect(step.commandsByDialect?.powershell).toEqual(step.commands)
    expect((step.commandsByDialect?.posix[0] as DockerBuildCommand).tags).toEqual([])
  })

  it('uses the matrix to tell the runner OS, and the script when the runner is unknown', () => {
    const m = job(
      [
        'jobs:',
        '  b:',
        '    strategy:',
        '      matrix:',
        '        os: [ubuntu-latest, windows-2022]',
        '    runs-on: ${{ matrix.os }}',
        '    steps:',
        '      - run: docker build .',
      ].join('\n'),
    )
    expect(m.steps[0]!.dialect).toBe('powershell')
    const u = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ${{ inputs.os }}',
        '    steps:',
        '      - run: |',
        '          docker build `',
        '            -t x .',
      ].join('\n'),
    )
    expect(u.steps[0]!.dialect).toBe('powershell')
    expect((u.steps[0]!.commands[0] as DockerBuildCommand).tags.map((t) => t.value)).toEqual(['x'])
  })

  it('finds no commands in a python step', () => {
    const j = job('jobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker run x\n        shell: python\n')
    expect(j.steps[0]!.commands).toEqual([])
    expect(j.steps[0]!.dialect).toBeUndefined()
  })

  it('reads several commands in one script, in order', () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          docker pull a && docker build -t b . && docker run b',
        '          echo docker run not-this',
        '          docker create c',
      ].join('\n'),
    )
    expect(allCommands(j).map((c) => [c.type, ...at(c.span)!])).toEqual([
      ['pull', 6, 11],
      ['build', 6, 28],
      ['run', 6, 51],
      ['create', 8, 11],
    ])
  })

  it('maps a plain (single-line) run value', () => {
    const j = job('jobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker run   img:1\n')
    expect(word((allCommands(j)[0] as DockerRunCommand).image)).toEqual(['img:1', 5, 27])
  })
})

describe('usesAction', () => {
  it('reads a uses: value as the table and the patterns do, the same from the first reading and the remembered one', () => {
    const values = [
      'actions/checkout@v6',
      'Actions/Checkout@v4',
      'actions/checkout',
      'actions/checkout-extra@v1',
      'actions/github-script@v7',
      'actions/github-script',
      'docker/setup-buildx-action@v3',
      'DOCKER/Setup-Buildx-Action@v3',
      'docker/build-push-action@v6',
      'Docker/Build-Push-Action',
      'docker/build-push-action/sub@main',
      'mr-smithers-excellent/docker-build-push@v6',
      './.github/actions/build',
      'docker://alpine:3',
      '',
    ]
    for (const uses of values) {
      const expected = {
        build: buildActionFor(uses),
        checkout: /^actions\/checkout(?:@|$)/i.test(uses),
        githubScript: /^actions\/github-script@/i.test(uses),
        setupBuildx: /^docker\/setup-buildx-action@/i.test(uses),
      }
      expect(usesAction(uses), uses).toEqual(expected)
      expect(usesAction(uses), uses).toEqual(expected)
    }
    expect(usesAction('actions/checkout@v6').checkout).toBe(true)
    expect(usesAction('docker/build-push-action@v6').build).toBeDefined()
  })
})

describe('dialectOfShell', () => {
  it('reads the program of a shell: value, paths and arguments included', () => {
    expect(dialectOfShell('bash')).toBe('posix')
    expect(dialectOfShell('bash --noprofile --norc -eo pipefail {0}')).toBe('posix')
    expect(dialectOfShell('sh -e {0}')).toBe('posix')
    expect(dialectOfShell('pwsh')).toBe('powershell')
    expect(dialectOfShell('powershell -command ". \'{0}\'"')).toBe('powershell')
    expect(dialectOfShell('C:\\Program Files\\Git\\bin\\bash.EXE --noprofile {0}')).toBe('posix')
    expect(dialectOfShell('"C:\\tools\\pwsh.exe" {0}')).toBe('powershell')
    expect(dialectOfShell('cmd')).toBe('cmd')
    expect(dialectOfShell('python')).toBeNull()
    expect(dialectOfShell('${{ matrix.shell }}')).toBeUndefined()
  })
})

describe('parseWorkflow: docker/build-push-action', () => {
  it('turns the inputs into a build command with a span per list item', () => {
    const j = job(
      [
        'jobs:', // 1
        '  b:', // 2
        '    runs-on: ubuntu-latest', // 3
        '    steps:', // 4
        '      - uses: docker/build-push-action@v6', // 5
        '        with:', // 6
        '          context: ./app', // 7
        '          file: ./app/Dockerfile.windows', // 8
        '          platforms: windows/amd64', // 9
        '          target: final', // 10
        '          tags: |', // 11
        '            repo/a:1', // 12
        '            repo/a:latest,repo/b:2', // 13
        '          build-args: |', // 14
        '            WINDOWS_VERSION=ltsc2022', // 15
        '            PROXY', // 16
      ].join('\n'),
    )
    const [build] = allCommands(j) as DockerBuildCommand[]
    expect(build!.type).toBe('build')
    expect(at(build!.span)).toEqual([5, 15])
    expect(word(build!.context)).toEqual(['./app', 7, 20])
    expect(word(build!.file)).toEqual(['./app/Dockerfile.windows', 8, 17])
    expect(word(build!.platform)).toEqual(['windows/amd64', 9, 22])
    expect(word(build!.target)).toEqual(['final', 10, 19])
    expect(build!.tags.map(word)).toEqual([
      ['repo/a:1', 12, 13],
      ['repo/a:latest', 13, 13],
      ['repo/b:2', 13, 27],
    ])
    expect(build!.buildArgs.map((a) => [a.name, a.value, ...at(a.span)!])).toEqual([
      ['WINDOWS_VERSION', 'ltsc2022', 15, 13],
      ['PROXY', undefined, 16, 13],
    ])
    expect(j.steps[0]!.with.get('target')?.value).toBe('final')
  })

  it('keeps an unsplit input whole, trimmed, separators and expressions included; a blank one is no word', () => {
    const j = job(
      [
        'jobs:', // 1
        '  b:', // 2
        '    runs-on: ubuntu-latest', // 3
        '    steps:', // 4
        '      - uses: docker/build-push-action@v6', // 5
        '        with:', // 6
        '          context: ./a, b', // 7
        '          file: |', // 8
        '            ./x/${{ matrix.os }},y', // 9
        '            Dockerfile', // 10
        '          target: "   "', // 11
        '          platforms: [linux/amd64, " windows/amd64 "]', // 12
      ].join('\n'),
    )
    const [build] = allCommands(j) as DockerBuildCommand[]
    expect(word(build!.context)).toEqual(['./a, b', 7, 20])
    expect(word(build!.file)).toEqual(['./x/${{ matrix.os }},y\nDockerfile', 9, 13])
    expect(build!.target).toBeUndefined()
    expect(word(build!.platform)).toEqual(['linux/amd64', 12, 23])
  })

  it('ignores other actions', () => {
    const j = job('jobs:\n  b:\n    runs-on: x\n    steps:\n      - uses: docker/login-action@v3\n      - uses: ./local\n')
    expect(allCommands(j)).toEqual([])
  })
})

describe('parseWorkflow: matrix', () => {
  it("expands include and exclude as GitHub's documentation describes", () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      matrix:',
        '        fruit: [apple, pear]',
        '        animal: [cat, dog]',
        '        include:',
        '          - color: green',
        '          - color: pink',
        '            animal: cat',
        '          - fruit: apple',
        '            shape: circle',
        '          - fruit: banana',
        '          - fruit: banana',
        '            animal: cat',
      ].join('\n'),
    )
    expect(combos(j)).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ])
  })

  it('removes excluded combinations (partial matches) before include', () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ${{ matrix.os }}',
        '    strategy:',
        '      matrix:',
        '        os: [windows-2019, windows-2022]',
        '        version: [8, 11]',
        '        exclude:',
        '          - os: windows-2019',
        '            version: 11',
        '        include:',
        '          - os: windows-2019',
        '            version: 11',
        '            experimental: true',
      ].join('\n'),
    )
    expect(combos(j)).toEqual([
      { os: 'windows-2019', version: '8' },
      { os: 'windows-2022', version: '8' },
      { os: 'windows-2022', version: '11' },
      { os: 'windows-2019', version: '11', experimental: 'true' },
    ])
    expect(j.matrixSpans[0]!.get('os')?.start).toEqual({ line: 6, column: 14 })
    expect(j.matrixSpans[3]!.get('experimental')?.start).toEqual({ line: 14, column: 27 })
  })

  it('reads include-only matrices written as block or flow mappings, with value spans', () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ${{ matrix.os }}',
        '    strategy:',
        '      matrix:',
        '        include:',
        '          - { os: windows-2022, python: "3.12", visual-studio: 2017 }',
        '          - os: "windows-2025"',
        '            windows-version: "1809"',
      ].join('\n'),
    )
    expect(combos(j)).toEqual([
      { os: 'windows-2022', python: '3.12', 'visual-studio': '2017' },
      { os: 'windows-2025', 'windows-version': '1809' },
    ])
    expect(at(j.matrixSpans[1]!.get('windows-version'))).toEqual([9, 30])
  })

  it('flattens object values so that matrix.a.b can be looked up', () => {
    const j = job(
      [
        'jobs:',
        '  b:',
        '    runs-on: ${{ matrix.windows.runner }}',
        '    strategy:',
        '      matrix:',
        '        windows:',
        '          - { runner: windows-2022, tag: ltsc2022 }',
      ].join('\n'),
    )
    expect(combos(j)).toEqual([
      {
        windows: '{"runner":"windows-2022","tag":"ltsc2022"}',
        'windows.runner': 'windows-2022',
        'windows.tag': 'ltsc2022',
      },
    ])
  })

  it('notes the matrix keys the job names, for the matrix note of messages (all, when it may read any)', () => {
    const read = (...lines: string[]): string[] | undefined => {
      const j = job(['jobs:', '  b:', '    runs-on: windows-2022', '    strategy:', '      matrix:', '        os: [a, b]', ...lines].join('\n'))
      return j.matrixRead && [...j.matrixRead].sort()
    }
    // A word of prose (a comment, a name) and another context's `matrix` name no key.
    expect(read('    name: build matrix # the matrix workflows', '    steps:', '      - run: echo ${{ needs.matrix.outputs.x }}')).toEqual([])
    expect(read('    steps:', "      - if: matrix.OS == 'a' && matrix.system.arch", '        run: echo ${{ matrix.tag }}')).toEqual(['os', 'system.arch', 'tag'])
    expect(read('    steps:', '      - run: echo ${{ toJSON(matrix) }}')).toBeUndefined()
    expect(read('    steps:', "      - run: echo ${{ matrix['os'] }}")).toBeUndefined()
    // A local composite action sees the job's matrix; an alias brings text from elsewhere.
    expect(read('    steps:', '      - uses: ./.github/actions/build')).toBeUndefined()
    expect(read('    env: &e { A: 1 }', '    steps:', '      - env: *e', '        run: echo')).toBeUndefined()
  })

  it('gives a single empty combination for a matrix (or strategy) computed by an expression', () => {
    const a = job('jobs:\n  b:\n    runs-on: x\n    strategy:\n      matrix: ${{ fromJSON(needs.a.outputs.m) }}\n')
    expect(a.matrix.map((m) => [...m])).toEqual([[]])
    expect(a.matrixDynamic).toBe(true)
    const b = job('jobs:\n  b:\n    runs-on: x\n    strategy: ${{ fromJSON(needs.a.outputs.s) }}\n')
    expect(b.matrix.map((m) => [...m])).toEqual([[]])
    expect(b.matrixDynamic).toBe(true)
  })

  it('keeps the first 256 combinations of a huge matrix', () => {
    const values = `[${Array.from({ length: 10 }, (_, i) => `v${i}`).join(', ')}]`
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => `        ${k}: ${values}`)
    const started = performance.now()
    const j = job(['jobs:', '  b:', '    runs-on: x', '    strategy:', '      matrix:', ...keys].join('\n'))
    expect(j.matrix).toHaveLength(MAX_MATRIX_COMBINATIONS)
    expect(j.matrixTruncated).toBe(true)
    expect(combos(j)[0]).toEqual({ a: 'v0', b: 'v0', c: 'v0', d: 'v0', e: 'v0', f: 'v0' })
    expect(combos(j)[1]).toEqual({ a: 'v0', b: 'v0', c: 'v0', d: 'v0', e: 'v0', f: 'v1' })
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})

describe('parseWorkflow: YAML features and problems', () => {
  it('reads a CRLF workflow with the same positions', () => {
    const text = [
      'jobs:',
      '  b:',
      '    runs-on: windows-2022',
      '    steps:',
      '      - run: |',
      '          echo hi',
      '          docker run --rm mcr.microsoft.com/windows/servercore:ltsc2022',
      '',
    ].join('\r\n')
    const j = job(text)
    expect(at(j.runsOn[0]!.span)).toEqual([3, 14])
    expect(j.runsOn[0]!.span.end).toEqual({ line: 3, column: 26 })
    const run = allCommands(j)[0] as DockerRunCommand
    expect(word(run.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022', 7, 27])
    expect(run.image?.span.end).toEqual({ line: 7, column: 72 })
  })

  it('follows aliases and merge keys', () => {
    const j = job(
      [
        'x-env: &env',
        '  TAG: ltsc2022',
        'x-job: &base',
        '  runs-on: &runner windows-2022',
        '  env: *env',
        'jobs:',
        '  b:',
        '    <<: *base',
        '    env:',
        '      <<: *env',
        '      EXTRA: "1"',
        '    steps:',
        '      - run: docker run --isolation=process img:$TAG',
        '  c:',
        '    runs-on: *runner',
      ].join('\n'),
      'b',
    )
    expect(j.runsOn.map((l) => [l.value, ...at(l.span)!])).toEqual([['windows-2022', 4, 20]])
    expect(Object.fromEntries(j.env)).toEqual({ EXTRA: '1', TAG: 'ltsc2022' })
    expect((allCommands(j)[0] as DockerRunCommand).isolation?.value).toBe('process')
  })

  it('reads the merge keys of a job and a step in a workflow without aliases', () => {
    const result = parseWorkflow(
      'w.yml',
      [
        'jobs:',
        '  b:',
        '    <<: {runs-on: windows-2022, container: "mcr.microsoft.com/windows/servercore:ltsc2022"}',
        '    steps:',
        '      - <<: {shell: pwsh, run: docker run --isolation=process img}',
        '        name: s',
      ].join('\n'),
    )
    expect(result.problems).toEqual([])
    const j = result.model!.jobs[0]!
    expect(j.runsOn.map((l) => l.value)).toEqual(['windows-2022'])
    expect(j.container?.image.value).toBe('mcr.microsoft.com/windows/servercore:ltsc2022')
    expect(j.steps[0]).toMatchObject({ name: 's', shell: 'pwsh', dialect: 'powershell' })
    expect((allCommands(j)[0] as DockerRunCommand).isolation?.value).toBe('process')
  })

  it('reads jobs and steps from their pairs as from their entries (a workflow without aliases, and with one)', () => {
    const texts = [
      'jobs:\n  b:\n    name: n\n    runs-on: [windows-2022]\n    env: {A: "1"}\n    container: img:1\n    services: {db: {image: db:1}}\n    steps:\n      - name: s\n        id: i\n        shell: pwsh\n        working-directory: w\n        env: {B: "2"}\n        if: always()\n        run: docker build -t x .\n      - uses: docker/build-push-action@v6\n        with: {context: ., 3: three}\n',
      'jobs:\n  b:\n    uses: ./.github/workflows/r.yml\n    with: {a: 1}\n    strategy: {matrix: {os: [a, b]}}\n    environment: {name: prod}\n    defaults: {run: {shell: bash}}\n    1: one\n    true: yes\n',
      'jobs:\n  b:\n    runs-on: x\n    steps:\n      - <<: {run: docker run img}\n        null: n\n',
    ]
    for (const text of texts) {
      // An alias at the end reads every mapping through its entries, and moves no span before it.
      expect(parse(`${text}x-alias: &x 1\nx-use: *x\n`)).toEqual(parse(text))
    }
  })

  it('reports a duplicate key', () => {
    const result = parseWorkflow('w.yml', 'jobs:\n  b:\n    runs-on: a\n    runs-on: b\n')
    expect(result.model).toBeUndefined()
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.span.start.line).toBe(4)
  })

  it('reports an alias bomb quickly instead of expanding it', () => {
    const lines = ['a0: &a0 {k: v}']
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} {<<: [${Array(9).fill(`*a${i - 1}`).join(', ')}]}`)
    lines.push('jobs:', '  b:', '    runs-on: x', '    env: *a9')
    const started = performance.now()
    const result = parseWorkflow('w.yml', lines.join('\n'))
    expect(result.model).toBeUndefined()
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/alias/)])
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('checks a workflow whose steps share an anchored value (each step is read once, each alias counted once)', () => {
    // 2,000 aliases are far from the limit of alias resolutions: this is a large workflow, not an alias bomb.
    const steps = ['      - name: &n build', '        run: docker build .']
    for (let i = 0; i < 2000; i++) steps.push('      - name: *n', `        run: docker run --rm app${i}`)
    const result = parseWorkflow('w.yml', ['jobs:', '  b:', '    runs-on: windows-2022', '    steps:', ...steps].join('\n'))
    expect(result.problems).toEqual([])
    expect(result.model?.jobs[0]?.steps).toHaveLength(2001)
  })

  it('reports an alias bomb inside a matrix value', () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`)
    lines.push('jobs:', '  b:', '    runs-on: x', '    strategy:', '      matrix:', '        v: [*l9]')
    const result = parseWorkflow('w.yml', lines.join('\n'))
    expect(result.model).toBeUndefined()
    expect(result.problems).toHaveLength(1)
  })

  it('reports YAML syntax errors, a non-mapping top level and a missing jobs mapping', () => {
    expect(parseWorkflow('w.yml', 'jobs: [\n').problems).not.toEqual([])
    const list = parseWorkflow('w.yml', '- a\n- b\n')
    expect(list.model).toBeUndefined()
    expect(list.problems.map((p) => p.message)).toEqual([expect.stringMatching(/mapping/)])
    const noJobs = parseWorkflow('w.yml', 'on: push\nname: x\n')
    expect(noJobs.problems.map((p) => p.message)).toEqual([expect.stringMatching(/jobs/)])
    const badJobs = parseWorkflow('w.yml', 'on: push\njobs: [a]\n')
    expect(badJobs.problems[0]!.span.start).toEqual({ line: 2, column: 7 })
    expect(parseWorkflow('w.yml', '').problems).toHaveLength(1)
  })
})

describeCorpus('parseWorkflow: corpus', () => {
  const manifest = corpusEntries()
    .filter((e) => e.kind === 'gha-workflow')
    .map((e) => e.local)

  function corpus(path: string) {
    const result = parseWorkflow(path, readCorpus(path))
    expect(result.problems).toEqual([])
    return result.model!
  }

  function corpusJob(path: string, id: string): ParsedJob {
    const j = corpus(path).jobs.find((x) => x.id === id)
    expect(j).toBeDefined()
    return j!
  }

  it('lists gha-workflow files', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(20)
  })

  it.each(manifest)('parses %s without problems', (path) => {
    const model = corpus(path)
    expect(model.jobs.length).toBeGreaterThan(0)
  })

  it('danmar/simplecpp: windows-latest on line 7 and one docker run on line 15', () => {
    const j = corpusJob('files/danmar__simplecpp/.github__workflows__windows-container.yml', 'windows-container')
    expect(j.runsOn.map((l) => [l.value, ...at(l.span)!])).toEqual([['windows-latest', 7, 14]])
    const commands = allCommands(j) as DockerRunCommand[]
    expect(commands).toHaveLength(1)
    expect(commands[0]!.type).toBe('run')
    expect(word(commands[0]!.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022', 15, 25])
    expect(commands[0]!.isolation).toBeUndefined()
  })

  it('microsoft/garnet: builds with -f Dockerfile.nanoserver on lines 51 and 62', () => {
    const j = corpusJob('files/microsoft__garnet/.github__workflows__docker-windows.yml', 'docker')
    expect(at(j.runsOn[0]!.span)).toEqual([18, 14])
    const builds = allCommands(j).filter((c): c is DockerBuildCommand => c.type === 'build')
    expect(builds.map((b) => word(b.file))).toEqual([
      ['Dockerfile.nanoserver', 51, 27],
      ['Dockerfile.nanoserver', 62, 27],
    ])
    expect(builds[0]!.tags.map((t) => t.span.start.line)).toEqual([52, 53, 54])
    expect(builds[0]!.tags[0]!.value).toBe('${{ fromJSON(steps.meta.outputs.json).tags[0] }}')
    expect(builds.map((b) => b.buildArgs.length + (b.isolation ? 1 : 0))).toEqual([0, 0])
    expect(builds.map((b) => word(b.context))).toEqual([
      ['.', 54, 68],
      ['.', 62, 49],
    ])
  })

  it('fluent/fluent-bit: matrix-driven runner, build and runs', () => {
    const file = 'files/fluent__fluent-bit/.github__workflows__call-build-images.yaml'
    const j = corpusJob(file, 'call-build-windows-container')
    expect(j.runsOn.map((l) => [l.value, ...at(l.span)!])).toEqual([
      ['windows-${{ matrix.windows-base-version }}', 385, 14],
    ])
    expect(j.matrix.map((m) => [m.get('windows-base-version'), m.get('dockerfile')])).toEqual([
      ['2022', 'Dockerfile.windows'],
      ['2025', 'Dockerfile.windows'],
      ['2025', 'Dockerfile.windows.nano'],
    ])
    expect(j.matrixSpans.map((s) => s.get('windows-base-version')?.start.line)).toEqual([393, 397, 401])
    expect(j.matrixSpans[2]!.get('image-tag-prefix')?.start.line).toBe(404)
    const commands = allCommands(j)
    const build = commands.find((c): c is DockerBuildCommand => c.type === 'build')!
    expect(build.span.start.line).toBe(458)
    expect(build.buildArgs.map((a) => [a.name, a.value])).toEqual([
      ['FLB_NIGHTLY_BUILD', '${{ inputs.unstable }}'],
      ['WINDOWS_VERSION', 'ltsc${{ matrix.windows-base-version }}'],
    ])
    expect(word(build.file)).toEqual(['./dockerfiles/${{ matrix.dockerfile }}', 458, 157])
    const runs = commands.filter((c): c is DockerRunCommand => c.type === 'run')
    expect(runs.map((r) => [r.span.start.line, r.image?.value])).toEqual([
      [463, '$IMAGE'],
      [472, '$env:IMAGE'],
    ])
    expect(j.env.get('IMAGE')).toBe(
      '${{ inputs.registry }}/${{ inputs.image }}:${{ matrix.image-tag-prefix }}-${{ inputs.version }}',
    )
  })

  it('prometheus-community/windows_exporter: build-push-action for windows/amd64 on ubuntu-latest', () => {
    const j = corpusJob('files/prometheus-community__windows_exporter/.github__workflows__release.yml', 'docker')
    expect(j.runsOn.map((l) => [l.value, l.span.start.line])).toEqual([['ubuntu-latest', 176]])
    const [build] = allCommands(j) as DockerBuildCommand[]
    expect(build!.type).toBe('build')
    expect(word(build!.platform)).toEqual(['windows/amd64', 243, 22])
    expect(word(build!.context)).toEqual(['.', 239, 20])
    expect(build!.tags.map((t) => t.value)).toEqual(['${{ steps.meta.outputs.tags }}'])
  })

  it('dapr/dapr: matrix entries on lines 30-31 and WINDOWS_VERSION from the matrix on line 40', () => {
    const j = corpusJob('files/dapr__dapr/.github__workflows__dapr-base-containers.yaml', 'build')
    expect(combos(j)).toEqual([
      { os: 'windows-2025', 'windows-version': '1809' },
      { os: 'windows-2022', 'windows-version': 'ltsc2022' },
    ])
    expect(at(j.matrixSpans[0]!.get('os'))).toEqual([30, 17])
    expect(at(j.matrixSpans[0]!.get('windows-version'))).toEqual([31, 30])
    expect(j.env.get('WINDOWS_VERSION')).toBe('${{ matrix.windows-version }}')
    expect(at(j.envSpans.get('WINDOWS_VERSION'))).toEqual([40, 24])
  })

  it('boostorg/mysql: windows-2019 on line 30, bash default shell, flow-mapping matrix', () => {
    const j = corpusJob('files/boostorg__mysql/.github__workflows__docker-windows.yml', 'docker-windows')
    expect(j.runsOn.map((l) => [l.value, ...at(l.span)!])).toEqual([['windows-2019', 30, 14]])
    expect(j.defaultShell).toBe('bash')
    expect(j.matrix.map((m) => m.get('base-image'))).toEqual([
      'cppalliance/dronevs2017:1',
      'cppalliance/dronevs2019:1',
      'cppalliance/dronevs2022:1',
    ])
    const [build] = allCommands(j) as DockerBuildCommand[]
    expect(word(build!.file)).toEqual(['tools/docker/build-msvc.dockerfile', 50, 27])
    expect(build!.buildArgs.map((a) => a.value)).toEqual(['${{ matrix.base-image }}'])
  })

  it('adamrehn/ue4-docker: flow-mapping include entries with differing keys', () => {
    const j = corpusJob('files/adamrehn__ue4-docker/.github__workflows__ci.yml', 'test')
    expect(j.matrix).toHaveLength(8)
    expect(combos(j)[0]).toEqual({ os: 'ubuntu-22.04', python: '3.10' })
    expect(combos(j)[7]).toEqual({ os: 'windows-2025', python: '3.12', 'visual-studio': '2022' })
  })

  it('adoptium/containers test-pr.yml: parses despite an invisible U+200E character', () => {
    const text = readCorpus('files/adoptium__containers/.github__workflows__test-pr.yml')
    expect(text).toContain('\u200e')
    const model = corpus('files/adoptium__containers/.github__workflows__test-pr.yml')
    expect(model.jobs.map((j) => j.id)).toContain('test')
  })
})

describe('parseWorkflow: job containers, services and step conditions', () => {
  it('reads `container:` in the string and the mapping form, pointed at its key, with the image where it is written', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: windows-2022',
      '    container: mcr.microsoft.com/windows/servercore:ltsc2022',
      '    steps: [{ run: echo }]',
      '  b:',
      '    runs-on: ubuntu-latest',
      '    container:',
      '      image: ${{ matrix.image }}',
      '      options: --cpus 1',
      '    steps: [{ run: echo }]',
      '  c:',
      '    runs-on: ubuntu-latest',
      '    container: ${{ fromJSON(inputs.container) }}',
      '    steps: [{ run: echo }]',
      '  d:',
      '    runs-on: ubuntu-latest',
      '    container: { options: --cpus 1 }',
      '    steps: [{ run: echo }]',
      '',
    ].join('\n')
    const a = job(text, 'a').container
    expect([a?.image.value, at(a?.span), at(a?.image.span), a?.service]).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      [5, 5],
      [5, 16],
      undefined,
    ])
    const b = job(text, 'b').container
    expect([b?.image.value, at(b?.span), at(b?.image.span)]).toEqual(['${{ matrix.image }}', [9, 5], [10, 14]])
    expect(job(text, 'c').container?.image.value).toBe('${{ fromJSON(inputs.container) }}')
    expect(job(text, 'd').container).toBeUndefined()
  })

  it('reads `services:` in order, each pointed at its name; a service without an image is left out', () => {
    const j = job(
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: windows-2022',
        '    services:',
        '      db: { image: mcr.microsoft.com/mssql/server:2022-latest }',
        '      cache: redis:7',
        '      none:',
        '        ports: [80]',
        '    steps: [{ run: echo }]',
        '',
      ].join('\n'),
    )
    expect(j.services?.map((s) => [s.service, s.image.value, at(s.span), at(s.image.span)])).toEqual([
      ['db', 'mcr.microsoft.com/mssql/server:2022-latest', [6, 7], [6, 20]],
      ['cache', 'redis:7', [7, 7], [7, 14]],
    ])
    expect(j.container).toBeUndefined()
  })

  it('leaves `container` and `services` absent when the job has none', () => {
    const j = job('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    services: {}\n    steps: [{ run: echo }]\n')
    expect('container' in j).toBe(false)
    expect('services' in j).toBe(false)
  })

  it("reads a step's `if:` with its span, and `uses: docker://…` with the span of its value", () => {
    const j = job(
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: windows-2022',
        '    steps:',
        '      - uses: docker://alpine:3.20',
        "        if: runner.os == 'Linux'",
        '      - run: echo',
        '',
      ].join('\n'),
    )
    expect([j.steps[0]?.uses?.value, at(j.steps[0]?.uses?.span)]).toEqual(['docker://alpine:3.20', [6, 15]])
    expect([j.steps[0]?.condition?.value, at(j.steps[0]?.condition?.span)]).toEqual(["runner.os == 'Linux'", [7, 13]])
    expect('condition' in j.steps[1]!).toBe(false)
  })
})
