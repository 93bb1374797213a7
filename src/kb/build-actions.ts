/**
 * rules/build-actions.yaml: the GitHub Actions that build an image, and which input holds which build option.
 * Bundled into dist/ by ncc through the URL below.
 */
import { readFileSync } from 'node:fs'
import { parseDataText } from '../core/data-text.js'
import { InternalError } from '../core/errors.js'

export type BuildOption = 'file' | 'context' | 'tags' | 'buildArgs' | 'platform' | 'target'
export type Split = 'newline' | 'comma' | 'newline-or-comma'

export interface BuildAction {
  readonly uses: string
  readonly source: string
  readonly checked: string
  readonly inputs: Readonly<Partial<Record<BuildOption, string>>>
  readonly split: Readonly<Partial<Record<'tags' | 'buildArgs', Split>>>
}

const OPTIONS: readonly BuildOption[] = ['file', 'context', 'tags', 'buildArgs', 'platform', 'target']
const SPLITS: readonly Split[] = ['newline', 'comma', 'newline-or-comma']

/** The table by lower-cased `owner/repo` (GitHub compares them without case). */
let byName: ReadonlyMap<string, BuildAction> | undefined

function buildActions(): ReadonlyMap<string, BuildAction> {
  if (!byName) {
    // `const text = readFileSync(new URL(...))`: the form ncc copies under the file's own name (else a content hash).
    const text = readFileSync(new URL('../../rules/build-actions.yaml', import.meta.url), 'utf8')
    const actions = validate(parseDataText(text)).reverse()
    // Reversed so that the first entry of a name wins, as a search of the list would find it.
    byName = new Map(actions.map((a) => [a.uses.toLowerCase(), a]))
  }
  return byName
}

/** The build action a `uses:` value names (`owner/repo@ref`, `owner/repo/path@ref`), if it is in the table. */
export function buildActionFor(uses: string): BuildAction | undefined {
  const at = uses.indexOf('@')
  return buildActions().get((at < 0 ? uses : uses.slice(0, at)).toLowerCase())
}

function validate(data: unknown): BuildAction[] {
  const fail = (what: string): never => {
    throw new InternalError(`rules/build-actions.yaml: ${what}`)
  }
  const list = (data as { actions?: unknown })?.actions
  if (!Array.isArray(list)) fail('`actions` must be a list')
  return (list as unknown[]).map((raw, i) => {
    const e = raw as Record<string, unknown>
    if (typeof e.uses !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(e.uses)) fail(`actions[${i}].uses must be owner/repo`)
    if (typeof e.source !== 'string' || !/^https:\/\//.test(e.source)) fail(`actions[${i}].source must be a URL`)
    if (typeof e.checked !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.checked)) fail(`actions[${i}].checked must be a date`)
    const inputs = (e.inputs ?? {}) as Record<string, unknown>
    for (const [k, v] of Object.entries(inputs)) {
      if (!OPTIONS.includes(k as BuildOption) || typeof v !== 'string') fail(`actions[${i}].inputs.${k} is not a build option`)
    }
    const split = (e.split ?? {}) as Record<string, unknown>
    for (const [k, v] of Object.entries(split)) {
      if ((k !== 'tags' && k !== 'buildArgs') || !SPLITS.includes(v as Split)) fail(`actions[${i}].split.${k} is invalid`)
    }
    return e as unknown as BuildAction
  })
}
