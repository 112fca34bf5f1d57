/**
 * The npm package as a docs author uses it: `npx vitest run -c test/package/vitest.config.ts` (needs
 * /usr/bin/chromium and the npm registry, or npm's cache from an earlier run).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120000,
    // Build, pack, install and three site builds: minutes on a loaded 2-core machine.
    hookTimeout: 900000,
    fileParallelism: false,
  },
});
