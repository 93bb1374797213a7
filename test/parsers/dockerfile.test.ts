import { DockerfileParser } from 'dockerfile-ast'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { LineIndex, span } from '../../src/core/span.js'
import type { Span } from '../../src/core/span.js'
import type { DockerfileModel, ResolvedStage } from '../../src/model/dockerfile.js'
import { buildArgsRead, effectiveImage, parseDockerfile, resolveStages, splitEscaped, splitWords, stagesToBuild } from '../../src/parsers/dockerfile.js'
import { corpusEntries, describeCorpus, readCorpus } from '../harness/corpus.js'
import { runs } from '../harness/fuzz.js'

const F = 'Dockerfile'
const sp = (line: number, column: number, endLine: number, endColumn: number): Span =>
  span(F, line, column, endLine, endColumn)

/** Parses text that must give a model without problems. */
function model(text: string, file = F): DockerfileModel {
  const r = parseDockerfile(file, text)
  expect(r.problems).toEqual([])
  expect(r.model).toBeDefined()
  return r.model!
}

function resolve(text: string, args: Record<string, string> = {}): ResolvedStage[] {
  return resolveStages(model(text), new Map(Object.entries(args)))
}

/** Text covered by a span, from the same text the parser saw (BOM removed). */
function textAt(text: string, s: Span): string {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = new LineIndex(src)
  return src.slice(lines.offset(s.start), lines.offset(s.end))
}

