/**
 * Azure Pipelines variables on hostile input: the linker's work grows linearly with the variables, the macros that
 * name none, the variables that hold template expressions and the steps of a job (each was quadratic), inside the
 * 2 MB file limit. Bounds on time are loose (a loaded machine); each case took a minute or more before.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { lint } from '../../src/lint.js'
import { removeTemps, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

const N = 20_000
const vars = (value: (k: number) => string): string[] => ['variables:', ...Array.from({ length: N }, (_, k) => `  v${k}: ${value(k)}`)]
const steps = (count: number): string[] => ['pool: { vmImage: windows-2022 }', 'steps:', ...Array.from({ length: count }, () => '  - script: echo'), '  - script: docker run mcr.microsoft.com/windows/servercore:$(v0) cmd']

const CASES: Record<string, string[]> = {
  // Each macro names no variable: its look-up without case was a scan of all of them.
  'macros that name no variable': [...vars((k) => `$(missing${k})`), ...steps(1)],
  // Each value holding a template expression copied the variables defined before it.
  'variables holding template expressions': [...vars(() => "${{ 'x' }}"), ...steps(1)],
  // Template expressions that name no variable: a scan of all of them, each.
  'template expressions that name no variable': [...vars(() => '${{ variables.missing }}'), ...steps(1)],
  // Each step copied the job's variables, with no env of its own.
  'steps without env': [...vars(() => 'ltsc2022'), ...steps(N)],
}

describe('Azure variables: linear work', () => {
  test.each(Object.keys(CASES))('%s', (name) => {
    const root = tempDir()
    const text = `${CASES[name]!.join('\n')}\n`
    expect(text.length).toBeLessThan(2 * 1024 * 1024)
    writeTree(root, { 'azure-pipelines.yml': text })
    const started = Date.now()
    const r = lint({ root })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(r.crashes).toEqual([])
    expect(r.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([])
    // The pipeline was linked: its docker run is one execution.
    expect(r.executionSummaries().length).toBe(1)
  }, 600_000)
})
