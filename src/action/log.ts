/** Log hygiene for text that may come from the repository. Pure. */

/**
 * Log text the runner will not read as a workflow command: a line that starts with `::` (after whitespace) gets a
 * zero-width space in front, and the legacy `##[` form is broken up wherever it occurs.
 */
export function neutralize(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (/^\s*::/.test(line) ? `\u200b${line}` : line))
    .join('\n')
    .replace(/##\[/g, '#\u200b#[')
}
