import { describe, expect, it } from 'vitest'
import { EMPTY_LIST, sizedCopy } from '../../src/core/sized-copy.js'
import { parseCompose } from '../../src/parsers/compose.js'
import { extractDockerCommands } from '../../src/parsers/docker-cli.js'
import { parseDockerfile } from '../../src/parsers/dockerfile.js'
import { parseWorkflow } from '../../src/parsers/workflow.js'
import { uniqueBy } from '../../src/project/unique.js'
import { LineIndex, type Span } from '../../src/core/span.js'
import type { DockerBuildCommand } from '../../src/model/workflow.js'

describe('sizedCopy', () => {
  it('gives the shared frozen empty list for an empty list', () => {
    expect(sizedCopy([])).toBe(EMPTY_LIST)
    expect(Object.isFrozen(EMPTY_LIST)).toBe(true)
    expect(() => (EMPTY_LIST as unknown as number[]).push(1)).toThrow(TypeError)
  })

  it('gives a copy with the same items, never the list itself', () => {
    const list = [1, 2, 3]
    const copy = sizedCopy(list)
    expect(copy).not.toBe(list)
    expect(copy).toEqual([1, 2, 3])
    list.push(4)
    expect(copy).toEqual([1, 2, 3])
  })
})

describe('lists that models keep', () => {
  const at = (text: string) => {
    const lines = new LineIndex(text)
    return (s: number, e: number): Span => lines.span('s.sh', s, e)
  }

  it('are the shared empty list when empty, in every parser', () => {
    const df = parseDockerfile('Dockerfile', 'FROM alpine\n').model!
    expect(df.globalArgs).toBe(EMPTY_LIST)
    expect(df.stages[0]!.runs).toBe(EMPTY_LIST)
    expect(df.stages[0]!.fromRefs).toBe(EMPTY_LIST)
    expect(parseDockerfile('Dockerfile', '').model!.stages).toBe(EMPTY_LIST)

    expect(parseCompose('compose.yml', 'services: {}\n', new Map()).model!.services).toBe(EMPTY_LIST)

    expect(extractDockerCommands('echo hi', 'posix', at('echo hi'))).toBe(EMPTY_LIST)
    const build = extractDockerCommands('docker build .', 'posix', at('docker build .'))[0] as DockerBuildCommand
    expect(build.tags).toBe(EMPTY_LIST)
    expect(build.buildArgs).toBe(EMPTY_LIST)

    const wf = parseWorkflow('w.yml', 'on: push\njobs:\n  a:\n    steps: []\n  b:\n    runs-on: []\n').model!
    expect(wf.jobs[0]!.runsOn).toBe(EMPTY_LIST)
    expect(wf.jobs[1]!.runsOn).toBe(EMPTY_LIST)

    expect(uniqueBy([], String)).toBe(EMPTY_LIST)
  })

  it('keep their items when there are some', () => {
    const df = parseDockerfile('Dockerfile', 'ARG A\nARG B\nFROM alpine AS one\nRUN a\nFROM one\nARG C\nRUN b\nRUN c\n').model!
    expect(df.globalArgs.map((a) => a.name)).toEqual(['A', 'B'])
    expect(df.stages.map((s) => [s.fromRefs.length, s.runs.length])).toEqual([[0, 1], [0, 2]])
    const script = 'docker build -t a -t b --build-arg X=1 .'
    const build = extractDockerCommands(script, 'posix', at(script))[0] as DockerBuildCommand
    expect(build.tags.map((t) => t.value)).toEqual(['a', 'b'])
    expect(build.buildArgs.map((a) => a.name)).toEqual(['X'])
    expect(uniqueBy(['a', 'b', 'a'], String)).toEqual(['a', 'b'])
  })
})
