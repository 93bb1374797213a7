/** One-line fixes shared by rules: rewrite the Windows release token of an image tag. */
import type { Fix } from '../core/finding.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { Execution } from '../model/project.js'

/**
 * Replaces the release token (`ltsc2019`, `1809`) in the image as written with `tag`, when the token is written
 * literally on the span's single line. Undefined when the image comes from a variable.
 */
export function tagFix(e: Execution, kb: KnowledgeBase, build: number, tag: string): Fix | undefined {
  const s = e.span
  if (s.start.line !== s.end.line) return undefined
  const info = kb.buildInfo(build)
  if (!info) return undefined
  const raw = e.imageRaw
  if (raw.length !== s.end.column - s.start.column) return undefined
  const m = new RegExp(`(^|[-:_])(${escape(info.name)})($|[-_@])`, 'i').exec(raw)
  if (!m) return undefined
  const at = m.index + m[1]!.length
  const column = s.start.column + at
  return {
    span: { file: s.file, start: { line: s.start.line, column }, end: { line: s.start.line, column: column + m[2]!.length } },
    replacement: tag,
    description: `use the ${tag} image`,
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
