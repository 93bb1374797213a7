import type { RelatedLocation } from '../core/finding.js'
import type { Span } from '../core/span.js'
import type { RunnerMapping } from '../config/types.js'
import type { HostInfo } from '../kb/types.js'
import type { AzurePipelinesModel } from './azure-pipelines.js'
import type { ComposeModel } from './compose.js'
import type { Mount } from './mount.js'
import type { DockerfileModel } from './dockerfile.js'
import type { K8sWorkload, KubernetesModel } from './kubernetes.js'
import type { Job, WorkflowModel } from './workflow.js'

/**
 * Why a variable an earlier step of the job wrote to `GITHUB_ENV` has no value (project/env-writes.ts), after it in an
 * {@link Execution}'s `unresolved`: `$TAG (set through GITHUB_ENV by an earlier step)`. isolint does not run steps.
 */
export const SET_THROUGH_GITHUB_ENV = 'set through GITHUB_ENV by an earlier step'

export type FileModel = DockerfileModel | ComposeModel | WorkflowModel | KubernetesModel | AzurePipelinesModel
export type FileKind = FileModel['kind']

/** A file that failed to parse; it becomes a `parse-error` finding. */
export interface ParseProblem {
  readonly file: string
  /** What the file was read as, when known (a broken workflow always fails its pipeline). */
  readonly kind?: FileKind
  readonly message: string
  readonly span: Span
}

/** Where a host comes from: a workflow job's runs-on, or a --runner given for files no workflow reaches. */
export interface HostRef {
  readonly info: HostInfo
  /** The runs-on line (absent for --runner hosts). */
  readonly span?: Span
  readonly job?: { readonly file: string; readonly id: string }
  /** The matrix combination that produced this host, as `key=value` pairs, for messages. */
  readonly matrix?: string
  /** Where a user-given host comes from, for messages: `from --runner`, `from the runner input`, `from .isolint.yml`. */
  readonly origin?: string
  /**
   * Given with --runner for files no workflow reaches: only the Windows containers among them are assumed to run
   * there (a Linux image in the same repository runs on some Linux host, and an unknown image may be either).
   */
  readonly assumed?: boolean
  /** Where the host comes from, when it is not a GitHub runner or a --runner value. */
  readonly provider?: 'azure-pipelines' | 'kubernetes'
  /** Set when the host cannot run Hyper-V isolated containers at all, with the reason. */
  readonly hypervUnsupported?: string
  /** The job's runs-on labels, expanded (absent for --runner hosts). */
  readonly labels?: readonly string[]
  /** The config's `runners:` entry that describes this host (self-hosted: ephemeral, Hyper-V available). */
  readonly runner?: RunnerMapping
  /** Labels of a Windows job that neither the knowledge base nor the config knows (`unknown-runner-label`). */
  readonly unknownLabels?: readonly string[]
}

/** Why a job runs code it cannot trust (code from a pull request), and where that is written. */
export interface Untrusted {
  readonly reason: string
  /** The trigger, checkout `ref:` or script line that brings the pull request's code in. */
  readonly span?: Span
}

export interface IsolationRef {
  /** Lower-cased value when explicit; undefined when the host's default applies. */
  readonly value?: string
  /** The value as written, for messages. */
  readonly raw?: string
  readonly span?: Span
  /**
   * Kubernetes: Hyper-V asked for through a RuntimeClass handler (`runhcs-wcow-hypervisor`), which works on nodes whose
   * containerd is set up for it, unlike the dockershim-era annotation, which nothing reads any more.
   */
  readonly runtimeClass?: true
}

/**
 * One container the pipeline starts (or image it pulls): an image, on a host, with an isolation.
 * `build` = a Dockerfile stage with RUN built on the host; `run` = docker run/create or a Compose service;
 * `pull` = an image pulled (no container, but a newer Windows image already fails to pull).
 */
export interface Execution {
  readonly kind: 'build' | 'run' | 'pull'
  /** The expanded image reference; undefined when it could not be expanded. */
  readonly image?: string
  /** The reference as written, for messages when it could not be expanded. */
  readonly imageRaw: string
  /** Variables or expressions left without a value. */
  readonly unresolved: readonly string[]
  /** Where the fix goes: the FROM image, the `image:` value, the docker command's image word. */
  readonly span: Span
  /** Undefined when nothing says where it runs (a Compose file no workflow reaches, with no --runner). */
  readonly host?: HostRef
  readonly isolation: IsolationRef
  /** Explicit `--platform`/`platform:` value, if any. */
  readonly platform?: string
  /** Set when the execution counts as production, with the reason. */
  /**
   * Set when the execution belongs to an environment that requires Hyper-V isolation (production, or any
   * environment of the config with `require-isolation: hyperv`), with the reason and the environment's name.
   */
  readonly production?: { readonly reason: string; readonly span?: Span; readonly environment?: string }
  /** Set when the job builds or runs code from a pull request. */
  readonly untrusted?: Untrusted
  /** Host paths and pipes given to the container (`run` executions). */
  readonly mounts?: readonly Mount[]
  /** Where the fix for isolation goes (the compose service key, the docker command). */
  readonly isolationFixSpan: Span
  /** For images built from a Dockerfile: the build step or FROM line chain, runs-on line, etc. */
  readonly related: readonly RelatedLocation[]
  /** What this execution is, for messages: `docker run`, `build stage 'build' (RUN)`, `service web`. */
  readonly what: string
  /** For a `docker build` step of a workflow: what it builds, so a smoke test can build it the same way. */
  readonly build?: BuildSpec
  /** A Compose build's (kind `build` or `pull`): the service it builds for (its isolation is set under `build:`). */
  readonly service?: string
  /**
   * A `run` of an image the job builds (`docker build -t` then `docker run`, a Compose service's `build:`), or a build
   * stage whose FROM names such an image, where a RUN of that build starts a container from its base on the same host:
   * the build's execution stands for this one about an image whose build is unknown (its fix goes at the build).
   */
  readonly unknownBaseBuilt?: true
  /**
   * The image is the base of one an earlier build of the job tagged, named at `span` by that tag (`docker run` of it,
   * a `FROM` of it): `imageRaw` is written at that build's FROM, not at `span`, so no fix edits the text there.
   */
  readonly builtInJob?: true
  /**
   * A docker command with a word up to its image that expands to any number of words, options or not (`"${OPTS[@]}"`,
   * `"$@"`, PowerShell `@args`): isolint cannot pick the image out of its arguments, nor read its isolation. `imageRaw`
   * is that word, `image` absent.
   */
  readonly unknownArguments?: true
}

