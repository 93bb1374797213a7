import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs } from '../harness/fuzz.js'
import { conditionHolds, expandValue, scanExpressionEnd, unknownValue } from '../../src/parsers/workflow-expressions.js'
import { MatrixValues } from '../../src/model/workflow.js'

const ctx = (matrix: Record<string, string> = {}, env: Record<string, string> = {}) => ({
  matrix: new Map(Object.entries(matrix)),
  env: new Map(Object.entries(env)),
})

describe('expandValue', () => {
  it('returns plain text unchanged', () => {
    expect(expandValue('mcr.microsoft.com/windows/servercore:ltsc2022', ctx())).toEqual({
      value: 'mcr.microsoft.com/windows/servercore:ltsc2022',
      unresolved: [],
    })
  })

  it('substitutes matrix values in dotted and bracket form, with or without spaces', () => {
    const c = ctx({ 'windows-base-version': '2022', os: 'windows-2025' })
    expect(expandValue('ltsc${{ matrix.windows-base-version }}', c).value).toBe('ltsc2022')
    expect(expandValue('ltsc${{matrix.windows-base-version}}', c).value).toBe('ltsc2022')
    expect(expandValue("${{ matrix['os'] }}/${{matrix[ 'windows-base-version' ]}}", c).value).toBe('windows-2025/2022')
  })

  it('reads `matrix.KEY` alone as the parser does, whether the value is plain text or not', () => {
    const typed = new MatrixValues([['os', '2022'], ['flag', 'true']])
    typed.typed = new Set(['flag'])
    const cases = [
      ctx({ os: 'windows-2022' }),
      ctx({ os: '${{ env.RUNNER }}' }, { RUNNER: 'windows-2025' }),
      ctx({ os: '$RUNNER' }, { RUNNER: 'windows-2025' }),
      ctx({ OS: 'windows-2019' }),
      { matrix: typed, env: new Map<string, string>() },
      { ...ctx({ os: 'windows-2022' }), contexts: new Map([['matrix', new Map([['os', 'azure']])]]) },
    ]
    const read = (os: string, flag: string) => cases.map((c) => [expandValue(os, c).value, expandValue(flag, c).value])
    // In parentheses the expression is the parser's alone.
    expect(read('${{ matrix.os }}', '${{ matrix.flag }}')).toEqual(read('${{ (matrix.os) }}', '${{ (matrix.flag) }}'))
    expect(read('${{ matrix.os }}', '${{ matrix.flag }}')).toEqual([
      ['windows-2022', undefined],
      ['windows-2025', undefined],
      // A matrix value is not the shell's: `$RUNNER` stays as written.
      ['$RUNNER', undefined],
      ['windows-2019', undefined],
      ['2022', 'true'],
      ['azure', undefined],
    ])
  })

  it('looks matrix properties up case-insensitively, as GitHub does', () => {
    expect(expandValue('${{ matrix.OS }}', ctx({ os: 'windows-2022' })).value).toBe('windows-2022')
  })

  it('reads nested matrix objects through their flattened keys', () => {
    expect(expandValue('${{ matrix.windows.tag }}', ctx({ 'windows.tag': 'ltsc2019' })).value).toBe('ltsc2019')
  })

  it('substitutes env values and expands the expressions inside them', () => {
    const c = ctx({ v: '1809' }, { WINDOWS_VERSION: '${{ matrix.v }}', TAG: 'x' })
    expect(expandValue('${{ env.WINDOWS_VERSION }}', c).value).toBe('1809')
    expect(expandValue('nanoserver:$WINDOWS_VERSION', c).value).toBe('nanoserver:1809')
    expect(expandValue('nanoserver:${WINDOWS_VERSION}-$TAG', c).value).toBe('nanoserver:1809-x')
  })

  it('substitutes PowerShell $env:NAME, case-insensitively', () => {
    const c = ctx({}, { IMAGE: 'repo/img:ltsc2022' })
    expect(expandValue('$env:IMAGE', c).value).toBe('repo/img:ltsc2022')
    expect(expandValue('$Env:image', c).value).toBe('repo/img:ltsc2022')
    expect(expandValue('${env:IMAGE}', c).value).toBe('repo/img:ltsc2022')
  })

  it('reports what it cannot know and gives no value', () => {
    const r = expandValue('${{ inputs.registry }}/x:${{ secrets.TAG }}-$GITHUB_SHA-$(date +%s)', ctx())
    expect(r.value).toBeUndefined()
    expect(r.unresolved).toEqual(['${{ inputs.registry }}', '${{ secrets.TAG }}', '$GITHUB_SHA', '$(date +%s)'])
  })

  it('reports steps outputs and function calls as unresolved', () => {
    const r = expandValue('${{ fromJSON(steps.meta.outputs.json).tags[0] }}', ctx())
    expect(r).toEqual({ unresolved: ['${{ fromJSON(steps.meta.outputs.json).tags[0] }}'] })
    expect(expandValue('${{ steps.meta.outputs.tags }}', ctx()).unresolved).toEqual(['${{ steps.meta.outputs.tags }}'])
  })

  it('treats a missing matrix key as unresolved unless a literal fallback is given', () => {
    expect(expandValue('${{ matrix.visual-studio }}', ctx({ os: 'x' }))).toEqual({
      unresolved: ['${{ matrix.visual-studio }}'],
    })
    expect(expandValue("${{ matrix.visual-studio || '2017' }}", ctx({ os: 'x' })).value).toBe('2017')
    expect(expandValue("${{ matrix.visual-studio || '2017' }}", ctx({ 'visual-studio': '2022' })).value).toBe('2022')
  })

  it('evaluates literals and the && / || idiom', () => {
    expect(expandValue("${{ 'ltsc2022' }}", ctx()).value).toBe('ltsc2022')
    expect(expandValue("${{ 'it''s' }}", ctx()).value).toBe("it's")
    expect(expandValue('${{ 1809 }}', ctx()).value).toBe('1809')
    const idiom = "${{ matrix.mode == 'clustered' && 'true' || 'false' }}"
    expect(expandValue(idiom, ctx({ mode: 'CLUSTERED' })).value).toBe('true')
    expect(expandValue(idiom, ctx({ mode: 'single' })).value).toBe('false')
  })

  it('does not guess through an unknown left side of ||', () => {
    const r = expandValue("${{ inputs.version || 'ltsc2022' }}", ctx())
    expect(r.value).toBeUndefined()
    expect(r.unresolved).toHaveLength(1)
  })

  it('uses the default of ${NAME:-default} only when the variable is unset or empty', () => {
    expect(expandValue('${TAG:-ltsc2019}', ctx()).value).toBe('ltsc2019')
    expect(expandValue('${TAG:-ltsc2019}', ctx({}, { TAG: 'ltsc2022' })).value).toBe('ltsc2022')
    expect(expandValue('${TAG:-ltsc2019}', ctx({}, { TAG: '' })).value).toBe('ltsc2019')
    expect(expandValue('${TAG-ltsc2019}', ctx({}, { TAG: '' })).value).toBe('')
  })

  it('keeps a lone $ and reports positional parameters', () => {
    expect(expandValue('cost: 5$ or $', ctx()).value).toBe('cost: 5$ or $')
    expect(expandValue('$1', ctx()).unresolved).toEqual(['$1'])
  })

  it('stops on self-referencing values instead of looping', () => {
    const r = expandValue('$A', ctx({}, { A: '${{ env.A }}' }))
    expect(r.value).toBeUndefined()
    expect(r.unresolved.length).toBeGreaterThan(0)
  })

  it('reports an unterminated expression', () => {
    expect(expandValue('x${{ matrix.os', ctx({ os: 'a' }))).toEqual({ unresolved: ['${{ matrix.os'] })
  })
})

