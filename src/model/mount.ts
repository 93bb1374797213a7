import type { Span } from '../core/span.js'

/**
 * A host path, named pipe or volume given to a container (Compose `volumes`, `docker run -v`/`--mount`, and later a
 * Kubernetes `hostPath`): the source as written, after interpolation where it could be expanded.
 */
export interface Mount {
  /** The source side: `\\.\pipe\docker_engine`, `C:\data`, a volume name. */
  readonly source: string
  /** Where the mount is written (the list item, the option value). */
  readonly span: Span
  /** `npipe`, `bind`, `volume` when the syntax says so. */
  readonly type?: string
  /** The path inside the container, when known (Compose merges `volumes` by it). */
  readonly target?: string
}
