/**
 * The one-`<DockerSim>` sample page (test/package/fixtures/react/one.html) built from the sources, with React in
 * a chunk of its own so its weight can be told apart: what bench:web weighs and chunk-map takes apart.
 */
import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { build } from 'vite';
import { lessonCatalog } from './lessonCatalogPlugin.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/package/fixtures/react');

export async function buildPackagePage(outDir: string, opts: { sourcemap?: boolean; emptyOutDir?: boolean } = {}): Promise<void> {
  await build({
    root: FIXTURE,
    base: './',
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [react(), lessonCatalog(ROOT)],
    resolve: {
      alias: [
        { find: /^dockersim\/style\.css$/, replacement: join(ROOT, 'src/ui/package/all.css') },
        { find: /^dockersim$/, replacement: join(ROOT, 'src/ui/package/index.ts') },
      ],
    },
    build: {
      outDir,
      emptyOutDir: opts.emptyOutDir,
      sourcemap: opts.sourcemap ?? false,
      rolldownOptions: {
        input: join(FIXTURE, 'one.html'),
        output: { codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] } },
      },
    },
  });
}
