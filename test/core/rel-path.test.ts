import { describe, expect, it } from 'vitest'
import { joinRel } from '../../src/core/rel-path.js'

describe('joinRel', () => {
  it('joins inside the tree, POSIX, without ./', () => {
    expect(joinRel('', 'Dockerfile')).toBe('Dockerfile')
    expect(joinRel('.', './a/b')).toBe('a/b')
    expect(joinRel('svc', '../base.yml')).toBe('base.yml')
    expect(joinRel('a/b', 'c\\d')).toBe('a/b/c/d')
  })
  it("names the root ''", () => {
    expect(joinRel('', '.')).toBe('')
    expect(joinRel('a', '..')).toBe('')
  })
  it('refuses paths that leave the tree or are absolute', () => {
    expect(joinRel('', '..')).toBeUndefined()
    expect(joinRel('a', '../../x')).toBeUndefined()
    expect(joinRel('a', '/etc/x')).toBeUndefined()
    expect(joinRel('a', 'C:\\x')).toBeUndefined()
  })
})
