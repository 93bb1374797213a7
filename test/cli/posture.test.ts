import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { main } from '../../src/cli/main.js'

const fixture = fileURLToPath(new URL('../../src/rules/untrusted-code-requires-hyperv/fixtures/invalid-issue-comment', import.meta.url))

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = ''
  let err = ''
  const code = main(argv, { cwd: fixture, stdout: (t) => (out += t), stderr: (t) => (err += t), color: false })
  return { code, out, err }
}

describe('--posture', () => {
  test('adds the isolation posture to the text report', () => {
    const { code, out } = cli('--posture', '.')
    expect(code).toBe(1)
    expect(out).toContain('error untrusted-code-requires-hyperv')
    const posture = out.slice(out.indexOf('Isolation posture'))
    expect(posture).toBe(
      "Isolation posture (process-isolated containers share their host's kernel; Hyper-V ones have their own):\n" +
        '  self-hosted, windows, ws2022 (build not known): 1 container shares the host kernel (1 untrusted), 0 in Hyper-V\n' +
        "    process  build stage #0 (RUN)  mcr.microsoft.com/windows/servercore:ltsc2022  [untrusted]  app/Dockerfile:1\n",
    )
  })

  test("says once that a Kubernetes node's build is not known: its label says the build is not pinned", () => {
    const k8s = fileURLToPath(new URL('../../src/rules/engine-access-from-container/fixtures', import.meta.url))
    let out = ''
    main(['--posture', 'invalid-hostpath.k8s.yaml'], { cwd: k8s, stdout: (t) => (out += t), stderr: () => {}, color: false })
    expect(out.slice(out.indexOf('Isolation posture'))).toBe(
      "Isolation posture (process-isolated containers share their host's kernel; Hyper-V ones have their own):\n" +
        '  a Windows node (build not pinned): 2 containers share the host kernel (1 production), 0 in Hyper-V\n' +
        '    process  container agent of Deployment ci-agent  mcr.microsoft.com/windows/servercore:ltsc2022  [production]  invalid-hostpath.k8s.yaml:18\n' +
        '    process  container exporter of Pod monitor  mcr.microsoft.com/windows/nanoserver:ltsc2022  invalid-hostpath.k8s.yaml:38\n',
    )
  })

  test('is a usage error with another format', () => {
    const { code, err } = cli('--posture', '--format', 'json', '.')
    expect(code).toBe(2)
    expect(err).toContain('--posture works with --format text')
  })
})
