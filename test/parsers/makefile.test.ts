import { describe, expect, test } from 'vitest'
import { runs } from '../harness/fuzz.js'
import { evaluateMake, type OutsideValue } from '../../src/parsers/makefile.js'

function make(
  files: Record<string, string>,
  goals: string[],
  options: { env?: Record<string, string | undefined>; cli?: Record<string, string>; e?: boolean; dir?: string; envUnknown?: boolean } = {},
): string[] | undefined {
  const outside = (r: Record<string, string | undefined> = {}) =>
    new Map<string, OutsideValue>(Object.entries(r).map(([k, v]) => [k, v === undefined ? {} : { value: v }]))
  const run = evaluateMake(
    {
      read: (rel) => files[rel],
      makefile: options.dir ? `${options.dir}/Makefile` : 'Makefile',
      dir: options.dir ?? '',
      commandLine: outside(options.cli),
      environment: outside(options.env),
      ...(options.e ? { environmentOverrides: true } : {}),
      ...(options.envUnknown ? { environmentUnknown: true } : {}),
    },
    goals,
  )
  return run?.lines.map((l) => l.text.s)
}

describe('make evaluator', () => {
  // A variable no Makefile sets may still come from the runner's environment: unknown, not empty.
  test('recursive and simple variables, ?=, += and the order of definition', () => {
    const mk = ['A = $(B)', 'B = one', 'C := $(D)', 'D = two', 'E ?= three', 'E ?= four', 'F = x', 'F += y', 'all:', '\techo $(A) [$(C)] $(E) $(F)'].join('\n')
    expect(make({ Makefile: mk }, ['all'])).toEqual(['echo one [$(D)] three x y'])
  })

  test('the command line beats the Makefile, the Makefile beats the environment unless -e; ?= keeps the environment', () => {
    const mk = 'V = file\nW ?= default\nall:\n\techo $(V) $(W)\n'
    expect(make({ Makefile: mk }, ['all'], { env: { V: 'env', W: 'envw' } })).toEqual(['echo file envw'])
    expect(make({ Makefile: mk }, ['all'], { env: { V: 'env' }, e: true })).toEqual(['echo env default'])
    expect(make({ Makefile: mk }, ['all'], { env: { V: 'env' }, cli: { V: 'cli' } })).toEqual(['echo cli default'])
    expect(make({ Makefile: 'override V = o\n' + mk.replace('V = file\n', '') }, ['all'], { cli: { V: 'cli' } })).toEqual(['echo o default'])
  })

  test('an environment that may hold any variable (an unreadable GITHUB_ENV write): ?= defaults, and with -e every assignment, are unknown', () => {
    const mk = 'V = file\nW ?= default\nX ?= x\nall:\n\techo $(V) $(W) $(X)\n'
    expect(make({ Makefile: mk }, ['all'], { envUnknown: true })).toEqual(['echo file $(W) $(X)'])
    expect(make({ Makefile: mk }, ['all'], { envUnknown: true, e: true })).toEqual(['echo $(V) $(W) $(X)'])
    // The command line still wins; a value the environment is known to hold is still read.
    expect(make({ Makefile: mk }, ['all'], { envUnknown: true, cli: { W: 'cli' }, env: { X: 'envx' } })).toEqual(['echo file cli envx'])
  })

  test('conditionals: decided ones pick a branch, else-if chains, nested blocks', () => {
    const mk = [
      'ifeq ($(OS_NAME), windows)',
      '  DF ?= Dockerfile-windows',
      'else ifeq ($(OS_NAME),linux)',
      '  DF ?= Dockerfile',
      'else',
      '  DF ?= Dockerfile-other',
      'endif',
      'ifdef OS_NAME',
      'ifndef MISSING_BUT_SET',
      'X = nested',
      'endif',
      'endif',
      'all:',
      '\techo $(DF) $(X)',
    ].join('\n')
    expect(make({ Makefile: mk }, ['all'], { env: { OS_NAME: 'windows', MISSING_BUT_SET: '' } })).toEqual(['echo Dockerfile-windows nested'])
    expect(make({ Makefile: mk }, ['all'], { env: { OS_NAME: 'linux', MISSING_BUT_SET: '' } })).toEqual(['echo Dockerfile nested'])
    expect(make({ Makefile: mk }, ['all'], { env: { OS_NAME: 'mac', MISSING_BUT_SET: 'y' } })).toEqual(['echo Dockerfile-other $(X)'])
  })

  test('what cannot be known stays visible as $(NAME), and decisions on it are not made', () => {
    const mk = [
      'V := $(shell cat VERSION)',
      'ifeq ($(V),1809)',
      'W = a',
      'else',
      'W = b',
      'endif',
      'all:',
      '\techo $(V) $(UNSET) $(SECRET) $(if $(V),yes,no)',
      'w:',
      '\techo $(W)',
    ].join('\n')
    expect(make({ Makefile: mk }, ['all'], { env: { SECRET: undefined } })).toEqual(['echo $(shell cat VERSION) $(UNSET) $(SECRET) $(if $V,yes,no)'])
    // W is set under a conditional that cannot be decided: unknown, not `a` or `b`.
    expect(make({ Makefile: mk }, ['w'])).toEqual(['echo $(W)'])
  })

  test('recipe lines under an undecidable conditional are left out; $(error) stops the recipe', () => {
    const mk = ['all:', 'ifeq ($(shell uname),Linux)', '\tdocker build .', 'endif', 'err:', '\techo before', '\t$(error stop)'].join('\n')
    expect(make({ Makefile: mk }, ['all'])).toEqual([])
    expect(make({ Makefile: mk }, ['err'])).toEqual([])
  })

  test('foreach over a literal list, text functions, substitution references, automatic variables', () => {
    const mk = [
      'ALL_OSVERSIONS.windows := 1809 20H2 ltsc2022',
      'TAGS = $(ALL_OSVERSIONS.windows:%=img:%)',
      'build-%: ;',
      'all: prep',
      '\t$(foreach v,$(ALL_OSVERSIONS.windows),docker build --build-arg V=$(v) . ;)',
      '\techo $(TAGS) $(words $(TAGS)) $(firstword $(TAGS)) $(subst 20H2,2009,$(ALL_OSVERSIONS.windows)) $@ $<',
      '\techo $(patsubst %.c,%.o,a.c b.c) $(filter l%,$(ALL_OSVERSIONS.windows)) $(addprefix x-,a b) $(strip  a   b )',
      'prep:',
      '\techo prep',
    ].join('\n')
    expect(make({ Makefile: mk }, ['all'])).toEqual([
      'echo prep',
      'docker build --build-arg V=1809 . ; docker build --build-arg V=20H2 . ; docker build --build-arg V=ltsc2022 . ;',
      'echo img:1809 img:20H2 img:ltsc2022 3 img:1809 1809 2009 ltsc2022 all prep',
      'echo a.o b.o ltsc2022 x-a x-b a b',
    ])
  })

  test('include (relative to the folder make runs in), target-specific variables, default goal, continuations', () => {
    const files = {
      'sub/Makefile': 'include docker/docker.mk\n-include missing.mk\n.PHONY: first\nfirst: second\n',
      'sub/docker/docker.mk': 'IMG = base\nsecond: IMG = special\nsecond:\n\tdocker build \\\n\t  -t $(IMG) .\n',
    }
    expect(make(files, [], { dir: 'sub' })).toEqual(['docker build \\\n  -t special .'])
  })

  test('a missing Makefile gives nothing; a self-referencing variable is unknown, never a hang', () => {
    expect(evaluateMake({ read: () => undefined, makefile: 'Makefile', dir: '', commandLine: new Map(), environment: new Map() }, ['all'])).toBeUndefined()
    expect(make({ Makefile: 'A = $(A)x\nall:\n\techo $(A)\n' }, ['all'])).toEqual(['echo $(A)x'])
  })
})

