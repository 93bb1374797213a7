/**
 * Azure Pipelines variables on hostile input: the linker's work grows linearly with the variables, the macros that
 * name none, the variables that hold template expressions and the steps of a job, inside the 2 MB file limit. The
 * work is counted, not timed: names lowered (each look-up without case that scans lowers every name) and variables
 * set (each copy of the variables sets them all), both at most a few per line of the file. Each case was quadratic.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { IgnoreCaseMap } from '../../src/core/lookup.js'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

/** Runs `fn` with `method` of `proto` counted (a spy would keep every call's arguments: millions). */
function counting<T>(proto: object, method: string, fn: () => T): { result: T; calls: number } {
  const target = proto as Record<string, (...args: unknown[]) => unknown>
  const original = target[method]!
  let calls = 0
  target[method] = function (this: unknown, ...args: unknown[]): unknown {
    calls++
    return original.apply(this, args)
  }
  try {
    return { result: fn(), calls }
  } finally {
    target[method] = original
  }
}

const N = 20_000
const vars = (value: (k: number) => string): string[] => ['variables:', ...Array.from({ length: N }, (_, k) => `  v${k}: ${value(k)}`)]
const steps = (count: number, step = ['  - script: echo']): string[] => [
  'pool: { vmImage: windows-2022 }',
  'steps:',
  ...Array.from({ length: count }, () => step).flat(),
  '  - script: docker run mcr.microsoft.com/windows/servercore:$(v0) cmd',
]

const CASES: Record<string, string[]> = {
  // Each macro names no variable: its look-up without case was a scan of all of them.
  'macros that name no variable': [...vars((k) => `$(missing${k})`), ...steps(1)],
  // Each value holding a template expression copied the variables defined before it.
  'variables holding template expressions': [...vars(() => "${{ 'x' }}"), ...steps(1)],
  // Template expressions that name no variable: a scan of all of them, each.
  'template expressions that name no variable': [...vars(() => '${{ variables.missing }}'), ...steps(1)],
  // Each step copied the job's variables, with no env of its own.
  'steps without env': [...vars(() => 'ltsc2022'), ...steps(N)],
  // Each step with env copied them all, then looked its `$env:` names up in the copy by scanning it.
  'steps with env': [...vars(() => 'ltsc2022'), ...steps(N / 2, ['  - powershell: echo $env:nope', '    env: { A: b }'])],
  // Each step that sets a variable copied them all, and the steps after expanded the copy again.
  'steps that set variables': [...vars(() => 'ltsc2022'), ...steps(N, ['  - script: echo "##vso[task.setvariable variable=x]1"'])],
}

/**
 * Files of a case beside the pipeline: a template of many parameters whose defaults hold a macro, with as many steps
 * that set a variable. Each such step expanded every parameter again for its new variables (2,000 of each here, so
 * that the quadratic work it did stays seconds: the count is what fails).
 */
const M = 2_000
const TEMPLATE = [
  'parameters:',
  ...Array.from({ length: M }, (_, k) => [`- name: p${k}`, '  default: $(a)']).flat(),
  'steps:',
  ...Array.from({ length: M }, () => '- script: "echo ##vso[task.setvariable variable=a]y"'),
  '- script: docker run mcr.microsoft.com/windows/servercore:${{ parameters.p0 }} cmd',
]
CASES['template parameters read after steps that set variables'] = ['pool: { vmImage: windows-2022 }', 'variables:', '  a: x', 'steps:', '- template: t.yml']
const FILES: Record<string, Record<string, string>> = { 'template parameters read after steps that set variables': { 't.yml': `${TEMPLATE.join('\n')}\n` } }

describe('Azure variables: linear work', () => {
  test.each(Object.keys(CASES))('%s', (name) => {
    const root = tempDir()
    const text = `${CASES[name]!.join('\n')}\n`
    expect(text.length).toBeLessThan(2 * 1024 * 1024)
    const others = FILES[name] ?? {}
    writeTree(root, { 'azure-pipelines.yml': text, ...others })
    let set = 0
    let replaced = 0
    // Expanding a value's macros is one replace: values expanded again per step show there.
    const lowered = counting(String.prototype, 'toLowerCase', () => {
      const counted = counting(IgnoreCaseMap.prototype, 'set', () => {
        const r = counting(String.prototype, 'replace', () => lint({ root }))
        replaced = r.calls
        return r.result
      })
      set = counted.calls
      return counted.result
    })
    const r = lowered.result
    const lines = [text, ...Object.values(others)].join('\n').split('\n').length
    expect({ lowered: lowered.calls < 20 * lines, set: set < 20 * lines, replaced: replaced < 20 * lines }).toEqual({
      lowered: true,
      set: true,
      replaced: true,
    })
    expect(r.crashes).toEqual([])
    expect(r.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([])
    // The pipeline was linked: its docker run is one execution.
    expect(r.executionSummaries().length).toBe(1)
  }, 600_000)
})
