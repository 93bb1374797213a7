/**
 * Works out which image runs on which host with which isolation: follows workflow jobs (per matrix combination)
 * to the Dockerfiles they build and the images they run, and Compose files to their services. Pure: files
 * referenced by path come through the `FileResolver` port.
 */
import path from 'node:path'
import type { RelatedLocation } from '../core/finding.js'
import type { Span } from '../core/span.js'
import { expandValue as expand } from '../core/expressions.js'
import type { HostInfo, KnowledgeBase } from '../kb/types.js'
import type { ComposeModel, ComposeValue } from '../model/compose.js'
import type { DockerfileModel, ResolvedStage } from '../model/dockerfile.js'
import type {
  Execution,
  FileModel,
  HostRef,
  ImageUse,
  IsolationRef,
  JobHosts,
  ParseProblem,
  Project,
} from '../model/project.js'
import type { DockerBuildCommand, DockerCommand, Job, Step, Word, WorkflowModel } from '../model/workflow.js'
import { effectiveImage, resolveStages, stagesToBuild } from '../parsers/dockerfile.js'

/** Loads files that other files refer to (`-f Dockerfile.windows`, `docker compose -f x.yml`). */
export interface FileResolver {
  dockerfile(rel: string): DockerfileModel | undefined
  compose(rel: string): ComposeModel | undefined
}

export interface LinkOptions {
  /** Hosts (runner labels or builds) for files no workflow reaches. */
  readonly runners: readonly string[]
  /** `--environment`: `production` makes every container a production one. */
  readonly environment?: string
}

const PRODUCTION = /^prod(uction)?$/i
const PRODUCTION_PATH = /(^|[^a-z])prod(uction)?([^a-z]|$)/i

interface Scope {
  readonly matrix: ReadonlyMap<string, string>
  readonly env: ReadonlyMap<string, string>
}

interface Built {
  readonly image?: string
  readonly imageRaw: string
  readonly unresolved: readonly string[]
  readonly fromSpan: Span
  readonly buildSpan: Span
}

