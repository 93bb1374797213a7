import type { Span } from '../core/span.js'
import type { Mount } from './mount.js'

/** A scalar from a Compose file, before and after `${VAR}` interpolation. */
export interface ComposeValue {
  /** Text as written. */
  readonly raw: string
  /** Interpolated value; undefined when a variable has no value and no default. */
  readonly value?: string
  /** Variables that could not be resolved. */
  readonly unresolved: readonly string[]
  /** Span of the value node; for a key without value, the key. */
  readonly span: Span
  /** Span of the `key: value` line's key, where a new sibling key would go. */
  readonly keySpan: Span
}

export interface ComposeBuild {
  readonly context?: ComposeValue
  readonly dockerfile?: ComposeValue
  readonly args: ReadonlyMap<string, ComposeValue>
  readonly isolation?: ComposeValue
  readonly target?: ComposeValue
  /** `dockerfile_inline:` given: Compose builds that text, no Dockerfile of the tree. */
  readonly inline?: true
  /** Span of the value node (a string context, or the mapping). */
  readonly span: Span
  /** Span of the `build` key. */
  readonly keySpan?: Span
}

export interface ComposeService {
  readonly name: string
  /** Span of the service's key. */
  readonly span: Span
  readonly image?: ComposeValue
  readonly isolation?: ComposeValue
  readonly platform?: ComposeValue
  readonly build?: ComposeBuild
  /** `volumes` entries with a source (short `src:dst[:mode]` and long `{type, source, target}` syntax). */
  readonly mounts?: readonly Mount[]
  /** `scale:`: how many containers `docker compose up` starts (1 when neither this nor `replicas` is set). */
  readonly scale?: ComposeValue
  /** `deploy.replicas:`: the same count (Compose refuses a service whose `scale` and `replicas` differ). */
  readonly replicas?: ComposeValue
  /** `profiles:`: the service starts only when one of them is enabled (or it is named on the command). */
  readonly profiles?: readonly string[]
  /** `extends: name` or `extends: { service, file }`. */
  readonly extends?: { readonly service: string; readonly file?: string; readonly span: Span }
}

export interface ComposeModel {
  readonly kind: 'compose'
  readonly file: string
  readonly services: readonly ComposeService[]
  /** The `.env` file used for interpolation, if any (POSIX path relative to the root). */
  readonly envFile?: string
  /** Top-level `include:` paths as written (relative to this file's folder), with the span of each. */
  readonly include?: readonly { readonly path: string; readonly span: Span }[]
}
