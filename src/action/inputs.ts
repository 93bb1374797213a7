/**
 * The action's inputs, read in one place and validated with clear errors (`UsageError`), and the paths it may
 * read and write: everything must lie inside the workspace. No `@actions/*` here: inputs come in through a getter.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { oneOf, UsageError } from '../core/errors.js'
import { isInside } from '../project/discover.js'
import type { FailOn } from '../config/types.js'
import { parseShard, type Shard } from '../project/shard.js'

export type PrReview = 'off' | 'comments' | 'suggestions'
export type Scope = 'all' | 'changed'

/** Validated inputs. Paths are absolute and inside `workspace`. */
export interface ActionInputs {
  /** The real path of the workspace (GITHUB_WORKSPACE, else the current folder). */
  readonly workspace: string
  readonly paths: readonly string[]
  /** Globs of the `paths` input (such as `src/**` + `/Dockerfile`), relative to the workspace; files must match one. */
  readonly globs: readonly string[]
  /** The `baseline` input as an absolute path in the workspace. */
  readonly baselineFile?: string
  /** Whether `fail-on` was given; when not, the config's `fail-on` applies. */
  readonly failOnGiven: boolean
  readonly runners: readonly string[]
  /** Where `runners` came from: the input, or nowhere (the job's own host is never guessed). */
  readonly runnerSource: 'input' | 'none'
  readonly environment?: string
  readonly failOn: FailOn
  readonly annotations: boolean
  readonly checkRun: boolean
  readonly summary: boolean
  readonly sarifFile: string
  readonly prReview: PrReview
  readonly scope: Scope
  /** Check only this share of the files (input `shard`, `i/n`). */
  readonly shard?: Shard
  /** Never printed. '' when no token was given. */
  readonly token: string
}

/** The defaults of action.yml, applied again here so the action behaves the same when run without the runner. */
export const INPUT_DEFAULTS = {
  paths: '.',
  'fail-on': 'error',
  annotations: 'true',
  'check-run': 'true',
  summary: 'true',
  'sarif-file': 'isolint.sarif',
  'pr-review': 'off',
  scope: 'all',
} as const

export type GetInput = (name: string) => string
export type Env = Readonly<Record<string, string | undefined>>

