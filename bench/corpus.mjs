// Synthetic monorepo for the benchmark, generated from a fixed seed: the same bytes on every machine and run.
// Dockerfiles are realistic for Windows container teams: multi-stage builds, the `# escape=`` ` directive,
// ARG-parameterised FROM lines, continuations with comments, RUN --mount, COPY --from, heredocs, CRLF files and
// some Linux images; Compose files group services (build, image, isolation, platform); workflows build many
// Dockerfiles each (run scripts with `docker build -f`, matrices over runner labels, docker/build-push-action).
// Used by bench/run.mjs and by the differential test of the Dockerfile reader (a sample).

/** Deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const RELEASES = ['ltsc2019', 'ltsc2022', 'ltsc2025', '1809', '20H2']
const RUNNERS = ['windows-2022', 'windows-2025', 'windows-latest', 'windows-2019', 'ubuntu-latest']
const ISOLATION = ['process', 'hyperv', 'default', undefined, undefined]

const pick = (r, xs) => xs[Math.floor(r() * xs.length)]

function windowsImage(r, release) {
  return pick(r, [
    `mcr.microsoft.com/windows/servercore:${release}`,
    `mcr.microsoft.com/windows/nanoserver:${release}`,
    `mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-${release}`,
    `mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-${release}`,
    `mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-${release}`,
    `mcr.microsoft.com/powershell:lts-nanoserver-${release}`,
  ])
}

/** Lines joined with LF; `String.raw` keeps backslashes as written. */
const lines = (...ls) => ls.join('\n') + '\n'
const raw = String.raw

/** One Dockerfile; `i` is the service number. */
export function dockerfile(r, i) {
  const release = pick(r, RELEASES)
  const variant = Math.floor(r() * 6)
  let text
  switch (variant) {
    case 0: // escape directive, ARG-parameterised FROM, two stages
      text = lines(
        '# escape=`',
        `# Service ${i}: build with the SDK, run on the runtime image`,
        `ARG RELEASE=${release}`,
        'FROM mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-$RELEASE AS build',
        raw`WORKDIR C:\src`,
        'COPY . .',
        'RUN msbuild /p:Configuration=Release `',
        raw`    /p:OutDir=C:\out ` + '`',
        '    /m',
        'FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-${RELEASE}',
        `SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]`,
        raw`COPY --from=build C:\out C:\inetpub\wwwroot`,
        raw`RUN Set-ItemProperty -Path 'HKLM:\SYSTEM' -Name X -Value 1; ` + '`',
        '    # keep the registry tidy',
        raw`    Remove-Item -Recurse C:\tmp`,
      )
      break
    case 1: // syntax directive, default in the ARG, three stages, mounts
      text = lines(
        '# syntax=docker/dockerfile:1',
        `ARG WINDOWS_VERSION=${release}`,
        'ARG REGISTRY=mcr.microsoft.com',
        'FROM ${REGISTRY}/windows/servercore:${WINDOWS_VERSION:-ltsc2022} AS base',
        'ARG WINDOWS_VERSION',
        raw`ENV APP_HOME=C:\\app` + ' \\',
        '    LOG_LEVEL=info',
        'FROM base AS deps',
        raw`RUN --mount=type=cache,target=C:\\cache` + ' \\',
        '    powershell -Command Install-Module Foo -Force',
        'FROM base',
        raw`COPY --from=deps C:\\Program\ Files C:\\Program\ Files`,
        raw`LABEL org.opencontainers.image.title="svc-${i}"` + ' \\',
        `      org.opencontainers.image.version="1.${i % 100}"`,
        'HEALTHCHECK --interval=30s CMD powershell -Command exit 0',
        raw`ENTRYPOINT ["C:\\app\\svc.exe"]`,
      )
      break
    case 2: // one stage, plain image, comments, CRLF line ends in half of them
      text = lines(
        `# Windows service ${i}`,
        '',
        `FROM ${windowsImage(r, release)}`,
        '',
        '# tools',
        raw`RUN powershell -NoProfile -Command` + ' \\',
        '    # comment inside a continuation',
        raw`    Invoke-WebRequest https://example.com/tool.zip -OutFile tool.zip ;` + ' \\',
        raw`    Expand-Archive tool.zip -DestinationPath C:\\tools`,
        'USER ContainerUser',
        'EXPOSE 80 443',
        'CMD ["cmd", "/c", "svc.exe"]',
      )
      if (r() < 0.5) text = text.replace(/\n/g, '\r\n')
      break
    case 3: // platform flag, global ARGs, heredocs
      text = lines(
        `ARG BASE=${windowsImage(r, release)}`,
        'ARG TAG',
        'FROM --platform=windows/amd64 $BASE AS runtime',
        'RUN <<EOF',
        `echo building ${i}`,
        'echo done',
        'EOF',
        raw`COPY <<-"CONF" C:\\app\\app.conf`,
        '\tkey=value',
        '\tCONF',
        raw`WORKDIR C:\\app`,
        'COPY bin/ .',
        'STOPSIGNAL SIGTERM',
      )
      break
    case 4: // Linux image (a cross-platform repository)
      text = lines(
        'FROM node:20-alpine AS build',
        'WORKDIR /src',
        'COPY package*.json ./',
        'RUN npm ci',
        'COPY . .',
        'RUN npm run build',
        'FROM nginx:1.27-alpine',
        'COPY --from=build /src/dist /usr/share/nginx/html',
        'EXPOSE 80',
      )
      break
    default: // many stages with ARG per stage and an image from an ARG with a default
      text = lines(`ARG RELEASE=${release}`, 'ARG IMAGE=mcr.microsoft.com/windows/nanoserver')
      for (let s = 0; s < 4; s++) {
        text += lines(
          `FROM \${IMAGE}:\${RELEASE} AS stage${s}`,
          `ARG STAGE_ARG_${s}=v${s}`,
          raw`RUN cmd /S /C "echo stage ` + `${s} > C:\\stage${s}.txt"`,
          ...(s > 0 ? [raw`COPY --from=stage` + `${s - 1} C:\\stage${s - 1}.txt C:\\`] : []),
        )
      }
      text += lines('ONBUILD RUN echo downstream', raw`VOLUME C:\\data`)
  }
  return text
}

