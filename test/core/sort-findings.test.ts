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

  it('gives the comparator order on positions that pack into one number and on those that do not', () => {
    const next = (n: number): number => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 0) % n
    let seed = 7
    // Many files and far positions (the packed order), a line past 2^32 and a fractional column (the comparator's),
    // and few files and positions (the packed order with many findings at one place: rule id and message decide).
    const lineOf = [(): number => 1 + next(5000), (): number => 2 ** 40 + next(3), (): number => 1 + next(2), (): number => 1 + next(3)]
    const columnOf = [(): number => 1 + next(200), (): number => 1 + next(3), (): number => 1.5, (): number => 1 + next(2)]
    const filesOf = [60, 3, 3, 2]
    for (let kind = 0; kind < lineOf.length; kind++) {
      for (let round = 0; round < 20; round++) {
        const list: Finding[] = Array.from({ length: 300 }, () => {
          const line = lineOf[kind]!()
          const column = columnOf[kind]!()
          return {
            ruleId: ['b-rule', 'a-rule'][next(2)]!,
            severity: 'error',
            message: ['x', 'y', 'x y'][next(3)]!,
            span: span(`f${next(filesOf[kind]!)}.yml`, line, column, line, column + 1),
            related: [],
          }
        })
        const expected = [...list].sort(compareFindings)
        const got = sortFindings(list)
        expect(got.length).toBe(expected.length)
        // The same objects in the same places: equal findings in report order, as the stable comparator sort keeps them.
        expect(got.every((f, i) => f === expected[i])).toBe(true)
        expect(sortFindings(list, { unique: true })).toEqual(expected.filter((f, i, all) => i === 0 || compareFindings(all[i - 1]!, f) !== 0))
      }
    }
  })
})
