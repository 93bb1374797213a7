// A local composite action (`uses: ./.github/actions/x`): read when it is one, not followed when it is not, and a
// crash of the reader is a problem of the action file (as for a workflow), never "not a composite action".
import { afterAll, describe, expect, it, vi } from 'vitest'
import { lint } from '../../src/lint.js'
import { parseCompositeAction, parseWorkflow } from '../../src/parsers/workflow.js'
import { removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

// The reader calls the docker command recogniser for every `run:`; a script with CRASH makes it throw, as a bug would.
vi.mock('../../src/parsers/docker-cli.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parsers/docker-cli.js')>()
  return {
    ...real,
    scriptCommands: (...args: Parameters<typeof real.scriptCommands>) => {
      if (JSON.stringify(args[0]).includes('CRASH')) throw new TypeError('a bug in the reader')
      return real.scriptCommands(...args)
    },
  }
})

const action = (run: string): string =>
  ['name: x', 'inputs:', '  v:', '    default: ltsc2022', 'runs:', '  using: composite', '  steps:', `    - run: ${run}`, '      shell: pwsh', ''].join('\n')

describe('parseCompositeAction', () => {
  it('reads the steps and the inputs of a composite action', () => {
    const read = parseCompositeAction('a/action.yml', action('docker build .'))
    expect(read.problems).toEqual([])
    expect(read.action?.steps).toHaveLength(1)
    expect(read.action?.inputs.get('v')?.value).toBe('ltsc2022')
  })

  it('reads a Docker container action with no steps and its image, pointed at where it is written', () => {
    const read = parseCompositeAction('a/action.yml', "name: x\nruns:\n  using: docker\n  image: 'Dockerfile'\n")
    expect(read.problems).toEqual([])
    expect(read.action?.steps).toEqual([])
    expect([read.action?.docker?.value, read.action?.docker?.span.start.line, read.action?.docker?.span.start.column]).toEqual(['Dockerfile', 4, 10])
    expect(parseCompositeAction('a/action.yml', 'runs:\n  using: docker\n').action).toBeUndefined()
  })

  it('gives no action and no problem for another kind of action, broken YAML or an alias bomb', () => {
    const bomb = ['a0: &a0 {k: v}']
    for (let i = 1; i <= 9; i++) bomb.push(`a${i}: &a${i} {<<: [${Array(9).fill(`*a${i - 1}`).join(', ')}]}`)
    bomb.push('runs:', '  using: composite', '  steps: []', 'inputs: *a9', '')
    for (const text of ["runs:\n  using: 'node20'\n  main: index.js\n", 'runs: [', bomb.join('\n')]) {
      expect(parseCompositeAction('a/action.yml', text)).toEqual({ problems: [] })
    }
  })

  it('reports a crash of the reader as a problem at the top of the file', () => {
    const read = parseCompositeAction('a/action.yml', action('echo CRASH'))
    expect(read.action).toBeUndefined()
    expect(read.problems.map((p) => `${p.span.file}:${p.span.start.line}:${p.span.start.column} ${p.message}`)).toEqual([
      'a/action.yml:1:1 cannot read composite action: a bug in the reader',
    ])
  })

  it('reports it as parseWorkflow reports a crash reading a workflow (one path), naming the kind of file', () => {
    const where = (r: { problems: readonly { message: string; span: { file: string; start: { line: number; column: number } } }[] }) =>
      r.problems.map((p) => `${p.span.file}:${p.span.start.line}:${p.span.start.column} ${p.message}`)
    const workflow = ['on: push', 'jobs:', '  b:', '    runs-on: windows-2022', '    steps:', '      - run: echo CRASH', '        shell: pwsh', '']
    expect(where(parseWorkflow('w.yml', workflow.join('\n')))).toEqual(['w.yml:1:1 cannot read workflow: a bug in the reader'])
    expect(where(parseCompositeAction('a/action.yml', action('echo CRASH')))).toEqual(['a/action.yml:1:1 cannot read composite action: a bug in the reader'])
  })
})

describe('a crash reading a composite action a workflow uses', () => {
  afterAll(removeTemps)
  it('is a parse-error finding on the action file, and the workflow is still checked', () => {
    const root = tempDir()
    const workflow = ['on: push', 'jobs:', '  b:', '    runs-on: windows-2022', '    steps:', '      - uses: ./.github/actions/x', '      - run: docker run mcr.microsoft.com/windows/servercore:ltsc2019', '']
    writeTree(root, { '.github/workflows/ci.yml': workflow.join('\n'), '.github/actions/x/action.yml': action('echo CRASH') })
    const result = lint({ root, config: false })
    expect(result.crashes).toEqual([])
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.span.file}:${f.span.start.line} ${f.message}`)).toEqual([
      'parse-error error .github/actions/x/action.yml:1 cannot read composite action: a bug in the reader; this file was not checked',
      expect.stringMatching(/^process-isolation-build-mismatch error \.github\/workflows\/ci\.yml:7 /),
    ])
  })
})
