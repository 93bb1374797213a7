/**
 * `isolint init`: writes a commented starter `.isolint.yml` from what the repository uses: the runner labels of its
 * container jobs (unknown label sets listed for the user to map), the workflow environments, the image families
 * whose Windows build isolint cannot tell, and the usual folders of deliberate mistakes (examples, fixtures).
 */
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../core/errors.js'
import { resolveRunnerLabels } from '../config/runners.js'
import { DEFAULT_PRODUCTION_ENVIRONMENTS } from '../config/types.js'
import { loadKnowledgeBase } from '../kb/index.js'
import { lint } from '../lint.js'

const SCHEMA_LINE =
  '# yaml-language-server: $schema=https://raw.githubusercontent.com/isolint/isolint/main/schema/isolint.schema.json'

/** The starter config text for the repository at `root`. */
export function starterConfig(root: string): string {
  const result = lint({ root, config: false })
  const kb = loadKnowledgeBase()
  const known = new Set<string>()
  const unknown = new Map<string, string[]>()
  const images = new Set<string>()
  for (const e of result.executionSummaries()) {
    if (e.host !== undefined) {
      const labels = e.host.split(', ')
      const r = resolveRunnerLabels(labels, kb, [])
      if (r.unknown.length > 0) unknown.set(r.unknown.join(', ').toLowerCase(), r.unknown as string[])
      else if (e.hostBuild !== undefined) known.add(`${e.host} (build ${e.hostBuild})`)
    }
    if (e.imageBuild === undefined && e.host !== undefined && e.hostBuild !== undefined && kb.image(e.image).os !== 'linux') {
      images.add(kb.image(e.image).repository)
    }
  }
  const environments = new Set<string>()
  for (const [file, text] of result.sources) {
    if (!file.startsWith('.github/workflows/')) continue
    for (const m of text.matchAll(/^\s*environment:\s*(?:\n\s*name:\s*)?["']?([A-Za-z0-9_.-]+)["']?\s*$/gm)) environments.add(m[1]!)
  }
  const folders = ['examples', 'fixtures', 'testdata', 'test/fixtures'].filter((d) => existsSync(path.join(root, d)))
  const lines = [
    SCHEMA_LINE,
    '# isolint configuration: https://github.com/isolint/isolint#configuration',
    '',
    '# Paths not to lint (globs). Folders of deliberate mistakes belong here.',
    folders.length > 0 ? `ignore: [${folders.map((d) => `"${d}/**"`).join(', ')}]` : 'ignore: []',
    '',
    '# Hosts for Dockerfiles and Compose files no workflow reaches (like --runner).',
    '# hosts: [windows-2025]',
    '',
    '# Self-hosted and larger runners: label set -> Windows build, Hyper-V availability.',
    ...(known.size > 0 ? ['# Known runner labels your container jobs use: ' + [...known].sort().join('; ')] : []),
    ...(unknown.size > 0
      ? [
          '# isolint does not know these label sets; fill in each build and uncomment:',
          'runners: []',
          ...[...unknown.values()].flatMap((labels) => [
            `#  - labels: [${labels.join(', ')}]`,
            '#    build: ltsc2022      # the host build: 17763, 20348, 26100, or ltsc2019/ltsc2022/ltsc2025',
            '#    hyperv: true         # Hyper-V isolation available on the host',
            '#    ephemeral: false     # true for just-in-time runners discarded after each job',
          ]),
        ]
      : ['runners: []']),
    '',
    '# Private images: glob over registry/repository -> Windows build (or os: linux).',
    ...(images.size > 0
      ? [
          '# isolint cannot tell the Windows build of these images; map them and uncomment:',
          'images: []',
          ...[...images].sort().flatMap((repo) => [`#  - match: ${repo}`, '#    build: ltsc2022']),
        ]
      : ['images: []']),
    '',
    '# What counts as production (Hyper-V isolation required). Any other environment may require it too.',
    ...(environments.size > 0 ? [`# Workflow environments used in this repository: ${[...environments].sort().join(', ')}`] : []),
    'environments:',
    '  production:',
    `    workflow-environments: [${DEFAULT_PRODUCTION_ENVIRONMENTS.join(', ')}]`,
    '    # paths: ["deploy/prod/**"]   # default: files or folders named prod/production',
    '  # untrusted:',
    '  #   compose-profiles: [customer-code]',
    '  #   require-isolation: hyperv',
    '',
    '# Rule levels: off | note | warning | error.',
    'rules: {}',
    '',
    '# Inline suppressions: # isolint-disable-next-line <rule-id> -- <reason>',
    'suppressions:',
    '  require-reason: true',
    '  never: [image-newer-than-host]',
    '',
    'fail-on: error',
    '',
  ]
  return lines.join('\n')
}

export function init(root: string, args: readonly string[], stdout: (text: string) => void): number {
  const toStdout = args.includes('--stdout')
  const force = args.includes('--force')
  const other = args.filter((a) => a !== '--stdout' && a !== '--force')
  if (other.length > 0) throw new UsageError(`init: unknown argument '${other[0]}' (init [--stdout] [--force])`)
  const text = starterConfig(root)
  if (toStdout) {
    stdout(text)
    return 0
  }
  const file = path.join(root, '.isolint.yml')
  if ((existsSync(file) || existsSync(path.join(root, '.isolint.yaml'))) && !force) {
    throw new UsageError('init: a config file already exists; use --force to overwrite it or --stdout to print the starter')
  }
  try {
    writeFileSync(file, text)
  } catch (e) {
    throw new UsageError(`init: cannot write ${file}: ${(e as Error).message}`)
  }
  stdout(`isolint: wrote ${path.relative(process.cwd(), file) || file}; review it, then run isolint\n`)
  return 0
}
