/**
 * Command-line input: unknown flags, wrong values, absurd numbers, paths outside the root or missing. Each is exit 2
 * with the exact problem on stderr, nothing on stdout, and nothing half-applied: the `--output` file is not created.
 * `--max-file-size` is the configurable size limit: a file above it is skipped with a note and never read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { cli, parseJsonReport, removeTemps, tempDir, writeTree } from './helpers.js'

afterAll(removeTemps)

const USAGE_HINT = "\nRun 'isolint --help' for usage.\n"

describe('usage errors', () => {
  const root = tempDir()
  writeTree(root, { 'repo/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore\n', 'outside/Dockerfile': 'FROM x\n' })
  const repo = path.join(root, 'repo')

  test.each([
    [['--max-file-size', '-1'], "--max-file-size must be a whole number of bytes from 1 to 268435456, got '-1'"],
    [['--max-file-size=-1'], "--max-file-size must be a whole number of bytes from 1 to 268435456, got '-1'"],
    [['--max-file-size', '0'], "--max-file-size must be a whole number of bytes from 1 to 268435456, got '0'"],
    [['--max-file-size', '1e99'], "--max-file-size must be a whole number of bytes from 1 to 268435456, got '1e99'"],
    [['--max-file-size', '99999999999999999999999'], "--max-file-size must be a whole number of bytes from 1 to 268435456, got '99999999999999999999999'"],
    [['--max-file-size', '268435457'], "--max-file-size must be a whole number of bytes from 1 to 268435456, got '268435457'"],
    [['--max-file-size', '1.5'], "--max-file-size must be a whole number of bytes from 1 to 268435456, got '1.5'"],
    [['--max-file-size', ''], "--max-file-size must be a whole number of bytes from 1 to 268435456, got ''"],
    [['--fail-on', 'bogus'], "--fail-on must be one of error, warning, note, none, got 'bogus'"],
    [['--format', 'x'], "--format must be one of text, json, sarif, got 'x'"],
    [['--format', 'JSON'], "--format must be one of text, json, sarif, got 'JSON'"],
    [['--bogus'], "Unknown option '--bogus'"],
    [['-x'], "Unknown option '-x'"],
    [['--runner', 'windows-1999'], "unknown runner 'windows-1999'"],
    [['--runner', '-5'], "unknown runner '-5'"],
    [['.', '../outside'], `path is outside the scanned root ${repo}: ${path.join(root, 'outside')}`],
    [['/', '--root', '.'], `path is outside the scanned root ${repo}: /`],
    [['missing/file'], 'path not found: missing/file'],
    [['--root', 'nope'], `root folder not found: ${path.join(repo, 'nope')}`],
  ])('%j: exit 2, the exact problem, no output file', (args, message) => {
    const output = path.join(root, `out-${Math.random().toString(36).slice(2)}.json`)
    // The case's flags come last, so that they win over the defaults given here.
    const r = cli(repo, '--format', 'json', '--output', output, ...args)
    expect(r.code).toBe(2)
    expect(r.err.startsWith(`isolint: ${message}`), r.err).toBe(true)
    expect(r.err.endsWith(USAGE_HINT)).toBe(true)
    expect(r.err).not.toMatch(/internal error|\n\s+at /)
    expect(r.out).toBe('')
    expect(existsSync(output)).toBe(false)
  })

  test('an --output that cannot be written is exit 2 with the reason', () => {
    const r = cli(repo, '--output', path.join(root, 'no', 'such', 'dir', 'report.json'))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^isolint: cannot write .*report\.json: ENOENT/)
  })

  test('the same flags with good values run (the cases above fail for their value only)', () => {
    const output = path.join(root, 'good.json')
    const r = cli(repo, '--max-file-size', '1000', '--fail-on', 'none', '--format', 'json', '--output', output, '--runner', 'windows-2022', '.')
    expect(r).toEqual({ code: 0, out: '', err: '' })
    expect(parseJsonReport(readFileSync(output, 'utf8')).findings.map((f) => f.ruleId)).toEqual(['windows-image-missing-tag'])
  })
})

describe('--max-file-size is the size limit', () => {
  test('a file above the limit is skipped with a note and never opened; at the limit it is linted', () => {
    const root = tempDir()
    const text = 'FROM mcr.microsoft.com/windows/servercore\n' // 42 bytes
    writeFileSync(path.join(root, 'Dockerfile'), text)
    const above = parseJsonReport(cli(root, '--format', 'json', '--max-file-size', String(text.length - 1)).out)
    expect(above.findings).toEqual([])
    expect(above.skipped).toEqual([{ file: 'Dockerfile', reason: `larger than the ${text.length - 1} bytes limit (${text.length} bytes)` }])
    const at = parseJsonReport(cli(root, '--format', 'json', '--max-file-size', String(text.length)).out)
    expect(at.findings.map((f) => f.ruleId)).toEqual(['windows-image-missing-tag'])
    expect(at.skipped).toEqual([])
  })

  test('the default is 2 MiB', () => {
    const root = tempDir()
    const pad = '#'.repeat(79) + '\n'
    writeFileSync(path.join(root, 'Dockerfile'), 'FROM mcr.microsoft.com/windows/servercore\n' + pad.repeat(26_214)) // 2 MiB + 2
    const r = parseJsonReport(cli(root, '--format', 'json').out)
    expect(r.skipped).toEqual([{ file: 'Dockerfile', reason: 'larger than the 2.0 MB limit (2097162 bytes)' }])
  })
})
