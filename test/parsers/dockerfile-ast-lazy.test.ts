import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, test } from 'vitest'
import { dockerfileAst } from '../../src/parsers/dockerfile-ast-lazy.js'
import { removeTemps, tempDir } from '../reliability/helpers.js'

afterAll(removeTemps)

/**
 * `dockerfileAst` of a copy of the module (compiled from its source) in a folder of its own, next to a
 * `dockerfile-ast.cjs` with `stub` as its text, as the bundles carry it.
 */
async function besideStub(stub: string): Promise<() => unknown> {
  const dir = tempDir('isolint-lazy-')
  const source = readFileSync(new URL('../../src/parsers/dockerfile-ast-lazy.ts', import.meta.url), 'utf8')
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
  writeFileSync(path.join(dir, 'lazy.mjs'), js)
  writeFileSync(path.join(dir, 'dockerfile-ast.cjs'), stub)
  const mod = (await import(pathToFileURL(path.join(dir, 'lazy.mjs')).href)) as { dockerfileAst: () => unknown }
  return mod.dockerfileAst
}

describe('dockerfileAst', () => {
  test('from the sources, loads the dockerfile-ast package once', () => {
    const pkg = createRequire(import.meta.url)('dockerfile-ast') as typeof import('dockerfile-ast')
    expect(dockerfileAst()).toBe(pkg)
    expect(dockerfileAst()).toBe(dockerfileAst())
    expect(dockerfileAst().DockerfileParser.parse('FROM scratch\n').getInstructions().map((i) => i.getKeyword())).toEqual(['FROM'])
  })

  test('next to a dockerfile-ast.cjs (as in the bundles), loads that file', async () => {
    const load = await besideStub('module.exports = { bundled: true }\n')
    expect(load()).toEqual({ bundled: true })
    expect(load()).toBe(load())
  })

  test('when a require inside dockerfile-ast.cjs fails, that error surfaces: no fallback to the package', async () => {
    const load = await besideStub("require('./dependency-not-bundled.cjs')\n")
    expect(load).toThrow(/^Cannot find module '\.\/dependency-not-bundled\.cjs'/)
  })

  test('an error thrown while dockerfile-ast.cjs runs surfaces as is', async () => {
    const load = await besideStub("throw new TypeError('broken bundle')\n")
    expect(load).toThrow(new TypeError('broken bundle'))
  })
})
