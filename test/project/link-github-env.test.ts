import { describe, expect, it } from 'vitest'
import { linkFiles as link } from '../harness/link-files.js'

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'
const DOCKERFILE = ['ARG RELEASE=ltsc2022', 'FROM mcr.microsoft.com/windows/servercore:$RELEASE', ''].join('\n')
const COMPOSE = ['services:', '  web:', '    image: mcr.microsoft.com/windows/servercore:${RELEASE:-ltsc2022}', ''].join('\n')
const MAKEFILE = 'RELEASE ?= ltsc2022\nimage:\n\tdocker build --build-arg RELEASE=$(RELEASE) .\n'

/** The images a job's steps start, in order: steps given as YAML lines under `steps:` (TAG=ltsc2019 in the job's env). */
function images(steps: readonly string[], extra: Readonly<Record<string, string>> = {}, runsOn = 'windows-2022'): (string | undefined)[] {
  const workflow = ['on: push', 'jobs:', '  a:', `    runs-on: ${runsOn}`, '    env:', '      TAG: ltsc2019', '    steps:', ...steps.map((s) => `      ${s}`), ''].join('\n')
  const files = { '.github/workflows/a.yml': workflow, Dockerfile: DOCKERFILE, 'compose.yaml': COMPOSE, Makefile: MAKEFILE, ...extra }
  return link(files)
    .executions.filter((e) => e.host !== undefined)
    .sort((x, y) => x.span.start.line - y.span.start.line)
    .map((e) => e.image)
}

const RUN_TAG = '- run: docker run mcr.microsoft.com/windows/servercore:$env:TAG cmd'