describe('parseDockerfile: located model', () => {
  it('handles CRLF line endings with exact spans', () => {
    const text = 'ARG A=1\r\nFROM img:$A AS Build\r\nRUN echo \\\r\n  hi\r\nCOPY --from=build a b\r\n'
    const m = model(text)
    expect(m.escapeChar).toBe('\\')
    expect(m.globalArgs).toEqual([{ name: 'A', defaultValue: '1', rawValue: '1', span: sp(1, 5, 1, 8) }])
    const s = m.stages[0]!
    expect(s.name).toBe('build')
    expect(s.from.raw).toBe('img:$A')
    expect(s.from.span).toEqual(sp(2, 6, 2, 12))
    expect(s.from.instructionSpan).toEqual(sp(2, 1, 2, 21))
    expect(s.runs).toEqual([sp(3, 1, 4, 5)])
    expect(s.fromRefs.map((r) => [r.value, r.via])).toEqual([['build', 'COPY --from']])
    expect(resolveStages(m, new Map())[0]!.image).toBe('img:1')
  })

  it('strips a BOM and still recognises the escape directive after it', () => {
    const text =
      '\uFEFF# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022 `\n  AS Final\nRUN cmd /c `\n  echo hi\n'
    const m = model(text)
    expect(m.escapeChar).toBe('`')
    const s = m.stages[0]!
    expect(s.name).toBe('final')
    expect(s.from.span).toEqual(sp(2, 6, 2, 51))
    expect(s.from.instructionSpan).toEqual(sp(2, 1, 2, 53))
    expect(s.runs).toEqual([sp(4, 1, 5, 10)])
  })

  it('counts columns without the BOM on line 1', () => {
    const s = model('\uFEFFFROM alpine\n').stages[0]!
    expect(s.from.span).toEqual(sp(1, 6, 1, 12))
    expect(s.from.instructionSpan).toEqual(sp(1, 1, 1, 12))
  })

  it('without an escape directive, a backtick is not a continuation', () => {
    const r = parseDockerfile(F, 'FROM a\nRUN powershell `\n  Write-Host hi\n')
    expect(r.model).toBeUndefined()
    expect(r.problems).toEqual([{ message: 'unknown instruction: Write-Host', span: sp(3, 3, 3, 16) }])
  })

  it('follows backslash continuations inside FROM and RUN (comment and blank lines included)', () => {
    const text = 'FROM \\\n  img:1 \\\n  AS x\nRUN a \\\n# note\n\n  b\nRUN c\n'
    const s = model(text).stages[0]!
    expect(s.from.raw).toBe('img:1')
    expect(s.from.span).toEqual(sp(2, 3, 2, 8))
    expect(s.from.instructionSpan).toEqual(sp(1, 1, 1, 7))
    expect(s.name).toBe('x')
    expect(s.runs).toEqual([sp(4, 1, 7, 4), sp(8, 1, 8, 6)])
  })

  it('ends an ARG whose value ends in an escaped backslash at its line, with exact positions after it', () => {
    // aws/amazon-cloudwatch-agent's Dockerfile.Windows: BuildKit does not take `\\` at a line's end for a continuation
    // (frontend/dockerfile/parser/parser.go, lineContinuationRegex), so the FROM after the blank line starts a stage.
    const text =
      'ARG TAG=ltsc2022\n' +
      'ARG DATA=C:\\\\ProgramData\\\\Amazon\\\\\n' +
      '\n' +
      'FROM mcr.microsoft.com/windows/servercore:$TAG as builder\n' +
      'COPY a.msi C:\\\\tmp\\\\a.msi\n' +
      'RUN msiexec /i C:\\\\tmp\\\\a.msi \\\\  \n' +
      'FROM mcr.microsoft.com/windows/nanoserver:$TAG\n' +
      'COPY --from=builder C:\\\\x C:\\\\x\n'
    const m = model(text)
    expect(m.globalArgs.map((a) => [a.name, a.defaultValue, a.span])).toEqual([
      ['TAG', 'ltsc2022', sp(1, 5, 1, 17)],
      ['DATA', 'C:\\ProgramData\\Amazon\\', sp(2, 5, 2, 35)],
    ])
    expect(m.stages.map((s) => [s.name, s.from.raw, s.from.span, s.from.instructionSpan])).toEqual([
      ['builder', 'mcr.microsoft.com/windows/servercore:$TAG', sp(4, 6, 4, 47), sp(4, 1, 4, 58)],
      [undefined, 'mcr.microsoft.com/windows/nanoserver:$TAG', sp(7, 6, 7, 47), sp(7, 1, 7, 47)],
    ])
    expect(m.stages[0]!.runs).toEqual([sp(6, 1, 6, 33)])
    expect(m.stages[1]!.fromRefs.map((r) => [r.value, r.span.start.line])).toEqual([['builder', 8]])
    expect(resolveStages(m, new Map()).map((r) => r.image)).toEqual([
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      'mcr.microsoft.com/windows/nanoserver:ltsc2022',
    ])
  })

  it('keeps an escaped escape character at the end of a FROM in the image as written', () => {
    const s = model('# escape=`\nFROM img``\nRUN x\n').stages[0]!
    expect(s.from.raw).toBe('img``')
    expect(s.from.span).toEqual(sp(2, 6, 2, 11))
    expect(s.runs).toEqual([sp(3, 1, 3, 6)])
  })

  it('accepts lowercase instructions and lowercase `as`', () => {
    const m = model('from alpine as Build\nrun echo hi\nfrom build\ncopy --from=Build a b\n')
    expect(m.stages.map((s) => s.name)).toEqual(['build', undefined])
    expect(m.stages[0]!.runs).toEqual([sp(2, 1, 2, 12)])
    expect(m.stages[1]!.fromRefs.map((r) => r.value)).toEqual(['Build'])
    const r = resolveStages(m, new Map())
    expect(r[1]!.baseStage).toBe(0)
    expect(r[1]!.image).toBeUndefined()
  })

  it('reads `AS` in any case, and no other word, as the stage name\'s keyword (compared in place: issue 11)', () => {
    for (const as of ['AS', 'as', 'As', 'aS']) expect(model(`FROM img ${as} X\n`).stages[0]!.name).toBe('x')
    // Words whose character codes differ from `as` only in bit 5 elsewhere, longer or shorter words, and a letter
    // that upper-cases to `S` but lower-cases to itself.
    for (const other of ['AT', 'bs', 'A', 'ASS', 'a\u017f', '\u0101s']) {
      expect(parseDockerfile(F, `FROM img ${other} x\n`).problems[0]!.message).toMatch(/one or three arguments/)
    }
  })

  it('keeps quotes in the raw FROM image and its exact span, and removes them when resolving', () => {
    const text = 'ARG TAG="ltsc2022"\nARG B=\'x y\'\nFROM mcr.microsoft.com/windows/servercore:"${TAG}"  AS x\n'
    const m = model(text)
    expect(m.globalArgs).toEqual([
      { name: 'TAG', defaultValue: 'ltsc2022', rawValue: '"ltsc2022"', span: sp(1, 5, 1, 19) },
      { name: 'B', defaultValue: 'x y', rawValue: "'x y'", span: sp(2, 5, 2, 12) },
    ])
    const s = m.stages[0]!
    expect(s.from.raw).toBe('mcr.microsoft.com/windows/servercore:"${TAG}"')
    expect(s.from.span).toEqual(sp(3, 6, 3, 51))
    expect(textAt(text, s.from.span)).toBe(s.from.raw)
    expect(resolveStages(m, new Map())[0]!.image).toBe('mcr.microsoft.com/windows/servercore:ltsc2022')
  })

  it('reads the heredoc of RUN <<EOF as part of the RUN', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM debian\nRUN <<EOF\napt-get update\nFROM notastage\nEOF\nRUN true\n'
    const m = model(text)
    expect(m.stages).toHaveLength(1)
    expect(m.stages[0]!.runs).toEqual([sp(3, 1, 6, 4), sp(7, 1, 7, 9)])
  })

  it('captures --platform as written with its span', () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n'
    const s = model(text).stages[0]!
    expect(s.from.platform).toEqual({ value: '$BUILDPLATFORM', span: sp(1, 17, 1, 31) })
    expect(s.from.raw).toBe('golang:1.22')
    expect(s.from.span).toEqual(sp(1, 32, 1, 43))
  })

  it('keeps a digest in the image', () => {
    const digest = 'sha256:' + 'a'.repeat(64)
    const text = `FROM mcr.microsoft.com/windows/servercore:ltsc2022@${digest} as windows\n`
    const s = model(text).stages[0]!
    expect(s.from.raw).toBe(`mcr.microsoft.com/windows/servercore:ltsc2022@${digest}`)
    expect(textAt(text, s.from.span)).toBe(s.from.raw)
    expect(resolveStages(model(text), new Map())[0]!.image).toBe(s.from.raw)
  })

  it('keeps the global ARGs only (not those of a stage), and declares each word of an ARG', () => {
    const m = model('ARG A=1 B\nFROM x\nARG C=3\nFROM y\n')
    expect(m.globalArgs.map((a) => [a.name, a.defaultValue])).toEqual([['A', '1'], ['B', undefined]])
    expect(m.globalArgs[1]!.span).toEqual(sp(1, 9, 1, 10))
    expect(m.stages[0]).not.toHaveProperty('args')
    // A stage's ARG does not reach a FROM, of its stage or a later one.
    expect(resolve('FROM x\nARG C=3\nFROM y:$C\n')[1]!.unresolved).toEqual(['C'])
  })

  it('reads legacy `ARG NAME value` without inventing a default', () => {
    const m = model('ARG DIR .\nARG TAG ltsc2022\nFROM img:$TAG\n')
    expect(m.globalArgs.map((a) => [a.name, a.defaultValue])).toEqual([
      ['DIR', undefined],
      ['TAG', undefined],
      ['ltsc2022', undefined],
    ])
    const r = resolveStages(m, new Map())[0]!
    expect(r.image).toBeUndefined()
    expect(r.unresolved).toEqual(['TAG'])
  })

  it('does not treat `#` after ARG as a comment start, but keeps the name before it', () => {
    const m = model('ARG DIGEST # Empty by default\nARG TAG=1 # x=2\nFROM img:${TAG}${DIGEST}\n')
    expect(m.globalArgs.map((a) => [a.name, a.defaultValue])).toEqual([
      ['DIGEST', undefined],
      ['TAG', '1'],
      ['x', '2'],
    ])
    expect(resolveStages(m, new Map())[0]!.unresolved).toEqual(['DIGEST'])
    expect(resolveStages(m, new Map([['DIGEST', '']]))[0]!.image).toBe('img:1')
  })

  it('collects COPY/ADD --from and RUN --mount from= values once, in order, each with its flag and instruction', () => {
    const text =
      'FROM a\nRUN --mount=type=bind,from=deps,target=/x echo\nCOPY --chown=1 --from=0 x y\nADD --from=img:1 z w\n'
    const s = model(text).stages[0]!
    expect(s.fromRefs).toEqual([
      { value: 'deps', span: sp(2, 5, 2, 42), via: 'RUN --mount' },
      { value: '0', span: sp(3, 16, 3, 24), via: 'COPY --from' },
      { value: 'img:1', span: sp(4, 5, 4, 17), via: 'ADD --from' },
    ])
    // The model keeps these facts in one place only.
    expect(Object.keys(s).sort()).toEqual(['from', 'fromRefs', 'index', 'runs'])
  })

  it('reads --from flags the same whether or not escapes and quotes follow them', () => {
    const refs = (text: string): [string, Span][] =>
      model(`FROM a\n${text}`).stages[0]!.fromRefs.map((r) => [r.value, r.span])
    // Escapes only in the paths after the flags.
    expect(refs('COPY --from=deps C:\\Program\\ Files C:\\x\n')).toEqual([['deps', sp(2, 6, 2, 17)]])
    expect(refs('COPY --chown=1\t--from=b C:\\ y\n')).toEqual([['b', sp(2, 16, 2, 24)]])
    // A continuation or quotes inside the flags: the words are joined and unquoted as BuildKit does.
    expect(refs('COPY --from=a \\\n  --chown=1 x y\n')).toEqual([['a', sp(2, 6, 2, 14)]])
    expect(refs('COPY -\\\n-from=a x y\n')).toEqual([['a', sp(2, 6, 3, 8)]])
    expect(refs('COPY --from="a b" x y\n')).toEqual([['a b', sp(2, 6, 2, 18)]])
    expect(refs('COPY x --from=a y\n')).toEqual([])
    expect(refs('COPY -x --from=a y\n')).toEqual([])
  })

  it('gives an empty or comments-only file a model with no stages', () => {
    for (const text of ['', '\n\n', '   \t\n', '# just a comment\n\n# another\n', '# escape=`\n', '\uFEFF']) {
      const r = parseDockerfile(F, text)
      expect(r.problems).toEqual([])
      expect(r.model?.stages).toEqual([])
      expect(r.model?.globalArgs).toEqual([])
    }
  })
})

