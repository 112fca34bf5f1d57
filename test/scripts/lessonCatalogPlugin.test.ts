/**
 * The catalog the build hands the page is the catalog of the lesson files on disk: every lesson of every
 * chapter, each with both locales, none set aside, and the same data the page would have built itself.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogModule, readLessonFiles } from '../../scripts/lessonCatalogPlugin.js';
import { buildCatalog } from '../../src/ui/lessons/buildCatalog.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('lesson catalog plugin', () => {
  it('reads every lesson file and builds a catalog without errors', () => {
    const files = readLessonFiles(ROOT);
    expect(files.some((f) => f.path === 'lessons/README.md')).toBe(true);
    const catalog = buildCatalog(files);
    expect(catalog.errors).toEqual([]);
    expect(catalog.chapters.map((c) => [c.chapter, c.lessons.length])).toEqual([
      [1, 5],
      [2, 3],
      [3, 11],
      [5, 9],
    ]);
    for (const c of catalog.chapters) for (const l of c.lessons) expect(Object.keys(l.byLocale).sort()).toEqual(['en', 'zh']);
  });

  it('emits a module whose default export is that catalog, unchanged', async () => {
    const catalog = buildCatalog(readLessonFiles(ROOT));
    const code = catalogModule(catalog);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
    expect(mod.default).toEqual(catalog);
  });
});
