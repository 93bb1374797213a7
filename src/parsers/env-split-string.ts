/**
 * `env -S STRING` (`--split-string`): the arguments env splits the string into, as GNU coreutils' env does (the
 * manual's "-S/--split-string syntax"; env.c `build_argv`), each with the script offsets of its characters. Pure.
 */
import type { ShellWord } from './shell.js'
import { offsetsOf, SourceRuns } from './source-runs.js'
import { LITERAL_DOLLAR } from './workflow-expressions.js'

/** The characters the C locale's isspace knows: they separate arguments outside quotes. */
const SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r'])

/**
 * Escapes that stand for one character, outside single quotes (`\_` and `\c` are read apart). `\$` is a `$` env
 * passes on as text: read where the shell passed env a `$` as it is (a {@link LITERAL_DOLLAR}); after a `$` the shell
 * expands, env sees the backslash before the variable's value, unknown.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '#': '#',
  [LITERAL_DOLLAR]: LITERAL_DOLLAR,
  "'": "'",
  '\\': '\\',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
}

/** An argument being split off: its value, and where its characters and its written text are in the script. */
interface Building {
  value: string
  readonly start: number
  end: number
  readonly runs: SourceRuns
}

/**
 * The arguments `value.slice(from)` of the shell word `word` splits into, in order: separated by whitespace outside
 * quotes; `'…'` keeps everything but `\\` and `\'`; `"…"` reads escapes; `\_` separates outside double quotes and is
 * a space inside them; `#` at the start of an argument, and `\c`, end the string. A `$` in single quotes is text:
 * the shell's own (a variable it expands before env runs) stays `$`, one the shell passed as it is stays a
 * {@link LITERAL_DOLLAR}, as `\$` gives one. Undefined when isolint cannot know the arguments, or env fails and runs
 * nothing: a `${NAME}` (its value in env's own environment), any other `$`, an escape env rejects, `\c` in double
 * quotes, a quote without its end.
 */
export function splitEnvString(word: ShellWord, from: number): ShellWord[] | undefined {
  const text = word.value
  // The script offset of character `i` of the word's value (read in order: linear in the word).
  const offset = offsetsOf(word)
  const out: ShellWord[] = []
  let single = false
  let double = false
  /** Whether the last character read separated arguments (the string starts as after one). */
  let sep = true
  let arg: Building | undefined
  /** Starts a new argument at character `i` after a separator (a quote starts one too, maybe empty). */
  const begin = (i: number): Building => {
    if (sep || !arg) {
      if (arg) out.push(finish(arg))
      const start = offset(i)
      arg = { value: '', start, end: start + 1, runs: new SourceRuns(start) }
      sep = false
    }
    return arg
  }
  /** Adds `c` to the argument, read from characters `i` to `last` of the word. */
  const add = (c: string, i: number, last = i): void => {
    const a = begin(i)
    const at = offset(last)
    a.runs.note(a.value.length, at)
    a.value += c
    a.end = at + 1
  }
  let i = from
  while (i < text.length) {
    const c = text[i]!
    if ((c === "'" && !double) || (c === '"' && !single)) {
      if (c === "'") single = !single
      else double = !double
      begin(i).end = offset(i) + 1
      i++
    } else if (SPACE.has(c) && !single && !double) {
      sep = true
      i++
    } else if (c === '#' && sep) {
      break
    } else if (c === '\\' && !(single && text[i + 1] !== '\\' && text[i + 1] !== "'")) {
      const next = text[i + 1]
      if (next === '_' && !double) sep = true
      else if (next === '_') add(' ', i, i + 1)
      else if (next === 'c' && !double) break
      else if (next !== undefined && ESCAPES[next] !== undefined) add(ESCAPES[next], i, i + 1)
      // `\c` in double quotes, a backslash at the end, any other escape: env fails.
      else return undefined
      i += 2
    } else if ((c === '$' || c === LITERAL_DOLLAR) && !single) {
      // `${NAME}` is a variable of env's environment; any other `$` is an error. (A `$` the shell expands: env sees
      // the variable's value, which may hold anything: unknown.)
      return undefined
    } else {
      add(c, i)
      i++
    }
  }
  // A quote left open is an error (`#` and `\c` end the string only outside quotes).
  if (single || double) return undefined
  if (arg) out.push(finish(arg))
  return out
}

/** The shell word of an argument: a word env runs no shell on, so never a keyword (as if quoted). */
function finish(a: Building): ShellWord {
  return { value: a.value, start: a.start, end: a.end, runs: a.runs.take(a.start), quoted: true }
}
