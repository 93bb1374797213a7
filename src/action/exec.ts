/**
 * The smoke runner's `Exec` port on `@actions/exec` (argument arrays, no shell; output captured silently so that
 * nothing a container prints reaches the log unescaped). `@actions/exec` cannot kill a process: at the timeout the
 * result says so, and the runner's `docker rm -f` ends a `docker run` that is still waiting.
 */
import * as actionsExec from '@actions/exec'
import { appendCapped, type Exec, type ExecResult } from '../smoke/exec.js'

export function createActionsExec(): Exec {
  return {
    run: async (program, args, options = {}) => {
      let output = ''
      const listen = (d: Buffer): void => {
        output = appendCapped(output, d.toString('utf8'))
      }
      const running = actionsExec
        .exec(program, [...args], { silent: true, ignoreReturnCode: true, listeners: { stdout: listen, stderr: listen } })
        .then((code): ExecResult => ({ exitCode: code, output, timedOut: false }))
        .catch((e: unknown): ExecResult => ({ exitCode: undefined, output, timedOut: false, error: e instanceof Error ? e.message : String(e) }))
      const stops: Promise<ExecResult>[] = []
      let timer: NodeJS.Timeout | undefined
      if (options.timeoutMs !== undefined) {
        stops.push(new Promise((resolve) => (timer = setTimeout(() => resolve({ exitCode: undefined, output, timedOut: true }), options.timeoutMs))))
      }
      if (options.signal) {
        const signal = options.signal
        stops.push(new Promise((resolve) => signal.addEventListener('abort', () => resolve({ exitCode: undefined, output, timedOut: false }), { once: true })))
      }
      try {
        return await Promise.race([running, ...stops])
      } finally {
        if (timer) clearTimeout(timer)
      }
    },
  }
}
