import { describe, expect, it } from 'vitest'
import { linkFiles as link } from '../harness/link-files.js'
import { stepRuns } from '../../src/project/step-condition.js'
import type { HostRef } from '../../src/model/project.js'

const DOCKERFILE = ['FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN echo', ''].join('\n')

/** A job over a matrix of a Windows and a Linux runner, one step `docker build app` under `if: <condition>`. */
function crossPlatform(condition: string, extra: readonly string[] = []): string {
  return [
    'on: push',
    'jobs:',
    '  b:',
    '    strategy:',
    '      matrix:',
    '        include:',
    '          - os: windows-2022',
    '            docker: true',
    '          - os: ubuntu-latest',
    '            docker: false',
    '    runs-on: ${{ matrix.os }}',
    ...extra,
    '    steps:',
    `      - if: ${condition}`,
    '        run: docker build app',
    '',
  ].join('\n')
}

/** The runners the build runs on. */
function buildHosts(workflow: string): string[] {
  const project = link({ '.github/workflows/ci.yml': workflow, 'app/Dockerfile': DOCKERFILE })
  return project.executions.filter((e) => e.kind === 'build' && e.host).map((e) => e.host!.info.label)
}

describe("a step's if: in a cross-platform matrix", () => {
  it('builds only on the legs its condition lets it run on', () => {
    for (const condition of [
      "runner.os == 'Windows'",
      "runner.os != 'Linux'",
      "matrix.os == 'windows-2022'",
      "${{ startsWith(matrix.os, 'windows') }}",
      "contains(matrix.os, 'WINDOWS')",
      "${{ !startsWith(matrix.os, 'ubuntu') }}",
      'matrix.docker',
      "success() && runner.os == 'Windows'",
      "runner.os == 'Windows' && github.event_name == 'push'",
    ]) {
      expect(buildHosts(crossPlatform(condition)), condition).toEqual(['windows-2022'])
    }
  })

  it('builds on every leg when its condition reads only what every host shares (events, earlier steps)', () => {
    for (const condition of ['always()', "github.event_name == 'push'", "steps.changes.outputs.docker == 'true'"]) {
      expect(buildHosts(crossPlatform(condition)), condition).toEqual(['windows-2022', 'ubuntu-latest'])
    }
    // Run on Linux for a push, but an `||` part that isolint cannot decide reads the runner: left out there.
    expect(buildHosts(crossPlatform("github.event_name == 'push' || runner.os == 'Windows'"))).toEqual(['windows-2022'])
  })

  it('builds nowhere when the condition is false, or may keep the step off a host by what isolint cannot know', () => {
    for (const condition of ['false', 'failure()', "runner.arch == 'X64'", "matrix.os == inputs.os && github.event_name == 'push'"]) {
      expect(buildHosts(crossPlatform(condition)), condition).toEqual([])
    }
    // A variable isolint has no value for is the same on every host (a configuration variable, a secret, a write).
    expect(buildHosts(crossPlatform("env.BUILD == 'yes'", ['    env:', '      BUILD: ${{ vars.BUILD }}']))).toEqual(['windows-2022', 'ubuntu-latest'])
    // An environment variable the job sets is known.
    expect(buildHosts(crossPlatform("env.BUILD == 'yes'", ['    env:', "      BUILD: ${{ matrix.os == 'windows-2022' && 'yes' || 'no' }}"]))).toEqual(['windows-2022'])
  })

  it('runs no step of a job whose own if: is false', () => {
    expect(buildHosts(crossPlatform('always()', ['    if: false']))).toEqual([])
    expect(buildHosts(crossPlatform('always()', ["    if: github.event_name == 'push'"]))).toEqual(['windows-2022', 'ubuntu-latest'])
  })

  it('keeps the GITHUB_ENV writes of a step that may run, and drops those of a step that does not', () => {
    const workflow = (condition: string) =>
      [
        'on: push',
        'jobs:',
        '  b:',
        '    runs-on: windows-2022',
        '    env:',
        '      TAG: ltsc2022',
        '    steps:',
        `      - if: ${condition}`,
        '        run: echo "TAG=$(cat tag.txt)" >> "$GITHUB_ENV"',
        '        shell: bash',
        '      - run: docker run mcr.microsoft.com/windows/servercore:$env:TAG',
        '',
      ].join('\n')
    const images = (w: string) => link({ '.github/workflows/ci.yml': w }).executions.filter((e) => e.host).map((e) => e.image ?? 'unknown')
    // Not run on Windows: TAG keeps the job's value.
    expect(images(workflow("runner.os == 'Linux'"))).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022'])
    // May run: TAG may be what the step wrote.
    expect(images(workflow("runner.arch == 'X64'"))).toEqual(['unknown'])
  })
})

