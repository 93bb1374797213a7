/**
 * The core of `engine-access-from-container`, over a neutral mount shape so that every source of mounts (Compose
 * volumes, docker run options, and later Kubernetes hostPath volumes) is judged the same way. Pure.
 */
import type { RelatedLocation } from '../../core/finding.js'
import type { Report } from '../../core/rule.js'
import type { Span } from '../../core/span.js'

/** One mount of one container, with what makes its workload sensitive. */
export interface EngineMountCandidate {
  /** The source as written (`\\.\pipe\docker_engine`, `//./pipe/docker_engine`, `C:\data`). */
  readonly source: string
  /** Where the mount is written: the finding points here. */
  readonly span: Span
  /** What the container is, for the message: `service traefik`, `docker run`, `pod agent`. */
  readonly what: string
  /** Why the container counts as production (or another environment that requires Hyper-V), if it does. */
  readonly production?: string
  /** The environment's name when it is not production (`untrusted`, `multi-tenant`). */
  readonly environment?: string
  /** Why the container runs code it cannot trust (a pull request), if it does. */
  readonly untrusted?: string
  readonly related?: readonly RelatedLocation[]
}

/**
 * The container engine's named pipes on Windows: Docker's (`docker_engine`, and Docker Desktop's
 * `docker_engine_windows`/`docker_engine_linux`) and containerd's, written with backslashes or forward slashes, with
 * or without a trailing separator (Sitecore's examples write `\\.\pipe\docker_engine\`).
 */
const ENGINE_PIPE = /^(?:\\\\|\/\/)\.[\\/]pipe[\\/](docker_engine(?:_windows|_linux)?|containerd-containerd)[\\/]?$/i

/** The engine a mount source gives access to (`docker` or `containerd`), or undefined. */
export function enginePipe(source: string): 'docker' | 'containerd' | undefined {
  const m = ENGINE_PIPE.exec(source.trim())
  if (!m) return undefined
  return m[1]!.toLowerCase().startsWith('containerd') ? 'containerd' : 'docker'
}

/**
 * One report per mount written (the same mount reached through several matrix combinations or hosts is reported
 * once): an error when any of its containers is production or untrusted, a warning otherwise.
 */
export function engineAccessReports(candidates: readonly EngineMountCandidate[]): Report[] {
  const groups = new Map<
    string,
    { first: EngineMountCandidate; engine: 'docker' | 'containerd'; production?: string; environment?: string; untrusted?: string }
  >()
  for (const c of candidates) {
    const engine = enginePipe(c.source)
    if (!engine) continue
    const key = `${c.span.file}\0${c.span.start.line}\0${c.span.start.column}`
    const g = groups.get(key) ?? { first: c, engine }
    if (c.production !== undefined && g.production === undefined) {
      g.production = c.production
      if (c.environment !== undefined) g.environment = c.environment
    }
    if (c.untrusted !== undefined && g.untrusted === undefined) g.untrusted = c.untrusted
    groups.set(key, g)
  }
  return [...groups.values()].map(({ first, engine, production, environment, untrusted }) => {
    const name = engine === 'docker' ? 'the Docker engine' : 'containerd'
    const where =
      untrusted !== undefined
        ? ` in a job that runs code from a pull request (${untrusted})`
        : production !== undefined
          ? ` in ${environment ?? 'production'} (${production})`
          : ''
    return {
      message:
        `${first.what}: mounts ${first.source.trim()}, the named pipe of ${name}${where}; whoever controls this ` +
        'container controls the host (it can start any container, in process isolation, with host mounts), whatever ' +
        'the isolation mode: remove the mount (the rule page lists safer setups for proxies, CI agents and monitoring)',
      span: first.span,
      severity: untrusted !== undefined || production !== undefined ? 'error' : 'warning',
      ...(first.related && first.related.length > 0 ? { related: first.related } : {}),
    } satisfies Report
  })
}
