/**
 * The library entry point: discover → load and parse → link → rules → sorted findings.
 * Used by the CLI and the action; no I/O beyond reading the files under the root.
 */
import type { Stats } from 'node:fs'
import { UsageError } from './core/errors.js'
import { runRules } from './core/engine.js'
import type { LintResult } from './core/finding.js'
import type { RuleModule, RunnerFacts } from './core/rule.js'
import { loadKnowledgeBase } from './kb/index.js'
import type { KnowledgeBase } from './kb/types.js'
import type { Execution, FileLink, Project } from './model/project.js'
import type { DockerfileModel } from './model/dockerfile.js'
import { discover } from './project/discover.js'
import { linkProject } from './project/link.js'
import { withFromArgNotes } from './project/from-arg-notes.js'
import { MAX_FILE_SIZE_LIMIT, ProjectLoader } from './project/load.js'
import { inShard, type Shard } from './project/shard.js'
import { RULES } from './rules/index.js'
import { effectiveIsolation, evaluate, imageText } from './rules/evaluate.js'
import picomatch from 'picomatch'
import { configuredKnowledgeBase } from './config/kb.js'
import { environmentClassifier } from './config/environments.js'
import { listedNodeAgents } from './config/node-agents.js'
import { defaultConfig, findConfigFile, loadConfigFile } from './config/load.js'
import { resolveRunnerLabels } from './config/runners.js'
import type { IsolintConfig } from './config/types.js'
import { applySuppressions, type SuppressedFinding } from './suppressions/apply.js'
import { parseDirectives, today, validDirectives, type Directive } from './suppressions/directives.js'
import { loadCatalog } from './core/catalog.js'
import { countLines } from './core/span.js'

export interface LintOptions {
  /** The repository root: paths in findings are relative to it, and nothing outside it is read. */
  readonly root: string
  /** Files or folders under the root (default: the root). */
  readonly paths?: readonly string[]
  /** What `lstat` said of some of `paths` (absolute) that are no links, when the caller looked already (types only). */
  readonly pathStats?: ReadonlyMap<string, Stats>
  /** Runner labels or Windows builds to check files against when no workflow says where they run. */
  readonly runners?: readonly string[]
  /** Where `runners` come from, for messages: `from --runner` (default), `from the runner input`. */
  readonly runnerOrigin?: string
  /** `production` makes every container a production one. */
  readonly environment?: string
  readonly maxFileSize?: number
  /** Run only these rules (default: all). */
  readonly rules?: readonly RuleModule[]
  readonly kb?: KnowledgeBase
  /** Facts about self-hosted runners (ephemeral, build); default: the config's `runners`. */
  readonly runnerFacts?: RunnerFacts
  /**
   * The configuration. Undefined: `.isolint.yml`/`.isolint.yaml` at the root when there is one, else defaults;
   * `false`: defaults, whatever the root holds.
   */
  readonly config?: IsolintConfig | false
  /** More globs of paths not to lint (`--exclude`), added to the config's `ignore`. */
  readonly exclude?: readonly string[]
  /** Globs of the files to lint (the action's `paths` with `*`); files under the root that match none are left out. */
  readonly include?: readonly string[]
  /** Check only this share of the files (see `project/shard.ts`); files they link to are still read. */
  readonly shard?: Shard
}

export interface LintOutput extends LintResult {
  /** Rules that crashed; their other findings are kept. Non-empty means exit code 3. */
  readonly crashes: readonly { readonly ruleId: string; readonly error: Error }[]
  /** File references found while linking (workflow → Dockerfile it builds, → Compose file it starts). */
  readonly links: readonly FileLink[]
  /**
   * Every container the pipeline builds, runs or pulls, with its host and image builds (for the job summary and
   * `--posture`): worked out on the first call, since most runs never ask.
   */
  executionSummaries(): readonly ExecutionSummary[]
  /** Findings silenced by an inline suppression (not counted, not annotated; listed in reports). */
  readonly suppressed: readonly SuppressedFinding[]
  /** The configuration the run used. */
  readonly config: IsolintConfig
  /** The linked model the rules ran over (the smoke test plans from it). */
  readonly project: Project
}

