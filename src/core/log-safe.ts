/**
 * Output that a CI runner reads as a log stays a log: GitHub Actions takes a line whose trimmed text starts with
 * `::name` as a workflow command (`::add-mask::`, `::error::`, `::stop-commands::`), and the legacy `##[name]` form
 * anywhere in a line. The CLI's output and the action's log carry repository text (file names, image names, source
 * lines), so what they print to standard output and standard error goes through these functions. Pure.
 */

const ZWSP = '\u200b'

/**
 * Plain text: a line that starts with `::` (after blanks) gets a zero-width space in front, and `##[` is broken up
 * wherever it occurs. Invisible in a terminal and in the log. Lines end at LF, CR LF or a lone CR (the runner
 * starts a new line at each); the line breaks are kept as written.
 */
export function neutralizeLines(text: string): string {
  // Reports run to megabytes and hardly ever hold either form: a scan for them is much cheaper than splitting.
  if (!text.includes('::') && !text.includes('##[')) return text
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 0 && /^\s*::/.test(part) ? `${ZWSP}${part}` : part))
    .join('')
    .replace(/##\[/g, `#${ZWSP}#[`)
}

/**
 * JSON text (the JSON and SARIF reports): `##[` becomes `#\u0023[`, the same string for every JSON reader. A line of
 * JSON.stringify output never starts with `::` (string values cannot hold a raw line break).
 */
export function neutralizeJson(json: string): string {
  if (!json.includes('##[')) return json
  return json.replace(/##\[/g, '#\\u0023[')
}
