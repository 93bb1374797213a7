/**
 * Gives the whole test run one temporary folder (TMPDIR, which os.tmpdir() reads) and removes it afterwards, so no
 * test can leave temporary files behind, whatever it forgets to clean up.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'isolint-test-run-'))
  chmodSync(dir, 0o1777) // like /tmp: tests that drop privileges (permission-denied cases) must reach it
  process.env.TMPDIR = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