export function linkProject(
  models: readonly FileModel[],
  problems: readonly ParseProblem[],
  resolver: FileResolver,
  kb: KnowledgeBase,
  options: LinkOptions,
): Project {
  const executions: Execution[] = []
  const images: ImageUse[] = []
  const jobs: JobHosts[] = []
  const links = new Set<string>()
  const reachedDockerfiles = new Set<string>()
  const reachedCompose = new Set<string>()
  const workflows = models.filter((m): m is WorkflowModel => m.kind === 'workflow')
  const dockerfiles = models.filter((m): m is DockerfileModel => m.kind === 'dockerfile')
  const composeFiles = models.filter((m): m is ComposeModel => m.kind === 'compose')
  const globalProduction = options.environment && PRODUCTION.test(options.environment)
    ? { reason: `--environment ${options.environment}` }
    : undefined

  // 1. Workflows: each job, once per matrix combination.
  for (const wf of workflows) {
    for (const job of wf.jobs) {
      const hosts: HostRef[] = []
      let usesContainers = false
      job.matrix.forEach((matrix, combination) => {
        const scope: Scope = { matrix, env: job.env }
        const host = jobHost(wf.file, job, scope, kb, job.matrixSpans?.[combination])
        if (host) hosts.push(host)
        const production = jobProduction(job, scope) ?? globalProduction
        const built = new Map<string, Built>()
        for (const step of job.steps) {
          const stepScope: Scope = { matrix, env: merge(job.env, step.env) }
          const workdir = expand(step.workingDirectory ?? '', stepScope).value ?? ''
          for (const cmd of stepCommands(step, host)) {
            usesContainers = true
            const ctx: CommandContext = { kb, resolver, host, scope: stepScope, workdir, production, built }
            const out = linkCommand(cmd, ctx)
            executions.push(...out.executions)
            images.push(...out.images)
            for (const f of out.dockerfiles) reachedDockerfiles.add(f)
            for (const f of out.composeFiles) reachedCompose.add(f)
            for (const f of [...out.dockerfiles, ...out.composeFiles]) links.add(`${wf.file}\0${f}`)
          }
        }
      })
      jobs.push({ file: wf.file, job, hosts: uniqueBy(hosts, hostKey), usesContainers })
    }
  }

  // 2. Files no workflow reaches: checked against --runner hosts, and host-independently.
  const runnerHosts: (HostRef | undefined)[] = options.runners.map((label) => {
    const info = kb.host(label)
    return info ? { info, assumed: true } : undefined
  })
  const standaloneHosts = runnerHosts.filter((h): h is HostRef => h !== undefined)
  for (const df of dockerfiles) {
    const resolved = resolveStages(df, new Map())
    images.push(...fromImages(resolved))
    if (reachedDockerfiles.has(df.file)) continue
    for (const host of standaloneHosts) {
      executions.push(...dockerfileExecutions(df, resolved, undefined, { host, production: globalProduction, isolation: {} }))
    }
  }
  for (const compose of composeFiles) {
    for (const svc of compose.services) {
      if (svc.image) images.push({ ...(svc.image.value !== undefined ? { image: svc.image.value } : {}), raw: svc.image.raw, span: svc.image.span, where: 'compose' })
    }
    if (reachedCompose.has(compose.file)) continue
    const production = composeProduction(compose) ?? globalProduction
    const hostList: (HostRef | undefined)[] = standaloneHosts.length > 0 ? standaloneHosts : [undefined]
    for (const host of hostList) {
      const ctx: CommandContext = {
        kb,
        resolver,
        host,
        scope: { matrix: new Map(), env: new Map() },
        workdir: '',
        production,
        built: new Map(),
      }
      executions.push(...composeExecutions(compose, 'up', ctx).executions)
    }
  }

  // Files reached only by reference (`-f Dockerfile-windows`) belong to the project too.
  const dockerfileNames = new Set(dockerfiles.map((d) => d.file))
  const composeNames = new Set(composeFiles.map((c) => c.file))
  const referencedDockerfiles = [...reachedDockerfiles]
    .filter((f) => !dockerfileNames.has(f))
    .map((f) => resolver.dockerfile(f))
    .filter((d): d is DockerfileModel => d !== undefined)
  for (const df of referencedDockerfiles) images.push(...fromImages(resolveStages(df, new Map())))
  const referencedCompose = [...reachedCompose]
    .filter((f) => !composeNames.has(f))
    .map((f) => resolver.compose(f))
    .filter((c): c is ComposeModel => c !== undefined)

  return {
    files: models,
    problems,
    executions: uniqueBy(executions, executionKey),
    images: uniqueBy(images, imageKey),
    jobs,
    workflows,
    dockerfiles: [...dockerfiles, ...referencedDockerfiles],
    composeFiles: [...composeFiles, ...referencedCompose],
    links: [...links].sort().map((l) => {
      const [from, to] = l.split('\0') as [string, string]
      return { from, to }
    }),
  }
}

/** A step's commands as the runner's default shell reads them when the step names no shell. */
function stepCommands(step: Step, host: HostRef | undefined): readonly DockerCommand[] {
  const both = step.commandsByDialect
  if (!both || !host || host.info.os === 'unknown') return step.commands
  return host.info.os === 'windows' ? both.powershell : both.posix
}

/** The FROM images of a Dockerfile with its ARG defaults (stage references left out). */
function fromImages(resolved: readonly ResolvedStage[]): ImageUse[] {
  return resolved
    .filter((r) => r.baseStage === undefined)
    .map((r) => ({ ...(r.image !== undefined ? { image: r.image } : {}), raw: r.stage.from.raw, span: r.stage.from.span, where: 'from' as const }))
}

interface CommandContext {
  readonly kb: KnowledgeBase
  readonly resolver: FileResolver
  readonly host?: HostRef
  readonly scope: Scope
  readonly workdir: string
  readonly production?: Execution['production']
  readonly built: Map<string, Built>
}

interface Linked {
  executions: Execution[]
  images: ImageUse[]
  dockerfiles: string[]
  composeFiles: string[]
}

