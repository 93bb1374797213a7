/**
 * Where the characters of a shell word's value come from in the script (see {@link ShellWord.runs}): noted as the
 * tokenizer and `env -S` build a word, and read back in order. Pure.
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

/**
 * Where the characters of a word's value come from, noted as they are appended (see {@link ShellWord.runs}): for the
 * tokenizer's words and for the arguments `env -S` splits a word into. The array is made only once the value stops
 * being a plain copy of the script.
 */
export class SourceRuns {
  /** The runs before the one being extended, once there are any. */
  private runs: number[] | undefined
  /** The run being extended starts at `runValue` in the value and `runSource` in the script. */
  private runValue = 0
  private runSource: number

  /** For a word written from script offset `start`. */
  constructor(start = 0) {
    this.runSource = start
  }

  /** Starts a new word, written from script offset `start`. */
  reset(start: number): void {
    this.runs = undefined
    this.runValue = 0
    this.runSource = start
  }

  /** Notes that the value's next character, at index `length`, comes from script offset `at`. */
  note(length: number, at: number): void {
    if (length === this.runValue) {
      // The word has no character yet (a later run always gets its first character at once): it starts here.
      this.runSource = at
    } else if (at !== this.runSource + (length - this.runValue)) {
      this.runs ??= [this.runValue, this.runSource]
      this.runs.push(length, at)
      this.runValue = length
      this.runSource = at
    }
  }

  /** The runs of a word written from script offset `start`: undefined when its value is the script's text from there on. */
  take(start: number): number[] | undefined {
    return this.runs ?? (this.runSource === start ? undefined : [0, this.runSource])
  }
}
