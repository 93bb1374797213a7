/**
 * The command line: argv → lint → report → exit code.
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error, 3 internal error.
 */
import { statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadCatalog } from '../core/catalog.js'
import { UsageError } from '../core/errors.js'
import { atLeast, type Severity } from '../core/finding.js'
import { TOOL_VERSION } from '../core/meta.js'
import { lint } from '../lint.js'
import { pathError } from '../project/discover.js'
import { MAX_FILE_SIZE_LIMIT } from '../project/load.js'
import { parseShard } from '../project/shard.js'
import { renderJson } from '../reporters/json.js'
import { renderSarif } from '../reporters/sarif.js'
import { renderText } from '../reporters/text.js'
import { neutralizeJson, neutralizeLines } from './log-safe.js'
import { merge, renderShardJson } from './merge.js'

export interface CliIO {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly color: boolean
}

const USAGE = `Usage: isolint [options] [paths...]
       isolint merge [options] <shard.json>...

Checks Dockerfiles, Compose files and GitHub workflows against the rules of Windows container isolation.
Paths are files or folders (default: .). Findings are reported relative to --root (default: the one folder given,
else the current folder).

Options:
  --runner LABEL|BUILD     host to check files against when no workflow says where they run
                           (windows-2022, windows-2025, 10.0.20348); repeatable
  --environment NAME       deployment environment; "production" requires Hyper-V isolation everywhere
  --format text|json|sarif output format (default: text)
  --output FILE            write the report to FILE instead of standard output
  --fail-on LEVEL          error|warning|note|none: exit 1 on findings at or above LEVEL (default: error)
  --root DIR               repository root: paths are relative to it and nothing outside it is read
  --max-file-size BYTES    skip larger files with a note (default: 2097152, at most 268435456)
  --shard I/N              check only share I of N of the files (combine the JSON reports with 'isolint merge')
  --list-rules             print the rules and exit
  --no-color               plain text output
  --version                print the version
  -h, --help               print this help

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage error, 3 internal error.`

type Format = 'text' | 'json' | 'sarif'

export function main(argv: readonly string[], io: CliIO): number {
  try {
    return run(argv, io)
  } catch (e) {
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
}

function run(argv: readonly string[], io: CliIO): number {
  if (argv[0] === 'merge') return merge(argv.slice(1), io)
  let parsed
  try {
    parsed = parseArgs({
      args: negativeValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        runner: { type: 'string', multiple: true },
        environment: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        root: { type: 'string' },
        'max-file-size': { type: 'string' },
        shard: { type: 'string' },
        'list-rules': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
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
  const format = oneOf<Format>('--format', values.format ?? 'text', ['text', 'json', 'sarif'])
  const failOn = oneOf<Severity | 'none'>('--fail-on', values['fail-on'] ?? 'error', ['error', 'warning', 'note', 'none'])
  const maxFileSize = values['max-file-size'] !== undefined ? positiveInt('--max-file-size', values['max-file-size'], MAX_FILE_SIZE_LIMIT) : undefined
  const shard = values.shard !== undefined ? parseShard(values.shard) : undefined
  const root = path.resolve(io.cwd, values.root ?? defaultRoot(io.cwd, positionals))
  const paths = positionals.map((p) => {
    const abs = path.resolve(io.cwd, p)
    try {
      statSync(abs)
    } catch (e) {
      // As given (not found, permission denied): discovery would name the absolute path.
      throw new UsageError(pathError(p, e))
    }
    return abs
  })

  const result = lint({
    root,
    paths,
    runners: values.runner ?? [],
    ...(values.environment !== undefined ? { environment: values.environment } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(shard !== undefined ? { shard } : {}),
  })

  const report =
    format === 'json'
      ? shard !== undefined
        ? renderShardJson(result, shard)
        : renderJson(result)
      : format === 'sarif'
        ? renderSarif(result, catalog)
        : renderText(result, { color: io.color && !values['no-color'] && values.output === undefined })
  if (values.output !== undefined) {
    try {
      writeFileSync(path.resolve(io.cwd, values.output), report)
    } catch (e) {
      throw new UsageError(`cannot write ${values.output}: ${(e as Error).message}`)
    }
  } else {
    // Standard output may be a CI log that reads workflow commands; the report file is written as is.
    io.stdout(format === 'text' ? neutralizeLines(report) : neutralizeJson(report))
  }
  if (result.crashes.length > 0) {
    // The other rules' findings were reported above; a crashed rule still fails the run as an internal error.
    for (const c of result.crashes) {
      io.stderr(neutralizeLines(`isolint: internal error in rule ${c.ruleId}: ${c.error.message}\n${c.error.stack ?? ''}\n`))
    }
    return 3
  }
  return result.findings.some((f) => atLeast(f.severity, failOn)) ? 1 : 0
}

/** Options that take a value. */
const VALUE_OPTIONS = new Set(['--runner', '--environment', '--format', '--output', '--fail-on', '--root', '--max-file-size', '--shard'])

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
function defaultRoot(cwd: string, positionals: readonly string[]): string {
  if (positionals.length !== 1) return cwd
  const p = path.resolve(cwd, positionals[0]!)
  try {
    return statSync(p).isDirectory() ? p : cwd
  } catch {
    return cwd // not found: discovery reports it
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got '${value}'`)
}

function positiveInt(flag: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || Number(value) > max) {
    throw new UsageError(`${flag} must be a whole number of bytes from 1 to ${max}, got '${value}'`)
  }
  return Number(value)
}
