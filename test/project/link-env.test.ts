import { describe, expect, it } from 'vitest'
import { linkFiles as link } from '../harness/link-files.js'

const DOCKERFILE = ['ARG RELEASE=ltsc2022', 'FROM mcr.microsoft.com/windows/servercore:$RELEASE', 'RUN echo build', ''].join('\n')
const MAKEFILE = 'OSVERSION ?= ltsc2022\nimage:\n\tdocker build --build-arg RELEASE=$(OSVERSION) .\n'
const COMPOSE = ['services:', '  web:', '    image: mcr.microsoft.com/windows/servercore:${RELEASE:-ltsc2022}', ''].join('\n')

/** The images a bash step `run` starts (builds and Compose services), with RELEASE and OSVERSION set to ltsc2025 by the job. */
function images(run: string): (string | undefined)[] {
  const workflow = [
    'on: push',
    'jobs:',
    '  b:',
    '    runs-on: windows-2022',
    '    env:',
    '      RELEASE: ltsc2025',
    '      OSVERSION: ltsc2025',
    '    steps:',
    `      - run: ${run}`,
    '        shell: bash',
    '',
  ].join('\n')
  const files = { '.github/workflows/b.yml': workflow, Dockerfile: DOCKERFILE, Makefile: MAKEFILE, 'compose.yaml': COMPOSE }
  return link(files).executions.filter((e) => e.host !== undefined).map((e) => e.image)
}

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:'

describe('linking commands through env prefixes', () => {
  it('gives a docker command the environment env leaves it: -u unsets, -i empties, assignments after set', () => {
    expect(images('docker build --build-arg RELEASE .')).toEqual([`${SERVERCORE}ltsc2025`])
    // Unset (not unknown): docker passes no value, the Dockerfile's default applies.
    expect(images('env -u RELEASE docker build --build-arg RELEASE .')).toEqual([`${SERVERCORE}ltsc2022`])
    expect(images('env -i PATH="$PATH" docker build --build-arg RELEASE .')).toEqual([`${SERVERCORE}ltsc2022`])
    expect(images('env -i PATH="$PATH" RELEASE=ltsc2019 docker build --build-arg RELEASE .')).toEqual([`${SERVERCORE}ltsc2019`])
    expect(images('RELEASE=ltsc2019 env -u RELEASE docker build --build-arg RELEASE .')).toEqual([`${SERVERCORE}ltsc2022`])
    // `env -S`: the arguments of its string, read as env's next options, assignments and command.
    expect(images("env -S 'docker build --build-arg RELEASE .'")).toEqual([`${SERVERCORE}ltsc2025`])
    expect(images("env -S '-u RELEASE docker build --build-arg RELEASE .'")).toEqual([`${SERVERCORE}ltsc2022`])
    expect(images("env -S 'OSVERSION=ltsc2019 make' image")).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('expands the arguments where the command is written (the step), not in the environment its prefixes leave', () => {
    // The shell expands ${RELEASE:-…} with the job's RELEASE before env removes it from docker's environment.
    expect(images('env -u RELEASE docker build --build-arg RELEASE=${RELEASE:-ltsc2019} .')).toEqual([`${SERVERCORE}ltsc2025`])
    expect(images('env -i PATH="$PATH" docker build --build-arg RELEASE=${RELEASE:-ltsc2019} .')).toEqual([`${SERVERCORE}ltsc2025`])
    // An assignment before the command is in its environment, not in its arguments (the shell expands them first).
    expect(images('X=ltsc2019 docker build --build-arg RELEASE=${X:-ltsc2025} .')).toEqual([`${SERVERCORE}ltsc2025`])
    expect(images('RELEASE=ltsc2019 docker build --build-arg RELEASE .')).toEqual([`${SERVERCORE}ltsc2019`])
  })

  it('interpolates a Compose file with the environment env leaves (the default of an unset variable)', () => {
    expect(images('docker compose up -d')).toEqual([`${SERVERCORE}ltsc2025`])
    expect(images('env -u RELEASE docker compose up -d')).toEqual([`${SERVERCORE}ltsc2022`])
    expect(images('env --unset=RELEASE docker compose up -d')).toEqual([`${SERVERCORE}ltsc2022`])
    // sudo may drop RELEASE (sudoers): unknown, not the Compose default of an unset variable.
    expect(images('sudo docker compose up -d')).toEqual([undefined])
    expect(images('sudo -E docker compose up -d')).toEqual([`${SERVERCORE}ltsc2025`])
  })

  it('follows make with the environment env leaves it (the Makefile default of an unset variable)', () => {
    expect(images('make image')).toEqual([`${SERVERCORE}ltsc2025`])
    expect(images('env -u OSVERSION make image')).toEqual([`${SERVERCORE}ltsc2022`])
    expect(images('env -i PATH="$PATH" make image')).toEqual([`${SERVERCORE}ltsc2022`])
    // sudo may drop OSVERSION (sudoers): unknown; env -u after it removes it for sure.
    expect(images('sudo make image')).toEqual([undefined])
    expect(images('sudo env -u OSVERSION make image')).toEqual([`${SERVERCORE}ltsc2022`])
  })

  it('links nothing where env hides the command or its folder', () => {
    for (const run of [
      "env -S 'docker build --build-arg RELEASE ${CONTEXT}'",
      'env -i docker build .',
      'env -u PATH make image',
      'env -C sub docker build .',
      'env --chdir=sub make image',
      'env -x docker build .',
      'env --help docker build .',
    ]) {
      expect(images(run), run).toEqual([])
    }
  })
})
