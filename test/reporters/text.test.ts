import { ruleHelpUri } from '../../src/core/meta.js'
import { describe, expect, it } from 'vitest'
import { span } from '../../src/core/span.js'
import { renderText } from '../../src/reporters/text.js'
import { SAMPLE_RESULT, finding, resultOf } from './sample.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g
// Every C0/C1 control except tab and the line feeds the reporter writes itself, DEL, and bidi/format controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\r/

/** The frame lines (source line and underline) of a one-finding report, without the gutter. */
function frame(text: string): [string, string] {
  const lines = text.split('\n')
  return [lines[1]!.replace(/^ {2}\d+ \| ?/, ''), lines[2]!.replace(/^ {2} +\| /, '')]
}

describe('renderText', () => {
  it('matches the golden report', async () => {
    await expect(renderText(SAMPLE_RESULT)).toMatchFileSnapshot('./golden/report.txt')
  })

  it('writes a header, a code frame and notes for each finding', () => {
    const text = renderText(SAMPLE_RESULT)
    expect(text).toContain(
      'Dockerfile:1:6 error process-isolation-build-mismatch Image "mcr.microsoft.com/windows/servercore:ltsc2019"',
    )
    expect(text).toContain(
      [
        '  1 | FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS build',
        '    |      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '  note: .github/workflows/ci.yml:8:14 the job runs on windows-2022 here',
      ].join('\n'),
    )
  })

  it('keeps tabs before the underline so the carets line up', () => {
    const text = renderText(SAMPLE_RESULT)
    expect(text).toContain('  4 | \tmcr.microsoft.com/windows/nanoserver:20H2 AS runtime\n    | \t^~~~')
  })

  it('underlines a multi-line span to the end of its first line', () => {
    const text = renderText(SAMPLE_RESULT)
    expect(text).toContain('compose/prod 100%.yml:2:3 error production-requires-hyperv')
    expect(text).toContain('  2 |   web:\n    |   ^~~~\n')
  })

  it('ends with the summary and the skipped files', () => {
    const lines = renderText(SAMPLE_RESULT).split('\n')
    expect(lines.slice(-3)).toEqual([
      '4 problems (2 errors, 1 warning, 1 note) in 3 files',
      'skipped: vendor/huge.yml: larger than 1 MiB',
      '',
    ])
  })

  it('says so when there is nothing to report, in the singular when it applies', () => {
    expect(renderText(resultOf([], { Dockerfile: 'FROM x\n' }))).toBe('No problems found in 1 file.\n')
    const one = renderText(resultOf([finding({ span: span('a', 1, 1, 1, 2), severity: 'warning' })]))
    expect(one.split('\n').at(-2)).toBe('1 problem (0 errors, 1 warning, 0 notes) in 1 file')
  })

  it('prints no frame, and does not crash, when the source is missing or the line is out of range', () => {
    const text = renderText(
      resultOf([
        finding({ span: span('gone.yml', 3, 1, 3, 4), related: [{ span: span('x', 1, 1, 1, 1), message: 'see' }] }),
        finding({ span: span('short.yml', 9, 1, 9, 2) }),
      ], { 'short.yml': 'one line\n' }),
    )
    expect(text).toBe(
      [
        'gone.yml:3:1 error process-isolation-build-mismatch Something is wrong.',
        '  note: x:1:1 see',
        `  see ${ruleHelpUri('process-isolation-build-mismatch')}`,
        '',
        'short.yml:9:1 error process-isolation-build-mismatch Something is wrong.',
        `  see ${ruleHelpUri('process-isolation-build-mismatch')}`,
        '',
        '2 problems (2 errors, 0 warnings, 0 notes) in 2 files',
        '',
      ].join('\n'),
    )
  })

  it('draws one caret for an empty span and puts it after the text for a span at the end of the line', () => {
    const at = (c1: number, c2: number): [string, string] =>
      frame(renderText(resultOf([finding({ span: span('f', 1, c1, 1, c2) })], { f: 'abc' })))
    expect(at(2, 2)).toEqual(['abc', ' ^'])
    expect(at(4, 4)).toEqual(['abc', '   ^'])
    expect(at(1, 4)).toEqual(['abc', '^~~'])
  })

  it('underlines plain lines and lines with surrogate pairs alike (one caret per code unit, tabs kept)', () => {
    const at = (text: string, c1: number, c2: number): [string, string] =>
      frame(renderText(resultOf([finding({ span: span('f', 1, c1, 1, c2) })], { f: text })))
    expect(at('\tk\u00e9y: v\tw', 3, 10)).toEqual(['\tk\u00e9y: v\tw', '\t ^~~~~\t~'])
    expect(at('\tk\u00e9y: v\tw', 2, 11)).toEqual(['\tk\u00e9y: v\tw', '\t^~~~~~\t~'])
    expect(at('\t\u{1f600}y: v', 4, 5)).toEqual(['\t\u{1f600}y: v', '\t  ^'])
    expect(at('\t\u{1f600}y: v', 2, 5)).toEqual(['\t\u{1f600}y: v', '\t^~~'])
  })

  it('uses the same line breaks as the parsers (CRLF and lone CR)', () => {
    const text = renderText(resultOf([finding({ span: span('f', 3, 1, 3, 2) })], { f: 'a\r\nb\rc\r\n' }))
    expect(frame(text)).toEqual(['c', '^'])
  })

  it('never writes control characters from the scanned files, and keeps carets aligned after escapes', () => {
    const hostile = 'x: "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e" target'
    const text = renderText(
      resultOf(
        [
          finding({
            span: span('evil\u001b[31m.yml', 1, hostile.indexOf('target') + 1, 1, hostile.length + 1),
            message: 'bad \u001b[1A value\u0000',
            related: [{ span: span('evil\u001b[31m.yml', 1, 1, 1, 2), message: 'here\u202e' }],
          }),
        ],
        { 'evil\u001b[31m.yml': hostile },
      ),
    )
    expect(text).not.toMatch(UNSAFE)
    expect(text).toContain('evil\u241b[31m.yml:1:')
    expect(text).toContain('bad \u241b[1A value\u2400')
    expect(text).toContain('\\u{9b}31m\\u{202e}')
    const [shown, marks] = frame(text)
    expect(marks.indexOf('^')).toBe(shown.indexOf('target'))
    expect(marks.trim()).toBe('^~~~~~')
  })

  it('colors only when asked, and the colored text is the plain text plus ANSI codes', () => {
    const plain = renderText(SAMPLE_RESULT)
    expect(plain).not.toContain('\u001b')
    expect(renderText(SAMPLE_RESULT, { color: false })).toBe(plain)
    const colored = renderText(SAMPLE_RESULT, { color: true })
    expect(colored).toContain('\u001b[1;31merror\u001b[0m')
    expect(colored).toContain('\u001b[1;33mwarning\u001b[0m')
    expect(colored.replace(ANSI, '')).toBe(plain)
  })

  it('does not depend on the order in which the sources were read', () => {
    const reversed = { ...SAMPLE_RESULT, sources: new Map([...SAMPLE_RESULT.sources].reverse()) }
    expect(renderText(reversed)).toBe(renderText(SAMPLE_RESULT))
    expect(renderText(reversed).split('\n')[0]).toBe(
      'Dockerfile:1:6 error process-isolation-build-mismatch Image "mcr.microsoft.com/windows/servercore:ltsc2019" is Windows Server 2019 (build 17763), but the job runs it with process isolation on windows-2022 (build 20348). Use the ltsc2022 tag or run it with Hyper-V isolation.',
    )
  })
})
