import { describe, expect, it } from 'vitest'
import { fingerprints, fullFingerprints } from '../../src/baseline/fingerprint.js'
import { span } from '../../src/core/span.js'
import { finding } from '../reporters/sample.js'

const sources = new Map([
  ['a/Dockerfile', 'FROM x\n\n# comment\nRUN  a   b\nRUN a b\n'],
  ['b.yml', 'jobs:\n  build:\n    runs-on: windows-2019\n'],
])
const findings = [
  finding({ span: span('b.yml', 3, 14, 3, 26) }),
  finding({ span: span('a/Dockerfile', 4, 1, 4, 4) }),
  finding({ span: span('a/Dockerfile', 5, 1, 5, 4) }),
  finding({ span: span('a/Dockerfile', 5, 1, 5, 4) }),
  finding({ span: span('a/Dockerfile', 5, 1, 5, 4), ruleId: 'unknown-image-build' }),
  finding({ span: span('b.yml', 3, 14, 3, 26) }),
]

describe('fingerprints', () => {
  it('full fingerprints alone are the full half of fingerprints, counts included, in any file order', () => {
    const both = fingerprints(findings, sources)
    expect(fullFingerprints(findings, sources)).toEqual(both.map((f) => f.full))
    expect(both.map((f) => f.full.split(':')[1])).toEqual(['1', '1', '1', '2', '1', '2'])
  })
  it('normalise whitespace and skip blank and comment neighbours', () => {
    const [, spaced, plain] = fingerprints(findings, sources)
    // Line 4 (`RUN  a   b`) and line 5 (`RUN a b`) read the same once normalised; their neighbours differ.
    expect(spaced!.line.split(':')[0]).toBe(plain!.line.split(':')[0])
    expect(spaced!.full).not.toBe(plain!.full)
  })
})
