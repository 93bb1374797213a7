import { describe, expect, it } from 'vitest'
import { compareFindings, sortFindings, type Finding } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'

/** Random findings over few files, positions, rules and messages, so that every key of the order ties often. */
function findings(count: number, seed: number): Finding[] {
  const next = (n: number): number => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 0) % n
  return Array.from({ length: count }, () => {
    const line = 1 + next(3)
    const column = 1 + next(3)
    return {
      ruleId: ['b-rule', 'a-rule'][next(2)]!,
      severity: 'error',
      message: ['x', 'y'][next(2)]!,
      span: span(['b.yml', 'a.yml', 'a/b.yml'][next(3)]!, line, column, line, column + 1),
      related: [],
    }
  })
}

describe('sortFindings', () => {
  it('sorts in compareFindings order, stably', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const list = findings(40, seed)
      expect(sortFindings(list)).toEqual([...list].sort(compareFindings))
      // Stable: equal findings keep the order they were reported in.
      expect(sortFindings(list).every((f, i, all) => i === 0 || compareFindings(all[i - 1]!, f) < 0 || list.indexOf(all[i - 1]!) < list.indexOf(f))).toBe(true)
    }
  })

  it('with unique, keeps the first of each group of equal findings (same rule, position and message)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const list = findings(40, seed)
      const expected = [...list].sort(compareFindings).filter((f, i, all) => i === 0 || compareFindings(all[i - 1]!, f) !== 0)
      const got = sortFindings(list, { unique: true })
      expect(got).toEqual(expected)
      for (const f of got) expect(list.indexOf(f)).toBe(list.findIndex((g) => compareFindings(g, f) === 0))
    }
  })
})
