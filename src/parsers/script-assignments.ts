/**
 * The environment names a script assigns itself: after such an assignment, the script's `$NAME` (`$env:NAME`,
 * `%NAME%`) is what the script set, not what the CI exported, and isolint leaves it unknown. Found anywhere in the
 * script (before or after the command that reads it: unknown either way, never the exported value). Pure.
 *
 * - sh/bash: `NAME=…`, `export`/`local`/`declare`/`readonly`/`typeset NAME=…` at the start of a command, `read … NAME`,
 *   `for NAME in`, `select NAME in`, `printf -v NAME`, `getopts … NAME`;
 * - PowerShell: `$env:NAME =` (and `+=` …), `${env:NAME} =`, `Set-Item`/`New-Item env:NAME`,
 *   `[Environment]::SetEnvironmentVariable('NAME'`; its own `$NAME` is never the environment (see
 *   workflow-expressions `powershell`);
 * - cmd: `set NAME=`, `set "NAME=`, `set /a NAME=`, `set /p NAME=`.
 */
import type { ShellDialect } from './shell.js'

/** Where a command starts in sh: a line, or after `;`, `&`, `|`, `(`, `{`, `!`, `then`, `do`, `else`, `if`, `while`. */
const POSIX_START = /(?:^|[;&|(){}!]|\b(?:then|do|else|elif|if|while|until)\b)[ \t]*/.source
const NAME = /([A-Za-z_][A-Za-z0-9_]*)/.source
/** A word of sh, roughly: quoted pieces, `$(…)`, backquotes, `${…}`, other characters up to a blank or operator. */
const POSIX_VALUE = /(?:"(?:[^"\\]|\\.)*"|'[^']*'|\$\([^)\n]*\)|`[^`\n]*`|\$\{[^}\n]*\}|[^\s;&|'"`])*/.source

/**
 * `NAME=value` at the start of a command, alone (`TAG=x docker run …:$TAG` only gives `docker` its environment: the
 * shell expands `$TAG` before), or after `export` and the like. Group 3: what follows on the line.
 */
const POSIX_ASSIGNMENT = new RegExp(
  `${POSIX_START}(?:(export|local|declare|readonly|typeset)(?:[ \\t]+-[A-Za-z]+)*[ \\t]+)?${NAME}(?:\\[[^\\]\\n]*\\])?\\+?=${POSIX_VALUE}` +
    /(?=[ \t]*([A-Za-z_][A-Za-z0-9_]*\+?=|[^ \t]?))/.source,
  'gm',
)
const POSIX: readonly RegExp[] = [new RegExp(`\\b(?:for|select)[ \\t]+${NAME}[ \\t]+in\\b`, 'g'), new RegExp(`\\bprintf[ \\t]+-v[ \\t]+${NAME}`, 'g')]
/** `read [options] NAME…` and `getopts optstring NAME`: every plain word after them, to the end of the command. */
const POSIX_READ = new RegExp(`${POSIX_START}(?:read|getopts)\\b([^;&|\\n]*)`, 'gm')

const POWERSHELL: readonly RegExp[] = [
  /\$\{?env:([A-Za-z_][A-Za-z0-9_]*)\}?[ \t]*(?:[-+*/%]|\?\?)?=(?!=)/gi,
  /\b(?:Set-Item|New-Item|Set-Content|Add-Content)\b[^\n;|]*?\benv:[\\/]?([A-Za-z_][A-Za-z0-9_]*)/gi,
  /SetEnvironmentVariable\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/gi,
]

const CMD: readonly RegExp[] = [/\bset[ \t]+(?:\/[ap][ \t]+)?"?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/gi]

/** The names `script` assigns, read in `dialect` (each once, as written). */
export function assignedNames(script: string, dialect: ShellDialect): string[] {
  const names = new Set<string>()
  const scan = (patterns: readonly RegExp[]): void => {
    for (const re of patterns) for (const m of script.matchAll(re)) names.add(m[1]!)
  }
  if (dialect === 'posix') {
    if (!script.includes('=') && !/\b(?:for|select|printf|read|getopts)\b/.test(script)) return []
    scan(POSIX)
    for (const m of script.matchAll(POSIX_ASSIGNMENT)) {
      // Followed by a command on its line: a prefix, unless a keyword (`export`) made it an assignment. Followed by
      // another assignment: one of several (or prefixes of a command after them: unknown all the same).
      if (m[1] !== undefined || m[3] === '' || m[3]!.endsWith('=') || /^[;&|#)}\r\n]/.test(m[3]!)) names.add(m[2]!)
    }
    for (const m of script.matchAll(POSIX_READ)) {
      for (const w of m[1]!.split(/[ \t]+/)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(w)) names.add(w)
    }
  } else if (dialect === 'powershell') {
    if (!/env:|SetEnvironmentVariable/i.test(script)) return []
    scan(POWERSHELL)
  } else {
    if (!/\bset\b/i.test(script)) return []
    scan(CMD)
  }
  return [...names]
}
