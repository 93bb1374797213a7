export interface V8Flag {
  readonly flag: string
  /** Set only on V8 major versions below this one. */
  readonly belowV8?: number
}
export const V8_FLAGS: readonly V8Flag[]
export function v8FlagsToSet(execArgv: readonly string[], v8Version?: string): string[]
