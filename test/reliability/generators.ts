/**
 * fast-check generators for hostile and plausible input: random bytes, and random structured documents
 * (Dockerfiles, Compose files, workflows, Kubernetes-style manifests) built from the syntax isolint reads, with the
 * corner cases the issue lists (ARG cycles, heredocs, late directives, YAML anchors, tags, duplicate keys, ...).
 */
import fc from 'fast-check'

const UTF8 = new TextEncoder()

/** Text as bytes in one of the encodings a file may come in (UTF-8, with or without BOM, UTF-16 with BOM). */
export function encodeAs(text: string, encoding: 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be'): Uint8Array {
  if (encoding === 'utf8') return UTF8.encode(text)
  if (encoding === 'utf8bom') return Uint8Array.from([0xef, 0xbb, 0xbf, ...UTF8.encode(text)])
  const units = Array.from(text, (ch) => ch).flatMap((ch) => {
    const out: number[] = []
    for (let i = 0; i < ch.length; i++) out.push(ch.charCodeAt(i))
    return out
  })
  const bytes = new Uint8Array(2 + units.length * 2)
  bytes.set(encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff])
  units.forEach((u, i) => {
    const [hi, lo] = [u >> 8, u & 0xff]
    bytes.set(encoding === 'utf16le' ? [lo, hi] : [hi, lo], 2 + i * 2)
  })
  return bytes
}

/** File names that give each kind (and names that give none, linted when named explicitly). */
export const NAMES = {
  dockerfile: ['Dockerfile', 'app/Dockerfile.windows', 'build/win.dockerfile', 'Containerfile'],
  compose: ['compose.yaml', 'docker-compose.yml', 'deploy/production/compose.yaml', 'docker-compose.override.yml'],
  workflow: ['.github/workflows/ci.yml', '.github/workflows/release.yaml'],
  other: ['k8s/deployment.yaml', 'notes.txt'],
} as const

const IMAGES = [
  'mcr.microsoft.com/windows/servercore:ltsc2019',
  'mcr.microsoft.com/windows/servercore:ltsc2022',
  'mcr.microsoft.com/windows/servercore:ltsc2025',
  'mcr.microsoft.com/windows/nanoserver:1809',
  'mcr.microsoft.com/windows/nanoserver:20H2',
  'mcr.microsoft.com/windows/servercore',
  'mcr.microsoft.com/windows/servercore:latest',
  'mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019',
  'mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022',
  'mcr.microsoft.com/windows:10.0.17763.5458',
  'ubuntu:22.04',
  'scratch',
  'build',
  'base',
  '${BASE}',
  '$BASE:${TAG:-ltsc2022}',
  'mcr.microsoft.com/windows/servercore:${TAG}',
  '${{ matrix.image }}',
  '',
  '"quoted:image"',
  'a'.repeat(300),
] as const

const RUNNERS = [
  'windows-2019',
  'windows-2022',
  'windows-2025',
  'windows-latest',
  'ubuntu-latest',
  'self-hosted',
  '${{ matrix.os }}',
  '[self-hosted, windows]',
  '[windows-2022, "x"]',
  '{ group: big, labels: [windows-2022] }',
  '',
] as const

const ISOLATIONS = ['process', 'hyperv', 'default', 'Process', 'HyperV', 'bogus', '${ISO}', '""', ''] as const

/** A short piece of text that looks like nothing in particular: words, symbols, control and non-ASCII characters. */
export const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('${', '}}', '${{', '`', '\\', '"', "'", '#', '&a', '*a', '<<', '\t', '\r', '\u0000', '\u202e', '\ud800', '::error::x', '%0A'),
)

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values)
const image = fc.oneof({ weight: 4, arbitrary: pick(IMAGES) }, { weight: 1, arbitrary: junk })

// ---------------------------------------------------------------------------------------------------------------
// Dockerfiles

