export const V8_FLAGS: readonly string[]
export function v8FlagsToSet(execArgv: readonly string[]): string[]
