import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../../src/lint.js'
import { linkFiles as link } from '../harness/link-files.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

const DOCKERFILE = [
  'ARG RELEASE=ltsc2022',
  'FROM mcr.microsoft.com/windows/servercore:$RELEASE AS build',
  'RUN echo build',
  'FROM mcr.microsoft.com/windows/nanoserver:${RELEASE}',
  'COPY --from=build C:/out C:/out',
  '',
].join('\n')

/**
 * A workflow with one job `b` on windows-2022: each step is a `run:` with its other keys (`shell: bash`), and `env`
 * the job's environment.
 */
function oneJob(steps: readonly (string | readonly string[])[], env: Record<string, string> = {}): string {
  const envLines = Object.entries(env).map(([k, v]) => `      ${k}: ${v}`)
  const stepLines = steps.flatMap((st) => {
    const [run, ...keys] = typeof st === 'string' ? [st] : st
    return [`      - run: ${run}`, ...keys.map((k) => `        ${k}`)]
  })
  return ['on: push', 'jobs:', '  b:', '    runs-on: windows-2022', ...(envLines.length > 0 ? ['    env:', ...envLines] : []), '    steps:', ...stepLines, ''].join('\n')
}

describe('linkProject', () => {
  it('reports an execution repeated by identical matrix combinations once, in order', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: windows-2022',
      '    strategy:',
      '      matrix:',
      '        n: [1, 2]',
      '    steps:',
      '      - run: |',
      '          docker build -f app/Dockerfile --build-arg RELEASE=ltsc2022 -t app app',
      '          docker run app',
      '',
    ].join('\n')
    const project = link({ '.github/workflows/ci.yml': workflow, 'app/Dockerfile': DOCKERFILE })
    const fromWorkflow = project.executions.filter((e) => e.host !== undefined)
    // Two combinations, same host line: each build stage, pull and run once.
    expect(fromWorkflow.map((e) => `${e.kind} ${e.span.file}:${e.span.start.line}:${e.span.start.column} ${e.what}`)).toEqual([
      'build .github/workflows/ci.yml:10:54 build stage \'build\' (RUN)',
      'pull app/Dockerfile:4:6 build stage #1 (FROM)',
      'run .github/workflows/ci.yml:11:22 docker run of the image built in this job',
    ])
    expect(fromWorkflow[0]).toMatchObject({ image: 'mcr.microsoft.com/windows/servercore:ltsc2022', kind: 'build' })
    expect('platform' in fromWorkflow[0]!).toBe(false)
  })

  it('reports an image use repeated by matrix combinations once, and uses of different images at one place each', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: windows-2022',
      '    strategy:',
      '      matrix:',
      '        n: [1, 2]',
      '        tag: [ltsc2022]',
      '    steps:',
      '      - run: |',
      '          docker pull mcr.microsoft.com/windows/nanoserver:${{ matrix.tag }}',
      '          docker pull mcr.microsoft.com/windows/servercore:${{ matrix.n }}',
      '',
    ].join('\n')
    const project = link({ '.github/workflows/ci.yml': workflow })
    expect(project.images.map((i) => `${i.span.start.line}:${i.span.start.column} ${i.image}`)).toEqual([
      '11:23 mcr.microsoft.com/windows/nanoserver:ltsc2022',
      '12:23 mcr.microsoft.com/windows/servercore:1',
      '12:23 mcr.microsoft.com/windows/servercore:2',
    ])
  })

  it('reads `runs-on: ${{ matrix.<key> }}` from each combination: plain values, a key in another case, a value to expand', () => {
    const job = (id: string, label: string, values: string): string[] => [
      `  ${id}:`,
      `    runs-on: ${label}`,
      '    strategy:',
      '      matrix:',
      `        os: ${values}`,
      '    steps:',
      '      - run: docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022',
    ]
    const workflow = [
      'on: push',
      'env:',
      '  RUNNER: windows-2019',
      'jobs:',
      ...job('plain', '${{ matrix.os }}', '[windows-2022, windows-2025]'),
      ...job('cased', '${{ matrix.OS }}', '[windows-2022]'),
      ...job('expanded', '${{ matrix.os }}', "['${{ env.RUNNER }}']"),
      ...job('unknown', '${{ matrix.os }}', "['${{ secrets.RUNNER }}']"),
      '',
    ].join('\n')
    const project = link({ '.github/workflows/ci.yml': workflow })
    expect(project.jobs.map((j) => `${j.job.id}: ${j.hosts.map((h) => `${h.labels?.join(',')}@${h.span?.start.line}`).join(' ')}`)).toEqual([
      'plain: windows-2022@9 windows-2025@9',
      'cased: windows-2022@13',
      'expanded: windows-2019@23',
      'unknown: ',
    ])
  })

  it.each([
    ['app', 'app:latest'],
    ['app:latest', 'app'],
    ['docker.io/library/app', 'app'],
    ['library/app:latest', 'docker.io/app'],
    ['localhost:5000/team/app', 'localhost:5000/team/app:latest'],
    ['$REG/app', '${REG}/app:latest'],
  ])('runs the image built in this job whether a tag is implied or written: build -t %s, run %s', (tag, ref) => {
    const ws = oneJob([[`docker build -t ${tag} app`, 'shell: bash'], [`docker run ${ref}`, 'shell: bash']])
    const project = link({ '.github/workflows/ci.yml': ws, 'app/Dockerfile': DOCKERFILE })
    const run = project.executions.find((e) => e.kind === 'run')
    expect(run).toMatchObject({ what: 'docker run of the image built in this job', image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' })
  })

  it.each([
    ['app:1', 'app'],
    ['app', 'app:1'],
    ['team/app', 'app'],
    ['app:$TAG', 'app'],
  ])('does not take another tag or name for the image built in this job: build -t %s, run %s', (tag, ref) => {
    const ws = oneJob([[`docker build -t ${tag} app`, 'shell: bash'], [`docker run ${ref}`, 'shell: bash']])
    const project = link({ '.github/workflows/ci.yml': ws, 'app/Dockerfile': DOCKERFILE })
    const run = project.executions.find((e) => e.kind === 'run')
    expect(run?.what).toBe('docker run')
  })

  it.each([
    [['docker build -t app:ci app', 'docker tag app:ci reg.example/app:1'], 'reg.example/app:1'],
    [['docker build -t app:ci app', 'docker image tag app:ci reg.example/app'], 'reg.example/app:latest'],
    [['docker build -t app app', 'docker tag docker.io/library/app:latest reg.example/app:1', 'docker tag reg.example/app:1 other:2'], 'other:2'],
    // The source as expanded (a build tag written with a variable), the target as written (a variable with no value).
    [['docker build -t $IMAGE app', 'docker tag app:ci $REG/app:1'], '${REG}/app:1'],
  ])('runs the image built in this job under a name docker tag gives it: %j, run %s', (commands, ref) => {
    const ws = oneJob([...commands.map((c) => [c, 'shell: bash']), [`docker run ${ref}`, 'shell: bash']], { IMAGE: 'app:ci' })
    const project = link({ '.github/workflows/ci.yml': ws, 'app/Dockerfile': DOCKERFILE })
    const run = project.executions.find((e) => e.kind === 'run')
    expect(run).toMatchObject({ what: 'docker run of the image built in this job', image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022', builtInJob: true })
  })

  it.each([
    // Another image takes the name the build gave: the run is of that one.
    [['docker build -t app:ci app', 'docker tag other:1 app:ci'], 'app:ci'],
    [['docker build -t app:ci app', 'docker tag other:1 docker.io/library/app:ci'], 'app:ci'],
    // Tagged before the build, or from a name the build did not give.
    [['docker tag app:ci reg.example/app:1', 'docker build -t app:ci app'], 'reg.example/app:1'],
    [['docker build -t app:ci app', 'docker tag app:1 reg.example/app:1'], 'reg.example/app:1'],
  ])('does not take a name docker tag gives another image for the image built in this job: %j, run %s', (commands, ref) => {
    const ws = oneJob([...commands.map((c) => [c, 'shell: bash']), [`docker run ${ref}`, 'shell: bash']])
    const project = link({ '.github/workflows/ci.yml': ws, 'app/Dockerfile': DOCKERFILE })
    const run = project.executions.find((e) => e.kind === 'run')
    expect(run?.what).toBe('docker run')
  })

  // A tag whose words isolint cannot pick out is taken to leave the names it knows alone, as a build's unknown tag is.
  it('counts the target of a docker tag among the names on the machine, and passes over a tag whose words are unknown', () => {
    const ws = oneJob([
      ['docker build -t app:ci app', 'shell: bash'],
      ['docker tag app:ci reg.example/app:1 && docker tag other:1 reg.example/other:1', 'shell: bash'],
      ['f() { docker tag "$@"; }; f other:2 app:ci', 'shell: bash'],
      ['docker run app:ci', 'shell: bash'],
    ])
    const project = link({ '.github/workflows/ci.yml': ws, 'app/Dockerfile': DOCKERFILE })
    expect(project.built).toEqual(expect.arrayContaining(['app:ci', 'reg.example/app:1', 'reg.example/other:1']))
    expect(project.executions.find((e) => e.kind === 'run')?.what).toBe('docker run of the image built in this job')
  })

  it('starts the image built in this job for a Compose service whose image names it without a build:', () => {
    const compose = ['services:', '  app:', '    image: ${APP_IMAGE}', '  hub:', '    image: docker.io/myorg/app:ci', '  other:', '    image: myorg/app:1', ''].join('\n')
    const services = (steps: readonly string[]): string[] => {
      const ws = oneJob(steps.map((st) => [st, 'shell: bash']), { APP_IMAGE: 'myorg/app:ci' })
      const project = link({ '.github/workflows/ci.yml': ws, 'app/Dockerfile': DOCKERFILE, 'compose.yaml': compose })
      return project.executions.filter((e) => e.what.startsWith('service ')).map((e) => `${e.what}: ${e.image}${e.builtInJob ? ' (built in the job)' : ''}`)
    }
    // By the name as Compose expands it, Docker Hub's `docker.io/` dropped; another tag is another image.
    expect(services(['docker build -t myorg/app:ci app', 'docker compose up -d'])).toEqual([
      'service app: mcr.microsoft.com/windows/nanoserver:ltsc2022 (built in the job)',
      'service hub: mcr.microsoft.com/windows/nanoserver:ltsc2022 (built in the job)',
      'service other: myorg/app:1',
    ])
    // Started before the build: the images of a registry.
    expect(services(['docker compose up -d', 'docker build -t myorg/app:ci app'])).toEqual([
      'service app: myorg/app:ci',
      'service hub: docker.io/myorg/app:ci',
      'service other: myorg/app:1',
    ])
  })

  describe('images a Compose command builds for a service with image:', () => {
    const BASE = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo base\n'
    const CHILD = 'ARG base\nFROM ${base}\nRUN echo child\n'
    const X = 'ghcr.io/x/y:base-1'
    const compose = (base: readonly string[]): string =>
      ['services:', '  base:', `    image: ${X}`, ...base, '  child:', '    image: ghcr.io/x/y:child-1', '    build:', '      dockerfile: child.dockerfile', '      args:', `        base: ${X}`, ''].join(
        '\n',
      )
    const BUILT = ['    build:', '      dockerfile: base.dockerfile']
    /** Each execution after the builds of `base`: what it is, its image, whether built in the job, its notes of that build. */
    const after = (steps: readonly string[], files: Record<string, string> = {}, env: Record<string, string> = {}): string[] => {
      const project = link({
        '.github/workflows/ci.yml': oneJob(steps.map((st) => [st, 'shell: bash']), env),
        'base.dockerfile': BASE,
        'child.dockerfile': CHILD,
        'compose.yaml': compose(BUILT),
        'compose.run.yaml': ['services:', '  app:', `    image: ${X}`, ''].join('\n'),
        ...files,
      })
      return project.executions
        .filter((e) => e.host !== undefined && !(e.span.file === 'base.dockerfile'))
        .map((e) => {
          const notes = e.related.filter((r) => /built here for|is built here/.test(r.message)).map((r) => ` [${r.message} @${r.span.start.line}]`)
          return `${e.what}: ${e.image}${e.builtInJob ? ' (built in the job)' : ''}${notes.join('')}`
        })
    }

    it('is the image a later command runs, builds FROM, or starts for a service without build:', () => {
      expect(
        after(['docker compose build base', 'docker compose build child', `docker run ${X}`, `docker build --build-arg base=${X} -f child.dockerfile .`, 'docker compose -f compose.run.yaml up -d']),
      ).toEqual([
        `build stage #0 (RUN) for service child from ${X}, built in this job: mcr.microsoft.com/windows/servercore:ltsc2022 (built in the job) [${X} is built here for service base @6]`,
        'docker run of the image built in this job: mcr.microsoft.com/windows/servercore:ltsc2022 (built in the job) [image built here for service base @6]',
        `build stage #0 (RUN) from ${X}, built in this job: mcr.microsoft.com/windows/servercore:ltsc2022 (built in the job) [${X} is built here for service base @6]`,
        'service app: mcr.microsoft.com/windows/servercore:ltsc2022 (built in the job) [image built here for service base @6]',
      ])
    })

    it('by the name as Compose expands it, in the service the files merge to', () => {
      // The override gives the image its name and another Dockerfile: the merged service is what Compose builds.
      const override = ['services:', '  base:', '    image: ${BASE_IMAGE}', '    build:', '      dockerfile: old.dockerfile', ''].join('\n')
      const files = {
        'compose.yaml': compose(['    build: .']).replace(`    image: ${X}\n`, ''),
        'compose.override.yaml': override,
        'old.dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo old\n',
      }
      expect(after(['docker compose build base', `docker run ${X}`], files, { BASE_IMAGE: X })).toEqual([
        'build stage #0 (RUN) for service base: mcr.microsoft.com/windows/servercore:ltsc2019',
        'docker run of the image built in this job: mcr.microsoft.com/windows/servercore:ltsc2019 (built in the job) [image built here for service base @8]',
      ])
    })

    it('is not the image of the same command\'s other services (built in parallel, or pulled)', () => {
      const one = `${compose(BUILT)}  app:\n    image: ${X}\n`
      expect(after(['docker compose -f compose.one.yaml up -d'], { 'compose.one.yaml': one })).toEqual([
        'service base: mcr.microsoft.com/windows/servercore:ltsc2022',
        `build stage #0 (RUN) for service child: ${X}`,
        `service child: ${X}`,
        `service app: ${X}`,
      ])
    })

    it.each([
      ['a Dockerfile isolint cannot read', ['    build:', '      dockerfile: missing.dockerfile']],
      ['a target isolint cannot know', ['    build:', '      dockerfile: base.dockerfile', '      target: ${TARGET}']],
    ])('forgets the name when the image built is unknown: %s', (_, build) => {
      const files = { 'compose.yaml': compose(build) }
      expect(after([`docker build -t ${X} -f base.dockerfile .`, 'docker compose build base', `docker run ${X}`], files)).toEqual([`docker run: ${X}`])
    })

    it('forgets the name two services of one command build (either may tag it last)', () => {
      const two = ['services:', '  a:', `    image: ${X}`, ...BUILT, '  b:', `    image: ${X}`, '    build:', '      dockerfile: old.dockerfile', ''].join('\n')
      const files = { 'compose.two.yaml': two, 'old.dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo old\n' }
      expect(after([`docker build -t ${X} -f base.dockerfile .`, 'docker compose -f compose.two.yaml build', `docker run ${X}`], files)).toEqual([
        'build stage #0 (RUN) for service b: mcr.microsoft.com/windows/servercore:ltsc2019',
        `docker run: ${X}`,
      ])
    })
  })

  it('joins paths with `.` and `..` segments and lists links by file, then target', () => {
    const workflow = (dockerfile: string): string => oneJob([`docker build -f ${dockerfile} .`])
    const project = link({
      '.github/workflows/b.yml': workflow('./z/../b/Dockerfile'),
      '.github/workflows/a.yml': workflow('a//Dockerfile'),
      '.github/workflows/c.yml': workflow('../outside/Dockerfile'),
      'a/Dockerfile': DOCKERFILE,
      'b/Dockerfile': DOCKERFILE,
    })
    expect(project.links).toEqual([
      { from: '.github/workflows/a.yml', to: 'a/Dockerfile' },
      { from: '.github/workflows/b.yml', to: 'b/Dockerfile' },
    ])
  })

  it('orders links by UTF-16 code units, from then to (B before a), whatever the order they were found in', () => {
    const run = ['b', 'B', 'a'].map((d) => `docker build -f ${d}/Dockerfile .`).join(' && ')
    const workflow = oneJob([run])
    const project = link({ '.github/workflows/b.yml': workflow, '.github/workflows/A.yml': workflow, 'a/Dockerfile': DOCKERFILE, 'b/Dockerfile': DOCKERFILE, 'B/Dockerfile': DOCKERFILE })
    expect(project.links.map((l) => `${l.from} ${l.to}`)).toEqual(
      ['.github/workflows/A.yml', '.github/workflows/b.yml'].flatMap((f) => ['B/Dockerfile', 'a/Dockerfile', 'b/Dockerfile'].map((d) => `${f} ${d}`)),
    )
  })

  it('links no Dockerfile for a build context outside the tree (not the one at the root)', () => {
    const linksOf = (run: string) => {
      return link({
        '.github/workflows/b.yml': oneJob([run]),
        'compose.yaml': ['services:', '  web:', '    build: ../elsewhere', ''].join('\n'),
        Dockerfile: DOCKERFILE,
      }).links.map((l) => l.to)
    }
    expect(linksOf('docker build ..')).toEqual([])
    expect(linksOf('docker build .')).toEqual(['Dockerfile'])
    expect(linksOf('docker compose up')).toEqual(['compose.yaml'])
  })

  it('reads a Windows working-directory (`.\\app\\`) as the folder app for the default Compose file', () => {
    const workflow = oneJob([['docker compose up', 'working-directory: .\\app\\']])
    const project = link({
      '.github/workflows/b.yml': workflow,
      'app/compose.yaml': ['services:', '  web:', '    build: .', ''].join('\n'),
      'app/Dockerfile': DOCKERFILE,
    })
    expect(project.links).toEqual([
      { from: '.github/workflows/b.yml', to: 'app/Dockerfile' },
      { from: '.github/workflows/b.yml', to: 'app/compose.yaml' },
    ])
  })

  it('follows make after sudo without the step environment, unless sudo keeps it (-E, --preserve-env=NAME)', () => {
    const built = (run: string): (string | undefined)[] => {
      const workflow = oneJob([[run, 'shell: bash']], { OSVERSION: 'ltsc2019' })
      const makefile = 'OSVERSION ?= ltsc2022\nimage:\n\tdocker build --build-arg RELEASE=$(OSVERSION) .\n'
      return link({ '.github/workflows/b.yml': workflow, Makefile: makefile, Dockerfile: DOCKERFILE })
        .executions.filter((e) => e.kind === 'build')
        .map((e) => e.image)
    }
    expect(built('make image')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2019'])
    // Whether sudo keeps OSVERSION is the host's sudoers policy: unknown, not the Makefile's default.
    expect(built('sudo make image')).toEqual([undefined])
    expect(built('sudo -E make image')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2019'])
    expect(built('sudo --preserve-env=OSVERSION make image')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2019'])
    expect(built('sudo OSVERSION=ltsc2025 make image')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2025'])
    // What is assigned before sudo reaches the command when sudo keeps it, and is unknown when sudo may not.
    expect(built('OSVERSION=ltsc2025 sudo -E make image')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2025'])
    expect(built('OSVERSION=ltsc2025 sudo --preserve-env=OSVERSION make image')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2025'])
    expect(built('OSVERSION=ltsc2025 sudo --preserve-env=OTHER make image')).toEqual([undefined])
    expect(built('OSVERSION=ltsc2025 sudo -Eu ci make image')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2025'])
  })

  it('gives a docker command the environment its prefixes set (X=1 docker …, sudo docker …)', () => {
    const run = (cmd: string, files: Record<string, string>) => {
      return link({ '.github/workflows/b.yml': oneJob([[cmd, 'shell: bash']], { TAG: 'ltsc2019' }), ...files })
    }
    // (Compose interpolation with the command's environment: fixture process-isolation-build-mismatch/valid-prefixed-docker.)
    const built = (cmd: string) =>
      run(cmd, { Dockerfile: DOCKERFILE }).executions.filter((e) => e.kind === 'build').map((e) => e.image)
    expect(built('RELEASE=ltsc2025 docker build --build-arg RELEASE .')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2025'])
    expect(built('env RELEASE=ltsc2025 docker build --build-arg RELEASE .')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2025'])
    expect(built('RELEASE=ltsc2025 sudo -E docker build --build-arg RELEASE .')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2025'])
    // sudo may drop RELEASE (the host's sudoers policy): unknown, not the Dockerfile's default.
    expect(built('RELEASE=ltsc2025 sudo docker build --build-arg RELEASE .')).toEqual([undefined])
    // Without a value anywhere, docker leaves the argument unset: the Dockerfile's default.
    expect(built('docker build --build-arg RELEASE .')).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022'])
  })

  it('links nothing for a docker command that sudo runs in another folder (-i, --login, -D, --chdir)', () => {
    const linksOf = (cmd: string) => {
      return link({ '.github/workflows/b.yml': oneJob([[cmd, 'shell: bash']]), Dockerfile: DOCKERFILE, 'sub/Dockerfile': DOCKERFILE }).links.map((l) => l.to)
    }
    expect(linksOf('sudo docker build .')).toEqual(['Dockerfile'])
    expect(linksOf('sudo -u ci docker build .')).toEqual(['Dockerfile'])
    // A value written inline is no option: -uadmin is not -i.
    expect(linksOf('sudo -uadmin docker build .')).toEqual(['Dockerfile'])
    for (const cmd of ['sudo -i docker build .', 'sudo -Ei docker build .', 'sudo --login docker build .', 'sudo -D sub docker build .', 'sudo --chdir=sub docker build .', 'sudo --chdir sub docker build .', 'sudo -i docker compose up']) {
      expect(linksOf(cmd), cmd).toEqual([])
    }
    // An image run by name is the same image in any folder.
    const workflow = oneJob([['sudo -i docker run mcr.microsoft.com/windows/servercore:ltsc2019', 'shell: bash']])
    expect(link({ '.github/workflows/b.yml': workflow }).executions.map((e) => e.image)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2019'])
  })

  it('links nothing by a relative path in a working-directory isolint cannot know (not the root files)', () => {
    const linksOf = (dir: string): string[] => {
      const steps = ['docker build .', 'docker compose up', 'make image', './build.sh'].map((run) => [run, `working-directory: ${dir}`])
      return link({
        '.github/workflows/b.yml': oneJob(steps),
        Dockerfile: DOCKERFILE,
        'compose.yaml': ['services:', '  web:', '    build: .', ''].join('\n'),
        Makefile: 'image:\n\tdocker build -f Dockerfile .\n',
        'build.sh': 'docker build -f Dockerfile .\n',
      }).links.map((l) => l.to)
    }
    expect(linksOf('.')).toEqual(['Dockerfile', 'compose.yaml'])
    expect(linksOf('${{ inputs.dir }}')).toEqual([])
  })

  it('follows a script in the working-directory only when that folder is in the tree (`/app` is not `app`)', () => {
    const workflow = (dir: string): string => oneJob([['./run.sh', `working-directory: ${dir}`]])
    const scriptRuns = (dir: string): string[] =>
      link({ '.github/workflows/b.yml': workflow(dir), 'app/run.sh': 'docker run mcr.microsoft.com/windows/nanoserver:ltsc2022\n' })
        .executions.filter((e) => e.span.file === 'app/run.sh')
        .map((e) => `${e.kind} ${e.image}`)
    expect(scriptRuns('app')).toEqual(['run mcr.microsoft.com/windows/nanoserver:ltsc2022'])
    expect(scriptRuns('/app')).toEqual([])
  })

  it('follows a local composite action by its action.yaml as by its action.yml, the .yml first when there are both', () => {
    const workflow = oneJob([]).replace('    steps:\n', '    steps:\n      - uses: ./.github/actions/image\n')
    const action = (tag: string): string =>
      ['runs:', '  using: composite', '  steps:', `    - run: docker run mcr.microsoft.com/windows/nanoserver:${tag}`, '      shell: pwsh', ''].join('\n')
    const runs = (files: Record<string, string>): string[] =>
      link({ '.github/workflows/b.yml': workflow, ...files }).executions.map((e) => `${e.span.file}:${e.span.start.line} ${e.image}`)
    expect(runs({ '.github/actions/image/action.yaml': action('ltsc2022') })).toEqual([
      '.github/actions/image/action.yaml:4 mcr.microsoft.com/windows/nanoserver:ltsc2022',
    ])
    expect(runs({ '.github/actions/image/action.yaml': action('ltsc2022'), '.github/actions/image/action.yml': action('ltsc2025') })).toEqual([
      '.github/actions/image/action.yml:4 mcr.microsoft.com/windows/nanoserver:ltsc2025',
    ])
  })

  it('records what the builds tag, expanded, whether or not their Dockerfile is read (Project.built)', () => {
    const workflow = oneJob(
      [
        ['docker build -t $env:IMAGE -t contoso/app:ci app', 'shell: pwsh'],
        // Outside the tree: no Dockerfile is read, but the tag is the build's all the same.
        'docker build -t contoso/outside:1 ../elsewhere',
        // Unknown: no name is recorded for it.
        ['docker build -t $env:UNKNOWN app', 'shell: pwsh'],
      ],
      { IMAGE: 'nats:2.10-windowsservercore-ltsc2025' },
    ).replace(
      '    steps:\n',
      [
        '    steps:',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          context: app',
        '          tags: contoso/action:1,contoso/action:2',
        '',
      ].join('\n'),
    )
    const compose = ['services:', '  built:', '    build: ./app', '    image: contoso/compose:1', '  pulled:', '    image: contoso/pulled:1', ''].join('\n')
    const project = link({
      '.github/workflows/ci.yml': workflow,
      'app/Dockerfile': DOCKERFILE,
      'compose.yaml': compose,
    })
    expect([...(project.built ?? [])].sort()).toEqual([
      'contoso/action:1',
      'contoso/action:2',
      'contoso/app:ci',
      'contoso/compose:1',
      'contoso/outside:1',
      'nats:2.10-windowsservercore-ltsc2025',
    ])
  })

  describe('as a run of isolint reads the files (ProjectLoader, not the test harness)', () => {
    afterAll(removeTemps)
    const workflow = oneJob([]).replace('    steps:\n', '    steps:\n      - uses: ./.github/actions/image\n')
    const action = (tag: string): string =>
      ['runs:', '  using: composite', '  steps:', `    - run: docker run mcr.microsoft.com/windows/nanoserver:${tag}`, '      shell: pwsh', ''].join('\n')
    const runs = (files: Record<string, string>): string[] => {
      const root = tempDir()
      writeTree(root, { '.github/workflows/b.yml': workflow, ...files })
      const result = lint({ root, config: false })
      expect(result.crashes).toEqual([])
      return result.project.executions.map((e) => `${e.span.file}:${e.span.start.line} ${e.image}`)
    }

    it('follows the action.yaml, and the action.yml when there are both', () => {
      expect(runs({ '.github/actions/image/action.yaml': action('ltsc2022') })).toEqual([
        '.github/actions/image/action.yaml:4 mcr.microsoft.com/windows/nanoserver:ltsc2022',
      ])
      expect(runs({ '.github/actions/image/action.yaml': action('ltsc2022'), '.github/actions/image/action.yml': action('ltsc2025') })).toEqual([
        '.github/actions/image/action.yml:4 mcr.microsoft.com/windows/nanoserver:ltsc2025',
      ])
    })
  })
})

describe('where a build stage points: at the build arg that decided its FROM, or at the FROM', () => {
  /** Where the build stage of `docker build <args> .` on windows-2022 points, with the Dockerfile's lines given. */
  function buildStageAt(args: string, dockerfile: readonly string[]): string {
    const project = link({ '.github/workflows/ci.yml': oneJob([`docker build ${args} .`]), Dockerfile: [...dockerfile, ''].join('\n') })
    const e = project.executions.find((x) => x.kind === 'build' && x.host !== undefined)!
    return `${e.span.file}:${e.span.start.line}:${e.span.start.column} ${e.image}`
  }
  const SERVERCORE = 'mcr.microsoft.com/windows/servercore'
  const ARG_AT = '.github/workflows/ci.yml:6:39'

  it('points at the build arg a FROM reads, by a plain reference or in an operator word it uses', () => {
    expect(buildStageAt('--build-arg TAG=ltsc2025', ['ARG TAG', `FROM ${SERVERCORE}:$TAG`, 'RUN echo'])).toBe(`${ARG_AT} ${SERVERCORE}:ltsc2025`)
    expect(buildStageAt('--build-arg tag=ltsc2025', ['ARG TAG=ltsc2022', `FROM ${SERVERCORE}:\${TAG}`, 'RUN echo'])).toBe(`${ARG_AT} ${SERVERCORE}:ltsc2025`)
    expect(buildStageAt('--build-arg TAG=ltsc2025', ['ARG TAG', `FROM ${SERVERCORE}:\${TAG:-ltsc2022}`, 'RUN echo'])).toBe(`${ARG_AT} ${SERVERCORE}:ltsc2025`)
    expect(buildStageAt('--build-arg TAG=ltsc2025', ['ARG BASE', 'ARG TAG', `FROM \${BASE:-${SERVERCORE}:\${TAG}}`, 'RUN echo'])).toBe(
      `${ARG_AT} ${SERVERCORE}:ltsc2025`,
    )
  })

  it('points at the build arg a FROM reads through the defaults of the ARGs it names, not at one it does not read', () => {
    expect(buildStageAt('--build-arg TAG=ltsc2025', ['ARG TAG', `ARG BASE=${SERVERCORE}:\${TAG}`, 'FROM ${BASE}', 'RUN echo'])).toBe(`${ARG_AT} ${SERVERCORE}:ltsc2025`)
    expect(buildStageAt('--build-arg TAG=ltsc2025', ['ARG TAG', `ARG BASE=${SERVERCORE}:ltsc2022`, 'FROM ${BASE}', 'RUN echo'])).toBe(`Dockerfile:3:6 ${SERVERCORE}:ltsc2022`)
  })

  it('points at a build arg a global ARG brings in whatever else is given, and at the FROM when none can (a fast path)', () => {
    // A global ARG declares it, or its default names it (a platform ARG the builder predefines), next to other args.
    const other = '--build-arg RELEASE=ltsc2019'
    expect(buildStageAt(`${other} --build-arg TAG=ltsc2025`, ['ARG TAG', `ARG BASE=${SERVERCORE}:\${TAG}`, 'FROM ${BASE}', 'RUN echo'])).toBe(
      '.github/workflows/ci.yml:6:68 mcr.microsoft.com/windows/servercore:ltsc2025',
    )
    expect(buildStageAt(`${other} --build-arg TARGETARCH=amd64`, [`ARG BASE=${SERVERCORE}:\${TARGETARCH}`, 'FROM ${BASE}', 'RUN echo'])).toBe(
      '.github/workflows/ci.yml:6:68 mcr.microsoft.com/windows/servercore:amd64',
    )
    // Given args no global ARG takes: the FROM, as without them.
    const df = ['ARG REGISTRY=mcr.microsoft.com', 'ARG VERSION=ltsc2025', 'FROM ${REGISTRY}/windows/servercore:${VERSION:-ltsc2022}', 'RUN echo']
    expect(buildStageAt(other, df)).toBe(`Dockerfile:3:6 ${SERVERCORE}:ltsc2025`)
    expect(buildStageAt(`${other} --build-arg OTHER=x`, df)).toBe(`Dockerfile:3:6 ${SERVERCORE}:ltsc2025`)
    expect(buildStageAt('--build-arg version=ltsc2019', df)).toBe(`${ARG_AT} ${SERVERCORE}:ltsc2019`)
  })

  it('points at the FROM when the builder ignores the build arg (no ARG before the first FROM declares it)', () => {
    // The classic builder and BuildKit alike leave TAG unset: its default decides, and the fix goes in the Dockerfile.
    expect(buildStageAt('--build-arg TAG=ltsc2022', [`FROM ${SERVERCORE}:\${TAG:-ltsc2025}`, 'RUN echo'])).toBe(`Dockerfile:1:6 ${SERVERCORE}:ltsc2025`)
    // Declared in a stage only: not seen by FROM lines.
    expect(buildStageAt('--build-arg TAG=ltsc2022', ['FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS a', 'ARG TAG', `FROM ${SERVERCORE}:\${TAG:-ltsc2025}`, 'RUN echo'])).toBe(
      `Dockerfile:3:6 ${SERVERCORE}:ltsc2025`,
    )
  })

  it('points at the FROM when the build arg sits in a word the expansion does not use', () => {
    expect(
      buildStageAt(`--build-arg BASE=${SERVERCORE}:ltsc2025 --build-arg TAG=ltsc2022`, ['ARG BASE', 'ARG TAG', `FROM \${BASE:-${SERVERCORE}:\${TAG}}`, 'RUN echo']),
    ).toBe(`${ARG_AT} ${SERVERCORE}:ltsc2025`)
    expect(buildStageAt('--build-arg TAG=ltsc2022', ['ARG BASE=mcr.microsoft.com/windows/servercore:ltsc2025', 'ARG TAG', `FROM \${BASE:-${SERVERCORE}:\${TAG}}`, 'RUN echo'])).toBe(
      `Dockerfile:3:6 ${SERVERCORE}:ltsc2025`,
    )
  })
})

describe('a Compose build: its build args, where its findings point, and where its isolation goes', () => {
  const SERVERCORE = 'mcr.microsoft.com/windows/servercore'
  const DF = ['ARG RELEASE=ltsc2022', `FROM ${SERVERCORE}:\${RELEASE}`, 'RUN echo hi', ''].join('\n')
  /** `docker compose up --build` on windows-2022, with the job's environment, over a service `web` built from app/. */
  function composeBuild(build: readonly string[], env: Record<string, string> = {}) {
    return link({
      '.github/workflows/ci.yml': oneJob(['docker compose up --build'], env),
      'compose.yaml': ['services:', '  web:', '    build:', '      context: app', ...build.map((l) => `      ${l}`), ''].join('\n'),
      'app/Dockerfile': DF,
    }).executions.filter((e) => e.host !== undefined)
  }
  const where = (e: { span: { file: string; start: { line: number; column: number } } }) => `${e.span.file}:${e.span.start.line}:${e.span.start.column}`

  it('reads a build arg from a variable it has no value for as unknown, not as the Dockerfile default', () => {
    // Compose passes what the variable holds (an empty string when it is unset): the default never applies.
    const unset = composeBuild(['args:', '  RELEASE: ${WIN_RELEASE}'])
    expect(unset.map((e) => `${e.kind} ${e.image}`)).toEqual(['build undefined', 'run undefined'])
    const set = composeBuild(['args:', '  RELEASE: ${WIN_RELEASE}'], { WIN_RELEASE: 'ltsc2019' })
    expect(set.map((e) => `${e.kind} ${e.image}`)).toEqual([`build ${SERVERCORE}:ltsc2019`, `run ${SERVERCORE}:ltsc2019`])
    // Written without a value, the arg is passed only when the variable is set, as `docker build --build-arg RELEASE`.
    expect(composeBuild(['args:', '  - RELEASE']).map((e) => e.image)).toEqual([`${SERVERCORE}:ltsc2022`, `${SERVERCORE}:ltsc2022`])
  })

  it('points the build stage and the service at the build arg that decided the FROM, with notes back to both files', () => {
    const [build, run] = composeBuild(['args:', '  RELEASE: ltsc2019'])
    expect(where(build!)).toBe('compose.yaml:6:18')
    expect(where(run!)).toBe('compose.yaml:6:18')
    expect(build!.what).toBe('build stage #0 (RUN) for service web')
    expect(build!.related.map((r) => `${where(r)} ${r.message}`)).toEqual([
      '.github/workflows/ci.yml:4:14 runs on windows-2022 (Windows build 20348)',
      '.github/workflows/ci.yml:6:14 built here',
      'compose.yaml:3:5 built for service web',
      'app/Dockerfile:2:6 base image of this stage',
      'app/Dockerfile:3:1 RUN starts a container from this image',
    ])
    // A list item `KEY=value`: at its value.
    expect(where(composeBuild(['args:', '  - RELEASE=ltsc2019'])[0]!)).toBe('compose.yaml:6:19')
    // No build arg in the FROM: the FROM is where the fix goes.
    expect(composeBuild(['args:', '  OTHER: x']).map(where)).toEqual(['app/Dockerfile:2:6', 'compose.yaml:4:7'])
  })

  it('lets docker compose build --build-arg override the service args, by name whatever its case, or make them unknown', () => {
    const build = (cmd: string, env: Record<string, string> = {}) =>
      link({
        '.github/workflows/ci.yml': oneJob([cmd], env),
        'compose.yaml': ['services:', '  web:', '    build:', '      context: app', '      args:', '        RELEASE: ltsc2019', ''].join('\n'),
        'app/Dockerfile': DF,
      })
        .executions.filter((e) => e.host !== undefined)
        .map((e) => `${where(e)} ${e.image}`)
    // The command's value wins, and the finding points at it.
    expect(build('docker compose build --build-arg RELEASE=ltsc2022')).toEqual([`.github/workflows/ci.yml:6:47 ${SERVERCORE}:ltsc2022`])
    expect(build('docker compose build --build-arg release=ltsc2022 web')).toEqual([`.github/workflows/ci.yml:6:47 ${SERVERCORE}:ltsc2022`])
    // A value isolint cannot know: unknown, not the service's, and the finding points at it (the fix goes there).
    expect(build('docker compose build --build-arg RELEASE=$X')).toEqual(['.github/workflows/ci.yml:6:47 undefined'])
    // Without a value: the environment's when it has one, else Compose drops it and the service's value stays.
    expect(build('docker compose build --build-arg RELEASE', { RELEASE: 'ltsc2022' })).toEqual([`.github/workflows/ci.yml:8:47 ${SERVERCORE}:ltsc2022`])
    expect(build('docker compose build --build-arg RELEASE')).toEqual([`compose.yaml:6:18 ${SERVERCORE}:ltsc2019`])
    // Another build arg leaves the service's.
    expect(build('docker compose build --build-arg OTHER=1')).toEqual([`compose.yaml:6:18 ${SERVERCORE}:ltsc2019`])
  })

  it("gives the build's isolation fix under build: (its isolation key when there is one), not in the Dockerfile", () => {
    const [build] = composeBuild(['isolation: process'])
    expect(build!.isolationFixSpan.file).toBe('compose.yaml')
    expect(build!.isolationFixSpan.start.line).toBe(5)
    expect(build!.service).toBe('web')
    const [plain] = composeBuild(['args:', '  RELEASE: ltsc2019'])
    expect(`${plain!.isolationFixSpan.file}:${plain!.isolationFixSpan.start.line}`).toBe('compose.yaml:4')
  })
})

describe('a Compose build in a lint run', () => {
  afterAll(() => removeTemps())

  it('tells to set isolation under build:, not the docker CLI flag', () => {
    const root = tempDir()
    writeTree(root, {
      '.github/workflows/ci.yml': oneJob(['docker compose up --build']),
      'compose.yaml': ['services:', '  web:', '    build:', '      context: app', '      args:', '        RELEASE: ltsc2019', ''].join('\n'),
      'app/Dockerfile': ['ARG RELEASE=ltsc2022', 'FROM mcr.microsoft.com/windows/servercore:${RELEASE}', 'RUN echo hi', ''].join('\n'),
    })
    const findings = lint({ root, config: false }).findings.filter((f) => f.ruleId === 'process-isolation-build-mismatch')
    expect(findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.message.slice(f.message.lastIndexOf(' or ') + 4)}`)).toEqual([
      'compose.yaml:6 isolation: hyperv under build: of service web',
      'compose.yaml:6 isolation: hyperv',
    ])
  })
})

describe('a named Compose override (x.override.yml) no command reads', () => {
  const files = {
    'docker-compose.xm1.yml': ['services:', '  app:', '    isolation: hyperv', '    image: mcr.microsoft.com/windows/servercore:ltsc2019', ''].join('\n'),
    'docker-compose.xm1.override.yml': ['services:', '  app:', '    image: contoso.azurecr.io/app:1.0-ltsc2019', ''].join('\n'),
  }
  /** The isolation of each `run` of a service, by the file and line of its image. */
  const runs = (project: ReturnType<typeof link>) =>
    project.executions.filter((e) => e.kind === 'run').map((e) => `${e.span.file}:${e.span.start.line} ${e.isolation.value ?? 'default'}`)

  it('is merged over its base, which is checked only merged: the base isolation, each service once', () => {
    expect(runs(link(files))).toEqual(['docker-compose.xm1.override.yml:3 hyperv'])
  })

  it('stays alone when a command reads its base with -f: that command says how the base is used', () => {
    const project = link({ ...files, '.github/workflows/ci.yml': oneJob(['docker compose -f docker-compose.xm1.yml up -d']) })
    expect(runs(project)).toEqual(['docker-compose.xm1.yml:4 hyperv', 'docker-compose.xm1.override.yml:3 default'])
  })
})
