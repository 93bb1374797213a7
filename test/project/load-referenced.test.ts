// Files other files refer to (`docker build -f x/Dockerfile`) load only when they are regular files whose real path
// lies inside the root, through links to files and folders too; folders' real paths are cached per loader.
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { ProjectLoader } from '../../src/project/load.js'
import { POSIX, removeTemps, tempDir, writeTree } from '../reliability/helpers.js'

afterAll(removeTemps)

const DOCKERFILE = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n'

describe.skipIf(!POSIX)('referenced files and links', () => {
  const outside = tempDir()
  const root = realpathSync(tempDir())
  writeTree(outside, { 'Dockerfile': DOCKERFILE, 'deep/er/Dockerfile': DOCKERFILE })
  writeTree(root, { 'real/Dockerfile': DOCKERFILE, 'real/sub/Dockerfile': DOCKERFILE })
  mkdirSync(path.join(root, 'links'))
  symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'links/out-file'))
  symlinkSync(outside, path.join(root, 'links/out-dir'))
  symlinkSync(path.join(root, 'real'), path.join(root, 'links/in-dir'))
  symlinkSync(path.join(root, 'real/Dockerfile'), path.join(root, 'links/in-file'))
  symlinkSync(path.join(root, 'real'), path.join(root, 'links/folder-as-file'))

  test.each([
    ['real/Dockerfile', true],
    ['real/sub/Dockerfile', true],
    ['links/in-file', true],
    ['links/in-dir/Dockerfile', true],
    ['links/in-dir/sub/Dockerfile', true],
    ['links/out-file', false],
    ['links/out-dir/Dockerfile', false],
    ['links/out-dir/deep/er/Dockerfile', false],
    ['links/folder-as-file', false],
    ['real', false],
    ['real/missing/Dockerfile', false],
    ['real/Dockerfile/Dockerfile', false],
    ['../Dockerfile', false],
  ])('%s loads: %s', (rel, loads) => {
    const loader = new ProjectLoader(root)
    // The same loader answers again from its caches, with the same answer.
    expect(loader.dockerfile(rel) !== undefined).toBe(loads)
    expect(loader.dockerfile(rel) !== undefined).toBe(loads)
  })

  test('one loader resolves links in folders it has already seen', () => {
    const loader = new ProjectLoader(root)
    expect(loader.dockerfile('real/Dockerfile')?.file).toBe('real/Dockerfile')
    expect(loader.dockerfile('links/out-dir/Dockerfile')).toBeUndefined()
    expect(loader.dockerfile('links/in-dir/sub/Dockerfile')?.file).toBe('links/in-dir/sub/Dockerfile')
    expect(loader.dockerfile('links/out-dir/deep/er/Dockerfile')).toBeUndefined()
  })
})

// The `.env` a Compose file reads by default is the one in its own folder, joined to the folder as discovery wrote
// it: at the root it is `.env` (not `./.env`), and a backslash in a folder's name (allowed on POSIX) is a character of
// the name, not a separator: `a\b/compose.yml` reads `a\b/.env`, never the `.env` of the folder `a/b`.
describe('the default .env of a Compose file', () => {
  const compose = 'services:\n  s:\n    image: mcr.microsoft.com/windows/servercore:${TAG}\n'
  const root = realpathSync(tempDir())
  const named: Record<string, string> = POSIX ? { 'a\\b/compose.yml': compose, 'a\\b/.env': 'TAG=ltsc2022\n' } : {}
  writeTree(root, { 'compose.yml': compose, '.env': 'TAG=ltsc2016\n', 'a/b/compose.yml': compose, 'a/b/.env': 'TAG=ltsc2019\n', ...named })
  const cases: [string, string, string][] = [
    ['compose.yml', '.env', 'ltsc2016'],
    ['a/b/compose.yml', 'a/b/.env', 'ltsc2019'],
    ...(POSIX ? [['a\\b/compose.yml', 'a\\b/.env', 'ltsc2022'] as [string, string, string]] : []),
  ]

  test.each(cases)('%s reads %s', (file, envFile, tag) => {
    const model = new ProjectLoader(root).compose(file)
    expect(model?.envFile).toBe(envFile)
    expect(model?.services[0]?.image?.value).toBe(`mcr.microsoft.com/windows/servercore:${tag}`)
    // The variant a `docker compose` command makes (its environment set) reads the same file.
    const variant = new ProjectLoader(root).composeVariant(file, undefined, new Map([['OTHER', '1']]))
    expect(variant?.envFile).toBe(envFile)
    expect(variant?.services[0]?.image?.value).toBe(`mcr.microsoft.com/windows/servercore:${tag}`)
  })
})
