/** The config file: the example works exactly as written, every key has an effect, errors say where. */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { main } from '../../src/cli/main.js'
import { UsageError } from '../../src/core/errors.js'
import { environmentClassifier, namedForProduction } from '../../src/config/environments.js'
import { defaultConfig, parseConfig } from '../../src/config/load.js'
import { configSchema } from '../../src/config/schema.js'
import { resolveRunnerLabels } from '../../src/config/runners.js'
import { loadKnowledgeBase } from '../../src/kb/index.js'
import { lint } from '../../src/lint.js'

/** The example of issue 8, verbatim: the contract. */
const CONTRACT = `ignore: ["examples/**", "**/fixtures/**"]
hosts: [windows-2025]
runners:
  - labels: [self-hosted, windows, ws2019]
    build: 17763
    hyperv: true
images:
  - match: contoso.azurecr.io/base/*
    build: ltsc2022
  - match: contoso.azurecr.io/tools/*
    os: linux
environments:
  production:
    workflow-environments: [production, prod, live]
    paths: ["deploy/prod/**"]
rules:
  floating-runner-label: off
  unknown-image-build: error
suppressions:
  require-reason: true
  max-days: 90
  never: [image-newer-than-host]
fail-on: warning
`

function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'isolint-config-')))
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), text)
  }
  return root
}

function cli(argv: string[], cwd: string): { code: number; out: string; err: string } {
  let out = ''
  let err = ''
  const code = main(argv, { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t), color: false })
  return { code, out, err }
}

function usage(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    return (e as Error).message
  }
  throw new Error('expected a UsageError')
}

describe('the example config of issue 8', () => {
  it('validates against the published schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema())
    expect(validate(parse(CONTRACT)) ? [] : validate.errors).toEqual([])
  })

  it('works exactly as written', () => {
    const root = tree({
      '.isolint.yml': CONTRACT,
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  legacy:',
        '    runs-on: [self-hosted, windows, ws2019]', // mapped: build 17763
        '    steps:',
        '      - run: docker run --rm contoso.azurecr.io/base/app:1 cmd', // ltsc2022 image on a 2019 host
        '      - run: docker pull contoso.azurecr.io/tools/lint:3', // linux: no unknown-image-build
        '  latest:',
        '    runs-on: windows-latest', // floating-runner-label: off
        '    environment: live', // production
        '    steps:',
        '      - run: docker run --rm --isolation=hyperv vendor.example/agent:7 cmd', // unknown build: error
        '',
      ].join('\n'),
      'examples/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n', // ignored
      'src/rules/x/fixtures/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n', // ignored
      // A template and a testdata folder in an ignored folder: noted as ignored, not as templates or test inputs.
      'src/rules/x/fixtures/Dockerfile.tmpl': 'FROM {{ .Image }}\n',
      'src/rules/x/fixtures/testdata/Dockerfile': 'FROM x\n',
      'deploy/prod/compose.yml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n', // production by path
      'deploy/compose.prod.yml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n', // paths given: not production
      // max-days: 90 asks for an expiry within 90 days of today (pinned below).
      'tools/Dockerfile': '# isolint-disable-next-line process-isolation-build-mismatch until=2026-03-01 -- built on a 2019 host\nFROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo\n',
    })
    process.env.ISOLINT_TODAY = '2026-01-15'
    const result = lint({ root })
    delete process.env.ISOLINT_TODAY
    const got = result.findings.map((f) => `${f.span.file}:${f.span.start.line} ${f.severity} ${f.ruleId}`)
    expect(got).toEqual([
      '.github/workflows/ci.yml:6 error image-newer-than-host',
      '.github/workflows/ci.yml:12 error unknown-image-build',
      // hosts: [windows-2025] for the Compose files and Dockerfiles no workflow reaches.
      'deploy/prod/compose.yml:2 error production-requires-hyperv',
    ])
    // The ltsc2019 Dockerfile on the windows-2025 host was suppressed with a reason.
    expect(result.suppressed.map((s) => `${s.finding.span.file}:${s.finding.span.start.line} ${s.finding.ruleId} ${s.directive.reason}`)).toEqual([
      'tools/Dockerfile:2 process-isolation-build-mismatch built on a 2019 host',
    ])
    expect(result.skipped.map((s) => `${s.file}: ${s.reason}`)).toEqual([
      "examples/Dockerfile: ignored by 'examples/**' (config ignore or --exclude)",
      "src/rules/x/fixtures/Dockerfile: ignored by '**/fixtures/**' (config ignore or --exclude)",
      "src/rules/x/fixtures/Dockerfile.tmpl: ignored by '**/fixtures/**' (config ignore or --exclude)",
      "src/rules/x/fixtures/testdata: ignored by '**/fixtures/**' (config ignore or --exclude)",
    ])
    expect(result.config.failOn).toBe('warning')
    expect(result.config.suppressions).toEqual({ requireReason: true, maxDays: 90, never: ['image-newer-than-host'] })
  })

  it('fail-on: warning from the config decides the exit code; --fail-on overrides it', () => {
    const root = tree({ '.isolint.yml': 'fail-on: warning\n', 'compose.yml': 'services:\n  a:\n    image: vendor.example/x:1\n' })
    const ci = '.github/workflows/ci.yml'
    writeFileSync(path.join(root, 'compose.yml'), 'services:\n  a:\n    image: mcr.microsoft.com/windows/servercore:20H2\n    isolation: hyperv\n')
    mkdirSync(path.join(root, '.github/workflows'), { recursive: true })
    writeFileSync(path.join(root, ci), 'on: push\njobs:\n  a:\n    runs-on: windows-2025\n    steps:\n      - run: docker compose up\n')
    expect(cli(['.'], root).code).toBe(1) // end-of-life-windows-image is a warning
    const strict = cli(['--fail-on', 'error', '.'], root)
    expect(strict.out).toContain('end-of-life-windows-image')
    expect(strict.code).toBe(0)
  })
})

