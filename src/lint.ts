/**
 * The library entry point: discover → load and parse → link → rules → sorted findings.
 * Used by the CLI and the action; no I/O beyond reading the files under the root.
 */
import { UsageError } from './core/errors.js'
import { runRules } from './core/engine.js'
import type { LintResult } from './core/finding.js'
import { LineIndex } from './core/span.js'
import type { RuleModule } from './core/rule.js'
import { loadKnowledgeBase } from './kb/index.js'
import type { KnowledgeBase } from './kb/types.js'
import type { Execution, FileLink } from './model/project.js'
import { discover } from './project/discover.js'
import { linkProject } from './project/link.js'
import { MAX_FILE_SIZE_LIMIT, ProjectLoader } from './project/load.js'
import { inShard, type Shard } from './project/shard.js'
import { RULES } from './rules/index.js'
import { effectiveIsolation, evaluate } from './rules/evaluate.js'

export interface LintOptions {
  /** The repository root: paths in findings are relative to it, and nothing outside it is read. */
  readonly root: string
  /** Files or folders under the root (default: the root). */
  readonly paths?: readonly string[]
  /** Runner labels or Windows builds to check files against when no workflow says where they run. */
  readonly runners?: readonly string[]
  /** `production` makes every container a production one. */
  readonly environment?: string
  readonly maxFileSize?: number
  /** Run only these rules (default: all). */
  readonly rules?: readonly RuleModule[]
  readonly kb?: KnowledgeBase
  /** Check only this share of the files (see `project/shard.ts`); files they link to are still read. */
  readonly shard?: Shard
}

export interface LintOutput extends LintResult {
  /** Rules that crashed; their other findings are kept. Non-empty means exit code 3. */
  readonly crashes: readonly { readonly ruleId: string; readonly error: Error }[]
  /** File references found while linking (workflow → Dockerfile it builds, → Compose file it starts). */
  readonly links: readonly FileLink[]
  /** Every container the pipeline builds, runs or pulls, with its host and image builds (for reports). */
  readonly executions: readonly ExecutionSummary[]
}

/** A read-only digest of one execution for reports: where it runs, which image build, which isolation. */
export interface ExecutionSummary {
  readonly kind: Execution['kind']
  /** `docker run`, `build stage 'build' (RUN)`, `service web`. */
  readonly what: string
  /** Where the image is named. */
  readonly file: string
  readonly line: number
  /** The image as expanded, else as written. */
  readonly image: string
  /** The Windows build the host would use; undefined when unknown. */
  readonly imageBuild?: number
  /** The runner label or --runner value; undefined when nothing says where it runs. */
  readonly host?: string
  readonly hostBuild?: number
  /** The isolation that applies (explicit or the host's default); undefined when unknown or invalid. */
  readonly isolation?: 'process' | 'hyperv'
}

export function lint(options: LintOptions): LintOutput {
  const kb = options.kb ?? loadKnowledgeBase()
  const runners = options.runners ?? []
  for (const r of runners) {
    if (!kb.host(r)) {
      throw new UsageError(
        `unknown runner '${r}': give a hosted runner label (windows-2022, windows-2025) or a Windows build (10.0.20348)`,
      )
    }
  }
  const max = options.maxFileSize
  if (max !== undefined && (!Number.isSafeInteger(max) || max <= 0 || max > MAX_FILE_SIZE_LIMIT)) {
    throw new UsageError(`max file size must be a whole number of bytes from 1 to ${MAX_FILE_SIZE_LIMIT}, got ${max}`)
  }
  const found = discover(options.root, options.paths ?? [])
  const loader = new ProjectLoader(found.root, options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {})
  const shard = options.shard
  // A shard reads its own files and every file that may link to others (workflows, Compose files, files named
  // on the command line); Dockerfiles of other shards are read only when something links to them.
  for (const f of found.files) if (f.kind !== 'dockerfile' || inShard(f.rel, shard)) loader.loadDiscovered(f)
  const project = linkProject(loader.allModels(), loader.problems, loader, kb, {
    runners,
    ...(options.environment !== undefined ? { environment: options.environment } : {}),
  })
  // Referenced files may have been loaded while linking; they are part of the run (and of `files`).
  const linked = { ...project, files: loader.allModels(), problems: loader.problems }
  const lineCounts = new Map<string, number>()
  for (const [file, text] of loader.sources) lineCounts.set(file, new LineIndex(text).lineCount)
  const { findings, crashes } = runRules({ project: linked, kb, rules: options.rules ?? RULES, lineCounts })
  const mine = (file: string): boolean => inShard(file, shard)
  return {
    findings: shard ? findings.filter((f) => mine(f.span.file)) : findings,
    files: [...loader.sources.keys()].filter(mine).sort(),
    skipped: [...found.skipped, ...loader.skipped]
      .filter((s) => mine(s.file))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    sources: shard ? new Map([...loader.sources].filter(([file]) => mine(file))) : loader.sources,
    crashes,
    links: project.links,
    executions: project.executions.map((e) => summarizeExecution(e, kb)),
  }
}

function summarizeExecution(e: Execution, kb: KnowledgeBase): ExecutionSummary {
  const evaluation = evaluate(e, kb)
  const host = e.host?.info
  const builds = e.image !== undefined ? kb.image(e.image).builds : undefined
  const imageBuild = evaluation?.picked ?? (builds?.length === 1 ? builds[0] : undefined)
  // A pull starts no container, so no isolation applies to it.
  const isolation =
    e.kind === 'pull' ? undefined : evaluation ? evaluation.isolation : host?.os === 'windows' ? effectiveIsolation(e, host, kb) : undefined
  return {
    kind: e.kind,
    what: e.what,
    file: e.span.file,
    line: e.span.start.line,
    image: e.image ?? e.imageRaw,
    ...(imageBuild !== undefined ? { imageBuild } : {}),
    ...(host ? { host: host.label } : {}),
    ...(host?.build !== undefined ? { hostBuild: host.build } : {}),
    ...(isolation ? { isolation } : {}),
  }
}