const dockerInstruction: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(image, fc.option(pick(['build', 'base', 'final', 'BUILD']))).map(([i, n]) => `FROM ${i}${n ? ` AS ${n}` : ''}`) },
  { weight: 1, arbitrary: fc.tuple(pick(['windows/amd64', 'linux/amd64', '$BUILDPLATFORM', '${P']), image).map(([p, i]) => `FROM --platform=${p} ${i}`) },
  { weight: 1, arbitrary: fc.constantFrom('FROM', 'FROM ', 'FROM a b', 'FROM a AS', 'from mcr.microsoft.com/windows/servercore:ltsc2022') },
  { weight: 2, arbitrary: fc.constantFrom('ARG A=${B}', 'ARG B=${A}', 'ARG BASE=mcr.microsoft.com/windows/servercore', 'ARG TAG=ltsc2019', 'ARG TAG', 'ARG "Q=a b"', 'ARG X=${X:-${X:-${X}}}', 'ARG BASE') },
  { weight: 3, arbitrary: fc.tuple(pick(['RUN', 'run', 'CMD', 'ENTRYPOINT']), junk).map(([k, a]) => `${k} ${a}`) },
  { weight: 1, arbitrary: fc.constantFrom('RUN <<EOF\necho hi\nEOF', 'RUN <<-"EOT" bash\n\techo x\n\tEOT', 'COPY <<EOF /x\nunterminated heredoc') },
  { weight: 1, arbitrary: fc.constantFrom('RUN echo a \\', 'RUN echo a `', 'RUN a \\\n  # comment\n  b', 'RUN a \\\n\n') },
  { weight: 1, arbitrary: fc.constantFrom('# escape=`', '# syntax=docker/dockerfile:1', '# escape=\\', '#check=skip=all', '# comment') },
  { weight: 1, arbitrary: fc.constantFrom('COPY --from=build /a /b', 'COPY --from=0 a b', 'RUN --mount=type=cache,from=base x', 'ADD --from=${S} a b') },
  { weight: 1, arbitrary: fc.constantFrom('FOO bar', '{{ template }}', '{% if x %}', 'ONBUILD RUN x', 'SHELL ["powershell"]', 'LABEL a=b') },
  { weight: 1, arbitrary: fc.tuple(junk, junk).map(([a, b]) => `${a} ${b}`) },
)

/** A Dockerfile: instructions from the builder's grammar and junk, joined with any line terminator. */
export const dockerfileText = fc
  .tuple(fc.array(dockerInstruction, { maxLength: 12 }), pick(['\n', '\r\n', '\r']), fc.boolean())
  .map(([lines, eol, trailing]) => (lines.join('\n') + (trailing ? '\n' : '')).replace(/\n/g, eol))

// ---------------------------------------------------------------------------------------------------------------
// YAML pieces

const scalar = fc.oneof(
  { weight: 4, arbitrary: image },
  { weight: 1, arbitrary: fc.constantFrom('null', '~', '42', 'true', '!!str 1', '!custom x', '"a: b"', "'it''s'", '[a, b]', '{a: 1}', '|\n    block', '>-\n    folded', '*anchor', '&anchor value', '"\\u0000"', '"x\\ny"') },
  { weight: 1, arbitrary: junk },
)

// ---------------------------------------------------------------------------------------------------------------
// Compose files

const serviceName = fc.constantFrom('web', 'db', 'x-common', 'api', '"quoted"', '<<', 'web')

const serviceBody = fc
  .record({
    image: fc.option(scalar),
    isolation: fc.option(fc.oneof(pick(ISOLATIONS), scalar)),
    platform: fc.option(pick(['windows/amd64', 'linux', '${P}'])),
    build: fc.option(
      fc.oneof(
        pick(['.', './app', '../outside', '/abs', '${CTX}']),
        fc.record({ context: pick(['.', 'app', '..']), dockerfile: pick(['Dockerfile', 'app/Dockerfile.windows', '../x', 'Dockerfile']), target: pick(['build', 'final', '${T}']), args: pick(['[BASE=ubuntu, "TAG"]', '{ TAG: ltsc2022, BASE: }', 'x']) }, { requiredKeys: [] }),
      ),
    ),
    anchor: fc.boolean(),
    merge: fc.boolean(),
  }, { requiredKeys: [] })
  .map((s) => {
    const lines: string[] = []
    if (s.merge) lines.push('    <<: *common')
    if (s.image !== undefined && s.image !== null) lines.push(`    image: ${s.image}`)
    if (s.isolation !== undefined && s.isolation !== null) lines.push(`    isolation: ${s.isolation}`)
    if (s.platform !== undefined && s.platform !== null) lines.push(`    platform: ${s.platform}`)
    if (typeof s.build === 'string') lines.push(`    build: ${s.build}`)
    else if (s.build) {
      lines.push('    build:')
      for (const [k, v] of Object.entries(s.build)) lines.push(`      ${k}: ${v}`)
    }
    return { anchor: s.anchor === true, lines }
  })