describe('GITHUB_ENV writes in the steps before', () => {
  it('leaves the variable a step writes unknown to the later steps, in the process environment and the env context', () => {
    expect(images([RUN_TAG])).toEqual([`${SERVERCORE}ltsc2019`])
    expect(images(['- run: echo "TAG=ltsc2022" >> $env:GITHUB_ENV', RUN_TAG, '- run: docker run mcr.microsoft.com/windows/servercore:${{ env.TAG }} cmd'])).toEqual([undefined, undefined])
    // `||` falls back only on an empty value: the value written is unknown, so is the result.
    expect(images(['- run: echo "TAG=ltsc2022" >> $env:GITHUB_ENV', "- run: docker run mcr.microsoft.com/windows/servercore:${{ env.TAG || 'ltsc2019' }} cmd"])).toEqual([undefined])
  })

  it('does not change the writing step itself, nor the steps before it', () => {
    expect(images(['- run: |', '    docker run mcr.microsoft.com/windows/servercore:$env:TAG cmd', '    "TAG=ltsc2022" >> $env:GITHUB_ENV', RUN_TAG])).toEqual([`${SERVERCORE}ltsc2019`, undefined])
  })

  it("keeps a step's own env: over the value written (GitHub: the step's env wins)", () => {
    expect(images(['- run: echo "TAG=ltsc2022" >> $env:GITHUB_ENV', `${RUN_TAG}`, '  env:', '    TAG: ltsc2019'])).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it("applies a local composite action's writes to the caller's later steps", () => {
    const action = ['runs:', '  using: composite', '  steps:', '    - shell: pwsh', '      run: echo "TAG=ltsc2022" >> $env:GITHUB_ENV', ''].join('\n')
    expect(images(['- uses: ./.github/actions/set-tag', RUN_TAG], { '.github/actions/set-tag/action.yml': action })).toEqual([undefined])
    // An action that writes nothing changes nothing.
    const quiet = action.replace('echo "TAG=ltsc2022" >> $env:GITHUB_ENV', 'echo hi')
    expect(images(['- uses: ./.github/actions/set-tag', RUN_TAG], { '.github/actions/set-tag/action.yml': quiet })).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('keeps the variables the step does not write', () => {
    expect(images(['- run: echo "OTHER=1" >> $env:GITHUB_ENV', RUN_TAG])).toEqual([`${SERVERCORE}ltsc2019`])
    expect(images(['- run: echo "TAG=1" >> $env:GITHUB_OUTPUT', RUN_TAG])).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('leaves every variable unknown, set in env: or not, after a write whose names cannot be read', () => {
    expect(images(['- run: Get-Content vars.env >> $env:GITHUB_ENV', RUN_TAG])).toEqual([undefined])
    // A default of a variable the job does not set: the write may have set it.
    expect(images(['- run: cat vars.env >> $GITHUB_ENV', '  shell: bash', '- run: docker run mcr.microsoft.com/windows/servercore:${NEW:-ltsc2019} cmd', '  shell: bash'])).toEqual([undefined])
    expect(images(['- run: docker run mcr.microsoft.com/windows/servercore:${NEW:-ltsc2019} cmd', '  shell: bash'])).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('reaches docker build arguments, Compose interpolation and make through the environment', () => {
    const write = '- run: echo "RELEASE=ltsc2019" >> $env:GITHUB_ENV'
    expect(images(['- run: docker build --build-arg RELEASE=$env:TAG .'])).toEqual([`${SERVERCORE}ltsc2019`])
    expect(images(['- run: echo "TAG=x" >> $env:GITHUB_ENV', '- run: docker build --build-arg RELEASE=$env:TAG .'])).toEqual([undefined])
    expect(images([write, '- run: docker compose up -d'])).toEqual([undefined])
    expect(images(['- run: docker compose up -d'])).toEqual([`${SERVERCORE}ltsc2022`])
    expect(images([write, '- run: make image', '  shell: bash'])).toEqual([undefined])
  })

  it('reads the write in the shell the runner gives a step with no shell: (bash on Linux, PowerShell on Windows)', () => {
    // bash reads the here-document (TAG is written); PowerShell reads no here-document: its names are unknown.
    const steps = ['- run: |', '    cat <<EOF >> $GITHUB_ENV', '    TAG=ltsc2022', '    EOF', '- run: docker run mcr.microsoft.com/windows/servercore:${OTHER:-ltsc2019} cmd']
    expect(images(steps, {}, 'ubuntu-latest')).toEqual([`${SERVERCORE}ltsc2019`])
    expect(images(steps, {}, 'windows-2022')).toEqual([undefined])
  })

  it('follows github-script and scripts that write the file', () => {
    expect(images(['- uses: actions/github-script@v7', '  with:', "    script: core.exportVariable('TAG', 'ltsc2022')", RUN_TAG])).toEqual([undefined])
    expect(images(['- uses: actions/github-script@v7', '  with:', "    script: core.exportVariable('X', 1)", RUN_TAG])).toEqual([`${SERVERCORE}ltsc2019`])
    expect(images(['- run: ./set.ps1', RUN_TAG], { 'set.ps1': '"TAG=$(Get-Date)" >> $env:GITHUB_ENV\n' })).toEqual([undefined])
    expect(images(['- run: ./set.ps1', RUN_TAG], { 'set.ps1': 'Write-Host hello\n' })).toEqual([`${SERVERCORE}ltsc2019`])
    // A script's writes are read like a step's: one that writes OTHER leaves TAG as the job sets it.
    expect(images(['- run: ./set.ps1', RUN_TAG], { 'set.ps1': '"OTHER=1" >> $env:GITHUB_ENV\n' })).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('gives a followed script the unknown environment an unreadable write leaves, and its unknown arguments', () => {
    const script = 'docker run mcr.microsoft.com/windows/servercore:${NEW:-ltsc2019} cmd\n'
    const run = (steps: string[]): (string | undefined)[] => images(['- shell: bash', '  run: cat vars.env >> $GITHUB_ENV', ...steps], { 'b.sh': script })
    expect(run(['- shell: bash', '  run: ./b.sh'])).toEqual([undefined])
    // An argument isolint cannot know is set, to an unknown value: `${1:-ltsc2019}` is not ltsc2019.
    const byArg = { 'b.sh': 'docker run mcr.microsoft.com/windows/servercore:${1:-ltsc2019} cmd\n' }
    expect(images(['- shell: bash', '  run: ./b.sh "${{ github.event.inputs.tag }}"'], byArg)).toEqual([undefined])
    expect(images(['- shell: bash', '  run: ./b.sh'], byArg)).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('starts each job afresh', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: windows-2022',
      '    steps:',
      '      - run: echo "TAG=ltsc2022" >> $env:GITHUB_ENV',
      '  b:',
      '    runs-on: windows-2022',
      '    env:',
      '      TAG: ltsc2019',
      '    steps:',
      `      ${RUN_TAG}`,
      '',
    ].join('\n')
    expect(link({ '.github/workflows/a.yml': workflow }).executions.map((e) => e.image)).toEqual([`${SERVERCORE}ltsc2019`])
  })
})

describe('GITHUB_ENV writes in the recipes make runs', () => {
  const bash = '  shell: bash'
  const makeTag = (makefile: string, run = 'make tag', steps = [RUN_TAG]): (string | undefined)[] => images([`- run: ${run}`, bash, ...steps], { Makefile: makefile })

  it('reads the recipe as its shell gets it ($$ is $): the names written are unknown to the later steps', () => {
    expect(makeTag('tag:\n\techo "TAG=ltsc2022" >> "$$GITHUB_ENV"\n')).toEqual([undefined])
    expect(makeTag('tag:\n\t@echo TAG=ltsc2022 >> $${GITHUB_ENV}\n')).toEqual([undefined])
    // make's own reference to the environment variable.
    expect(makeTag('tag:\n\t-echo "TAG=ltsc2022" >> $(GITHUB_ENV)\n')).toEqual([undefined])
    expect(makeTag('ENV_FILE ?= $(GITHUB_ENV)\ntag: other\nother:\n\tprintf \'TAG=%s\\n\' x | tee -a $(ENV_FILE)\n')).toEqual([undefined])
    expect(makeTag('tag:\n\tcat tag.env >> $$GITHUB_ENV\n', 'make tag', ['- run: docker run mcr.microsoft.com/windows/servercore:${NEW:-ltsc2019} cmd', bash])).toEqual([undefined])
  })

  it('keeps what the recipes do not write, and recipes that do not run', () => {
    expect(makeTag('tag:\n\techo "OTHER=1" >> $$GITHUB_ENV\n')).toEqual([`${SERVERCORE}ltsc2019`])
    expect(makeTag('tag:\n\techo hi\nother:\n\techo "TAG=1" >> $$GITHUB_ENV\n')).toEqual([`${SERVERCORE}ltsc2019`])
    // A multi-line value written line by line, one recipe line each: its lines are values, not names.
    const notes = 'tag:\n\techo "NOTES<<EOF" >> $$GITHUB_ENV\n\techo "TAG=not a name" >> $$GITHUB_ENV\n\techo EOF >> $$GITHUB_ENV\n'
    expect(makeTag(notes)).toEqual([`${SERVERCORE}ltsc2019`])
    // A Makefile that names no GITHUB_ENV and runs no script or make cannot write it, unknown values or not.
    expect(makeTag('tag:\n\techo TAG=1 >> $(OUT)\n\techo $(shell git rev-parse HEAD)\n')).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('leaves every variable unknown when a recipe that may write the file cannot be read', () => {
    // A redirection to a value isolint cannot expand, a command it cannot know, a $(shell …), in a Makefile naming the file.
    expect(makeTag('# writes GITHUB_ENV\ntag:\n\techo "OTHER=1" >> $(OUT)\n')).toEqual([undefined])
    expect(makeTag('ENV_FILE := $(shell echo $$GITHUB_ENV)\ntag:\n\techo "OTHER=1" >> $(ENV_FILE)\n')).toEqual([undefined])
    expect(makeTag('# writes GITHUB_ENV\ntag:\n\t$(SET_TAG)\n')).toEqual([undefined])
    expect(makeTag('# writes GITHUB_ENV\ntag:\n\techo $(shell ./set-tag.sh)\n')).toEqual([undefined])
    // A recipe isolint cannot decide (a conditional on an unknown value), and a goal it cannot know.
    expect(makeTag('ifeq ($(MODE),ci)\ntag:\n\techo "OTHER=1" >> $$GITHUB_ENV\nendif\n')).toEqual([undefined])
    expect(makeTag('tag:\n\techo "OTHER=1" >> $$GITHUB_ENV\n', 'make "$GOAL"')).toEqual([undefined])
    // An unknown value in a command that may write what it names, where the step's env: gives the file's path.
    const envFile = ['  env:', '    ENV_FILE: ${{ github.env }}', RUN_TAG]
    expect(makeTag('tag:\n\techo "TAG=ltsc2022" | tee -a $(ENV_FILE)\n', 'make tag', envFile)).toEqual([undefined])
    expect(makeTag('tag:\n\tcp tag.env $(ENV_FILE)\n', 'make tag', envFile)).toEqual([undefined])
    expect(makeTag('tag:\n\techo TAG=$(ENV_FILE)\n', 'make tag', envFile)).toEqual([`${SERVERCORE}ltsc2019`])
    // Unknown values elsewhere in the recipe leave the names it writes readable.
    expect(makeTag('tag:\n\techo $(IMAGE)\n\techo "OTHER=$(VERSION)" >> $$GITHUB_ENV\n')).toEqual([`${SERVERCORE}ltsc2019`])
  })
})

describe('GITHUB_ENV written by what make runs: scripts, make again, goals isolint cannot know', () => {
  const bash = '  shell: bash'
  const run = (command: string, files: Readonly<Record<string, string>>): (string | undefined)[] => images([`- run: ${command}`, bash, RUN_TAG], files)
  const writesTag = 'tag:\n\techo "TAG=ltsc2022" >> $$GITHUB_ENV\n'

  it('reads a script a recipe or a $(shell …) runs, as a step is read; one it cannot read may write any variable', () => {
    const script = { 'set-tag.sh': '#!/bin/sh\necho "TAG=ltsc2022" >> "$GITHUB_ENV"\n' }
    expect(run('make tag', { Makefile: 'tag:\n\t./set-tag.sh\n', ...script })).toEqual([undefined])
    expect(run('make tag', { Makefile: 'tag:\n\t@bash set-tag.sh\n', ...script })).toEqual([undefined])
    expect(run('make tag', { Makefile: 'tag:\n\t./set-tag.sh\n', 'set-tag.sh': 'echo "OTHER=1" >> "$GITHUB_ENV"\n' })).toEqual([`${SERVERCORE}ltsc2019`])
    expect(run('make tag', { Makefile: 'tag:\n\t./missing.sh\n' })).toEqual([undefined])
    // $(shell …) anywhere: inside another function, or in a := variable no recipe uses (it runs as make reads it).
    expect(run('make tag', { Makefile: 'tag:\n\techo $(strip $(shell ./missing.sh))\n' })).toEqual([undefined])
    expect(run('make tag', { Makefile: 'V := $(shell ./set-tag.sh)\ntag:\n\techo hi\n', ...script })).toEqual([undefined])
    // A recipe isolint cannot decide that runs a script; one that runs none and names no file writes nothing.
    expect(run('make tag', { Makefile: 'ifeq ($(MODE),ci)\ntag:\n\t./set-tag.sh\nendif\n', ...script })).toEqual([undefined])
    expect(run('make tag', { Makefile: 'ifeq ($(MODE),ci)\ntag:\n\techo hi\nendif\n' })).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('reads what a followed script runs in turn: make, or a script it cannot read, may write any variable', () => {
    expect(run('./ci.sh', { 'ci.sh': '#!/bin/bash\nmake tag\n', Makefile: writesTag })).toEqual([undefined])
    expect(run('./ci.sh', { 'ci.sh': './missing.sh\n' })).toEqual([undefined])
    // A step's own script, or a Makefile, the repository does not hold: written by an earlier step, it may write any.
    expect(run('./missing.sh', {})).toEqual([undefined])
    expect(run('make -f gen.mk tag', {})).toEqual([undefined])
    expect(run('make -C build tag', {})).toEqual([undefined])
    // A script at a path isolint cannot know (a file an earlier step wrote to the runner's temp folder): the same.
    expect(run('bash "$RUNNER_TEMP/gen.sh"', {})).toEqual([undefined])
    expect(run('pwsh -NoProfile -File "$RUNNER_TEMP/gen.ps1"', {})).toEqual([undefined])
    // PowerShell's options that take a value are skipped with it (`-o Text`, `-ConfigurationName x`) to find -File.
    const ps = { 'gen.ps1': 'Add-Content $env:GITHUB_ENV "TAG=ltsc2022"\n' }
    expect(run('pwsh -o Text -File gen.ps1', ps)).toEqual([undefined])
    expect(run('pwsh -NoProfile -File other.ps1', { ...ps, 'other.ps1': 'Write-Host hi\n' })).toEqual([`${SERVERCORE}ltsc2019`])
    expect(run('$RUNNER_TEMP/gen.sh ltsc2022', {})).toEqual([undefined])
    // A command string (-c, or a cluster holding c: -lc, -ec, -xc) runs no script file.
    expect(run('bash -lc "echo hi"', {})).toEqual([`${SERVERCORE}ltsc2019`])
    expect(run("bash -ec 'echo hi'", {})).toEqual([`${SERVERCORE}ltsc2019`])
    expect(run('sh -xc "echo hi"', {})).toEqual([`${SERVERCORE}ltsc2019`])
    expect(run('./ci.sh', { 'ci.sh': './set.sh\n', 'set.sh': 'echo "TAG=1" >> "$GITHUB_ENV"\n' })).toEqual([undefined])
    expect(run('./ci.sh', { 'ci.sh': './set.sh\n', 'set.sh': 'echo "OTHER=1" >> "$GITHUB_ENV"\n' })).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('takes make run again by a recipe ($(MAKE) -C sub) as a write of unknown names', () => {
    expect(run('make tag', { Makefile: 'tag:\n\t$(MAKE) -C sub tag\n', 'sub/Makefile': writesTag })).toEqual([undefined])
  })

  it('takes a goal, folder or Makefile isolint cannot know as a write of unknown names, options after it read', () => {
    expect(run('make ${{ github.event.inputs.goal }}', { Makefile: 'include env.mk\n', 'env.mk': writesTag })).toEqual([undefined])
    expect(run('make "${{ github.event.inputs.goal }}" -f ci.mk', { 'ci.mk': writesTag })).toEqual([undefined])
    expect(run('make -C "$DIR" tag', { 'sub/Makefile': writesTag })).toEqual([undefined])
    // An unknown word may be an option naming another folder or Makefile (`-f gen.mk`, `-C sub`): a folder without
    // a Makefile is no proof that nothing runs.
    expect(run('make -C tools "$ARGS"', { 'tools/gen.mk': writesTag })).toEqual([undefined])
    expect(run('make -C tools "$ARGS" tag', { 'tools/sub/Makefile': writesTag })).toEqual([undefined])
    // A dry run after the unknown goal runs no recipe.
    expect(run('make "${{ github.event.inputs.goal }}" -n', { Makefile: writesTag })).toEqual([`${SERVERCORE}ltsc2019`])
  })
})

describe('GITHUB_ENV written by a file a command string runs (bash -c, pwsh -Command, cmd /c)', () => {
  const writesTag = { 'set.ps1': '"TAG=ltsc2022" >> $env:GITHUB_ENV\n', 'set.sh': 'echo "TAG=ltsc2022" >> "$GITHUB_ENV"\n', 'set.cmd': 'echo TAG=ltsc2022>> %GITHUB_ENV%\n' }
  const writesOther = { 'set.ps1': '"OTHER=1" >> $env:GITHUB_ENV\n', 'set.sh': 'echo "OTHER=1" >> "$GITHUB_ENV"\n', 'set.cmd': 'echo OTHER=1>> %GITHUB_ENV%\n' }
  const step = (run: string, files: Readonly<Record<string, string>>, shell?: string): (string | undefined)[] =>
    images([`- run: ${run}`, ...(shell ? [`  shell: ${shell}`] : []), RUN_TAG], files)

  it("reads the file as one the step runs itself: its writes, or none (the child's variables do not come back, its file writes do)", () => {
    for (const [run, shell] of [
      ['powershell -Command "`$x = 1; .\\set.ps1"', undefined],
      ["pwsh -NoProfile -c '& ./set.ps1'", undefined],
      ['powershell -NoProfile "& .\\set.ps1 -Force"', undefined],
      ["bash -c './set.sh'", 'bash'],
      ['sh -ec "cd . && ./set.sh"', 'bash'],
      ['cmd /d /c call set.cmd', 'cmd'],
      ['cmd /c "echo a & call set.cmd"', undefined],
    ] as const) {
      expect(step(run, writesTag, shell), run).toEqual([undefined])
      // The file is read, not guessed at: one that writes another name leaves TAG as the job sets it.
      expect(step(run, writesOther, shell), run).toEqual([`${SERVERCORE}ltsc2019`])
    }
    // A string that runs no file writes nothing.
    expect(step("bash -c 'echo hi'", writesTag, 'bash')).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('takes a file it cannot read (not in the repository, a path it cannot know, a login shell) as a write of any name', () => {
    expect(step("pwsh -c './missing.ps1'", {})).toEqual([undefined])
    expect(step("pwsh -c '& $env:RUNNER_TEMP/gen.ps1'", {})).toEqual([undefined])
    expect(step('bash -lc ./set.sh', writesOther, 'bash')).toEqual([undefined])
    expect(step('pwsh -WorkingDirectory sub -c ./set.ps1', writesOther)).toEqual([undefined])
  })

  it('reads one in a file the step runs, and in a recipe make runs, as a file they run directly', () => {
    expect(step('./ci.sh', { ...writesTag, 'ci.sh': "bash -c './set.sh'\n" }, 'bash')).toEqual([undefined])
    expect(step('./ci.sh', { ...writesOther, 'ci.sh': "bash -c './set.sh'\n" }, 'bash')).toEqual([`${SERVERCORE}ltsc2019`])
    // PowerShell's call operator in a followed file.
    expect(step('./ci.ps1', { ...writesTag, 'ci.ps1': '& ./set.ps1\n' })).toEqual([undefined])
    expect(step('make tag', { ...writesTag, Makefile: "tag:\n\tbash -c './set.sh'\n" }, 'bash')).toEqual([undefined])
    expect(step('make tag', { ...writesOther, Makefile: "tag:\n\tbash -c './set.sh'\n" }, 'bash')).toEqual([`${SERVERCORE}ltsc2019`])
  })
})

describe('GITHUB_ENV as make sees it', () => {
  const bash = '  shell: bash'
  const newDefault = ['- run: docker run mcr.microsoft.com/windows/servercore:${NEW:-ltsc2019} cmd', bash]
  const run = (makefile: string, command = 'make tag', steps = [RUN_TAG]): (string | undefined)[] => images([`- run: ${command}`, bash, ...steps], { Makefile: makefile })

  it('is set by the runner: a ?= default or an ifndef never applies', () => {
    expect(run('GITHUB_ENV ?= /dev/null\ntag:\n\techo "TAG=ltsc2022" >> $(GITHUB_ENV)\n')).toEqual([undefined])
    expect(run('ifndef GITHUB_ENV\nGITHUB_ENV := /dev/null\nendif\ntag:\n\techo "TAG=ltsc2022" >> $(GITHUB_ENV)\n')).toEqual([undefined])
  })

  it('set by the Makefile or the command line: where the recipes write is unknown, so is every variable', () => {
    expect(run('GITHUB_ENV = out.env\ntag:\n\techo "OTHER=1" >> $$GITHUB_ENV\n', 'make tag', newDefault)).toEqual([undefined])
    expect(run('override GITHUB_ENV := out.env\ntag:\n\techo "OTHER=1" >> $(GITHUB_ENV)\n', 'make tag', newDefault)).toEqual([undefined])
    expect(run('tag:\n\techo "OTHER=1" >> $$GITHUB_ENV\n', 'make tag GITHUB_ENV=out.env', newDefault)).toEqual([undefined])
    // Not set: the names written are read, and NEW keeps its default.
    expect(run('tag:\n\techo "OTHER=1" >> $$GITHUB_ENV\n', 'make tag', newDefault)).toEqual([`${SERVERCORE}ltsc2019`])
  })
})

describe('after a GITHUB_ENV write whose names cannot be read', () => {
  const write = '- run: cat vars.env >> $GITHUB_ENV'
  const bash = '  shell: bash'
  it('leaves what a Compose command runs unknown (COMPOSE_PROFILES, COMPOSE_FILE and its defaults may be set)', () => {
    expect(images(['- run: docker compose -f compose.yaml up -d', bash])).toEqual([`${SERVERCORE}ltsc2022`])
    expect(images([write, bash, '- run: docker compose -f compose.yaml up -d', bash])).toEqual([])
    expect(images([write, bash, '- run: X=1 docker compose -f compose.yaml up -d', bash])).toEqual([])
  })

  it('keeps a docker command prefixed with an assignment unknown too', () => {
    expect(images([write, bash, '- run: X=1 docker build --build-arg RELEASE=${NEW:-ltsc2019} .', bash])).toEqual([undefined])
    expect(images([write, bash, '- run: X=1 docker build --build-arg RELEASE .', bash])).toEqual([undefined])
  })
})
