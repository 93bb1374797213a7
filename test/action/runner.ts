/**
 * Runs the committed bundle (dist/index.js) the way the GitHub runner does: a fresh `node` process with INPUT_*
 * variables (every input set, defaults from action.yml), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and the event
 * payload in GITHUB_EVENT_PATH. Parses the workflow commands it prints with the runner's unescaping rules,
 * honouring `::stop-commands::`.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BUNDLE = path.join(ROOT, 'dist', 'index.js')

/** A workflow command as the runner reads it. */
export interface Command {
  readonly command: string
  readonly properties: Readonly<Record<string, string>>
  readonly data: string
}

export interface StepResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  readonly commands: readonly Command[]
  /** Lines printed as plain log (commands and command-looking lines in stop-commands blocks excluded). */
  readonly log: readonly string[]
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
}

/** The defaults of action.yml, as the runner passes them when an input is not given. */
export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) out[name] = String(spec.default ?? '')
  return out
}

function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/g, '%')
}

/** Parses stdout like the runner: `::cmd k=v,k=v::data`; `::stop-commands::T` … `::T::` turns commands off. */
export function parseCommands(stdout: string): { commands: Command[]; log: string[] } {
  const commands: Command[] = []
  const log: string[] = []
  let stopToken: string | undefined
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart()
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      else log.push(raw)
      continue
    }
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) {
      log.push(raw)
      continue
    }
    const [, command, props = '', data = ''] = m
    if (command === 'stop-commands') {
      stopToken = data
      continue
    }
    const properties: Record<string, string> = {}
    for (const pair of props.split(',').filter(Boolean)) {
      const eq = pair.indexOf('=')
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
    commands.push({ command: command!.toLowerCase(), properties, data: unescapeData(data) })
  }
  return { commands, log }
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIMITER` … `DELIMITER` blocks). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!)
    out[m[1]!] = value.join('\n')
  }
  return out
}

export interface StepOptions {
  readonly workspace: string
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  /** Written to a file and passed as GITHUB_EVENT_PATH. */
  readonly event?: unknown
  readonly eventName?: string
}

/** Runs `node dist/index.js` as a step and collects what the runner would see. */
export async function runStep(options: StepOptions): Promise<StepResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolint-step-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  const eventFile = path.join(dir, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}))
  const inputs = { ...actionDefaults(), 'github-token': 'ghs_testtoken', ...options.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    // The local API must not go through a proxy.
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: 'pushsha0000000000000000000000000000000000',
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    ...options.env,
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BUNDLE], { cwd: options.workspace, env, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ exitCode: code, stdout: out, stderr: err })
    })
  })
  const { commands, log } = parseCommands(stdout)
  return {
    exitCode,
    stdout,
    stderr,
    commands,
    log,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  }
}

/** A `pull_request` event payload shaped like GitHub's (the fields the action and toolkit read). */
export function pullRequestEvent(number: number, headSha: string, headRepo = 'octo/repo'): unknown {
  const repo = (fullName: string) => ({
    id: 1,
    name: fullName.split('/')[1],
    full_name: fullName,
    owner: { login: fullName.split('/')[0], type: 'User' },
    private: false,
    fork: fullName !== 'octo/repo',
  })
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'Bump the base image',
      html_url: `https://github.com/octo/repo/pull/${number}`,
      head: { ref: 'feature', sha: headSha, repo: repo(headRepo) },
      base: { ref: 'main', sha: 'basesha000000000000000000000000000000000', repo: repo('octo/repo') },
      user: { login: 'contributor', type: 'User' },
    },
    repository: repo('octo/repo'),
    sender: { login: 'contributor', type: 'User' },
  }
}
