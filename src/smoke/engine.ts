/**
 * The host of a smoke run is the Docker engine's, not the OS isolint runs on (the engine may be remote through
 * DOCKER_HOST or a context): `docker version` and `docker info` say its OS type, Windows build and revision, and
 * default isolation. Parsing is pure; `probeEngine` runs the two commands through the `Exec` port.
 */
import type { HostKind, Isolation } from '../kb/types.js'
import { oneLine } from './classify.js'
import type { Exec } from './exec.js'

export interface EngineHost {
  readonly osType: 'windows'
  readonly build: number
  /** Update build revision (`2582` of `20348.2582`), when the engine says it. */
  readonly ubr?: number
  readonly kind: HostKind
  readonly defaultIsolation: Isolation
  /** `Microsoft Windows Server Version 21H2 (OS Build 20348.2582)`. */
  readonly operatingSystem: string
  readonly serverVersion: string
}

export type EngineProbe =
  | { readonly ok: true; readonly host: EngineHost }
  /** No engine, or not a Windows one: the smoke run is skipped for this reason. */
  | { readonly ok: false; readonly reason: string }

interface DockerInfoJson {
  OSType?: unknown
  KernelVersion?: unknown
  OperatingSystem?: unknown
  OSVersion?: unknown
  Isolation?: unknown
  ServerVersion?: unknown
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Parses `docker info --format '{{json .}}'` (and the server version from `docker version`). Pure. */
export function parseEngine(infoJson: string, versionJson = ''): EngineProbe {
  let info: DockerInfoJson
  try {
    info = JSON.parse(infoJson) as DockerInfoJson
  } catch {
    return { ok: false, reason: `docker info printed something that is not JSON: ${oneLine(infoJson, 200)}` }
  }
  if (typeof info !== 'object' || info === null) return { ok: false, reason: 'docker info printed no engine facts' }
  const osType = str(info.OSType).toLowerCase()
  if (osType !== 'windows') {
    return {
      ok: false,
      reason: `the Docker engine runs ${osType || 'unknown'} containers, not Windows containers (docker info OSType ${osType || 'missing'})`,
    }
  }
  const os = str(info.OperatingSystem)
  const kernel = `${str(info.KernelVersion)} ${str(info.OSVersion)}`
  // `(OS Build 20348.2582)` in OperatingSystem; `10.0 20348 (20348.1.amd64fre…)` in KernelVersion.
  const fromOs = /OS Build (\d{4,6})\.(\d+)/i.exec(os)
  const fromKernel = /10\.0[ .](\d{4,6})(?:\.(\d+))?/.exec(kernel)
  const build = Number(fromOs?.[1] ?? fromKernel?.[1])
  if (!Number.isSafeInteger(build) || build <= 0) {
    return { ok: false, reason: `the Windows build of the engine's host is unknown (docker info: ${oneLine(os || kernel, 200)})` }
  }
  const ubrText = fromOs?.[2] ?? (fromKernel?.[2] !== undefined && fromKernel[2] !== '1' ? fromKernel[2] : undefined)
  const ubr = ubrText !== undefined ? Number(ubrText) : undefined
  // Windows 10/11 say so; Windows Server says "Windows Server" or only "Version 21H2 (OS Build …)".
  const kind: HostKind = /windows (10|11)\b/i.test(os) ? 'client' : 'server'
  const iso = str(info.Isolation).toLowerCase()
  const defaultIsolation: Isolation = iso === 'hyperv' || iso === 'process' ? iso : kind === 'client' ? 'hyperv' : 'process'
  let serverVersion = str(info.ServerVersion)
  try {
    const v = JSON.parse(versionJson) as { Server?: { Version?: unknown } }
    serverVersion = str(v?.Server?.Version) || serverVersion
  } catch {
    // docker version is optional: docker info already answered.
  }
  return {
    ok: true,
    host: {
      osType: 'windows',
      build,
      ...(ubr !== undefined && Number.isSafeInteger(ubr) ? { ubr } : {}),
      kind,
      defaultIsolation,
      operatingSystem: os,
      serverVersion,
    },
  }
}

/** `10.0.20348.2582`. */
export function hostVersion(host: EngineHost): string {
  return `10.0.${host.build}${host.ubr !== undefined ? `.${host.ubr}` : ''}`
}

/** Asks the engine `docker` talks to; a missing client or engine is a reason to skip, not an error. */
export async function probeEngine(exec: Exec, docker: string, timeoutMs = 60_000): Promise<EngineProbe> {
  const version = await exec.run(docker, ['version', '--format', '{{json .}}'], { timeoutMs })
  if (version.error !== undefined) return { ok: false, reason: `no Docker client: cannot run '${docker}' (${oneLine(version.error, 200)})` }
  const info = await exec.run(docker, ['info', '--format', '{{json .}}'], { timeoutMs })
  if (info.timedOut) return { ok: false, reason: `the Docker engine did not answer docker info within ${Math.round(timeoutMs / 1000)} s` }
  if (info.exitCode !== 0) {
    return { ok: false, reason: `no Docker engine answered: ${oneLine(info.output || version.output, 300) || `docker info exited with ${info.exitCode}`}` }
  }
  // `docker info` may print warnings after the JSON line.
  const jsonLine = info.output.split(/\r?\n/).find((l) => l.trim().startsWith('{')) ?? info.output
  const versionLine = version.output.split(/\r?\n/).find((l) => l.trim().startsWith('{')) ?? ''
  return parseEngine(jsonLine, versionLine)
}