/** A Compose file: services with the fields isolint reads, anchors, merge keys, tags, flow style and junk. */
export const composeText = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.array(fc.tuple(serviceName, serviceBody), { maxLength: 5 }), fc.boolean(), fc.constantFrom('', '---\n', '%YAML 1.2\n---\n'), fc.option(fc.constantFrom('---\nservices: {}\n', '...\n', 'services:\n  dup: {}\n')))
      .map(([services, common, head, tail]) => {
        const out = [head + (common ? 'x-common: &common\n  isolation: process\n  image: mcr.microsoft.com/windows/servercore:ltsc2019' : ''), 'services:']
        for (const [name, body] of services) {
          out.push(`  ${name}:${body.anchor ? ' &anchor' : ''}`)
          out.push(...body.lines)
        }
        return out.join('\n') + '\n' + (tail ?? '')
      }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.array(fc.tuple(serviceName, scalar, pick(ISOLATIONS)), { maxLength: 4 })).map(([s]) =>
      JSON.stringify({ services: Object.fromEntries(s.map(([n, i, iso]) => [n, { image: i, isolation: iso }])) }),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'services:', 'services: []', 'services:\n  web: x', '[1, 2]', 'a: &a [*a]', 'services: !!map\n  web: {image: !!str x}', 'services:\n  web:\n    image: a\n    image: b\n') },
)

// ---------------------------------------------------------------------------------------------------------------
// Workflows

const dockerCommand = fc.oneof(
  fc.tuple(pick(['', '--isolation=process ', '--isolation hyperv ', '--isolation=${{ matrix.iso }} ', '-f app/Dockerfile.windows ', '-f Dockerfile ', '--build-arg BASE=mcr.microsoft.com/windows/servercore:ltsc2019 ', '--target build ']), pick(['.', 'app', '..', '-', '"with space"'])).map(([o, c]) => `docker build ${o}-t img:1 ${c}`),
  fc.tuple(pick(['', '--isolation=process ', '--isolation hyperv ', '--rm -it ', '--platform linux ']), image).map(([o, i]) => `docker run ${o}${i} cmd`),
  fc.tuple(image).map(([i]) => `docker pull ${i}`),
  pick(['docker compose up -d', 'docker-compose -f compose.yaml up', 'docker compose -f deploy/production/compose.yaml up', 'docker run img:1', 'docker build `\n  -t x .', 'docker run \\\n  --isolation=process \\\n  img:1']),
  junk.map((j) => `echo ${j}`),
  pick(['echo ::add-mask::x', 'echo "::error file=x::owned"', "echo '::set-output name=x::y'"]),
)

const step = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(dockerCommand, { minLength: 1, maxLength: 4 }), pick(['', 'shell: bash', 'shell: pwsh', 'shell: cmd', 'shell: python', 'shell: ${{ matrix.shell }}'])).map(([cmds, shell]) => [`      - run: |`, ...cmds.flatMap((c) => c.split('\n')).map((c) => `          ${c}`), ...(shell ? [`        ${shell}`] : [])]) },
  { weight: 1, arbitrary: fc.tuple(image, pick(['.', 'app'])).map(([i, c]) => ['      - uses: docker/build-push-action@v6', '        with:', `          context: ${c}`, '          file: app/Dockerfile.windows', `          tags: x:1,${i}`, `          build-args: |`, `            BASE=${i}`]) },
  { weight: 1, arbitrary: fc.tuple(dockerCommand).map(([c]) => [`      - run: ${JSON.stringify(c)}`]) },
  { weight: 1, arbitrary: fc.constantFrom(['      - uses: actions/checkout@v4'], ['      - *step'], ['      - run:'], ['      - {}'], ['      - run: [a, b]']) },
)