/** A read-only digest of one execution for reports: where it runs, which image build, which isolation. */
export interface ExecutionSummary {
  readonly kind: Execution['kind']
  /** `docker run`, `build stage 'build' (RUN)`, `service web`. */
  readonly what: string
  /** Where the image is named. */
  readonly file: string
  readonly line: number
  /** The image as expanded, else as written (or what hides it: rules/evaluate.ts `imageText`). */
  readonly image: string
  /** The Windows build the host would use; undefined when unknown. */
  readonly imageBuild?: number
  /** The runner label or --runner value; undefined when nothing says where it runs. */
  readonly host?: string
  readonly hostBuild?: number
  /** The isolation that applies (explicit or the host's default); undefined when unknown or invalid. */
  readonly isolation?: 'process' | 'hyperv'
  /** Set when the container counts as production. */
  readonly production?: boolean
  /** Set when the job builds or runs code from a pull request. */
  readonly untrusted?: boolean
}

/** The config a run uses: the one given, else the root's config file, else defaults. */
export function resolveConfig(root: string, config: IsolintConfig | false | undefined): IsolintConfig {
  if (config) return config
  if (config === false) return defaultConfig()
  const file = findConfigFile(root)
  return file ? loadConfigFile(file, root) : defaultConfig()
}

export function lint(options: LintOptions): LintOutput {
  const config = resolveConfig(options.root, options.config)
  const kb = options.kb ?? (config.images.length > 0 ? configuredKnowledgeBase(config.images) : loadKnowledgeBase())
  const fromOptions = options.runners !== undefined && options.runners.length > 0
  const runners = fromOptions ? options.runners : config.hosts
  for (const r of runners) {
    const resolved = resolveRunnerLabels([r], kb, config.runners)
    if (!resolved.info || resolved.unknown.length > 0) {
      throw new UsageError(
        `unknown runner '${r}': give a hosted runner label (windows-2022, windows-2025) or a Windows build (10.0.20348)`,
      )
    }
  }
  const max = options.maxFileSize
  if (max !== undefined && (!Number.isSafeInteger(max) || max <= 0 || max > MAX_FILE_SIZE_LIMIT)) {
    throw new UsageError(`max file size must be a whole number of bytes from 1 to ${MAX_FILE_SIZE_LIMIT}, got ${max}`)
  }
  const found = discover(options.root, options.paths ?? [], options.pathStats)
  const ignoreGlobs = [...config.ignore, ...(options.exclude ?? [])]
  const globMatchers = ignoreGlobs.map((g) => ({ glob: g, test: picomatch(g, { dot: true }) }))
  const ignoredBy = (file: string): string | undefined => globMatchers.find((m) => m.test(file))?.glob
  const ignored = globMatchers.length > 0 ? (file: string): boolean => ignoredBy(file) !== undefined : undefined
  const included = options.include && options.include.length > 0 ? picomatch([...options.include], { dot: true }) : undefined
  const ignoredSkips: { file: string; reason: string }[] = []
  const ignoredNote = (glob: string): string => `ignored by '${glob}' (config ignore or --exclude)`
  // A template or testdata folder the config ignores anyway is noted as ignored, not as found and skipped.
  const discoverySkips = found.skipped.map((s) => {
    const glob = ignored ? ignoredBy(s.file) : undefined
    return glob !== undefined ? { file: s.file, reason: ignoredNote(glob) } : s
  })
  const files = found.files.filter((f) => {
    if (included && !f.explicit && !included(f.rel)) return false
    const glob = ignored ? ignoredBy(f.rel) : undefined
    if (glob !== undefined) {
      ignoredSkips.push({ file: f.rel, reason: ignoredNote(glob) })
      return false
    }
    return true
  })
  const loader = new ProjectLoader(found.root, options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {})
  const shard = options.shard
  // A shard reads its own files and every file that may link to others (workflows, Compose files, files named
  // on the command line); Dockerfiles of other shards are read only when something links to them.
  for (const f of files) if (f.kind !== 'dockerfile' || inShard(f.rel, shard)) loader.loadDiscovered(f)
  // Kubernetes workloads the config lists as node agents: out of the production Hyper-V policy, as kube-system's are.
  const nodeAgents = listedNodeAgents(config)
  const project = linkProject(loader.allModels(), loader.problems, loader, kb, {
    runners,
    runnerOrigin: fromOptions ? (options.runnerOrigin ?? 'from --runner') : hostsOrigin(config),
    ...(options.environment !== undefined ? { environment: options.environment } : {}),
    runnerMappings: config.runners,
    environments: environmentClassifier(config),
    ...(nodeAgents ? { nodeAgents } : {}),
  })
  // Referenced files may have been loaded while linking; they are part of the run (and of `files`).
  const linked = { ...project, files: loader.allModels(), problems: loader.problems }
  // Line counts bound the positions the rules report: counted for the files findings point at, once each.
  const counted = new Map<string, number>()
  const lineCounts = {
    get(file: string): number | undefined {
      let n = counted.get(file)
      if (n === undefined) {
        const text = loader.sources.get(file)
        if (text !== undefined) counted.set(file, (n = countLines(text)))
      }
      return n
    },
  }
  const directives: Directive[] = []
  for (const [file, text] of loader.sources) if (!ignored?.(file)) directives.push(...parseDirectives(file, text))
  const runnerFacts: RunnerFacts =
    options.runnerFacts ??
    ((labels) => {
      const mapping = resolveRunnerLabels(labels, kb, config.runners).mapping
      return mapping
        ? {
            hyperv: mapping.hyperv,
            ...(mapping.ephemeral !== undefined ? { ephemeral: mapping.ephemeral } : {}),
            ...(mapping.build !== undefined ? { build: mapping.build } : {}),
          }
        : undefined
    })
  // The directives that suppress, worked out once: applied below, and read by unused-suppression.
  const on = today()
  const suppressions = { valid: validDirectives(directives, config.suppressions, loadCatalog(), on), today: on }
  const engine = runRules({ project: linked, kb, rules: options.rules ?? RULES, lineCounts, config, directives, suppressions, runnerFacts })
  // A finding at a FROM that ARG defaults decide also points at those ARGs, where the fix usually goes.
  const dockerfiles = new Map<string, DockerfileModel>()
  for (const file of linked.files) if (file.kind === 'dockerfile') dockerfiles.set(file.file, file)
  const noted = withFromArgNotes(engine.findings, dockerfiles)
  // Files reached only through a link (a workflow building an ignored Dockerfile) are not reported on either.
  const inScope = ignored ? noted.filter((f) => !ignored(f.span.file)) : noted
  const { kept, suppressed } = applySuppressions(inScope, suppressions.valid, on)
  const { crashes } = engine
  // Each finding is reported by the shard that owns its file.
  const mine = (file: string): boolean => inShard(file, shard)
  let summaries: ExecutionSummary[] | undefined
  return {
    findings: shard ? kept.filter((f) => mine(f.span.file)) : kept,
    suppressed: shard ? suppressed.filter((s) => mine(s.finding.span.file)) : suppressed,
    config,
    files: [...loader.sources.keys()].filter(mine).sort(),
    skipped: [...discoverySkips, ...ignoredSkips, ...loader.skipped]
      .filter((s) => mine(s.file))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    sources: shard ? new Map([...loader.sources].filter(([file]) => mine(file))) : loader.sources,
    crashes,
    links: project.links,
    executionSummaries: () => (summaries ??= project.executions.map((e) => summarizeExecution(e, kb))),
    project: linked,
  }
}

