/**
 * Differential test of the one-pass Dockerfile reader against `dockerfile-ast` (the reference): the same escape
 * character, instructions, keywords as written and offsets (start, end of keyword, end: so the same arguments and
 * positions) on hand-written edge cases, random text, every Dockerfile of ../shared/corpus (skipped visibly when
 * absent), every Dockerfile fixture and example, and a sample of the benchmark corpus. Files the reader leaves to
 * `dockerfile-ast` are counted: none in the benchmark corpus.
 *
 * One known, intended difference: a line that ends in an escaped escape character (`ARG P=C:\\dir\\`) does not
 * continue for BuildKit, whose line-continuation pattern is `([^\\])\\[ \t]*$|^\\[ \t]*$` with the escape character for
 * `\` (moby/buildkit frontend/dockerfile/parser/parser.go, `lineContinuationRegex`, since commit cc7a3ded6 "Dockerfile:
 * fix parsing of trailing backslash"; testfiles/trailing-backslash), but does for `dockerfile-ast` (the rule before
 * that commit). On such text the reference is `dockerfile-ast` reading a copy in which exactly those escape characters
 * are another character (`readWithDockerfileAstLikeBuildKit`, also the reader's fallback); everywhere else it is
 * `dockerfile-ast` itself.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { monorepo } from '../../bench/corpus.mjs'
import { parseDockerfile } from '../../src/parsers/dockerfile.js'
import {
  readDockerfile,
  readInstructions,
  readWithDockerfileAst,
  readWithDockerfileAstLikeBuildKit,
  type RawDockerfile,
} from '../../src/parsers/dockerfile-reader.js'
import { kindFromName } from '../../src/project/discover.js'
import { corpusEntries, describeCorpus, readCorpus } from '../harness/corpus.js'
import { filesUnder } from '../harness/files.js'
import { runs } from '../harness/fuzz.js'
import { agreeOnEdits, DOCKERFILE_PIECES } from '../harness/line-mutations.js'

const repo = fileURLToPath(new URL('../../', import.meta.url))

/** Text as `parseDockerfile` gives it to the reader (BOM removed). */
const unbom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/**
 * Compares both readers on `text` (with the one known difference of the module comment); returns false when the fast
 * reader leaves the file to `dockerfile-ast`.
 */
function same(text: string, name = 'text'): boolean {
  const src = unbom(text)
  const reference = readWithDockerfileAstLikeBuildKit(src)
  const fast = readDockerfile(src)
  if (fast === undefined) {
    expect(readInstructions(src), name).toEqual(reference)
    return false
  }
  expect(fast, name).toEqual(reference)
  return true
}

/** The Dockerfiles of the rule fixtures and the examples. */
const fixtureDockerfiles = (): string[] =>
  ['src', 'examples'].flatMap((d) => filesUnder(path.join(repo, d), (name) => kindFromName(name) === 'dockerfile'))

