/**
 * Compose files merged the way Compose merges them (compose-spec "Merge"; docs.docker.com "Merge Compose files"):
 * files in the order given, services matched by name, mappings merged key by key, scalars (`image`,
 * `isolation`, `platform`, `build.context`, …) replaced by the later file, `build: ctx` read as
 * `build: { context: ctx }` before merging, and relative paths resolved from the first file's folder. Every value
 * keeps the span of the file and line that set it; a merged service's own span is the one of the last file that
 * mentions it (where a missing key goes).
 *
 * Which files Compose reads: `-f` files in order (or `COMPOSE_FILE`); without them the first of compose.yaml,
 * compose.yml, docker-compose.yml, docker-compose.yaml and its override file (compose.override.yml, …).
 */
import path from 'node:path'
import type { ComposeBuild, ComposeModel, ComposeService } from '../model/compose.js'
import type { Mount } from '../model/mount.js'
import { joinRel } from '../core/rel-path.js'

/** In Compose's order of preference (compose-go `DefaultFileNames`, `DefaultOverrideFileNames`). */
const DEFAULT_COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']
const OVERRIDE_COMPOSE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
]

/** `compose.prod.yml`, `docker-compose.production.yaml`, `compose-prod.yml`: a production override of a base file. */
const PRODUCTION_OVERRIDE = /^(?:docker-)?compose[.-](?:prod|production)(?:[.-][^/]*)?\.ya?ml$/i

/** `docker-compose.xm1.override.yml`: an override of `docker-compose.xm1.yml` (or `.yaml`) in its folder. */
const NAMED_OVERRIDE = /^(.+)\.override\.(ya?ml)$/

/** A model merged from several files; `file` is the first (paths resolve from its folder). */
export interface MergedCompose extends ComposeModel {
  /** The files merged, in order. */
  readonly sources: readonly string[]
}

export function mergeCompose(models: readonly ComposeModel[]): ComposeModel | MergedCompose {
  if (models.length === 1) return models[0]!
  const services = new Map<string, ComposeService>()
  for (const m of models) {
    for (const s of m.services) {
      const prev = services.get(s.name)
      services.set(s.name, prev ? mergeService(prev, s) : s)
    }
  }
  const first = models[0]!
  return {
    kind: 'compose',
    file: first.file,
    services: [...services.values()],
    ...(first.envFile !== undefined ? { envFile: first.envFile } : {}),
    sources: models.map((m) => m.file),
  }
}

function mergeService(a: ComposeService, b: ComposeService): ComposeService {
  const image = b.image ?? a.image
  const isolation = b.isolation ?? a.isolation
  const platform = b.platform ?? a.platform
  const build = a.build && b.build ? mergeBuild(a.build, b.build) : (b.build ?? a.build)
  const mounts = mergeMounts(a.mounts ?? [], b.mounts ?? [])
  // A sequence: the later file's entries are appended.
  const profiles = [...new Set([...(a.profiles ?? []), ...(b.profiles ?? [])])]
  const ext = b.extends ?? a.extends
  // `deploy` is a mapping merged key by key: `replicas` is replaced, as `scale` is.
  const scale = b.scale ?? a.scale
  const replicas = b.replicas ?? a.replicas
  return {
    name: b.name,
    span: b.span,
    ...(image ? { image } : {}),
    ...(isolation ? { isolation } : {}),
    ...(platform ? { platform } : {}),
    ...(build ? { build } : {}),
    ...(mounts.length > 0 ? { mounts } : {}),
    ...(scale ? { scale } : {}),
    ...(replicas ? { replicas } : {}),
    ...(profiles.length > 0 ? { profiles } : {}),
    ...(ext ? { extends: ext } : {}),
  }
}

/** `volumes` are unique by target: a later mount of the same container path replaces the earlier one. */
function mergeMounts(a: readonly Mount[], b: readonly Mount[]): Mount[] {
  const replaced = new Set(b.flatMap((m) => (m.target !== undefined ? [m.target] : [])))
  return [...a.filter((m) => m.target === undefined || !replaced.has(m.target)), ...b]
}

function mergeBuild(a: ComposeBuild, b: ComposeBuild): ComposeBuild {
  const context = b.context ?? a.context
  const dockerfile = b.dockerfile ?? a.dockerfile
  const isolation = b.isolation ?? a.isolation
  const target = b.target ?? a.target
  const keySpan = b.keySpan ?? a.keySpan
  // `dockerfile_inline` in either file: the build is no Dockerfile of the tree (with a `dockerfile` too, Compose
  // refuses the pair).
  const inline = a.inline ?? b.inline
  return {
    ...(context ? { context } : {}),
    ...(dockerfile ? { dockerfile } : {}),
    args: new Map([...a.args, ...b.args]),
    ...(isolation ? { isolation } : {}),
    ...(target ? { target } : {}),
    ...(inline ? { inline } : {}),
    span: b.span,
    ...(keySpan ? { keySpan } : {}),
  }
}

/** The files Compose reads in `dir` when no `-f` is given: the default file and its override, if they exist. */
export function defaultComposeFiles(dir: string | undefined, exists: (rel: string) => boolean): string[] {
  // A folder outside the tree or absolute has no file isolint can read.
  const found = (names: readonly string[]): string | undefined =>
    names.map((n) => joinRel(dir, n)).find((rel): rel is string => rel !== undefined && exists(rel))
  const base = found(DEFAULT_COMPOSE_NAMES)
  if (!base) return []
  const override = found(OVERRIDE_COMPOSE_NAMES)
  return override ? [base, override] : [base]
}

