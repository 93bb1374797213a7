import { describe, expect, it } from 'vitest'
import { linkFiles as link } from '../harness/link-files.js'

const LINUX = 'FROM ubuntu:22.04\nRUN echo build\n'
const WINDOWS = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo build\n'

/** The images the steps `run` start on `runsOn` (builds, runs, Compose services), with the job's `env` lines. */
function images(runsOn: string, run: string, env: readonly string[] = [], shell = 'bash'): (string | undefined)[] {
  const workflow = [
    'on: push',
    'jobs:',
    '  b:',
    `    runs-on: ${runsOn}`,
    ...(env.length > 0 ? ['    env:', ...env.map((e) => `      ${e}`)] : []),
    '    steps:',
    '      - run: |',
    ...run.split('\n').map((l) => `          ${l}`),
    `        shell: ${shell}`,
    '',
  ].join('\n')
  const files = {
    '.github/workflows/b.yml': workflow,
    'lin/Dockerfile': LINUX,
    'win/Dockerfile': WINDOWS,
    'compose.yaml': 'services:\n  web:\n    image: ubuntu:22.04\n',
  }
  return link(files).executions.filter((e) => e.host !== undefined).map((e) => e.image)
}

describe('commands that talk to another engine or builder', () => {
  it('reads nothing on the host from a command that names another engine or builder', () => {
    for (const run of [
      'docker -H tcp://linux-docker:2376 build -t app ./lin',
      'docker --host=ssh://ci@linux-box build ./lin',
      'docker --context linuxbox run ubuntu:22.04 echo',
      'docker -c linuxbox compose up -d',
      'docker-compose -H tcp://linux-docker:2376 up -d',
      'docker buildx build --builder remote --platform linux/arm64 --push ./lin',
      'docker buildx --builder remote build ./lin',
      'docker -H "$LINUX_HOST" pull ubuntu:22.04',
    ]) {
      expect(images('windows-2022', run), run).toEqual([])
    }
    expect(images('ubuntu-latest', 'docker --context win-build build ./win')).toEqual([])
  })

  it('reads nothing on the host where DOCKER_HOST, DOCKER_CONTEXT or BUILDX_BUILDER point elsewhere', () => {
    expect(images('windows-2022', 'docker build ./lin', ['DOCKER_HOST: tcp://linux-docker:2376'])).toEqual([])
    expect(images('windows-2022', 'docker run ubuntu:22.04', ['DOCKER_HOST: ${{ secrets.DOCKER_HOST }}'])).toEqual([])
    expect(images('windows-2022', 'docker compose up', ['DOCKER_CONTEXT: linuxbox'])).toEqual([])
    expect(images('windows-2022', 'docker buildx build ./lin', ['BUILDX_BUILDER: remote'])).toEqual([])
    expect(images('windows-2022', 'export DOCKER_HOST=ssh://ci@linux-box\ndocker build ./lin')).toEqual([])
    expect(images('windows-2022', 'DOCKER_HOST=tcp://linux-docker:2376 docker run ubuntu:22.04')).toEqual([])
    expect(images('windows-2022', '$env:DOCKER_HOST = "tcp://linux-docker:2376"\ndocker build ./lin', [], 'pwsh')).toEqual([])
  })

  it('reads the command on the host when the engine and builder named are the local defaults', () => {
    expect(images('windows-2022', 'docker -H npipe:////./pipe/docker_engine build ./lin')).toEqual(['ubuntu:22.04'])
    expect(images('windows-2022', 'docker --context default run ubuntu:22.04')).toEqual(['ubuntu:22.04'])
    expect(images('windows-2022', 'docker buildx build --builder default ./lin')).toEqual(['ubuntu:22.04'])
    expect(images('windows-2022', 'docker build ./lin', ['DOCKER_HOST: npipe:////./pipe/docker_engine'])).toEqual(['ubuntu:22.04'])
    expect(images('ubuntu-latest', 'docker build ./win', ['DOCKER_HOST: unix:///var/run/docker.sock'])).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ])
    expect(images('windows-2022', 'docker compose up', ["DOCKER_HOST: ''"])).toEqual(['ubuntu:22.04'])
    // BUILDX_BUILDER is a build's only; the builder option of a build does not move a run.
    expect(images('windows-2022', 'docker run ubuntu:22.04', ['BUILDX_BUILDER: remote'])).toEqual(['ubuntu:22.04'])
    // The option names the engine: DOCKER_HOST does not matter then.
    expect(images('windows-2022', 'docker -H npipe:////./pipe/docker_engine build ./lin', ['DOCKER_HOST: tcp://x:2376'])).toEqual(['ubuntu:22.04'])
  })
})

