/** Typed, validated access to rules/catalog.yaml (bundled into dist/ by ncc through the URL below). */
import { readFileSync } from 'node:fs'
import { parseDataText } from './data-text.js'
import { SEVERITIES, type Severity } from './finding.js'
import { InternalError } from './errors.js'

export type RuleScope = 'dockerfile' | 'compose' | 'workflow' | 'kubernetes' | 'project'
export type RuleType = 'problem' | 'policy' | 'suggestion'
export type RuleStage = 'experimental' | 'stable' | 'retired'

export interface CatalogEntry {
  readonly id: string
  readonly scope: RuleScope
  readonly type: RuleType
  readonly defaultSeverity: Severity
  readonly stage: RuleStage
  /** One sentence, no trailing period. */
  readonly summary: string
  /** A paragraph: why the rule exists and how to fix what it reports. */
  readonly help: string
  readonly sources: readonly { readonly title: string; readonly url: string }[]
}

const SCOPES = new Set<string>(['dockerfile', 'compose', 'workflow', 'kubernetes', 'project'])
const TYPES = new Set<string>(['problem', 'policy', 'suggestion'])
const SEVERITY_SET = new Set<string>(SEVERITIES)
const STAGES = new Set<string>(['experimental', 'stable', 'retired'])
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** Checks the catalog's shape; throws InternalError naming the entry and field. */
export function validateCatalog(data: unknown): CatalogEntry[] {
  if (!Array.isArray(data)) throw new InternalError('rules/catalog.yaml: expected a list of rules')
  const ids = new Set<string>()
  return data.map((raw: unknown, i) => {
    const e = raw as Record<string, unknown>
    const where = `rules/catalog.yaml entry ${i + 1}`
    const str = (k: string): string => {
      const v = e?.[k]
      if (typeof v !== 'string' || v.trim() === '') throw new InternalError(`${where}: '${k}' must be a non-empty string`)
      return v
    }
    const id = str('id')
    if (!ID.test(id)) throw new InternalError(`${where}: id '${id}' is not kebab-case`)
    if (ids.has(id)) throw new InternalError(`${where}: duplicate id '${id}'`)
    ids.add(id)
    const pick = <T extends string>(k: string, allowed: Set<string>): T => {
      const v = str(k)
      if (!allowed.has(v)) throw new InternalError(`${where} (${id}): '${k}' must be one of ${[...allowed].join(', ')}`)
      return v as T
    }
    const summary = str('summary')
    if (summary.endsWith('.')) throw new InternalError(`${where} (${id}): summary must not end with a period`)
    const sources = e.sources
    if (!Array.isArray(sources) || sources.length === 0) throw new InternalError(`${where} (${id}): sources must be a non-empty list`)
    for (const s of sources as Record<string, unknown>[]) {
      if (typeof s?.title !== 'string' || typeof s?.url !== 'string' || !/^https:\/\//.test(s.url)) {
        throw new InternalError(`${where} (${id}): every source needs a title and an https url`)
      }
    }
    return {
      id,
      scope: pick<RuleScope>('scope', SCOPES),
      type: pick<RuleType>('type', TYPES),
      defaultSeverity: pick<Severity>('defaultSeverity', SEVERITY_SET),
      stage: pick<RuleStage>('stage', STAGES),
      summary,
      help: str('help'),
      sources: sources as CatalogEntry['sources'],
    }
  })
}

let cached: ReadonlyMap<string, CatalogEntry> | undefined

/** The catalog, keyed by rule id, in file order. */
export function loadCatalog(): ReadonlyMap<string, CatalogEntry> {
  if (!cached) {
    const text = readFileSync(new URL('../../rules/catalog.yaml', import.meta.url), 'utf8')
    cached = new Map(validateCatalog(parseDataText(text)).map((e) => [e.id, e]))
  }
  return cached
}
