import { describe, expect, it } from 'vitest'
import { LineIndex } from '../../src/core/span.js'
import type { CommandPrefix } from '../../src/model/workflow.js'
import { extractDockerCommands, scriptCommands } from '../../src/parsers/docker-cli.js'
import { splitCommands, type Invocation } from '../../src/parsers/shell.js'
import { unknownValue } from '../../src/parsers/workflow-expressions.js'
import { commandEnv } from '../../src/project/follow.js'

const at = (script: string) => {
  const lines = new LineIndex(script)
  return (s: number, e: number) => lines.span('s.sh', s, e)
}
const invocations = (script: string): readonly Invocation[] => scriptCommands(splitCommands(script, 'posix'), 'posix', at(script)).invocations
const docker = (script: string) => extractDockerCommands(script, 'posix', at(script))

/** What a command's prefixes do, in short: program, assignments, unset, cleared, reset (keep, dropped), moved. */
const read = (inv: Invocation) => ({
  program: inv.words.map((w) => w.value).join(' '),
  assignments: inv.assignments?.map((w) => w.value) ?? [],
  unset: inv.unset ?? [],
  cleared: inv.envCleared ?? false,
  reset: inv.envReset ? { keep: inv.envReset.keep, dropped: inv.envReset.dropped.map((w) => w.value) } : null,
  moved: inv.moved ?? false,
})
const one = (script: string) => {
  const all = invocations(script)
  expect(all, script).toHaveLength(1)
  return read(all[0]!)
}
const none = { assignments: [], unset: [], cleared: false, reset: null, moved: false }

