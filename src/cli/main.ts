/**
 * The command line: argv → lint → report → exit code.
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error, 3 internal error.
 */
import path from 'node:path'
import { loadCatalog } from '../core/catalog.js'
import { UsageError } from '../core/errors.js'
import { exitCodeFor, failOnLevel, lintTargets, parseCommandLine, REPORT_OPTIONS, reportFormat, reportOf, writeReport } from './command-line.js'
import { TOOL_VERSION } from '../core/meta.js'
import { lint } from '../lint.js'
import { MAX_FILE_SIZE_LIMIT } from '../project/load.js'
import { inShard, parseShard } from '../project/shard.js'
import { renderText } from '../reporters/text.js'
import { fixDryRun, fixInPlace } from './fix.js'
import { neutralizeLines } from '../core/log-safe.js'
import { applyBaseline, createBaseline, readBaseline, writeBaseline } from '../baseline/baseline.js'
import { cliConfig } from './config.js'
import { explain } from './explain.js'
import { init } from './init.js'
import { printConfig } from './print-config.js'
import { smokeMain } from './smoke.js'
import { merge, shardSection } from './merge.js'

export interface CliIO {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly color: boolean
}

const USAGE = `Usage: isolint [options] [paths...]
       isolint init [--stdout] [--force]   write a commented starter .isolint.yml from what the repository uses
       isolint explain <rule-id>           print a rule's page
       isolint smoke [options] [paths...]   (start the images on a Windows engine; isolint smoke --help)
       isolint merge [options] <shard.json>...  combine the JSON reports of --shard runs

Checks Dockerfiles, Compose files, GitHub workflows, Azure Pipelines and Kubernetes manifests against the rules of Windows container isolation.
Paths are files or folders (default: .). Findings are reported relative to --root (default: the one folder given,
else the current folder).

Options:
  --runner LABEL|BUILD     host to check files against when no workflow says where they run
                           (windows-2022, windows-2025, 10.0.20348); repeatable
  --environment NAME       deployment environment; "production" requires Hyper-V isolation everywhere
  --format text|json|sarif output format (default: text)
  --output FILE            write the report to FILE instead of standard output
  --fail-on LEVEL          error|warning|note|none: exit 1 on findings at or above LEVEL (default: the
                           config's fail-on, else error)
  --posture                with --format text: show which containers share each host's kernel
  --root DIR               repository root: paths are relative to it and nothing outside it is read
  --config FILE            config file (default: .isolint.yml or .isolint.yaml at the root)
  --exclude GLOB           paths not to lint, added to the config's ignore (picomatch glob); repeatable
  --baseline FILE          report only findings not recorded in FILE (says how many known remain, how many fixed)
  --write-baseline FILE    record the current findings in FILE
  --print-config           print the effective configuration, with where each value came from, and exit
  --max-file-size BYTES    skip larger files with a note (default: 2097152, at most 268435456)
  --fix                    apply every fix in place, then report what is left
  --fix-dry-run            print the fixes as a unified diff (to --output when given); change nothing
  --shard I/N              check only share I of N of the files (combine the JSON reports with 'isolint merge')
  --list-rules             print the rules and exit
  --no-color               plain text output
  --version                print the version
  -h, --help               print this help

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage error, 3 internal error.`


export function main(argv: readonly string[], io: CliIO): number {
  try {
    return run(argv, io)
  } catch (e) {
    return reportError(e, io)
  }
}

/** Usage errors exit 2, anything else 3 ("please report"). */
function reportError(e: unknown, io: CliIO): number {
  if (e instanceof UsageError) {
    io.stderr(neutralizeLines(`isolint: ${e.message}\nRun 'isolint --help' for usage.\n`))
    return 2
  }
  const err = e instanceof Error ? e : new Error(String(e))
  io.stderr(
    neutralizeLines(
      `isolint: internal error: ${err.message}\nThis is a bug in isolint; please report it with the stack below.\n${err.stack ?? ''}\n`,
    ),
  )
  return 3
}

