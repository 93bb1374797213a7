/**
 * Injection over the action's output channels, against the committed bundle (dist/index.js) run the way the
 * runner runs it: INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_WORKSPACE = a repository
 * with hostile file names and contents, and a local server standing in for the REST API. Asserts on what the runner
 * would see: stdout read with the runner's command rules (lines trimmed, `::cmd props::data`, legacy `##[cmd]`
 * anywhere in a line, `::stop-commands::`), the job summary, the outputs, and the API requests (check run, review).
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PROJECT_ROOT, cli, removeTemps, tempDir, writeTree, POSIX } from './helpers.js'

const BUNDLE = path.join(PROJECT_ROOT, 'dist', 'index.js')
const TOKEN = 'ghs_S3cr3tT0k3nThatMustNeverBePrinted'
const HEADER_SECRET = 'x-leaky-header-value-0123456789'

afterAll(removeTemps)

// ---------------------------------------------------------------------------------------------------------------
// The hostile repository

/** Names with the characters workflow commands give a meaning: %, newline, CR, `:`, `,`, and `::command::` text. */
const HOSTILE_DOCKERFILES = [
  'x%0A::error::owned.dockerfile',
  'dir%0A::error::owned/Dockerfile',
  'cr\r::error::owned/Dockerfile',
  'nl\n::error::owned/Dockerfile',
  'a,b:c=d/Dockerfile',
  '##[error]legacy/Dockerfile',
]

/** Untagged (one finding each) with command text and Markdown/HTML in its lines. */
const DOCKERFILE = [
  'FROM mcr.microsoft.com/windows/servercore',
  'RUN echo ::add-mask::x',
  'RUN echo "::error file=x,line=1::owned" ##[error]owned ::set-output name=x::owned ::stop-commands::x',
  '',
].join('\n')

const HTML = '<img src=x onerror=alert(1)>'
const COMPOSE = [
  'services:',
  '  web:',
  `    image: "mcr.microsoft.com/windows/servercore:ltsc2019 ${HTML} | \`x\` @octocat #1 [l](http://evil) $x$"`,
  `    isolation: "${HTML} | \`code\` ::error::owned %0A"`,
  '',
].join('\n')

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  "job <script>alert(1)</script> | x":',
  '    runs-on: windows-2019',
  '    strategy:',
  '      matrix:',
  `        tag: ["ltsc2022 ${HTML.replace(/"/g, '\\"')} | \`x\` ::add-mask::y"]`,
  '    steps:',
  '      - run: docker run --isolation=process mcr.microsoft.com/windows/servercore:${{ matrix.tag }} cmd',
  '      - run: docker run --isolation=process "mcr.microsoft.com/windows/servercore:ltsc2022|<b>bold</b>" cmd',
  '',
].join('\n')

function hostileRepo(): string {
  const root = tempDir('isolint-inject-')
  const files: Record<string, string> = {
    'x%0A::error::owned': DOCKERFILE, // no kind in its name: linted because it is named in `paths`
    'compose.yaml': COMPOSE,
    '.github/workflows/ci.yml': WORKFLOW,
  }
  for (const n of HOSTILE_DOCKERFILES) files[n] = DOCKERFILE
  writeTree(root, files)
  return root
}

// ---------------------------------------------------------------------------------------------------------------
// The runner

interface Command {
  readonly name: string
  /** Raw properties and data as printed (still escaped). */
  readonly rawProps: string
  readonly rawData: string
  readonly props: Record<string, string>
  readonly data: string
  readonly line: string
}

/** Reads stdout as the runner does; commands inside a `::stop-commands::` block are not commands. */
function runnerCommands(stdout: string): Command[] {
  const out: Command[] = []
  let stop: string | undefined
  const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  const unescapeProp = (s: string): string => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','))
  for (const raw of stdout.split('\n')) {
    const line = raw.trim()
    if (stop !== undefined) {
      if (line === `::${stop}::`) stop = undefined
      continue
    }
    const v2 = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/s.exec(line)
    const legacy = /##\[([^\s\]]+)(?: ([^\]]*))?\](.*)$/s.exec(line)
    const m = v2 ?? legacy
    if (!m) continue
    const [, name = '', rawProps = '', rawData = ''] = m
    if (v2 && name === 'stop-commands') {
      stop = rawData
      continue
    }
    const props: Record<string, string> = {}
    for (const pair of rawProps.split(v2 ? ',' : ';').filter(Boolean)) {
      const eq = pair.indexOf('=')
      props[pair.slice(0, eq)] = unescapeProp(pair.slice(eq + 1))
    }
    out.push({ name: v2 ? name : `legacy:${name}`, rawProps, rawData, props, data: unescapeData(rawData), line })
  }
  return out
}