/** A `docker build` as a workflow writes it (paths relative to the root, POSIX). */
export interface BuildSpec {
  readonly dockerfile: string
  readonly context: string
  readonly target?: string
  readonly args: Readonly<Record<string, string>>
}

/**
 * A container GitHub itself starts for a job on a Windows host, where it starts them only on Linux runners: the job's
 * `container:`, one of its `services:`, or a step's Docker container action (`uses: docker://…`, or a local action
 * whose action.yml says `runs.using: docker`).
 */
export interface LinuxOnlyContainer {
  readonly kind: 'job-container' | 'service' | 'action'
  /** Where the fix goes: the `container` key, the service's name, the step's `uses:` value. */
  readonly span: Span
  /** The image, expanded (`docker://` removed); undefined when it could not be expanded or is a Dockerfile. */
  readonly image?: string
  /** The image as written (`Dockerfile` for an action built from one). */
  readonly imageRaw: string
  /** The service's name (kind `service`). */
  readonly service?: string
  /** The step's `uses:` value and its 1-based number in its steps (kind `action`). */
  readonly uses?: string
  readonly step?: number
  /** The Windows hosts of the combinations that start it, each once (by label and line), in order. */
  readonly hosts: readonly HostRef[]
  /** The composite actions that lead to the step, outermost first. */
  readonly via: readonly RelatedLocation[]
}

/** A job and the hosts its runs-on resolves to (one per matrix combination). */
export interface JobHosts {
  readonly file: string
  readonly job: Job
  readonly hosts: readonly HostRef[]
  /** True when the job builds, runs or pulls containers (docker commands, build actions, compose). */
  readonly usesContainers: boolean
  /** Set when the job builds or runs code from a pull request. */
  readonly untrusted?: Untrusted
  /** Containers GitHub starts for the job on its Windows hosts, one per span; absent when there are none. */
  readonly linuxOnly?: readonly LinuxOnlyContainer[]
  /**
   * The commands of the job that build or start what isolint cannot read (a Dockerfile at a path it cannot know,
   * Compose files it cannot read): whether they start containers is unknown. Each with its host; absent when none.
   */
  readonly unread?: readonly UnreadCommand[]
}

/** A command that builds or starts what isolint cannot read (see JobHosts.unread). */
export interface UnreadCommand {
  readonly host: HostRef
  /** What it does, for messages: `builds a Dockerfile isolint cannot read`. */
  readonly what: string
}

export interface Project {
  readonly files: readonly FileModel[]
  readonly problems: readonly ParseProblem[]
  readonly executions: readonly Execution[]
  readonly images: readonly ImageUse[]
  readonly jobs: readonly JobHosts[]
  readonly workflows: readonly WorkflowModel[]
  readonly dockerfiles: readonly DockerfileModel[]
  readonly composeFiles: readonly ComposeModel[]
  /** File references: a workflow that builds a Dockerfile or starts a Compose file, a Compose file that builds one. */
  readonly links: readonly FileLink[]
  /** Paths a workflow builds or starts (`docker build -f`, `docker compose -f`), whether they parsed or not. */
  readonly reached?: readonly string[]
  /** Every Kubernetes workload with the environment it belongs to (HostProcess pods have no executions). */
  readonly workloads?: readonly LinkedWorkload[]
  /**
   * The image references a build in the repository tags, expanded: `docker build -t`, a build action's `tags`, a
   * Compose service's `image` next to its `build`, and the target of a `docker tag`. An image of such a name may be
   * that build's (or the tagged one on the machine), so a pull of it that would fail may never happen (Compose builds a
   * service whose pull fails).
   */
  readonly built?: readonly string[]
}

/** A Kubernetes workload of a manifest, and why it counts as production (an environment requiring Hyper-V). */
export interface LinkedWorkload {
  readonly file: string
  readonly workload: K8sWorkload
  readonly production?: Execution['production']
}

export interface FileLink {
  readonly from: string
  readonly to: string
}

/** Every image reference found (FROM lines, Compose `image:`, docker run/pull), for host-independent rules. */
export interface ImageUse {
  /** The expanded reference; undefined when it could not be expanded. */
  readonly image?: string
  readonly raw: string
  readonly span: Span
  /** `command`: docker run or create; `pull`: docker pull, which never takes a local image instead. */
  readonly where: 'from' | 'compose' | 'command' | 'pull' | 'manifest'
}
