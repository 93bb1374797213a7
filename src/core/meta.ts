/** Facts about isolint itself, used in reports. */
import pkg from '../../package.json' with { type: 'json' }

export const TOOL_NAME = 'isolint'
/** package.json's version, the one place it is written; the bundles inline it. */
export const TOOL_VERSION: string = pkg.version
export const REPOSITORY_URL = 'https://github.com/isolint/isolint'

/**
 * Stable documentation link of a rule, at the release tag of this version (the release workflow creates the tag
 * `v<version>` from the commit whose package.json says `<version>`, so the link always points at a ref that exists).
 */
export function ruleHelpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/v${TOOL_VERSION}/docs/rules/${ruleId}.md`
}