/** The images the steps (one script each) start on `runsOn`. */
function imagesOfSteps(runsOn: string, runs: readonly string[]): (string | undefined)[] {
  const workflow = [
    'on: push',
    'jobs:',
    '  b:',
    `    runs-on: ${runsOn}`,
    '    steps:',
    ...runs.flatMap((run) => ['      - run: |', ...run.split('\n').map((l) => `          ${l}`), '        shell: bash']),
    '',
  ].join('\n')
  const files = {
    '.github/workflows/b.yml': workflow,
    'lin/Dockerfile': LINUX,
    'win/Dockerfile': WINDOWS,
    'compose.yaml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n',
  }
  return link(files).executions.filter((e) => e.host !== undefined).map((e) => e.image)
}

describe('an engine or builder selected by an earlier command', () => {
  const WINDOWS_IMAGE = 'mcr.microsoft.com/windows/servercore:ltsc2022'

  it('reads nothing on the host after docker context use, in the step and in the later steps', () => {
    const use = 'docker context create win --docker "host=ssh://deploy@winserver"\ndocker context use win'
    expect(imagesOfSteps('ubuntu-latest', [`${use}\ndocker compose up -d`])).toEqual([])
    expect(imagesOfSteps('ubuntu-latest', [use, 'docker compose up -d'])).toEqual([])
    expect(imagesOfSteps('ubuntu-latest', ['docker compose up -d'])).toEqual([WINDOWS_IMAGE])
  })

  it('reads no build on the host after a builder on another machine is selected', () => {
    expect(imagesOfSteps('windows-2022', ['docker buildx use remote', 'docker buildx build ./lin'])).toEqual([])
    expect(imagesOfSteps('windows-2022', ['docker buildx create --name lx --driver remote tcp://buildkit:1234 --use', 'docker buildx build ./lin'])).toEqual([])
    expect(imagesOfSteps('windows-2022', ['docker buildx create --use \\\n  --driver=remote tcp://buildkit:1234\ndocker buildx build ./lin'])).toEqual([])
    // The builder does not run containers: a docker run is read.
    expect(imagesOfSteps('windows-2022', ['docker buildx use remote', 'docker run ubuntu:22.04'])).toEqual(['ubuntu:22.04'])
    // A builder of the default driver runs on the host's own engine.
    expect(imagesOfSteps('ubuntu-latest', ['docker buildx create --use --name multi', 'docker buildx build ./win'])).toEqual([WINDOWS_IMAGE])
  })
})

describe('a Makefile that gives docker another engine', () => {
  /** The images `make <goal>` (one step) starts on windows-2022 with `makefile`. */
  function made(makefile: string, goal = 'image'): (string | undefined)[] {
    const workflow = ['on: push', 'jobs:', '  b:', '    runs-on: windows-2022', '    steps:', `      - run: make ${goal}`, ''].join('\n')
    const files = { '.github/workflows/b.yml': workflow, 'lin/Dockerfile': LINUX, Makefile: makefile }
    return link(files).executions.filter((e) => e.host !== undefined).map((e) => e.image)
  }

  it("reads no recipe's docker command on the host when the Makefile sets DOCKER_HOST, DOCKER_CONTEXT or BUILDX_BUILDER", () => {
    expect(made('export DOCKER_HOST := tcp://linuxbox:2376\nimage:\n\tdocker build lin\n')).toEqual([])
    expect(made('DOCKER_CONTEXT ?= linuxbox\nexport DOCKER_CONTEXT\nimage:\n\tdocker build lin\n')).toEqual([])
    expect(made('image:\n\tdocker build lin\n', 'image DOCKER_HOST=tcp://linuxbox:2376')).toEqual([])
    expect(made('image:\n\tdocker -H $(REMOTE) build lin\nREMOTE := tcp://linuxbox:2376\n')).toEqual([])
    // A Makefile that names no engine: the host's.
    expect(made('TAG ?= ltsc2022\nimage:\n\tdocker build lin\n')).toEqual(['ubuntu:22.04'])
  })
})