describe('parseDockerfile: problems', () => {
  it('reports FROM without an image at its line', () => {
    expect(parseDockerfile(F, 'ARG A\nFROM\nRUN x\n')).toEqual({
      problems: [{ message: 'FROM requires an image argument', span: sp(2, 1, 2, 5) }],
    })
    const r = parseDockerfile(F, 'FROM alpine\nFROM --platform=linux  \n')
    expect(r.model).toBeUndefined()
    expect(r.problems).toEqual([{ message: 'FROM requires an image argument', span: sp(2, 1, 2, 22) }])
  })

  it('reports FROM with a wrong number of arguments', () => {
    const r = parseDockerfile(F, 'FROM a b\n')
    expect(r.model).toBeUndefined()
    expect(r.problems[0]!.message).toMatch(/one or three arguments/)
    expect(r.problems[0]!.span).toEqual(sp(1, 1, 1, 9))
  })

  it('reports a file with instructions but no FROM', () => {
    expect(parseDockerfile(F, '# c\nARG A=1\nRUN echo\n')).toEqual({
      problems: [{ message: 'no FROM instruction', span: sp(2, 1, 2, 8) }],
    })
  })

  it('reports an instruction other than ARG before the first FROM', () => {
    const r = parseDockerfile(F, '# escape=`\nARG A\nENV X=1\nFROM a\n')
    expect(r.model).toBeUndefined()
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.message).toMatch(/ENV before the first FROM/)
    expect(r.problems[0]!.span).toEqual(sp(3, 1, 3, 8))
  })

  it('reports the first unknown instruction', () => {
    expect(parseDockerfile(F, 'FROM a\nFOO bar\nBAR\n')).toEqual({
      problems: [{ message: 'unknown instruction: FOO', span: sp(2, 1, 2, 8) }],
    })
  })

  it('reports a template as not a valid Dockerfile', () => {
    const gomplate = parseDockerfile(F, 'FROM mcr.microsoft.com/windows/{{ env.variant }}:{{ env.release }}\nRUN x\n')
    expect(gomplate.model).toBeUndefined()
    expect(gomplate.problems).toHaveLength(1)
    expect(gomplate.problems[0]!.message).toMatch(/not a valid Dockerfile/)
    expect(gomplate.problems[0]!.span.start.line).toBe(1)

    const jinja = parseDockerfile(F, 'FROM a\n{% if labels %}\nLABEL a=b\n{% endif %}\n')
    expect(jinja.model).toBeUndefined()
    expect(jinja.problems).toHaveLength(1)
    expect(jinja.problems[0]!.message).toMatch(/not a valid Dockerfile.*'\{%'/)
    expect(jinja.problems[0]!.span).toEqual(sp(2, 1, 2, 16))

    const cottle = parseDockerfile(F, '{{\n  set x to y ^\n}}# escape=`\n\nFROM a:{{X}}\n')
    expect(cottle.model).toBeUndefined()
    expect(cottle.problems[0]!.message).toMatch(/not a valid Dockerfile/)
    expect(cottle.problems[0]!.span.start.line).toBe(1)
  })

  it('does not take template-looking text in RUN or LABEL for a template', () => {
    const m = model('FROM a\nRUN docker inspect --format "{{.Id}}" x\nLABEL t="{% raw %}"\n')
    expect(m.stages[0]!.runs).toHaveLength(1)
  })

  it('turns an exception of the underlying parser into a problem at line 1', () => {
    vi.spyOn(DockerfileParser, 'parse').mockImplementation(() => {
      throw new Error('boom')
    })
    // A heredoc in ONBUILD is left to dockerfile-ast (the fallback of the one-pass reader).
    expect(parseDockerfile(F, 'FROM a\nONBUILD RUN <<EOF\nx\nEOF\n')).toEqual({
      problems: [{ message: 'cannot parse Dockerfile: boom', span: sp(1, 1, 1, 7) }],
    })
  })

  it('never throws on arbitrary input', () => {
    const alphabet = ['FROM ', 'from ', 'ARG ', 'RUN ', 'COPY --from=', ' AS ', 'a', 'A=', '$', '${', '}', ':-', '"',
      "'", '\\', '`', '\n', '\r\n', '\r', '#', ' ', '\t', '<<EOF', 'EOF', '{{', '--platform=', '# escape=`\n', '\uFEFF']
    const word = fc.constantFrom(...alphabet)
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (parts) => {
        const r = parseDockerfile(F, parts.join(''))
        expect(r.model === undefined).toBe(r.problems.length > 0)
        if (r.model) {
          const res = resolveStages(r.model, new Map([['A', 'x']]))
          expect(res).toHaveLength(r.model.stages.length)
          for (const i of stagesToBuild(r.model, res)) effectiveImage(res, i)
        }
      }),
      { numRuns: runs(300) },
    )
  })
})

