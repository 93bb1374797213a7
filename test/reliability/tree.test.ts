/**
 * The file tree as an attacker or an unlucky checkout leaves it: link loops, links out of the scanned root, broken
 * links, unreadable files and folders, named pipes, and file names with spaces, `%`, `:`, `,`, newlines and
 * non-ASCII characters. Each gives a finding or a skip note with a clear reason; the rest of the run is unaffected.
 */
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterAll, describe, expect, test } from 'vitest'
import { lint } from '../../src/lint.js'
import { checkRun, cli, fastTempDir, parseJsonReport, removeTemps, tempDir, writeTree, POSIX } from './helpers.js'

afterAll(removeTemps)

/** A Dockerfile with exactly one known finding (windows-image-missing-tag) on line 1. */
const UNTAGGED = 'FROM mcr.microsoft.com/windows/servercore\n'
const brief = (r: { findings: readonly { ruleId: string; span: { file: string } }[] }): string[] =>
  r.findings.map((f) => `${f.span.file} ${f.ruleId}`)

describe.runIf(POSIX)('links', () => {
  test('link loops end, each file is linted once, and the loop gets a note', () => {
    const root = tempDir()
    writeTree(root, { 'a/Dockerfile': UNTAGGED })
    symlinkSync('..', path.join(root, 'a', 'up')) // a/up → the root: a cycle through a folder
    symlinkSync('self', path.join(root, 'self')) // a link to itself
    symlinkSync('pong', path.join(root, 'ping'))
    symlinkSync('ping', path.join(root, 'pong'))
    const r = lint({ root })
    expect(brief(r)).toEqual(['a/Dockerfile windows-image-missing-tag'])
    expect(r.skipped).toEqual([
      { file: 'ping', reason: 'symbolic link loop (not followed)' },
      { file: 'pong', reason: 'symbolic link loop (not followed)' },
      { file: 'self', reason: 'symbolic link loop (not followed)' },
    ])
    expect(checkRun(root).problems).toEqual([])
  })

  test('links out of the scanned root are never followed, whatever they point at', () => {
    const outside = tempDir()
    writeTree(outside, { 'Dockerfile': UNTAGGED, 'sub/compose.yaml': 'services:\n  web:\n    isolation: bogus\n' })
    const root = tempDir()
    writeTree(root, { 'in/Dockerfile': UNTAGGED })
    symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'Dockerfile'))
    symlinkSync(path.join(outside, 'sub'), path.join(root, 'sub'))
    symlinkSync('/etc/passwd', path.join(root, 'in', 'Containerfile'))
    symlinkSync('../..', path.join(root, 'in', 'up'))
    const r = lint({ root })
    expect(brief(r)).toEqual(['in/Dockerfile windows-image-missing-tag'])
    expect(r.files).toEqual(['in/Dockerfile'])
    const outsideNote = 'symbolic link pointing outside the scanned folder (not followed)'
    expect(r.skipped).toEqual([
      { file: 'Dockerfile', reason: outsideNote },
      { file: 'in/Containerfile', reason: outsideNote },
      { file: 'in/up', reason: outsideNote },
      { file: 'sub', reason: outsideNote },
    ])
    // Also not when named on the command line.
    const named = cli(root, 'Dockerfile', '--root', root)
    expect(named.code).toBe(2)
    expect(named.err).toContain('isolint: path is outside the scanned root')
  })

  test('links inside the tree: what is also reached directly is linted once, under its real path', () => {
    const root = tempDir()
    writeTree(root, { 'z/Dockerfile': UNTAGGED, 'node_modules/pkg/Dockerfile': UNTAGGED })
    symlinkSync('z', path.join(root, 'a')) // sorts before its target
    symlinkSync('z/Dockerfile', path.join(root, 'b.dockerfile'))
    symlinkSync('node_modules/pkg', path.join(root, 'vendored')) // only reachable through the link
    const r = lint({ root })
    expect(r.files).toEqual(['vendored/Dockerfile', 'z/Dockerfile'])
    expect(brief(r)).toEqual(['vendored/Dockerfile windows-image-missing-tag', 'z/Dockerfile windows-image-missing-tag'])
    expect(r.skipped).toEqual([])
  })

  test('a broken link gets a note saying so', () => {
    const root = tempDir()
    writeTree(root, { 'Dockerfile': UNTAGGED })
    symlinkSync('missing/Dockerfile', path.join(root, 'Dockerfile.windows'))
    const r = lint({ root })
    expect(brief(r)).toEqual(['Dockerfile windows-image-missing-tag'])
    expect(r.skipped).toEqual([{ file: 'Dockerfile.windows', reason: 'broken symbolic link: its target does not exist' }])
  })

  test('a root reached through a link gives paths relative to it', () => {
    const real = tempDir()
    writeTree(real, { 'app/Dockerfile': UNTAGGED })
    const holder = tempDir()
    const link = path.join(holder, 'repo')
    symlinkSync(real, link)
    const r = lint({ root: link, paths: [path.join(link, 'app', 'Dockerfile')] })
    expect(brief(r)).toEqual(['app/Dockerfile windows-image-missing-tag'])
    const viaCli = cli(holder, 'repo/app', '--root', 'repo', '--format', 'json')
    expect(viaCli.code).toBe(1)
    expect(parseJsonReport(viaCli.out).findings.map((f) => f.file)).toEqual(['app/Dockerfile'])
  })
})

