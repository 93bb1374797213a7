/** Paths relative to the scanned root, as isolint's model keeps them (POSIX, no leading `./`, no trailing `/`). */

/**
 * Repository-relative POSIX path of `p` in the folder `dir` (itself repository-relative); undefined when isolint
 * cannot place it in the tree: it leaves the tree, or `p` or `dir` is absolute (`/x`, `\\server\x`, `C:\x`) or
 * drive-relative (`c:x`, relative to a current folder of drive C: that isolint does not know), or `dir` is unknown
 * (undefined). Backslashes count as
 * separators, `.` and empty segments drop out and a trailing `/` goes; the root itself is `''`.
 *
 * The one way isolint joins a path it read (a Compose `context: .`, a `working-directory: ./app/`, an Azure
 * `template: ../x.yml`, a `docker build -f sub\Dockerfile .`) to the folder it is relative to.
 */
export function joinRel(dir: string | undefined, p: string): string | undefined {
  // A folder isolint cannot know (`working-directory: ${{ inputs.dir }}`): so is every path in it.
  if (dir === undefined) return undefined
  // Both already normal (the common case): the join is the two with a slash.
  if (isNormal(p) && (dir === '' || isNormal(dir))) return dir === '' ? p : `${dir}/${p}`
  const d = dir.replace(/\\/g, '/')
  const clean = p.replace(/\\/g, '/')
  if (isRooted(d) || isRooted(clean)) return undefined
  const parts: string[] = []
  for (const seg of `${d}/${clean}`.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(seg)
  }
  return parts.join('/')
}

/** Absolute (`/x`, `//server/x`) or on a drive (`C:/x`, `c:x`), once backslashes are slashes. */
function isRooted(p: string): boolean {
  return p.startsWith('/') || /^[a-z]:/i.test(p)
}

/**
 * Already as `joinRel` leaves a path: not empty, no `.` or `..` segment, no empty segment (so no leading or trailing
 * `/`), no backslash, no drive.
 */
function isNormal(p: string): boolean {
  return p !== '' && !/(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$|\\|^[a-z]:/i.test(p)
}

/**
 * The file `name` in the folder of `file`, a path of the tree as discovery wrote it (not a path read from a file):
 * the folder is kept as it is, so a backslash in a folder's name (allowed on POSIX) stays a character of the name,
 * where {@link joinRel} would take it for a separator and name another folder. A file at the root gives `name`.
 */
export function besideFile(file: string, name: string): string {
  const slash = file.lastIndexOf('/')
  return slash < 0 ? name : `${file.slice(0, slash + 1)}${name}`
}
