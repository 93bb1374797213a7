/**
 * Classifies what the Docker engine printed when a pull, build or run failed, with the patterns of
 * rules/engine-messages.yaml (bundled into dist/ by ncc through the URL below). Pure apart from loading the data once.
 */
import { readFileSync } from 'node:fs'
import { parseDataText } from '../core/data-text.js'
import { InternalError } from '../core/errors.js'

export interface EngineMessageClass {
  readonly id: string
  readonly pattern: RegExp
  /** The host cannot run Hyper-V containers at all (not an image failure). */
  readonly hypervUnavailable: boolean
  readonly explanation: string
  readonly sources: readonly string[]
}

export interface Classification {
  /** A class id of rules/engine-messages.yaml, or `unknown`. */
  readonly id: string
  readonly hypervUnavailable: boolean
  readonly explanation: string
  /** The line of the output that matched (else the last non-empty line), trimmed and capped. */
  readonly detail: string
}

const MAX_DETAIL = 400

/** Checks and compiles the data; throws InternalError naming the entry. */
export function compileEngineMessages(data: unknown): EngineMessageClass[] {
  if (!Array.isArray(data)) throw new InternalError('rules/engine-messages.yaml: expected a list')
  return data.map((raw: unknown, i) => {
    const e = raw as Record<string, unknown>
    const where = `rules/engine-messages.yaml entry ${i + 1}`
    for (const k of ['id', 'pattern', 'explanation']) {
      if (typeof e?.[k] !== 'string' || (e[k]).trim() === '') throw new InternalError(`${where}: '${k}' must be a non-empty string`)
    }
    if (!Array.isArray(e.sources) || e.sources.length === 0 || !e.sources.every((s) => typeof s === 'string')) {
      throw new InternalError(`${where}: 'sources' must be a non-empty list of strings`)
    }
    let pattern: RegExp
    try {
      pattern = new RegExp(e.pattern as string, 'i')
    } catch (err) {
      throw new InternalError(`${where}: invalid pattern (${(err as Error).message})`)
    }
    return {
      id: e.id as string,
      pattern,
      hypervUnavailable: e.hypervUnavailable === true,
      explanation: (e.explanation as string).trim(),
      sources: e.sources,
    }
  })
}

let cached: readonly EngineMessageClass[] | undefined

export function loadEngineMessages(): readonly EngineMessageClass[] {
  if (!cached) {
    // `const text = readFileSync(new URL(...))`: the form ncc copies under the file's own name (else a content hash).
    const text = readFileSync(new URL('../../rules/engine-messages.yaml', import.meta.url), 'utf8')
    cached = compileEngineMessages(parseDataText(text))
  }
  return cached
}

/** One line, control characters removed, capped. */
export function oneLine(text: string, max = MAX_DETAIL): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** The class of an engine failure; `unknown` keeps the raw text. */
export function classify(output: string, classes: readonly EngineMessageClass[] = loadEngineMessages()): Classification {
  const lines = output.split(/\r?\n/).filter((l) => l.trim() !== '')
  for (const c of classes) {
    const line = lines.find((l) => c.pattern.test(l))
    if (line !== undefined) return { id: c.id, hypervUnavailable: c.hypervUnavailable, explanation: c.explanation, detail: oneLine(line) }
  }
  return {
    id: 'unknown',
    hypervUnavailable: false,
    explanation: 'The engine failed with a message isolint does not know; its text is below',
    detail: oneLine(lines.slice(-3).join(' ') || 'no output'),
  }
}
