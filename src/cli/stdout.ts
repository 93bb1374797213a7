/**
 * Standard output without `process.stdout`: creating that stream, or asking it whether it is a terminal, loads Node's
 * net, stream and tty modules, several milliseconds of every start (issue 11) when isolint writes to a pipe or a
 * file, as in CI and scripts.
 */
import { fstatSync, statSync, writeSync, type Stats } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * A writer of text to `fd` with `fs.writeSync`. The first write that fails (a full non-blocking pipe, a closed
 * descriptor, a reader gone) hands what is left of it, and every later write, to the stream `fallback` gives
 * (`process.stdout`), which deals with each case as it always did.
 */
export function stdoutWriter(fd = 1, fallback: () => NodeJS.WritableStream = () => process.stdout): (text: string) => void {
  let stream: NodeJS.WritableStream | undefined
  const encode = utf8Encoder()
  return (text) => {
    if (stream) {
      stream.write(text)
      return
    }
    const bytes = encode(text)
    let written = 0
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written)
    } catch {
      stream = fallback()
      // A copy: the stream may write it later, after the encoder has reused its buffer.
      stream.write(Buffer.from(bytes.subarray(written)))
    }
  }
}

/** The largest buffer a {@link utf8Encoder} keeps for the next text (a report's 64 KiB blocks fit). */
const KEPT = 1024 * 1024

/**
 * An encoder of text as UTF-8 (what `Buffer.from(text, 'utf8')` makes), into one buffer reused from text to text
 * while the text fits. `Buffer.from` first measures the text's UTF-8 length in a pass of its own, as long again as
 * the encoding (a report's 6 MB, issue 11); a UTF-16 code unit takes at most 3 bytes, so a buffer of 3 bytes per
 * code unit always holds the text whole. The bytes returned are valid until the next call.
 */
export function utf8Encoder(): (text: string) => Buffer {
  let kept = Buffer.alloc(0)
  return (text) => {
    const most = 3 * text.length
    if (most > KEPT) return Buffer.from(text, 'utf8')
    if (most > kept.length) kept = Buffer.allocUnsafe(Math.max(most, 64 * 1024))
    return kept.subarray(0, kept.write(text))
  }
}

/**
 * Whether `fd` is a terminal, as `process.stdout.isTTY` says for standard output. On POSIX systems only a character
 * device can be one, and the null device (where CI steps and benchmarks send output) is none: a pipe, a file or
 * `/dev/null` is answered without loading the tty module (about 3% of a small repository's run).
 */
export function isTerminal(fd = 1): boolean {
  if (process.platform !== 'win32') {
    let st: Stats
    try {
      st = fstatSync(fd)
    } catch {
      return false
    }
    if (!st.isCharacterDevice() || isNullDevice(st)) return false
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty')
  return tty.isatty(fd)
}

/** Whether a character device is the null device (the same device number as `/dev/null`). */
function isNullDevice(st: Stats): boolean {
  try {
    return st.rdev === statSync('/dev/null').rdev
  } catch {
    return false
  }
}

/**
 * The writer of isolint's standard output: `stdoutWriter()` for a pipe or a file on POSIX systems; `process.stdout`
 * for a terminal (where speed does not matter) and on Windows (consoles take UTF-16, pipes may be overlapped).
 */
export function standardOutput(terminal: boolean): (text: string) => void {
  return terminal || process.platform === 'win32' ? (text) => process.stdout.write(text) : stdoutWriter()
}
