import { describe, expect, it } from 'vitest'
import { getIgnoreCase, IgnoreCaseMap, keyIgnoreCase, LayeredMap, MappedMap, type IgnoreCaseLookup } from '../../src/core/lookup.js'

/** A map that refuses to be scanned: only `get`, `has` and `set` work. */
class Unscannable<V> extends IgnoreCaseMap<V> {
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
    for (const m of [new Map([['Tag', 'a'], ['TAG', 'b']]), new IgnoreCaseMap([['Tag', 'a'], ['TAG', 'b']])]) {
      expect(getIgnoreCase(m, 'TAG')).toBe('b')
      expect(getIgnoreCase(m, 'tag')).toBe('a')
      expect(getIgnoreCase(m, 'nope')).toBeUndefined()
      expect(keyIgnoreCase(m, 'tAG')).toBe('Tag')
      expect(keyIgnoreCase(m, 'nope')).toBeUndefined()
    }
  })

  it('reads the index an IgnoreCaseMap keeps instead of scanning it, for hits and misses, as it changes', () => {
    const m = new Unscannable<string>()
    m.set('Tag', 'ltsc2022')
    expect(getIgnoreCase(m, 'TAG')).toBe('ltsc2022')
    expect(getIgnoreCase(m, 'missing')).toBeUndefined()
    m.set('Other', 'x')
    expect(keyIgnoreCase(m, 'OTHER')).toBe('Other')
    m.clear()
    expect(getIgnoreCase(m, 'tag')).toBeUndefined()
    // A plain map has no index: it is scanned.
    const plain = new Map<string, string>()
    plain[Symbol.iterator] = plain.keys = plain.entries = (): never => {
      throw new Error('scanned')
    }
    expect(() => getIgnoreCase(plain, 'missing')).toThrow('scanned')
  })

  it('asks any map that finds names without case itself (an IgnoreCaseLookup), not only the classes it knows', () => {
    const asked: string[] = []
    const own: IgnoreCaseLookup<string> = Object.assign(new Map([['Tag', 'a']]), {
      keyIgnoringCase: (name: string) => {
        asked.push(name)
        return name.toLowerCase() === 'tag' ? 'Tag' : undefined
      },
    })
    own.keys = (): never => {
      throw new Error('scanned')
    }
    expect(getIgnoreCase(own, 'TAG')).toBe('a')
    expect(keyIgnoreCase(own, 'nope')).toBeUndefined()
    expect(asked).toEqual(['TAG', 'nope'])
  })

  it('refuses delete, which its index could not follow without a scan', () => {
    const m = new IgnoreCaseMap([['Tag', 'a']])
    expect(() => m.delete('Tag')).toThrow('not supported')
    expect(keyIgnoreCase(m, 'tag')).toBe('Tag')
  })
})

describe('LayeredMap', () => {
  it('reads its own entries over the base, iterates each key once, and looks names up without case in both indexes', () => {
    const base = new Unscannable<string>()
    base.set('TAG', 'base').set('OTHER', 'o')
    const m = new LayeredMap(new IgnoreCaseMap([['TAG', 'own'], ['A', 'a']]), base)
    expect([m.get('TAG'), m.get('OTHER'), m.has('A'), m.has('nope')]).toEqual(['own', 'o', true, false])
    expect(getIgnoreCase(m, 'other')).toBe('o')
    expect(keyIgnoreCase(m, 'tag')).toBe('TAG')
    expect(getIgnoreCase(m, 'missing')).toBeUndefined()
    const plain = new LayeredMap(new Map([['TAG', 'own']]), new Map([['TAG', 'base'], ['B', 'b']]))
    expect([...plain]).toEqual([['TAG', 'own'], ['B', 'b']])
    expect(plain.size).toBe(2)
  })
})

describe('MappedMap', () => {
  it('computes a value when it is first looked up, once, and reads names without case as its base', () => {
    const base = new IgnoreCaseMap([['Tag', 'a'], ['other', 'b']])
    const seen: string[] = []
    const m = new MappedMap(base, (v) => {
      seen.push(v)
      return v.toUpperCase()
    })
    expect(seen).toEqual([])
    expect(getIgnoreCase(m, 'TAG')).toBe('A')
    expect(m.get('Tag')).toBe('A')
    expect(m.get('missing')).toBeUndefined()
    expect(seen).toEqual(['a'])
    expect([...m]).toEqual([['Tag', 'A'], ['other', 'B']])
    expect(seen).toEqual(['a', 'b'])
  })
})