describe('docker/setup-buildx-action with a builder elsewhere', () => {
  /** The images the job's build starts on windows-2022 after a setup-buildx-action step with `with` lines. */
  function afterSetup(withLines: readonly string[], build = '      - run: docker buildx build ./lin'): (string | undefined)[] {
    const workflow = [
      'on: push',
      'jobs:',
      '  b:',
      '    runs-on: windows-2022',
      '    steps:',
      '      - uses: docker/setup-buildx-action@v3',
      ...(withLines.length > 0 ? ['        with:', ...withLines.map((l) => `          ${l}`)] : []),
      build,
      '',
    ].join('\n')
    const files = { '.github/workflows/b.yml': workflow, 'lin/Dockerfile': LINUX }
    return link(files).executions.filter((e) => e.host !== undefined).map((e) => e.image)
  }

  it('reads no later build on the host when the action selects a remote or Kubernetes builder', () => {
    expect(afterSetup(['driver: remote', 'endpoint: tcp://buildkit:1234'])).toEqual([])
    expect(afterSetup(['driver: kubernetes'])).toEqual([])
    expect(afterSetup(['endpoint: ssh://ci@linuxbox'])).toEqual([])
    expect(afterSetup(['driver: ${{ inputs.driver }}'])).toEqual([])
    expect(afterSetup(['driver: remote', 'endpoint: tcp://buildkit:1234'], '      - uses: docker/build-push-action@v6\n        with:\n          context: lin')).toEqual([])
  })

  it('reads the build on the host with the default driver, or a builder the action does not select', () => {
    expect(afterSetup([])).toEqual(['ubuntu:22.04'])
    expect(afterSetup(['driver: docker-container'])).toEqual(['ubuntu:22.04'])
    expect(afterSetup(['driver: remote', 'endpoint: tcp://buildkit:1234', 'use: false'])).toEqual(['ubuntu:22.04'])
    // The builder runs no containers.
    expect(afterSetup(['driver: remote', 'endpoint: tcp://buildkit:1234'], '      - run: docker run ubuntu:22.04')).toEqual(['ubuntu:22.04'])
  })
})

describe('an engine or builder selected in a file a step runs', () => {
  const WINDOWS_IMAGE = 'mcr.microsoft.com/windows/servercore:ltsc2022'

  /** The images the steps (`run` lines, bash) start on ubuntu-latest with the files `extra`. */
  function stepsWith(runs: readonly string[], extra: Record<string, string>): (string | undefined)[] {
    const workflow = ['on: push', 'jobs:', '  b:', '    runs-on: ubuntu-latest', '    steps:', ...runs.flatMap((r) => [`      - run: ${r}`, '        shell: bash']), ''].join('\n')
    const files = {
      '.github/workflows/b.yml': workflow,
      'compose.yaml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n',
      ...extra,
    }
    return link(files).executions.filter((e) => e.host !== undefined).map((e) => e.image)
  }

  it('reads nothing on the host in the later steps after a followed script selects a context', () => {
    const script = '#!/bin/bash\ndocker context create win --docker "host=ssh://deploy@winserver"\ndocker context use win\n'
    expect(stepsWith(['./ctx.sh', 'docker compose up -d'], { 'ctx.sh': script })).toEqual([])
    // A script the followed one runs selects it.
    expect(stepsWith(['./ci.sh', 'docker compose up -d'], { 'ci.sh': '#!/bin/bash\n./ctx.sh\n', 'ctx.sh': script })).toEqual([])
    // A script that selects nothing leaves the host's engine.
    expect(stepsWith(['./ctx.sh', 'docker compose up -d'], { 'ctx.sh': '#!/bin/bash\necho hi\n' })).toEqual([WINDOWS_IMAGE])
  })

  it('reads nothing on the host in the later steps after a make recipe selects a context', () => {
    const makefile = 'remote:\n\tdocker context use win\n'
    expect(stepsWith(['make remote', 'docker compose up -d'], { Makefile: makefile })).toEqual([])
    expect(stepsWith(['make remote', 'docker compose up -d'], { Makefile: 'remote:\n\t./ctx.sh\n', 'ctx.sh': '#!/bin/bash\ndocker context use win\n' })).toEqual([])
    expect(stepsWith(['make remote', 'docker compose up -d'], { Makefile: 'remote:\n\techo hi\n' })).toEqual([WINDOWS_IMAGE])
  })
})