describe('make evaluator on any input', () => {
  test('never throws and stays bounded, whatever the Makefile says', async () => {
    const fc = await import('fast-check')
    const pieces = ['$(', ')', '${', '}', '$', '$$', ':', '::=', '=', '?=', '+=', '\t', '\n', '\\\n', '#', 'ifeq (a,b)\n', 'else\n', 'endif\n',
      'define X\n', 'endef\n', 'include x\n', '$(foreach v,a b,$(v))', '$(call X,1)', '$(shell x)', 'all', ' ', ',', 'A', 'B']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.string({ maxLength: 40 }), (parts, noise) => {
        const text = parts.join('') + noise
        const run = evaluateMake(
          { read: (rel) => (rel === 'Makefile' || rel === 'x' ? text : undefined), makefile: 'Makefile', dir: '', commandLine: new Map(), environment: new Map() },
          ['all', 'A'],
        )
        expect(run === undefined || Array.isArray(run.lines)).toBe(true)
      }),
      { numRuns: runs(300) },
    )
  })

  test('a variable that doubles itself many times is cut off as unknown, not expanded without bound', () => {
    const lines = ['X0 = xxxxxxxxxxxxxxxx']
    for (let i = 1; i <= 13; i++) lines.push(`X${i} = $(X${i - 1})$(X${i - 1})`)
    lines.push('all:', '\techo $(X13)')
    const out = make({ Makefile: lines.join('\n') }, ['all'])
    expect(out?.[0]?.length ?? 0).toBeLessThan(70_000)
  })
})