function linkCommand(cmd: DockerCommand, ctx: CommandContext): Linked {
  const out: Linked = { executions: [], images: [], dockerfiles: [], composeFiles: [] }
  switch (cmd.type) {
    case 'build':
      return linkBuild(cmd, ctx)
    case 'run':
    case 'create':
    case 'pull': {
      if (!cmd.image) return out
      const e = expand(cmd.image.value, ctx.scope)
      const built = ctx.built.get(canonical(cmd.image.value))
      const isolation = cmd.type === 'pull' ? {} : isolationOf(cmd.isolation, ctx.scope)
      const platform = cmd.platform ? expand(cmd.platform.value, ctx.scope).value : undefined
      const what = cmd.type === 'pull' ? 'docker pull' : `docker ${cmd.type}`
      if (built && cmd.type !== 'pull') {
        out.executions.push({
          kind: 'run',
          ...(built.image !== undefined ? { image: built.image } : {}),
          imageRaw: built.imageRaw,
          unresolved: built.unresolved,
          span: cmd.image.span,
          ...(ctx.host ? { host: ctx.host } : {}),
          isolation,
          ...(platform ? { platform } : {}),
          ...(ctx.production ? { production: ctx.production } : {}),
          isolationFixSpan: cmd.span,
          related: [
            ...hostRelated(ctx.host),
            { span: built.buildSpan, message: 'image built here' },
            { span: built.fromSpan, message: 'base image of the built image' },
          ],
          what: `${what} of the image built in this job`,
        })
        return out
      }
      out.images.push({ ...(e.value !== undefined ? { image: e.value } : {}), raw: cmd.image.value, span: cmd.image.span, where: 'command' })
      out.executions.push({
        kind: cmd.type === 'pull' ? 'pull' : 'run',
        ...(e.value !== undefined ? { image: e.value } : {}),
        imageRaw: cmd.image.value,
        unresolved: e.unresolved,
        span: cmd.image.span,
        ...(ctx.host ? { host: ctx.host } : {}),
        isolation,
        ...(platform ? { platform } : {}),
        ...(ctx.production && cmd.type !== 'pull' ? { production: ctx.production } : {}),
        isolationFixSpan: cmd.span,
        related: hostRelated(ctx.host),
        what,
      })
      return out
    }
    case 'compose': {
      const files = cmd.files.length > 0 ? cmd.files.map((f) => expand(f.value, ctx.scope).value) : [undefined]
      for (const f of files) {
        const candidates = f !== undefined
          ? [joinPath(ctx.workdir, f)]
          : ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'].map((n) => joinPath(ctx.workdir, n))
        for (const rel of candidates) {
          if (rel === undefined) continue
          const model = ctx.resolver.compose(rel)
          if (!model) continue
          out.composeFiles.push(model.file)
          const linked = composeExecutions(model, cmd.subcommand ?? 'up', {
            ...ctx,
            production: composeProduction(model) ?? ctx.production,
          }, cmd.span)
          out.executions.push(...linked.executions)
          out.dockerfiles.push(...linked.dockerfiles)
          break
        }
      }
      return out
    }
  }
}

function linkBuild(cmd: DockerBuildCommand, ctx: CommandContext): Linked {
  const out: Linked = { executions: [], images: [], dockerfiles: [], composeFiles: [] }
  const contextDir = cmd.context ? expand(cmd.context.value, ctx.scope).value : '.'
  let dockerfilePath: string | undefined
  if (cmd.file) {
    const f = expand(cmd.file.value, ctx.scope).value
    dockerfilePath = f === undefined || f === '-' ? undefined : joinPath(ctx.workdir, f)
  } else if (contextDir !== undefined && !/^[a-z]+:\/\//i.test(contextDir)) {
    dockerfilePath = joinPath(joinPath(ctx.workdir, contextDir) ?? '', 'Dockerfile')
  }
  const df = dockerfilePath !== undefined ? ctx.resolver.dockerfile(dockerfilePath) : undefined
  if (!df) return out
  out.dockerfiles.push(df.file)
  const buildArgs = new Map<string, string>()
  const buildArgSpans = new Map<string, Span>()
  for (const arg of cmd.buildArgs) {
    const raw = arg.value ?? ctx.scope.env.get(arg.name)
    if (raw === undefined) continue
    const v = expand(raw, ctx.scope)
    if (v.value !== undefined) {
      buildArgs.set(arg.name, v.value)
      buildArgSpans.set(arg.name.toLowerCase(), arg.span)
    }
  }
  const target = cmd.target ? expand(cmd.target.value, ctx.scope).value : undefined
  const resolved = resolveStages(df, buildArgs)
  const isolation = isolationOf(cmd.isolation, ctx.scope)
  out.executions.push(
    ...dockerfileExecutions(df, resolved, target, {
      ...(ctx.host ? { host: ctx.host } : {}),
      ...(ctx.production ? { production: ctx.production } : {}),
      isolation,
      command: cmd,
      buildArgSpans,
    }),
  )
  // Remember the final image for `docker run <tag>` later in the job.
  const final = finalStage(df, resolved, target)
  if (final) {
    const base = effectiveImage(resolved, final.stage.index)
    const built: Built = {
      ...(base?.image !== undefined ? { image: base.image } : {}),
      imageRaw: (base ?? final).stage.from.raw,
      unresolved: base?.unresolved ?? final.unresolved,
      fromSpan: (base ?? final).stage.from.span,
      buildSpan: cmd.span,
    }
    for (const tag of cmd.tags) ctx.built.set(canonical(tag.value), built)
  }
  return out
}

