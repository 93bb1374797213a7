/** The `Exec` port on `child_process.spawn` (no shell), for the CLI. */
import { appendCapped, type Exec, type ExecResult } from './exec.js'

export function createNodeExec(env: NodeJS.ProcessEnv = process.env): Exec {
  return {
    run: (program, args, options = {}) =>
      new Promise<ExecResult>((resolve) => {
        let output = ''
        let timedOut = false
        let settled = false
        const done = (r: ExecResult): void => {
          if (settled) return
          settled = true
          if (timer) clearTimeout(timer)
          options.signal?.removeEventListener('abort', onAbort)
          resolve(r)
        }
        // node:child_process is loaded on first use: only smoke tests run programs.
        const { spawn } = process.getBuiltinModule('node:child_process')
        const child = spawn(program, [...args], { shell: false, windowsHide: true, env, stdio: ['ignore', 'pipe', 'pipe'] })
        child.stdout.setEncoding('utf8').on('data', (d: string) => (output = appendCapped(output, d)))
        child.stderr.setEncoding('utf8').on('data', (d: string) => (output = appendCapped(output, d)))
        const timer =
          options.timeoutMs !== undefined
            ? setTimeout(() => {
                timedOut = true
                child.kill('SIGKILL')
              }, options.timeoutMs)
            : undefined
        const onAbort = (): void => {
          child.kill('SIGKILL')
        }
        if (options.signal?.aborted) onAbort()
        else options.signal?.addEventListener('abort', onAbort, { once: true })
        child.on('error', (e) => done({ exitCode: undefined, output, timedOut, error: e.message }))
        child.on('close', (code) => done({ exitCode: timedOut ? undefined : (code ?? undefined), output, timedOut }))
      }),
  }
}
