import type { Located, Span } from '../core/span.js'

/** An `ARG` instruction. `name` keeps the case written; lookups are case-insensitive (Windows builders). */
export interface ArgDecl {
  readonly name: string
  /** Default value with quotes removed, undefined for `ARG NAME`. */
  readonly defaultValue?: string
  /** Default value as written (quotes, escapes and `$VAR` references kept); undefined for `ARG NAME`. */
  readonly rawValue?: string
  /** Span of the `NAME[=value]` word (one ARG instruction can declare several names). */
  readonly span: Span
}

/** The image argument of a `FROM` instruction, as written (variables not expanded). */
export interface FromRef {
  /** Image text as written, quotes kept, e.g. `mcr.microsoft.com/windows/servercore:"${TAG}"`. */
  readonly raw: string
  /** Span of the image argument. */
  readonly span: Span
  /** Span of the whole FROM instruction (first line). */
  readonly instructionSpan: Span
  /** Value of `--platform=…`, as written. */
  readonly platform?: Located<string>
}

export interface Stage {
  readonly index: number
  /** `AS name`, lower-cased (stage names are case-insensitive). */
  readonly name?: string
  readonly from: FromRef
  /** Spans of the stage's RUN instructions; a stage with no RUN starts no container when built. */
  readonly runs: readonly Span[]
  /**
   * What the stage reads from other stages or images, in order: `COPY --from=…`, `ADD --from=…` and the `from=` of
   * `RUN --mount=…` (BuildKit builds those stages too), each with the flag's span.
   */
  readonly fromRefs: readonly FromFlag[]
}

/** One `--from` value (a stage name, a stage index or an image) and the instruction that names it. */
export interface FromFlag {
  readonly value: string
  readonly span: Span
  readonly via: 'COPY --from' | 'ADD --from' | 'RUN --mount'
}

export interface DockerfileModel {
  readonly kind: 'dockerfile'
  readonly file: string
  readonly escapeChar: '\\' | '`'
  /**
   * ARGs before the first FROM; only these can be used in FROM lines. The ARGs inside a stage are not kept: nothing
   * isolint checks reads them (no FROM can), and reading their words cost about 1% of the instructions of a run on
   * 3,000 Dockerfiles (issue 11).
   */
  readonly globalArgs: readonly ArgDecl[]
  readonly stages: readonly Stage[]
}

/** A stage's base after variable expansion for one set of build args. */
export interface ResolvedStage {
  readonly stage: Stage
  /** The expanded image reference; undefined when it refers to another stage or cannot be expanded. */
  readonly image?: string
  /** Index of the stage this one builds on (`FROM builder`). */
  readonly baseStage?: number
  /**
   * Variables used in the FROM image that have no value (no default, no build arg), or whole `${...}` expressions the
   * builder rejects. `image` is undefined whenever this is not empty.
   */
  readonly unresolved: readonly string[]
  /**
   * The effective `--platform` value after expansion, if any. When some of its variables have no value, they are
   * kept as written (`linux/${ARCH}`, `$BUILDPLATFORM`) and listed in `platformUnresolved`.
   */
  readonly platform?: string
  /** Variables used in `--platform` that have no value. */
  readonly platformUnresolved?: readonly string[]
}
