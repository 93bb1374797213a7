import { describe, expect, it } from 'vitest'
import { substitute } from '../../src/core/substitution.js'

describe('substitute', () => {
  it('decides ${NAME<op>word} as POSIX sh does for unset, empty and set variables', () => {
    const table = (['-', ':-', '+', ':+', '?', ':?'] as const).map((op) => [
      op,
      substitute(op, undefined),
      substitute(op, ''),
      substitute(op, 'x'),
    ])
    expect(table).toEqual([
      ['-', 'word', 'value', 'value'],
      [':-', 'word', 'word', 'value'],
      ['+', 'empty', 'word', 'word'],
      [':+', 'empty', 'empty', 'word'],
      ['?', 'error', 'value', 'value'],
      [':?', 'error', 'error', 'value'],
    ])
  })
})
