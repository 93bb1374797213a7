/** Facts about isolint itself, used in reports. */
export const TOOL_NAME = 'isolint'
export const TOOL_VERSION = '0.1.0'
export const REPOSITORY_URL = 'https://github.com/isolint/isolint'

/** Stable documentation link of a rule, at the released tag. */
export function ruleHelpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/v${TOOL_VERSION}/docs/rules/${ruleId}.md`
}
