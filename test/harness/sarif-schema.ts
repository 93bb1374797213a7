/**
 * The official SARIF 2.1.0 schema (rtm.5, JSON Schema draft-04, as shipped by Microsoft's sarif-js-sdk in
 * @microsoft/jest-sarif) compiled once for every test that checks a SARIF log.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import AjvDraft04 from 'ajv-draft-04'

const require = createRequire(import.meta.url)
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>

// RFC 3986 character set: what may appear in a URI reference, escapes well-formed.
const URI_CHARS = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*`
export const URI_REFERENCE = new RegExp(`^${URI_CHARS}$`)
const ABSOLUTE_URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${URI_CHARS}$`)

// ajv-draft-04 is CommonJS: TypeScript (NodeNext) types the default import as the module, whose `default` is
// the class; at run time module.exports is the class and carries `default` too, so `.default` works in both.
const Ajv = AjvDraft04.default
// unicodeRegExp: false because rtm.5's `language` pattern has a stray `]` that the `u` flag rejects.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  formats: { uri: ABSOLUTE_URI, 'uri-reference': URI_REFERENCE, 'date-time': true },
})

/** The compiled validator; `validateSarifSchema.errors` holds the errors of the last call. */
export const validateSarifSchema = ajv.compile(schema)

/** Schema errors of a parsed SARIF log, as `path message` lines (empty when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validateSarifSchema(log)) return []
  return (validateSarifSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}
