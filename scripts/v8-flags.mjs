// dist/cli/v8-flags.js (copied there by scripts/bundle.mjs): the V8 flags the `isolint` command sets before its
// bundle is compiled (scripts/cli-bin.mjs), and the rule that a flag given to node is left as given. Issue 11: a lint
// run lasts 0.1 to a few seconds, and on Node 20 V8's optimizing compiler (TurboFan) was 44% of the instructions of
// a 300-workflow run. Both flags make it do less; neither changes what the code does, only how it is compiled.
// - `--no-turbo-inlining`: functions are optimized one by one. Inlining cost more compiling than it saved: a
//   3,900-file repository about a quarter less CPU, 13,000 files an eighth; neutral on Node 24 (Maglev).
// - `--interrupt-budget=400000` (V8's default is 67584 on Node 20 and 24): a function runs about six times longer
//   in the interpreter and baseline code before it is queued for TurboFan, so the functions that are hot only for a
//   moment are never optimized. Medians of alternating runs on 2 cores: CPU per workflow and per Dockerfile down
//   10-40%, a 3,900-file repository 9-15% less wall time and 20% less CPU, 13,000 files within the noise (-7% to
//   +5% wall).

/** The flags, in the order they are set. */
export const V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=400000']

/**
 * The flags of {@link V8_FLAGS} to set: those that node was not given on its command line (`execArgv`), in any
 * spelling V8 accepts (`--no-x`, `--x=...`, underscores for dashes). NODE_OPTIONS cannot hold V8 flags such as these
 * (node refuses to start), so the command line is the only place a user gives them.
 */
export function v8FlagsToSet(execArgv) {
  const given = new Set(execArgv.map(flagName))
  return V8_FLAGS.filter((f) => !given.has(flagName(f)))
}

/** `turbo-inlining` for `--turbo-inlining`, `--no-turbo_inlining` or `--turbo-inlining=false`; '' for anything else. */
function flagName(arg) {
  const m = /^--(?:no-|no_)?([A-Za-z0-9_-]+)/.exec(arg)
  return m ? m[1].replace(/_/g, '-') : ''
}
