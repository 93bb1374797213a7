/** unmaintained-image-tag beside end-of-life-windows-image: which date a tag of an ended Windows release is told. */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { Report, RuleContext } from '../../src/core/rule.js'
import { createKnowledgeBase, loadKnowledgeBase, validateKbData } from '../../src/kb/index.js'
import type { KnowledgeBase } from '../../src/kb/types.js'
import endOfLife from '../../src/rules/end-of-life-windows-image/rule.js'
import type { ModelIndex } from '../../src/rules/model-index.js'
import unmaintained from '../../src/rules/unmaintained-image-tag/rule.js'

const span = { file: 'Dockerfile', start: { line: 1, column: 6 }, end: { line: 1, column: 50 } }

/** The messages a rule reports for `FROM ref`, with the knowledge base `kb`. */
function messages(rule: typeof unmaintained, kb: KnowledgeBase, ref: string): string[] {
  const reports: Report[] = []
  const index = { images: [{ use: { image: ref, raw: ref, span, where: 'from' }, image: kb.image(ref) }] } as unknown as ModelIndex
  rule.check({ index, kb, report: (r: Report) => reports.push(r) } as unknown as RuleContext)
  return reports.map((r) => r.message)
}

/** The bundled knowledge base with the PowerShell images' `unmaintained` fact edited. */
function withPowerShellFact(edit: (fact: Record<string, unknown>) => void): KnowledgeBase {
  const raw = JSON.parse(readFileSync(new URL('../../rules/windows-knowledge.json', import.meta.url), 'utf8')) as {
    repositories: { id?: string; tagStatus?: Record<string, unknown>[] }[]
  }
  edit(raw.repositories.find((r) => r.id === 'powershell')!.tagStatus![0]!)
  return createKnowledgeBase(validateKbData(raw))
}

describe('unmaintained-image-tag and an end-of-life Windows release', () => {
  const kb = loadKnowledgeBase()

  test('a tag whose Windows release ended before the repository stopped updates is left to end-of-life-windows-image', () => {
    // JetBrains/teamcity-docker-images: 1803 ended 2019-11-12, the PowerShell images 2025-03-26.
    const ref = 'mcr.microsoft.com/powershell:nanoserver-1803'
    expect(messages(unmaintained, kb, ref)).toEqual([])
    expect(messages(endOfLife, kb, ref)).toEqual([
      `${ref} is Windows 1803 (build 17134), out of support since 2019-11-12: move to an ltsc2022 or ltsc2025 image`,
    ])
    // Nano Server 1607 ended before its build's release did: its own date decides.
    expect(messages(unmaintained, kb, 'mcr.microsoft.com/powershell:6.0.0-nanoserver-sac2016')).toEqual([])
  })

  test('a tag of a supported release, or of no single build, keeps the repository date', () => {
    for (const ref of ['mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022', 'mcr.microsoft.com/powershell:nanoserver']) {
      expect(messages(unmaintained, kb, ref), ref).toEqual([
        `${ref} gets no security fixes (not maintained since 2025-03-26): the PowerShell images are no longer maintained: ` +
          'use the .NET SDK image, which includes PowerShell',
      ])
    }
  })

  test('a tag frozen before its Windows release ended keeps its own, earlier date; one with no date says nothing more', () => {
    const ref = 'mcr.microsoft.com/powershell:nanoserver-1803'
    const early = withPowerShellFact((f) => (f.since = '2018-06-01'))
    expect(messages(unmaintained, early, ref)).toEqual([expect.stringContaining('(not maintained since 2018-06-01)')])
    const undated = withPowerShellFact((f) => delete f.since)
    expect(messages(unmaintained, undated, ref)).toEqual([])
    expect(messages(unmaintained, undated, 'mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022')).toHaveLength(1)
  })
})