describe('resolveStages', () => {
  it('expands $X, ${X} and defaults, with build args taking precedence', () => {
    const text = 'ARG REPO=mcr.microsoft.com/windows\nARG TAG=ltsc2019\nFROM ${REPO}/servercore:$TAG\n'
    expect(resolve(text)[0]!.image).toBe('mcr.microsoft.com/windows/servercore:ltsc2019')
    expect(resolve(text, { TAG: 'ltsc2022' })[0]!.image).toBe('mcr.microsoft.com/windows/servercore:ltsc2022')
  })

  it('mixes ${X} and $X in one word', () => {
    const r = resolve('ARG R=mcr.microsoft.com/powershell\nARG V=nanoserver\nFROM ${R}:$V-x  AS installer-env\n')
    expect(r[0]!.image).toBe('mcr.microsoft.com/powershell:nanoserver-x')
    expect(r[0]!.stage.name).toBe('installer-env')
  })

  it('supports ${X:-default}, ${X-default}, ${X:+alt} and ${X+alt}', () => {
    // E is empty by a build arg: a value given, not an empty default (below).
    const text = 'ARG E\nARG S=s\nARG U\nFROM img:${U:-a}.${E:-b}.${E-c}.${S:+d}.${U:+e}.${E+f}.${S-g}\n'
    expect(resolve(text, { E: '' })[0]!.image).toBe('img:a.b..d..f.s')
  })

  it('treats an empty default as a value the build passes: unknown where the value itself is used', () => {
    // `ARG X=`, `ARG X=""`, `ARG X=''`: without a build arg, the image is unknown, as for `ARG X`; not `servercore:`.
    for (const arg of ['ARG V=', 'ARG V=""', "ARG V=''", 'ARG V']) {
      for (const ref of ['$V', '${V}']) {
        const r = resolve(`${arg}\nFROM mcr.microsoft.com/windows/servercore:${ref}\n`)[0]!
        expect(r.image).toBeUndefined()
        expect(r.unresolved).toEqual(['V'])
      }
    }
    // `:-`, `:+` and `:?` count an empty value as none, as the builder does without the build arg.
    expect(resolve('ARG V=\nFROM img:${V:-ltsc2022}\n')[0]!.image).toBe('img:ltsc2022')
    expect(resolve('ARG V=\nFROM img:x${V:+y}\n')[0]!.image).toBe('img:x')
    expect(resolve('ARG V=\nFROM img:${V:?notag}\n')[0]!.unresolved).toEqual(['V'])
    // `-` and `?` give the value, which is set: the word does not apply, and the value is unknown.
    expect(resolve('ARG V=\nFROM img:${V-ltsc2022}\n')[0]!.unresolved).toEqual(['V'])
    expect(resolve('ARG V=\nFROM img:${V?notag}\n')[0]!.unresolved).toEqual(['V'])
    // `+` gives the word for any value set.
    expect(resolve('ARG V=\nFROM img:ltsc2022${V+-x}\n')[0]!.image).toBe('img:ltsc2022-x')
    // An ARG whose default reads it is unknown too, unless the word of `:-` decides.
    expect(resolve('ARG V=\nARG IMG=img:${V}\nFROM $IMG\n')[0]!.unresolved).toEqual(['IMG'])
    expect(resolve('ARG V=\nARG IMG=img:${V:-x}\nFROM $IMG\n')[0]!.image).toBe('img:x')
    // A build arg gives the value, an empty one too (passed so).
    expect(resolve('ARG V=\nFROM img:${V}\n', { V: 'ltsc2022' })[0]!.image).toBe('img:ltsc2022')
    expect(resolve('ARG V=\nFROM img:${V}\n', { V: '' })[0]!.image).toBe('img:')
    // A default declared again without one keeps it; one declared again with a value replaces it.
    expect(resolve('ARG V=\nARG V\nFROM img:${V}\n')[0]!.unresolved).toEqual(['V'])
    expect(resolve('ARG V=\nARG V=x\nFROM img:${V}\n')[0]!.image).toBe('img:x')
    // A default of latest is a value written, not passed.
    expect(resolve('ARG V=latest\nFROM img:${V}\n')[0]!.image).toBe('img:latest')
  })

  it('removes quotes and escapes like the builder, and does not expand inside single quotes', () => {
    expect(resolve('ARG T=1\nFROM "img":\'$T\'\n')[0]!.unresolved).toEqual([])
    expect(resolve('ARG T=1\nFROM "img":\'$T\'\n')[0]!.image).toBe('img:$T')
    expect(resolve('ARG T=1\nFROM img:\\$T\n')[0]!.image).toBe('img:$T')
    expect(resolve('# escape=`\nARG T=1\nFROM img:`$T-"$T"\n')[0]!.image).toBe('img:$T-1')
    expect(resolve('ARG A\nFROM img:${A:-${B:-"x"}}\n')[0]!.image).toBe('img:x')
  })

  it('ends names and plain runs where the builder does (char codes compared in place: issue 11)', () => {
    // A name runs over letters (Unicode too), digits and `_`; one starting with a digit over digits only.
    const names = resolve('ARG T=1\nARG T_2=2\nFROM img:$T.$T_2-${T}x-$Té-$1x\n')[0]!
    expect(names.image).toBeUndefined()
    expect(names.unresolved).toEqual(['Té', '1'])
    expect(resolve('ARG T=1\nARG T_2=2\nFROM img:$T.$T_2-${T}x\n')[0]!.image).toBe('img:1.2-1x')
    // In a default, a run ends at `}`, a quote, `$` or the escape character (backtick or backslash).
    expect(resolve('ARG U\nFROM img:${U:-a.b}c\n')[0]!.image).toBe('img:a.bc')
    expect(resolve('# escape=`\nARG U\nFROM img:${U:-a`}b}c\\d\n')[0]!.image).toBe('img:a}bc\\d')
    expect(resolve('ARG U\nFROM img:${U:-a\\}b}c`d\n')[0]!.image).toBe('img:a}bc`d')
    expect(resolve("ARG U\nARG V=v\nFROM img:${U:-a'}'$V\"x\"}\n")[0]!.image).toBe('img:a}vx')
  })

  it('looks variables up case-insensitively, preferring the exact case', () => {
    expect(resolve('ARG BASE_IMAGE_TAG=ltsc2019\nFROM img:${base_image_tag}\n')[0]!.image).toBe('img:ltsc2019')
    expect(resolve('ARG tag=a\nARG TAG=b\nFROM img:$tag-$TAG-$Tag\n')[0]!.image).toBe('img:a-b-a')
    expect(resolve('ARG BASE_IMAGE_TAG=x\nFROM img:$BASE_IMAGE_TAG\n', { base_image_tag: 'y' })[0]!.image).toBe('img:y')
  })

  it('keeps the latest value of a name declared again, and its first spelling for lookups without case', () => {
    // The scope is one slot per ARG, not Maps: each name's value in the slot of its first declaration.
    expect(resolve('ARG tag=a\nARG TAG=b\nARG tag\nFROM img:$tag-$TAG\n')[0]!.image).toBe('img:a-b')
    expect(resolve('ARG TAG=b\nARG tag=a\nARG TAG=c\nFROM img:$Tag-$tag\n')[0]!.image).toBe('img:c-a')
    expect(resolve('ARG A=1\nARG B=${a}2\nARG A=3\nFROM img:$B-$A\n')[0]!.image).toBe('img:12-3')
    expect(resolve('ARG TAG=b\nFROM img:$tag\n', { tag: 'x' })[0]!.image).toBe('img:x')
  })

  it('gives every resolved stage its fields in one order, with or without --platform', () => {
    const keys = (text: string, args: Record<string, string> = {}): string[][] => resolve(text, args).map((r) => Object.keys(r))
    expect(keys('FROM img AS a\nFROM a\nFROM img:$U\n')).toEqual([
      ['stage', 'image', 'unresolved'],
      ['stage', 'baseStage', 'unresolved'],
      ['stage', 'unresolved'],
    ])
    expect(keys('ARG P\nFROM --platform=linux img AS a\nFROM --platform=$P a\nFROM --platform=$X img:$U\nFROM --platform=$P img\n', { P: '' })).toEqual([
      ['stage', 'image', 'unresolved', 'platform'],
      ['stage', 'baseStage', 'unresolved'],
      ['stage', 'unresolved', 'platform', 'platformUnresolved'],
      ['stage', 'image', 'unresolved'],
    ])
  })

  it('resolves a plain FROM (no scope made) as the same FROM written with quotes', () => {
    for (const [plain, quoted] of [
      ['FROM alpine:3 AS Base\nFROM BASE\n', 'FROM "alpine:3" AS Base\nFROM "BASE"\n'],
      ['ARG T=1\nFROM --platform=linux/amd64 img\n', 'ARG T=1\nFROM --platform="linux/amd64" "img"\n'],
      ['FROM a AS x\nFROM b AS y\nFROM Y\n', "FROM 'a' AS x\nFROM b AS y\nFROM 'Y'\n"],
    ] as const) {
      const strip = (r: ResolvedStage[]): unknown[] => r.map(({ stage: _, ...rest }) => rest)
      expect(strip(resolve(plain))).toEqual(strip(resolve(quoted)))
      expect(strip(resolve(plain, { T: '2' }))).toEqual(strip(resolve(quoted, { T: '2' })))
    }
    expect(resolve('FROM a AS x\nFROM X\n')[1]!.baseStage).toBe(0)
  })

  it('gives the predefined platform ARGs as build args to a Dockerfile without global ARGs', () => {
    const r = resolve('FROM --platform=$BUILDPLATFORM img:$targetos\n', { BUILDPLATFORM: 'linux/amd64', TARGETOS: 'windows' })[0]!
    expect(r.image).toBe('img:windows')
    expect(r.platform).toBe('linux/amd64')
    expect(resolve('FROM img:$TARGETOS\n')[0]!.unresolved).toEqual(['TARGETOS'])
  })

  it('reports variables without a value as unresolved and leaves image undefined', () => {
    const r = resolve('ARG A\nFROM img:$A-${B}-$A\n')[0]!
    expect(r.image).toBeUndefined()
    expect(r.baseStage).toBeUndefined()
    expect(r.unresolved).toEqual(['A', 'B'])
  })

  it('ignores build args for names not declared before the first FROM', () => {
    const r = resolve('FROM img:$TAG\nARG TAG\n', { TAG: 'x' })[0]!
    expect(r.unresolved).toEqual(['TAG'])
  })

  it('reports expressions the builder rejects whole', () => {
    expect(resolve('ARG A=1\nFROM img:${A#x}\n')[0]!.unresolved).toEqual(['${A#x}'])
    expect(resolve('ARG A=1\nFROM img:${A\n')[0]!.unresolved).toEqual(['${A'])
    expect(resolve('ARG A=1\nFROM img:${}\n')[0]!.unresolved).toEqual(['${}'])
    // A default word that is never closed.
    expect(resolve('ARG A\nFROM img:${A:-x\n')[0]!.unresolved).toEqual(['${A:-x'])
    expect(resolve('ARG A\nFROM img:${A:-${B:-x}\n')[0]!.unresolved).toEqual(['${A:-${B:-x}'])
    // FROM is split on whitespace before expansion, as the builder does.
    expect(parseDockerfile(F, 'ARG A\nFROM img:${A:-a b}\n').problems[0]!.message).toMatch(/one or three arguments/)
    expect(resolve('ARG A\nFROM img:${A:?unset}\n')[0]!.unresolved).toEqual(['A'])
  })

  it('expands ARG defaults in declaration order, so cycles terminate', () => {
    const cycle = 'ARG A=${B}\nARG B=${A}\nFROM img:$A-$B\n'
    const r = resolve(cycle)[0]!
    expect(r.image).toBeUndefined()
    expect(r.unresolved).toEqual(['A', 'B'])
    // B is declared after A, so A's default cannot see it even when B is given.
    expect(resolve(cycle, { B: 'x' })[0]!.unresolved).toEqual(['A'])
    const chain = 'ARG V=1809\nARG IMG=servercore:${V}\nFROM $IMG\n'
    expect(resolve(chain)[0]!.image).toBe('servercore:1809')
    expect(resolve(chain, { V: 'ltsc2022' })[0]!.image).toBe('servercore:ltsc2022')
    expect(resolve(chain, { IMG: 'other:1' })[0]!.image).toBe('other:1')
  })

  it('turns a FROM naming an earlier stage (any case) into baseStage', () => {
    const text = 'ARG OS_VERSION\nFROM golang AS builder\nFROM img@sha256:1 as ltsc2019\n' +
      'FROM img@sha256:2 as LTSC2022\n' +
      'FROM ${OS_VERSION}\nCOPY --from=builder a b\nFROM later\nFROM alpine AS later\n'
    expect(resolve(text)[3]!.unresolved).toEqual(['OS_VERSION'])
    const r = resolve(text, { OS_VERSION: 'LTSC2022' })
    expect(r[3]!.baseStage).toBe(2)
    expect(r[3]!.image).toBeUndefined()
    expect(effectiveImage(r, 3)?.image).toBe('img@sha256:2')
    // A stage defined later is not a stage reference.
    expect(r[4]!.image).toBe('later')
    expect(r[4]!.baseStage).toBeUndefined()
  })

  it('expands --platform; predefined platform ARGs stay unresolved unless given', () => {
    const text = 'ARG ARCH\nFROM --platform=$BUILDPLATFORM golang AS build\nFROM --platform=linux/${ARCH} alpine\n' +
      'FROM --platform=windows/amd64 w\n'
    const r = resolve(text)
    expect(r[0]!.image).toBe('golang')
    expect(r[0]!.unresolved).toEqual([])
    expect(r[0]!.platform).toBe('$BUILDPLATFORM')
    expect(r[0]!.platformUnresolved).toEqual(['BUILDPLATFORM'])
    expect(r[1]!.platform).toBe('linux/${ARCH}')
    expect(r[1]!.platformUnresolved).toEqual(['ARCH'])
    expect(r[2]!.platform).toBe('windows/amd64')
    expect(r[2]!.platformUnresolved).toBeUndefined()
    const given = resolve(text, { BUILDPLATFORM: 'linux/amd64', ARCH: 'arm64' })
    expect(given[0]!.platform).toBe('linux/amd64')
    expect(given[0]!.platformUnresolved).toBeUndefined()
    expect(given[1]!.platform).toBe('linux/arm64')
  })
})

