import { describe, expect, it } from 'vitest'
import { azureConditionRuns, parseCondition } from '../../src/parsers/azure-condition.js'

/** Variables of a Windows leg (`imageName` from the matrix), with `Build.Reason` unknown and others undefined. */
function runs(condition: string, os = 'Windows_NT', more: Record<string, string> = {}): string {
  const vars: Record<string, string> = { 'agent.os': os, imagename: os === 'Windows_NT' ? 'windows-2022' : 'ubuntu-latest', ...more }
  const lookup = (name: string): string | null | undefined => {
    const n = name.toLowerCase()
    if (n === 'build.reason') return undefined
    return vars[n] ?? null
  }
  return azureConditionRuns(condition, lookup, (name) => /^(agent\.|imagename$)/i.test(name))
}

describe('Azure Pipelines conditions', () => {
  it("runs a step on the legs whose agent OS or matrix variable the condition asks for", () => {
    for (const c of [
      "eq(variables['Agent.OS'], 'Windows_NT')",
      "and(succeeded(), eq(variables['agent.os'], 'windows_nt'))",
      "eq(variables.imageName, 'windows-2022')",
      "ne(variables['Agent.OS'], 'Linux')",
      "in(variables['Agent.OS'], 'Windows_NT', 'Darwin')",
      "startsWith(variables.imageName, 'Windows')",
      "not(eq(variables['Agent.OS'], 'Linux'))",
    ]) {
      expect(runs(c), c).toBe('yes')
      expect(runs(c, 'Linux'), c).toBe('no')
    }
  })

  it('reads the run where earlier steps succeeded, and decides and/or by any argument that decides them', () => {
    expect(runs('succeeded()')).toBe('yes')
    expect(runs('always()')).toBe('yes')
    expect(runs('failed()')).toBe('no')
    expect(runs("or(failed(), canceled())")).toBe('no')
    expect(runs("and(eq(variables['Build.Reason'], 'PullRequest'), eq(variables['Agent.OS'], 'Linux'))")).toBe('no')
    expect(runs("or(eq(variables['Build.Reason'], 'PullRequest'), eq(variables['Agent.OS'], 'Windows_NT'))")).toBe('yes')
  })

  it('runs a step whose undecided part reads only what every leg shares, and may not when it reads the agent or the matrix', () => {
    expect(runs("and(succeeded(), eq(variables['Build.Reason'], 'PullRequest'))")).toBe('yes')
    expect(runs("and(eq(variables['Build.Reason'], 'PullRequest'), eq(variables['Agent.OS'], 'Windows_NT'))")).toBe('yes')
    expect(runs("eq(variables['Agent.OSArchitecture'], variables['Build.Reason'])")).toBe('maybe')
    expect(runs("or(eq(variables['Build.Reason'], 'Manual'), eq(variables['Agent.OS'], 'Windows_NT'))", 'Linux')).toBe('maybe')
  })

  it('casts as Azure does: strings without case, numbers and booleans from strings, a variable never set is null', () => {
    expect(runs("eq(variables.count, 3)", 'Windows_NT', { count: '3' })).toBe('yes')
    expect(runs("eq(3, variables.count)", 'Windows_NT', { count: '03' })).toBe('yes')
    expect(runs("eq(true, variables.flag)", 'Windows_NT', { flag: 'True' })).toBe('yes')
    expect(runs("eq(variables.unset, '')")).toBe('yes')
    expect(runs('variables.unset')).toBe('no')
    // A variable whose value is the text `false`: a string Azure may read either way.
    expect(runs('variables.flag', 'Windows_NT', { flag: 'false' })).toBe('maybe')
  })

  it('leaves what it does not read to run: template expressions, dependencies, other functions, bad syntax', () => {
    expect(parseCondition("eq('${{ parameters.os }}', 'windows')")).toBeUndefined()
    expect(parseCondition("eq(variables['Agent.OS'], 'Windows_NT'")).toBeUndefined()
    expect(runs("eq(dependencies.a.outputs['x.y'], 'z')")).toBe('yes')
    expect(runs("eq(format('{0}', variables['Agent.OS']), 'Linux')")).toBe('maybe')
    expect(runs("eq(variables['Agent.OS'], 'Windows_NT'")).toBe('yes')
  })
})
