/**
 * Sharding: `--shard i/n` checks a deterministic share of the files (by a hash of the path) so that a large
 * repository can be split across runners. Every shard still loads the files that link to others (workflows,
 * Compose files) and whatever they reference, so cross-file findings are the same as in a whole run; each finding
 * belongs to the shard of the file it points at, so the union of the shard reports is the whole report.
 */
import { UsageError } from '../core/errors.js'

export interface Shard {
  /** 1-based. */
  readonly index: number
  readonly count: number
}

const MAX_SHARDS = 256

/** Parses `i/n` (1 <= i <= n <= 256). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = m ? Number(m[1]) : NaN
  const count = m ? Number(m[2]) : NaN
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new UsageError(`--shard must be i/n with 1 <= i <= n <= ${MAX_SHARDS} (e.g. 2/4), got '${text}'`)
  }
  return { index, count }
}

/** The 1-based shard a file (POSIX path relative to the root) belongs to: FNV-1a of the path, modulo `count`. */
export function shardOf(file: string, count: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193)
  return ((h >>> 0) % count) + 1
}

export function inShard(file: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(file, shard.count) === shard.index
}
