import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import type { Log, ReportingDescriptor, Result } from 'sarif'
import { describe, expect, it } from 'vitest'
import { loadCatalog, type CatalogEntry } from '../../src/core/catalog.js'
import { ruleHelpUri } from '../../src/core/meta.js'
import { span } from '../../src/core/span.js'
import { pascalCase, pathToUri, renderSarif } from '../../src/reporters/sarif.js'
import { runs } from '../harness/fuzz.js'
import { URI_REFERENCE, validateSarifSchema } from '../harness/sarif-schema.js'
import { COMPOSE, SAMPLE_CATALOG, SAMPLE_RESULT, finding, resultOf } from './sample.js'

/** The version users see: package.json's, which the release tag must match. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

const validateSchema = validateSarifSchema

function expectValidSarif(text: string): Log {
  const log = JSON.parse(text) as Log
  const ok = validateSchema(log)
  expect(ok ? [] : validateSchema.errors).toEqual([])
  expectGitHubFields(log)
  return log
}

/** What GitHub code scanning requires beyond the schema (docs "SARIF support for code scanning"). */
function expectGitHubFields(log: Log): void {
  expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
  expect(log.version).toBe('2.1.0')
  expect(log.runs).toHaveLength(1)
  const run = log.runs[0]!
  expect(run.tool.driver.name).toBe('isolint')
  for (const rule of run.tool.driver.rules ?? []) {
    expect(rule.id).not.toBe('')
    expect(rule.shortDescription?.text.length).toBeGreaterThan(0)
    expect(rule.shortDescription!.text.length).toBeLessThanOrEqual(1024)
    expect(rule.fullDescription?.text.length).toBeGreaterThan(0)
    expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024)
    expect(rule.help?.text.length).toBeGreaterThan(0)
    expect((rule.name ?? '').length).toBeLessThanOrEqual(255)
  }
  for (const result of run.results ?? []) {
    expect(result.message.text).not.toBe('')
    expect(result.locations).toHaveLength(1)
    const loc = result.locations![0]!.physicalLocation!
    expect(loc.artifactLocation!.uri).toMatch(URI_REFERENCE)
    expect(loc.artifactLocation!.uri).not.toMatch(/^(\/|[A-Za-z]+:)/)
    expect(loc.region).toEqual({
      startLine: expect.any(Number) as number,
      startColumn: expect.any(Number) as number,
      endLine: expect.any(Number) as number,
      endColumn: expect.any(Number) as number,
    })
    expect(result.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}:\d+$/)
  }
}

/** The sample (or the given result) rendered with the sample catalog, parsed. */
const render = (result = SAMPLE_RESULT): Log => JSON.parse(renderSarif(result, SAMPLE_CATALOG)) as Log
const resultsOf = (log: Log): Result[] => log.runs[0]!.results!
const hashOf = (r: Result): string => r.partialFingerprints!.primaryLocationLineHash!

