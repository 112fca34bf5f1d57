import { defineConfig } from 'vitest/config';
import { lessonCatalog } from './scripts/lessonCatalogPlugin.js';

export default defineConfig({
  // The lesson runtime imports the catalog the build makes (virtual:lesson-catalog).
  plugins: [lessonCatalog(import.meta.dirname)],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/package/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20000,
  },
});
