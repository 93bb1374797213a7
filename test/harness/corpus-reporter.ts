/**
 * A vitest reporter that says, at the end of every run, whether the corpus tests ran: how many were skipped and why
 * (no ../shared/corpus on this clone), so a green run without the corpus never passes for a full one.
 */
import type { Reporter, TestModule } from 'vitest/node'
import { CORPUS_DIR, CORPUS_PRESENT, CORPUS_SKIP_REASON, CORPUS_TAG } from './corpus.js'

export default class CorpusReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let skipped = 0
    let ran = 0
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        if (!t.fullName.includes(CORPUS_TAG)) continue
        if (t.result().state === 'skipped') skipped++
        else ran++
      }
    }
    if (skipped === 0 && ran === 0) return // a run of files that hold no corpus test
    const line =
      skipped === 0
        ? `corpus: ${ran} tests ran on ${CORPUS_DIR}`
        : CORPUS_PRESENT
          ? `corpus: ${skipped} tests skipped although the corpus is at ${CORPUS_DIR} (${ran} ran)`
          : `corpus: ${skipped} tests skipped: ${CORPUS_SKIP_REASON}`
    process.stdout.write(`\n ${line}\n`)
  }
}