interface DockerfileRunContext {
  readonly host?: HostRef
  readonly production?: Execution['production']
  readonly isolation: IsolationRef
  readonly command?: DockerBuildCommand
  readonly buildArgSpans?: ReadonlyMap<string, Span>
}

/** A build starts a container for every RUN of the stages it builds; one execution per such stage. */
function dockerfileExecutions(
  df: DockerfileModel,
  resolved: readonly ResolvedStage[],
  target: string | undefined,
  ctx: DockerfileRunContext,
): Execution[] {
  const out: Execution[] = []
  // The Docker engine on Windows builds with the classic builder, which runs every stage up to the target;
  // elsewhere BuildKit builds only the stages the target needs.
  const builder = ctx.host?.info.os === 'windows' ? 'classic' : 'buildkit'
  for (const index of stagesToBuild(df, [...resolved], target, builder)) {
    const stage = resolved[index]
    if (!stage || stage.stage.runs.length === 0) continue
    const base = effectiveImage([...resolved], index)
    if (!base) continue
    const platform = base.platform ?? stage.platform
    // A stage pinned to another platform (`--platform=linux/amd64`) is cross-built, not run on this host.
    if (platform && /linux/i.test(platform) && ctx.host?.info.os === 'windows') continue
    if (base.image && /^scratch$/i.test(base.image)) continue
    const fromArgSpan = argumentSpanFor(base, ctx.buildArgSpans)
    const related: RelatedLocation[] = [...hostRelated(ctx.host)]
    if (ctx.command) related.push({ span: ctx.command.span, message: 'built here' })
    if (fromArgSpan) related.push({ span: base.stage.from.span, message: 'base image of this stage' })
    if (base.stage.index !== index) related.push({ span: stage.stage.from.span, message: `stage ${stageLabel(stage)} builds on it` })
    related.push({ span: stage.stage.runs[0]!, message: 'RUN starts a container from this image' })
    out.push({
      kind: 'build',
      ...(base.image !== undefined ? { image: base.image } : {}),
      imageRaw: base.stage.from.raw,
      unresolved: base.unresolved,
      span: fromArgSpan ?? base.stage.from.span,
      ...(ctx.host ? { host: ctx.host } : {}),
      isolation: ctx.isolation,
      ...(platform ? { platform } : {}),
      ...(ctx.production ? { production: ctx.production } : {}),
      isolationFixSpan: ctx.command?.span ?? stage.stage.from.instructionSpan,
      related,
      what: `build stage ${stageLabel(stage)} (RUN)`,
    })
  }
  return out
}

/** When a build arg given on the command decided the FROM image, the fix goes there. */
function argumentSpanFor(stage: ResolvedStage, spans: ReadonlyMap<string, Span> | undefined): Span | undefined {
  if (!spans || spans.size === 0) return undefined
  for (const m of stage.stage.from.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const s = spans.get(m[1]!.toLowerCase())
    if (s) return s
  }
  return undefined
}

function finalStage(df: DockerfileModel, resolved: readonly ResolvedStage[], target: string | undefined): ResolvedStage | undefined {
  if (target) {
    const t = target.toLowerCase()
    const byName = resolved.find((r) => r.stage.name === t)
    if (byName) return byName
  }
  return resolved[df.stages.length - 1]
}

