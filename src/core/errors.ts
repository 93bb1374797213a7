/** Bad command line, input or configuration: exit code 2, message shown as is. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A bug in isolint (a rule that throws, a broken contract): exit code 3. */
export class InternalError extends Error {
  override readonly name = 'InternalError'
}