describe('buildArgsRead: the build args a FROM reads', () => {
  const read = (text: string, args: Record<string, string>, index = 0, unknown: string[] = []): string[] =>
    buildArgsRead(model(text), index, new Map(Object.entries(args)), new Set(unknown))

  it('reads the build args the FROM names', () => {
    expect(read('ARG REG=r\nARG TAG=ltsc2022\nFROM ${REG}/img:$TAG\n', { TAG: 'ltsc2025', REG: 'x' })).toEqual(['REG', 'TAG'])
    expect(read('ARG TAG=ltsc2022\nFROM img:ltsc2022\n', { TAG: 'ltsc2025' })).toEqual([])
    expect(read('ARG TAG=ltsc2022\nFROM img:$TAG\n', {})).toEqual([])
  })

  it('reads them through ARG defaults, along a chain of any length and in any case', () => {
    expect(read('ARG TAG=ltsc2022\nARG BASE=img:${TAG}\nFROM ${BASE}\n', { TAG: 'ltsc2025' })).toEqual(['TAG'])
    const chain = 'ARG TAG\nARG B=img:${TAG}\nARG A=${B}\nFROM ${A}\n'
    expect(read(chain, { tag: 'ltsc2025' })).toEqual(['TAG'])
    // A default that reads two of them, one twice: each once, in the order read.
    expect(read('ARG R\nARG T\nARG BASE=$R/img:$T-$R\nFROM $BASE\nFROM x AS two\n', { T: '1', R: 'r' })).toEqual(['R', 'T'])
    // A build arg given for an ARG whose default reads another: its own value, not the other's.
    expect(read('ARG TAG=a\nARG BASE=img:${TAG}\nFROM ${BASE}\n', { TAG: 'b', BASE: 'img:c' })).toEqual(['BASE'])
  })

  it('reads the FROM of the stage asked for', () => {
    const text = 'ARG TAG=a\nARG BASE=img:${TAG}\nFROM other AS first\nFROM ${BASE}\n'
    expect(read(text, { TAG: 'b' }, 0)).toEqual([])
    expect(read(text, { TAG: 'b' }, 1)).toEqual(['TAG'])
    expect(read(text, { TAG: 'b' }, 2)).toEqual([])
  })

  it('leaves out what the expansion does not use, a build arg the builder ignores, and one with an unknown value', () => {
    // `${BASE:-…}` with BASE set: the word is not used.
    expect(read('ARG TAG\nARG BASE\nFROM ${BASE:-img:${TAG}}\n', { BASE: 'img:x', TAG: 'y' })).toEqual(['BASE'])
    expect(read('ARG TAG\nARG BASE\nFROM ${BASE:-img:${TAG}}\n', { TAG: 'y' })).toEqual(['TAG'])
    expect(read('ARG TAG\nARG BASE\nFROM ${BASE:-img:${TAG}}\n', { BASE: '', TAG: 'y' })).toEqual(['BASE', 'TAG'])
    // An empty default, no build arg: the word is used.
    expect(read('ARG TAG\nARG BASE=\nFROM ${BASE:-img:${TAG}}\n', { TAG: 'y' })).toEqual(['TAG'])
    // Declared after the FROM only: the builder ignores the build arg.
    expect(read('ARG BASE=img:${TAG}\nARG TAG\nFROM ${BASE}\n', { TAG: 'y' })).toEqual([])
    // Given a value isolint cannot know: no value read.
    expect(read('ARG TAG\nARG REG=r\nARG BASE=$REG/img:${TAG}\nFROM ${BASE}\n', { REG: 'q' }, 0, ['tag'])).toEqual([])
    expect(read('ARG TAG\nARG REG=r\nFROM $REG/img:${TAG:-x}\n', { REG: 'q' }, 0, ['tag'])).toEqual(['REG'])
    // Nor in the word of an expression whose name has a value isolint cannot know (which the builder uses is unknown).
    expect(read('ARG TAG\nARG BASE\nFROM ${BASE:-img:${TAG}}\n', { TAG: 'y' }, 0, ['base'])).toEqual([])
  })

  it('gives the image resolveStages gives: reading them changes no value', () => {
    const text = 'ARG R=r\nARG T\nARG B=$R/img:${T:-a}\nARG A=${B}\nFROM ${A}\n'
    const args = { T: 'ltsc2025' }
    expect(read(text, args)).toEqual(['T'])
    expect(resolve(text, args)[0]!.image).toBe('r/img:ltsc2025')
  })
})

