import { describe, expect, it } from 'vitest'
import { linkFiles as link } from '../harness/link-files.js'

const ROOT = 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\nRUN echo root\n'
const OTHER = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo other\n'

/** The Dockerfiles `docker compose up --build` builds on windows-2022 for `build`, with the step's `env` lines. */
function built(build: readonly string[], env: readonly string[] = []): readonly string[] {
  const workflow = [
    'on: push',
    'jobs:',
    '  b:',
    '    runs-on: windows-2022',
    '    steps:',
    '      - run: docker compose up -d --build',
    ...(env.length > 0 ? ['        env:', ...env.map((e) => `          ${e}`)] : []),
    '',
  ].join('\n')
  const compose = ['services:', '  app:', '    build:', ...build.map((l) => `      ${l}`), ''].join('\n')
  const files = { '.github/workflows/b.yml': workflow, 'compose.yaml': compose, Dockerfile: ROOT, 'win/Dockerfile.x': OTHER }
  // The files of the executions on the host: a build's stages stand at its Dockerfile's FROM lines.
  return [...new Set(link(files).executions.filter((e) => e.host !== undefined && e.span.file !== 'compose.yaml').map((e) => e.span.file))]
}

describe('the Dockerfile a Compose build reads', () => {
  it('reads the Dockerfile the build names, or the default one', () => {
    expect(built(['context: .'])).toEqual(['Dockerfile'])
    expect(built(['context: win', 'dockerfile: Dockerfile.x'])).toEqual(['win/Dockerfile.x'])
    expect(built(['context: ${CTX}', 'dockerfile: ${DF}'], ['CTX: win', 'DF: Dockerfile.x'])).toEqual(['win/Dockerfile.x'])
    expect(built(['context: ${CTX:-.}'])).toEqual(['Dockerfile'])
  })

  it('reads no Dockerfile, never the default one, for an inline Dockerfile or a path isolint cannot know', () => {
    expect(built(['context: .', 'dockerfile_inline: |', '  FROM mcr.microsoft.com/windows/servercore:ltsc2022', '  RUN echo inline'])).toEqual([])
    expect(built(['context: .', 'dockerfile: ${DF}'], ['DF: ${{ vars.DOCKERFILE }}'])).toEqual([])
    expect(built(['context: ${CTX}'], ['CTX: ${{ vars.CONTEXT }}'])).toEqual([])
  })
})
