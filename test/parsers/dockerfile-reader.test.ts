/**
 * Differential test of the one-pass Dockerfile reader against `dockerfile-ast` (the reference): the same escape
 * character, instructions, keywords as written and offsets (start, end of keyword, end: so the same arguments and
 * positions) on hand-written edge cases, random text, every Dockerfile of ../shared/corpus (skipped visibly when
 * absent), every Dockerfile fixture and example, and a sample of the benchmark corpus. Files the reader leaves to
 * `dockerfile-ast` are counted: none in the benchmark corpus.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { monorepo } from '../../bench/corpus.mjs'
import { parseDockerfile } from '../../src/parsers/dockerfile.js'
import { readDockerfile, readInstructions, readWithDockerfileAst } from '../../src/parsers/dockerfile-reader.js'
import { kindFromName } from '../../src/project/discover.js'
import { corpusEntries, describeCorpus, readCorpus } from '../harness/corpus.js'
import { filesUnder } from '../harness/files.js'
import { runs } from '../harness/fuzz.js'
import { agreeOnEdits, DOCKERFILE_PIECES } from '../harness/line-mutations.js'

const repo = fileURLToPath(new URL('../../', import.meta.url))

/** Text as `parseDockerfile` gives it to the reader (BOM removed). */
const unbom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/** Compares both readers on `text`; returns false when the fast reader leaves the file to `dockerfile-ast`. */
function same(text: string, name = 'text'): boolean {
  const src = unbom(text)
  const reference = readWithDockerfileAst(src)
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
  'double escape': 'RUN echo \\\\\nFROM a\n',
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

describe('one-pass Dockerfile reader = dockerfile-ast', () => {
  it.each(Object.entries(CASES))('%s', (name, text) => {
    expect(same(text, name)).toBe(!FALLBACK.has(name))
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
