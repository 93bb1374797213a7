/**
 * `scope: changed`: which findings a pull request is responsible for. The whole workspace is linted (cross-file
 * rules need every file); then only findings in changed files, in files linked to them, or pointing at a changed
 * file through a related location are kept. Pure.
 */
import type { Finding } from '../core/finding.js'
import type { FileLink } from '../model/project.js'

/**
 * The files a change can affect through links, following links only one way from each changed file: upwards to
 * the files that use it (a changed Dockerfile → the Compose files and workflows that build it) and downwards to
 * the files it uses (a changed workflow → the Dockerfiles its jobs build and the Compose files they start, and
 * what those build). Siblings (another Dockerfile the same workflow builds) are not included.
 */
export function affectedFiles(changed: Iterable<string>, links: readonly FileLink[]): Set<string> {
  const down = new Map<string, string[]>()
  const up = new Map<string, string[]>()
  for (const l of links) {
    down.set(l.from, [...(down.get(l.from) ?? []), l.to])
    up.set(l.to, [...(up.get(l.to) ?? []), l.from])
  }
  const result = new Set<string>()
  const walk = (start: string, edges: Map<string, string[]>): void => {
    const stack = [start]
    const seen = new Set<string>([start])
    while (stack.length > 0) {
      const file = stack.pop()!
      result.add(file)
      for (const next of edges.get(file) ?? []) {
        if (!seen.has(next)) {
          seen.add(next)
          stack.push(next)
        }
      }
    }
  }
  for (const file of changed) {
    walk(file, down)
    walk(file, up)
  }
  return result
}

/** The findings in scope: in an affected file, or with a related location in a changed file. */
export function findingsInScope<T extends Finding>(
  findings: readonly T[],
  changed: ReadonlySet<string>,
  links: readonly FileLink[],
): T[] {
  const affected = affectedFiles(changed, links)
  return findings.filter((f) => affected.has(f.span.file) || f.related.some((r) => changed.has(r.span.file)))
}
