/**
 * Whether a name (a Kubernetes namespace, a path, an Azure Pipelines environment) says production. A small
 * predicate on purpose: the configuration's `environments` (paths, namespaces) will replace it.
 */

/** Words that negate or precede a following `prod` (`non-prod`, `not-prod`, `pre-prod`). */
const NEGATING = new Set(['non', 'not', 'pre'])

/** True when `text` has `prod` or `production` as a whole word, not `non-prod`, `not-prod`, `preprod` or `product`. */
export function isProductionName(text: string): boolean {
  const words = text.toLowerCase().split(/[^a-z0-9]+/)
  return words.some((w, i) => (w === 'prod' || w === 'production') && !NEGATING.has(words[i - 1] ?? ''))
}