describe('string functions', () => {
  it('evaluates startsWith, endsWith and contains without case, and leaves other functions unknown', () => {
    const release = "${{ startsWith(matrix.os, 'Windows-2022') && 'ltsc2022' || 'ltsc2025' }}"
    expect(expandValue(release, ctx({ os: 'windows-2022' })).value).toBe('ltsc2022')
    expect(expandValue(release, ctx({ os: 'windows-2025' })).value).toBe('ltsc2025')
    expect(expandValue("${{ endsWith(matrix.os, '2022') }}", ctx({ os: 'windows-2022' })).value).toBe('true')
    expect(expandValue("${{ contains(matrix.os, 'DOWS') }}", ctx({ os: 'windows-2022' })).value).toBe('true')
    expect(expandValue("${{ contains(github.ref, 'main') }}", ctx()).value).toBeUndefined()
    expect(expandValue("${{ format('{0}', matrix.os) }}", ctx({ os: 'x' })).value).toBeUndefined()
    // Status functions mean something only in a condition.
    expect(expandValue('${{ success() }}', ctx()).value).toBeUndefined()
  })
})

describe('conditionHolds', () => {
  it('reads the run where every step succeeded, and decides && and || by any side that decides them', () => {
    expect(conditionHolds('success()', ctx())).toBe(true)
    expect(conditionHolds('always()', ctx())).toBe(true)
    expect(conditionHolds('failure() || cancelled()', ctx())).toBe(false)
    expect(conditionHolds("github.event_name == 'push' && matrix.os == 'x'", ctx({ os: 'y' }))).toBe(false)
    expect(conditionHolds("github.event_name == 'push' || matrix.os == 'x'", ctx({ os: 'x' }))).toBe(true)
    expect(conditionHolds("github.event_name == 'push' && matrix.os == 'x'", ctx({ os: 'x' }))).toBeUndefined()
    expect(conditionHolds("github.event_name == 'push' || matrix.os == 'x'", ctx({ os: 'y' }))).toBeUndefined()
  })

  it("reads a matrix value written true, false, null or a number as that value (YAML's, not a string)", () => {
    expect(conditionHolds('matrix.docker', ctx({ docker: 'false' }))).toBe(false)
    expect(conditionHolds('!matrix.docker', ctx({ docker: 'false' }))).toBe(true)
    expect(conditionHolds('matrix.docker', ctx({ docker: 'true' }))).toBe(true)
    expect(conditionHolds('matrix.shards', ctx({ shards: '0' }))).toBe(false)
    expect(conditionHolds('matrix.os', ctx({ os: 'windows-2022' }))).toBe(true)
    // A missing property is null.
    expect(conditionHolds("matrix.nope == 'x'", ctx())).toBe(false)
    // The environment holds strings.
    expect(conditionHolds('env.DOCKER', ctx({}, { DOCKER: 'false' }))).toBe(true)
  })
})

