// The containers GitHub starts itself (job container, services, Docker container actions), linked per matrix
// combination on the job's Windows hosts only, and kept once per span with the hosts of the combinations.
import { describe, expect, it } from 'vitest'
import type { LinuxOnlyContainer } from '../../src/model/project.js'
import { linkFiles } from '../harness/link-files.js'

function linuxOnly(workflow: string, actions: Readonly<Record<string, string>> = {}): Record<string, string[]> {
  const project = linkFiles({ '.github/workflows/ci.yml': workflow, ...actions })
  const show = (c: LinuxOnlyContainer): string =>
    `${c.kind} ${c.service ?? c.uses ?? ''} ${c.image ?? `(${c.imageRaw})`} ${c.span.file}:${c.span.start.line}:${c.span.start.column} on ${c.hosts.map((h) => h.info.label).join(', ')}${c.via.length > 0 ? ` via ${c.via.length}` : ''}`.replace(/ {2,}/g, ' ')
  return Object.fromEntries(project.jobs.map((j) => [j.job.id, (j.linuxOnly ?? []).map(show)]))
}

describe('linuxOnlyContainers', () => {
  it('reads the job container, services and docker:// steps of a Windows job, and nothing on Linux', () => {
    const text = [
      'on: push',
      'jobs:',
      '  win:',
      '    runs-on: windows-2022',
      '    container: docker://mcr.microsoft.com/windows/servercore:ltsc2022',
      '    services:',
      '      db: { image: mcr.microsoft.com/mssql/server:2022-latest }',
      '    steps:',
      '      - uses: docker://alpine:3.20',
      '  linux:',
      '    runs-on: ubuntu-latest',
      '    container: node:20',
      '    steps:',
      '      - uses: docker://alpine:3.20',
      '',
    ].join('\n')
    expect(linuxOnly(text)).toEqual({
      win: [
        'job-container mcr.microsoft.com/windows/servercore:ltsc2022 .github/workflows/ci.yml:5:5 on windows-2022',
        'service db mcr.microsoft.com/mssql/server:2022-latest .github/workflows/ci.yml:7:7 on windows-2022',
        'action docker://alpine:3.20 alpine:3.20 .github/workflows/ci.yml:9:15 on windows-2022',
      ],
      linux: [],
    })
  })

  it('expands the image per combination: an empty image is no container, an image isolint cannot know may be empty', () => {
    const text = [
      'on: push',
      'jobs:',
      '  m:',
      '    strategy:',
      '      matrix:',
      '        include:',
      "          - { os: windows-2022, image: '' }",
      "          - { os: windows-2025, image: 'mcr.microsoft.com/windows/nanoserver:ltsc2025' }",
      "          - { os: ubuntu-latest, image: 'node:20' }",
      '    runs-on: ${{ matrix.os }}',
      '    container: ${{ matrix.image }}',
      '    services:',
      '      db: ${{ inputs.db }}',
      '      cache: registry.example/${{ inputs.cache }}',
      '    steps: [{ run: echo }]',
      '',
    ].join('\n')
    expect(linuxOnly(text)).toEqual({
      m: [
        'service cache (registry.example/${{ inputs.cache }}) .github/workflows/ci.yml:14:7 on windows-2022, windows-2025',
        'job-container mcr.microsoft.com/windows/nanoserver:ltsc2025 .github/workflows/ci.yml:11:5 on windows-2025',
      ],
    })
  })

  it('leaves a step whose if: may keep it off Windows, and follows local actions (Docker, and composite ones)', () => {
    const text = [
      'on: push',
      'jobs:',
      '  win:',
      '    runs-on: windows-2025',
      '    steps:',
      "      - if: runner.os == 'Linux'",
      '        uses: docker://alpine:3.20',
      "      - if: github.event_name == 'push'",
      '        uses: ./.github/actions/scan',
      '      - uses: ./.github/actions/wrap',
      '',
    ].join('\n')
    const actions = {
      '.github/actions/scan/action.yml': 'runs:\n  using: docker\n  image: Dockerfile\n',
      '.github/actions/wrap/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses: docker://alpine:3.20\n    - uses: ./.github/actions/scan\n',
    }
    expect(linuxOnly(text, actions)).toEqual({
      win: [
        'action ./.github/actions/scan (Dockerfile) .github/workflows/ci.yml:9:15 on windows-2025',
        'action docker://alpine:3.20 alpine:3.20 .github/actions/wrap/action.yml:4:13 on windows-2025 via 1',
        'action ./.github/actions/scan (Dockerfile) .github/actions/wrap/action.yml:5:13 on windows-2025 via 1',
      ],
    })
  })

  it("reads a step whose if: holds on Windows (evaluated: runner.os, the matrix), not one whose if: is false there", () => {
    const text = [
      'on: push',
      'jobs:',
      '  b:',
      '    strategy:',
      '      matrix:',
      '        os: [windows-2022, ubuntu-latest]',
      '    runs-on: ${{ matrix.os }}',
      '    steps:',
      "      - if: runner.os == 'Windows'",
      '        uses: docker://alpine:3.20',
      "      - if: matrix.os == 'windows-2022' && github.event_name == 'push'",
      '        uses: docker://alpine:3.21',
      "      - if: runner.os == 'Linux'",
      '        uses: docker://alpine:3.22',
      '',
    ].join('\n')
    expect(linuxOnly(text)).toEqual({
      b: [
        'action docker://alpine:3.20 alpine:3.20 .github/workflows/ci.yml:10:15 on windows-2022',
      ],
    })
  })

  it("leaves a job whose own if: may keep it off Windows (its container, services and steps), reads one that runs", () => {
    const job = (id: string, condition: string): string[] => [
      `  ${id}:`,
      `    if: ${condition}`,
      '    runs-on: windows-2022',
      '    container: mcr.microsoft.com/windows/nanoserver:ltsc2022',
      '    services: { db: alpine:3.20 }',
      '    steps: [{ uses: docker://alpine:3.20 }]',
    ]
    const text = [
      'on: push',
      'jobs:',
      ...job('off', 'false'),
      ...job('vars', "${{ vars.WINDOWS == 'yes' }}"),
      ...job('push', "github.event_name == 'push'"),
      '',
    ].join('\n')
    expect(linuxOnly(text)).toEqual({
      off: [],
      vars: [],
      push: [
        'job-container mcr.microsoft.com/windows/nanoserver:ltsc2022 .github/workflows/ci.yml:18:5 on windows-2022',
        'service db alpine:3.20 .github/workflows/ci.yml:19:17 on windows-2022',
        'action docker://alpine:3.20 alpine:3.20 .github/workflows/ci.yml:20:21 on windows-2022',
      ],
    })
  })

  it('follows composite actions as deep as the linker does (4 levels), no deeper', () => {
    const text = ['on: push', 'jobs:', '  win:', '    runs-on: windows-2025', '    steps:', '      - uses: ./.github/actions/a1', ''].join('\n')
    const composite = (...uses: string[]): string => `runs:\n  using: composite\n  steps:\n${uses.map((u) => `    - uses: ${u}\n`).join('')}`
    const actions = {
      '.github/actions/a1/action.yml': composite('./.github/actions/a2'),
      '.github/actions/a2/action.yml': composite('./.github/actions/a3'),
      '.github/actions/a3/action.yml': composite('./.github/actions/a4'),
      '.github/actions/a4/action.yml': composite('docker://alpine:3.20', './.github/actions/a5', './.github/actions/scan'),
      '.github/actions/a5/action.yml': composite('docker://busybox:1.36'),
      '.github/actions/scan/action.yml': 'runs:\n  using: docker\n  image: Dockerfile\n',
    }
    // a4 is the 4th composite action of the chain: its docker:// step is read; the actions it runs are not followed.
    expect(linuxOnly(text, actions)).toEqual({
      win: ['action docker://alpine:3.20 alpine:3.20 .github/actions/a4/action.yml:4:13 on windows-2025 via 4'],
    })
  })

  it('keeps a step and the steps of the action it runs once, in a cycle of composite actions', () => {
    const text = ['on: push', 'jobs:', '  win:', '    runs-on: windows-2025', '    steps:', '      - uses: ./.github/actions/loop', ''].join('\n')
    const actions = {
      '.github/actions/loop/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses: docker://alpine:3.20\n    - uses: ./.github/actions/loop\n',
    }
    expect(linuxOnly(text, actions)).toEqual({
      win: ['action docker://alpine:3.20 alpine:3.20 .github/actions/loop/action.yml:4:13 on windows-2025 via 1'],
    })
  })
})
