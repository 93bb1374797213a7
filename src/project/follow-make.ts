/**
 * Follows `make TARGET [VAR=value]` from a workflow step into the Makefile (and the files it includes): the docker
 * commands of the target's recipe and its prerequisites, with the step's environment and the command-line values.
 * The commands keep their spans in the Makefile; a build argument whose value came from the workflow (a matrix
 * value through `env:`) points at where that value is written, which is where the fix goes.
 */
import type { RelatedLocation } from '../core/finding.js'
import { joinRel } from '../core/rel-path.js'
import { LineIndex, type Span } from '../core/span.js'
import type { BuildArg, DockerCommand, Word } from '../model/workflow.js'
import { evaluateMake, type Loc, type Origin, type OutsideValue, type Txt } from '../parsers/makefile.js'
import { extractDockerCommands } from '../parsers/docker-cli.js'
import { EVERY_NAME, mentionsGithubEnv } from '../parsers/github-env.js'
import { holdsUnknownValue } from '../parsers/workflow-expressions.js'
import { everyVariableUnknown } from './env-writes.js'
import type { FollowContext, Followed } from './follow.js'
import { makefileFacts, recipeEnvWrites, type MakefileFacts } from './make-env-writes.js'
import { spanOfWords, uniqueRelated } from './related.js'

const MAKEFILE_NAMES = ['GNUmakefile', 'makefile', 'Makefile']

/** Options of make that take a value in the next word. */
const VALUE_OPTIONS = new Set(['-C', '-f', '-I', '-o', '-W', '-l', '--directory', '--file', '--makefile', '--include-dir', '--old-file', '--assume-old', '--new-file', '--assume-new', '--what-if', '--load-average'])

export function followMake(words: readonly Word[], ctx: FollowContext): Followed[] {
  const read = ctx.resolver.text?.bind(ctx.resolver)
  if (!read) return []
  // In a folder isolint cannot know, which Makefile runs is unknown: it may write any variable to GITHUB_ENV.
  if (ctx.workdir === undefined) return writesAnything(undefined)
  let dir = ctx.workdir
  let goalUnknown = false
  let file: string | undefined
  let envOverrides = false
  const goals: string[] = []
  const commandLine = new Map<string, OutsideValue>()
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!
    const v = ctx.expand(w.value)
    if (v === undefined) {
      // An unknown goal or option: which recipe runs is unknown.
      const assignment = /^([A-Za-z_][A-Za-z0-9_.-]*)=/.exec(w.value)
      if (assignment) commandLine.set(assignment[1]!, { origin: ctx.origin(w.value.slice(assignment[0].length), w.span, assignment[1]!) })
      // Read on: a later option (`-f ci.mk`, `-n`) still counts.
      else goalUnknown = true
      continue
    }
    if (v.startsWith('-')) {
      const eq = v.indexOf('=')
      const name = v.startsWith('--') && eq > 0 ? v.slice(0, eq) : v.startsWith('--') ? v : v.slice(0, 2)
      const inline = v.startsWith('--') ? (eq > 0 ? v.slice(eq + 1) : undefined) : v.length > 2 ? v.slice(2) : undefined
      if (/^(?:-n|--dry-run|--just-print|--recon|-q|--question|-t|--touch|-p|--print-data-base|-v|--version|-h|--help)$/.test(name)) return []
      if (name === '-e' || name === '--environment-overrides') envOverrides = true
      if (!VALUE_OPTIONS.has(name) || (name === '-j' && inline === undefined)) continue
      const value = inline ?? ctx.expand(words[++i]?.value ?? '')
      // A folder, Makefile or include folder isolint cannot know (`-C "$DIR"`): which recipes run is unknown.
      if (value === undefined) {
        if (/^(?:-[CfI]|--(?:directory|file|makefile|include-dir))$/.test(name)) return writesAnything(dir)
        continue
      }
      if (name === '-C' || name === '--directory') {
        const d = joinRel(dir, value)
        if (d === undefined) return writesAnything(dir)
        dir = d
      } else if (name === '-f' || name === '--file' || name === '--makefile') file = value
      continue
    }
    const assignment = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/s.exec(v)
    if (assignment) {
      const raw = w.value.slice(w.value.indexOf('=') + 1)
      commandLine.set(assignment[1]!, { value: assignment[2]!, origin: ctx.origin(raw, w.span, assignment[1]!) })
    } else goals.push(v)
  }
  // A word isolint cannot know may be a goal or an option (`-C sub`, `-Csub`, `--file=x`, `--eval=…`): whatever
  // Makefile runs, or none in this folder, any recipe may run and write the file.
  if (goalUnknown) return writesAnything(dir)
  const makefile = makefileIn(read, dir, file)
  if (makefile === undefined) return []
  const environment = new Map<string, OutsideValue>()
  for (const [name, raw] of ctx.scope.env) {
    const value = ctx.expand(raw)
    const origin = ctx.origin(raw, ctx.envSpans.get(name), name)
    environment.set(name, { ...(value !== undefined ? { value } : {}), ...(origin ? { origin } : {}) })
  }
  // The runner sets GITHUB_ENV for every step, to a path isolint cannot know: a Makefile's `GITHUB_ENV ?= /dev/null`
  // (or `ifndef GITHUB_ENV`) does not apply, and `$(GITHUB_ENV)` stays the file's name.
  environment.set('GITHUB_ENV', {})
  const input = { read, makefile, dir, commandLine, environment, environmentOverrides: envOverrides }
  const run = evaluateMake(everyVariableUnknown(ctx.scope.env) ? { ...input, environmentUnknown: true } : input, goals)
  if (!run) return []
  // What the recipes write to GITHUB_ENV. Whether a Makefile, or a value make is given, names the file (a value an
  // earlier write left unknown only says so in its text).
  const facts = factsOf(ctx.resolver, read)
  const namesFile = run.files.some((f) => facts(f).namesFile) || [...ctx.scope.env.values()].some((v) => !holdsUnknownValue(v) && mentionsGithubEnv(v))
  // A Makefile or the command line that sets GITHUB_ENV itself: where the recipes write is unknown.
  const moved = commandLine.has('GITHUB_ENV') || run.files.some((f) => facts(f).assigns)
  const envWrites = moved ? EVERY_NAME : recipeEnvWrites(run, { read, dir, namesFile, facts })
  const written: Followed[] = envWrites ? [{ commands: [], workdir: dir, via: [], envWrites }] : []
  if (run.lines.length === 0) return written
  const invocation = spanOfWords(words)
  const goalText = goals.length > 0 ? goals.join(' ') : 'the default goal'
  const indexes = new Map<string, LineIndex | undefined>()
  const lineIndex = (f: string): LineIndex | undefined => {
    if (!indexes.has(f)) {
      const text = read(f)
      indexes.set(f, text !== undefined ? new LineIndex(text) : undefined)
    }
    return indexes.get(f)
  }
  const out: Followed[] = []
  for (const line of run.lines) {
    const lines = lineIndex(line.file)
    if (!lines) continue
    const ranges = new WeakMap<Span, readonly [number, number]>()
    const at = (start: number, end: number): Span => {
      const s = locSpan(line.text, start, end, line.file, lines)
      ranges.set(s, [start, end])
      return s
    }
    // make runs recipes with /bin/sh (GitHub's Windows runners have it on the PATH too).
    const commands = extractDockerCommands(line.text.s, 'posix', at)
    if (commands.length === 0) continue
    const origins: RelatedLocation[] = []
    const relocated = commands.map((c): DockerCommand => {
      if (c.type !== 'build') return c
      const buildArgs = c.buildArgs.map((a): BuildArg => {
        const origin = valueOrigin(line.text, ranges.get(a.span), lineIndex)
        if (!origin) return a
        // The value's origin becomes the finding's own span; the line that passed it on is part of the chain.
        if (origin.via) origins.push(origin.via)
        return { ...a, span: origin.span }
      })
      return { ...c, buildArgs }
    })
    out.push({
      commands: relocated,
      workdir: dir,
      via: [{ span: invocation, message: `make ${goalText} runs the recipe of ${line.target} (${line.file})` }, ...uniqueRelated(origins)],
    })
  }
  return [...out, ...written]
}