const CASES: Record<string, string> = {
  empty: '',
  blank: '\n\n  \t\n',
  comments: '# a\n#b\n  # c\n',
  simple: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n',
  'no final newline': 'FROM a\nRUN b',
  'keyword only': 'FROM\nRUN\n',
  'keyword at end': 'FROM a\nRUN',
  lowercase: 'from a as b\nrun x',
  crlf: 'FROM a\r\nRUN b \\\r\n  c\r\n',
  'lone cr': 'FROM a\rRUN b \\\r c\r',
  'escape directive': '# escape=`\nFROM a\nRUN b `\n  c\nRUN C:\\x\\\n',
  'escape directive with blanks': '#  escape =  `  \nFROM a\nRUN b `\n c\n',
  'escape directive upper': '# ESCAPE=`\nFROM a\nRUN b `\n c\n',
  'escape invalid': '# escape=x\nFROM a\nRUN b \\\n c\n',
  'two directives': '# syntax=docker/dockerfile:1\n# escape=`\nFROM a `\n  AS b\n',
  'directive after blank': '\n# escape=`\nFROM a\nRUN b `\n c\n',
  'directive after comment': '# hello\n# escape=`\nFROM a\n',
  'directive no value': '# escape=\nFROM a\n',
  'directive eof': '# escape=`',
  'directive no name': '#=x\nFROM a\n',
  'hash only': '#',
  'directive odd name': '# a b=c\n# escape=`\nFROM a\n',
  'continued keyword': 'FR\\\nOM a\nRU\\\n\\\nN b\n',
  'escaped blank in keyword': 'FROM\\ a\nRUN\\  \n b\n',
  'escape then blank then eof': 'RUN\\  ',
  'escape in keyword': 'RU\\N x\nFR\\OM a\n',
  'escape at eof': 'FROM a\\',
  'continuation comment': 'RUN a \\\n# comment\n  b \\\n  # another\n  c\n',
  'continuation blank lines': 'RUN a \\\n\n   \n b\n',
  'continuation blank after escape': 'RUN a \\   \n b\n',
  'escaped blank in args': 'RUN a\\ b \\ c\n',
  'double escape (BuildKit)': 'RUN echo \\\\\nFROM a\n',
  'double escape then blanks (BuildKit)': 'RUN echo \\\\ \t\nFROM a\n',
  'triple escape (BuildKit)': 'RUN echo \\\\\\\nFROM a\n',
  'double escape crlf (BuildKit)': 'ARG P=C:\\\\\r\nFROM a\r\n',
  'double escape in keyword (BuildKit)': 'RU\\\\\nFROM a\nR\\\\ \nFROM b\n',
  'double escape at eof': 'RUN echo \\\\',
  'double escape after continuation (BuildKit)': 'RUN a \\\n\\\\\nFROM b\n',
  'double backtick (BuildKit)': '# escape=`\nFROM a\nRUN x``\nRUN y ``` \nRUN C:\\x\\\\\nRUN z\n',
  'lone escape line': 'ENV E hello\\\n\\\nworld\nENV F x\n',
  'escaped blank then double escape (BuildKit)': 'RUN a\\ \\\\\nFROM b\n',
  'heredoc with flags and double escape (BuildKit) (fallback)': 'ARG P=C:\\\\\nFROM a\nRUN --mount=type=cache,target=/c <<EOF\nx\nEOF\n',
  'hash in args': 'RUN echo # not a comment\nFROM a # x\n',
  'keyword then continuation then hash': 'RUN\\\n#x\n y\n',
  heredoc: 'FROM a\nRUN <<EOF\necho 1\nEOF\nRUN echo 2\n',
  'heredoc dash tabs': 'FROM a\nRUN <<-EOF\n\techo\n\tEOF\nRUN x\n',
  'heredoc quoted': 'FROM a\nCOPY <<"EOF" /x\nbody\nEOF\nCOPY <<\'E\' /y\nb\nE\n',
  'heredoc two': 'FROM a\nRUN <<A <<B\na\nA\nb\nB\nRUN z\n',
  'heredoc unterminated': 'FROM a\nRUN <<EOF\necho 1\n',
  'heredoc at eof': 'FROM a\nRUN <<EOF',
  'heredoc terminator with blanks': 'FROM a\nRUN <<EOF\nx\n EOF\nEOF \nEOF\nRUN y\n',
  'heredoc crlf': 'FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\nRUN y\r\n',
  'heredoc on other keyword': 'FROM a\nENV x <<EOF\nRUN y\n',
  'heredoc odd names': 'FROM a\nRUN << <<< <<"x <<<EOF <<""\nRUN y\n',
  'heredoc with flags (fallback)': 'FROM a\nRUN --mount=type=cache,target=/c <<EOF\nx\nEOF\n',
  'heredoc with escapes': 'FROM a\nCOPY <<EOF C:\\app\\x \\<<E2 \\$x\nb\nEOF\nb\nE2\n',
  'heredoc escape at line end (fallback)': 'FROM a\nRUN <<EOF x\\ \nb\nEOF\n',
  'heredoc with continuation (fallback)': 'FROM a\nRUN \\\n <<EOF\nx\nEOF\n',
  'onbuild heredoc (fallback)': 'FROM a\nONBUILD RUN <<EOF\nx\nEOF\n',
  'bom twice (fallback)': '\ufeff\ufeffFROM a\n',
  unicode: 'FROM ä\nRÜN x\nLABEL a="😀" \\\n  b=c\n',
  json: 'FROM a\nCMD ["a", "b"]\nSHELL ["powershell", "-Command"]\n',
}

const FALLBACK = new Set(Object.keys(CASES).filter((k) => k.endsWith('(fallback)')))
/** The cases with the known difference: there `dockerfile-ast` alone continues a line BuildKit ends. */
const BUILDKIT = new Set(Object.keys(CASES).filter((k) => k.includes('(BuildKit)')))