describe('stagesToBuild and effectiveImage', () => {
  const text = 'FROM a AS deps\nFROM b AS builder\nCOPY --from=deps x y\nFROM c AS unused\nRUN x\n' +
    'FROM builder AS test\nFROM d\nCOPY --from=1 x y\nRUN --mount=type=cache,from=unused,target=/c y\n'

  it('follows FROM chains, COPY --from (name or index) and RUN --mount from=', () => {
    const m = model(text)
    const r = resolveStages(m, new Map())
    expect(stagesToBuild(m, r)).toEqual([0, 1, 2, 4])
    expect(stagesToBuild(m, r, 'TEST')).toEqual([0, 1, 3])
    expect(stagesToBuild(m, r, 'deps')).toEqual([0])
    expect(stagesToBuild(m, r, 'nope')).toEqual([])
  })

  it('builds a target that names an image and reads no stage alone, as the general walk does', () => {
    const m = model('FROM a AS one\nFROM b AS two\nRUN x\nFROM two AS three\nFROM c\nCOPY --from=0 x y\n')
    const r = resolveStages(m, new Map())
    expect(stagesToBuild(m, r, 'TWO')).toEqual([1])
    expect(stagesToBuild(m, r, 'one')).toEqual([0])
    expect(stagesToBuild(m, r, 'three')).toEqual([1, 2])
    expect(stagesToBuild(m, r)).toEqual([0, 3])
    expect(stagesToBuild(model('FROM a\n'), resolveStages(model('FROM a\n'), new Map()))).toEqual([0])
  })

  it('builds every stage up to the target with the classic builder', () => {
    const m = model(text)
    const r = resolveStages(m, new Map())
    expect(stagesToBuild(m, r, 'test', 'classic')).toEqual([0, 1, 2, 3])
  })

  it('gives no stages for a Dockerfile without stages', () => {
    expect(stagesToBuild(model(''), [])).toEqual([])
  })

  it('follows baseStage links to the stage naming an image, and stops on loops', () => {
    const m = model(text)
    const r = resolveStages(m, new Map())
    expect(effectiveImage(r, 3)?.image).toBe('b')
    expect(effectiveImage(r, 3)?.stage.index).toBe(1)
    expect(effectiveImage(r, 4)?.image).toBe('d')
    expect(effectiveImage(r, 9)).toBeUndefined()
    const loop: ResolvedStage[] = [
      { ...r[0]!, image: undefined, baseStage: 1 },
      { ...r[1]!, image: undefined, baseStage: 0 },
    ]
    expect(effectiveImage(loop, 0)).toBeUndefined()
    // Loops are found by counting hops: a stage on itself, and a loop reached from outside it.
    expect(effectiveImage([{ ...r[0]!, image: undefined, baseStage: 0 }], 0)).toBeUndefined()
    const tail: ResolvedStage[] = [
      { ...r[0]!, image: undefined, baseStage: 2 },
      { ...r[1]!, image: undefined, baseStage: 0 },
      { ...r[2]!, image: undefined, baseStage: 1 },
      { ...r[3]!, image: undefined, baseStage: 2 },
    ]
    expect(effectiveImage(tail, 3)).toBeUndefined()
    const chain: ResolvedStage[] = [r[0]!, { ...r[1]!, image: undefined, baseStage: 0 }, { ...r[2]!, image: undefined, baseStage: 1 }]
    expect(effectiveImage(chain, 2)?.stage.index).toBe(0)
    // A chain that ends in a FROM without a value gives that stage, with its unresolved variables.
    const unresolved = resolveStages(model('ARG X\nFROM $X AS a\nFROM a\n'), new Map())
    expect(effectiveImage(unresolved, 1)?.stage.index).toBe(0)
    expect(effectiveImage(unresolved, 1)?.image).toBeUndefined()
    expect(effectiveImage(unresolved, 1)?.unresolved).toEqual(['X'])
  })
})

