import type { Located, Span } from '../core/span.js'
import type { Mount } from './mount.js'

/**
 * A word of a shell command or an action input, quotes removed, with `${{ … }}` expressions and shell
 * variables kept as written. Expansion happens later, per matrix combination (see core/expressions.ts).
 */
export interface Word {
  readonly value: string
  readonly span: Span
}

/** A model object while a parser builds it key by key (absent optional keys stay absent, no spreads). */
export type Writable<T> = { -readonly [K in keyof T]: T[K] }

export interface BuildArg {
  readonly name: string
  /** undefined for `--build-arg NAME` (value taken from the environment). */
  readonly value?: string
  readonly span: Span
}

/**
 * What the prefixes of a simple command (`X=1`, `env X=1`, `sudo -E`) do to the environment the command sees, in the
 * model's words. Absent when they do nothing (most commands).
 */
export interface CommandPrefix {
  /** Variables the command certainly sees as written (`X=1 make`, `sudo X=1 make`, `X=1 sudo -E make`), in order. */
  readonly assignments?: readonly Word[]
  /**
   * Set when `sudo` starts the command without `-E`: whether the step's variables and those assigned before `sudo`
   * reach the command depends on the host's sudoers policy (env_reset, env_keep), which isolint cannot see. Their
   * values are unknown to the command, except the names `--preserve-env=A,B` keeps.
   */
  readonly envReset?: { readonly keep: readonly string[]; readonly dropped: readonly Word[] }
  /**
   * Set when `env -i` (or `env -`) starts the command with an empty environment: the step's variables and those
   * assigned before are unset (not unknown: `env` removes them whatever the host's policy), and only what is assigned
   * after (`assignments`, `envReset.dropped`) is set.
   */
  readonly envCleared?: true
  /** Variables `env -u NAME` (`--unset=NAME`) removes: unset for the command, unless assigned after. */
  readonly unset?: readonly string[]
  /**
   * Set when `sudo` or `env` runs the command in another folder (`sudo -i`, `--login`, `-D`, `--chdir`; `env -C`,
   * `--chdir`): the paths it names are unknown (an image named in full is the same in any folder).
   */
  readonly moved?: true
  /**
   * The folder a script's own changes of folder left the command in, where they are certain (`cd app`, `pushd
   * ..\\x`, `Set-Location -Path $env:DIR`; see parsers/folder-changes.ts); absent when the script did not move.
   */
  readonly chdir?: FolderChange
}

/**
 * Where a script's folder changes took a command: the folders to join, in order, to the folder the script starts in
 * (with backslashes as separators too in PowerShell and cmd: `windows`), or `'unknown'` after a change isolint does not
 * follow (in a subshell or block, after `||`, to an absolute path, …).
 *
 * After a move to the script's own folder (`cd "$(dirname "$0")"`, `Set-Location $PSScriptRoot`, `cd /d %~dp0`; see
 * parsers/folder-changes.ts), the folders are joined to that folder instead: the parser sets `self` (the form that
 * named it), and the reader of a script file whose path it knows (project/follow-script.ts) replaces it with `from`,
 * the file's folder, where the form certainly names it. A change with `self` still set is unknown (an inline script,
 * a recipe: `$0` there is no file of the tree).
 */
export type FolderChange =
  | { readonly dirs: readonly Word[]; readonly windows: boolean; readonly self?: ScriptFolderForm; readonly from?: string }
  | 'unknown'

/**
 * How a script named its own folder: sh's `$(dirname "$0")` (`'$0'`, `'$0 unquoted'` when word splitting applies to
 * it), bash's `$(dirname "${BASH_SOURCE[0]}")`, PowerShell's `$PSScriptRoot`, cmd's `%~dp0`.
 */
export type ScriptFolderForm = '$0' | '$0 unquoted' | 'BASH_SOURCE' | 'BASH_SOURCE unquoted' | 'PSScriptRoot' | '%~dp0'

/**
 * Where a command's place in its script lets it run (parsers/os-guards.ts): under a test of the operating system
 * (`if [ "$RUNNER_OS" = Linux ]`, `case "$(uname -s)" in`, PowerShell's `if ($IsWindows)`), or of a value the linker
 * may know for each leg (`case "$1" in`, `[ "$TARGET" = a ]`), in a function the script calls only so (or never). The
 * linker works it out for each host (os-guards.ts `guardRuns`). A constant: `shared`, a test isolint cannot decide but
 * that gives the same on every host (`[ "$(date +%u)" = 1 ]`); `maybe`, one that may differ from host to host (a test
 * of the OS it cannot read, a function the script never calls).
 */
