import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs } from '../harness/fuzz.js'
import { besideFile, joinRel } from '../../src/core/rel-path.js'

/**
 * What `joinRel` must answer, written with `path.posix`: backslashes are separators; an absolute or drive path
 * (`/x`, `C:/x`, `c:x`) in either part, or a result outside the tree, is unknown; the root is `''`; no `./`, no
 * trailing `/`.
 */
function reference(dir: string, p: string): string | undefined {
  const d = dir.replace(/\\/g, '/')
  const q = p.replace(/\\/g, '/')
  if ([d, q].some((x) => path.posix.isAbsolute(x) || /^[a-z]:/i.test(x))) return undefined
  const joined = path.posix.normalize(path.posix.join(d || '.', q || '.'))
  if (joined === '..' || joined.startsWith('../')) return undefined
  const out = joined.replace(/\/$/, '')
  return out === '.' ? '' : out
}

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
    expect(joinRel('.', '')).toBe('')
  })
  it('refuses paths that leave the tree or are absolute', () => {
    expect(joinRel('', '..')).toBeUndefined()
    expect(joinRel('a', '../../x')).toBeUndefined()
    expect(joinRel('a', '/etc/x')).toBeUndefined()
    expect(joinRel('a', 'C:\\x')).toBeUndefined()
  })
  it('knows no path in a folder it does not know', () => {
    expect(joinRel(undefined, 'Dockerfile')).toBeUndefined()
    expect(joinRel(undefined, '.')).toBeUndefined()
  })

  // Each caller's shape: a Compose `context: .`, a `working-directory: ./app/` (also `.\app\` on Windows), an Azure
  // `template: ../x.yml`, a `docker build -f sub\Dockerfile .`.
  const table: [dir: string, p: string, want: string | undefined][] = [
    ['', '.', ''],
    ['svc', '.', 'svc'],
    ['svc', './', 'svc'],
    ['', './app/', 'app'],
    ['./app/', 'Dockerfile', 'app/Dockerfile'],
    ['.\\app\\', 'compose.yaml', 'app/compose.yaml'],
    ['app\\web', '..\\Dockerfile', 'app/Dockerfile'],
    ['ci/templates', '../x.yml', 'ci/x.yml'],
    ['ci', '../../x.yml', undefined],
    ['', 'sub\\Dockerfile', 'sub/Dockerfile'],
    ['app', 'a//b', 'app/a/b'],
    ['app', 'a/./b/', 'app/a/b'],
    ['app', 'x/../../y', 'y'],
    ['app', '../..', undefined],
    ['', '', ''],
    ['a', '', 'a'],
    ['a/', '', 'a'],
    ['', '/x', undefined],
    ['', '\\\\server\\share\\x', undefined],
    ['', 'C:/x', undefined],
    ['', 'C:\\x', undefined],
    ['', 'c:x', undefined],
    ['', 'C:', undefined],
    ['/abs', 'x', undefined],
    ['C:\\work', 'Dockerfile', undefined],
    ['app', 'ab:c', 'app/ab:c'],
    ['app', 'a/c:x', 'app/a/c:x'],
    ['a..b', '.x', 'a..b/.x'],
    ['...', 'x', '.../x'],
  ]
  it.each(table)('joinRel(%j, %j) is %j, as path.posix says', (dir, p, want) => {
    expect(reference(dir, p)).toBe(want)
    expect(joinRel(dir, p)).toBe(want)
  })

  it('agrees with path.posix on any pair of paths made of tricky segments', () => {
    const segment = fc.constantFrom('a', 'b', '.', '..', '', '...', '.a', 'c:', 'C:', 'x:y', '\\', '\\\\', 'a\\b')
    const relPath = fc.array(segment, { maxLength: 6 }).map((s) => s.join('/'))
    fc.assert(
      fc.property(relPath, relPath, (dir, p) => {
        expect(joinRel(dir, p)).toBe(reference(dir, p))
      }),
      { numRuns: runs(3000) },
    )
  })
})

describe('besideFile', () => {
  it.each([
    ['compose.yml', '.env', '.env'],
    ['a/compose.yml', '.env', 'a/.env'],
    ['a/b/compose.yml', '.env', 'a/b/.env'],
    // A folder named `a\b` (POSIX): kept, where joinRel would answer `a/b/.env`.
    ['a\\b/compose.yml', '.env', 'a\\b/.env'],
    ['x\\compose.yml', '.env', '.env'],
  ])('beside %j, %j is %j', (file, name, want) => {
    expect(besideFile(file, name)).toBe(want)
  })

  it('is what path.posix says of a path as discovery writes it (no ./, no ..)', () => {
    const segment = fc.constantFrom('a', 'b', '...', '.a', 'c:', 'x:y', 'a\\b', '\\')
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const file = segments.join('/')
        expect(besideFile(file, '.env')).toBe(path.posix.join(path.posix.dirname(file), '.env'))
      }),
      { numRuns: runs(500) },
    )
  })
})
