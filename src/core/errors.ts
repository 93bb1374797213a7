/** Bad command line, input or configuration: exit code 2, message shown as is. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A bug in isolint (a rule that throws, a broken contract): exit code 3. */
export class InternalError extends Error {
  override readonly name = 'InternalError'
}

/**
 * `value` when it is one of `allowed`, else a UsageError naming the option as the user wrote it (`--format`,
 * `input 'fail-on'`).
 */
export function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${what} must be one of ${allowed.join(', ')}, got '${value}'`)
}
