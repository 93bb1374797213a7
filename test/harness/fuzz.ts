/**
 * How long property tests run: `n` runs by default (what CI runs), times ISOLINT_FUZZ when it is set, for a long local
 * fuzzing session (`ISOLINT_FUZZ=100 npx vitest run test/parsers test/reliability`). FC_SEED replays a reported seed
 * of a property that has no seed of its own (those with one always start from it).
 */
import fc from 'fast-check'

const FUZZ = ((f) => (Number.isFinite(f) && f > 0 ? f : 1))(Number(process.env.ISOLINT_FUZZ ?? '1'))

if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) })

/** `n` property runs, times ISOLINT_FUZZ. */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * FUZZ))
}

/** A test timeout for a property test: `ms`, times ISOLINT_FUZZ. */
export function fuzzTimeout(ms: number): number {
  return Math.round(ms * FUZZ)
}
