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
  return (text) => {
    if (stream) {
      stream.write(text)
      return
    }
    const bytes = Buffer.from(text, 'utf8')
    let written = 0
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written)
    } catch {
      stream = fallback()
      stream.write(bytes.subarray(written))
    }
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
