/**
 * What the recipes `make` runs write to `GITHUB_ENV` (`tag:` / `echo "TAG=ltsc2022" >> $$GITHUB_ENV`), for the later
 * steps of the job. The recipe lines are read as the shell gets them (make has turned `$$` into `$`) with
 * githubEnvWrites; `$(GITHUB_ENV)` is make's reference to the environment variable, so the file too.
 *
 * A value isolint cannot expand (`$(shell …)`, a variable nobody sets) is kept by the evaluator as a `$(NAME)`
 * marker. Where the Makefiles (or the values the environment gives make) name the file, such a marker in a
 * redirection target or in a command's program, a `$(shell …)`, or a recipe left out as unknown may write it: every
 * variable is then unknown. Where nothing names the file, nothing can write it.
 */
import { EVERY_NAME, githubEnvWrites, onlyReads, type EnvWrites } from '../parsers/github-env.js'
import type { MakeRun, Txt } from '../parsers/makefile.js'
import { scanScript, type ShellWord } from '../parsers/shell.js'

/**
 * Whether a Makefile assigns GITHUB_ENV (`GITHUB_ENV = x`, `:=`, `+=`, `!=`, `override`, a target's own value, a
 * recipe's `GITHUB_ENV=x cmd`): make exports the variable it got from the environment with the Makefile's value, so
 * the recipes may write elsewhere, or the file through a path isolint cannot follow. `?=` is not one: the runner
 * always sets GITHUB_ENV, so the default never applies.
 */
export function assignsGithubEnv(text: string): boolean {
  return /(?<![\w${(])GITHUB_ENV[ \t]*(?::{1,3}|\+|!)?=/.test(text)
}

/** The evaluator's marker for `$(GITHUB_ENV)` / `${GITHUB_ENV}` (the environment variable, unknown to make). */
const FILE_MARKER = '$(GITHUB_ENV)'

/**
 * The writes of the recipe lines of `run`; `namesFile` says whether the Makefiles read or the environment name the
 * file at all (see mentionsGithubEnv). Undefined when they write nothing.
 */
export function recipeEnvWrites(run: MakeRun, namesFile: boolean): EnvWrites | undefined {
  if (!namesFile) return undefined
  // A recipe left out because it depends on something unknown, or an evaluation that stopped, may write the file.
  if (run.unknown.length > 0 || run.lines.length === 0) return EVERY_NAME
  const texts: string[] = []
  let unreadable = false
  for (const line of run.lines) {
    const shell = shellText(line.text)
    texts.push(shell.text)
    if (shell.runsShell || writesThroughUnknown(shell)) unreadable = true
  }
  if (unreadable) return EVERY_NAME
  return githubEnvWrites(texts.join('\n'), 'posix')
}

interface ShellText {
  readonly text: string
  /** Offset ranges of `text` that hold values isolint cannot know. */
  readonly unknown: readonly (readonly [number, number])[]
  /** The line calls `$(shell …)`, which runs a command while make expands the recipe. */
  readonly runsShell: boolean
}

/** A recipe line as its shell runs it: without make's `@`, `-` and `+` prefixes, `$(GITHUB_ENV)` as `$GITHUB_ENV`. */
function shellText(t: Txt): ShellText {
  let i = 0
  while (i < t.s.length && !t.loc[i]?.unknown && /[\s@+-]/.test(t.s[i]!)) i++
  let text = ''
  const unknown: [number, number][] = []
  let runsShell = false
  while (i < t.s.length) {
    const at = t.loc[i]
    if (!at?.unknown) {
      text += t.s[i++]
      continue
    }
    // One marker: the characters that share its location.
    let j = i + 1
    while (j < t.s.length && t.loc[j] === at) j++
    const marker = t.s.slice(i, j)
    if (marker === FILE_MARKER) text += '$GITHUB_ENV'
    else {
      if (marker.startsWith('$(shell ')) runsShell = true
      unknown.push([text.length, text.length + marker.length])
      text += marker
    }
    i = j
  }
  return { text, unknown, runsShell }
}

/**
 * A value isolint cannot know where it may be the file written (`>> $(ENV_FILE)`), or in a command that may write
 * what it names (`tee -a $(ENV_FILE)`, `cp tag.env $(ENV_FILE)`, `$(SET_TAG)`): any command but a known reader.
 */
function writesThroughUnknown(line: ShellText): boolean {
  if (line.unknown.length === 0) return false
  const { commands, redirections } = scanScript(line.text, 'posix')
  const isUnknown = (w: ShellWord | undefined): boolean => w !== undefined && line.unknown.some(([s, e]) => s < w.end && w.start < e)
  if (redirections.some((r) => r.op.includes('>') && isUnknown(r.target))) return true
  return commands.some((words) => {
    const k = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value))
    const command = k < 0 ? [] : words.slice(k)
    return command.some(isUnknown) && !onlyReads(command)
  })
}