describeCorpus('corpus', () => {
  const read = readCorpus
  const dockerfiles = corpusEntries()
    .filter((e) => e.kind === 'dockerfile')
    .map((e) => e.local)
  /** Files of kind `dockerfile` that are templates (Jinja `{% if %}` blocks). */
  const templates = [
    'files/adamrehn__ue4-docker/src__ue4docker__dockerfiles__ue4-build-prerequisites__windows__Dockerfile',
  ]
  const parsed = (p: string): DockerfileModel => {
    const r = parseDockerfile(p, read(p))
    expect(r.problems).toEqual([])
    return r.model!
  }

  it('lists the corpus Dockerfiles', () => {
    expect(dockerfiles).toHaveLength(89)
  })

  it('parses every Dockerfile without throwing; templates give a problem, all others a model', () => {
    for (const p of dockerfiles) {
      const text = read(p)
      const r = parseDockerfile(p, text)
      if (templates.includes(p)) {
        expect(r.model, p).toBeUndefined()
        expect(r.problems.map((x) => x.message).join(), p).toMatch(/not a valid Dockerfile/)
        continue
      }
      expect(r.problems, p).toEqual([])
      const m = r.model!
      expect(m.stages.length, p).toBeGreaterThan(0)
      expect(() => resolveStages(m, new Map()), p).not.toThrow()
      for (const s of m.stages) {
        // The span of the image covers exactly the image as written; the instruction span starts at FROM.
        expect(textAt(text, s.from.span), p).toBe(s.from.raw)
        expect(textAt(text, s.from.instructionSpan).slice(0, 5).toUpperCase(), p).toBe('FROM ')
        expect(s.from.span.file).toBe(p)
        for (const run of s.runs) expect(textAt(text, run).slice(0, 4).toUpperCase(), p).toBe('RUN ')
      }
    }
  })

  it('reports the Dockerfile templates of kind `other` as not valid Dockerfiles', () => {
    for (const p of [
      'files/microsoft__dotnet-framework-docker/eng__dockerfile-templates__runtime__Dockerfile',
      'files/docker-library__python/Dockerfile-windows.template',
    ]) {
      const r = parseDockerfile(p, read(p))
      expect(r.model, p).toBeUndefined()
      expect(r.problems[0]?.message, p).toMatch(/not a valid Dockerfile/)
    }
  })

  it('garnet: resolves the ARG default inside the tag; the build stage has RUN', () => {
    const m = parsed('files/microsoft__garnet/Dockerfile.nanoserver')
    const r = resolveStages(m, new Map())
    expect(r[0]!.image).toBe('mcr.microsoft.com/dotnet/sdk:10.0-nanoserver-ltsc2022')
    expect(m.stages[0]!.from.span.start.line).toBe(2)
    expect(m.stages[0]!.runs.map((s) => s.start.line)).toEqual([13, 19, 24])
    expect(stagesToBuild(m, r)).toEqual([0, 1])
  })

  it('jenkins nanoserver: resolves the quoted ${WINDOWS_VERSION_TAG} with the ARG default', () => {
    const p = 'files/jenkinsci__docker-agent/windows__nanoserver__Dockerfile'
    const m = parsed(p)
    expect(m.escapeChar).toBe('`')
    expect(m.stages[0]!.from.raw).toBe('mcr.microsoft.com/windows/servercore:"${WINDOWS_VERSION_TAG}"')
    const r = resolveStages(m, new Map())
    expect(r[0]!.image).toBe('mcr.microsoft.com/windows/servercore:ltsc2019')
    expect(r[1]!.image).toBe('mcr.microsoft.com/powershell:nanoserver-1809')
    expect(resolveStages(m, new Map([['WINDOWS_VERSION_TAG', 'ltsc2022']]))[0]!.image).toBe(
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    )
    const last = m.stages.length - 1
    expect(r[last]!.baseStage).toBe(2)
    expect(effectiveImage(r, last)?.image).toBe('mcr.microsoft.com/windows/nanoserver:ltsc2019')
  })

  it('jenkins windowsservercore: `ARG NAME # comment` declares NAME without a default', () => {
    const m = parsed('files/jenkinsci__docker-agent/windows__windowsservercore__Dockerfile')
    const digest = m.globalArgs.find((a) => a.name === 'WINDOWS_VERSION_DIGEST')
    expect(digest?.name).toBe('WINDOWS_VERSION_DIGEST')
    expect(digest?.defaultValue).toBeUndefined()
    expect(m.globalArgs.map((a) => a.name)).not.toContain('#')
    expect(resolveStages(m, new Map())[0]!.unresolved).toEqual(['WINDOWS_VERSION_DIGEST'])
    expect(resolveStages(m, new Map([['WINDOWS_VERSION_DIGEST', '']]))[0]!.image).toBe(
      'mcr.microsoft.com/windows/servercore:ltsc2019',
    )
  })

  it('newrelic: resolves ${base_image_tag} against ARG BASE_IMAGE_TAG', () => {
    const m = parsed('files/newrelic__nri-kubernetes/windows__nri-kubernetes__Dockerfile.windows')
    const r = resolveStages(m, new Map())
    expect(r[0]!.image).toBe('mcr.microsoft.com/windows/servercore:ltsc2019')
  })

  it('azure-container-networking cns: FROM ${OS_VERSION} selects a stage', () => {
    const m = parsed('files/Azure__azure-container-networking/cns__windows.Dockerfile')
    expect(m.stages.map((s) => s.name)).toEqual(['builder', 'ltsc2019', 'ltsc2022', undefined])
    expect(resolveStages(m, new Map())[3]!.unresolved).toEqual(['OS_VERSION'])
    const r = resolveStages(m, new Map([['OS_VERSION', 'ltsc2022']]))
    expect(r[3]!.baseStage).toBe(2)
    expect(effectiveImage(r, 3)?.image).toMatch(/^mcr\.microsoft\.com\/windows\/servercore@sha256:45952938/)
    expect(r[0]!.platform).toBe('linux/amd64')
    expect(stagesToBuild(m, r)).toEqual([0, 2, 3])
  })

  it('azure-container-networking pipelines: legacy `ARG NAME value`, --platform with a variable', () => {
    const m = parsed('files/Azure__azure-container-networking/.pipelines__build__dockerfiles__cns.Dockerfile')
    const r = resolveStages(m, new Map())
    expect(r[0]!.image).toMatch(/windows-host-process-containers-base-image:v1\.0\.0@sha256:b4c9637e/)
    expect(r[1]!.platform).toBe('linux/${ARCH}')
    expect(r[1]!.platformUnresolved).toEqual(['ARCH'])
    expect(resolveStages(m, new Map([['ARCH', 'amd64']]))[0]!.platform).toBe('windows/amd64')
  })

  it('Sitecore custom-images: escape directive recognised after the BOM', () => {
    const p = 'files/Sitecore__docker-examples/custom-images__Dockerfile'
    expect(read(p).charCodeAt(0)).toBe(0xfeff)
    const m = parsed(p)
    expect(m.escapeChar).toBe('`')
    expect(m.globalArgs.map((a) => a.name)).toEqual(['BASE_IMAGE', 'BUILD_IMAGE'])
    expect(resolveStages(m, new Map([['BASE_IMAGE', 'x:1'], ['BUILD_IMAGE', 'y:2']])).map((s) => s.image)).toEqual([
      'y:2',
      'y:2',
      'x:1',
    ])
  })

  it('directx: FROM mcr.microsoft.com/windows:1909 on line 1, RUN on lines 6 and 11', () => {
    const m = parsed('files/MicrosoftDocs__Virtualization-Documentation/windows-container-samples__directx__Dockerfile')
    const s = m.stages[0]!
    expect(s.from.raw).toBe('mcr.microsoft.com/windows:1909')
    expect(s.from.span).toEqual(span(s.from.span.file, 1, 6, 1, 36))
    expect(s.runs.map((r) => r.start.line)).toEqual([6, 11])
    expect(resolveStages(m, new Map())[0]!.image).toBe('mcr.microsoft.com/windows:1909')
  })

  it('PowerShell 7-3: mixed ${X} and $X with a double space before AS', () => {
    const m = parsed('files/PowerShell__PowerShell-Docker/release__7-3__nanoserver2022__docker__Dockerfile')
    const r = resolveStages(m, new Map())
    expect(r[0]!.image).toBe('mcr.microsoft.com/powershell:nanoserver')
    expect(r[0]!.stage.name).toBe('installer-env')
    expect(r[1]!.image).toBe('mcr.microsoft.com/windows/nanoserver:ltsc2022')
  })

  it('dapr python base: the final stage follows --build-arg WINDOWS_VERSION', () => {
    const m = parsed('files/dapr__dapr/docker__Dockerfile-windows-python-base')
    expect(resolveStages(m, new Map())[1]!.image).toBe('mcr.microsoft.com/windows/nanoserver:1809')
    const r = resolveStages(m, new Map([['WINDOWS_VERSION', 'ltsc2022']]))
    expect(r[1]!.image).toBe('mcr.microsoft.com/windows/nanoserver:ltsc2022')
    expect(r[0]!.image).toBe('python:3.9-windowsservercore-ltsc2022')
  })

  it('atsea payment gateway: lowercase instructions', () => {
    const m = parsed('files/dockersamples__atsea-sample-shop-app/payment_gateway__Dockerfile')
    expect(m.stages[0]!.from.raw).toBe('alpine')
    expect(m.stages[0]!.runs.length).toBeGreaterThan(0)
  })

  it('dockur: heredoc RUN and FROM build-${TARGETARCH}', () => {
    const m = parsed('files/dockur__windows/Dockerfile')
    expect(m.stages[0]!.runs[0]!.start.line).toBe(19)
    expect(m.stages[0]!.runs[0]!.end.line).toBeGreaterThan(19)
    expect(resolveStages(m, new Map())[2]!.unresolved).toEqual(['TARGETARCH'])
    expect(resolveStages(m, new Map([['TARGETARCH', 'amd64']]))[2]!.baseStage).toBe(0)
  })

  it('moby Dockerfile.windows: escape directive before ~150 comment lines', () => {
    const m = parsed('files/moby__moby/Dockerfile.windows')
    expect(m.escapeChar).toBe('`')
    expect(resolveStages(m, new Map())[0]!.image).toBe('mcr.microsoft.com/windows/servercore:ltsc2022')
  })

  it('WireMock windows-2019: trailing whitespace stays out of the spans', () => {
    const p = 'files/WireMock-Net__WireMock.Net-docker/StandAlone.NETCoreApp__Dockerfile.windows-2019'
    const text = read(p)
    const s = parsed(p).stages[1]!
    expect(s.from.raw).toBe('mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2019')
    expect(textAt(text, s.from.instructionSpan)).toBe(`FROM ${s.from.raw}`)
  })

  it('PlaySummit nodejs (CRLF): spans exclude the carriage return', () => {
    const p = 'files/Sitecore__Sitecore.Demo.XmCloud.PlaySummit/docker__build__nodejs__Dockerfile'
    const text = read(p)
    expect(text).toContain('\r\n')
    const m = parsed(p)
    expect(textAt(text, m.stages[0]!.from.instructionSpan)).toBe('FROM $PARENT_IMAGE')
    expect(resolveStages(m, new Map())[0]!.unresolved).toEqual(['PARENT_IMAGE'])
    for (const run of m.stages[0]!.runs) expect(textAt(text, run)).not.toMatch(/\r$/)
  })
})

