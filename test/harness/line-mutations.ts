/**
 * Small edits of a real file at its lines (a line deleted, repeated, moved, indented more or less, split or joined,
 * a piece put at its start or end), for differential tests of the one-pass readers: unlike byte flips, most mutants
 * stay well-formed, so the fast reader still reads them itself and must agree with the library on each.
 */
import fc from 'fast-check'
import { rng } from '../../bench/corpus.mjs'
import { runs } from './fuzz.js'

/** Tricky pieces of a Dockerfile that line edits put at the start or end of a line. */
export const DOCKERFILE_PIECES: readonly string[] = [
  '\\', '`', '# escape=`', '# escape=\\', '#', ' # c', '<<EOF', '<<-EOF', 'EOF', '\tEOF', 'RUN ', 'FROM ', 'ONBUILD ',
  '--mount=x ', '$', ' AS b', '"', "'", '\t', '\r', 'C:\\x', '\ufeff',
]

/** Tricky pieces of YAML that line edits put at the start or end of a line. */
export const YAML_PIECES: readonly string[] = [
  '- ', '# c', ' # c', '&a ', '*a', '<<: *a', 'k: ', ': ', ':', '"', "'", '[', ']', '{', '}', ', ', '|', '>-', '? ',
  '---', '...', '\t', '%', '@', '!t ', '${{ x }}', 'on: ', 'x', '"q"', '[a, b]',
]

/** `text` after 1 to `most` random line edits drawn from `seed`; `pieces` are the format's tricky bits. */
export function mutateLines(text: string, seed: number, pieces: readonly string[], most = 3): string {
  const r = rng(seed)
  const int = (n: number): number => Math.floor(r() * n)
  const crlf = text.includes('\r\n')
  const lines = text.split(/\r?\n/)
  for (let k = 0, n = 1 + int(most); k < n; k++) {
    if (lines.length === 0) lines.push('')
    const i = int(lines.length)
    const line = lines[i]!
    const indent = /^[ \t]*/.exec(line)![0]
    switch (int(8)) {
      case 0:
        lines.splice(i, 1)
        break
      case 1:
        lines.splice(i, 0, line)
        break
      case 2:
        lines.splice(int(lines.length), 0, ...lines.splice(i, 1))
        break
      case 3: // indented more or less
        lines[i] = r() < 0.5 ? ' '.repeat(1 + int(2)) + line : line.replace(/^ {1,2}/, '')
        break
      case 4: {
        // split in two at a random place, the rest at the same indentation
        const at = int(line.length + 1)
        lines.splice(i, 1, line.slice(0, at), indent + line.slice(at).trimStart())
        break
      }
      case 5: // joined with the next line
        if (i + 1 < lines.length) lines.splice(i, 2, line + ' ' + lines[i + 1]!.trimStart())
        break
      case 6:
        lines[i] = indent + pieces[int(pieces.length)]! + line.slice(indent.length)
        break
      default:
        lines[i] = line + pieces[int(pieces.length)]!
    }
  }
  return lines.join(crlf ? '\r\n' : '\n')
}

/**
 * Runs `same` (which compares a reader with its library, and says whether the reader read the text itself) on
 * `runs(n)` mutants of `texts` drawn from `seed`; returns the share the reader read itself, so that a caller can hold
 * the agreement not vacuous.
 */
export function agreeOnEdits(
  texts: readonly string[],
  pieces: readonly string[],
  seed: number,
  n: number,
  same: (text: string, name: string) => boolean,
): number {
  if (texts.length === 0) throw new Error('no texts to edit')
  let taken = 0
  let total = 0
  fc.assert(
    fc.property(fc.nat(), fc.nat(), (which, edits) => {
      total++
      if (same(mutateLines(texts[which % texts.length]!, edits, pieces), `mutant ${which} ${edits}`)) taken++
    }),
    { numRuns: runs(n), seed },
  )
  return taken / total
}
