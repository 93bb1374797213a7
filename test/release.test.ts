/**
 * What a release hands to users, as far as a test reaches it: the npm package (packed, installed offline into a
 * temporary folder, run through npx), the version in one place, the release workflow and its helper script, and the
 * pre-commit hook. The package tests run the committed CLI bundle (`npm run bundle` after changing src/).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { ruleHelpUri, TOOL_VERSION } from '../src/core/meta.js'
import { kindFromName } from '../src/project/discover.js'
import { classifyName } from '../src/project/names.js'
import { removeTemps, tempDir, writeTree } from './reliability/helpers.js'

afterAll(removeTemps)

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string }
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx'

/** A tree with one finding (an untagged servercore) and the clean version of it. */
const DIRTY = { Dockerfile: 'FROM mcr.microsoft.com/windows/servercore\nRUN echo\n' }

describe('the npm package', () => {
  test('package.json: public, one version, the CLI bundle as bin, no runtime dependency (everything is bundled)', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(pkg.license).toBe('MIT')
    expect(pkg.bin).toEqual({ isolint: 'dist/cli/index.js' })
    expect(pkg.files).toEqual(['dist/cli/'])
    expect(pkg.dependencies).toBeUndefined()
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
    // The version reaches the code (and so --version, SARIF and help links) from package.json only.
    expect(TOOL_VERSION).toBe(pkg.version)
    expect(ruleHelpUri('parse-error')).toBe(`https://github.com/isolint/isolint/blob/v${pkg.version}/docs/rules/parse-error.md`)
  })

  test('npm pack holds only the CLI bundle, its data, README, LICENSE; installed offline, npx isolint runs it with a config', () => {
    const out = tempDir('isolint-pack-')
    const packed = JSON.parse(
      execFileSync(NPM, ['pack', '--json', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as { filename: string; files: { path: string }[] }[]
    expect(packed[0]!.files.map((f) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      // The data the CLI reads at run time: rule catalog, knowledge base, build-action table, engine messages of
      // `isolint smoke`, Kubernetes system namespaces (the config schema is compiled into the bundle); the bundled
      // licenses; package.json says the bundle is ESM; dockerfile-ast.cjs, the fallback Dockerfile parser, loaded
      // on first use; v8-flags.js, the V8 flags the launcher (index.js) sets.
      'dist/cli/build-actions.yaml',
      'dist/cli/catalog.yaml',
      'dist/cli/dockerfile-ast.cjs',
      'dist/cli/engine-messages.yaml',
      'dist/cli/index.js',
      'dist/cli/isolint.js',
      'dist/cli/kubernetes-system-namespaces.yaml',
      'dist/cli/licenses.txt',
      'dist/cli/package.json',
      'dist/cli/v8-flags.js',
      'dist/cli/windows-knowledge.json',
      'package.json',
    ])
    const app = tempDir('isolint-app-')
    writeFileSync(path.join(app, 'package.json'), '{"name":"app","private":true}\n')
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', path.join(out, packed[0]!.filename)], { cwd: app, stdio: 'ignore' })
    expect(existsSync(path.join(app, 'node_modules/isolint/dist/cli/index.js'))).toBe(true)
    expect(existsSync(path.join(app, 'node_modules/isolint/src'))).toBe(false)

    const npx = (...args: string[]) => spawnSync(NPX, ['--offline', '--no', '--', 'isolint', ...args], { cwd: app, encoding: 'utf8' })
    expect(npx('--version').stdout).toBe(`isolint ${pkg.version}\n`)
    writeTree(app, { 'repo/Dockerfile': DIRTY.Dockerfile })
    const lint = npx('repo', '--runner', 'windows-2022', '--format', 'json')
    expect(lint.status).toBe(1)
    const report = JSON.parse(lint.stdout) as { findings: { ruleId: string; file: string }[] }
    expect(report.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['Dockerfile windows-image-missing-tag'])
    // A Dockerfile that the one-pass reader leaves to dockerfile-ast (a heredoc with flags): the package's own copy.
    writeTree(app, { 'fallback/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN --network=none <<EOF\necho hi\nEOF\n' })
    const fallback = npx('fallback', '--runner', 'windows-2022', '--format', 'json')
    expect(fallback.stderr).toBe('')
    expect(JSON.parse(fallback.stdout)).toEqual({ version: 1, findings: [], skipped: [] })
    const sarif = JSON.parse(npx('repo', '--format', 'sarif', '--fail-on', 'none').stdout) as { runs: { tool: { driver: { version: string } } }[] }
    expect(sarif.runs[0]!.tool.driver.version).toBe(pkg.version)
    // A config file is read and checked against the bundled schema.
    writeTree(app, { 'repo/.isolint.yml': 'rules:\n  windows-image-missing-tag: note\nfail-on: error\n' })
    const configured = npx('repo', '--runner', 'windows-2022', '--format', 'json')
    expect(configured.status).toBe(0)
    expect((JSON.parse(configured.stdout) as { findings: { severity: string }[] }).findings.map((f) => f.severity)).toEqual(['note'])
    writeTree(app, { 'repo/.isolint.yml': 'bogus: 1\n' })
    const invalid = npx('repo')
    expect(invalid.status).toBe(2)
    expect(invalid.stderr).toContain("unknown key 'bogus'")
  }, 120_000)
})

describe('the release workflow', () => {
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } }
    jobs: { release: { permissions: Record<string, string>; steps: { name?: string; run?: string; uses?: string }[] } }
  }
  const release = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts/release.mjs'), ...args], { encoding: 'utf8' })

  test('runs on vX.Y.Z tags only: checks version and dist/, tests, releases with the CHANGELOG notes, moves the major tag', () => {
    const [pattern] = workflow.on.push.tags
    // GitHub's filter pattern: [0-9]+ is one or more digits.
    const re = new RegExp(`^${pattern!.replace(/\./g, '\\.')}$`)
    expect(['v1.0.0', 'v12.3.45'].every((t) => re.test(t))).toBe(true)
    expect(['v1', 'v1.0', 'v1.0.0-rc.1', '1.0.0'].some((t) => re.test(t))).toBe(false)
    expect(workflow.jobs.release.permissions.contents).toBe('write')
    const runs = workflow.jobs.release.steps.map((s) => s.run ?? s.uses ?? '').join('\n---\n')
    const order = [
      'scripts/release.mjs check "$TAG"',
      'npm run bundle',
      'git status --porcelain -- dist/',
      'npm test',
      'scripts/release.mjs notes "$TAG"',
      'gh release create "$TAG" --verify-tag',
      'git tag --force "$major" "$TAG^{commit}"',
      'git push --force origin "refs/tags/$major"',
    ]
    const at = order.map((s) => runs.indexOf(s))
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    // The major tag of v1.2.3 is v1.
    expect(spawnSync('bash', ['-c', 'TAG=v1.2.3; echo "${TAG%%.*}"'], { encoding: 'utf8' }).stdout).toBe('v1\n')
  })

  test('the tag must be package.json version, and the notes are that version`s CHANGELOG section', () => {
    expect(release('check', `v${pkg.version}`).status).toBe(0)
    const wrong = release('check', 'v0.0.1')
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toBe(`release: tag v0.0.1 does not match package.json version ${pkg.version}: bump the version first\n`)
    expect(release('check', 'latest').status).toBe(1)
    const notes = release('notes', `v${pkg.version}`)
    expect(notes.status).toBe(0)
    expect(notes.stdout).toMatch(/^The first release|^### /)
    expect(notes.stdout).not.toContain('## [')
    const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain(`## [${pkg.version}] - `)
    expect(changelog).toContain(notes.stdout.trim())
  })
})

