// dist/cli/v8-flags.js (copied there by scripts/bundle.mjs): the V8 flags the `isolint` command sets before its
// bundle is compiled (scripts/cli-bin.mjs), and the rule that a flag given to node is left as given. Issue 11: a lint
// run lasts 0.1 to a few seconds, and on Node 20 V8's optimizing compiler (TurboFan) was 44% of the instructions of
// a 300-workflow run. Both flags make it do less; neither changes what the code does, only how it is compiled.
// - `--no-turbo-inlining`: functions are optimized one by one. Inlining cost more compiling than it saved: a
//   3,900-file repository about a quarter less CPU, 13,000 files an eighth; neutral on Node 24 (Maglev).
// - `--interrupt-budget=400000` (V8's default on Node 20 is 67584): a function runs about six times longer
//   in the interpreter and baseline code before it is queued for TurboFan, so the functions that are hot only for a
//   moment are never optimized. Medians of alternating runs on 2 cores: CPU per workflow and per Dockerfile down
//   10-40%, a 3,900-file repository 9-15% less wall time and 20% less CPU, 13,000 files within the noise (-7% to
//   +5% wall).
//   V8 12 and later tier up by invocation counts instead and have no such flag: setting one V8 does not know prints
//   "Error: unrecognized flag" on standard error (Node 24, V8 13.6). So each flag names the V8 versions it is set on.

/**
 * The flags, in the order they are set, each with the V8 major versions that know it (`belowV8`: set only on V8
 * majors below this one). `--interrupt-budget`: V8 11.3 (Node 20) has it, V8 13.6 (Node 24) has not; V8 12 (Node 22)
 * is left out rather than risk the error.
 */
export const V8_FLAGS = [{ flag: '--no-turbo-inlining' }, { flag: '--interrupt-budget=400000', belowV8: 12 }]

/**
 * The flags of {@link V8_FLAGS} to set on this V8 (`v8Version`, as in `process.versions.v8`): those it knows and that
 * node was not given on its command line (`execArgv`), in any spelling V8 accepts (`--no-x`, `--x=...`, underscores
 * for dashes). NODE_OPTIONS cannot hold V8 flags such as these (node refuses to start), so the command line is the
 * only place a user gives them.
 */
export function v8FlagsToSet(execArgv, v8Version = process.versions.v8) {
  const major = Number.parseInt(v8Version, 10)
  const given = new Set(execArgv.map(flagName))
  return V8_FLAGS.filter((f) => (f.belowV8 === undefined || major < f.belowV8) && !given.has(flagName(f.flag))).map((f) => f.flag)
}

/** `turbo-inlining` for `--turbo-inlining`, `--no-turbo_inlining` or `--turbo-inlining=false`; '' for anything else. */
function flagName(arg) {
  const m = /^--(?:no-|no_)?([A-Za-z0-9_-]+)/.exec(arg)
  return m ? m[1].replace(/_/g, '-') : ''
}
