import { describe, expect, it } from 'vitest'
import { cmdVariablesAsEnv, cmdVariableText, showCmdVariables } from '../../src/core/cmd-variable-text.js'
import { sourceOffset, splitCommands, type ShellDialect } from '../../src/parsers/shell.js'
import { expandValue, shownText, type ExpansionContext } from '../../src/parsers/workflow-expressions.js'

/** The value of word `index` of the first command of `script`. */
const word = (script: string, index: number, dialect: ShellDialect = 'cmd') => splitCommands(script, dialect)[0]![index]!
const ctx = (env: Record<string, string> = {}, more: Partial<ExpansionContext> = {}): ExpansionContext => ({
  matrix: new Map(),
  env: new Map(Object.entries(env)),
  ...more,
})

describe("cmd's %NAME% in a word's value: expanded as ${env:NAME}, shown as written", () => {
  it('is ${env:NAME} with its { marked: the same length, every other character in its place', () => {
    const marked = cmdVariableText('Tag')
    const env = '${env:Tag}'
    expect(marked).toHaveLength(env.length)
    expect([...marked].filter((c, k) => c !== env[k])).toEqual(['\uE004'])
    expect(cmdVariablesAsEnv(`a:${marked}-${marked}`)).toBe('a:${env:Tag}-${env:Tag}')
    expect(showCmdVariables(`a:${marked}-${marked}`)).toBe('a:%Tag%-%Tag%')
    // Text without a mark is returned as it is.
    expect(showCmdVariables('a:${env:Tag}')).toBe('a:${env:Tag}')
  })

  it('expands a word as ${env:NAME} would (names without case) and reports one with no value as written', () => {
    const w = word('docker run img:%tag%-x', 2)
    expect(shownText(w.value)).toBe('img:%tag%-x')
    expect(expandValue(w.value, ctx({ TAG: 'ltsc2019' }))).toEqual({ value: 'img:ltsc2019-x', unresolved: [] })
    expect(expandValue(w.value, ctx())).toEqual({ unresolved: ['%tag%'] })
    // The same as PowerShell's ${env:tag}, in every context: a name the script assigns itself is unknown too.
    for (const c of [ctx({ TAG: 'ltsc2019' }), ctx(), ctx({ TAG: 'ltsc2019' }, { assigned: new Set(['Tag']) }), ctx({ TAG: '${{ matrix.x }}' })]) {
      const asEnv = expandValue('img:${env:tag}-x', c)
      const got = expandValue(w.value, c)
      expect(got.value).toBe(asEnv.value)
      expect(got.unresolved).toEqual(asEnv.unresolved.map((u) => (u === '${env:tag}' ? '%tag%' : u)))
    }
    // Two side by side, one known.
    expect(expandValue(word('docker run %REG%%IMG%', 2).value, ctx({ REG: 'r/' }))).toEqual({ unresolved: ['%IMG%'] })
    expect(expandValue(word('docker run "%REG%/%IMG%"', 2).value, ctx({ REG: 'r', img: 'i' }))).toEqual({ value: 'r/i', unresolved: [] })
  })

  it("keeps every character's place in the script, as before", () => {
    const script = 'docker run img:%tag%-x'
    const w = word(script, 2)
    expect(sourceOffset(w, 0)).toBe(script.indexOf('img'))
    expect(sourceOffset(w, w.value.length - 1)).toBe(script.length - 1)
    expect(w.end).toBe(script.length)
  })

  it("shows PowerShell's %NAME% after --% as written too", () => {
    const w = word('docker --% run img:%TAG%', 2, 'powershell')
    expect(shownText(w.value)).toBe('img:%TAG%')
    expect(expandValue(w.value, ctx({}, { powershell: true }))).toEqual({ unresolved: ['%TAG%'] })
    expect(expandValue(w.value, ctx({ tag: '1809' }, { powershell: true }))).toEqual({ value: 'img:1809', unresolved: [] })
  })

  it('leaves what is not a variable as text: %%, %~1, a lone %', () => {
    expect(shownText(word('docker run %%T%% %~1 50%', 2).value)).toBe('%T%')
    expect(expandValue(word('docker run %%T%%', 2).value, ctx({ T: 'x' }))).toEqual({ value: '%T%', unresolved: [] })
  })
})