describe('the pre-commit hook', () => {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string
    entry: string
    language: string
    files: string
  }[]
  const hook = hooks[0]!
  // pre-commit matches `files` with Python's re.search; (?i) at the start is the ignore-case flag.
  const files = new RegExp(hook.files.replace(/^\(\?i\)/, ''), hook.files.startsWith('(?i)') ? 'i' : '')

  test('runs the package`s bin on the files isolint reads, and only on those', () => {
    expect(hooks).toHaveLength(1)
    expect(hook).toMatchObject({ id: 'isolint', language: 'node', entry: 'isolint' })
    expect(Object.keys(pkg.bin as object)).toContain(hook.entry)
    const names = [
      'Dockerfile',
      'src/api/Dockerfile',
      'docker/Dockerfile.windows',
      'build/app.dockerfile',
      'Containerfile',
      'compose.yaml',
      'deploy/docker-compose.prod.yml',
      'compose.override.yml',
      '.github/workflows/ci.yml',
      'sub/.github/workflows/release.yaml',
      '.github/workflows/release/publish.yml',
      'README.md',
      'Dockerfile/notes.txt',
      'kubernetes/deployment.yaml',
      '.github/dependabot.yml',
      '.github/workflows/scripts/run.sh',
      'composer.json',
      'docs/compose.md',
    ]
    // A workflow under a `.github/workflows` below the root is no workflow GitHub runs: a named path is linted, so
    // the hook does not name it (a staged change to a vendored library's CI must not fail the commit).
    for (const name of names) expect(files.test(name), name).toBe(kindFromName(name) !== undefined && classifyName(name)?.notRun === undefined)
  })

  test('the entry lints the staged files given as arguments', () => {
    const repo = tempDir('isolint-hook-')
    writeTree(repo, { ...DIRTY, 'compose.yaml': 'services:\n  web:\n    image: contoso/web:1-ltsc2022\n', 'README.md': '# x\n' })
    const bin = path.join(ROOT, (pkg.bin as Record<string, string>).isolint!)
    const staged = ['Dockerfile', 'compose.yaml', 'README.md'].filter((f) => files.test(f))
    const dirty = spawnSync(process.execPath, [bin, ...staged], { cwd: repo, encoding: 'utf8' })
    expect(dirty.status).toBe(1)
    expect(dirty.stdout).toContain('Dockerfile:1:6 error windows-image-missing-tag')
    const clean = spawnSync(process.execPath, [bin, 'compose.yaml'], { cwd: repo, encoding: 'utf8' })
    expect(clean.stdout).toBe('No problems found in 1 file.\n')
    expect(clean.status).toBe(0)
  })
})
