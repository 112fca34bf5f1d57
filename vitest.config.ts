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
    // Setup hooks boot daemons and run containers through the real CLI, and some tests run a dozen real CLI
    // commands: seconds alone, tens of seconds when the machine is busy (hooks failed a 10 s default and a test
    // comparing `docker network` output failed 20 s, both at load 16-20). A hang still fails, a minute later.
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
