import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { dockerfileAst } from '../../src/parsers/dockerfile-ast-lazy.js'

describe('dockerfileAst', () => {
  test('from the sources, loads the dockerfile-ast package once', () => {
    const pkg = createRequire(import.meta.url)('dockerfile-ast') as typeof import('dockerfile-ast')
    expect(dockerfileAst()).toBe(pkg)
    expect(dockerfileAst()).toBe(dockerfileAst())
    expect(dockerfileAst().DockerfileParser.parse('FROM scratch\n').getInstructions().map((i) => i.getKeyword())).toEqual(['FROM'])
  })
})
