/**
 * Where the characters of a shell word's value come from in the script (see {@link ShellWord.runs}), read back in
 * order. Pure.
 */
import type { ShellWord } from './shell.js'

/**
 * The script offset of each character of a word's value (as `sourceOffset` in shell.ts gives one), for indexes read in
 * increasing order (as a reader of the value goes): each call resumes at the run the last one found, so reading a
 * whole word is linear in its length and its runs.
 */
export function offsetsOf(word: ShellWord): (index: number) => number {
  const runs = word.runs
  const start = word.start
  if (runs === undefined) return (index) => start + index
  let k = 0
  return (index) => {
    // An index before the run last found (never, reading in order): look from the first run again.
    if (runs[k]! > index) k = 0
    while (k + 2 < runs.length && runs[k + 2]! <= index) k += 2
    return runs[k + 1]! + (index - runs[k]!)
  }
}
