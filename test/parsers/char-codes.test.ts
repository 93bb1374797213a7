import { describe, expect, it } from 'vitest'
import { isSpace } from '../../src/parsers/char-codes.js'

describe('isSpace', () => {
  it('is white space exactly where JavaScript sees it (/\\s/, trim()), for every UTF-16 code unit', () => {
    const differ: number[] = []
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c)
    expect(differ).toEqual([])
  })
})
