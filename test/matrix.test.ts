/**
 * End to end, every cell of Microsoft's server compatibility matrix: a workflow job on each host runs each base
 * image with each isolation, and the findings must be exactly what the matrix says. The expected table is written
 * out here from the Microsoft Learn page (version-compatibility.md, 2025-01-23), independently of rules/.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { lint } from '../src/lint.js'

const dir = mkdtempSync(path.join(tmpdir(), 'isolint-matrix-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Want = 'ok' | 'process-isolation-build-mismatch' | 'image-newer-than-host'
const HOSTS = { 'windows-2025': 26100, 'windows-2022': 20348, '10.0.17763': 17763, '10.0.14393': 14393 } as const
const IMAGES = { ltsc2025: 26100, ltsc2022: 20348, ltsc2019: 17763, ltsc2016: 14393 } as const

/** Microsoft's table for Windows Server hosts (process isolation; Hyper-V runs anything not newer). */
const PROCESS_OK: Record<number, number[]> = {
  26100: [26100, 20348],
  20348: [20348],
  17763: [17763],
  14393: [14393],
}

function want(host: number, image: number, isolation: 'default' | 'process' | 'hyperv'): Want {
  if (image > host) return 'image-newer-than-host'
  if (isolation === 'hyperv') return 'ok'
  return PROCESS_OK[host]!.includes(image) ? 'ok' : 'process-isolation-build-mismatch'
}

const cells = Object.entries(HOSTS).flatMap(([label, host]) =>
  Object.entries(IMAGES).flatMap(([tag, image]) =>
    (['default', 'process', 'hyperv'] as const).map((iso) => [label, tag, iso, want(host, image, iso)] as const),
  ),
)

test.each(cells)('%s runs servercore:%s with %s isolation: %s', (label, tag, isolation, expected) => {
  const repo = path.join(dir, `${label}-${tag}-${isolation}`)
  const image = `mcr.microsoft.com/windows/servercore:${tag}`
  let result
  let file: string
  if (label.startsWith('10.0.')) {
    // A bare build is given with --runner, for a Compose file no workflow reaches.
    file = 'compose.yaml'
    mkdirSync(repo, { recursive: true })
    const iso = isolation === 'default' ? '' : `    isolation: ${isolation}\n`
    writeFileSync(path.join(repo, file), `services:\n  app:\n    image: ${image}\n${iso}`)
    result = lint({ root: repo, runners: [label] })
  } else {
    file = '.github/workflows/ci.yml'
    mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true })
    const flag = isolation === 'default' ? '' : ` --isolation=${isolation}`
    writeFileSync(
      path.join(repo, file),
      `on: push\njobs:\n  test:\n    runs-on: ${label}\n    steps:\n      - run: docker run --rm${flag} ${image} cmd /c ver\n`,
    )
    result = lint({ root: repo })
  }
  const compat = result.findings.filter((f) => f.ruleId === 'process-isolation-build-mismatch' || f.ruleId === 'image-newer-than-host')
  expect(compat.map((f) => `${f.span.file}:${f.ruleId}`)).toEqual(expected === 'ok' ? [] : [`${file}:${expected}`])
})
