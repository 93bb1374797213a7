/**
 * Fixes shared by rules, as edits (see Fix): the Windows release token of an image tag, Hyper-V isolation for a
 * container, the missing release tag of an MCR Windows image.
 */
import type { Fix } from '../core/finding.js'
import { span, spanAt, type Span } from '../core/span.js'
import type { KnowledgeBase } from '../kb/types.js'
import type { ComposeService } from '../model/compose.js'
import type { Execution, ImageUse, Project } from '../model/project.js'

/**
 * Replaces the release token (`ltsc2019`, `1809`) in the image as written with `tag`, when the token is written
 * literally on the span's single line. Undefined when the image comes from a variable, and when the knowledge base
 * knows the image of that release is not published or frozen (`dotnet/framework/sdk:4.8-windowsservercore-ltsc2022`:
 * the fix is another line, 4.8.1, which the message cannot pick for the user).
 */
export function tagFix(e: Execution, kb: KnowledgeBase, build: number, tag: string): Fix | undefined {
  const s = e.span
  // The tag of an image built in the job stands at the span, not the image as written (at that build's FROM).
  if (s.start.line !== s.end.line || e.builtInJob) return undefined
  const info = kb.buildInfo(build)
  if (!info) return undefined
  const raw = e.imageRaw
  if (raw.length !== s.end.column - s.start.column) return undefined
  const token = releaseToken(info.name)
  const written = tokenIn(raw, token)
  if (!written) return undefined
  // The image of the other release, as expanded: one the knowledge base knows not to pull, or frozen, is no fix.
  const other = e.image !== undefined ? tokenIn(e.image, token) : undefined
  if (other && kb.image(e.image!.slice(0, other.at) + tag + e.image!.slice(other.end)).status) return undefined
  const column = s.start.column + written.at
  return {
    span: span(s.file, s.start.line, column, s.start.line, s.start.column + written.end),
    replacement: tag,
    description: `use the ${tag} image`,
  }
}

/** Where the release token that `token` finds stands in `text`: its start and end offsets. */
function tokenIn(text: string, token: RegExp): { readonly at: number; readonly end: number } | undefined {
  const m = token.exec(text)
  if (!m) return undefined
  const at = m.index + m[1]!.length
  return { at, end: at + m[2]!.length }
}

/** The pattern of a release token in an image as written, compiled once per release. */
const releaseTokens = new Map<string, RegExp>()

function releaseToken(name: string): RegExp {
  let re = releaseTokens.get(name)
  if (!re) releaseTokens.set(name, (re = new RegExp(`(^|[-:_])(${escape(name)})($|[-_@])`, 'i')))
  return re
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Hyper-V isolation for a container that must have it: the isolation value replaced by `hyperv` when one is written
 * literally; otherwise `isolation: hyperv` inserted as the first key of the Compose service (a new line with the
 * indentation of the service's other keys), or `--isolation=hyperv ` inserted before the image of a `docker run`.
 * Undefined when the text is not plain enough to edit safely (values from variables, flow mappings, quotes).
 */
export function hypervIsolationFix(e: Execution, project: Project): Fix | undefined {
  const iso = e.isolation
  const description = 'use Hyper-V isolation'
  if (iso.span && iso.raw !== undefined) {
    const s = iso.span
    // Only a literal value (not `${ISO:-process}`), written without quotes.
    if (iso.raw.toLowerCase() !== iso.value || s.start.line !== s.end.line || s.end.column - s.start.column !== iso.raw.length) {
      return undefined
    }
    return { span: s, replacement: 'hyperv', description }
  }
  if (e.what.startsWith('service ')) {
    const svc = serviceAt(project, e.isolationFixSpan)
    if (!svc) return undefined
    // A key of the service on a later line gives the indentation; keys on the service's own line mean a flow mapping.
    const keys = [svc.image?.keySpan, svc.platform?.keySpan, svc.build?.keySpan].filter(
      (k): k is Span => k !== undefined && k.file === svc.span.file,
    )
    if (keys.length === 0 || keys.some((k) => k.start.line <= svc.span.start.line)) return undefined
    const first = keys.reduce((a, b) => (b.start.line < a.start.line ? b : a))
    const at = { line: svc.span.start.line + 1, column: 1 }
    return {
      span: spanAt(svc.span.file, at, at),
      replacement: `${' '.repeat(first.start.column - 1)}isolation: hyperv\n`,
      description,
    }
  }
  if (e.what !== 'docker run' && e.what !== 'docker create') return undefined
  // The image word as written (no quotes, no line break): the option goes right before it.
  const s = e.span
  if (s.start.line !== s.end.line || s.end.column - s.start.column !== e.imageRaw.length) return undefined
  return { span: spanAt(s.file, s.start, s.start), replacement: '--isolation=hyperv ', description }
}

/** The Compose service whose key is at `span`. */
function serviceAt(project: Project, span: Span): ComposeService | undefined {
  for (const c of project.composeFiles) {
    if (c.file !== span.file) continue
    for (const svc of c.services) {
      if (svc.span.start.line === span.start.line && svc.span.start.column === span.start.column) return svc
    }
  }
  return undefined
}

/**
 * The release tag for an untagged (or `:latest`) MCR Windows image, taken from the one Windows host that runs it:
 * `servercore` → `servercore:ltsc2022` on windows-2022. Undefined when no host, several hosts with different tags,
 * or an image written through variables.
 */
export function missingTagFix(use: ImageUse, project: Project, kb: KnowledgeBase): Fix | undefined {
  if (use.image === undefined || use.image !== use.raw) return undefined
  const s = use.span
  if (s.start.line !== s.end.line || s.end.column - s.start.column !== use.raw.length) return undefined
  const tags = new Set<string | undefined>()
  for (const e of project.executions) {
    if (e.span.file !== s.file || e.span.start.line !== s.start.line || e.span.start.column !== s.start.column) continue
    const host = e.host?.info
    if (!host || host.os !== 'windows' || host.build === undefined) tags.add(undefined)
    else tags.add(kb.matchingTag(host.build, host.kind))
  }
  const [tag] = [...tags]
  if (tags.size !== 1 || tag === undefined) return undefined
  const image = kb.image(use.image)
  if (image.digest || (image.tag !== undefined && image.tag.toLowerCase() !== 'latest')) return undefined
  // Without a tag, the name as written, less the colon of an empty tag (`servercore:`): not `servercore::ltsc2022`.
  const name =
    image.tag !== undefined ? use.raw.slice(0, use.raw.length - image.tag.length - 1) : use.raw.endsWith(':') ? use.raw.slice(0, -1) : use.raw
  const column = s.start.column + name.length
  return {
    span: span(s.file, s.start.line, column, s.end.line, s.end.column),
    replacement: `:${tag}`,
    description: `use the ${tag} image of the host`,
  }
}
