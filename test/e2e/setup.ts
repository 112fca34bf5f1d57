/**
 * Global setup for the browser tests: builds the app into a temporary folder (or uses a prebuilt one named by
 * DOCKERSIM_E2E_DIST) and serves it; the tests get the URL through `inject('appUrl')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let dist = process.env.DOCKERSIM_E2E_DIST;
  let temp: string | undefined;
  if (!dist) {
    temp = mkdtempSync(join(tmpdir(), 'dockersim-e2e-'));
    dist = temp;
    // Vitest runs with NODE_ENV=test, and Vite bundles what NODE_ENV says: React's development build, whose
    // StrictMode runs every new component's effects twice. The tests judge what ships, so the build sees
    // production (a preview pane once sent its first request twice here and nowhere else).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: ROOT,
        configFile: join(ROOT, 'vite.config.ts'),
        logLevel: 'error',
        mode: 'production',
        build: { outDir: dist, emptyOutDir: true, sourcemap: false },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  const server = await serveStatic(resolve(dist));
  project.provide('appUrl', server.url);
  return async () => {
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  };
}
