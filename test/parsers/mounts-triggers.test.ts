/** The parser fields the security rules read: workflow triggers, job conditions, checkouts, container mounts. */
import { describe, expect, it } from 'vitest'
import type { Span } from '../../src/core/span.js'
import type { DockerRunCommand } from '../../src/model/workflow.js'
import { parseCompose, shortVolumeSource } from '../../src/parsers/compose.js'
import { extractDockerCommands } from '../../src/parsers/docker-cli.js'
import { parseWorkflow } from '../../src/parsers/workflow.js'

const at = (s: Span): [number, number] => [s.start.line, s.start.column]

function workflow(text: string) {
  const r = parseWorkflow('.github/workflows/ci.yml', text)
  expect(r.problems).toEqual([])
  return r.model!
}

describe('workflow triggers', () => {
  it.each([
    ['on: pull_request\njobs: {}\n', [['pull_request', 1, 5]]],
    ['on: [push, pull_request_target]\njobs: {}\n', [['push', 1, 6], ['pull_request_target', 1, 12]]],
    [
      'on:\n  issue_comment:\n    types: [created]\n  workflow_run:\n    workflows: [ci]\njobs: {}\n',
      [['issue_comment', 2, 3], ['workflow_run', 4, 3]],
    ],
    ['jobs: {}\n', []],
    ['on: 42\njobs: {}\n', [['42', 1, 5]]],
  ])('%j', (text, expected) => {
    expect((workflow(text).triggers ?? []).map((t) => [t.value, ...at(t.span)])).toEqual(expected)
  })
})

describe('job conditions and checkouts', () => {
  const wf = workflow(`on: pull_request_target
jobs:
  build:
    if: github.event.pull_request.head.repo.fork == false
    runs-on: [self-hosted, windows]
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          repository: \${{ github.event.pull_request.head.repo.full_name }}
      - uses: Actions/Checkout@8ade135a41bc03ea155e62e844d188df1ea18608
      - uses: actions/checkout-extra@v1
        with:
          ref: main
`)
  const job = wf.jobs[0]!
  it('reads the job condition', () => {
    expect(job.condition?.value).toBe('github.event.pull_request.head.repo.fork == false')
    expect(at(job.condition!.span)).toEqual([4, 9])
  })
  it('reads actions/checkout ref and repository with their spans; other actions are not checkouts', () => {
    const [first, second, third] = job.steps
    expect(first!.checkout?.ref?.value).toBe('${{ github.event.pull_request.head.sha }}')
    expect(at(first!.checkout!.ref!.span)).toEqual([9, 16])
    expect(first!.checkout?.repository?.value).toBe('${{ github.event.pull_request.head.repo.full_name }}')
    expect(second!.checkout).toEqual({ span: second!.uses!.span })
    expect(third!.checkout).toBeUndefined()
  })
})

describe('Compose volumes', () => {
  const text = `services:
  proxy:
    image: traefik:v3.1-windowsservercore-ltsc2022
    volumes:
      - //./pipe/docker_engine://./pipe/docker_engine
      - \${PIPE:-\\\\.\\pipe\\docker_engine}:\\\\.\\pipe\\docker_engine
      - C:\\data:C:\\data:ro
      - logs:C:\\logs
      - C:\\anonymous
      - type: npipe
        source: \\\\.\\pipe\\docker_engine
        target: \\\\.\\pipe\\docker_engine
      - type: volume
        target: C:\\cache
      - \${UNSET}:C:\\x
`
  it('reads short and long syntax, interpolated; drive letters are not separators; anonymous volumes have no source', () => {
    const { model, problems } = parseCompose('compose.yaml', text, new Map())
    expect(problems).toEqual([])
    const mounts = model!.services[0]!.mounts!
    expect(mounts.map((m) => [m.source, ...at(m.span), m.type])).toEqual([
      ['//./pipe/docker_engine', 5, 9, undefined],
      ['\\\\.\\pipe\\docker_engine', 6, 9, undefined],
      ['C:\\data', 7, 9, undefined],
      ['logs', 8, 9, undefined],
      ['\\\\.\\pipe\\docker_engine', 11, 17, 'npipe'],
    ])
  })
  it('shortVolumeSource', () => {
    expect(shortVolumeSource('C:\\a:C:\\b')).toBe('C:\\a')
    expect(shortVolumeSource('/data')).toBeUndefined()
    expect(shortVolumeSource('data:/data:ro')).toBe('data')
  })
})

describe('docker run mounts', () => {
  const span = (s: number, e: number): Span => ({ file: 'x', start: { line: 1, column: s + 1 }, end: { line: 1, column: e + 1 } })
  const run = (script: string, dialect: 'posix' | 'powershell' = 'powershell') =>
    extractDockerCommands(script, dialect, span)[0] as DockerRunCommand
  it('reads -v, --volume=, and --mount source/src with type', () => {
    const cmd = run(
      'docker run -v \\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine --volume=C:\\a:C:\\a ' +
        '--mount type=npipe,src=//./pipe/docker_engine,dst=//./pipe/docker_engine --mount type=volume,target=C:\\c img',
    )
    expect(cmd.image?.value).toBe('img')
    expect(cmd.mounts?.map((m) => [m.source, m.type])).toEqual([
      ['\\\\.\\pipe\\docker_engine', undefined],
      ['C:\\a', undefined],
      ['//./pipe/docker_engine', 'npipe'],
    ])
    expect(cmd.mounts?.[0]?.span.start.column).toBe(15)
  })
  it('has no mounts field without mounts', () => {
    expect(run('docker run --rm img').mounts).toBeUndefined()
  })
})
