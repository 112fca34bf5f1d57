/**
 * The lesson catalog, built when the page is built: every lesson file parsed and validated (buildCatalog) in
 * Node, and handed to the page as `virtual:lesson-catalog`, plain data. Built in the page, it was a task of
 * 200-300 ms on this machine right after the first prompt, while a learner may already be typing. The dev
 * server rebuilds it when a lesson file changes, and reloads the page.
 */
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readFilesUnder } from './files.js';
import { isLessonPath } from '../src/lessons/files.js';
import { buildCatalog } from '../src/ui/lessons/buildCatalog.js';
import type { Catalog } from '../src/ui/lessons/catalog.js';

const ID = 'virtual:lesson-catalog';
const RESOLVED = `\0${ID}`;

/** `file` as the validator prints it: relative to the repository, with forward slashes. */
const repoPath = (root: string, file: string): string => relative(root, file).split('\\').join('/');

/** The lesson files under `root`/lessons, with paths as the validator prints them (`lessons/ch01-…/….zh.md`). */
export function readLessonFiles(root: string): { path: string; text: string }[] {
  const dir = join(root, 'lessons');
  return readFilesUnder(dir, (p) => p.endsWith('.md')).map((f) => ({ ...f, path: repoPath(root, f.path) }));
}

export function catalogModule(catalog: Catalog): string {
  // A JSON string parses faster than the same data as a JavaScript literal.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog))});\n`;
}

export function lessonCatalog(root: string): Plugin {
  const lessons = resolve(root, 'lessons');
  return {
    name: 'dockersim:lesson-catalog',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = readLessonFiles(root);
      for (const f of files) this.addWatchFile(join(root, f.path));
      return catalogModule(buildCatalog(files));
    },
    configureServer(server) {
      server.watcher.add(lessons);
      const changed = (file: string): void => {
        if (!file.startsWith(lessons) || !isLessonPath(repoPath(root, file))) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
    },
  };
}