describe('config errors: exit 2 with file:line:column and what is wrong', () => {
  it('names unknown keys, wrong types, unknown builds and rules', () => {
    const msg = usage(() =>
      parseConfig(
        [
          'ignore: x', // 1
          'runners:', // 2
          '  - labels: [a]', // 3
          '    bild: 1', // 4
          '  - labels: [b]', // 5
          '    build: ltsc2099', // 6
          'rules:', // 7
          '  no-such-rule: off', // 8
          '  unknown-image-build: loud', // 9
          'colour: red', // 10
          '',
        ].join('\n'),
        '.isolint.yml',
      ),
    )
    expect(msg).toContain(".isolint.yml:1:9: 'ignore' must be array")
    expect(msg).toContain(".isolint.yml:4:5: unknown key 'bild' in 'runners.0'")
    expect(msg).toContain(".isolint.yml:3:5: 'runners.0' needs 'build' (or 'os' for a non-Windows runner)")
    expect(msg).toContain(".isolint.yml:9:24: 'rules.unknown-image-build'")
    expect(msg).toContain(".isolint.yml:10:1: unknown key 'colour' in the config")
  })

  it('checks meaning after the schema: builds and rule ids', () => {
    const msg = usage(() => parseConfig('runners:\n  - labels: [b]\n    build: ltsc2099\nrules:\n  no-such-rule: off\n', 'c.yml'))
    expect(msg).toContain("c.yml:3:12: 'runners.0.build'")
    expect(msg).toContain("unknown Windows build or release 'ltsc2099'")
    expect(msg).toContain("c.yml:5:3: unknown rule 'no-such-rule'")
  })

  it('checks rule options: hostprocess-workload takes node-agents as namespace/name globs, other rules none', () => {
    const msg = usage(() =>
      parseConfig(
        [
          'rules:', // 1
          '  hostprocess-workload:', // 2
          '    options:', // 3
          '      node-agents: [fluent-bit]', // 4
          '      agents: [a/b]', // 5
          '  unknown-image-build:', // 6
          '    options: {strict: true}', // 7
          '',
        ].join('\n'),
        'c.yml',
      ),
    )
    expect(msg).toContain("c.yml:4:20: 'rules.hostprocess-workload.options.node-agents': must be a list of 'namespace/name' globs")
    expect(msg).toContain("c.yml:5:15: 'rules.hostprocess-workload.options.agents': rule 'hostprocess-workload' has no option 'agents' (options: node-agents)")
    expect(msg).toContain("'rules.unknown-image-build.options.strict': rule 'unknown-image-build' has no options")
    // Options alone keep the rule's own severities (a warning, an error in production).
    const ok = parseConfig('rules:\n  hostprocess-workload:\n    options:\n      node-agents: [monitoring/fluent-bit-*]\n', 'c.yml')
    expect(ok.rules.get('hostprocess-workload')).toEqual({ options: { 'node-agents': ['monitoring/fluent-bit-*'] } })
  })

  it('reports broken YAML with its position, and the CLI exits 2', () => {
    expect(usage(() => parseConfig('ignore: [a\n', 'c.yml'))).toMatch(/c\.yml:\d+:\d+: /)
    const root = tree({ '.isolint.yml': 'ignor: []\n' })
    const r = cli(['.'], root)
    expect(r.code).toBe(2)
    expect(r.err).toContain(".isolint.yml:1:1: unknown key 'ignor' in the config")
  })

  it('accepts builds as numbers, 10.0.B[.U], release names and pinned runner labels', () => {
    const c = parseConfig(
      'runners:\n  - {labels: [a], build: 20348}\n  - {labels: [b], build: "10.0.17763.6189"}\n  - {labels: [c], build: ltsc2025}\n  - {labels: [d], build: windows-2022, revision: 7}\n',
      'c.yml',
    )
    expect(c.runners.map((r) => [r.build, r.ubr])).toEqual([[20348, undefined], [17763, 6189], [26100, undefined], [20348, 7]])
  })
})