describe('env options (GNU coreutils, BSD, macOS)', () => {
  it('reads -u NAME, -uNAME, --unset=NAME, --unset NAME and a cluster (-vu NAME) as that variable unset', () => {
    for (const prefix of ['env -u TAG', 'env -uTAG', 'env --unset=TAG', 'env --unset TAG', 'env -vu TAG', 'env --uns=TAG']) {
      expect(one(`${prefix} make image`), prefix).toEqual({ ...none, program: 'make image', unset: ['TAG'] })
    }
    expect(one('env -u A -u B make')).toEqual({ ...none, program: 'make', unset: ['A', 'B'] })
  })

  it('reads -i, --ignore-environment and a mere - as an empty environment, with the assignments after it', () => {
    for (const prefix of ['env -i', 'env --ignore-environment', 'env -', 'env -- -', 'env -iv', 'env --ignore-e']) {
      expect(one(`${prefix} ./build.sh`), prefix).toEqual({ ...none, program: './build.sh', cleared: true })
    }
    expect(one('env -i X=1 ./build.sh')).toEqual({ ...none, program: './build.sh', cleared: true, assignments: ['X=1'] })
    // What is set before env -i does not reach the command; what env sets after it does.
    expect(one('X=1 env -i Y=2 ./build.sh')).toEqual({ ...none, program: './build.sh', cleared: true, assignments: ['Y=2'] })
    // `-iu X` clusters -i with -u, whose value is the next word.
    expect(one('env -iu X ./build.sh')).toEqual({ ...none, program: './build.sh', cleared: true, unset: ['X'] })
  })

  it('reads -C DIR, -CDIR, --chdir=DIR and --chdir DIR as another folder', () => {
    for (const prefix of ['env -C sub', 'env -Csub', 'env --chdir=sub', 'env --chdir sub', 'env -iC sub']) {
      const got = one(`${prefix} ./build.sh`)
      expect(got.program, prefix).toBe('./build.sh')
      expect(got.moved, prefix).toBe(true)
    }
  })

  it('passes options that do not change the command (-v, --debug, -a ARG, -P PATH, signals) and --', () => {
    for (const prefix of ['env -v', 'env --debug', 'env -a name', 'env --argv0=name', 'env --argv0 name', 'env -P /usr/bin', 'env --ignore-signal=PIPE', 'env --block-signal', 'env --', 'env -v -- X=1']) {
      const got = one(`${prefix} make image`)
      expect({ ...got, assignments: [] }, prefix).toEqual({ ...none, program: 'make image' })
    }
    expect(one('env -- X=1 make')).toEqual({ ...none, program: 'make', assignments: ['X=1'] })
  })

  it('applies the prefixes in order: an unset after an assignment wins, an assignment after an unset wins', () => {
    expect(one('X=1 env -u X make')).toEqual({ ...none, program: 'make', unset: ['X'] })
    expect(one('env -u X X=1 make')).toEqual({ ...none, program: 'make', assignments: ['X=1'] })
    // sudo may drop what was assigned before it (sudoers), env -u removes it for sure.
    expect(one('X=1 sudo env -u X make')).toEqual({ ...none, program: 'make', unset: ['X'], reset: { keep: [], dropped: [] } })
    // After env -i the step's variables are unset already: sudo cannot drop them, only what env set.
    expect(one('env -i X=1 sudo ./build.sh')).toEqual({ ...none, program: './build.sh', cleared: true, reset: { keep: [], dropped: ['X=1'] } })
    expect(one('sudo env -i X=1 ./build.sh')).toEqual({ ...none, program: './build.sh', cleared: true, assignments: ['X=1'] })
    // Each sudo applies its own policy: -E on the first does not keep what the second may drop.
    expect(one('X=1 sudo -E sudo make')).toEqual({ ...none, program: 'make', reset: { keep: [], dropped: ['X=1'] } })
    expect(one('sudo --preserve-env=A,B sudo --preserve-env=B make')).toEqual({ ...none, program: 'make', reset: { keep: ['B'], dropped: [] } })
  })

  it('reads the words with = after the options as assignments, quoted or not (env is no shell)', () => {
    expect(one('env "X=1" \'Y=a b\' make')).toEqual({ ...none, program: 'make', assignments: ['X=1', 'Y=a b'] })
    // GNU env stops reading options at the first word that is not one: `-i` after an assignment is the program.
    expect(invocations('env X=1 -i make')).toEqual([])
  })

  it('reads no command where isolint cannot know which runs, or none runs', () => {
    const scripts = [
      // -S with a string isolint cannot split (more in the -S test).
      "env -S '${MAKE} image'",
      // -0 with a command is an error; --help and --version print and exit.
      'env -0 make image',
      'env --null make image',
      'env --help make image',
      'env --version make image',
      // Variables read from files isolint does not follow (uutils -f, BSD -L/-U).
      'env -f ci.env make image',
      'env -L ci make image',
      // An unknown or ambiguous option (env fails), a missing value.
      'env -x make image',
      'env --frobnicate make image',
      'env --ign make image',
      'env -u',
      'env -u A=1 make image',
      // Without PATH, a program named without a folder is found in the C library's default path (host-dependent).
      'env -i make image',
      'env - make image',
      'env -u PATH make image',
    ]
    for (const s of scripts) expect(invocations(s), s).toEqual([])
    // With PATH set again, or a program named with its folder, the command is known.
    expect(one('env -i PATH=/usr/bin:/bin make image').program).toBe('make image')
    expect(one('env -i ./build.sh').program).toBe('./build.sh')
    expect(one('env -i PATH="$PATH" make image').assignments).toEqual(['PATH=$PATH'])
  })

  it('reads -S STRING as the arguments GNU env splits it into, read next as its options, assignments and command', () => {
    expect(one("env -S 'X=1 make image'")).toEqual({ ...none, program: 'make image', assignments: ['X=1'] })
    expect(one('env --split-string="make image"').program).toBe('make image')
    expect(one('env --split-string make').program).toBe('make')
    // The value is the rest of the word, else the next word: `-vS make image` splits `make`, and `image` follows it.
    expect(one('env -vS make image').program).toBe('make image')
    expect(one("env -S'-i PATH=/usr/bin X=1' ./build.sh")).toEqual({ ...none, program: './build.sh', cleared: true, assignments: ['PATH=/usr/bin', 'X=1'] })
    expect(one("env -S '-u TAG' make image")).toEqual({ ...none, program: 'make image', unset: ['TAG'] })
    // An -S in the string splits again; options before -S keep their effect.
    expect(one("env -i -S \"-S'PATH=/bin make'\" image")).toEqual({ ...none, program: 'make image', cleared: true, assignments: ['PATH=/bin'] })
    const words = (script: string): string[] => invocations(script)[0]!.words.map((w) => w.value)
    // Quotes, escapes and separators: whitespace of any kind, `\_` outside double quotes (a space inside them).
    expect(words(`env -S 'make "a b"\tc\\_d'`)).toEqual(['make', 'a b', 'c', 'd'])
    expect(words(`env -S 'make "a\\_b" '"'"'c\\d'"'"' \\"'`)).toEqual(['make', 'a b', 'c\\d', '"'])
    expect(words(`env -S "make ''"`)).toEqual(['make', ''])
    expect(words(`env -S 'make "x\\ty"'`)).toEqual(['make', 'x\ty'])
    // `#` at the start of an argument and `\c` end the string; the words after it follow.
    expect(words("env -S 'make image # all' extra")).toEqual(['make', 'image', 'extra'])
    expect(words("env -S 'make a#b'")).toEqual(['make', 'a#b'])
    expect(words("env -S 'make image\\c ignored' extra")).toEqual(['make', 'image', 'extra'])
    expect(words("env -S '' make")).toEqual(['make'])
    // The assignment's span is where it is written inside the string.
    const span = invocations("env -S 'X=1 make'")[0]!.assignments![0]!.span
    expect([span.start.column, span.end.column]).toEqual([9, 12])
    for (const s of [
      // ${NAME} is a variable of env's own environment: unknown; any other $ is an error.
      "env -S '${MAKE} image'",
      'env -S "make \\${TARGET}"',
      "env -S 'make $TARGET'",
      // env fails: a quote without its end, an escape it does not know, \c in double quotes, a backslash at the end.
      `env -S 'make "image'`,
      "env -S 'make \\q'",
      `env -S 'make "a\\cb"'`,
      "env -S 'make \\'",
      'env -S',
    ]) {
      expect(invocations(s), s).toEqual([])
    }
  })

  it('recognises docker after the same env prefixes, with the same effects', () => {
    const [build] = docker('env -i PATH="$PATH" TAG=ltsc2022 docker build -t x:$TAG .')
    expect(build).toMatchObject({ type: 'build', envCleared: true })
    expect(build!.assignments?.map((w) => w.value)).toEqual(['PATH=$PATH', 'TAG=ltsc2022'])
    expect(docker('env -u TAG docker compose up')[0]).toMatchObject({ type: 'compose', unset: ['TAG'] })
    expect(docker('env --chdir=sub docker build .')[0]).toMatchObject({ type: 'build', moved: true })
    for (const s of ["env -S 'docker build ${CONTEXT}'", 'env -i docker build .', 'env -0 docker build .', 'env -X docker build .']) {
      expect(docker(s), s).toEqual([])
    }
    // The words of an -S string, with their spans in the script.
    const [run] = docker(`env -S '-u TAG docker run "mcr.microsoft.com/windows/nanoserver:ltsc2022"' --rm`)
    expect(run).toMatchObject({ type: 'run', unset: ['TAG'], image: { value: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' } })
    const image = run?.type === 'run' ? run.image!.span : undefined
    expect([image?.start.column, image?.end.column]).toEqual([27, 74])
    // An assignment's span is where it is written, also after env's options.
    const script = 'env -u A B=2 docker build .'
    const span = docker(script)[0]!.assignments![0]!.span
    expect([span.start.column, span.end.column]).toEqual([10, 13])
  })
})

describe('commandEnv with env prefixes', () => {
  const step = new Map([
    ['TAG', 'ltsc2019'],
    ['PATH', '/usr/bin'],
  ])
  const env = (prefix: CommandPrefix) => (commandEnv(step, prefix) ? Object.fromEntries(commandEnv(step, prefix)!.env) : null)
  const prefixOf = (script: string): CommandPrefix => invocations(`${script} ./build.sh`)[0]!

  it('unsets what env -u names and leaves the rest', () => {
    expect(env(prefixOf('env -u TAG'))).toEqual({ PATH: '/usr/bin' })
  })

  it('starts from nothing after env -i: the step variables are unset, not unknown', () => {
    expect(env(prefixOf('env -i X=1'))).toEqual({ X: '1' })
    expect(env(prefixOf('env -i'))).toEqual({})
  })

  it('keeps the step environment when env changes nothing in it', () => {
    expect(env(prefixOf('env -v'))).toBeNull()
    expect(env(prefixOf('env -C sub'))).toBeNull()
  })

  it('leaves unknown what sudo may drop, and unset what env removes after it', () => {
    expect(env(prefixOf('sudo env -u TAG'))).toEqual({ PATH: unknownValue('$PATH (sudo may drop it)') })
  })
})

describe('sudo modes that run no command', () => {
  it('reads no command after sudo -h (help, or -h host: a remote host the sudoers plugin does not run on)', () => {
    const scripts = [
      // A lone -h takes the next word as a remote host when it is no option: `docker` here, then `build .` would run there.
      'sudo -h docker build .',
      'sudo -h -u ci docker build .',
      'sudo -hbuildhost docker build .',
      'sudo --host=buildhost docker build .',
      'sudo --host buildhost docker build .',
      'sudo -Eh docker build .',
      'sudo --help docker build .',
      // List (says whether the command may run), validate, version, kill, edit.
      'sudo -l docker build .',
      'sudo --list docker build .',
      'sudo -V docker build .',
      'sudo -e Dockerfile',
      'sudo -K docker build .',
    ]
    for (const s of scripts) {
      expect(docker(s), s).toEqual([])
      expect(invocations(s.replace('docker build .', 'make image')), s).toEqual([])
    }
  })

  it('still reads the command after the options that run it (-u user, -k, -n, -s) and a value that holds h', () => {
    for (const s of ['sudo -u ci docker build .', 'sudo -uhelen docker build .', 'sudo -k docker build .', 'sudo -n docker build .', 'sudo -s docker build .']) {
      expect(docker(s), s).toHaveLength(1)
    }
  })
})