function composeExecutions(
  compose: ComposeModel,
  subcommand: string,
  ctx: CommandContext,
  commandSpan?: Span,
): { executions: Execution[]; dockerfiles: string[] } {
  const executions: Execution[] = []
  const dockerfiles: string[] = []
  const runs = !/^(build|pull|push|config|down|ps|logs|stop|rm|kill|images|ls|version|convert)$/i.test(subcommand)
  const builds = /^(build|up|run|create)$/i.test(subcommand)
  const dir = path.posix.dirname(compose.file)
  for (const svc of compose.services) {
    const isolation = composeIsolation(svc.isolation)
    const related = [...hostRelated(ctx.host), ...(commandSpan ? [{ span: commandSpan, message: 'started here' }] : [])]
    let image: { image?: string; raw: string; unresolved: readonly string[]; span: Span } | undefined
    if (svc.build && builds) {
      const contextDir = svc.build.context?.value ?? '.'
      const dfName = svc.build.dockerfile?.value ?? 'Dockerfile'
      const dfPath = joinPath(joinPath(dir, contextDir) ?? '', dfName)
      const df = dfPath !== undefined ? ctx.resolver.dockerfile(dfPath) : undefined
      if (df) {
        dockerfiles.push(df.file)
        const args = new Map<string, string>()
        for (const [k, v] of svc.build.args) if (v.value !== undefined) args.set(k, v.value)
        const resolved = resolveStages(df, args)
        const target = svc.build.target?.value
        executions.push(
          ...dockerfileExecutions(df, resolved, target, {
            ...(ctx.host ? { host: ctx.host } : {}),
            ...(ctx.production ? { production: ctx.production } : {}),
            isolation: composeIsolation(svc.build.isolation),
          }),
        )
        const final = finalStage(df, resolved, target)
        const base = final ? effectiveImage(resolved, final.stage.index) : undefined
        if (base) {
          image = {
            ...(base.image !== undefined ? { image: base.image } : {}),
            raw: base.stage.from.raw,
            unresolved: base.unresolved,
            span: svc.build.span,
          }
          related.push({ span: base.stage.from.span, message: 'base image of the service' })
        }
      }
    }
    if (!image && svc.image) {
      image = {
        ...(svc.image.value !== undefined ? { image: svc.image.value } : {}),
        raw: svc.image.raw,
        unresolved: svc.image.unresolved,
        span: svc.image.span,
      }
    }
    if (!image || !runs) continue
    const platform = svc.platform?.value
    executions.push({
      kind: 'run',
      ...(image.image !== undefined ? { image: image.image } : {}),
      imageRaw: image.raw,
      unresolved: image.unresolved,
      span: svc.image && !svc.build ? svc.image.span : image.span,
      ...(ctx.host ? { host: ctx.host } : {}),
      isolation,
      ...(platform ? { platform } : {}),
      ...(ctx.production ? { production: ctx.production } : {}),
      isolationFixSpan: svc.isolation?.span ?? svc.span,
      related,
      what: `service ${svc.name}`,
    })
  }
  return { executions, dockerfiles }
}

function composeIsolation(v: ComposeValue | undefined): IsolationRef {
  if (!v) return {}
  if (v.value === undefined) return { raw: v.raw, span: v.span }
  if (v.value.trim() === '') return {}
  return { value: v.value.trim().toLowerCase(), raw: v.value, span: v.span }
}

function isolationOf(word: Word | undefined, scope: Scope): IsolationRef {
  if (!word) return {}
  const e = expand(word.value, scope)
  if (e.value === undefined) return { raw: word.value, span: word.span }
  return { value: e.value.trim().toLowerCase(), raw: e.value, span: word.span }
}

