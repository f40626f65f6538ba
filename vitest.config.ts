import { defineConfig } from 'vitest/config';

// In CI a JSON report is written too, so .ci/run can print one plain "N passed, N failed" line.
export default defineConfig({
  test: {
    // Many tests spawn the CLI or start emulators; on a busy 2-core machine vitest's 5 s default fails them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['test/helpers/setup.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'node_modules/.cache/test-results.json' }]] : ['default'],
  },
});