describe('one-pass Dockerfile reader = dockerfile-ast', () => {
  it.each(Object.entries(CASES))('%s', (name, text) => {
    expect(same(text, name)).toBe(!FALLBACK.has(name))
    // The known difference applies to exactly the cases named for it.
    const src = unbom(text)
    if (BUILDKIT.has(name)) expect(readWithDockerfileAst(src), name).not.toEqual(readInstructions(src))
    else expect(readWithDockerfileAst(src), name).toEqual(readInstructions(src))
  })

  it('agrees on random text made of the tricky pieces', () => {
    const piece = fc.constantFrom(
      'FROM', 'RUN', 'run', 'COPY', 'ONBUILD', 'ARG', 'x', 'a b', ' ', '  ', '\t', '\\', '`', '\n', '\r\n', '\r',
      '#', '# escape=`\n', '# escape=\\\n', '# syntax=x\n', '=', '"', "'", '<<EOF', '<<-EOF', '<<"E"', 'EOF', '\tEOF',
      'E', '--mount=x', '$', '\ufeff', 'C:\\x', '\\<<EOF', '\\$',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        same(pieces.join(''))
      }),
      { numRuns: runs(3000), seed: 11 },
    )
  })

  it('agrees on every Dockerfile fixture and example', () => {
    const files = fixtureDockerfiles()
    expect(files.length).toBeGreaterThan(10)
    for (const f of files) same(readFileSync(f, 'utf8'), path.relative(repo, f))
  })

  it('agrees on small line edits of the fixtures, the examples and benchmark files', () => {
    const texts = [
      ...fixtureDockerfiles().map((f) => readFileSync(f, 'utf8')),
      ...monorepo({ dockerfiles: 12, seed: 9 }).filter((f) => kindFromName(f.path) === 'dockerfile').map((f) => f.text),
    ]
    expect(agreeOnEdits(texts, DOCKERFILE_PIECES, 13, 2000, same)).toBeGreaterThan(0.5)
  })

  it('agrees on a sample of the benchmark corpus, without falling back', () => {
    const files = monorepo({ dockerfiles: 600 }).filter((f) => kindFromName(f.path) === 'dockerfile')
    expect(files).toHaveLength(600)
    const fallbacks = files.filter((f) => !same(f.text, f.path)).map((f) => f.path)
    expect(fallbacks).toEqual([])
  })

  it('parses a file it leaves to dockerfile-ast into the same model as before', () => {
    const r = parseDockerfile('Dockerfile', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nONBUILD RUN <<EOF\nx\nEOF\n')
    expect(r.problems).toEqual([])
    expect(r.model?.stages).toHaveLength(1)
  })
})

/** Each instruction's text (start to end) and keyword as written, read by `read`. */
function texts(src: string, read: (src: string) => RawDockerfile | undefined = readDockerfile): [string, string][] | undefined {
  return read(src)?.instructions.map((i) => [i.written, src.slice(i.start, i.end)])
}

