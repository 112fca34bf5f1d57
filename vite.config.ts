/**
 * The browser build: a static site (`base: './'`) that works from any folder. The simulation is plain
 * TypeScript with no Node built-ins, so no polyfills are needed (memfs, which would need them, is not used:
 * see src/engine/fs/inode.ts).
 *
 * Two chunks of the simulation are loaded on demand (Sys.hostLoad, see src/programs/registry.ts): the
 * utilities (coreutils, procps, busybox…) and the Docker half (the CLI, the API, dockerd). A boot needs
 * neither (dockerd loads its half at its first connection), so the app fetches both only once its first prompt
 * is up (src/ui/prefetch.ts): on two cores, compiling the Docker chunk beside the entry chunk delayed the
 * prompt. The embed page types its commands (often `docker …`) as soon as it starts, so it fetches the Docker
 * chunk from the start, beside its entry chunk (a modulepreload link).
 *
 * Three entries: the app (index.html), the embed page for docs (embed.html), and the `<docker-sim>` element
 * (docker-sim.js at the root of the build, under a fixed name a docs page can include; it is a few KB and
 * loads embed.html in an iframe, so it shares no chunk with the others).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { lessonCatalog } from './scripts/lessonCatalogPlugin.js';

/** Modules loaded with `import()` whose chunks a page fetches at once, by page. */
const PRELOAD: Readonly<Record<string, readonly string[]>> = { '/embed.html': ['/src/programs/dockerPrograms.ts'] };

function preloadLazyChunks(): Plugin {
  return {
    name: 'dockersim:preload-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        // Each page preloads what its own entry (ctx.chunk) does not already load statically.
        const modules = PRELOAD[ctx.path] ?? [];
        if (!bundle || !ctx.chunk || modules.length === 0) return;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const initial = new Set<string>();
        const addStatic = (file: string, into: Set<string>): void => {
          if (into.has(file)) return;
          into.add(file);
          const c = bundle[file];
          if (c?.type === 'chunk') for (const i of c.imports) addStatic(i, into);
        };
        addStatic(ctx.chunk.fileName, initial);
        const files = new Set<string>();
        for (const c of chunks) {
          if (!c.isDynamicEntry || !modules.some((m) => c.facadeModuleId?.endsWith(m))) continue;
          const deps = new Set<string>();
          addStatic(c.fileName, deps);
          for (const f of deps) if (!initial.has(f)) files.add(f);
        }
        return [...files].map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// `npm run bench` builds src/node/bench.ts with --ssr: the page's entries and file names are not for it.
export default defineConfig(({ isSsrBuild }) => ({
  base: './',
  plugins: [react(), preloadLazyChunks(), lessonCatalog(import.meta.dirname)],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // The entry chunk is ~910 KB minified (React DOM and xterm.js most of it; README, Performance): known and
    // measured, so the size warning would only bury the address `npm start` prints.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: isSsrBuild ? { checks: { pluginTimings: false } } : {
      checks: { pluginTimings: false },
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
        'docker-sim': resolve(import.meta.dirname, 'src/ui/element/docker-sim.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'docker-sim' ? 'docker-sim.js' : 'assets/[name]-[hash].js'),
        // The code the app and the embed page share (React, xterm, the machine) would be named after whichever
        // module the bundler picks: call it what it is.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.endsWith('/src/ui/session.ts')) ? 'assets/app-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
}));
