import type { Span } from '../core/span.js'

/**
 * What a smoke test observed for one image, as the `smoke-test-failed` rule reads it: where the pipeline uses the
 * image (the finding goes there), and why the engine refused or the command failed. Produced by src/smoke/.
 */
export interface SmokeObservation {
  /** The pipeline line that uses the image (a `docker run` image word, a FROM line, a Compose `image:`). */
  readonly span: Span
  /** Other uses of the same image with the same isolation, shown as related locations. */
  readonly alsoAt: readonly Span[]
  /** `docker run`, `build stage 'build' (RUN)`, `service web`. */
  readonly what: string
  readonly image: string
  readonly imageBuild?: number
  readonly hostBuild: number
  /** `10.0.20348.2582 (Windows Server 2022)`. */
  readonly host: string
  readonly isolation: 'process' | 'hyperv'
  /** Id of the engine message class (rules/engine-messages.yaml), `timeout` or `command-failed`. */
  readonly cause: string
  /** What the cause means and how to fix it (from rules/engine-messages.yaml or the runner). */
  readonly explanation: string
  /** The engine's message (or the command's last lines), single line, capped. */
  readonly detail: string
}