/** The Makefile make reads in `dir`: `-f`'s, else the first of GNUmakefile, makefile and Makefile that exists. */
function makefileIn(read: (rel: string) => string | undefined, dir: string, file: string | undefined): string | undefined {
  return file !== undefined ? joinRel(dir, file) : MAKEFILE_NAMES.map((n) => joinRel(dir, n)).find((p) => p !== undefined && read(p) !== undefined)
}

/** A `make` isolint cannot follow (its folder, Makefile or goals unknown): it may write any variable to GITHUB_ENV. */
function writesAnything(dir: string | undefined): Followed[] {
  return [{ commands: [], workdir: dir, via: [], envWrites: EVERY_NAME }]
}

const FACTS = new WeakMap<object, Map<string, MakefileFacts>>()

/** What each Makefile says (see makefileFacts), worked out once per file for every make a workflow runs. */
function factsOf(resolver: object, read: (rel: string) => string | undefined): (file: string) => MakefileFacts {
  let known = FACTS.get(resolver)
  if (!known) FACTS.set(resolver, (known = new Map<string, MakefileFacts>()))
  const cache = known
  return (file) => {
    let f = cache.get(file)
    if (!f) cache.set(file, (f = makefileFacts(read(file) ?? '')))
    return f
  }
}

/**
 * Where the value of a `NAME=value` word is set: the outside origin all its characters share (a workflow value),
 * else the one Makefile line all of them are written on (`VERSIONS := 1809 ltsc2022`), if any.
 */
function valueOrigin(
  t: Txt,
  range: readonly [number, number] | undefined,
  index: (file: string) => LineIndex | undefined,
): (Origin & { via?: RelatedLocation }) | undefined {
  if (!range) return undefined
  const eq = t.s.indexOf('=', range[0])
  if (eq < 0 || eq >= range[1]) return undefined
  const chars = t.loc.slice(eq + 1, range[1]).filter((_, k) => !/["']/.test(t.s[eq + 1 + k]!))
  if (chars.length === 0 || chars.some((l) => l.unknown)) return undefined
  const origin = chars[0]!.origin
  if (origin && chars.every((l) => l.origin === origin)) return origin
  if (chars.some((l) => l.origin || !l.written)) return undefined
  const file = chars[0]!.written!.file
  if (chars.some((l) => l.written!.file !== file)) return undefined
  const lines = index(file)
  if (!lines) return undefined
  const start = Math.min(...chars.map((l) => l.written!.start))
  const end = Math.max(...chars.map((l) => l.written!.end))
  const span = lines.span(file, start, end)
  if (span.start.line !== span.end.line) return undefined
  return { span, message: 'value set here' }
}

function locSpan(t: Txt, start: number, end: number, file: string, lines: LineIndex): Span {
  let lo = Infinity
  let hi = -1
  for (let i = start; i < end; i++) {
    const l: Loc | undefined = t.loc[i]
    if (!l || l.file !== file) continue
    lo = Math.min(lo, l.start)
    hi = Math.max(hi, l.end)
  }
  if (hi < 0) {
    const first = t.loc.find((l) => l.file === file)
    lo = first?.start ?? 0
    hi = first?.end ?? 0
  }
  return lines.span(file, lo, hi)
}