describe.runIf(POSIX)('unreadable files and folders', () => {
  /**
   * The tests run as root, which reads everything; the effective user id is dropped to `nobody` around the lint so
   * that the kernel really answers EACCES. Where that is not possible (not root, no seteuid), chmod alone suffices.
   */
  function asUnprivileged<T>(body: () => T): T {
    const seteuid = process.getuid?.() === 0 ? process.seteuid : undefined
    seteuid?.(65534)
    try {
      return body()
    } finally {
      seteuid?.(0)
    }
  }

  test('permission denied on a file and on a folder: noted, not fatal, the other findings are kept', () => {
    const root = tempDir()
    chmodSync(root, 0o755)
    writeTree(root, {
      'ok/Dockerfile': UNTAGGED,
      'locked/Dockerfile': UNTAGGED,
      'secret/Dockerfile': UNTAGGED,
      'secret/compose.yaml': 'services: {}\n',
    })
    for (const d of ['ok', 'locked', 'secret']) chmodSync(path.join(root, d), 0o755)
    chmodSync(path.join(root, 'ok', 'Dockerfile'), 0o644)
    chmodSync(path.join(root, 'secret', 'Dockerfile'), 0o000)
    chmodSync(path.join(root, 'locked'), 0o000)
    const r = asUnprivileged(() => lint({ root }))
    expect(brief(r)).toEqual(['ok/Dockerfile windows-image-missing-tag'])
    expect(r.skipped).toEqual([
      { file: 'locked', reason: 'cannot read folder: permission denied' },
      { file: 'secret/Dockerfile', reason: 'cannot read: permission denied' },
    ])
    expect(r.files).toEqual(['ok/Dockerfile', 'secret/compose.yaml'])
    // Named on the command line, an unreadable file is a skip note too; a path in an unreadable folder is exit 2.
    const named = asUnprivileged(() => cli(root, 'secret/Dockerfile', 'ok', '--root', root, '--format', 'json'))
    expect(named.code).toBe(1)
    expect(parseJsonReport(named.out).skipped).toEqual([{ file: 'secret/Dockerfile', reason: 'cannot read: permission denied' }])
    const inLocked = asUnprivileged(() => cli(root, 'locked/Dockerfile', '--root', root))
    expect(inLocked.code).toBe(2)
    expect(inLocked.err).toMatch(/^isolint: cannot read path locked\/Dockerfile: permission denied\n/)
  })
})

