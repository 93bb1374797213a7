// The closing lines of .ci/run, from vitest's JSON report (argument 1): "N passed, N failed"; fails when no test
// ran, or when the corpus is there (ISOLINT_CORPUS, else ../shared/corpus) but tests of a [corpus] suite were skipped.
// Tested in test/any-clone.test.ts.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'))
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)
if (r.numTotalTests === 0) process.exit(1)
const corpus = process.env.ISOLINT_CORPUS ? path.resolve(process.env.ISOLINT_CORPUS) : path.resolve('../shared/corpus')
const tests = r.testResults.flatMap((f) => f.assertionResults).filter((t) => t.fullName.includes('[corpus]'))
const skipped = tests.filter((t) => t.status !== 'passed' && t.status !== 'failed').length
if (existsSync(corpus)) {
  if (skipped > 0 || tests.length === 0) {
    console.error(`${corpus} exists but ${skipped} of ${tests.length} corpus tests were skipped`)
    process.exit(1)
  }
} else console.log(`corpus: ${skipped} tests skipped (no ${corpus})`)