describe('word splitting: the plain fast path and the escape-aware one agree', () => {
  // splitWords takes splitPlain when the words (with flagsOnly: the flag words and the start of the next) hold no
  // escape character or quote; splitEscaped reads any text. Pieces: blanks, flags, escapes, quotes, continuations.
  const piece = fc.constantFrom(' ', '\t', '--', '-', '=', 'a', 'from=b', 'C:', '\\', '`', '"', "'", '\\\n', '`\n', '\n', '# c\n', 'x y')
  const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''))
  const flagWords = (words: readonly { text: string }[]): readonly unknown[] => {
    const end = words.findIndex((w) => !w.text.startsWith('--'))
    return end < 0 ? words : words.slice(0, end)
  }

  it('gives the same words, positions and texts for every text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('\\', '`'), fc.boolean(), (src, esc, quotes) => {
        expect(splitWords(src, 0, src.length, esc, quotes)).toEqual(splitEscaped(src, 0, src.length, esc, quotes))
      }),
      { numRuns: runs(3000) },
    )
  })

  it('gives the same leading flags when only the flags are asked for', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('\\', '`'), (src, esc) => {
        const fast = splitWords(src, 0, src.length, esc, true, true)
        const slow = splitEscaped(src, 0, src.length, esc, true, true)
        expect(flagWords(fast)).toEqual(flagWords(slow))
      }),
      { numRuns: runs(3000) },
    )
  })

  it('agrees on a part of the text (the arguments of an instruction), words cut at its end', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.constantFrom('\\', '`'), fc.boolean(), (src, a, b, esc, quotes) => {
        const from = a % (src.length + 1)
        const to = from + (b % (src.length - from + 1))
        expect(splitWords(src, from, to, esc, quotes)).toEqual(splitEscaped(src, from, to, esc, quotes))
        const fast = splitWords(src, from, to, esc, quotes, true)
        expect(flagWords(fast)).toEqual(flagWords(splitEscaped(src, from, to, esc, quotes, true)))
      }),
      { numRuns: runs(3000) },
    )
  })

  it('splits plain flags and words at blanks, with their offsets', () => {
    const src = '--from=build --chown=1:1 a b'
    expect(splitWords(src, 0, src.length, '\\', true)).toEqual([
      { text: '--from=build', start: 0, end: 12 },
      { text: '--chown=1:1', start: 13, end: 24 },
      { text: 'a', start: 25, end: 26 },
      { text: 'b', start: 27, end: 28 },
    ])
  })
})
