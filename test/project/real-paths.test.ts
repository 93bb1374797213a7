// RealPaths gives what realpathSync and statSync give, for files, folders and links, asked in any order.
import { mkdirSync, realpathSync, statSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { RealPaths } from '../../src/project/real-paths.js'
import { POSIX, removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

describe.skipIf(!POSIX)('RealPaths', () => {
  const outside = tempDir()
  const root = tempDir()
  writeTree(outside, { 'f.txt': 'x', 'deep/g.txt': 'y' })
  writeTree(root, { 'a/b/c.txt': 'c', 'a/d.txt': 'd' })
  symlinkSync(outside, path.join(root, 'out'))
  symlinkSync(path.join(root, 'a/b'), path.join(root, 'a/to-b'))
  symlinkSync(path.join(root, 'a/d.txt'), path.join(root, 'a/b/to-d'))
  symlinkSync(path.join(root, 'missing'), path.join(root, 'broken'))
  symlinkSync(path.join(root, 'loop'), path.join(root, 'loop'))
  mkdirSync(path.join(root, 'empty'))

  const paths = [
    '',
    'a',
    'a/b',
    'a/b/c.txt',
    'a/d.txt',
    'a/to-b',
    'a/to-b/c.txt',
    'a/to-b/to-d',
    'a/b/to-d',
    'out',
    'out/f.txt',
    'out/deep/g.txt',
    'empty',
  ].map((rel) => path.join(root, rel))

  test('the same real path and type as realpathSync and statSync, in either order', () => {
    for (const order of [paths, [...paths].reverse()]) {
      const real = new RealPaths()
      for (const abs of order) {
        const got = real.resolve(abs)!
        expect(got.real, abs).toBe(realpathSync(abs))
        expect(got.stats.isFile(), abs).toBe(statSync(abs).isFile())
        expect(got.stats.isDirectory(), abs).toBe(statSync(abs).isDirectory())
      }
    }
  })

  test('undefined where nothing is; throws for a broken link, a loop and a file used as a folder, as realpathSync does', () => {
    const real = new RealPaths()
    for (const rel of ['nothing', 'a/nothing/c.txt', 'out/nothing']) {
      const abs = path.join(root, rel)
      expect(() => realpathSync(abs), rel).toThrow()
      expect(real.resolve(abs), rel).toBeUndefined()
    }
    for (const rel of ['a/d.txt/c.txt', 'broken', 'loop']) {
      const abs = path.join(root, rel)
      expect(() => realpathSync(abs), rel).toThrow()
      expect(() => real.resolve(abs), rel).toThrow()
    }
  })

  test('paths under an absent folder are absent, whatever was asked before; files next to them are found', () => {
    const real = new RealPaths()
    const asked = ['a/x/y/z.txt', 'a/x/y/w.txt', 'a/x/v.txt', 'a/b/c.txt', 'x/y.txt', 'a/d.txt', 'a/x/b/c.txt', 'a/to-b/x/c.txt', 'out/x/f.txt']
    for (const order of [asked, [...asked].reverse()]) {
      for (const rel of order) {
        const abs = path.join(root, rel)
        const exists = rel === 'a/b/c.txt' || rel === 'a/d.txt'
        expect(real.resolve(abs)?.real, rel).toBe(exists ? realpathSync(abs) : undefined)
      }
    }
    // A file used as a folder still throws, as realpathSync does.
    expect(() => real.resolve(path.join(root, 'a/d.txt/x'))).toThrow()
  })

  test('folders with many siblings (answered by their parent\'s listing): links among them are still followed', () => {
    const many = tempDir()
    writeTree(many, { 's0/f': '0', 's1/f': '1', 's2/f': '2', 's3/f': '3', 's5/f': '5' })
    symlinkSync(path.join(root, 'a/b'), path.join(many, 's4'))
    symlinkSync(outside, path.join(many, 's6'))
    const files = ['s0/f', 's1/f', 's2/f', 's3/f', 's4/c.txt', 's5/f', 's6/f.txt', 's6/deep/g.txt'].map((rel) => path.join(many, rel))
    const absent = path.join(many, 's7/f')
    expect(() => realpathSync(absent)).toThrow(/ENOENT/)
    for (const order of [files, [...files].reverse()]) {
      const real = new RealPaths()
      for (const abs of order) expect(real.resolve(abs)?.real, abs).toBe(realpathSync(abs))
      // A sibling the listing does not hold, because it is not there: absent, as realpathSync says (no error).
      expect(real.resolve(absent)).toBeUndefined()
      // A link the listing does not hold (made after the listing was read) is asked of an lstat: followed too.
      const late = path.join(many, `late-${order === files ? 'a' : 'b'}`)
      symlinkSync(outside, late)
      expect(real.resolve(path.join(late, 'deep/g.txt'))?.real).toBe(realpathSync(path.join(outside, 'deep/g.txt')))
    }
  })
})