interface Recorded {
  readonly method: string
  readonly path: string
  readonly authorization?: string
  readonly body: unknown
}

/** A stand-in for the REST API: records requests; answers check runs with `checkRunStatus` and a leaky header. */
async function fakeApi(options: { checkRunStatus: number; files: { filename: string; patch: string }[] }): Promise<{
  url: string
  requests: Recorded[]
  close: () => Promise<void>
}> {
  const requests: Recorded[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const p = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\/v3/, '')
      requests.push({ method: req.method ?? '', path: p, authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined })
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-leaky-header': HEADER_SECRET, 'set-cookie': `s=${HEADER_SECRET}` })
        res.end(JSON.stringify(body))
      }
      if (req.method === 'POST' && /\/check-runs$/.test(p)) {
        return options.checkRunStatus < 300
          ? send(options.checkRunStatus, { id: 7, html_url: 'https://github.example/runs/7' })
          : send(options.checkRunStatus, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com' })
      }
      if (req.method === 'PATCH' && /\/check-runs\/7$/.test(p)) return send(200, { id: 7 })
      if (req.method === 'GET' && /\/pulls\/1\/files$/.test(p)) return send(200, options.files.map((f) => ({ ...f, status: 'added' })))
      if (req.method === 'GET' && /\/pulls\/1\/comments$/.test(p)) return send(200, [])
      if (req.method === 'POST' && /\/pulls\/1\/reviews$/.test(p)) return send(200, { id: 1 })
      return send(404, { message: 'Not Found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/v3`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

interface Step {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly summary: string
  readonly outputFile: string
  readonly commands: Command[]
}

/** Runs `node dist/index.js` as a step of a pull_request workflow on a Linux runner. */
async function runAction(workspace: string, apiUrl: string, inputs: Record<string, string>): Promise<Step> {
  const dir = tempDir('isolint-runner-')
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary'), event: path.join(dir, 'event.json') }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const repo = { full_name: 'octo/repo', name: 'repo', owner: { login: 'octo' } }
  writeFileSync(
    files.event,
    JSON.stringify({ number: 1, pull_request: { number: 1, head: { sha: 'headsha', repo }, base: { sha: 'basesha', repo } }, repository: repo }),
  )
  const defaults: Record<string, string> = {
    paths: '.', config: '', runner: '', environment: '', 'fail-on': 'error', annotations: 'true', 'check-run': 'true',
    summary: 'true', 'sarif-file': 'isolint.sarif', 'pr-review': 'off', scope: 'all', 'github-token': TOKEN,
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: 'headsha',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: apiUrl,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    NO_PROXY: '127.0.0.1',
  }
  for (const [k, v] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BUNDLE], { cwd: workspace, env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (e, stdout, stderr) =>
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr }),
    )
  })
  return {
    ...r,
    summary: readFileSync(files.summary, 'utf8'),
    outputFile: readFileSync(files.output, 'utf8'),
    commands: runnerCommands(r.stdout),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The properties

/** Commands isolint means to print. */
const ALLOWED = new Set(['error', 'warning', 'notice', 'debug', 'group', 'endgroup'])

/** What is wrong with the commands a step printed. */
function commandProblems(step: Step, workspace: string): string[] {
  const problems: string[] = []
  for (const c of step.commands) {
    if (!ALLOWED.has(c.name)) problems.push(`unexpected command ${c.name}: ${c.line}`)
    // @actions/core escaping: data `%`→%25, CR→%0D, LF→%0A; properties also `:`→%3A, `,`→%2C.
    if (!/^(?:[^%\r\n]|%25|%0D|%0A)*$/.test(c.rawData)) problems.push(`data not escaped: ${c.line}`)
    const pairs = c.rawProps.split(',').filter(Boolean)
    if (pairs.some((pair) => !/^[A-Za-z]+=(?:[^%\r\n:,]|%25|%0D|%0A|%3A|%2C)*$/.test(pair))) {
      problems.push(`property not escaped: ${c.line}`)
    }
    if (/^\s*owned/.test(c.data) || Object.values(c.props).some((v) => /^\s*owned/.test(v))) problems.push(`injected: ${c.line}`)
    // An annotation's file is a file of the repository, whole: the hostile name was not cut into a second command.
    if (c.props.file !== undefined && !existsSync(path.join(workspace, c.props.file))) problems.push(`no such file: ${JSON.stringify(c.props.file)}`)
  }
  return problems
}

/** What is wrong with Markdown built from repository text (summary, check run summary, review comments). */
function markdownProblems(markdown: string, where: string): string[] {
  const problems: string[] = []
  // The repository's `<img …>`, `<script>` and `<b>` show as text (`&#60;img`), never as tags.
  if (/<\s*\/?\s*(img|script|b)\b/i.test(markdown)) problems.push(`${where}: raw HTML from the repository`)
  if (/\]\(http:\/\/evil\)/.test(markdown)) problems.push(`${where}: a link from the repository`)
  if (/(^|[^&#\w])@octocat/.test(markdown)) problems.push(`${where}: a mention from the repository`)
  // Table rows keep the header's number of cells: a `|` from the repository does not add one.
  let header: number | undefined
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined
      continue
    }
    const cells = line.replace(/\\\|/g, '').split('|').length
    if (header === undefined) header = cells
    else if (cells !== header) problems.push(`${where}: table row with ${cells - 2} cells instead of ${header - 2}: ${line.slice(0, 200)}`)
  }
  return problems
}

function secretProblems(texts: Record<string, string>): string[] {
  return Object.entries(texts).flatMap(([where, text]) => [
    ...(text.includes(TOKEN) ? [`${where}: the token is printed`] : []),
    ...(text.includes(HEADER_SECRET) ? [`${where}: a response header is printed`] : []),
    ...(/authorization:|bearer |token ghs_/i.test(text) ? [`${where}: request headers are printed`] : []),
  ])
}

/** A unified diff that adds every line of a file (the pull request adds the file). */
function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n')
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n')
}

