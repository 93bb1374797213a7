/**
 * What a file's name says it is: a Dockerfile, a Compose file, a workflow, a template of one of them (skipped), or
 * nothing. Pure. Names such as `Dockerfile.windows` or `windows.Dockerfile` are Dockerfiles only when their content
 * agrees (see `looksLikeDockerfile`); `Dockerfile.go` or `Dockerfile.md` never are.
 */
import type { FileKind } from '../model/project.js'

export interface NameVerdict {
  readonly kind: FileKind
  /** The name alone does not decide: `Dockerfile.<something>`, `<something>.Dockerfile`; the content does. */
  readonly ambiguous?: boolean
  /** The name is a template of this kind (`Dockerfile.tmpl`, `compose.yaml.j2`): skipped with this note. */
  readonly template?: string
  /**
   * A workflow GitHub never runs (under a `.github/workflows` folder below the root: a vendored library's own CI):
   * skipped with this note when a folder is walked, linted as a workflow when a path names the file.
   */
  readonly notRun?: string
}

/** Extensions of templates, rendered by a tool before Docker, Compose or GitHub read them. */
const TEMPLATE_EXT = new Set(['tmpl', 'tpl', 'template', 'erb', 'j2', 'jinja', 'jinja2', 'mustache', 'hbs', 'in', 'gotmpl'])

/** Extensions of files that are never Dockerfiles (source code, documents, data, ignore files, archives, backups). */
const NOT_DOCKERFILE_EXT = new Set(
  (
    'go cs vb fs java kt scala rs c h cc cpp hpp py rb php pl lua swift js mjs cjs ts tsx jsx sh bash zsh ps1 psm1 bat cmd ' +
    'md markdown rst adoc txt html htm css json yml yaml toml xml ini cfg conf properties csproj sln props targets ' +
    'dockerignore gitignore gitattributes editorconfig lock sum mod log orig rej patch diff bak swp png jpg jpeg gif svg ' +
    'ico pdf zip gz tgz tar'
  ).split(' '),
)

const DOCKERFILE_WORD = /^(dockerfile|containerfile)$/

/** The verdicts without a note, shared (one per file name looked at otherwise; nothing changes a verdict). */
const WORKFLOW: NameVerdict = Object.freeze({ kind: 'workflow' })
const COMPOSE: NameVerdict = Object.freeze({ kind: 'compose' })
const DOCKERFILE: NameVerdict = Object.freeze({ kind: 'dockerfile' })
const AMBIGUOUS_DOCKERFILE: NameVerdict = Object.freeze({ kind: 'dockerfile', ambiguous: true })

/** The names of a local action's metadata file in its folder, in the order GitHub looks for them. */
export const ACTION_FILE_NAMES: readonly string[] = ['action.yml', 'action.yaml']

/** The verdict of a workflow under a `.github/workflows` folder below the root (its project folder named in the note). */
function nestedWorkflow(rel: string): NameVerdict {
  const project = rel.slice(0, rel.toLowerCase().lastIndexOf('/.github/workflows/'))
  return {
    kind: 'workflow',
    notRun: `not a workflow GitHub runs: only the repository root's .github/workflows are (lint ${project} as its own root, or name the file, to check it)`,
  }
}

/** The verdict of a name; undefined when the name says nothing. `rel` is a POSIX path relative to the root. */
export function classifyName(rel: string): NameVerdict | undefined {
  const base = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase()
  const dot = base.lastIndexOf('.')
  const ext = dot > 0 ? base.slice(dot + 1) : ''
  if (TEMPLATE_EXT.has(ext)) {
    const inner = classifyName(rel.slice(0, rel.length - ext.length - 1))
    return inner ? { kind: inner.kind, template: `template (.${ext}): rendered by another tool before use; not linted` } : undefined
  }
  // GitHub runs the workflows directly in the repository root's `.github/workflows`, none in a folder below it
  // (a subfolder such as `.github/workflows/release/` is no workflow either); `rel` is relative to the lint root.
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(rel)) return /^\.github\//i.test(rel) ? WORKFLOW : nestedWorkflow(rel)
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(base)) return COMPOSE
  if (DOCKERFILE_WORD.test(base)) return DOCKERFILE
  // `x.Dockerfile` is the documented convention; `Dockerfile.x`, `Dockerfile-x`, `Dockerfile_x`, `x-Dockerfile` are
  // common too, and so are source files named after Dockerfiles (`dockerfile.go`, `Dockerfile_test.go`).
  if (/[._-](dockerfile|containerfile)$/.test(base)) return /\.(dockerfile|containerfile)$/.test(base) ? DOCKERFILE : AMBIGUOUS_DOCKERFILE
  if (/^(dockerfile|containerfile)[._-]./.test(base)) {
    if (NOT_DOCKERFILE_EXT.has(ext)) return undefined
    return AMBIGUOUS_DOCKERFILE
  }
  return undefined
}

const INSTRUCTION =
  /^(from|arg|run|cmd|label|maintainer|expose|env|add|copy|entrypoint|volume|user|workdir|onbuild|stopsignal|healthcheck|shell)(\s|$)/i

/** True when the first instruction of the text (after comments, parser directives and blank lines) is a Dockerfile one. */
export function looksLikeDockerfile(text: string): boolean {
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const t = line.trim()
    if (t === '' || t.startsWith('#')) continue
    return INSTRUCTION.test(t)
  }
  return false
}

const TEMPLATE_LINE = /^\s*(-\s+)?(\{\{|\{%|<%)/m
const TEMPLATE_ANYWHERE = /(^|[^$])\{\{[\s\S]*?\}\}|<%[\s\S]*?%>|\{%[\s\S]*?%\}/
const TEMPLATE_IN_FROM = /^\s*(from|arg)\s[^\n]*(\{\{|\{%|<%)/im

/**
 * True when the text is a template (Go/Helm `{{ }}`, ERB `<% %>`, Jinja `{% %}`) rather than the file itself:
 * a line that starts with template syntax, a Dockerfile whose FROM or ARG holds it, or a file that does not parse
 * and holds it anywhere. GitHub's `${{ }}` expressions are not template syntax.
 */
export function isTemplateText(text: string, kind: FileKind, parsed: boolean): boolean {
  // Every form needs one of these markers: most files have none, and are not searched line by line.
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('<%')) return false
  if (TEMPLATE_LINE.test(text)) return true
  if (kind === 'dockerfile' && TEMPLATE_IN_FROM.test(text)) return true
  return !parsed && TEMPLATE_ANYWHERE.test(text)
}