export type OsGuard =
  | 'yes'
  | 'no'
  | 'shared'
  | 'maybe'
  /**
   * The probe's value matches the pattern (a glob when `glob`, else the literal; without case when `ignoreCase`).
   * `unquoted`: a `value:` probe the shell splits or reads as a pattern there (`[ $T = a ]`, `[[ a == $T ]]`): a value
   * that is empty, or holds blanks or glob characters, is undecided.
   */
  | { readonly probe: OsProbe; readonly pattern: string; readonly glob?: true; readonly ignoreCase?: true; readonly unquoted?: true }
  | { readonly not: OsGuard }
  | { readonly all: readonly OsGuard[] }
  | { readonly any: readonly OsGuard[] }

/**
 * What a script reads the operating system from (os-guards.ts `PROBES`), or a workflow's `${{ matrix.key }}` written
 * in the script (`matrix:` and the expression as written), which the linker expands for each leg; or a variable the
 * script does not assign itself (`value:` and the variable as written, quotes removed: `$T`, `${1:-}`,
 * `$env:TARGET`), which the linker expands in the command's scope (the step's environment, a followed script's
 * arguments): a test of one it cannot expand is the same on every host (`shared`), not unknown.
 */
export type OsProbe = 'RUNNER_OS' | 'AGENT_OS' | 'uname' | 'OSTYPE' | 'IsLinux' | 'IsWindows' | 'IsMacOS' | `matrix:${string}` | `value:${string}`

interface CommandBase extends CommandPrefix {
  /** Span of the whole command, from `docker` to the last word. */
  readonly span: Span
  /**
   * The engine the command names with docker's `-H`/`--host` or `-c`/`--context` (`docker --context win run …`),
   * the value as written: absent for the engine of the environment (project/link.ts `otherEngine`).
   */
  readonly engine?: Word
  /** `docker buildx --builder x build` / `docker buildx build --builder x`: the builder, the value as written. */
  readonly builder?: Word
  /** Set when a test of the OS in its script (or a function never called) keeps it off some hosts (see OsGuard). */
  readonly os?: OsGuard
}

/** `docker build`, `docker buildx build`, `docker image build`, or a `docker/build-push-action` step. */
export interface DockerBuildCommand extends CommandBase {
  readonly type: 'build'
  readonly file?: Word
  readonly context?: Word
  readonly tags: readonly Word[]
  readonly buildArgs: readonly BuildArg[]
  readonly isolation?: Word
  readonly platform?: Word
  readonly target?: Word
}

/** `docker run` / `docker create` (also `docker container run|create`). */
export interface DockerRunCommand extends CommandBase {
  readonly type: 'run' | 'create'
  readonly image?: Word
  /**
   * A word up to the image that expands to any number of words, options or not (`"${OPTS[@]}"`, `"$@"`, PowerShell
   * `@args`): which word is the image, and what the options say, are unknown; `image` is then absent.
   */
  readonly spread?: Word
  readonly isolation?: Word
  readonly platform?: Word
  /** `-v`/`--volume` and `--mount` sources, in order. */
  readonly mounts?: readonly Mount[]
}

/** `docker pull`: starts no container, but a pull of a newer Windows image already fails. */
export interface DockerPullCommand extends CommandBase {
  readonly type: 'pull'
  readonly image?: Word
  /** As {@link DockerRunCommand.spread}. */
  readonly spread?: Word
  readonly platform?: Word
}

/**
 * `docker tag SRC DST` / `docker image tag SRC DST`: starts no container, but DST names SRC's image from here on.
 * Both absent when a word up to them expands to any number of words (`"$@"`, `@args`): which words they are is unknown.
 */
export interface DockerTagCommand extends CommandBase {
  readonly type: 'tag'
  readonly source?: Word
  readonly target?: Word
}