/**
 * How the Compose files no workflow starts are checked: a default file with its override merged, each production
 * override (`compose.prod.yml`) merged over the default file of its folder, and each other `<name>.override.yml`
 * merged over its `<name>.yml` (`<name>.yaml`). An override file whose base exists is checked only merged. Each group
 * is a list of files in merge order. `reached`: the files a command reads; they form no named pair.
 */
export function standaloneComposeGroups(files: readonly string[], reached: (file: string) => boolean): string[][] {
  const set = new Set(files)
  const byDir = new Map<string, string[]>()
  for (const f of files) {
    const dir = path.posix.dirname(f)
    byDir.set(dir, [...(byDir.get(dir) ?? []), f])
  }
  const groups: string[][] = []
  const consumed = new Set<string>()
  for (const [dir, list] of byDir) {
    const defaults = defaultComposeFiles(dir, (rel) => set.has(rel))
    const base = defaults[0]
    if (base) {
      groups.push(defaults)
      for (const f of defaults) consumed.add(f)
      for (const f of list) {
        if (!PRODUCTION_OVERRIDE.test(path.posix.basename(f))) continue
        groups.push([base, f])
        consumed.add(f)
      }
    }
    // A named pair (`docker-compose.xm1.yml` + `docker-compose.xm1.override.yml`) is written to be given together
    // (`-f docker-compose.xm1.yml -f docker-compose.xm1.override.yml`, from a script isolint does not follow or by
    // hand): alone, the override lacks what it inherits from its base (`isolation`). Merged as the default pair is,
    // and likewise the base is checked only merged: alone it would report each of its services a second time, and
    // where the override changes a value (`isolation: hyperv`) falsely. Files a command reads keep the pairing that
    // command gives them. Shorter names first: `a.override.yml` pairs with `a.yml` before `a.override.override.yml`
    // could take it as its base.
    for (const f of [...list].sort((a, b) => a.length - b.length)) {
      if (consumed.has(f) || reached(f)) continue
      const base = namedOverrideBase(f, set)
      if (base === undefined || consumed.has(base) || reached(base)) continue
      groups.push([base, f])
      consumed.add(base)
      consumed.add(f)
    }
    for (const f of list) if (!consumed.has(f)) groups.push([f])
  }
  return groups
}

/** The base of `<name>.override.yml` in `files`: `<name>` with the override's extension, else with the other one. */
function namedOverrideBase(file: string, files: ReadonlySet<string>): string | undefined {
  const m = NAMED_OVERRIDE.exec(path.posix.basename(file))
  if (!m) return undefined
  const dir = path.posix.dirname(file)
  const exts = m[2] === 'yml' ? ['yml', 'yaml'] : ['yaml', 'yml']
  return exts.map((ext) => path.posix.join(dir, `${m[1]!}.${ext}`)).find((f) => files.has(f))
}

const MAX_EXTENDS = 16

/**
 * Resolves `extends`: the service starts from the one it extends (in the same file, or in `file` relative to this
 * file's folder) and its own values win. A service whose base cannot be read is kept as written.
 */
export function resolveExtends(model: ComposeModel, load: (rel: string) => ComposeModel | undefined): ComposeModel {
  if (!model.services.some((s) => s.extends)) return model
  const resolve = (m: ComposeModel, s: ComposeService, depth: number): ComposeService => {
    if (!s.extends || depth > MAX_EXTENDS) return s
    const file = s.extends.file !== undefined ? joinRel(path.posix.dirname(m.file), s.extends.file) : m.file
    const other = file === undefined ? undefined : file === m.file ? m : load(file)
    const base = other?.services.find((b) => b.name === s.extends!.service)
    if (!other || !base) return s
    const { extends: _, ...own } = s
    return { ...mergeService(resolve(other, base, depth + 1), own), span: s.span }
  }
  return { ...model, services: model.services.map((s) => resolve(model, s, 0)) }
}

/**
 * The services a command starts: those named on it, else every service without `profiles` or with an enabled one
 * (`--profile`, `COMPOSE_PROFILES`; `*` enables all).
 */
export function selectServices(model: ComposeModel, named: readonly string[], profiles: readonly string[]): ComposeModel {
  const all = profiles.includes('*')
  const services = model.services.filter((s) =>
    named.length > 0 ? named.includes(s.name) : !s.profiles || all || s.profiles.some((p) => profiles.includes(p)),
  )
  return services.length === model.services.length ? model : { ...model, services }
}

/**
 * How many containers `docker compose up` starts for a service: its `scale`, else its `deploy.replicas`, else 1
 * (compose-go `ServiceConfig.GetScale`; compose-spec 05-services.md: `scale` "specifies the default number of
 * containers to deploy for this service" and must be consistent with `deploy.replicas`). `scale: 0` is how a file
 * declares a service that is only built or only started by `docker compose run` (docker/compose#8651).
 * Undefined when isolint cannot know the count: a value that does not interpolate or is no whole number, or a
 * `scale` and `replicas` that differ (compose-go refuses the file: "can't set distinct values").
 */
export function serviceScale(svc: ComposeService): number | undefined {
  if (!svc.scale && !svc.replicas) return 1
  const scale = svc.scale ? parseCount(svc.scale.value) : undefined
  const replicas = svc.replicas ? parseCount(svc.replicas.value) : undefined
  if (svc.scale && svc.replicas) return scale === replicas ? scale : undefined
  return svc.scale ? scale : replicas
}

/** A count as Compose reads one (Go's `strconv.Atoi`: `0`, `+2`, `007`); undefined for any other text. */
export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d{1,9}$/.test(text)) return undefined
  // `-0` is 0.
  return Number(text) + 0
}
