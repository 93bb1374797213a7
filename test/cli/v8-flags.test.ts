/**
 * The V8 flags of the `isolint` command (scripts/v8-flags.mjs, run by dist/cli/index.js before the bundle is
 * compiled): set unless node was given the same flag, in any spelling, and only on the V8 versions that know it.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { V8_FLAGS, v8FlagsToSet } from '../../scripts/v8-flags.mjs'

const NODE_20_V8 = '11.3.244.8-node.38'
const NODE_24_V8 = '13.6.233.17-node.63'

describe('v8FlagsToSet', () => {
  test('a plain `node dist/cli/index.js` on Node 20 gets every flag, in order', () => {
    expect(v8FlagsToSet([], NODE_20_V8)).toEqual(['--no-turbo-inlining', '--interrupt-budget=400000'])
  })

  test('V8 12 and later (Node 22, 24) get no --interrupt-budget: they have no such flag and would print an error', () => {
    expect(v8FlagsToSet([], NODE_24_V8)).toEqual(['--no-turbo-inlining'])
    expect(v8FlagsToSet([], '12.4.254.21-node.33')).toEqual(['--no-turbo-inlining'])
  })

  test.each([['--turbo-inlining'], ['--no-turbo-inlining'], ['--turbo_inlining'], ['--no_turbo_inlining']])(
    'a turbo-inlining flag given to node is left as given: %s',
    (flag) => {
      expect(v8FlagsToSet(['--max-old-space-size=4096', flag], NODE_20_V8)).toEqual(['--interrupt-budget=400000'])
    },
  )

  test.each([['--interrupt-budget=1000'], ['--interrupt_budget=1000']])('an interrupt budget given to node is left as given: %s', (flag) => {
    expect(v8FlagsToSet([flag], NODE_20_V8)).toEqual(['--no-turbo-inlining'])
  })

  test('other flags, and names that only start like one of ours, change nothing', () => {
    const others = ['--max-old-space-size=200', '--interrupt-budget-for-feedback-allocation=100', '--turbo-inlining-x', '--inspect']
    expect(v8FlagsToSet(others, NODE_20_V8)).toEqual(v8FlagsToSet([], NODE_20_V8))
  })

  test('every flag set on this node is one it accepts (setting an unknown one would print an error on every run)', () => {
    // `node --<flag> -e 0` exits 9 ("bad option") when node does not know the flag.
    const set = v8FlagsToSet([])
    expect(set.length).toBeGreaterThan(0)
    for (const flag of set) {
      const run = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' })
      expect(run.status, `${flag}: ${run.stderr}`).toBe(0)
      expect(run.stderr).toBe('')
    }
  })

  test('each flag that names its V8 versions is one this node knows exactly when its version is among them', () => {
    const major = Number.parseInt(process.versions.v8, 10)
    for (const f of V8_FLAGS.filter((x) => x.belowV8 !== undefined)) {
      const run = spawnSync(process.execPath, [f.flag, '-e', '0'], { encoding: 'utf8' })
      expect(run.status === 0, `${f.flag} on V8 ${process.versions.v8}: ${run.stderr}`).toBe(major < f.belowV8!)
    }
  })
})

test('the launcher runs with the flags set and prints nothing of them: `--version` through dist/cli/index.js', () => {
  const root = path.resolve(import.meta.dirname, '../..')
  const run = spawnSync(process.execPath, ['dist/cli/index.js', '--version'], { cwd: root, encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(run.stdout).toMatch(/^isolint \d+\.\d+\.\d+\n$/)
})
