/**
 * Temporary workspaces for the action tests: a workflow that starts a Compose file on windows-2025, and a Compose
 * file whose services each give one error (no tag on servercore) and one warning (build unknown).
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const WORKFLOW = '.github/workflows/ci.yml'
export const COMPOSE = 'deploy/compose.yml'

/** Writes files (POSIX relative paths) under a new temporary folder; returns its real path. */
export function makeWorkspace(files: Record<string, string>): string {
  const ws = realpathSync(mkdtempSync(path.join(tmpdir(), 'isolint-action-')))
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(ws, ...rel.split('/'))
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, text)
  }
  return ws
}

/** A workflow job on windows-2025 that starts `composeFile`. */
export function workflow(composeFile = COMPOSE): string {
  return ['on: pull_request', 'jobs:', '  up:', '    runs-on: windows-2025', '    steps:', `      - run: docker compose -f ${composeFile} up`, ''].join('\n')
}

/** A Compose file with `n` untagged servercore services: 2 findings each (an error and a warning), on line 3 + 2i. */
export function untaggedCompose(n: number, name = (i: number) => `svc${i}`): string {
  const lines = ['services:']
  for (let i = 0; i < n; i++) lines.push(`  ${name(i)}:`, '    image: mcr.microsoft.com/windows/servercore')
  return `${lines.join('\n')}\n`
}

/** The line of service `i`'s image in `untaggedCompose`. */
export function imageLine(i: number): number {
  return 3 + 2 * i
}

/** A unified diff patch adding lines [from, to] of a file (as `pulls.listFiles` shows it). */
export function addedPatch(text: string, from: number, to: number): string {
  const lines = text.split('\n')
  const body = lines.slice(from - 1, to).map((l) => `+${l}`)
  return [`@@ -${from - 1},0 +${from},${to - from + 1} @@`, ...body].join('\n')
}