describe.runIf(POSIX)('special files', () => {
  test('a named pipe is never opened for a read that waits, found by walking or named explicitly', () => {
    const root = tempDir()
    writeTree(root, { 'Dockerfile': UNTAGGED })
    execFileSync('mkfifo', [path.join(root, 'Dockerfile.windows')])
    symlinkSync('Dockerfile.windows', path.join(root, 'Containerfile'))
    // Watchdog: if isolint did block on the pipe, this writer releases it after 3 s and the time check fails.
    const writer = spawn('sh', ['-c', 'sleep 3; echo x > "$0"', path.join(root, 'Dockerfile.windows')], { stdio: 'ignore' })
    try {
      const started = Date.now()
      const walked = lint({ root })
      const named = lint({ root, paths: ['Dockerfile.windows', 'Containerfile'] })
      expect(Date.now() - started).toBeLessThan(2500)
      expect(brief(walked)).toEqual(['Dockerfile windows-image-missing-tag'])
      expect(walked.skipped).toEqual([
        { file: 'Containerfile', reason: 'not a regular file (not read)' },
        { file: 'Dockerfile.windows', reason: 'not a regular file (not read)' },
      ])
      expect(named.skipped).toEqual([
        { file: 'Containerfile', reason: 'not a regular file (a named pipe)' },
        { file: 'Dockerfile.windows', reason: 'not a regular file (a named pipe)' },
      ])
    } finally {
      writer.kill()
    }
  })

  test('a device named explicitly is not read (it would never end)', () => {
    const root = tempDir()
    try {
      execFileSync('mknod', [path.join(root, 'Dockerfile'), 'c', '1', '5']) // /dev/zero
    } catch {
      return // no CAP_MKNOD here: the named pipe test covers the same path (fstat on the open file)
    }
    const r = lint({ root, paths: ['Dockerfile'] })
    expect(r.skipped).toEqual([{ file: 'Dockerfile', reason: 'not a regular file (a device)' }])
  })

  test('a root or path that is missing or not a folder is exit 2 with the exact problem', () => {
    const root = tempDir()
    writeTree(root, { 'Dockerfile': UNTAGGED })
    const cases: [string[], string][] = [
      [['--root', path.join(root, 'nope')], `isolint: root folder not found: ${path.join(root, 'nope')}\n`],
      [['--root', path.join(root, 'Dockerfile')], `isolint: the root is not a folder: ${path.join(root, 'Dockerfile')}\n`],
      [['nope/Dockerfile', '--root', root], 'isolint: path not found: nope/Dockerfile\n'],
    ]
    for (const [argv, message] of cases) {
      const r = cli(root, ...argv)
      expect(r.code).toBe(2)
      expect(r.err).toBe(`${message}Run 'isolint --help' for usage.\n`)
      expect(r.out).toBe('')
    }
  })
})

describe.runIf(POSIX)('file names', () => {
  const names = [
    'with space/Dockerfile',
    'per%cent/Dockerfile',
    'co:lon,comma/Dockerfile',
    'new\nline/Dockerfile',
    'x%0A::error::owned.dockerfile',
    'ünïcödé/日本/Dockerfile',
    'cr\r/Dockerfile',
    '#hash?query/Dockerfile',
  ]

  test('every name is linted and reported exactly (JSON), as a valid URI (SARIF), and printable (text)', () => {
    const root = tempDir()
    for (const n of names) writeTree(root, { [n]: UNTAGGED })
    const { run, problems } = checkRun(root)
    expect(problems).toEqual([])
    expect(run!.json.findings.map((f) => f.file).sort()).toEqual([...names].sort())
    const uris = (JSON.parse(run!.sarifText) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] })
      .runs[0]!.results.map((r) => decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri))
    expect(uris.sort()).toEqual([...names].sort())
    const text = cli(root, '--root', root).out
    expect(text).not.toMatch(/\r/)
    expect(text.split('\n').filter((l) => l.includes(' windows-image-missing-tag '))).toHaveLength(names.length)
    expect(text).toContain('new\u240aline/Dockerfile:1:6') // the newline shown as ␊, on one line
  })

  test('folders 1,500 deep: linear work (resolving every path made it quadratic)', () => {
    const root = fastTempDir()
    const deep = path.join(root, ...Array<string>(1_500).fill('a'))
    mkdirSync(deep, { recursive: true })
    writeFileSync(path.join(deep, 'Dockerfile'), UNTAGGED)
    const started = Date.now()
    const r = lint({ root })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(brief(r)).toEqual([`${'a/'.repeat(1_500)}Dockerfile windows-image-missing-tag`])
  })

  test('100,000 files, most not lintable, in bounded time', () => {
    const root = fastTempDir()
    const started = Date.now()
    for (let d = 0; d < 100; d++) {
      const dir = path.join(root, `d${d}`)
      mkdirSync(dir)
      for (let f = 0; f < 1000; f++) writeFileSync(path.join(dir, f === 0 ? 'Dockerfile' : `f${f}.txt`), f === 0 ? UNTAGGED : '')
    }
    const made = Date.now() - started
    const t0 = Date.now()
    const r = lint({ root })
    const took = Date.now() - t0
    expect(r.files).toHaveLength(100)
    expect(r.findings).toHaveLength(100)
    expect(took).toBeLessThan(Math.max(20_000, made * 4)) // loose: creating the tree is the yardstick
  }, 120_000)
})