describe('renderSarif', () => {
  it('matches the golden report', async () => {
    await expect(renderSarif(SAMPLE_RESULT, SAMPLE_CATALOG)).toMatchFileSnapshot('./golden/report.sarif')
  })

  it('the golden report is valid SARIF 2.1.0 for GitHub', () => {
    expectValidSarif(readFileSync(new URL('./golden/report.sarif', import.meta.url), 'utf8'))
  })

  it('a report without findings is valid and has an empty results list', () => {
    const log = expectValidSarif(renderSarif(resultOf([]), loadCatalog()))
    expect(log.runs[0]!.results).toEqual([])
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true }])
  })

  it('is valid with the real catalog, which yields one rule per active entry', () => {
    const catalog = loadCatalog()
    const log = expectValidSarif(renderSarif(SAMPLE_RESULT, catalog))
    const active = [...catalog.values()].filter((e) => e.stage !== 'retired').map((e) => e.id)
    expect(log.runs[0]!.tool.driver.rules!.map((r) => r.id)).toEqual(active)
  })

  it('rejects what the schema forbids (the validator is not a no-op)', () => {
    const log = render() as unknown as { runs: { results: Record<string, unknown>[] }[] }
    log.runs[0]!.results[0]!.level = 'fatal'
    expect(validateSchema(log)).toBe(false)
  })

  it('describes the tool and every non-retired rule, in catalog order', () => {
    const driver = render().runs[0]!.tool.driver
    expect(driver).toMatchObject({
      name: 'isolint',
      version: PACKAGE_VERSION,
      semanticVersion: PACKAGE_VERSION,
      informationUri: 'https://github.com/isolint/isolint',
    })
    expect(driver.rules!.map((r) => r.id)).toEqual([
      'process-isolation-build-mismatch',
      'production-requires-hyperv',
      'unknown-image-build',
      'end-of-life-windows-image',
    ])
    const rule = driver.rules![1]!
    expect(rule).toMatchObject<ReportingDescriptor>({
      id: 'production-requires-hyperv',
      name: 'ProductionRequiresHyperv',
      shortDescription: { text: 'Windows containers in production must run with explicit Hyper-V isolation' },
      fullDescription: { text: 'Set `isolation: hyperv` (Compose) or `--isolation=hyperv` (docker run).' },
      helpUri: ruleHelpUri('production-requires-hyperv'),
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['project', 'policy'], precision: 'high' },
    })
    expect(rule.help!.text).toContain('- docker run --isolation: https://docs.docker.com/reference/cli/docker/')
    expect(rule.help!.markdown).toContain(
      '- [Isolation modes \\[Microsoft Learn\\]](https://learn.microsoft.com/virtualization/windowscontainers/',
    )
    expect(driver.rules![2]!.properties!.precision).toBe('medium')
  })

  it('truncates descriptions to GitHub’s 1024 characters', () => {
    const long: CatalogEntry = { ...SAMPLE_CATALOG.get('unknown-image-build')!, help: 'x'.repeat(2000) }
    const log = JSON.parse(renderSarif(resultOf([]), new Map([[long.id, long]]))) as Log
    const rule = log.runs[0]!.tool.driver.rules![0]!
    expect(rule.fullDescription!.text).toHaveLength(1024)
    expect(rule.fullDescription!.text.endsWith('…')).toBe(true)
    expect(rule.help!.text.startsWith('x'.repeat(2000))).toBe(true)
  })

  it('points each result at its rule and copies the span into the region', () => {
    const log = render()
    const rules = log.runs[0]!.tool.driver.rules!
    const results = resultsOf(log)
    expect(results.map((r) => r.ruleId)).toEqual(SAMPLE_RESULT.findings.map((f) => f.ruleId))
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId)
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'error', 'note'])
    expect(results[2]!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'compose/prod%20100%25.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 3, endLine: 4, endColumn: 23 },
    })
  })

  it('leaves ruleIndex out for a rule the catalog does not list as active', () => {
    const log = render(resultOf([finding({ span: span('f', 1, 1, 1, 2), ruleId: 'legacy-isolation-default' })]))
    expect(resultsOf(log)[0]!.ruleIndex).toBeUndefined()
    expect(resultsOf(log)[0]!.ruleId).toBe('legacy-isolation-default')
  })

  it('writes related locations with ids and embeds them in the message so GitHub links them', () => {
    const result = resultsOf(render())[2]!
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'compose/prod%20100%25.yml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 4, startColumn: 16, endLine: 4, endColumn: 23 },
        },
        message: { text: 'isolation is set to process here' },
      },
      {
        id: 2,
        physicalLocation: {
          artifactLocation: { uri: '.github/workflows/ci.yml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 10, startColumn: 9, endLine: 10, endColumn: 31 },
        },
        message: { text: 'the file is deployed to \\[production\\] here' },
      },
    ])
    expect(result.message.text).toBe(
      'Service "web" runs in production with process isolation; set `isolation: hyperv`. ' +
        'See also: [isolation is set to process here](1); [the file is deployed to \\[production\\] here](2).',
    )
    expect(resultsOf(render())[1]!.relatedLocations).toBeUndefined()
  })

  it('reports skipped files as tool notifications', () => {
    expect(render().runs[0]!.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'Skipped vendor/huge.yml: larger than 1 MiB' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'vendor/huge.yml', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ])
  })

  it('declares the URI base and column kind, and writes no absolute path or timestamp', () => {
    const text = renderSarif(SAMPLE_RESULT, SAMPLE_CATALOG)
    const run = (JSON.parse(text) as Log).runs[0]!
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(Object.keys(run.originalUriBaseIds!)).toEqual(['%SRCROOT%'])
    expect(text).not.toContain(process.cwd())
    expect(text).not.toContain('file:')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    expect(renderSarif(SAMPLE_RESULT, SAMPLE_CATALOG)).toBe(text)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toMatch(/^\{\n {2}"\$schema"/)
  })

  describe('fingerprints', () => {
    const FILE = 'Dockerfile'
    /** The fingerprint of one finding at `line` of a Dockerfile with the given source. */
    const at = (line: number, source: string, ruleId = 'process-isolation-build-mismatch', file = FILE): string => {
      const f = finding({ ruleId, span: span(file, line, 6, line, 10) })
      return hashOf(resultsOf(render(resultOf([f], { [file]: source })))[0]!)
    }

    it('survive lines added above and changes of indentation or inner whitespace', () => {
      const base = at(1, 'FROM image:ltsc2019 AS build\n')
      expect(at(3, '# comment\n\nFROM image:ltsc2019 AS build\n')).toBe(base)
      expect(at(1, '  FROM   image:ltsc2019\tAS build  \r\n')).toBe(base)
    })

    it('change with the line text, the rule and the path', () => {
      const base = at(1, 'FROM image:ltsc2019\n')
      expect(at(1, 'FROM image:ltsc2022\n')).not.toBe(base)
      expect(at(1, 'FROM image:ltsc2019\n', 'unknown-image-build')).not.toBe(base)
      expect(at(1, 'FROM image:ltsc2019\n', 'process-isolation-build-mismatch', 'b/Dockerfile')).not.toBe(base)
    })

    it('count identical lines with identical neighbours so two findings stay two alerts', () => {
      const source = 'RUN x\nFROM image:ltsc2019\nRUN x\nFROM image:ltsc2019\nRUN x\n'
      const findings = [finding({ span: span(FILE, 2, 6, 2, 10) }), finding({ span: span(FILE, 4, 6, 4, 10) })]
      const [a, b] = resultsOf(render(resultOf(findings, { [FILE]: source }))).map(hashOf)
      expect(a!.replace(/:\d+$/, '')).toBe(b!.replace(/:\d+$/, ''))
      expect([a!.slice(-2), b!.slice(-2)]).toEqual([':1', ':2'])
    })

    it('are the baseline fingerprints: rule, path, the line and its neighbours (not blank or comment lines)', () => {
      const base = at(2, 'FROM a AS b\nRUN echo\nRUN more\n')
      expect(at(4, '# new comment\nFROM a AS b\n\nRUN echo\n# isolint-disable-next-line x -- y\nRUN more\n')).toBe(base)
      expect(at(2, 'FROM a AS c\nRUN echo\nRUN more\n')).not.toBe(base)
    })

    it('are still written when the source is missing', () => {
      const log = render(resultOf([finding({ span: span('gone', 1, 1, 1, 2) })]))
      expect(hashOf(resultsOf(log)[0]!)).toMatch(/^[0-9a-f]{32}:1$/)
    })
  })
})

