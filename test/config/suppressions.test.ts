/** Inline suppressions in every file kind, each form, expiry and policy; baseline fingerprints. */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyBaseline, createBaseline } from '../../src/baseline/baseline.js'
import { lint } from '../../src/lint.js'
import { loadCatalog } from '../../src/core/catalog.js'
import { parseDirectives, validDirectives } from '../../src/suppressions/directives.js'

function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'isolint-suppress-')))
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), text)
  }
  return root
}

const ids = (r: ReturnType<typeof lint>): string[] => r.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`)
const quiet = (r: ReturnType<typeof lint>): string[] => r.suppressed.map((s) => `${s.finding.span.file}:${s.finding.span.start.line} ${s.finding.ruleId}`)

afterEach(() => {
  delete process.env.ISOLINT_TODAY
})

describe('parseDirectives', () => {
  it('reads ids, reason and until; next-line skips blank and comment lines; a trailing comment applies to the next line', () => {
    const text = [
      'services: # isolint-disable-next-line windows-image-missing-tag -- trailing form',
      '  a:',
      '    # isolint-disable-next-line end-of-life-windows-image, unknown-image-build until=2030-01-01 -- dev only',
      '',
      '    # another comment',
      '    image: x',
      '# isolint-disable-file windows-image-missing-tag -- generated file',
      '',
    ].join('\n')
    expect(parseDirectives('c.yml', text)).toEqual([
      expect.objectContaining({ kind: 'next-line', ruleIds: ['windows-image-missing-tag'], reason: 'trailing form', target: 2 }),
      expect.objectContaining({ kind: 'next-line', ruleIds: ['end-of-life-windows-image', 'unknown-image-build'], until: '2030-01-01', reason: 'dev only', target: 6 }),
      expect.objectContaining({ kind: 'file', ruleIds: ['windows-image-missing-tag'], reason: 'generated file' }),
    ])
  })
})

describe('suppressions in every file kind', () => {
  it('Dockerfile, Compose and workflow, next-line and file forms, and the related runs-on line', () => {
    const root = tree({
      Dockerfile: '# isolint-disable-next-line windows-image-missing-tag -- pinned by digest in the release build\nFROM mcr.microsoft.com/windows/servercore\n',
      'compose.yml': '# isolint-disable-file windows-image-missing-tag -- local dev only\nservices:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver\n',
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  a:',
        '    # isolint-disable-next-line process-isolation-build-mismatch -- this job moves to 2019 hosts next sprint',
        '    runs-on: windows-2022',
        '    steps:',
        '      - run: docker run --rm mcr.microsoft.com/windows/servercore:ltsc2019 cmd',
        '',
      ].join('\n'),
    })
    const r = lint({ root })
    expect(ids(r)).toEqual([])
    expect(quiet(r).sort()).toEqual([
      '.github/workflows/ci.yml:7 process-isolation-build-mismatch',
      'Dockerfile:2 windows-image-missing-tag',
      'compose.yml:4 windows-image-missing-tag',
    ])
  })

  it('an expired suppression lets the finding come back, saying so; it is not unused', () => {
    process.env.ISOLINT_TODAY = '2026-06-01'
    const root = tree({ Dockerfile: '# isolint-disable-next-line windows-image-missing-tag until=2026-05-31 -- until the migration\nFROM mcr.microsoft.com/windows/servercore\n' })
    const r = lint({ root })
    expect(ids(r)).toEqual(['Dockerfile:2 windows-image-missing-tag'])
    expect(r.findings[0]!.message).toContain('(the suppression at Dockerfile:1 expired on 2026-05-31)')
  })

  it('policy: a rule in never, no reason, too far an expiry are invalid and suppress nothing', () => {
    process.env.ISOLINT_TODAY = '2026-01-01'
    const root = tree({
      '.isolint.yml': 'suppressions:\n  max-days: 30\n  never: [windows-image-missing-tag]\n',
      Dockerfile: '# isolint-disable-next-line windows-image-missing-tag until=2026-01-10 -- x\nFROM mcr.microsoft.com/windows/servercore\n',
      'a/Dockerfile': '# isolint-disable-next-line end-of-life-windows-image until=2026-12-01 -- x\nFROM mcr.microsoft.com/windows/servercore:20H2\n',
      'b/Dockerfile': '# isolint-disable-next-line end-of-life-windows-image until=2026-01-20\nFROM mcr.microsoft.com/windows/servercore:20H2\n',
    })
    const r = lint({ root })
    expect(ids(r)).toEqual([
      'Dockerfile:1 invalid-suppression',
      'Dockerfile:2 windows-image-missing-tag',
      'a/Dockerfile:1 invalid-suppression',
      'a/Dockerfile:2 end-of-life-windows-image',
      'b/Dockerfile:1 invalid-suppression',
      'b/Dockerfile:2 end-of-life-windows-image',
    ])
    const messages = r.findings.filter((f) => f.ruleId === 'invalid-suppression').map((f) => f.message)
    expect(messages[0]).toContain("rule 'windows-image-missing-tag' may not be suppressed (suppressions.never in the config)")
    expect(messages[1]).toContain('until=2026-12-01 is more than 30 days away (suppressions.max-days)')
    expect(messages[2]).toContain("it gives no reason: add ' -- <why this is acceptable>'")
  })

  it('require-reason: false accepts a bare suppression; an unused one is a warning', () => {
    const root = tree({
      '.isolint.yml': 'suppressions:\n  require-reason: false\n',
      Dockerfile: '# isolint-disable-next-line windows-image-missing-tag\nFROM mcr.microsoft.com/windows/servercore\n# isolint-disable-next-line windows-image-missing-tag\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
    })
    const r = lint({ root })
    expect(ids(r)).toEqual(['Dockerfile:3 unused-suppression'])
    expect(r.findings[0]!.severity).toBe('warning')
    expect(quiet(r)).toEqual(['Dockerfile:2 windows-image-missing-tag'])
  })
})

describe('baseline', () => {
  const compose = (lines: string[]): string => `${lines.join('\n')}\n`
  it('survives inserted lines, and counts known, new and fixed findings', () => {
    const before = compose(['services:', '  a:', '    image: mcr.microsoft.com/windows/servercore', '  b:', '    image: mcr.microsoft.com/windows/nanoserver'])
    const root = tree({ 'compose.yml': before })
    const first = lint({ root })
    expect(first.findings).toHaveLength(2)
    const baseline = createBaseline(first.findings, first.sources)

    writeFileSync(
      path.join(root, 'compose.yml'),
      compose(['# header', '', 'services:', '  a:', '    image: mcr.microsoft.com/windows/servercore', '  b:', '    # note', '    image: mcr.microsoft.com/windows/nanoserver']),
    )
    const moved = lint({ root })
    const same = applyBaseline(moved.findings, moved.sources, baseline)
    expect(same).toEqual({ findings: [], known: 2, fixed: 0 })

    writeFileSync(path.join(root, 'compose.yml'), compose(['services:', '  b:', '    image: mcr.microsoft.com/windows/nanoserver', '  c:', '    image: mcr.microsoft.com/windows/server']))
    const changed = lint({ root })
    const out = applyBaseline(changed.findings, changed.sources, baseline)
    expect(out.findings.map((f) => f.span.start.line)).toEqual([5])
    expect([out.known, out.fixed]).toEqual([1, 1])
  })

  it('two findings on identical lines stay two', () => {
    const root = tree({ 'compose.yml': compose(['services:', '  a:', '    image: mcr.microsoft.com/windows/servercore', '  b:', '    image: mcr.microsoft.com/windows/servercore']) })
    const r = lint({ root })
    const b = createBaseline(r.findings, r.sources)
    expect(new Set(b.findings.map((e) => e.fingerprint)).size).toBe(2)
  })
})

describe('validDirectives', () => {
  it('keeps the directives with no problem: a known rule, a reason when the policy wants one, not a rule the policy never lets be suppressed (an expired one stays valid: it suppresses nothing, and says so)', () => {
    const text = [
      '# isolint-disable-next-line windows-image-missing-tag -- kept',
      '# isolint-disable-next-line no-such-rule -- unknown rule',
      '# isolint-disable-next-line end-of-life-windows-image',
      '# isolint-disable-next-line unknown-image-build until=2020-01-01 -- expired',
      '# isolint-disable-next-line production-requires-hyperv -- never allowed',
      '# isolint-disable-file unknown-image-build -- kept too',
      'FROM x',
    ].join('\n')
    const policy = { requireReason: true, never: ['production-requires-hyperv'] }
    const kept = validDirectives(parseDirectives('Dockerfile', text), policy, loadCatalog(), '2026-11-30')
    expect(kept.map((d) => d.reason).sort()).toEqual(['expired', 'kept', 'kept too'])
    const lenient = validDirectives(parseDirectives('Dockerfile', text), { requireReason: false, never: [] }, loadCatalog(), '2026-11-30')
    expect(lenient.map((d) => d.reason ?? d.ruleIds[0]).sort()).toEqual(['end-of-life-windows-image', 'expired', 'kept', 'kept too', 'never allowed'])
  })
})
