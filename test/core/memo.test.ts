import { describe, expect, it } from 'vitest'
import { remembered } from '../../src/core/memo.js'

describe('remembered', () => {
  it('calls the function once per argument, remembering undefined and null results too', () => {
    const calls: string[] = []
    const f = remembered((k: string) => {
      calls.push(k)
      return k === 'none' ? undefined : k === 'null' ? null : k.length
    })
    expect([f('ab'), f('ab'), f('none'), f('none'), f('null'), f('null')]).toEqual([2, 2, undefined, undefined, null, null])
    expect(calls).toEqual(['ab', 'none', 'null'])
  })

  it('holds at most max values: when full it starts again', () => {
    const calls: string[] = []
    const f = remembered((k: string) => (calls.push(k), k), 2)
    f('a')
    f('b')
    f('a')
    expect(calls).toEqual(['a', 'b'])
    f('c') // full: emptied, then c remembered
    f('a')
    expect(calls).toEqual(['a', 'b', 'c', 'a'])
  })
})
