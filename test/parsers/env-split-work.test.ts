// The work `env -S` costs, counted (never timed): how many strings are split per command, and how much of a word's
// runs a split reads. Hostile input (`env -S -S -S …`, a string of many quote runs) stays linear.
import { describe, expect, it, vi } from 'vitest'
import * as envSplit from '../../src/parsers/env-split-string.js'
import { LineIndex } from '../../src/core/span.js'
import { extractDockerCommands } from '../../src/parsers/docker-cli.js'
import { splitCommands, type ShellWord } from '../../src/parsers/shell.js'
import { parseWorkflow } from '../../src/parsers/workflow.js'

// The real splitter, its calls counted (a plain counter: the config restores vi.fn mocks before each test).
const count = vi.hoisted(() => ({ splits: 0 }))
vi.mock('../../src/parsers/env-split-string.js', async (original) => {
  const real = await original<typeof envSplit>()
  return {
    splitEnvString: (...args: Parameters<typeof real.splitEnvString>) => {
      count.splits++
      return real.splitEnvString(...args)
    },
  }
})

const docker = (script: string) => {
  const lines = new LineIndex(script)
  return extractDockerCommands(script, 'posix', (s, e) => lines.span('s.sh', s, e))
}

describe('env -S work', () => {
  it('splits each -S string of a command once, for the docker recogniser and the invocations alike', () => {
    count.splits = 0
    const text = ['on: push', 'jobs:', '  w:', '    runs-on: windows-2022', '    steps:', '      - shell: bash', "        run: env -S 'docker run x' && env -S './build.sh'", ''].join('\n')
    const step = parseWorkflow("ci.yml", text).model!.jobs[0]!.steps[0]!
    expect(step.commands.map((c) => c.type)).toEqual(['run'])
    expect(step.invocations?.posix?.map((i) => i.words[0]!.value)).toEqual(['./build.sh'])
    expect(count.splits).toBe(2)
  })

  it('gives up after 8 splits of one command: the command is unknown, and the work stays bounded', () => {
    // Each -S takes the next -S as its string: the last one splits `docker`, and docker runs x.
    const chain = (n: number): string => `env ${'-S '.repeat(n)}docker run x`
    expect(docker(chain(8)).map((c) => c.type)).toEqual(['run'])
    expect(docker(chain(9))).toEqual([])
    count.splits = 0
    expect(docker(chain(20000))).toEqual([])
    expect(count.splits).toBe(8)
  })

  it('leaves the command unknown when a later -S string fails, in the words split so far', () => {
    // The first string gives `-S`, `'a`, `docker`, `run`, `x`; env then fails on the quote `'a` leaves open.
    expect(docker(`env -S "-S \\"'a\\" docker run x"`)).toEqual([])
    expect(docker(`env -S "-S \\"docker\\" run x"`).map((c) => c.type)).toEqual(['run'])
  })

  it('reads the runs of a word of many quoted pieces once, in order, while splitting it', () => {
    const n = 4000
    const script = `env -S ${"a''".repeat(n)} docker run x`
    const word = splitCommands(script, 'posix')[0]![2]!
    expect(word.runs!.length).toBe(2 * n)
    // The word's runs, with every read of them counted.
    let reads = 0
    const runs = new Proxy(word.runs as number[], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver) as unknown
      },
    })
    const counted: ShellWord = { ...word, runs }
    const args = envSplit.splitEnvString(counted, 0)
    expect(args?.map((w) => w.value.length)).toEqual([n])
    // Linear: a few reads per run (a scan from the first run for each character would be n² / 2 reads).
    expect(reads).toBeLessThan(20 * n)
  })
})
