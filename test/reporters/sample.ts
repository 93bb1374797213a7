/**
 * One small hand-made lint result shared by the reporter tests and their golden files: four findings in two
 * files (one path with a space and a `%`), related locations (one in a file without source), a multi-line span,
 * a tab-indented line, quotes in messages, a fix (which reporters must not print) and one skipped file. The
 * catalog is hand-made too, so editing rules/catalog.yaml does not change the goldens.
 */
import type { CatalogEntry } from '../../src/core/catalog.js'
import type { Finding, LintResult } from '../../src/core/finding.js'
import { span } from '../../src/core/span.js'

export const DOCKERFILE = 'Dockerfile'
export const COMPOSE = 'compose/prod 100%.yml'
export const WORKFLOW = '.github/workflows/ci.yml'

export const DOCKERFILE_TEXT = [
  'FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS build',
  'RUN echo building',
  'FROM \\',
  '\tmcr.microsoft.com/windows/nanoserver:20H2 AS runtime',
  '',
].join('\n')

export const COMPOSE_TEXT = [
  'services:',
  '  web:',
  '    image: "${WEB_IMAGE}"',
  '    isolation: process',
  '',
].join('\n')

const SERVERCORE = 'mcr.microsoft.com/windows/servercore:ltsc2019'
const NANOSERVER = 'mcr.microsoft.com/windows/nanoserver:20H2'

export const SAMPLE_FINDINGS: readonly Finding[] = [
  {
    ruleId: 'process-isolation-build-mismatch',
    severity: 'error',
    message:
      `Image "${SERVERCORE}" is Windows Server 2019 (build 17763), but the job runs it with process isolation ` +
      'on windows-2022 (build 20348). Use the ltsc2022 tag or run it with Hyper-V isolation.',
    span: span(DOCKERFILE, 1, 6, 1, 6 + SERVERCORE.length),
    related: [{ span: span(WORKFLOW, 8, 14, 8, 26), message: 'the job runs on windows-2022 here' }],
    fix: {
      span: span(DOCKERFILE, 1, 6, 1, 6 + SERVERCORE.length),
      replacement: 'mcr.microsoft.com/windows/servercore:ltsc2022',
      description: 'Use the ltsc2022 image',
    },
  },
  {
    ruleId: 'end-of-life-windows-image',
    severity: 'warning',
    message: `Image "${NANOSERVER}" is a Semi-Annual Channel release that is out of support; move to ltsc2022.`,
    span: span(DOCKERFILE, 4, 2, 4, 2 + NANOSERVER.length),
    related: [],
  },
  {
    ruleId: 'production-requires-hyperv',
    severity: 'error',
    message: 'Service "web" runs in production with process isolation; set `isolation: hyperv`.',
    span: span(COMPOSE, 2, 3, 4, 23),
    related: [
      { span: span(COMPOSE, 4, 16, 4, 23), message: 'isolation is set to process here' },
      { span: span(WORKFLOW, 10, 9, 10, 31), message: 'the file is deployed to [production] here' },
    ],
  },
  {
    ruleId: 'unknown-image-build',
    severity: 'note',
    message: 'The Windows build of image "${WEB_IMAGE}" is unknown: the variable has no default.',
    span: span(COMPOSE, 3, 12, 3, 26),
    related: [],
  },
]

/** The sample result, as the linter would hand it to the reporters. */
export const SAMPLE_RESULT: LintResult = {
  findings: SAMPLE_FINDINGS,
  files: [WORKFLOW, DOCKERFILE, COMPOSE],
  skipped: [{ file: 'vendor/huge.yml', reason: 'larger than 1 MiB' }],
  sources: new Map([
    [DOCKERFILE, DOCKERFILE_TEXT],
    [COMPOSE, COMPOSE_TEXT],
  ]),
}

const LEARN = 'https://learn.microsoft.com/virtualization/windowscontainers'
const COMPATIBILITY = {
  title: 'Windows container version compatibility',
  url: `${LEARN}/deploy-containers/version-compatibility`,
}
const DOCKER_RUN = 'https://docs.docker.com/reference/cli/docker/container/run/#isolation'

/** A hand-made catalog: the four rules above, plus a retired rule that must not appear in SARIF. */
export const SAMPLE_CATALOG: ReadonlyMap<string, CatalogEntry> = new Map(
  (
    [
      {
        id: 'process-isolation-build-mismatch',
        scope: 'project',
        type: 'problem',
        defaultSeverity: 'error',
        stage: 'stable',
        summary: 'A process-isolated Windows container must use an image build the host can run',
        help: "In process isolation a container shares the host's kernel. Match the image tag to the host.",
        sources: [COMPATIBILITY],
      },
      {
        id: 'legacy-isolation-default',
        scope: 'compose',
        type: 'policy',
        defaultSeverity: 'warning',
        stage: 'retired',
        summary: 'A retired rule',
        help: 'Retired rules stay in the catalog so their id is never reused.',
        sources: [{ title: 'Nothing', url: 'https://example.com/' }],
      },
      {
        id: 'production-requires-hyperv',
        scope: 'project',
        type: 'policy',
        defaultSeverity: 'error',
        stage: 'stable',
        summary: 'Windows containers in production must run with explicit Hyper-V isolation',
        help: 'Set `isolation: hyperv` (Compose) or `--isolation=hyperv` (docker run).',
        sources: [
          { title: 'Isolation modes [Microsoft Learn]', url: `${LEARN}/manage-containers/hyperv-container` },
          { title: 'docker run --isolation', url: DOCKER_RUN },
        ],
      },
      {
        id: 'unknown-image-build',
        scope: 'project',
        type: 'problem',
        defaultSeverity: 'warning',
        stage: 'experimental',
        summary: 'The Windows build of a container on a Windows host cannot be worked out',
        help: 'Use a tag that names the Windows release, or give the variable a default.',
        sources: [COMPATIBILITY],
      },
      {
        id: 'end-of-life-windows-image',
        scope: 'dockerfile',
        type: 'suggestion',
        defaultSeverity: 'note',
        stage: 'stable',
        summary: 'A Windows image of an end-of-life release gets no fixes',
        help: 'Move to an LTSC image (ltsc2022 or ltsc2025).',
        sources: [{ title: 'Base image lifecycle', url: `${LEARN}/deploy-containers/base-image-lifecycle` }],
      },
    ] satisfies CatalogEntry[]
  ).map((e) => [e.id, e]),
)

/** A result with the given findings and sources, no skipped files, and the finding files as the linted files. */
export function resultOf(findings: readonly Finding[], sources: Record<string, string> = {}): LintResult {
  return {
    findings,
    files: [...new Set([...findings.map((f) => f.span.file), ...Object.keys(sources)])].sort(),
    skipped: [],
    sources: new Map(Object.entries(sources)),
  }
}

/** A one-finding shorthand for focused tests. */
export function finding(overrides: Partial<Finding> & Pick<Finding, 'span'>): Finding {
  return {
    ruleId: 'process-isolation-build-mismatch',
    severity: 'error',
    message: 'Something is wrong.',
    related: [],
    ...overrides,
  }
}
