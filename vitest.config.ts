import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    restoreMocks: true,
  },
})
