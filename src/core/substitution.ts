/**
 * `${NAME<op>word}` parameter substitution, the one rule set that Compose interpolation (`parsers/compose.ts`), the
 * Dockerfile builder's lexer (`parsers/dockerfile.ts`) and shell variables in workflow steps
 * (`parsers/workflow-expressions.ts`) share. Each reader keeps its own lexical rules (quotes and escapes in a
 * Dockerfile, `$$` in Compose, `${{ }}` and `$env:` in workflows); what an operator does with a value, and how deep
 * `${A:-${B:-…}}` may nest, is decided here. Pure.
 */

/** Nesting of `${A:-${B:-...}}` beyond this is an expression the tool would reject (bounded work on hostile input). */
export const MAX_SUBSTITUTION_DEPTH = 32

export type SubstitutionOperator = '-' | ':-' | '+' | ':+' | '?' | ':?'

/**
 * What `${NAME<op>word}` stands for, given the variable's value (undefined: not set): its `value`, the `word`,
 * nothing (`empty`), or an `error` (`?` without a value). With a colon, an empty value counts as no value.
 */
export function substitute(op: SubstitutionOperator, value: string | undefined): 'value' | 'word' | 'empty' | 'error' {
  const hasValue = value !== undefined && (!op.startsWith(':') || value !== '')
  switch (op[op.length - 1]) {
    case '-':
      return hasValue ? 'value' : 'word'
    case '+':
      return hasValue ? 'word' : 'empty'
    default:
      return hasValue ? 'value' : 'error'
  }
}
