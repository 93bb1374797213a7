/**
 * The real corpus in ../shared/corpus, read in place. Every file is linted without a crash, and the conclusions of
 * EXPECTED.md that isolint's scope covers come out as stated. Cross-file cases lay one repository's files out at
 * their original paths in a temporary folder (the corpus stores them flat).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import type { Finding } from '../src/core/finding.js'
import { lint } from '../src/lint.js'
import { CORPUS_DIR, corpusEntries, describeCorpus, layoutRepo } from './harness/corpus.js'

const corpus = CORPUS_DIR
const entries = corpusEntries()

const temps: string[] = []
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true })
})

/** The named repository's current files at their original paths, in a temporary folder. */
function layout(repo: string, only?: (p: string) => boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolint-corpus-'))
  temps.push(dir)
  return layoutRepo(repo, dir, only)
}

/** Lints one corpus file on its own, as an explicit path. */
function lintOne(local: string, runners: string[] = []) {
  return lint({ root: path.join(corpus, 'files'), paths: [local.replace(/^files\//, '')], runners })
}

const brief = (fs: readonly Finding[]) => fs.map((f) => `${f.span.file}:${f.span.start.line} ${f.ruleId}`)

describeCorpus('corpus', () => {
  test('the manifest lists the 170 files', () => {
    expect(entries.length).toBe(170)
  })

  test.each(entries.map((e) => [e.local, e.kind]))('%s (%s) is linted without a crash', (local, kind) => {
    const result = lintOne(local, ['windows-2022'])
    expect(result.crashes).toEqual([])
    const name = local.replace(/^files\//, '')
    const parseErrors = result.findings.filter((f) => f.ruleId === 'parse-error')
    if (kind === 'gha-workflow' || kind === 'compose') {
      expect(result.files).toContain(name)
      expect(brief(parseErrors)).toEqual([])
    }
    if (kind === 'dockerfile') {
      // Every Dockerfile is read and parses, except the Jinja template of ue4-docker: a template is skipped with a
      // note, never a parse error.
      const template = name.includes('ue4-build-prerequisites')
      if (template) expect(result.skipped.find((s) => s.file === name)?.reason).toMatch(/^template/)
      else expect(result.files).toContain(name)
      expect(brief(parseErrors)).toEqual([])
    }
    for (const f of result.findings) {
      expect(f.span.start.line).toBeGreaterThanOrEqual(1)
      expect(f.span.start.column).toBeGreaterThanOrEqual(1)
    }
  })

  test('case 1: floating windows-latest runs an ltsc2022 container: warn on runs-on, no mismatch', () => {
    const dir = layout('danmar/simplecpp')
    const result = lint({ root: dir })
    expect(brief(result.findings)).toEqual(['.github/workflows/windows-container.yml:7 floating-runner-label'])
    expect(result.findings[0]!.fix?.replacement).toBe('windows-2025')
  })

  test('case 2: windows-latest builds Dockerfile.nanoserver whose ARG default resolves to ltsc2022: no mismatch', () => {
    const dir = layout('microsoft/garnet')
    const result = lint({ root: dir })
    expect(brief(result.findings)).toEqual(['.github/workflows/docker-windows.yml:18 floating-runner-label'])
    // The same build pinned to Windows Server 2019 would have to be flagged.
    const pinned = lint({ root: dir, paths: ['Dockerfile.nanoserver'], runners: ['10.0.17763'] })
    expect(brief(pinned.findings)).toContain('Dockerfile.nanoserver:2 image-newer-than-host')
  })

  test('case 3: windows-2025 + 1809 through make is flagged on the matrix entry, with the chain; ltsc2022 is not', () => {
    const dir = layout('dapr/dapr')
    // dapr's root Makefile (not in the corpus) includes docker/docker.mk; a one-line stand-in of ours.
    writeFileSync(path.join(dir, 'Makefile'), 'include docker/docker.mk\n')
    const result = lint({ root: dir })
    const wf = '.github/workflows/dapr-base-containers.yaml'
    const mismatches = result.findings.filter((f) => /mismatch|newer/.test(f.ruleId))
    expect(mismatches.length).toBeGreaterThan(0)
    for (const f of mismatches) {
      expect(f.ruleId).toBe('process-isolation-build-mismatch')
      // The matrix entry windows-2025 + 1809 (lines 30-31), never the windows-2022 + ltsc2022 one.
      expect(`${f.span.file}:${f.span.start.line}`).toBe(`${wf}:31`)
      expect(f.message).toContain('windows-2025')
      expect(f.message).not.toContain('ltsc2022 image')
    }
    const python = mismatches.find((f) => f.related.some((r) => r.span.file === 'docker/Dockerfile-windows-python-base'))
    expect(python).toBeDefined()
    const chain = python!.related.map((r) => `${r.span.file}:${r.span.start.line}`)
    // runs-on (matrix os) → make step → env line → docker.mk recipe line → Dockerfile FROM → RUN.
    expect(chain).toContain(`${wf}:30`)
    expect(chain.some((c) => c === `${wf}:94` || c === `${wf}:109`)).toBe(true)
    expect(chain).toContain(`${wf}:40`)
    expect(chain).toContain('docker/docker.mk:357')
    expect(chain).toContain('docker/Dockerfile-windows-python-base:4')
    const order = ['docker/docker.mk:357', 'docker/Dockerfile-windows-python-base:4'].map((c) => chain.indexOf(c))
    expect(order[0]).toBeLessThan(order[1]!)
  })

  test('case 3: the older dapr workflow pairs windows-2019 with 1809: no build-mismatch finding', () => {
    const result = lintOne('files/dapr__dapr/.github__workflows__dapr-base-containers.yaml@pre-caf72b6')
    expect(result.findings.filter((f) => /mismatch|newer/.test(f.ruleId))).toEqual([])
  })

  test('case 4: the end-of-life 1909 image is flagged on its FROM line, and against each host as the matrix says', () => {
    const local = 'files/MicrosoftDocs__Virtualization-Documentation/windows-container-samples__directx__Dockerfile'
    const name = local.replace(/^files\//, '')
    expect(brief(lintOne(local).findings)).toEqual([`${name}:1 end-of-life-windows-image`])
    expect(brief(lintOne(local, ['windows-2022']).findings)).toEqual([
      `${name}:1 end-of-life-windows-image`,
      `${name}:1 process-isolation-build-mismatch`,
    ])
    expect(brief(lintOne(local, ['10.0.17763']).findings)).toEqual([
      `${name}:1 end-of-life-windows-image`,
      `${name}:1 image-newer-than-host`,
    ])
  })

  test('case 5: retired windows-2019 labels are flagged on runs-on, not as a build mismatch', () => {
    const boost = lintOne('files/boostorg__mysql/.github__workflows__docker-windows.yml')
    expect(brief(boost.findings).filter((f) => f.includes('retired'))).toEqual([
      'boostorg__mysql/.github__workflows__docker-windows.yml:30 retired-runner-label',
    ])
    const drone = layout('drone/drone-git')
    const result = lint({ root: drone })
    expect(brief(result.findings)).toContain('.github/workflows/build-windows-image.yml:13 retired-runner-label')
    expect(result.findings.filter((f) => /mismatch|newer/.test(f.ruleId))).toEqual([])
  })

  test('case 6: an old image under explicit Hyper-V, resolved from .env, is not flagged', () => {
    const dir = layout('Sitecore/docker-examples', (p) => p.startsWith('getting-started/'))
    for (const runners of [[], ['windows-2022'], ['windows-2025']]) {
      const result = lint({ root: dir, runners })
      expect(result.findings.filter((f) => f.span.start.line <= 4 && f.span.file.endsWith('docker-compose.yml'))).toEqual([])
      // The expectation is about the image and its isolation; the proxy's Docker pipe mount is a separate concern,
      // reported as a warning (test/corpus-security.test.ts).
      const traefik = result.findings.filter((f) => f.message.includes('traefik') && f.ruleId !== 'engine-access-from-container')
      expect(traefik).toEqual([])
    }
  })

  test('case 7: runner and image driven by the same matrix variable give no finding', () => {
    const dir = layout('fluent/fluent-bit')
    const result = lint({ root: dir })
    const inJob = result.findings.filter(
      (f) => f.span.file === '.github/workflows/call-build-images.yaml' && f.span.start.line >= 383 && f.span.start.line <= 480,
    )
    expect(brief(inJob)).toEqual([])
    expect(brief(result.findings.filter((f) => f.span.file.startsWith('dockerfiles/')))).toEqual([])
  })

  test('case 8: HostProcess images cross-built on Linux give no OS or build finding', () => {
    const dir = layout('prometheus-community/windows_exporter')
    const result = lint({ root: dir })
    expect(result.findings.filter((f) => /mismatch|newer|unknown-image/.test(f.ruleId))).toEqual([])
  })

  test('case 9: Linux containers that run a Windows VM are not Windows containers', () => {
    const dir = layout('dockur/windows')
    for (const runners of [[], ['windows-2022']]) {
      const result = lint({ root: dir, runners })
      expect(result.findings.filter((f) => /compose\.yml|kubernetes\.yml|Dockerfile/.test(f.span.file))).toEqual([])
    }
  })
})
