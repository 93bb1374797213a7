// The work of reading a script, counted (never timed): each script is split once per dialect it is read in, however
// many matrix combinations (Azure legs) link its step, and however many readers want its commands.
import { afterAll, describe, expect, it, vi } from 'vitest'
import { lint } from '../../src/lint.js'
import type * as shell from '../../src/parsers/shell.js'
import { linkFiles as link } from '../harness/link-files.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

// The real splitters, the texts they split recorded (a plain list: the config restores vi.fn mocks before each test).
const split = vi.hoisted(() => ({ texts: [] as string[] }))
vi.mock('../../src/parsers/shell.js', async (original) => {
  const real = await original<typeof shell>()
  return {
    ...real,
    splitCommands: (...args: Parameters<typeof real.splitCommands>) => {
      split.texts.push(args[0])
      return real.splitCommands(...args)
    },
    scanScript: (...args: Parameters<typeof real.scanScript>) => {
      split.texts.push(args[0])
      return real.scanScript(...args)
    },
  }
})

/** How many times a text holding `mark` was split (by splitCommands or scanScript) while `work` ran. */
function splitsOf<T>(mark: string, work: () => T): { result: T; splits: number } {
  split.texts = []
  const result = work()
  return { result, splits: split.texts.filter((t) => t.includes(mark)).length }
}

afterAll(removeTemps)

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:'
/** The images the executions run, each once (combinations that run the same image are one execution). */
const images = (executions: readonly { readonly image?: string }[]): (string | undefined)[] => [...new Set(executions.map((e) => e.image))]

/** A workflow whose job runs one step per combination of a matrix of `n` values (and an OS per combination). */
function matrixWorkflow(n: number, os: string, shellLine: string[]): string {
  const values = Array.from({ length: n }, (_, k) => `v${k}`).join(', ')
  return [
    'on: push',
    'jobs:',
    '  a:',
    '    strategy:',
    '      matrix:',
    `        v: [${values}]`,
    `        os: [${os}]`,
    '    runs-on: ${{ matrix.os }}',
    '    env:',
    '      TAG: ltsc2019',
    '    steps:',
    '      - run: |',
    '          export TAG=ltsc2022 # MARK',
    `          docker run ${IMAGE}$TAG cmd`,
    ...shellLine,
    '',
  ].join('\n')
}

describe('a step script on the linker’s path', () => {
  it('is split once per dialect where the parser reads it, not again per matrix combination', () => {
    for (const n of [1, 6]) {
      const bash = splitsOf('MARK', () => link({ '.github/workflows/ci.yml': matrixWorkflow(n, 'windows-2022', ['        shell: bash']) }))
      expect(bash.splits).toBe(1)
      // The name the script assigns is still its own: the docker run reads no exported TAG.
      expect(images(bash.result.executions)).toEqual([undefined])
      // No shell written: read as bash and as PowerShell (GitHub picks by the runner's OS), each once.
      const both = splitsOf('MARK', () => link({ '.github/workflows/ci.yml': matrixWorkflow(n, 'windows-2022, ubuntu-latest', []) }))
      expect(both.splits).toBe(2)
      expect(images(both.result.executions)).toEqual([undefined])
    }
  })

  it('that writes GITHUB_ENV is scanned once for its commands, its assignments and its writes', () => {
    const write = ['        shell: bash', `      - run: docker run ${IMAGE}$TAG cmd`, '        shell: bash']
    const workflow = (os: string, shellLine: string[]): string =>
      ['on: push', 'jobs:', '  a:', `    runs-on: ${os}`, '    env:', '      TAG: ltsc2019', '    steps:', '      - run: |',
        '          echo "TAG=ltsc2022" >> "$GITHUB_ENV" # MARK', ...shellLine, ''].join('\n')
    const bash = splitsOf('MARK', () => link({ '.github/workflows/ci.yml': workflow('windows-2022', write) }))
    expect(bash.splits).toBe(1)
    // What it writes is read from that scan: TAG is unknown to the later step (unread, it would be the job's ltsc2019).
    expect(images(bash.result.executions)).toEqual([undefined])
    // No shell written: scanned once as bash and once as PowerShell.
    const both = splitsOf('MARK', () => link({ '.github/workflows/ci.yml': workflow('ubuntu-latest', []) }))
    expect(both.splits).toBe(2)
  })

  it('is read once per step in Azure Pipelines, however many legs its job has', () => {
    const splits = (legs: number): number => {
      const matrix = Array.from({ length: legs }, (_, k) => [`      l${k}:`, `        V: v${k}`]).flat()
      const job = ['jobs:', '- job: a', '  pool: { vmImage: windows-2022 }', '  strategy:', '    matrix:', ...matrix.map((l) => `  ${l}`)]
      const steps = ['  variables:', '    TAG: ltsc2019', '  steps:', '  - bash: |', '      export TAG=ltsc2022 # MARK', `      docker run ${IMAGE}$TAG cmd`]
      const text = [...job, ...steps, ''].join('\n')
      const root = tempDir()
      writeTree(root, { 'azure-pipelines.yml': text })
      const r = splitsOf('MARK', () => lint({ root }))
      expect(images(r.result.project.executions)).toEqual([undefined])
      return r.splits
    }
    expect(splits(5)).toBe(splits(1))
  })
})

