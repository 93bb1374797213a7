/**
 * Notes for findings at a `FROM` whose image comes from the defaults of global `ARG`s (`ARG TAG=1803`,
 * `FROM mcr.microsoft.com/windows/servercore:$TAG`): the fix usually goes at the `ARG`, so each finding there gets a
 * "TAG=1803 is set here" location. A finding whose image a build arg gave points at that build arg already (link.ts
 * `argumentSpanFor`); a note is added only when the image the defaults give is the one the finding names. Pure.
 */
import type { Finding, RelatedLocation } from '../core/finding.js'
import type { Span } from '../core/span.js'
import type { ArgDecl, DockerfileModel, Stage } from '../model/dockerfile.js'
import { resolveStages } from '../parsers/dockerfile.js'

/** A variable reference: `$NAME`, `${NAME}`, `${NAME:-default}`. */
const REFERENCE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g

/** The findings, each at a FROM that global ARG defaults decide given the notes of those ARGs. */
export function withFromArgNotes(findings: readonly Finding[], dockerfiles: ReadonlyMap<string, DockerfileModel>): readonly Finding[] {
  if (dockerfiles.size === 0) return findings
  let out: Finding[] | undefined
  // Many findings stand at one FROM (one per build, host and rule): its defaults and notes are worked out once, and
  // findings that share their related locations (the rules of one execution) share the longer list too.
  const memo = new Map<Stage, StageDefaults | undefined>()
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!
    const df = dockerfiles.get(f.span.file)
    const related = df ? withNotes(df, f, memo) : undefined
    if (!related) continue
    out ??= findings.slice()
    out[i] = { ...f, related }
  }
  return out ?? findings
}

/** The image a stage's FROM names with the ARG defaults alone, and the notes of the ARGs whose defaults give it. */
interface StageDefaults {
  readonly image: string
  readonly notes: readonly RelatedLocation[]
  /** The related locations of findings here, each with the notes it lacks. */
  readonly merged: WeakMap<readonly RelatedLocation[], readonly RelatedLocation[] | undefined>
}

/** The finding's related locations with the notes of the ARGs its FROM reads; undefined when it gets none. */
function withNotes(df: DockerfileModel, f: Finding, memo: Map<Stage, StageDefaults | undefined>): readonly RelatedLocation[] | undefined {
  if (df.globalArgs.length === 0) return undefined
  // The rules report a FROM's image at the span the model gives it: the same object, so no positions are read.
  const stage = df.stages.find((s) => s.from.span === f.span)
  if (!stage || !stage.from.raw.includes('$')) return undefined
  let defaults = memo.get(stage)
  if (!memo.has(stage)) {
    const image = resolveStages(df, new Map())[stage.index]?.image
    const notes = defaultsRead(df, stage).map((arg) => ({ span: arg.span, message: `${arg.name}=${arg.defaultValue ?? arg.rawValue ?? ''} is set here` }))
    defaults = image === undefined || notes.length === 0 ? undefined : { image, notes, merged: new WeakMap() }
    memo.set(stage, defaults)
  }
  // The finding must be about the image the defaults give, without build args.
  if (!defaults || !f.message.includes(defaults.image)) return undefined
  if (defaults.merged.has(f.related)) return defaults.merged.get(f.related)
  const missing = defaults.notes.filter((n) => !f.related.some((r) => sameSpan(r.span, n.span)))
  const related = missing.length > 0 ? [...f.related, ...missing] : undefined
  defaults.merged.set(f.related, related)
  return related
}

/**
 * The global ARGs whose defaults the stage's FROM reads, directly or through other defaults, in the order read: for
 * each name, its last declaration with a default (a later `ARG NAME` without one keeps it), exact case first.
 */
function defaultsRead(df: DockerfileModel, stage: Stage): ArgDecl[] {
  const out: ArgDecl[] = []
  const seen = new Set<string>()
  const visit = (text: string): void => {
    for (const m of text.matchAll(REFERENCE)) {
      const name = m[1]!
      const decl = lastDefault(df.globalArgs, name)
      if (!decl || seen.has(decl.name.toLowerCase())) continue
      seen.add(decl.name.toLowerCase())
      out.push(decl)
      visit(decl.rawValue!)
    }
  }
  visit(stage.from.raw)
  return out
}

function lastDefault(args: readonly ArgDecl[], name: string): ArgDecl | undefined {
  const exact = args.filter((a) => a.name === name)
  const candidates = exact.length > 0 ? exact : args.filter((a) => a.name.toLowerCase() === name.toLowerCase())
  for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i]!.rawValue !== undefined) return candidates[i]
  return undefined
}

function sameSpan(a: Span, b: Span): boolean {
  return (
    a.file === b.file &&
    a.start.line === b.start.line &&
    a.start.column === b.start.column &&
    a.end.line === b.end.line &&
    a.end.column === b.end.column
  )
}
