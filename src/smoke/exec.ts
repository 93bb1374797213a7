/**
 * The smoke runner's port to processes. The CLI binds it to `child_process` (./exec-node.ts), the action to
 * `@actions/exec` (src/action/exec.ts). Commands are a program and an argument array, never a shell string.
 */

export interface ExecOptions {
  /** Stop waiting after this many milliseconds: the result has `timedOut: true` (the process is killed if possible). */
  readonly timeoutMs?: number
  /** Cancels the command (the process is killed if possible; the result has `timedOut: false`, exit undefined). */
  readonly signal?: AbortSignal
}

export interface ExecResult {
  /** Undefined when the process was killed or could not be started. */
  readonly exitCode: number | undefined
  /** Standard output and error, interleaved as they came, capped to the last 64 KiB. */
  readonly output: string
  readonly timedOut: boolean
  /** Set when the program could not be started (not found, not executable). */
  readonly error?: string
}

export interface Exec {
  run(program: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>
}

/** The most output kept per command. */
export const MAX_OUTPUT = 64 * 1024

/** Appends text to a bounded buffer, keeping the end. */
export function appendCapped(buffer: string, text: string, max = MAX_OUTPUT): string {
  const joined = buffer + text
  return joined.length > max ? joined.slice(joined.length - max) : joined
}