describe('a line ending in an escaped escape character does not continue (BuildKit)', () => {
  // moby/buildkit frontend/dockerfile/parser/parser.go: `lineContinuationRegex` is
  // `([^\\])\\[ \t]*$|^\\[ \t]*$` with the escape character for `\` (commit cc7a3ded6, dockerfile/1.2.0, moby v20.10.0).

  it('ends `ARG P=C:\\foo\\` at its line: the blank line and FROM after it are not part of it', () => {
    const src = 'ARG P=C:\\\\foo\\\\\n\nFROM b as builder\nCOPY x y\n'
    expect(texts(src)).toEqual([
      ['ARG', 'ARG P=C:\\\\foo\\\\'],
      ['FROM', 'FROM b as builder'],
      ['COPY', 'COPY x y'],
    ])
    // dockerfile-ast, the reference elsewhere, still joins them (the rule before that commit): the known difference.
    expect(texts(src, readWithDockerfileAst)).toEqual([
      ['ARG', 'ARG P=C:\\\\foo\\\\\n\nFROM b as builder'],
      ['COPY', 'COPY x y'],
    ])
  })

  it('reads BuildKit\'s own test file (frontend/dockerfile/parser/testfiles/trailing-backslash)', () => {
    const src = [
      '# https://github.com/docker/for-win/issues/5254', '', 'FROM hello-world', '', 'ENV A path', 'ENV B another\\\\path',
      'ENV C trailing\\\\backslash\\\\', 'ENV D This should not be appended to C', 'ENV E hello\\', '\\', 'world',
      'ENV F hello\\', ' \\', 'world', 'ENV G hello \\', '\\', 'world', '',
    ].join('\n')
    // Its result: from, env A to G, with E, F and G each joined over three lines.
    expect(texts(src)).toEqual([
      ['FROM', 'FROM hello-world'],
      ['ENV', 'ENV A path'],
      ['ENV', 'ENV B another\\\\path'],
      ['ENV', 'ENV C trailing\\\\backslash\\\\'],
      ['ENV', 'ENV D This should not be appended to C'],
      ['ENV', 'ENV E hello\\\n\\\nworld'],
      ['ENV', 'ENV F hello\\\n \\\nworld'],
      ['ENV', 'ENV G hello \\\n\\\nworld'],
    ])
  })

  it('does not count the escape characters: `\\\\\\` at the end does not continue either', () => {
    // The character before the last `\` is `\`, so neither branch of the pattern matches.
    expect(texts('RUN a\\\\\\\nFROM b\n')).toEqual([['RUN', 'RUN a\\\\\\'], ['FROM', 'FROM b']])
  })

  it('allows blanks after the escape character, for the continuation and for the escaped one', () => {
    expect(texts('RUN a \\ \t\n b\nARG P=C:\\\\ \t\nFROM c\n')).toEqual([
      ['RUN', 'RUN a \\ \t\n b'],
      ['ARG', 'ARG P=C:\\\\ \t'],
      ['FROM', 'FROM c'],
    ])
  })

  it('ends a continued instruction at a line of two escape characters; a lone one continues it', () => {
    expect(texts('RUN a \\\n\\\\\nFROM b\nRUN c \\\n\\\nd\n')).toEqual([
      ['RUN', 'RUN a \\\n\\\\'],
      ['FROM', 'FROM b'],
      ['RUN', 'RUN c \\\n\\\nd'],
    ])
  })

  it('reads the backtick of `# escape=`` the same way, and a backslash there as an ordinary character', () => {
    const src = '# escape=`\nFROM a\nRUN x``\nRUN y ``` \nRUN z `\n  w\nRUN C:\\x\\\\\nRUN v\n'
    expect(texts(src)).toEqual([
      ['FROM', 'FROM a'],
      ['RUN', 'RUN x``'],
      ['RUN', 'RUN y ``` '],
      ['RUN', 'RUN z `\n  w'],
      ['RUN', 'RUN C:\\x\\\\'],
      ['RUN', 'RUN v'],
    ])
  })

  it('keeps both escape characters in a keyword that ends with them', () => {
    expect(texts('RU\\\\\nFROM a\n')).toEqual([['RU\\\\', 'RU\\\\'], ['FROM', 'FROM a']])
  })

  it('reads such a line the same way in a file left to dockerfile-ast (the fallback)', () => {
    const src = 'ARG P=C:\\\\\nFROM a\nRUN --mount=type=cache,target=/c <<EOF\nx\nEOF\n'
    expect(readDockerfile(src)).toBeUndefined()
    expect(texts(src, readInstructions)).toEqual([
      ['ARG', 'ARG P=C:\\\\'],
      ['FROM', 'FROM a'],
      ['RUN', 'RUN --mount=type=cache,target=/c <<EOF\nx\nEOF'],
    ])
  })
})

describeCorpus('the Dockerfile reader on the corpus', () => {
  it('agrees with dockerfile-ast on every Dockerfile of the corpus', () => {
    const locals = corpusEntries().filter((e) => e.kind === 'dockerfile').map((e) => e.local)
    expect(locals.length).toBeGreaterThan(50)
    let fast = 0
    for (const local of locals) if (same(readCorpus(local), local)) fast++
    // Most real files take the one-pass path; the rest (heredocs with flags and such) fall back.
    expect(fast).toBeGreaterThan(locals.length * 0.9)
  })

  it('agrees on small line edits of the corpus Dockerfiles', () => {
    const texts = corpusEntries().filter((e) => e.kind === 'dockerfile').map((e) => readCorpus(e.local))
    expect(agreeOnEdits(texts, DOCKERFILE_PIECES, 14, 1000, same)).toBeGreaterThan(0.5)
  })
})