function summarizeExecution(e: Execution, kb: KnowledgeBase): ExecutionSummary {
  const evaluation = evaluate(e, kb)
  const info = e.image !== undefined ? kb.image(e.image) : undefined
  // A --runner host is assumed only for the Windows containers among the files no workflow reaches (link.ts): an
  // image not known to be a Windows one (a Linux image, an unknown one) is not placed on it.
  const host = e.host?.assumed && info?.os !== 'windows' ? undefined : e.host?.info
  const builds = info?.builds
  const imageBuild = evaluation?.picked ?? (builds?.length === 1 ? builds[0] : undefined)
  // A pull starts no container, so no isolation applies to it.
  const isolation =
    e.kind === 'pull' ? undefined : evaluation ? evaluation.isolation : host?.os === 'windows' ? effectiveIsolation(e, host, kb) : undefined
  return {
    kind: e.kind,
    what: e.what,
    file: e.span.file,
    line: e.span.start.line,
    image: imageText(e),
    ...(imageBuild !== undefined ? { imageBuild } : {}),
    ...(host ? { host: host.label } : {}),
    ...(host?.build !== undefined ? { hostBuild: host.build } : {}),
    ...(isolation ? { isolation } : {}),
    ...(e.production ? { production: true } : {}),
    ...(e.untrusted ? { untrusted: true } : {}),
  }
}

/** Where the config's `hosts` came from, for messages: `from --runner`, `from input 'runner'`, `from .isolint.yml`. */
function hostsOrigin(config: IsolintConfig): string {
  const where = config.origins.hosts
  if (where === undefined) return `from ${config.file ?? 'the config'}`
  return where.startsWith('--') || where.startsWith('input ') ? `from ${where}` : `from ${config.file ?? where} (hosts)`
}
