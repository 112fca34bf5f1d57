/**
 * The browser build. memfs is written for Node: its `buffer`, `path`, `events`, `url`, `stream` and `process`
 * imports are pointed at browser versions here (a plain build resolves them to empty stubs and crashes at load
 * with `allocUnsafe` of undefined). See DESIGN.md "Libraries already evaluated" for the sizes.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const shim = (name: string): string => fileURLToPath(new URL(`./src/shims/${name}.ts`, import.meta.url));

// Both `x` and `node:x`, exact matches only (so `stream/web` or `events/foo` are not caught).
const nodeBuiltin = (name: string, replacement: string) => ({ find: new RegExp(`^(node:)?${name}$`), replacement });

export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      nodeBuiltin('buffer', fileURLToPath(new URL('./node_modules/buffer/index.js', import.meta.url))),
      nodeBuiltin('path', 'path-browserify'),
      nodeBuiltin('events', shim('events')),
      nodeBuiltin('url', shim('url')),
      nodeBuiltin('stream', shim('stream')),
      nodeBuiltin('process', shim('process')),
    ],
  },
  define: {
    global: 'globalThis',
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
});