/** The images of a windows-2022 job of bash steps (TAG=ltsc2019 in the job's env), `files` beside the workflow. */
function bashSteps(runs: readonly string[], files: Readonly<Record<string, string>>): (string | undefined)[] {
  const steps = runs.flatMap((r) => [`      - run: ${r}`, '        shell: bash'])
  const workflow = ['on: push', 'jobs:', '  a:', '    runs-on: windows-2022', '    env:', '      TAG: ltsc2019', '    steps:', ...steps, ''].join('\n')
  return images(link({ '.github/workflows/a.yml': workflow, ...files }).executions)
}

describe('a script a step runs', () => {
  it('is scanned once for its docker commands, the scripts it runs and its GITHUB_ENV writes', () => {
    const script = ['#!/bin/bash # MARK', 'docker build -t app .', './set-more.sh', 'echo "TAG=ltsc2022" >> "$GITHUB_ENV"', ''].join('\n')
    const files = { 'ci.sh': script, 'set-more.sh': 'echo "OTHER=1" >> "$GITHUB_ENV"\n' }
    const r = splitsOf('MARK', () => bashSteps(['./ci.sh', `docker run ${IMAGE}$TAG cmd`], files))
    expect(r.splits).toBe(1)
    // What it writes is still read: TAG is unknown to the step after it.
    expect(r.result).toEqual([undefined])
    // Written as `${{ github.env }}` (read as the file, as in a step): read with the path in its place.
    const other = { 'ci.sh': '#!/bin/bash # MARK\necho "OTHER=1" >> ${{ github.env }}\n' }
    expect(bashSteps(['./ci.sh', `docker run ${IMAGE}$TAG cmd`], other)).toEqual([`${IMAGE}ltsc2019`])
  })
})

describe('a recipe line make runs', () => {
  it('is split once for the scripts it runs and for the unknown values it may write to', () => {
    // The Makefile names the file, and the line writes to a value isolint cannot know: both readers read it.
    const makefile = '# writes GITHUB_ENV\ntag:\n\t@echo "OTHER=1" >> $(OUT) # MARK\n'
    const shellText = 'echo "OTHER=1" >> $(OUT) # MARK'
    split.texts = []
    const read = bashSteps(['make tag', `docker run ${IMAGE}$TAG cmd`], { Makefile: makefile })
    // As the shell gets it (make's `@` taken off); the docker reader and the Makefile's facts read their own texts.
    expect(split.texts.filter((t) => t === shellText).length).toBe(1)
    expect(read).toEqual([undefined])
  })
})

describe('the recipe lines that write GITHUB_ENV', () => {
  it('are each scanned once, for the scripts they run and for what they write', () => {
    const makefile = 'tag:\n\t@echo "TAG=ltsc2022" >> $$GITHUB_ENV # MARK\n\t@echo "OTHER=1" >> $$GITHUB_ENV\n'
    const shellText = 'echo "TAG=ltsc2022" >> $GITHUB_ENV # MARK'
    split.texts = []
    const read = bashSteps(['make tag', `docker run ${IMAGE}$TAG cmd`], { Makefile: makefile })
    // As the shell gets it, alone or (before) as the first of the recipe's lines joined.
    expect(split.texts.filter((t) => t === shellText || t.startsWith(`${shellText}\n`)).length).toBe(1)
    expect(read).toEqual([undefined])
  })

  it('are read in the order make runs them, each in its own shell, into the one file', () => {
    // X's multi-line value is TAG=1: TAG itself is not written (read as all the redirections first, then the tee,
    // TAG was a name and EOF a line isolint could not read: every variable unknown).
    const makefile = 'tag:\n\t@echo "X<<EOF" | tee -a $$GITHUB_ENV\n\t@echo "TAG=1" >> $$GITHUB_ENV\n\t@echo "EOF" >> $$GITHUB_ENV\n'
    expect(bashSteps(['make tag', `docker run ${IMAGE}$TAG cmd`], { Makefile: makefile })).toEqual([`${IMAGE}ltsc2019`])
  })
})
