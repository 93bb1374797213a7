/**
 * The bad inputs of the issue, one by one, with what each must give: bytes and encodings, YAML hazards, Dockerfile
 * oddities. Every case also passes the run properties (exit 0/1, valid JSON and SARIF, positions inside the file).
 */
import { afterAll, describe, expect, test } from 'vitest'
import { lint } from '../../src/lint.js'
import { encodeAs } from './generators.js'
import { checkRun, removeTemps, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

/** Lints one file and returns `line rule-id` of its findings and its skip reason, after checking the run. */
function outcome(
  name: string,
  content: string | Uint8Array,
  runners: string[] = [],
  others: Record<string, string> = {},
): { findings: string[]; skipped?: string; messages: string[] } {
  const root = tempDir()
  writeTree(root, { [name]: content, ...others })
  const { problems } = checkRun(root, [], runners.flatMap((r) => ['--runner', r]))
  expect(problems).toEqual([])
  const r = lint({ root, runners })
  expect(r.crashes).toEqual([])
  return {
    findings: r.findings.map((f) => `${f.span.start.line} ${f.ruleId}`),
    messages: r.findings.map((f) => f.message),
    ...(r.skipped[0] ? { skipped: r.skipped[0].reason } : {}),
  }
}

/** A workflow that builds ./Dockerfile on a Windows Server 2022 runner. */
const BUILDS_IT = {
  '.github/workflows/ci.yml': 'on: push\njobs:\n  b:\n    runs-on: windows-2022\n    steps:\n      - run: docker build -t x .\n',
}

const TAGGED = 'mcr.microsoft.com/windows/servercore:ltsc2022'

describe('bytes and encodings', () => {
  test.each([
    ['binary', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), { skipped: 'binary file (contains NUL bytes)' }],
    ['NUL bytes in text', `FROM ${TAGGED}\n\u0000\n`, { skipped: 'binary file (contains NUL bytes)' }],
    ['UTF-16 LE with BOM', encodeAs(`FROM ${TAGGED}\n`, 'utf16le'), { findings: ['1 parse-error'] }],
    ['UTF-16 BE with BOM', encodeAs(`FROM ${TAGGED}\n`, 'utf16be'), { findings: ['1 parse-error'] }],
    ['UTF-8 with BOM', encodeAs(`FROM ${TAGGED}\nRUN echo\n`, 'utf8bom'), { findings: [] }],
    ['invalid UTF-8', Buffer.concat([Buffer.from(`FROM ${TAGGED}\nRUN echo `), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('\n')]), { findings: ['2 parse-error'] }],
    ['empty', '', { findings: [] }],
  ] as const)('%s', (_name, content, expected) => {
    const r = outcome('Dockerfile', content)
    if ('skipped' in expected) expect(r.skipped).toBe(expected.skipped)
    else expect(r.findings).toEqual(expected.findings)
  })

  test('a file of one 100,000-character line is linted, and its findings have exact columns', () => {
    const long = `services:\n  web:\n    image: mcr.microsoft.com/windows/servercore\n    command: ${'x'.repeat(100_000)}\n`
    expect(outcome('compose.yaml', long).findings).toEqual(['3 windows-image-missing-tag'])
    const df = outcome('Dockerfile', `FROM ${TAGGED}\nRUN ${'y'.repeat(100_000)}\n`)
    expect(df.findings).toEqual([])
  })
})

