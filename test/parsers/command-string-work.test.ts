// The work command strings cost, counted (never timed): each string is split once more, one level deep, so a huge
// string or a thousand nested `bash -c` cost at most twice the text of the script, and never crash.
import { describe, expect, it, vi } from 'vitest'
import * as shell from '../../src/parsers/shell.js'
import { parseWorkflow } from '../../src/parsers/workflow.js'
import type { Invocation } from '../../src/parsers/shell.js'

// The real tokenizer, the characters it is given counted (a plain counter: the config restores vi.fn mocks).
const count = vi.hoisted(() => ({ splits: 0, chars: 0 }))
vi.mock('../../src/parsers/shell.js', async (original) => {
  const real = await original<typeof shell>()
  return {
    ...real,
    splitCommands: (...args: Parameters<typeof real.splitCommands>) => {
      count.splits++
      count.chars += args[0].length
      return real.splitCommands(...args)
    },
  }
})

const step = (run: string) => {
  const text = ['on: push', 'jobs:', '  w:', '    runs-on: windows-2022', '    steps:', '      - shell: bash', '        run: |', ...run.split('\n').map((l) => `          ${l}`), ''].join('\n')
  count.splits = 0
  count.chars = 0
  return parseWorkflow('ci.yml', text).model!.jobs[0]!.steps[0]!
}
const strings = (s: { invocations?: { posix?: readonly Invocation[] } }) => (s.invocations?.posix ?? []).filter((i) => i.string)

describe('command string work', () => {
  it('reads a string of 100k characters once more, in one pass', () => {
    const run = `bash -c 'docker run mcr.microsoft.com/windows/servercore:ltsc2025 ${'a '.repeat(50_000)}'`
    const s = step(run)
    expect(strings(s).map((i) => i.string!.commands.map((c) => c.type))).toEqual([['run']])
    expect(count.splits).toBe(2)
    expect(count.chars).toBeLessThanOrEqual(2 * run.length)
  })

  it('reads one level of 1000 nested bash -c: the inner strings are never split', () => {
    // Each level runs the next as its string (a bare word), the last one a docker command.
    const bare = `bash -c '${'bash -c '.repeat(1000)}docker run x'`
    expect(strings(step(bare))).toEqual([])
    expect(count.splits).toBe(2)
    expect(count.chars).toBeLessThanOrEqual(2 * bare.length)
    // Quotes of both kinds, alternating: the first string is read, the ones inside it are not.
    let nested = 'docker run mcr.microsoft.com/windows/servercore:ltsc2025'
    for (let i = 0; i < 1000; i++) nested = i % 2 === 0 ? `bash -c "${nested}"` : `sh -c '${nested}'`
    const s = step(nested)
    expect(strings(s)).toEqual([])
    expect(count.splits).toBeLessThanOrEqual(2)
    expect(count.chars).toBeLessThanOrEqual(2 * nested.length)
  })

  it('splits each string once per dialect it is read in, a thousand strings in one script linearly', () => {
    const run = Array.from({ length: 1000 }, () => "bash -c 'docker run x'").join('\n')
    const s = step(run)
    expect(strings(s)).toHaveLength(1000)
    expect(count.splits).toBe(1001)
    expect(count.chars).toBeLessThanOrEqual(2 * run.length)
  })
})
