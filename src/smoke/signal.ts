/** SIGINT and SIGTERM cancel a smoke run (its containers are removed) instead of ending the process at once. */
export function cancelOnSignals(): { readonly signal: AbortSignal; readonly dispose: () => void } {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    },
  }
}