/** A Compose file in folder `dir`; each build context is relative to it, as Compose resolves it. */
function compose(r, services, dir) {
  let text = `# services of one team\nname: team\nservices:\n`
  for (const s of services) {
    const iso = pick(r, ISOLATION)
    text +=
      `  svc-${s.i}:\n    build:\n      context: ./${s.dir.slice(dir.length + 1)}\n      dockerfile: Dockerfile\n      args:\n` +
      `        RELEASE: ${pick(r, RELEASES)}\n    image: contoso/svc-${s.i}:1.${s.i % 10}-${pick(r, RELEASES)}\n` +
      (iso ? `    isolation: ${iso}\n` : '') +
      (r() < 0.3 ? `    platform: windows/amd64\n` : '') +
      `    environment:\n      - LOG_LEVEL=info\n      - SERVICE=${s.i}\n    ports:\n      - "${8000 + (s.i % 1000)}:80"\n`
  }
  return text
}

function workflow(r, w, services) {
  const label = pick(r, RUNNERS)
  const matrix = r() < 0.3
  let text =
    `name: build ${w}\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  contents: read\njobs:\n`
  services.forEach((s, j) => {
    const runsOn = matrix ? '${{ matrix.os }}' : label
    text += `  build-${s.i}:\n    runs-on: ${runsOn}\n`
    if (matrix) text += `    strategy:\n      matrix:\n        os: [windows-2022, windows-2025]\n`
    if (j % 4 === 3) {
      text +=
        `    steps:\n      - uses: actions/checkout@v6\n      - uses: docker/build-push-action@v6\n        with:\n` +
        `          context: ${s.dir}\n          file: ${s.dir}/Dockerfile\n          build-args: |\n            RELEASE=${pick(r, RELEASES)}\n`
    } else {
      text +=
        `    steps:\n      - uses: actions/checkout@v6\n      - name: build\n        shell: pwsh\n        run: |\n` +
        `          docker build -f ${s.dir}/Dockerfile --build-arg RELEASE=${pick(r, RELEASES)} -t svc-${s.i} ${s.dir}\n` +
        `          docker run --rm ${j % 2 ? '--isolation=hyperv ' : ''}svc-${s.i} cmd /c ver\n`
    }
  })
  return text
}

/**
 * The files of a monorepo with `dockerfiles` Dockerfiles, one Compose file per 5 services and one workflow per 10
 * (10,000 Dockerfiles: 2,000 Compose files and 1,000 workflows): `[{ path, text }]`, POSIX paths, fixed order.
 */
export function monorepo({ dockerfiles, seed = 20260101 }) {
  const r = rng(seed)
  const files = []
  const services = []
  for (let i = 0; i < dockerfiles; i++) {
    const dir = `teams/team-${String(Math.floor(i / 50)).padStart(3, '0')}/svc-${String(i).padStart(5, '0')}`
    services.push({ i, dir })
    files.push({ path: `${dir}/Dockerfile`, text: dockerfile(r, i) })
  }
  for (let c = 0; c * 5 < dockerfiles; c++) {
    const group = services.slice(c * 5, c * 5 + 5)
    // A team's 50 services hold whole groups of 5: a Compose file and the services it builds share the team folder.
    const dir = `teams/team-${String(Math.floor((c * 5) / 50)).padStart(3, '0')}`
    files.push({ path: `${dir}/compose-${c}.yaml`, text: compose(r, group, dir) })
  }
  for (let w = 0; w * 10 < dockerfiles; w++) {
    files.push({ path: `.github/workflows/build-${String(w).padStart(4, '0')}.yml`, text: workflow(r, w, services.slice(w * 10, w * 10 + 10)) })
  }
  return files
}

/** A small repository: one Dockerfile, one Compose file, one workflow. */
export function smallRepo() {
  return monorepo({ dockerfiles: 1, seed: 7 })
}
