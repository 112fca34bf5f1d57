import { defineConfig } from 'vitest/config';
import { lessonCatalog } from './scripts/lessonCatalogPlugin.js';

export default defineConfig({
  // The lesson runtime imports the catalog the build makes (virtual:lesson-catalog).
  plugins: [lessonCatalog(import.meta.dirname)],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/package/**', 'node_modules/**'],
    environment: 'node',
    // Test harnesses build kernels and shells from their parts, without machine.ts: give them the code a page
    // loads after its first prompt too (test/machine/late.test.ts checks no boot uses it before).
    setupFiles: ['test/lateCode.ts'],
    testTimeout: 20000,
    // Setup hooks boot daemons and run containers through the real CLI: seconds alone, tens of seconds when the
    // machine is busy (several files failed their 10 s default at load 20). A hang still fails, a minute later.
    hookTimeout: 60000,
  },
});
