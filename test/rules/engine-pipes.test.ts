import { describe, expect, test } from 'vitest'
import { enginePipe, engineAccessReports } from '../../src/rules/engine-access-from-container/engine-pipes.js'

const span = (line: number) => ({ file: 'k8s/agent.yaml', start: { line, column: 15 }, end: { line, column: 40 } })

describe('engine pipes', () => {
  test.each([
    ['\\\\.\\pipe\\docker_engine', 'docker'],
    ['//./pipe/docker_engine', 'docker'],
    ['\\\\.\\PIPE\\Docker_Engine', 'docker'],
    ['//./pipe/docker_engine_windows', 'docker'],
    ['\\\\.\\pipe\\containerd-containerd', 'containerd'],
    ['  //./pipe/containerd-containerd ', 'containerd'],
    ['\\\\.\\pipe\\docker_engine\\', 'docker'],
  ])('%s is the %s engine', (source, engine) => {
    expect(enginePipe(source)).toBe(engine)
  })

  test.each(['\\\\.\\pipe\\my_app', 'C:\\ProgramData\\docker', '//./pipe/docker_engine_backup', 'docker_engine', '/var/run/docker.sock'])(
    '%s is not an engine pipe',
    (source) => {
      expect(enginePipe(source)).toBeUndefined()
    },
  )

  test('a Kubernetes hostPath plugs in through the neutral shape; one report per written mount, error if any use is sensitive', () => {
    const reports = engineAccessReports([
      { source: '\\\\.\\pipe\\containerd-containerd', span: span(30), what: 'DaemonSet log-agent' },
      { source: '\\\\.\\pipe\\containerd-containerd', span: span(30), what: 'DaemonSet log-agent', production: 'namespace prod' },
      { source: '//./pipe/docker_engine', span: span(50), what: 'Pod debug' },
      { source: 'C:\\var\\log', span: span(60), what: 'Pod debug' },
    ])
    expect(reports.map((r) => [r.span.start.line, r.severity])).toEqual([
      [30, 'error'],
      [50, 'warning'],
    ])
    expect(reports[0]!.message).toContain('named pipe of containerd in production (namespace prod)')
  })
})