describe('scanExpressionEnd', () => {
  it('skips }} inside quoted expression strings', () => {
    const text = "a ${{ format('{0}}}', x) }} b"
    expect(text.slice(scanExpressionEnd(text, 2))).toBe(' b')
  })

  it('treats an unterminated opener as plain text', () => {
    expect(scanExpressionEnd('${{ x', 0)).toBe(3)
  })
})

describe('unknownValue', () => {
  const ctx = {
    matrix: new Map<string, string>(),
    env: new Map([['TAG', unknownValue('$(Build.SourceBranchName)')]]),
    contexts: new Map([['variables', new Map([['tag', unknownValue("$[ variables['x'] ]")]])]]),
  }
  it('makes every expansion that reads it unresolved, defaults and fallbacks included, showing the value as written', () => {
    expect(expandValue('a:$TAG', ctx)).toEqual({ unresolved: ['$(Build.SourceBranchName)'] })
    expect(expandValue('a:${TAG:-ltsc2019}', ctx)).toEqual({ unresolved: ['${TAG:-ltsc2019}'] })
    expect(expandValue("a:${{ variables.tag || 'ltsc2019' }}", ctx)).toEqual({ unresolved: ["${{ variables.tag || 'ltsc2019' }}"] })
    expect(expandValue('a:${{ variables.tag }}', ctx)).toEqual({ unresolved: ['${{ variables.tag }}'] })
    expect(expandValue(`a:${unknownValue('x')}b`, ctx)).toEqual({ unresolved: ['x'] })
  })

  it("reports `${{ env.NAME }}` alone with the reason the variable's value is unknown, as `$NAME` is", () => {
    const why = 'set through GITHUB_ENV by an earlier step'
    const env = new Map([
      ['T', unknownValue(`$T (${why})`)],
      ['U', `x-${unknownValue(`$U (${why})`)}`],
      ['V', unknownValue(`$W (${why})`)],
    ])
    const scope = { matrix: new Map<string, string>(), env }
    expect(expandValue('a:$T', scope)).toEqual({ unresolved: [`$T (${why})`] })
    expect(expandValue('a:${{ env.T }}', scope)).toEqual({ unresolved: [`\${{ env.T }} (${why})`] })
    expect(expandValue('a:${{env.t}}', scope)).toEqual({ unresolved: [`\${{env.t}} (${why})`] })
    // Not the variable alone (a fallback, other text around the unknown value, another variable's reason): as written.
    expect(expandValue("a:${{ env.T || 'x' }}", scope)).toEqual({ unresolved: ["${{ env.T || 'x' }}"] })
    expect(expandValue('a:${{ env.U }}', scope)).toEqual({ unresolved: ['${{ env.U }}'] })
    expect(expandValue('a:${{ env.V }}', scope)).toEqual({ unresolved: ['${{ env.V }}'] })
    // An unknown value with no reason: as written.
    expect(expandValue('a:${{ env.TAG }}', ctx)).toEqual({ unresolved: ['${{ env.TAG }}'] })
  })
})

