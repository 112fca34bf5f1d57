/** The real-browser tests: `npx vitest run -c test/e2e/vitest.config.ts` (needs /usr/bin/chromium). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/setup.ts'],
    testTimeout: 90000,
    hookTimeout: 60000,
    // One browser at a time: the timing assertions need the CPU.
    fileParallelism: false,
  },
});
