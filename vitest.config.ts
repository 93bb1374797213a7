import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    // The corpus reporter prints how many corpus tests were skipped and why (no ../shared/corpus on this clone).
    reporters: ['default', './test/harness/corpus-reporter.ts'],
    environment: 'node',
    testTimeout: 30_000,
    restoreMocks: true,
  },
})
