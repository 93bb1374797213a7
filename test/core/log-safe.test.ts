import { describe, expect, it } from 'vitest'
import { neutralizeJson, neutralizeLines } from '../../src/core/log-safe.js'

describe('log-safe', () => {
  it('guards a line that starts with :: after LF, CR LF or a lone CR and keeps the line breaks', () => {
    expect(neutralizeLines('a\n::x\r\n  ::y\r::z ##[g]\n')).toBe('a\n\u200b::x\r\n\u200b  ::y\r\u200b::z #\u200b#[g]\n')
  })
  it('leaves other text alone', () => {
    expect(neutralizeLines('a: b :: c\n')).toBe('a: b :: c\n')
  })
  it('escapes ##[ in JSON text', () => {
    expect(neutralizeJson('"##[error]"')).toBe('"#\\u0023[error]"')
  })
})