/** The command line with its subcommands (`smoke` is asynchronous: it starts containers). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] !== 'smoke') return main(argv, io)
  try {
    return await smokeMain(argv.slice(1), io)
  } catch (e) {
    return reportError(e, io)
  }
}

function run(argv: readonly string[], io: CliIO): number {
  // Subcommands, each in its own module.
  if (argv[0] === 'explain') {
    io.stdout(neutralizeLines(explain(argv.slice(1))))
    return 0
  }
  if (argv[0] === 'init') return init(io.cwd, argv.slice(1), (t) => io.stdout(neutralizeLines(t)))
  if (argv[0] === 'merge') return merge(argv.slice(1), io)
  const parsed = parseCommandLine({
    args: negativeValues(argv),
    allowPositionals: true,
    strict: true,
    options: {
      runner: { type: 'string', multiple: true },
      environment: { type: 'string' },
      ...REPORT_OPTIONS,
      'max-file-size': { type: 'string' },
      config: { type: 'string' },
      exclude: { type: 'string', multiple: true },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      'print-config': { type: 'boolean' },
      shard: { type: 'string' },
      'list-rules': { type: 'boolean' },
      posture: { type: 'boolean' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      version: { type: 'boolean' },
    },
  })
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE + '\n')
    return 0
  }
  if (values.version) {
    io.stdout(`isolint ${TOOL_VERSION}\n`)
    return 0
  }
  const catalog = loadCatalog()
  if (values['list-rules']) {
    const width = Math.max(...[...catalog.keys()].map((k) => k.length))
    for (const e of catalog.values()) {
      if (e.stage !== 'retired') io.stdout(`${e.id.padEnd(width)}  ${e.defaultSeverity.padEnd(7)}  ${e.summary}\n`)
    }
    return 0
  }
  const format = reportFormat(values.format)
  const failOnFlag = failOnLevel(values['fail-on'])
  const maxFileSize = values['max-file-size'] !== undefined ? positiveInt('--max-file-size', values['max-file-size'], MAX_FILE_SIZE_LIMIT) : undefined
  const shard = values.shard !== undefined ? parseShard(values.shard) : undefined
  const { root, paths, stats } = lintTargets(io.cwd, values.root, positionals)

  const config = cliConfig(io.cwd, root, {
    ...(values.config !== undefined ? { config: values.config } : {}),
    exclude: values.exclude ?? [],
    runners: values.runner ?? [],
    ...(failOnFlag !== undefined ? { failOn: failOnFlag } : {}),
  })
  if (values['print-config']) {
    io.stdout(neutralizeLines(printConfig(config)))
    return 0
  }
  const failOn = config.failOn
  if (shard !== undefined && values['write-baseline'] !== undefined) {
    throw new UsageError('--write-baseline records every finding: run it without --shard')
  }
  const read = values.baseline !== undefined ? readBaseline(path.resolve(io.cwd, values.baseline), values.baseline) : undefined
  // A shard compares its own files with their entries only, so that the merged counts are the whole run's.
  const baseline = read && shard ? { ...read, findings: read.findings.filter((e) => inShard(e.file, shard)) } : read

  if (values.posture && format !== 'text') throw new UsageError('--posture works with --format text (the job summary always shows it)')
  const options = {
    root,
    paths,
    pathStats: stats,
    config,
    ...(values.environment !== undefined ? { environment: values.environment } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(shard !== undefined ? { shard } : {}),
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('give --fix or --fix-dry-run, not both')
  if (values['fix-dry-run']) return fixDryRun(options, failOn, values.output, io)
  const linted = values.fix ? fixInPlace(options, io) : lint(options)
  if (values['write-baseline'] !== undefined) {
    writeBaseline(path.resolve(io.cwd, values['write-baseline']), createBaseline(linted.findings, linted.sources))
    io.stderr(neutralizeLines(`isolint: recorded ${linted.findings.length} findings in ${values['write-baseline']}\n`))
  }
  const applied = baseline ? applyBaseline(linted.findings, linted.sources, baseline) : undefined
  const result = applied ? { ...linted, findings: applied.findings, baseline: { known: applied.known, fixed: applied.fixed } } : linted

  const report = reportOf(result, format, {
    text: () =>
      renderText(result, {
        color: io.color && !values['no-color'] && values.output === undefined,
        ...(values.posture ? { posture: result.executionSummaries() } : {}),
      }),
    ...(shard !== undefined ? { json: { shard: shardSection(result, shard) } } : {}),
  })
  writeReport(report, format, values.output, io)
  if (result.crashes.length > 0) {
    // The other rules' findings were reported above; a crashed rule still fails the run as an internal error.
    for (const c of result.crashes) {
      io.stderr(neutralizeLines(`isolint: internal error in rule ${c.ruleId}: ${c.error.message}\n${c.error.stack ?? ''}\n`))
    }
    return 3
  }
  // Writing a baseline accepts the current findings: they are all known from now on.
  if (values['write-baseline'] !== undefined) return 0
  return exitCodeFor(result.findings, failOn)
}

/** Options that take a value. */
const VALUE_OPTIONS = new Set([
  '--runner',
  '--environment',
  '--format',
  '--output',
  '--fail-on',
  '--root',
  '--max-file-size',
  '--config',
  '--exclude',
  '--baseline',
  '--write-baseline',
  '--shard',
])

/**
 * `--max-file-size -1` as `--max-file-size=-1`: a negative number is a value, never an option, so that the value's
 * check can say what is wrong with it (parseArgs would call it an ambiguous option).
 */
function negativeValues(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') return [...out, ...argv.slice(i)]
    const next = argv[i + 1]
    if (VALUE_OPTIONS.has(a) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`)
      i++
    } else out.push(a)
  }
  return out
}

/** One folder given: it is the root (a repository checked out elsewhere). Otherwise the current folder. */
function positiveInt(flag: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || Number(value) > max) {
    throw new UsageError(`${flag} must be a whole number of bytes from 1 to ${max}, got '${value}'`)
  }
  return Number(value)
}
