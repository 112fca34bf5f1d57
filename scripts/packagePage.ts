/**
 * The one-`<DockerSim>` sample page (test/package/fixtures/react/one.html) built from the sources, with React in
 * a chunk of its own so its weight can be told apart (xterm.js too), and the simulator's boot code in one chunk
 * as the package ships it (bootChunk.ts): what bench:web weighs and chunk-map takes apart.
 */
import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { build } from 'vite';
import { bootChunk } from './bootChunk.js';
import { lessonCatalog } from './lessonCatalogPlugin.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/package/fixtures/react');

export async function buildPackagePage(outDir: string, opts: { sourcemap?: boolean; emptyOutDir?: boolean; pages?: readonly string[] } = {}): Promise<void> {
  const boot = bootChunk();
  await build({
    root: FIXTURE,
    base: './',
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [react(), lessonCatalog(ROOT), boot.plugin],
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
        // The one-instance page; the browser tests also build the two-instance one (index.html).
        input: (opts.pages ?? ['one.html']).map((p) => join(FIXTURE, p)),
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 1 },
              // Weighed apart too (issue 19's budget against the terminal library's own 86 KiB).
              // Its script only: xterm.css, imported by TerminalView, would otherwise tie the chunk to the
              // simulator's, which the first prompt does not wait for (src/ui/early/).
              { name: 'xterm', test: /node_modules[\\/]@xterm[\\/]xterm[\\/].*\.m?js$/, priority: 1 },
              boot.group,
            ],
          },
        },
      },
    },
  });
}