describe('the checks themselves', () => {
  test('catch injected commands, bad escaping, HTML, extra cells and secrets', () => {
    const ws = tempDir()
    writeTree(ws, { 'a,b/Dockerfile': '' })
    const stdout = [
      '::error file=a%2Cb/Dockerfile,line=1::fine',
      '  ::add-mask::x',
      'text ##[error]owned',
      '::error file=a,b/Dockerfile::unescaped comma',
      '::warning::100% raw',
      '::error file=missing::x',
      '::stop-commands::t1',
      '::add-mask::ignored inside a stop-commands block',
      '::t1::',
      '',
    ].join('\n')
    const step = { code: 0, stdout, stderr: '', summary: '', outputFile: '', commands: runnerCommands(stdout) }
    expect(commandProblems(step, ws)).toEqual([
      'unexpected command add-mask: ::add-mask::x',
      'unexpected command legacy:error: text ##[error]owned',
      'injected: text ##[error]owned',
      'property not escaped: ::error file=a,b/Dockerfile::unescaped comma',
      'no such file: "a"',
      'data not escaped: ::warning::100% raw',
      'no such file: "missing"',
    ])
    expect(markdownProblems('| a | b |\n| - | - |\n| x <img src=x> | y | z |\n[l](http://evil) @octocat', 's')).toEqual([
      's: raw HTML from the repository',
      's: a link from the repository',
      's: a mention from the repository',
      's: table row with 3 cells instead of 2: | x <img src=x> | y | z |',
    ])
    expect(secretProblems({ log: `Authorization: token ${TOKEN}` })).toEqual(['log: the token is printed', 'log: request headers are printed'])
  })
})

describe.runIf(POSIX)('the CLI in a workflow log (`run: npx isolint`)', () => {
  test('stdout in every format and stderr carry no workflow command, and the reports keep their values', () => {
    const root = tempDir()
    writeTree(root, {
      '::error::owned/Dockerfile': DOCKERFILE,
      '##[error]legacy/Dockerfile': `${DOCKERFILE}RUN echo ##[add-mask]x\n`,
      'compose.yaml': 'services:\n  web:\n    isolation: "##[error]owned ::add-mask::x"\n',
    })
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli(root, '--format', format, '--root', root)
      expect(r.code, format).toBe(1)
      expect(runnerCommands(r.out), format).toEqual([])
      if (format === 'text') expect(r.out).toContain('#\u200b#[error]legacy/Dockerfile:1:6')
      if (format === 'json') expect(r.out).toContain('"file": "#\\u0023[error]legacy/Dockerfile"')
    }
    const json = JSON.parse(cli(root, '--format', 'json', '--root', root).out) as { findings: { file: string; message: string }[] }
    expect(json.findings.map((f) => f.file)).toContain('##[error]legacy/Dockerfile')
    expect(json.findings.map((f) => f.message).join('\n')).toContain("'##[error]owned ::add-mask::x'")
    const missing = cli(root, 'nl\n::add-mask::x', '##[error]x')
    expect(missing.code).toBe(2)
    expect(runnerCommands(missing.err)).toEqual([])
  })
})

