import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/core/errors.js'
import { configInputFile, readInputs, resolveOutputFile, splitPaths } from '../../src/action/inputs.js'

let ws: string
beforeEach(() => {
  ws = realpathSync(mkdtempSync(path.join(tmpdir(), 'isolint-inputs-')))
})

const known = (label: string): boolean => ['windows-2022', 'windows-2025', '10.0.20348'].includes(label)
const read = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  readInputs((n) => inputs[n] ?? '', { GITHUB_WORKSPACE: ws, ...env }, '/nowhere', known)

function usage(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    return (e as Error).message
  }
  throw new Error('expected a UsageError')
}

describe('readInputs', () => {
  it('reads the shard input as i/n and rejects anything else', () => {
    expect(read({ shard: ' 2/4 ' }).shard).toEqual({ index: 2, count: 4 })
    expect(read({}).shard).toBeUndefined()
    expect(usage(() => read({ shard: '5/4' }))).toMatch(/^input 'shard': must be i\/n/)
  })

  it('applies the action.yml defaults', () => {
    const i = read({ 'github-token': 'tok' })
    expect(i).toEqual({
      workspace: ws,
      paths: [ws],
      globs: [],
      failOnGiven: false,
      runners: [],
      runnerSource: 'none',
      failOn: 'error',
      annotations: true,
      checkRun: true,
      summary: true,
      sarifFile: path.join(ws, 'isolint.sarif'),
      prReview: 'off',
      scope: 'all',
      token: 'tok',
    })
  })

  it('reads every input', () => {
    const i = read({
      paths: 'src\n  dir with space  \n',
      runner: 'windows-2022, 10.0.20348',
      environment: 'production',
      'fail-on': 'warning',
      annotations: 'False',
      'check-run': 'FALSE',
      summary: 'false',
      'sarif-file': 'out/r.sarif',
      'pr-review': 'suggestions',
      scope: 'changed',
    })
    expect(i.paths).toEqual([path.join(ws, 'src'), path.join(ws, 'dir with space')])
    expect(i.runners).toEqual(['windows-2022', '10.0.20348'])
    expect(i.runnerSource).toBe('input')
    expect(i.environment).toBe('production')
    expect([i.failOn, i.annotations, i.checkRun, i.summary, i.prReview, i.scope]).toEqual(['warning', false, false, false, 'suggestions', 'changed'])
    expect(i.sarifFile).toBe(path.join(ws, 'out', 'r.sarif'))
  })

  it('rejects bad values with the input name and the allowed values', () => {
    expect(usage(() => read({ 'fail-on': 'fatal' }))).toBe("input 'fail-on' must be one of error, warning, note, none, got 'fatal'")
    expect(usage(() => read({ annotations: 'yes' }))).toBe("input 'annotations' must be true or false, got 'yes'")
    expect(usage(() => read({ 'pr-review': 'on' }))).toContain("input 'pr-review' must be one of off, comments, suggestions")
    expect(usage(() => read({ scope: 'diff' }))).toContain("input 'scope' must be one of all, changed")
    expect(usage(() => read({ runner: 'windows-2019x' }))).toContain("unknown runner 'windows-2019x'")
    expect(usage(() => read({ environment: 'prod\nx' }))).toContain("input 'environment'")
  })

  it('reads the config and baseline inputs as paths in the workspace, and globs in paths', () => {
    const i = read({ config: 'ci/isolint.yml', baseline: 'isolint-baseline.json', paths: 'src/*/Dockerfile deploy/**' })
    const config = (value: string) => configInputFile((name) => (name === 'config' ? value : ''), ws)
    expect(config(' ci/isolint.yml ')).toBe(path.join(ws, 'ci/isolint.yml'))
    expect(config('')).toBeUndefined()
    expect(usage(() => config('../x.yml'))).toContain("input 'config' '../x.yml' is outside the workspace")
    expect(i.baselineFile).toBe(path.join(ws, 'isolint-baseline.json'))
    expect(i.globs).toEqual(['src/*/Dockerfile', 'deploy/**'])
    expect(i.paths).toEqual([ws])
    expect(usage(() => read({ paths: '../*/Dockerfile' }))).toContain('must be relative to the workspace')
  })

  it('refuses paths and output files outside the workspace', () => {
    expect(usage(() => read({ paths: '../etc' }))).toContain("path '../etc' is outside the workspace")
    expect(usage(() => read({ paths: '/etc' }))).toContain('is outside the workspace')
    expect(usage(() => read({ 'sarif-file': '../x.sarif' }))).toContain("sarif-file '../x.sarif' is outside the workspace")
  })

  // Symbolic links need a privilege on Windows.
  it.skipIf(process.platform === 'win32')('refuses links out of the workspace and writing through a link', () => {
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'isolint-outside-')))
    symlinkSync(outside, path.join(ws, 'out'))
    expect(usage(() => read({ paths: 'out' }))).toContain('leads outside the workspace')
    expect(usage(() => read({ 'sarif-file': 'out/new/r.sarif' }))).toContain('leads outside the workspace')
    writeFileSync(path.join(outside, 'target'), '')
    symlinkSync(path.join(outside, 'target'), path.join(ws, 'isolint.sarif'))
    expect(usage(() => read({}))).toContain('leads outside the workspace')
    // Even a link that stays inside is not written through (it could be retargeted between check and write).
    writeFileSync(path.join(ws, 'inside.txt'), 'keep')
    symlinkSync(path.join(ws, 'inside.txt'), path.join(ws, 'r.sarif'))
    expect(usage(() => read({ 'sarif-file': 'r.sarif' }))).toContain('is a symbolic link')
    mkdirSync(path.join(ws, 'dir.sarif'))
    expect(usage(() => resolveOutputFile(ws, 'dir.sarif', 'sarif-file'))).toContain('is a folder')
  })

  it('never guesses a runner from the job host (ImageOS): the default is no host', () => {
    const win = { RUNNER_OS: 'Windows', ImageOS: 'win22' }
    expect(read({}, win)).toMatchObject({ runners: [], runnerSource: 'none' })
    expect(read({}, { RUNNER_OS: 'Windows', ImageOS: 'win25' }).runners).toEqual([])
    expect(read({ runner: '10.0.20348' }, win)).toMatchObject({ runners: ['10.0.20348'], runnerSource: 'input' })
  })
})

describe('splitPaths', () => {
  it('splits one line on spaces and several lines on line breaks', () => {
    expect(splitPaths('a b  c')).toEqual(['a', 'b', 'c'])
    expect(splitPaths('a b\r\nc\n\n')).toEqual(['a b', 'c'])
    expect(splitPaths('single\n')).toEqual(['single'])
  })
})
