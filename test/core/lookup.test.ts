import { describe, expect, it } from 'vitest'
import { getIgnoreCase, keepNamesWithoutCase, keptNamesWithoutCase } from '../../src/core/lookup.js'

/** A map that refuses to be scanned: only `get` and `has` work. */
class Unscannable<V> extends Map<string, V> {
  override [Symbol.iterator](): MapIterator<[string, V]> {
    throw new Error('scanned')
  }
  override entries(): MapIterator<[string, V]> {
    throw new Error('scanned')
  }
  override keys(): MapIterator<string> {
    throw new Error('scanned')
  }
}

describe('getIgnoreCase', () => {
  it('finds the exact spelling first, else the first key equal without case', () => {
    const m = new Map([['Tag', 'a'], ['TAG', 'b']])
    expect(getIgnoreCase(m, 'TAG')).toBe('b')
    expect(getIgnoreCase(m, 'tag')).toBe('a')
    expect(getIgnoreCase(m, 'nope')).toBeUndefined()
  })

  it('reads the names a map keeps without case instead of scanning it, for hits and misses', () => {
    const m = new Unscannable<string>()
    m.set('Tag', 'ltsc2022')
    keepNamesWithoutCase(m, new Map([['tag', 'Tag']]))
    expect(keptNamesWithoutCase(m)?.get('tag')).toBe('Tag')
    expect(getIgnoreCase(m, 'TAG')).toBe('ltsc2022')
    expect(getIgnoreCase(m, 'missing')).toBeUndefined()
    expect(() => getIgnoreCase(new Unscannable<string>(), 'missing')).toThrow('scanned')
  })
})
