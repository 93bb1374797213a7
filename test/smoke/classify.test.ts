/** Every engine message of the issue is recognised; unknown errors keep their raw text. */
import { describe, expect, test } from 'vitest'
import { classify, compileEngineMessages, loadEngineMessages } from '../../src/smoke/classify.js'

describe('engine messages', () => {
  test.each([
    ['docker: Error response from daemon: container x encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)', 'build-mismatch'],
    ['docker: Error response from daemon: hcs::CreateComputeSystem abc: The container operating system does not match the host operating system.', 'build-mismatch'],
    ['hcsshim::System::Start: failure in a Windows system call: the container operating system does not match the host operating system. (0xc0370101)', 'build-mismatch'],
    ['a Windows version 10.0.26100-based image is incompatible with a 10.0.20348 host', 'newer-than-host'],
    ['no matching manifest for windows(10.0.17763)/amd64 in the manifest list entries', 'newer-than-host'],
    ['no matching manifest for windows/amd64 10.0.19044 in the manifest list entries', 'newer-than-host'],
    ['container x encountered an error during hcs::System::Start: The virtual machine or container exited unexpectedly. (0xc0370106)', 'patch-newer-than-host'],
    ['hcs::CreateComputeSystem x: The container image contains a layer with an unrecognized format. (0xc0370112)', 'unrecognized-layer'],
    ['Error response from daemon: image operating system "linux" cannot be used on this platform', 'linux-image'],
    ['hcs::CreateComputeSystem x: No hypervisor is present on this system. (0xc0351000)', 'hyperv-unavailable'],
    ['hcs::CreateComputeSystem x: The virtual machine could not be started because a required feature is not installed.', 'hyperv-not-installed'],
    ['failure in a Windows system call: (0x80370102)', 'hyperv-not-installed'],
    ['hcs::CreateComputeSystem x: The request is not supported. (0x32)', 'hyperv-request-not-supported'],
  ])('%s → %s', (message, id) => {
    const c = classify(`some progress line\n${message}\n`)
    expect(c.id).toBe(id)
    expect(c.detail).toBe(message)
    expect(c.hypervUnavailable).toBe(id.startsWith('hyperv-'))
  })

  test('an unknown error keeps its raw text, on one line, capped', () => {
    const c = classify('Error response from daemon: something\x1b[31m odd\r\nhappened')
    expect(c).toMatchObject({ id: 'unknown', hypervUnavailable: false })
    expect(c.detail).toBe('Error response from daemon: something [31m odd happened')
    expect(classify('x'.repeat(5000)).detail.length).toBeLessThanOrEqual(400)
  })

  test('every class names its sources, and bad data is refused with the entry', () => {
    for (const c of loadEngineMessages()) expect(c.sources.length).toBeGreaterThan(0)
    expect(() => compileEngineMessages([{ id: 'x', pattern: '(', explanation: 'e', sources: ['s'] }])).toThrow(/entry 1: invalid pattern/)
    expect(() => compileEngineMessages([{ id: 'x', pattern: 'a', explanation: 'e' }])).toThrow(/sources/)
  })
})