/** Any code point (lone surrogates included), with the characters URIs care about weighted up. */
const PATH_CHAR = fc.oneof(
  fc.constantFrom('/', '%', ' ', '#', '?', ':', '\\', '[', '@', 'é', '😀'),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
)

describe('pathToUri', () => {
  it('percent-encodes what is not valid in a URI path and keeps slashes', () => {
    expect(pathToUri(COMPOSE)).toBe('compose/prod%20100%25.yml')
    expect(pathToUri('a b/c#d?e%f')).toBe('a%20b/c%23d%3Fe%25f')
    expect(pathToUri('c:/x')).toBe('c%3A/x')
    expect(pathToUri('dé/ü.yml')).toBe('d%C3%A9/%C3%BC.yml')
    expect(pathToUri("a-b_c.d~e!$&'()*+,;=@/f")).toBe("a-b_c.d~e!$&'()*+,;=@/f")
    expect(pathToUri('a\\b[1]')).toBe('a%5Cb%5B1%5D')
  })

  it('yields a URI reference that decodes back to the path, for any path', () => {
    fc.assert(
      fc.property(fc.string({ unit: PATH_CHAR }), (path) => {
        const uri = pathToUri(path)
        const decodes = /\p{Cs}/u.test(path) || decodeURIComponent(uri) === path
        return URI_REFERENCE.test(uri) && !/[?#:]/.test(uri) && decodes
      }),
      { numRuns: runs(100) },
    )
  })
})

describe('pascalCase', () => {
  it('joins the words of a kebab-case id', () => {
    expect(pascalCase('process-isolation-build-mismatch')).toBe('ProcessIsolationBuildMismatch')
    expect(pascalCase('parse-error')).toBe('ParseError')
  })
})
