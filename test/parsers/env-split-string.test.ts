// `env -S STRING` split as GNU coreutils' env splits it, each argument with the script offsets of its characters.
import { describe, expect, it } from 'vitest'
import { splitEnvString } from '../../src/parsers/env-split-string.js'
import { sourceOffset, type ShellWord } from '../../src/parsers/shell.js'
import { LITERAL_DOLLAR as L } from '../../src/parsers/workflow-expressions.js'

/** The string as the only word of a script that is the string itself (offset i = character i). */
const split = (text: string): ShellWord[] | undefined => {
  const word: ShellWord = { value: text, start: 0, end: text.length, runs: undefined, quoted: false }
  return splitEnvString(word, 0)
}
const values = (text: string): string[] | undefined => split(text)?.map((w) => w.value)

describe('splitEnvString', () => {
  it('splits at whitespace outside quotes, keeps quoted text together, and an empty quoted argument', () => {
    expect(values(' a \t b\n\vc\f\rd ')).toEqual(['a', 'b', 'c', 'd'])
    expect(values(`a "b c" 'd e'f`)).toEqual(['a', 'b c', 'd ef'])
    expect(values(`a '' ""`)).toEqual(['a', '', ''])
    expect(values('')).toEqual([])
    expect(values('   ')).toEqual([])
  })

  it('reads the escapes GNU env knows, in single quotes only \\\\ and \\\'', () => {
    // `\$` as env reads it: the shell passed env the `$` as it is (a literal mark, kept as one).
    expect(values(['\\"', '\\#', `\\${L}`, "\\'", '\\\\', 'a\\tb'].join(' '))).toEqual(['"', '#', L, "'", '\\', 'a\tb'])
    expect(values(String.raw`'a\tb\\c\'d'`)).toEqual(['a\\tb\\c\'d'])
    expect(values(`"a\\tb\\${L}"`)).toEqual([`a\tb${L}`])
    expect(values(String.raw`a\_b "c\_d"`)).toEqual(['a', 'b', 'c d'])
  })

  it('ends the string at # starting an argument and at \\c outside double quotes', () => {
    expect(values('a # b c')).toEqual(['a'])
    expect(values('a#b "#c"')).toEqual(['a#b', '#c'])
    expect(values(String.raw`a b\c d`)).toEqual(['a', 'b'])
    expect(values(String.raw`'a\c'`)).toEqual(['a\\c'])
  })

  it('is undefined where env substitutes a variable or fails', () => {
    for (const text of ['${A}', '"${A}"', '$A', 'a$', `${L}A`, `"${L}{A}"`, '"a', "'a", String.raw`\q`, String.raw`"\c"`, 'a\\']) {
      expect(split(text), text).toBeUndefined()
    }
    // A backslash before a `$` the shell expands: env sees the variable's value after it, unknown.
    expect(split('\\$A')).toBeUndefined()
    // A $ in single quotes is text: the shell's (expanded before env runs) stays a `$`, a literal one stays literal.
    expect(values("'$A'")).toEqual(['$A'])
    expect(values(`'${L}A'`)).toEqual([`${L}A`])
  })

  it('gives each character of an argument the script offset it is read from', () => {
    const text = String.raw`x "a b"c\tz 'q\\r' plain`
    const words = split(text)!
    expect(words.map((w) => [w.value, text.slice(w.start, w.end)])).toEqual([
      ['x', 'x'],
      ['a bc\tz', String.raw`"a b"c\tz`],
      ['q\\r', String.raw`'q\\r'`],
      ['plain', 'plain'],
    ])
    // Every character comes from its place in the script (an escape from the character after its backslash).
    const escaped = new Map([['\t', 't']])
    for (const w of words) {
      for (let i = 0; i < w.value.length; i++) expect(text[sourceOffset(w, i)], `${w.value}[${i}]`).toBe(escaped.get(w.value[i]!) ?? w.value[i])
    }
    expect(words[3]!.runs).toBeUndefined()
  })
})