describe('YAML', () => {
  test.each([
    ['alias bomb (billion laughs), never expanded', (() => {
      const l = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      for (const [p, c] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) l.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`)
      return `${l.join('\n')}\nservices:\n  web:\n    image: ${TAGGED}\n    build:\n      args: *i\n`
    })(), /items must be strings/],
    ['alias bomb through merge keys', (() => {
      const l = ['a0: &a0 {k: v}']
      for (let i = 1; i <= 9; i++) l.push(`a${i}: &a${i} {<<: [${Array(9).fill(`*a${i - 1}`).join(', ')}]}`)
      return `${l.join('\n')}\nservices:\n  web:\n    <<: *a9\n`
    })(), /alias|too deeply/],
    ['deep flow nesting', `services:\n  web:\n    image: ${'['.repeat(100_000)}\n`, /^YAML nested too deeply/],
    ['deep block nesting', `services:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} x\n`, /^YAML nested too deeply/],
    ['compact nesting', `services:\n  web:\n    labels:\n${'      ' + '- '.repeat(100_000)}x\n`, /^YAML nested too deeply/],
    ['duplicate keys', `services:\n  web:\n    image: a\n  web:\n    image: b\n`, /^Map keys must be unique/],
    ['multi-document', `services:\n  web:\n    image: ${TAGGED}\n---\nservices: {}\n`, /multiple documents/],
    ['unknown anchor', `services:\n  web: *nope\n`, /anchor|alias/i],
  ] as const)('%s: a parse-error, quickly', (_name, text, message) => {
    const started = Date.now()
    const r = outcome('compose.yaml', text)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(r.findings.map((f) => f.replace(/^\d+ /, ''))).toContain('parse-error')
    // A Compose file no workflow starts: a warning that says it could not be checked, then the parser's message.
    expect(r.messages.map((m) => m.replace(/^could not be checked: /, '')).join('\n')).toMatch(message)
  })

  test('tags and JSON-style YAML are read as YAML', () => {
    const tagged = `services:\n  web: !!map\n    image: !!str mcr.microsoft.com/windows/servercore\n    isolation: !custom bogus\n`
    expect(outcome('compose.yaml', tagged).findings).toEqual(['3 windows-image-missing-tag', '4 invalid-isolation-value'])
    const json = JSON.stringify({ services: { web: { image: 'mcr.microsoft.com/windows/servercore', isolation: 'bogus' } } })
    expect(outcome('compose.yaml', json).findings).toEqual(['1 windows-image-missing-tag', '1 invalid-isolation-value'])
  })

  test('an error on every line gives at most ten parse-error findings per file', () => {
    const text = `services:\n${'\t- x\n'.repeat(5_000)}`
    const r = outcome('compose.yaml', text)
    expect(r.findings.length).toBeGreaterThan(0)
    expect(r.findings.length).toBeLessThanOrEqual(10)
  })
})

describe('Dockerfiles', () => {
  test.each([
    ['empty', '', []],
    ['only comments', '# a comment\n# escape=`\n\n', []],
    ['FROM without image', 'FROM\n', ['1 parse-error']],
    ['FROM with only a flag', 'FROM --platform=windows/amd64\n', ['1 parse-error']],
    ['unknown instruction', `FROM ${TAGGED}\nFOO bar\n`, ['2 parse-error']],
    ['unterminated continuation', `FROM ${TAGGED}\nRUN echo \\`, []],
    ['unterminated continuation in FROM', 'FROM \\', ['1 parse-error']],
    ['heredoc', `FROM ${TAGGED}\nRUN <<EOF\nFOO bar\nEOF\n`, []],
    ['unterminated heredoc', `FROM ${TAGGED}\nRUN <<EOF\nFOO bar\n`, []],
    // Not a directive after the first line: the backtick does not continue the line, so `x` is an instruction.
    ['directive after the first line (a comment)', `FROM ${TAGGED}\n# escape=\`\nRUN echo \`\n  x\n`, ['4 parse-error']],
    ['directive on the first line', `# escape=\`\nFROM ${TAGGED}\nRUN echo \`\n  x\n`, []],
    ['ARG cycle', 'ARG A=${B}\nARG B=${A}\nFROM mcr.microsoft.com/windows/servercore:${A}\nRUN x\n', ['3 unknown-image-build']],
    ['self-referencing ARG', 'ARG A=${A}\nFROM ${A}\nRUN x\n', ['2 unknown-image-build']],
    ['nested defaults', `ARG A\nFROM ${'${A:-'.repeat(5_000)}x${'}'.repeat(5_000)}\nRUN x\n`, ['2 unknown-image-build']],
    ['instruction before FROM', `ENV A=b\nFROM ${TAGGED}\n`, ['1 parse-error']],
    ['CR line ends', `FROM mcr.microsoft.com/windows/servercore\rRUN x\r`, ['1 unknown-image-build', '1 windows-image-missing-tag']],
  ] as const)('%s', (_name, text, expected) => {
    // Built by a workflow on a known host, so that an image that cannot be worked out is a finding too.
    const r = outcome('Dockerfile', text, [], BUILDS_IT)
    expect(r.findings).toEqual(expected)
  })
})