describe('environments', () => {
  it('prod is a whole word, never after non-, not- or pre', () => {
    for (const f of ['compose.prod.yml', 'deploy/prod/compose.yml', 'production/compose.yaml', 'compose-production.yml']) {
      expect(namedForProduction(f), f).toBe(true)
    }
    for (const f of ['non-prod/compose.yml', 'compose.not-prod.yml', 'pre-prod/compose.yml', 'compose.preprod.yml', 'products/compose.yml', 'nonprod/compose.yml']) {
      expect(namedForProduction(f), f).toBe(false)
    }
  })

  it('workflow environment names are case-insensitive, defaults include prd and live', () => {
    const envs = environmentClassifier(defaultConfig())
    for (const n of ['production', 'PROD', 'prd', 'Live']) expect(envs.workflowEnvironment(n).map((m) => m.environment)).toEqual(['production'])
    expect(envs.workflowEnvironment('staging')).toEqual([])
  })

  it('Kubernetes namespaces and Azure Pipelines environments are classified by the config, as workflows are', () => {
    const pod = (ns: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: ${ns}\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n  containers:\n    - name: a\n      image: mcr.microsoft.com/windows/servercore:ltsc2022\n`
    const azure = (env: string) =>
      `jobs:\n  - deployment: d\n    environment: ${env}\n    pool:\n      vmImage: windows-2022\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n            - script: docker run mcr.microsoft.com/windows/servercore:ltsc2022 cmd\n`
    const root = mkdtempSync(path.join(tmpdir(), 'isolint-envs-'))
    const files: Record<string, string> = {
      '.isolint.yml': 'environments:\n  production:\n    namespaces: [shop]\n    workflow-environments: [live]\n  tenants:\n    namespaces: [tenant-a]\n    workflow-environments: [sandbox]\n    require-isolation: hyperv\n',
      'k8s/shop.yaml': pod('shop'),
      'k8s/tenant.yaml': pod('tenant-a'),
      // Namespaces are listed: a namespace named for production is not production by name any more.
      'k8s/other.yaml': pod('payments-prod'),
      'azure-pipelines.yml': azure('live.web'),
      'ci/azure-pipelines.yml': azure('sandbox'),
      'ci2/azure-pipelines.yml': azure('prod'),
    }
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
      writeFileSync(path.join(root, rel), text)
    }
    const result = lint({ root })
    const policy = result.findings
      .filter((f) => f.ruleId === 'hyperv-unsupported-on-host' || f.ruleId === 'production-requires-hyperv')
      .map((f) => `${f.span.file} ${/runs in (\S+)/.exec(f.message)?.[1]}`)
    expect(policy).toEqual(['azure-pipelines.yml production', 'ci/azure-pipelines.yml tenants', 'k8s/shop.yaml production', 'k8s/tenant.yaml tenants'])
  })

  it('any environment may require Hyper-V, by paths, profiles, workflow environments or namespaces', () => {
    const c = parseConfig(
      'environments:\n  untrusted:\n    paths: ["tenants/**"]\n    compose-profiles: [plugins]\n    workflow-environments: [sandbox]\n    namespaces: [tenant-a]\n    require-isolation: hyperv\n',
      'c.yml',
    )
    const envs = environmentClassifier(c)
    expect(c.environments.map((e) => e.name)).toEqual(['production', 'untrusted'])
    expect(envs.file('tenants/a/compose.yml')[0]).toMatchObject({ environment: 'untrusted', requireIsolation: 'hyperv' })
    expect(envs.composeProfiles(['x', 'plugins'])[0]?.environment).toBe('untrusted')
    expect(envs.workflowEnvironment('Sandbox')[0]?.environment).toBe('untrusted')
    expect(envs.namespace('tenant-a')[0]?.environment).toBe('untrusted')
  })
})

describe('runner labels: one lookup for runs-on, --runner and hosts', () => {
  const kb = loadKnowledgeBase()
  const c = parseConfig('runners:\n  - {labels: [self-hosted, windows, ws2019], build: 17763, ephemeral: true}\n  - {labels: [gpu-box], build: ltsc2022, hyperv: false}\n', 'c.yml')
  it('a mapped set applies when all its labels are named; the largest set wins', () => {
    const r = resolveRunnerLabels(['self-hosted', 'windows', 'ws2019', 'x64'], kb, c.runners)
    expect(r.info).toMatchObject({ os: 'windows', build: 17763, kind: 'server' })
    expect(r.mapping?.ephemeral).toBe(true)
    expect(resolveRunnerLabels(['ws2019'], kb, c.runners).info?.build).toBe(17763) // one specific label, one entry
    expect(resolveRunnerLabels(['gpu-box'], kb, c.runners).mapping?.hyperv).toBe(false)
  })
  it('unknown Windows labels are listed; hosted labels resolve from the knowledge base', () => {
    expect(resolveRunnerLabels(['self-hosted', 'windows'], kb, c.runners).unknown).toEqual(['self-hosted', 'windows'])
    expect(resolveRunnerLabels(['windows-2022'], kb, c.runners).info?.build).toBe(20348)
    expect(resolveRunnerLabels(['ubuntu-latest'], kb, []).unknown).toEqual([])
  })
  it('a hosted runner\'s name among the labels of a self-hosted runner says nothing of it; a build does', () => {
    // `[self-hosted, windows-2019]` is a machine of one's own: not retired, not floating, its build unknown.
    for (const hosted of ['windows-2019', 'windows-latest', 'windows-2022', 'windows-11-arm']) {
      const r = resolveRunnerLabels(['self-hosted', hosted], kb, [])
      expect(r.info, hosted).toMatchObject({ os: 'windows', build: undefined })
      expect(r.info?.retired, hosted).toBeUndefined()
      expect(r.info?.floating, hosted).toBeUndefined()
      expect(r.unknown, hosted).toEqual(['self-hosted', hosted])
    }
    expect(resolveRunnerLabels(['self-hosted', '10.0.20348'], kb, []).info?.build).toBe(20348)
    // Mapped in the config, it is what the config says.
    const mapped = parseConfig('runners:\n  - {labels: [self-hosted, windows-2019], build: ltsc2022}\n', 'c.yml')
    expect(resolveRunnerLabels(['self-hosted', 'windows-2019'], kb, mapped.runners).info).toMatchObject({ build: 20348 })
    expect(resolveRunnerLabels(['self-hosted', 'windows-2019'], kb, mapped.runners).info?.retired).toBeUndefined()
  })
  it('hosts from the config and from label words have the knowledge base hosts\' fields, in the same order', () => {
    const shape = Object.keys(kb.host('windows-2022')!)
    for (const labels of [['ws2019'], ['gpu-box'], ['github-hosted-windows-x64-large'], ['linux-large-runner'], ['windows-2025']]) {
      expect(Object.keys(resolveRunnerLabels(labels, kb, c.runners).info!), labels.join()).toEqual(shape)
    }
  })
  it('hosts and --runner may name a mapped label', () => {
    const root = tree({
      '.isolint.yml': 'hosts: [gpu-box]\nrunners:\n  - {labels: [gpu-box], build: 20348}\n',
      Dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo\n',
    })
    expect(lint({ root }).findings.map((f) => f.ruleId)).toEqual(['process-isolation-build-mismatch'])
    expect(cli(['--runner', 'gpu-box', '.'], root).code).toBe(1)
    expect(cli(['--runner', 'nope', '.'], root).err).toContain("unknown runner 'nope'")
  })
})

describe('CLI: --exclude, --print-config, explain, init', () => {
  it('--exclude adds globs to ignore, and skipped files say so', () => {
    const root = tree({ 'a/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n', 'b/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n' })
    const r = cli(['--exclude', 'a/**', '--format', 'json', '.'], root)
    const report = JSON.parse(r.out) as { findings: { file: string }[]; skipped: { file: string; reason: string }[] }
    expect(report.findings.map((f) => f.file)).toEqual(['b/Dockerfile'])
    expect(report.skipped).toEqual([{ file: 'a/Dockerfile', reason: "ignored by 'a/**' (config ignore or --exclude)" }])
  })

  it('--print-config shows where each value came from', () => {
    const root = tree({ '.isolint.yml': 'ignore: [x/**]\nfail-on: note\n' })
    const r = cli(['--print-config', '--exclude', 'y/**', '--runner', 'windows-2022', '.'], root)
    expect(r.code).toBe(0)
    expect(r.out).toContain('ignore:  # from .isolint.yml:1:1 + --exclude')
    expect(r.out).toContain('hosts:  # from --runner')
    expect(r.out).toContain('fail-on: note  # from .isolint.yml:2:1')
    expect(r.out).toContain('suppressions:  # from default')
    // What it prints is a valid config again.
    expect(() => parseConfig(r.out, 'printed.yml')).not.toThrow()
  })

  it('explain prints the rule page; an unknown id is exit 2', () => {
    const r = cli(['explain', 'unknown-runner-label'], process.cwd())
    expect(r.code).toBe(0)
    expect(r.out).toContain('unknown-runner-label')
    expect(r.out).toContain('severity: note')
    expect(r.out).toContain('# isolint-disable-next-line unknown-runner-label -- <reason>')
    expect(cli(['explain', 'nope'], process.cwd()).code).toBe(2)
  })

  it('init writes a valid, commented starter listing unknown runner labels and images', () => {
    const root = tree({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: [self-hosted, windows, ws2019]\n    environment: staging\n    steps:\n      - run: docker run contoso.azurecr.io/base/app:1 cmd\n  b:\n    runs-on: windows-2022\n    steps:\n      - run: docker run contoso.azurecr.io/base/app:1 cmd\n',
      'examples/README.md': 'x\n',
    })
    expect(cli(['init'], root).code).toBe(0)
    const text = readFileSync(path.join(root, '.isolint.yml'), 'utf8')
    expect(text).toContain('# yaml-language-server: $schema=')
    expect(text).toContain('#  - labels: [self-hosted, windows, ws2019]')
    expect(text).toContain('#  - match: contoso.azurecr.io/base/app')
    expect(text).toContain('ignore: ["examples/**"]')
    expect(text).toContain('# Workflow environments used in this repository: staging')
    expect(() => parseConfig(text, '.isolint.yml')).not.toThrow()
    expect(cli(['init'], root).code).toBe(2) // exists
  })
})

describe('README', () => {
  it('the complete example of the Configuration section is a valid config', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(block).toBeDefined()
    const c = parseConfig(block!, 'README.md')
    expect(c.environments.map((e) => e.name)).toEqual(['production', 'untrusted'])
    expect(c.runners[0]).toMatchObject({ build: 17763, ubr: 6189, hyperv: true, ephemeral: false })
  })
})

describe('include globs (the action paths input with globs)', () => {
  it('lints only the files that match', () => {
    const root = tree({
      'src/a/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n',
      'src/b/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n',
      'other/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n',
    })
    expect(lint({ root, include: ['src/*/Dockerfile'] }).files).toEqual(['src/a/Dockerfile', 'src/b/Dockerfile'])
  })
})
