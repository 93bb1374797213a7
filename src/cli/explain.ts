/** `isolint explain <rule-id>`: the rule's page (catalog facts, why, how to fix, sources, documentation link). */
import { loadCatalog } from '../core/catalog.js'
import { UsageError } from '../core/errors.js'
import { ruleHelpUri } from '../core/meta.js'

export function explain(args: readonly string[]): string {
  const catalog = loadCatalog()
  if (args.length !== 1) throw new UsageError('explain takes one rule id: isolint explain <rule-id> (isolint --list-rules lists them)')
  const id = args[0]!
  const entry = catalog.get(id)
  if (!entry || entry.stage === 'retired') {
    const near = [...catalog.keys()].filter((k) => k.includes(id) || id.includes(k.split('-')[0]!))
    throw new UsageError(`unknown rule '${id}'${near.length > 0 ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}; isolint --list-rules lists them`)
  }
  return [
    `${entry.id}`,
    '',
    `${entry.summary}.`,
    '',
    `severity: ${entry.defaultSeverity}   type: ${entry.type}   scope: ${entry.scope}   stage: ${entry.stage}`,
    '',
    'Why',
    '',
    ...wrap(entry.help, 100),
    '',
    'Configure',
    '',
    `  rules: { ${entry.id}: off | note | warning | error }   (.isolint.yml)`,
    `  # isolint-disable-next-line ${entry.id} -- <reason>     (inline, on the line before the finding)`,
    '',
    'Sources',
    '',
    ...entry.sources.map((s) => `  - ${s.title}: ${s.url}`),
    '',
    `Examples and full page: ${ruleHelpUri(entry.id)}`,
    '',
  ].join('\n')
}

function wrap(text: string, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') out.push(line)
  return out
}
