/** Typed view of rules/windows-knowledge.json. Pure lookups; no I/O beyond loading the bundled data. */

export type HostKind = 'server' | 'client'
export type Isolation = 'process' | 'hyperv'

/** A CI runner label or an explicit build given with --runner. */
export interface HostInfo {
  /** The label as given (`windows-2022`, `10.0.26100`). */
  readonly label: string
  readonly os: 'windows' | 'linux' | 'macos' | 'unknown'
  /** Windows build of the host; undefined for non-Windows or unknown hosts. */
  readonly build?: number
  /** Update build revision when the label pins it (`10.0.26100.1234`). */
  readonly ubr?: number
  readonly kind: HostKind
  /** Whether Docker can run Windows containers there (false for windows-11-arm). */
  readonly docker: boolean
  /** Set when the label no longer gets a runner. */
  readonly retired?: { readonly on: string; readonly note: string; readonly source: string }
  /** Set when the label moves between builds over time (windows-latest). */
  readonly floating?: {
    readonly resolvesTo: string
    readonly history: string
    readonly source: string
    /** Earlier targets of the label, oldest first, each until the date it moved on. */
    readonly previous?: readonly { readonly label: string; readonly build: number; readonly until: string }[]
  }
  readonly source?: string
  /** Who provides a runner with this label (`github`, `azurePipelines`, `gitlab`); absent for builds and config labels. */
  readonly provider?: string
}

/** Self-hosted runner labels from configuration, merged over the bundled runner labels. */
export interface KbExtensions {
  readonly runners?: Readonly<
    Record<string, { readonly build?: number; readonly os?: 'windows' | 'linux' | 'macos'; readonly kind?: HostKind }>
  >
  /**
   * Private images from configuration (`images:`): consulted before the bundled facts; undefined = not mapped.
   * `repository` is lower-cased registry/repository as in ImageInfo.
   */
  readonly image?: (
    repository: string,
    tag: string | undefined,
  ) => { readonly os: 'windows' | 'linux'; readonly build?: number; readonly reason: string } | undefined
}

export interface ImageInfo {
  /** The reference as given. */
  readonly ref: string
  /** Registry + repository, lower-cased, without tag or digest, Docker Hub names normalised (`python`). */
  readonly repository: string
  readonly tag?: string
  readonly digest?: string
  readonly os: 'windows' | 'linux' | 'any' | 'unknown'
  /**
   * Candidate Windows builds in manifest-list order (one for single-build tags); undefined when unknown.
   * For a HostProcess base image this is undefined and `hostProcess` is true.
   */
  readonly builds?: readonly number[]
  /** Update build revision when the tag pins `10.0.B.U`. */
  readonly ubr?: number
  /** An MCR Windows base image (servercore, nanoserver, server, windows, insider). */
  readonly windowsBase: boolean
  /** The tag is missing or `latest` on a repository that publishes no `latest`. */
  readonly missingTag: boolean
  /** The HostProcess base image, which is not tied to a Windows build. */
  readonly hostProcess: boolean
  /** Why the builds are what they are (the KB fact used), for messages. */
  readonly reason?: string
  /** Set when the tag is not published (the pull fails) or no longer maintained (frozen, no security fixes). */
  readonly status?: ImageStatus
  /**
   * Set when the tag names images whose support ended, whatever the build's lifecycle says (nanoserver:sac2016, and
   * any Nano Server image of build 14393).
   */
  readonly endOfLife?: string
  /** The release whose support ended on endOfLife, for messages (`Nano Server 1607`). */
  readonly release?: string
  /**
   * Set when Docker refuses the reference ("invalid reference format": a `$` left in a tag, upper case in the path):
   * no image runs; only what its repository decides for every tag holds (os), never a build.
   */
  readonly invalidReference?: true
}

export interface ImageStatus {
  readonly kind: 'unpublished' | 'unmaintained'
  /** ISO date since when the tag is frozen or unmaintained (for a date-stamped tag: its line). */
  readonly since?: string
  /**
   * ISO date of the tag's date stamp (`4.7.2-20190312-windowsservercore-ltsc2019`), when the fact captures one: such a
   * tag is maintained only while it is the newest of its line, so it went unmaintained long before `since`.
   */
  readonly stamped?: string
  /** What the knowledge base says, for messages. */
  readonly reason: string
  readonly source: string
}

export type Verdict =
  | { readonly kind: 'ok' }
  /**
   * Process isolation cannot run this build here; Hyper-V isolation can. `hypervUnverified`: Microsoft documents no
   * Hyper-V support for this host build (Windows Server 23H2, Windows 11 25H2), so that is the general rule, unverified.
   */
  | { readonly kind: 'needs-hyperv'; readonly hypervUnverified?: boolean }
  /** No isolation mode runs an image newer than the host. */
  | { readonly kind: 'newer-than-host' }

export interface BuildInfo {
  readonly build: number
  /** Short name used in tags and messages: `ltsc2022`, `1909`. */
  readonly name: string
  /** Long name: `Windows Server 2022`. */
  readonly title: string
  /** Date support ended (ISO), for end-of-life releases. */
  readonly endOfLife?: string
}

export interface KnowledgeBase {
  /** `windows-2022`, `ubuntu-latest`, `10.0.20348`, `20348`, or a label from config. Undefined when unknown. */
  /**
   * `provider` (a key of the knowledge base's `runners`, e.g. `azurePipelines`) looks among that provider's labels
   * first: Azure Pipelines' `windows-latest` is not GitHub's. Configured labels still come first.
   */
  host(labelOrBuild: string, provider?: string): HostInfo | undefined
  /** Parse and classify an image reference (already expanded, no variables left). */
  image(ref: string): ImageInfo
  /** The build the engine picks from the candidates on a host (moby: drop newer, prefer host build, else list order). */
  pickBuild(candidates: readonly number[], hostBuild: number): number | undefined
  /** Compatibility of an image build on a host with an isolation mode (Microsoft matrix, then the hcsshim rule). */
  compatibility(hostBuild: number, hostKind: HostKind, imageBuild: number, isolation: Isolation): Verdict
  /** Default isolation of a host kind: process on Windows Server, hyperv on Windows 10/11. */
  defaultIsolation(kind: HostKind): Isolation
  /** Name facts of a build; undefined for builds the KB does not know. */
  buildInfo(build: number): BuildInfo | undefined
  /** The tag token (`ltsc2022`) of the newest image build a host runs in process isolation. */
  matchingTag(hostBuild: number, hostKind: HostKind): string | undefined
  /** Version and verified-on date of the knowledge base, for reports. */
  readonly version: string
}
