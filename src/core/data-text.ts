/**
 * The text of a YAML data file in rules/ (catalog, build actions, system namespaces, engine messages). The source
 * tree holds the YAML as written; the bundles hold it compiled to JSON by `scripts/bundle.mjs` (JSON is YAML too),
 * read with `JSON.parse` instead of the YAML parser at every start. A data file written as YAML starts with a
 * comment or a key, never with `[` or `{`.
 */
import { parse } from 'yaml'

/** The data of a data file's text, YAML or the bundle's JSON. */
export function parseDataText(text: string): unknown {
  return text.startsWith('[') || text.startsWith('{') ? JSON.parse(text) : parse(text)
}