function input(get: GetInput, name: string): string {
  const value = get(name).trim()
  return value !== '' ? value : ((INPUT_DEFAULTS as Record<string, string>)[name] ?? '')
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function bool(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new UsageError(`input '${name}' must be true or false, got '${value}'`)
}

/**
 * Splits the `paths` input: one path per line when it has several lines (so a path may hold spaces), else one
 * path per space-separated word.
 */
export function splitPaths(value: string): string[] {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  return lines.length > 1 ? lines : value.split(/\s+/).filter(Boolean)
}

/** The real path of the workspace: GITHUB_WORKSPACE, else `cwd`. */
export function workspaceOf(env: Env, cwd: string): string {
  const dir = env.GITHUB_WORKSPACE || cwd
  try {
    return realpathSync(dir)
  } catch {
    throw new UsageError(`the workspace ${dir} does not exist: check out the repository before this step`)
  }
}

/** Resolves a path input against the workspace; refuses one that lies outside it (also through a link). */
export function resolveInWorkspace(workspace: string, value: string, what: string): string {
  const abs = path.resolve(workspace, value)
  if (!isInside(workspace, abs)) throw new UsageError(`${what} '${value}' is outside the workspace ${workspace}`)
  if (existsSync(abs)) {
    const real = realpathSync(abs)
    if (!isInside(workspace, real)) {
      throw new UsageError(`${what} '${value}' leads outside the workspace (through a link)`)
    }
  }
  return abs
}

/**
 * The `config` input as an absolute path in the workspace; undefined when not given (then `.isolint.yml` at the
 * root, if any). Read before the other inputs: the config's runner labels are known hosts for the `runner` input.
 */
export function configInputFile(get: GetInput, workspace: string): string | undefined {
  const value = get('config').trim()
  return value !== '' ? resolveInWorkspace(workspace, value, "input 'config'") : undefined
}

/**
 * Resolves a file the action writes: inside the workspace, its nearest existing folder inside too (no link out),
 * and not itself a link or a folder, so a repository cannot make the action write elsewhere.
 */
export function resolveOutputFile(workspace: string, value: string, what: string): string {
  const abs = resolveInWorkspace(workspace, value, what)
  let dir = path.dirname(abs)
  while (!existsSync(dir) && isInside(workspace, path.dirname(dir)) && dir !== path.dirname(dir)) dir = path.dirname(dir)
  if (existsSync(dir) && !isInside(workspace, realpathSync(dir))) {
    throw new UsageError(`${what} '${value}' leads outside the workspace (through a link)`)
  }
  let stat
  try {
    stat = lstatSync(abs)
  } catch {
    return abs
  }
  if (stat.isSymbolicLink()) throw new UsageError(`${what} '${value}' is a symbolic link; refusing to write through it`)
  if (stat.isDirectory()) throw new UsageError(`${what} '${value}' is a folder; give a file name`)
  return abs
}

/** A `paths` word with glob characters (picomatch syntax). */
export function isGlob(word: string): boolean {
  return /[*?[\]{}]/.test(word)
}

/**
 * Reads and validates every input. `knownHost` says whether a runner label or build is known to the knowledge
 * base; a `runner` input the base does not know is an error. With no `runner` input, files no workflow reaches are
 * checked against no host: the job's own runner says nothing about where they run.
 */
export function readInputs(get: GetInput, env: Env, cwd: string, knownHost: (label: string) => boolean): ActionInputs {
  const workspace = workspaceOf(env, cwd)
  const baselineInput = get('baseline').trim()
  const baselineFile = baselineInput !== '' ? resolveInWorkspace(workspace, baselineInput, "input 'baseline'") : undefined
  const words = splitPaths(input(get, 'paths'))
  // A word with glob characters is a glob over the workspace (src/*/Dockerfile), not a path.
  const globs = words.filter(isGlob).map((g) => {
    if (path.isAbsolute(g) || g.split('/').includes('..')) throw new UsageError(`input 'paths': glob '${g}' must be relative to the workspace`)
    return g.replace(/^\.\//, '')
  })
  const plain = words.filter((w) => !isGlob(w)).map((p) => resolveInWorkspace(workspace, p, 'path'))
  const paths = globs.length > 0 && plain.length === 0 ? [workspace] : plain
  const failOn = oneOf<FailOn>("input 'fail-on'", input(get, 'fail-on'), ['error', 'warning', 'note', 'none'])
  const prReview = oneOf<PrReview>("input 'pr-review'", input(get, 'pr-review'), ['off', 'comments', 'suggestions'])
  const scope = oneOf<Scope>("input 'scope'", input(get, 'scope'), ['all', 'changed'])
  const annotations = bool('annotations', input(get, 'annotations'))
  const checkRun = bool('check-run', input(get, 'check-run'))
  const summary = bool('summary', input(get, 'summary'))
  const sarifFile = resolveOutputFile(workspace, input(get, 'sarif-file'), 'sarif-file')

  const given = get('runner')
    .split(/[\s,]+/)
    .filter(Boolean)
  for (const r of given) {
    if (!knownHost(r)) {
      throw new UsageError(
        `input 'runner': unknown runner '${r}'; give a hosted runner label (windows-2022, windows-2025) ` +
          'or a Windows build (10.0.20348)',
      )
    }
  }
  const runners: string[] = given
  const runnerSource: ActionInputs['runnerSource'] = given.length > 0 ? 'input' : 'none'
  const shardText = get('shard').trim()
  let shard: Shard | undefined
  try {
    shard = shardText !== '' ? parseShard(shardText) : undefined
  } catch (e) {
    throw new UsageError(`input 'shard': ${(e as Error).message.replace(/^--shard /, '')}`)
  }
  const environment = get('environment').trim()
  if (/\p{Cc}/u.test(environment)) throw new UsageError("input 'environment' must be one line of text")
  return {
    workspace,
    paths,
    globs,
    ...(baselineFile !== undefined ? { baselineFile } : {}),
    failOnGiven: get('fail-on').trim() !== '',
    runners,
    runnerSource,
    ...(environment !== '' ? { environment } : {}),
    failOn,
    annotations,
    checkRun,
    summary,
    sarifFile,
    prReview,
    scope,
    ...(shard !== undefined ? { shard } : {}),
    token: get('github-token').trim(),
  }
}
