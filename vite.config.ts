/**
 * The browser build: a static site (`base: './'`) that works from any folder. The simulation is plain
 * TypeScript with no Node built-ins, so no polyfills are needed (memfs, which would need them, is not used:
 * see src/engine/fs/inode.ts).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
});
