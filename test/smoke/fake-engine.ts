/**
 * The fake Windows engine of test/smoke/fake-docker/docker: a temporary folder with its configuration and the log
 * of every call, and the environment that puts it first on PATH.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const FAKE_DOCKER_DIR = fileURLToPath(new URL('./fake-docker/', import.meta.url))

export interface FakeImage {
  /** Windows build of the image when its tag does not say (ltsc2019/2022/2025 do). */
  readonly build?: number
  /** The pull fails this many times (a flaky registry), then succeeds. */
  readonly pullFailTimes?: number
  /** A Linux image: the engine refuses it at pull. */
  readonly linux?: boolean
  /** How `docker run` ends: ok (default), patch (0xc0370106), layer (0xc0370112), hang (until rm -f), exit1. */
  readonly run?: 'ok' | 'patch' | 'layer' | 'hang' | 'exit1'
  /** `classic` for the 0xc0370101 wording with CreateContainer, else the hcs wording. */
  readonly wording?: 'classic'
  /** Printed by the container before it ends. */
  readonly output?: string
}

export interface FakeEngineConfig {
  readonly host: '2022' | '2025' | 'linux' | 'none'
  /** Whether Hyper-V isolated containers start (default false). */
  readonly hyperv?: boolean
  /** The message when they do not (default: no hypervisor, 0xc0351000). */
  readonly noHypervMessage?: string
  readonly pullDelayMs?: number
  readonly buildFails?: boolean
  readonly buildOutput?: string
  readonly images?: Readonly<Record<string, FakeImage>>
}

export interface DockerCall {
  readonly cmd: string
  readonly args: readonly string[]
}

export class FakeEngine {
  readonly dir: string
  readonly stateFile: string
  readonly configFile: string

  constructor(config: FakeEngineConfig) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'isolint-fake-docker-'))
    mkdirSync(this.dir, { recursive: true })
    this.stateFile = path.join(this.dir, 'calls.jsonl')
    this.configFile = path.join(this.dir, 'config.json')
    writeFileSync(this.configFile, JSON.stringify(config))
  }

  /** The environment of a process that should talk to this engine. */
  env(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
    return {
      PATH: `${FAKE_DOCKER_DIR}${path.delimiter}${base.PATH ?? ''}`,
      HOME: base.HOME ?? this.dir,
      FAKE_DOCKER_CONFIG: this.configFile,
      FAKE_DOCKER_STATE: this.stateFile,
    }
  }

  calls(): DockerCall[] {
    if (!existsSync(this.stateFile)) return []
    return readFileSync(this.stateFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DockerCall)
  }

  /** `docker run` calls: container name, isolation, image. */
  runs(): { name: string; isolation: string; image: string }[] {
    return this.calls()
      .filter((c) => c.cmd === 'run')
      .map((c) => {
        const name = c.args[c.args.indexOf('--name') + 1]!
        const isolation = c.args.find((a) => a.startsWith('--isolation='))!.split('=')[1]!
        const image = c.args[c.args.indexOf(`--isolation=${isolation}`) + 1]!
        return { name, isolation, image }
      })
  }

  /** Names of containers started and never force-removed. */
  leftBehind(): string[] {
    const removed = new Set(this.calls().filter((c) => c.cmd === 'rm').map((c) => c.args[c.args.length - 1]))
    return this.runs().map((r) => r.name).filter((n) => !removed.has(n))
  }
}
