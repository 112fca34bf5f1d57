/**
 * The lesson files, bundled by Vite as text. Only runtime.ts imports this module, and the page loads that with
 * `import()`, so the lesson text lands in a lazy chunk, fetched when the lesson panel first needs it, never in
 * the page's initial chunk. One chunk rather than one per file (a lazy glob): the list needs every file's
 * front matter anyway, and one request is kinder to a classroom network than forty.
 */
import type { SourceFile } from '../../lessons/validate.js';

const files = import.meta.glob<string>('/lessons/**/*.md', { query: '?raw', import: 'default', eager: true });

/** Paths as the validator prints them: relative to the repository (`lessons/ch01-…/01-….zh.md`). */
export const lessonSources: readonly SourceFile[] = Object.entries(files).map(([path, text]) => ({
  path: path.replace(/^\//, ''),
  text,
}));