describe('conditionHolds, properties', () => {
  // Expressions over known values (matrix.os, a missing key, literals) and one value isolint cannot know.
  const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
    atom: fc.constantFrom('true', 'false', 'null', '0', '1', "'a'", "''", 'matrix.os', 'matrix.none', 'github.event_name', "'windows-2022'"),
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie<'atom'>('atom'),
      fc.tuple(tie<'expr'>('expr'), fc.constantFrom('==', '!=', '&&', '||'), tie<'expr'>('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      tie<'expr'>('expr').map((a) => `!(${a})`),
      fc.tuple(fc.constantFrom('startsWith', 'endsWith', 'contains'), tie<'atom'>('atom'), tie<'atom'>('atom')).map(([f, a, b]) => `${f}(${a}, ${b})`),
    ),
  }))
  const scope = ctx({ os: 'windows-2022' })
  const knownOnly = (e: string): boolean => !e.includes('github.')

  it('decides every condition over known values, and its negation the other way', () => {
    fc.assert(
      fc.property(expr.filter(knownOnly), (e) => {
        const h = conditionHolds(e, scope)
        expect(h).toBeTypeOf('boolean')
        expect(conditionHolds(`!(${e})`, scope)).toBe(!h)
      }),
      { numRuns: runs(100) },
    )
  })

  it('lets a false side decide &&, a true side decide ||, whatever the other side', () => {
    fc.assert(
      fc.property(expr, expr, (a, b) => {
        const h = conditionHolds(a, scope)
        if (h === false) expect(conditionHolds(`(${a}) && (${b})`, scope)).toBe(false)
        if (h === false) expect(conditionHolds(`(${b}) && (${a})`, scope)).toBe(false)
        if (h === true) expect(conditionHolds(`(${b}) || (${a})`, scope)).toBe(true)
      }),
      { numRuns: runs(100) },
    )
  })

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (t) => void conditionHolds(t, scope)),
      { numRuns: runs(100) },
    )
  })
})