function jobHost(
  file: string,
  job: Job,
  scope: Scope,
  kb: KnowledgeBase,
  matrixSpans: ReadonlyMap<string, Span> | undefined,
): HostRef | undefined {
  if (job.runsOn.length === 0) return undefined
  const labels: { value: string; span: Span }[] = []
  for (const l of job.runsOn) {
    const e = expand(l.value, scope)
    if (e.value === undefined) return undefined
    // `runs-on: ${{ matrix.os }}`: the label is written in the matrix, and that is where a fix goes.
    const key = /^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(l.value.trim())?.[1]
    const written = key !== undefined ? matrixSpans?.get(key) : undefined
    labels.push({ value: e.value.trim(), span: written ?? l.span })
  }
  const matrix = describeMatrix(scope.matrix)
  const base = { job: { file, id: job.id }, ...(matrix ? { matrix } : {}) }
  for (const l of labels) {
    const info = kb.host(l.value)
    if (info) return { info, span: l.span, ...base }
  }
  const names = labels.map((l) => l.value.toLowerCase())
  const os: HostInfo['os'] | undefined = names.includes('windows')
    ? 'windows'
    : names.includes('linux')
      ? 'linux'
      : names.includes('macos')
        ? 'macos'
        : undefined
  if (!os) return undefined
  const info: HostInfo = { label: labels.map((l) => l.value).join(', '), os, kind: 'server', docker: os !== 'macos' }
  return { info, span: job.runsOnSpan ?? labels[0]!.span, ...base }
}

function jobProduction(job: Job, scope: Scope): Execution['production'] | undefined {
  if (!job.environment) return undefined
  const env = expand(job.environment.value, scope).value
  if (env === undefined || !PRODUCTION.test(env.trim())) return undefined
  return { reason: `job '${job.id}' deploys to environment '${env.trim()}'`, span: job.environment.span }
}

function composeProduction(compose: ComposeModel): Execution['production'] | undefined {
  if (!PRODUCTION_PATH.test(compose.file)) return undefined
  return { reason: `the Compose file ${compose.file} is named for production` }
}

function hostRelated(host: HostRef | undefined): RelatedLocation[] {
  if (!host?.span) return []
  const build = host.info.build !== undefined ? ` (Windows build ${host.info.build})` : ''
  return [{ span: host.span, message: `runs on ${host.info.label}${build}` }]
}

function stageLabel(r: ResolvedStage): string {
  return r.stage.name ? `'${r.stage.name}'` : `#${r.stage.index}`
}

function describeMatrix(matrix: ReadonlyMap<string, string>): string | undefined {
  if (matrix.size === 0) return undefined
  const parts = [...matrix].slice(0, 4).map(([k, v]) => `${k}=${v}`)
  return parts.join(', ') + (matrix.size > 4 ? ', …' : '')
}

function merge(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (b.size === 0) return a
  return new Map([...a, ...b])
}

/** Repository-relative POSIX path; undefined when it leaves the tree or is absolute. */
function joinPath(dir: string, p: string): string | undefined {
  const clean = p.replace(/\\/g, '/')
  if (clean.startsWith('/') || /^[a-z]:\//i.test(clean)) return undefined
  const joined = path.posix.normalize(path.posix.join(dir.replace(/\\/g, '/') || '.', clean))
  if (joined === '..' || joined.startsWith('../')) return undefined
  return joined.replace(/^\.\//, '')
}

/** `$IMAGE`, `${IMAGE}`, `$env:IMAGE` and `${{ env.IMAGE }}` name the same tag. */
function canonical(tag: string): string {
  return tag
    .replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, '$$$1')
    .replace(/\$env:([A-Za-z_][A-Za-z0-9_]*)/gi, '$$$1')
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$1')
    .replace(/\$\{\{\s*(.*?)\s*\}\}/g, '$${{ $1 }}')
    .toLowerCase()
}

/** The first of each group of items with the same key, in order. */
function uniqueBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return list.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

const hostKey = (h: HostRef): string => `${h.info.label}\0${h.span?.start.line ?? ''}`

const executionKey = (e: Execution): string =>
  [
    e.kind,
    e.image ?? e.imageRaw,
    e.span.file,
    e.span.start.line,
    e.span.start.column,
    e.host?.info.label ?? '',
    e.host?.span?.start.line ?? '',
    e.isolation.value ?? '',
    e.production?.reason ?? '',
  ].join('\0')

const imageKey = (i: ImageUse): string =>
  `${i.span.file}\0${i.span.start.line}\0${i.span.start.column}\0${i.image ?? i.raw}`
