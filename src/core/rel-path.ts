/** Paths relative to the scanned root, as isolint's model keeps them (POSIX, no leading `./`). */

/**
 * Repository-relative POSIX path of `p` in `dir`; undefined when it leaves the tree or is absolute. Backslashes
 * count as separators; the root itself is `''`.
 */
export function joinRel(dir: string, p: string): string | undefined {
  const clean = p.replace(/\\/g, '/')
  if (clean.startsWith('/') || /^[a-z]:\//i.test(clean)) return undefined
  const parts: string[] = []
  for (const seg of `${dir}/${clean}`.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(seg)
  }
  return parts.join('/')
}
