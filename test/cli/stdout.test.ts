import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, test, vi } from 'vitest'
import { isTerminal, standardOutput, stdoutWriter, utf8Encoder } from '../../src/cli/stdout.js'

const tempFile = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'isolint-stdout-')), 'out.txt')

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

describe('stdoutWriter', () => {
  test('writes every byte of each text to the descriptor, in order, UTF-8 included', () => {
    const file = tempFile()
    const fd = openSync(file, 'w')
    const write = stdoutWriter(fd, () => {
      throw new Error('no fallback expected')
    })
    write('first line\n')
    write('café ✓ 𝄞\n')
    write('x'.repeat(1 << 20))
    closeSync(fd)
    expect(readFileSync(file, 'utf8')).toBe(`first line\ncafé ✓ 𝄞\n${'x'.repeat(1 << 20)}`)
  })

  test('after a failed write, that text and every later one go to the fallback stream', () => {
    // A descriptor open for reading only: every write fails (EBADF). A closed one could be reused meanwhile.
    const file = tempFile()
    writeFileSync(file, '')
    const fd = openSync(file, 'r')
    const { stream, text } = collector()
    let made = 0
    const write = stdoutWriter(fd, () => {
      made++
      return stream
    })
    write('a ✓\n')
    write('b\n')
    expect(text()).toBe('a ✓\nb\n')
    expect(made).toBe(1)
    closeSync(fd)
    expect(readFileSync(file, 'utf8')).toBe('')
  })
})

describe('utf8Encoder', () => {
  test('makes the bytes Buffer.from makes, text after text in its reused buffer, lone surrogates included', () => {
    const encode = utf8Encoder()
    const texts = [
      '',
      'plain ASCII\n',
      'café ✓ 𝄞',
      'lone \ud800 high, lone \udc00 low, reversed \udc00\ud800, at the end \ud83d',
      '\u0000\u007f\u0080\u00ff\u0100\u07ff\u0800\uffff',
      'x'.repeat(200_000), // a larger buffer than the first
      '✓'.repeat(100_000), // 3 bytes per code unit: exactly the buffer's worst case
      'é'.repeat(400_000), // larger than the buffer kept: Buffer.from's own
      'short again',
    ]
    for (const text of texts) expect(encode(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
  })
})

describe('isTerminal', () => {
  test('a file, /dev/null and a descriptor that is not open are not terminals', () => {
    const file = openSync(tempFile(), 'w')
    expect(isTerminal(file)).toBe(false)
    closeSync(file)
    // A descriptor number no process keeps open (a closed one could be reused by the test runner meanwhile).
    expect(isTerminal(1 << 20)).toBe(false)
    const devNull = openSync('/dev/null', 'w')
    expect(isTerminal(devNull)).toBe(false)
    closeSync(devNull)
  })
})

describe('standardOutput', () => {
  test('a terminal is written through process.stdout', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      standardOutput(true)('to the terminal\n')
      expect(write).toHaveBeenCalledWith('to the terminal\n')
    } finally {
      write.mockRestore()
    }
  })
})