const job = fc
  .record({
    id: fc.constantFrom('build', 'test', 'deploy', 'build', '"quoted job"', '<<'),
    runsOn: pick(RUNNERS),
    matrix: fc.option(pick(['os: [windows-2019, windows-2022]', 'os: [windows-2022]\n        iso: [process, hyperv]', 'include:\n          - os: windows-2025\n            image: mcr.microsoft.com/windows/servercore:ltsc2025', 'os: ${{ fromJSON(inputs.x) }}', 'image: [mcr.microsoft.com/windows/servercore:ltsc2019, ubuntu]\n        os: [windows-2022, windows-2025]\n        exclude:\n          - os: windows-2025'])),
    environment: fc.option(pick(['production', 'prod', 'staging', '${{ inputs.env }}', '{ name: production }'])),
    steps: fc.array(step, { maxLength: 4 }),
  }, { requiredKeys: ['id', 'runsOn', 'steps'] })
  .map((j) => {
    const out = [`  ${j.id}:`, `    runs-on: ${j.runsOn}`]
    if (j.environment) out.push(`    environment: ${j.environment}`)
    if (j.matrix) out.push('    strategy:', '      matrix:', ...j.matrix.split('\n').map((l) => `        ${l}`))
    out.push('    steps:', ...j.steps.flat())
    return out.join('\n')
  })

/** A GitHub workflow: jobs with runners, matrices, environments, and steps running docker commands. */
export const workflowText = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.array(job, { maxLength: 4 }), fc.constantFrom('on: push', 'on: [push, pull_request]', '"on": push', 'on:'), fc.option(pick(['env:\n  ISO: process\n  BASE: mcr.microsoft.com/windows/servercore:ltsc2019', 'defaults:\n  run:\n    shell: pwsh'])))
      .map(([jobs, on, extra]) => [on, ...(extra ? [extra] : []), 'jobs:', ...jobs].join('\n') + '\n'),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'jobs:', 'jobs: []', 'on: push\njobs:\n  a: &a\n    steps: [*a]', 'jobs:\n  a:\n    runs-on: x\n  a:\n    runs-on: y\n', '{"on": "push", "jobs": {"a": {"runs-on": "windows-2019", "steps": [{"run": "docker run --isolation=process mcr.microsoft.com/windows/servercore:ltsc2022"}]}}}') },
)

/** A Kubernetes-style manifest (not a kind isolint lints; named explicitly it must be skipped or parsed calmly). */
export const manifestText = fc
  .tuple(image, pick(['windows', 'linux']), fc.boolean())
  .map(([i, os, multi]) => {
    const doc = `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      nodeSelector:\n        kubernetes.io/os: ${os}\n      containers:\n        - name: app\n          image: ${i}\n`
    return multi ? `${doc}---\n${doc}` : doc
  })

/** One random mutation of a text: truncation, a byte flip, a line shuffle, an inserted hostile piece. */
export function mutate(bytes: Uint8Array, how: Mutation): Uint8Array {
  switch (how.kind) {
    case 'truncate':
      return bytes.subarray(0, Math.floor(bytes.length * how.at))
    case 'flip': {
      const out = Uint8Array.from(bytes)
      if (out.length > 0) {
        const i = Math.min(out.length - 1, Math.floor(out.length * how.at))
        out[i] = out[i]! ^ (1 << how.bit)
      }
      return out
    }
    case 'shuffle': {
      const lines = Buffer.from(bytes).toString('latin1').split('\n')
      const order = lines.map((_, i) => [i, how.keys[i % how.keys.length]!] as const).sort((a, b) => a[1] - b[1] || a[0] - b[0])
      return Buffer.from(order.map(([i]) => lines[i]).join('\n'), 'latin1')
    }
    case 'insert': {
      const i = Math.floor(bytes.length * how.at)
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(how.text, 'utf8'), bytes.subarray(i)])
    }
  }
}

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'shuffle'; keys: number[] }
  | { kind: 'insert'; at: number; text: string }

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })

/** A random {@link Mutation}. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((at) => ({ kind: 'truncate' as const, at })),
  fc.tuple(fraction, fc.integer({ min: 0, max: 7 })).map(([at, bit]) => ({ kind: 'flip' as const, at, bit })),
  fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }).map((keys) => ({ kind: 'shuffle' as const, keys })),
  fc.tuple(fraction, fc.oneof(junk, pick(['\u0000', '\ufeff', '&a x\n', '*a\n', '<<: *a\n', '  - [\n', '"""', '\\\n', '${{', '${A:-${B', 'FROM\n', '\r']))).map(([at, text]) => ({ kind: 'insert' as const, at, text })),
)
