import { describe, expect, it } from 'vitest'
import { effectiveImage, parseDockerfile, resolveStages } from '../../src/parsers/dockerfile.js'
import { baseImage } from '../../src/project/link.js'
import { linkFiles as link } from '../harness/link-files.js'
import { windowsWorkflow } from '../harness/workflow-text.js'

/** A workflow with one job on windows-2022 that builds `app/Dockerfile`. */
const BUILD = ['on: push', 'jobs:', '  b:', '    runs-on: windows-2022', '    steps:', '      - run: docker build -t app app', ''].join('\n')

const DOCKERFILES: readonly string[] = [
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a\n',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS a\nRUN echo a\nFROM a\nRUN echo b\n',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS a\nFROM a AS b\nFROM b\nRUN echo c\n',
  'ARG BASE=a\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS a\nRUN echo a\nFROM ${BASE}\nRUN echo b\n',
  'FROM $UNKNOWN\nRUN echo a\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS a\nRUN echo a\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=a C:/a C:/a\nCOPY --from=0 C:/b C:/b\n',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY --from=mcr.microsoft.com/windows/nanoserver:ltsc2022 C:/a C:/a\nCOPY --from=$IMG C:/b C:/b\nRUN echo a\n',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN --mount=from=mcr.microsoft.com/windows/nanoserver:1809,target=/x echo a\n',
]

describe('linker fast paths', () => {
  it('baseImage answers as effectiveImage for every stage (and out of range)', () => {
    for (const text of DOCKERFILES) {
      const df = parseDockerfile('Dockerfile', text).model!
      const resolved = resolveStages(df, new Map())
      for (let i = -1; i <= resolved.length; i++) expect(baseImage(resolved, i)).toBe(effectiveImage(resolved, i))
    }
  })

  it('reports the images a build pulls, and none when every stage runs and copies only from stages', () => {
    const pulls = DOCKERFILES.map((text) =>
      link({ '.github/workflows/ci.yml': BUILD, 'app/Dockerfile': text })
        .executions.filter((e) => e.kind === 'pull')
        .map((e) => `${e.span.start.line} ${e.image ?? '?'} ${e.what}`),
    )
    expect(pulls).toEqual([
      [],
      [],
      // Stage a runs nothing, but the build of the last stage stands at its FROM already.
      [],
      [],
      ['3 mcr.microsoft.com/windows/nanoserver:ltsc2022 build stage #1 (FROM)'],
      ['3 mcr.microsoft.com/windows/nanoserver:ltsc2022 build stage #1 (FROM)'],
      ['2 mcr.microsoft.com/windows/nanoserver:ltsc2022 COPY --from in build stage #0'],
      ['2 mcr.microsoft.com/windows/nanoserver:1809 RUN --mount in build stage #0'],
    ])
  })

  it('keeps executions at one place that differ (three hosts), and drops each repeat', () => {
    const dockerfile = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a\n'
    // Four combinations on one line: three hosts, then the first again (the same host at the same line).
    const workflow = [
      'on: push',
      'jobs:',
      '  b:',
      '    runs-on: ${{ matrix.os }}',
      '    strategy:',
      '      matrix:',
      '        os: [windows-2019, windows-2022, windows-2025, windows-2019, windows-2025]',
      '    steps:',
      '      - run: docker build -t app app',
      '      - run: docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022',
      '',
    ].join('\n')
    const project = link({ '.github/workflows/ci.yml': workflow, 'app/Dockerfile': dockerfile })
    expect(project.executions.filter((e) => e.host !== undefined).map((e) => `${e.kind} ${e.span.file}:${e.span.start.line} ${e.host!.info.label}`)).toEqual([
      'build app/Dockerfile:1 windows-2019',
      'pull .github/workflows/ci.yml:10 windows-2019',
      'build app/Dockerfile:1 windows-2022',
      'pull .github/workflows/ci.yml:10 windows-2022',
      'build app/Dockerfile:1 windows-2025',
      'pull .github/workflows/ci.yml:10 windows-2025',
    ])
    // The image use at the command: one image, once.
    expect(project.images.filter((u) => u.where === 'pull').length).toBe(1)
  })

  it('keeps two same executions at places whose packed start numbers would meet (a column past 65535)', () => {
    // `line * 65536 + column` of line 10, column 65536 + 23 equals that of line 11, column 23: distinct places, both kept.
    const pad = ' '.repeat(65536)
    const workflow = windowsWorkflow([
      '- run: |',
      '    true',
      '    true',
      '    true',
      `    ${pad}docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022`,
      '    docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022',
    ])
    const project = link({ '.github/workflows/ci.yml': workflow })
    expect(project.executions.map((e) => `${e.kind} ${e.span.start.line}:${e.span.start.column}`)).toEqual(['pull 10:65559', 'pull 11:23'])
    expect(project.images.map((u) => `${u.span.start.line}:${u.span.start.column}`)).toEqual(['10:65559', '11:23'])
  })

  it('sorts the links by file, then by the file linked to, as a comparator of both would', () => {
    const build = (dirs: readonly string[]): string =>
      ['on: push', 'jobs:', '  b:', '    runs-on: windows-2022', '    steps:', ...dirs.map((d) => `      - run: docker build -t x ${d}`), ''].join('\n')
    const dockerfile = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a\n'
    const dirs = ['b', 'B', 'a', 'a-1', 'a/z', '\u00e9', 'Z']
    const files: Record<string, string> = {
      '.github/workflows/z.yml': build(['a', 'B', '\u00e9']),
      '.github/workflows/A.yml': build(['Z', 'a/z', 'b', 'a-1']),
      '.github/workflows/a.yml': build([...dirs].reverse()),
    }
    for (const d of dirs) files[`${d}/Dockerfile`] = dockerfile
    const links = link(files).links
    const byBoth = [...links].sort((x, y) => (x.from !== y.from ? (x.from < y.from ? -1 : 1) : x.to < y.to ? -1 : x.to > y.to ? 1 : 0))
    expect(links).toEqual(byBoth)
    expect(links.length).toBe(14)
  })

  it('tells a scratch base image in any case, and no other', () => {
    const executions = (from: string): string[] =>
      link({ '.github/workflows/ci.yml': BUILD, 'app/Dockerfile': `FROM ${from}\nRUN echo a\nFROM ${from}\n` })
        .executions.filter((e) => e.host !== undefined)
        .map((e) => e.kind)
    for (const from of ['scratch', 'SCRATCH', 'Scratch']) expect(executions(from)).toEqual([])
    for (const from of ['scratch2', 'xscratch', 'scratc', '\u017fcratch']) expect(executions(from)).toEqual(['build', 'pull'])
  })
})