describe.runIf(POSIX && existsSync(BUNDLE))('injection over the action output channels (dist/index.js)', () => {
  let workspace = ''
  const runs: Record<'granted' | 'forbidden', { step?: Step; requests: Recorded[] }> = {
    granted: { requests: [] },
    forbidden: { requests: [] },
  }

  beforeAll(async () => {
    workspace = hostileRepo()
    const files = [...HOSTILE_DOCKERFILES, 'compose.yaml', '.github/workflows/ci.yml'].map((f) => ({
      filename: f,
      patch: addedPatch(readFileSync(path.join(workspace, f), 'utf8')),
    }))
    for (const [name, status] of [['granted', 201], ['forbidden', 403]] as const) {
      const api = await fakeApi({ checkRunStatus: status, files })
      try {
        runs[name].step = await runAction(workspace, api.url, {
          paths: '.\nx%0A::error::owned',
          runner: 'windows-2022',
          'pr-review': 'comments',
        })
        runs[name].requests.push(...api.requests)
      } finally {
        await api.close()
      }
    }
  }, 120_000)

  test('the step ran and found the findings (the test is not vacuous)', () => {
    const step = runs.granted.step!
    expect(step.stderr).toBe('')
    expect(step.code).toBe(1) // error findings fail the step
    expect(step.summary).not.toBe('')
    const annotated = runs.forbidden.step!.commands.filter((c) => c.name === 'error' || c.name === 'warning')
    expect(annotated.length).toBeGreaterThan(3)
  })

  test.each(['granted', 'forbidden'] as const)('stdout (check run %s): only the commands isolint means, escaped', (name) => {
    const step = runs[name].step!
    expect(commandProblems(step, workspace)).toEqual([])
  })

  test('annotations name the hostile files exactly', () => {
    const files = new Set(runs.forbidden.step!.commands.map((c) => c.props.file).filter((f) => f !== undefined))
    for (const f of ['x%0A::error::owned', 'a,b:c=d/Dockerfile', 'nl\n::error::owned/Dockerfile']) expect(files).toContain(f)
  })

  test('the job summary: no HTML, links or mentions from the repository, table cells intact', () => {
    const summary = runs.granted.step!.summary
    expect(summary).toContain('&#60;img') // the hostile text is there, escaped
    expect(markdownProblems(summary, 'summary')).toEqual([])
  })

  test('the check run and the review comments are escaped the same way', () => {
    const requests = runs.granted.requests
    const checkRuns = requests.filter((r) => /check-runs/.test(r.path))
    expect(checkRuns.length).toBeGreaterThan(0)
    for (const r of checkRuns) {
      const output = (r.body as { output?: { title?: string; summary?: string; text?: string } }).output ?? {}
      expect(markdownProblems(`${output.summary ?? ''}\n${output.text ?? ''}`, `check run ${r.method}`)).toEqual([])
    }
    const reviews = requests.filter((r) => /\/reviews$/.test(r.path))
    expect(reviews.length).toBe(1)
    const review = reviews[0]!.body as { body?: string; comments: { path: string; body: string }[] }
    expect(review.comments.length).toBeGreaterThan(0)
    expect(markdownProblems(review.body ?? '', 'review')).toEqual([])
    for (const c of review.comments) expect(markdownProblems(c.body, `comment on ${c.path}`)).toEqual([])
  })

  test('the token is sent to the API only, never printed; API errors are shown without headers', () => {
    for (const name of ['granted', 'forbidden'] as const) {
      const step = runs[name].step!
      expect(secretProblems({ stdout: step.stdout, stderr: step.stderr, summary: step.summary, outputs: step.outputFile })).toEqual([])
      for (const r of runs[name].requests) expect(r.authorization).toMatch(new RegExp(`^(token|Bearer) ${TOKEN}$`))
    }
    // The 403 is reported with GitHub's message.
    expect(runs.forbidden.step!.stdout).toContain('Resource not accessible by integration')
  })

  test('outputs are written to GITHUB_OUTPUT with delimiters, never as ::set-output', () => {
    const step = runs.granted.step!
    expect(step.stdout).not.toMatch(/::set-output/)
    expect(step.outputFile).toMatch(/^conclusion<<ghadelimiter_[0-9a-f-]+$/m)
  })
})