describe('stepRuns', () => {
  const windows = { info: { os: 'windows', label: 'windows-2022' } } as unknown as HostRef
  const scope = (env: Record<string, string> = {}) => ({ matrix: new Map<string, string>(), env: new Map(Object.entries(env)) })

  it("decides a condition the step's own env: changes only when it holds either way", () => {
    expect(stepRuns("env.X == 'a'", scope({ X: 'a' }), windows)).toBe('yes')
    expect(stepRuns("env.X == 'a' && matrix.os == 'x'", scope({ X: 'a' }), windows, new Map([['X', 'b']]))).toBe('no')
    expect(stepRuns("env.X == 'a' && runner.os == 'Windows'", scope({ X: 'a' }), windows, new Map([['X', 'b']]))).toBe('shared')
    expect(stepRuns("env.X == 'a' || runner.os == 'Windows'", scope({ X: 'a' }), windows, new Map([['X', 'b']]))).toBe('yes')
  })

  it('reads an if: with ${{ }} around all of it, and runs a step whose if: holds ${{ }} in part (a string: truthy)', () => {
    expect(stepRuns("${{ runner.os == 'Linux' }}", scope(), windows)).toBe('no')
    expect(stepRuns("${{ runner.os }} == 'Linux'", scope(), windows)).toBe('yes')
  })

  it('leaves runner.os unknown on a host isolint cannot know', () => {
    expect(stepRuns("runner.os == 'Windows'", scope(), undefined)).toBe('maybe')
  })
})

describe("a matrix value's YAML type", () => {
  /** The images the job's `docker run` uses on its two legs, `modern` written as `value` on the windows-2022 leg. */
  function images(modernOn2022: string, condition?: string): string[] {
    const workflow = [
      'on: push',
      'jobs:',
      '  b:',
      '    strategy:',
      '      matrix:',
      '        include:',
      '          - runner: windows-2025',
      '            modern: true',
      '          - runner: windows-2022',
      `            modern: ${modernOn2022}`,
      '    runs-on: ${{ matrix.runner }}',
      '    steps:',
      ...(condition ? [`      - if: ${condition}`, '        run: docker run img:${{ matrix.modern }}'] : []),
      "      - run: docker run mcr.microsoft.com/windows/servercore:${{ matrix.modern && 'ltsc2025' || 'ltsc2022' }} cmd",
      '',
    ].join('\n')
    return link({ '.github/workflows/ci.yml': workflow })
      .executions.filter((e) => e.host)
      .map((e) => `${e.host!.info.label} ${e.image ?? e.imageRaw}`)
  }

  it('reads a boolean false as falsy in a value, and a quoted false as the truthy string it is', () => {
    expect(images('false')).toEqual(['windows-2025 mcr.microsoft.com/windows/servercore:ltsc2025', 'windows-2022 mcr.microsoft.com/windows/servercore:ltsc2022'])
    expect(images("'false'")).toEqual(['windows-2025 mcr.microsoft.com/windows/servercore:ltsc2025', 'windows-2022 mcr.microsoft.com/windows/servercore:ltsc2025'])
    expect(images('0')).toEqual(['windows-2025 mcr.microsoft.com/windows/servercore:ltsc2025', 'windows-2022 mcr.microsoft.com/windows/servercore:ltsc2022'])
  })

  it('reads it the same way in a condition, and shows it as text in a value', () => {
    expect(images('false', 'matrix.modern')).toEqual([
      'windows-2025 img:true',
      'windows-2025 mcr.microsoft.com/windows/servercore:ltsc2025',
      'windows-2022 mcr.microsoft.com/windows/servercore:ltsc2022',
    ])
    expect(images("'false'", 'matrix.modern')).toEqual([
      'windows-2025 img:true',
      'windows-2025 mcr.microsoft.com/windows/servercore:ltsc2025',
      'windows-2022 img:false',
      'windows-2022 mcr.microsoft.com/windows/servercore:ltsc2025',
    ])
  })
})

describe('a matrix isolint cannot see', () => {
  it('leaves out a step whose if: reads it, on a host isolint knows (its values are unknown, not missing)', () => {
    const workflow = (condition: string) =>
      [
        'on: push',
        'jobs:',
        '  b:',
        '    strategy:',
        '      matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}',
        '    runs-on: windows-2022',
        '    steps:',
        `      - if: ${condition}`,
        '        run: docker run mcr.microsoft.com/windows/servercore:ltsc2025 cmd',
        '',
      ].join('\n')
    const hosts = (w: string) => link({ '.github/workflows/ci.yml': w }).executions.filter((e) => e.host).map((e) => e.host!.info.label)
    expect(hosts(workflow("matrix.release != 'ltsc2022'"))).toEqual([])
    expect(hosts(workflow("github.event_name == 'push'"))).toEqual(['windows-2022'])
  })
})
