import { describe, expect, test } from 'vitest'
import { classifyName, isTemplateText, looksLikeDockerfile } from '../../src/project/names.js'

describe('classifyName', () => {
  test.each([
    'Dockerfile',
    'Containerfile',
    'windows.Dockerfile',
    'docker/ltsc2022.dockerfile',
  ])('%s is a Dockerfile by name', (name) => {
    expect(classifyName(name)).toEqual({ kind: 'dockerfile' })
  })

  test.each([
    'Dockerfile-windows',
    'Dockerfile_windows',
    'Dockerfile.windows',
    'Dockerfile.windows-ltsc2022',
    'build/Dockerfile.ltsc2025',
    'windows-Dockerfile',
    'windows_Dockerfile',
    'Containerfile.win',
  ])('%s is a Dockerfile when its content agrees', (name) => {
    expect(classifyName(name)).toEqual({ kind: 'dockerfile', ambiguous: true })
  })

  test.each(['dockerfile.go', 'Dockerfile.cs', 'Dockerfile.dockerignore', 'Dockerfile.md', 'Dockerfile_test.go', 'dockerfile.json', 'Dockerfile.yml', 'dockerfiles', 'mydockerfile'])(
    '%s is not a Dockerfile',
    (name) => {
      expect(classifyName(name)).toBeUndefined()
    },
  )

  test.each([
    ['Dockerfile.tmpl', 'dockerfile'],
    ['windows.Dockerfile.tpl', 'dockerfile'],
    ['Dockerfile.template', 'dockerfile'],
    ['Dockerfile.erb', 'dockerfile'],
    ['Dockerfile.j2', 'dockerfile'],
    ['Dockerfile.jinja', 'dockerfile'],
    ['Dockerfile.mustache', 'dockerfile'],
    ['Dockerfile.hbs', 'dockerfile'],
    ['Dockerfile.in', 'dockerfile'],
    ['docker-compose.yml.j2', 'compose'],
    ['compose.yaml.tmpl', 'compose'],
    ['.github/workflows/ci.yml.erb', 'workflow'],
  ])('%s is a template of a %s', (name, kind) => {
    const verdict = classifyName(name)
    expect(verdict?.kind).toBe(kind)
    expect(verdict?.template).toMatch(/^template/)
  })

  test('a workflow is one of the root`s .github/workflows; one below the root is no workflow GitHub runs', () => {
    expect(classifyName('.github/workflows/ci.yml')).toEqual({ kind: 'workflow' })
    expect(classifyName('.github/workflows/release.YAML')).toEqual({ kind: 'workflow' })
    for (const name of ['lib/vendored/.github/workflows/ci.yml', 'a/b/.github/workflows/compose.yaml']) {
      const verdict = classifyName(name)
      expect(verdict?.kind, name).toBe('workflow')
      expect(verdict?.notRun, name).toMatch(/^not a workflow GitHub runs: only the repository root's \.github\/workflows are/)
    }
    expect(classifyName('lib/vendored/.github/workflows/ci.yml')?.notRun).toContain('lint lib/vendored as its own root')
    // GitHub does not look into subfolders of .github/workflows either.
    expect(classifyName('.github/workflows/release/publish.yml')).toBeUndefined()
    expect(classifyName('lib/x/.github/workflows/ci.yml.j2')?.template).toMatch(/^template/)
  })

  test('templates of files isolint does not read are nothing', () => {
    expect(classifyName('config.yml.j2')).toBeUndefined()
  })
})

describe('looksLikeDockerfile', () => {
  test('the first instruction decides, after comments and directives', () => {
    expect(looksLikeDockerfile('# escape=`\n\n# base\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n')).toBe(true)
    expect(looksLikeDockerfile('\uFEFFARG TAG=ltsc2022\nFROM x:$TAG\n')).toBe(true)
    expect(looksLikeDockerfile('run echo lower-case instructions are valid\n')).toBe(true)
    expect(looksLikeDockerfile('package dockerfile\n')).toBe(false)
    expect(looksLikeDockerfile('Notes about the image.\nFROM here on\n')).toBe(false)
    expect(looksLikeDockerfile('')).toBe(false)
  })
})

describe('isTemplateText', () => {
  test('template syntax at a line start, in FROM, or anywhere in a file that does not parse', () => {
    expect(isTemplateText('{{- if .Values.win }}\nFROM x\n', 'dockerfile', true)).toBe(true)
    expect(isTemplateText('FROM {{ .Base }}\n', 'dockerfile', true)).toBe(true)
    expect(isTemplateText('FROM <%= base %>\n', 'dockerfile', true)).toBe(true)
    expect(isTemplateText('services:\n  a:\n    image: {{ img }}\n', 'compose', false)).toBe(true)
  })
  test('GitHub expressions and Go format strings in a file that parses are not templates', () => {
    expect(isTemplateText('jobs:\n  a:\n    runs-on: ${{ matrix.os }}\n', 'workflow', true)).toBe(false)
    expect(isTemplateText("FROM x\nRUN docker inspect -f '{{.Id}}' y\n", 'dockerfile', true)).toBe(false)
    expect(isTemplateText('services:\n  a:\n    logging:\n      options:\n        tag: "{{.Name}}"\n', 'compose', true)).toBe(false)
  })
})