/** `docker compose …` / `docker-compose …`. */
export interface DockerComposeCommand extends CommandBase {
  readonly type: 'compose'
  readonly files: readonly Word[]
  readonly subcommand?: string
  /** `--profile` values. */
  readonly profiles?: readonly Word[]
  /** `--env-file` values. */
  readonly envFiles?: readonly Word[]
  /** Services named after the subcommand (`up -d web db`, `run web cmd…`: only `web`). */
  readonly services?: readonly Word[]
  /** `build --build-arg`: over the build args of every service it builds. */
  readonly buildArgs?: readonly BuildArg[]
  /** `up|create --scale SERVICE=NUM` values: over the service's `scale` and `deploy.replicas`. */
  readonly scales?: readonly Word[]
}

export type DockerCommand = DockerBuildCommand | DockerRunCommand | DockerPullCommand | DockerTagCommand | DockerComposeCommand

export interface Step {
  readonly index: number
  /** Span of the step's first key (the `- name:` / `- run:` line). */
  readonly span: Span
  readonly name?: string
  readonly uses?: Located<string>
  readonly run?: Located<string>
  readonly shell?: string
  readonly workingDirectory?: string
  readonly env: ReadonlyMap<string, string>
  /** Docker commands found in `run:` (or the build-push-action inputs), in order. */
  readonly commands: readonly DockerCommand[]
  /**
   * When the step names no shell, the script read both ways; the linker picks by the runner's OS (PowerShell is
   * the default shell on Windows runners, bash elsewhere). `commands` then holds the parser's best guess.
   */
  readonly commandsByDialect?: Readonly<Record<'posix' | 'powershell', readonly DockerCommand[]>>
  /** An `actions/checkout` step: the `ref` and `repository` inputs it checks out, as written. */
  readonly checkout?: Checkout
  /** The step's `if:` condition as written. */
  readonly condition?: Located<string>
}

/**
 * A container GitHub starts before the job's first step: the job's `container:` or one of its `services:`. GitHub
 * starts them only on Linux runners.
 */
export interface JobContainer {
  /** The image as written (the string form, or `image:` of the mapping form); expressions expanded per combination. */
  readonly image: Located<string>
  /** Where the fix goes: the `container` key, or the service's name. */
  readonly span: Span
  /** The service's name (its network alias); absent for the job container. */
  readonly service?: string
}

/** What an `actions/checkout` step checks out (absent inputs: the commit of the event). */
export interface Checkout {
  /** The `uses:` value (`actions/checkout@v4`). */
  readonly span: Span
  readonly ref?: Located<string>
  readonly repository?: Located<string>
}

/** An event of the workflow's `on:` (`push`, `pull_request_target`), with where it is written. */
export type Trigger = Located<string>

/**
 * A matrix combination's values as text (what `${{ matrix.x }}` gives), with the keys whose YAML value is a boolean,
 * a number or null rather than a string (by lower-case key): `flag: false` is falsy, `flag: 'false'` truthy.
 */
export class MatrixValues extends Map<string, string> {
  /** Lower-case keys of the values that are not strings (set on the first such value: no field otherwise). */
  declare typed?: Set<string>
}

export interface Job {
  readonly id: string
  /** Span of the job's key. */
  readonly span: Span
  /** The runs-on labels as written (a string gives one label); empty when absent or not understood. */
  readonly runsOn: readonly Located<string>[]
  /** Span of the `runs-on` value, where a pinned label goes. */
  readonly runsOnSpan?: Span
  readonly environment?: Located<string>
  /** Matrix combinations after include/exclude; a single empty combination when there is no matrix. */
  readonly matrix: readonly ReadonlyMap<string, string>[]
  /** For each combination, where each of its values is written (for findings on a matrix value). */
  readonly matrixSpans?: readonly ReadonlyMap<string, Span>[]
  /** Workflow-level env merged with job-level env. */
  readonly env: ReadonlyMap<string, string>
  readonly defaultShell?: string
  /** `uses: ./.github/workflows/x.yml` — a reusable workflow call. */
  readonly usesWorkflow?: Located<string>
  /** The job's `if:` condition as written. */
  readonly condition?: Located<string>
  /** `container:` (string or mapping with `image`); absent when not written or not understood (an expression). */
  readonly container?: JobContainer
  /** `services:`, in order; absent when there are none isolint can read. */
  readonly services?: readonly JobContainer[]
  readonly steps: readonly Step[]
}

export interface WorkflowModel {
  readonly kind: 'workflow'
  readonly file: string
  readonly jobs: readonly Job[]
  /** The events of `on:` (string, list or mapping form); empty when absent or not understood. */
  readonly triggers?: readonly Trigger[]
}
