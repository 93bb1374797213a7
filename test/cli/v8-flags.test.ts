/**
 * The V8 flags of the `isolint` command (scripts/v8-flags.mjs, run by dist/cli/index.js before the bundle is
 * compiled): set unless node was given the same flag, in any spelling.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { V8_FLAGS, v8FlagsToSet } from '../../scripts/v8-flags.mjs'

describe('v8FlagsToSet', () => {
  test('a plain `node dist/cli/index.js` gets every flag, in order', () => {
    expect(v8FlagsToSet([])).toEqual(['--no-turbo-inlining', '--interrupt-budget=400000'])
  })

  test.each([['--turbo-inlining'], ['--no-turbo-inlining'], ['--turbo_inlining'], ['--no_turbo_inlining']])(
    'a turbo-inlining flag given to node is left as given: %s',
    (flag) => {
      expect(v8FlagsToSet(['--max-old-space-size=4096', flag])).toEqual(['--interrupt-budget=400000'])
    },
  )

  test.each([['--interrupt-budget=1000'], ['--interrupt_budget=1000']])('an interrupt budget given to node is left as given: %s', (flag) => {
    expect(v8FlagsToSet([flag])).toEqual(['--no-turbo-inlining'])
  })

  test('other flags, and names that only start like one of ours, change nothing', () => {
    expect(v8FlagsToSet(['--max-old-space-size=200', '--interrupt-budget-for-feedback-allocation=100', '--turbo-inlining-x', '--inspect'])).toEqual(
      V8_FLAGS,
    )
  })

  test('every flag is one that this node accepts (setting an unknown one would print an error on every run)', () => {
    // `node --<flag> -e 0` exits 9 ("bad option") when node does not know the flag.
    for (const flag of V8_FLAGS) {
      const run = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' })
      expect(run.status, `${flag}: ${run.stderr}`).toBe(0)
      expect(run.stderr).toBe('')
    }
  })
})

test('the launcher runs with the flags set: `--version` through dist/cli/index.js', () => {
  const root = path.resolve(import.meta.dirname, '../..')
  const run = spawnSync(process.execPath, ['dist/cli/index.js', '--version'], { cwd: root, encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(run.stdout).toMatch(/^isolint \d+\.\d+\.\d+\n$/)
})
