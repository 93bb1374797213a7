// Throughput benchmark of the committed CLI bundle (what users run). Generates repositories of growing size in a
// temporary folder, runs `node dist/cli/index.js` on each several times and reports the median wall time.
// Targets: a typical repository (examples/) in under 0.5 s end to end; 10,000 files in under 10 s.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const cli = path.resolve('dist/cli/index.js')
const RELEASES = ['ltsc2019', 'ltsc2022', 'ltsc2025']
const RUNNERS = ['windows-2022', 'windows-2025', 'windows-latest']

function generate(dir, services) {
  for (let i = 0; i < services; i++) {
    const svc = path.join(dir, 'services', `svc-${i}`)
    mkdirSync(svc, { recursive: true })
    writeFileSync(
      path.join(svc, 'Dockerfile'),
      `# escape=\`\nARG RELEASE=${RELEASES[i % 3]}\nFROM mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-$RELEASE AS build\n` +
        `WORKDIR C:\\src\nCOPY . .\nRUN msbuild /p:Configuration=Release\n` +
        `FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-$RELEASE\nCOPY --from=build C:\\out C:\\app\n`,
    )
    if (i % 10 === 0) {
      writeFileSync(
        path.join(svc, 'compose.yaml'),
        `services:\n  app:\n    build: .\n    image: contoso/svc-${i}:1.0-${RELEASES[i % 3]}\n    isolation: hyperv\n`,
      )
    }
  }
  const wf = path.join(dir, '.github', 'workflows')
  mkdirSync(wf, { recursive: true })
  for (let w = 0; w < Math.max(1, services / 20); w++) {
    const jobs = []
    for (let j = 0; j < 20 && w * 20 + j < services; j++) {
      const i = w * 20 + j
      jobs.push(
        `  build-${i}:\n    runs-on: ${RUNNERS[i % 3]}\n    steps:\n      - uses: actions/checkout@v6\n` +
          `      - run: |\n          docker build -f services/svc-${i}/Dockerfile -t svc-${i} services/svc-${i}\n` +
          `          docker run --rm svc-${i} cmd /c ver\n`,
      )
    }
    writeFileSync(path.join(wf, `build-${w}.yml`), `name: build ${w}\non: push\njobs:\n${jobs.join('')}`)
  }
}

function time(args, runs) {
  const times = []
  let findings = 0
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint()
    const out = spawnSync(process.execPath, [cli, ...args, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 30 })
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    if (out.status !== 0) throw new Error(`isolint exited ${out.status}: ${out.stderr}`)
    findings = JSON.parse(out.stdout).findings.length
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], findings }
}

const rows = []
const ex = time(['examples'], 7)
rows.push(['examples/ (typical repository)', 5, ex.median, ex.findings, 500])
const tmp = mkdtempSync(path.join(tmpdir(), 'isolint-bench-'))
try {
  for (const [services, runs, budget] of [[100, 5, 1500], [1000, 3, 4000], [5000, 1, 10000]]) {
    const dir = path.join(tmp, `repo-${services}`)
    generate(dir, services)
    const files = services + Math.ceil(services / 10) + Math.max(1, services / 20)
    const t = time([dir], runs)
    rows.push([`generated monorepo, ${services} services`, files, t.median, t.findings, budget])
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

console.log(`isolint benchmark (node ${process.version}, ${process.platform}/${process.arch}), median wall time of the CLI bundle`)
console.log('| repository | files | median ms | findings | budget ms | within |')
console.log('| --- | ---: | ---: | ---: | ---: | --- |')
let ok = true
for (const [name, files, ms, findings, budget] of rows) {
  ok &&= ms <= budget
  console.log(`| ${name} | ${files} | ${ms.toFixed(0)} | ${findings} | ${budget} | ${ms <= budget ? 'yes' : 'NO'} |`)
}
process.exitCode = ok ? 0 : 1
