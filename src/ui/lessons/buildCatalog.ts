/**
 * Builds the catalog from lesson files: each parsed and validated (src/lessons; files with errors are left
 * out and their errors kept), grouped by chapter. Pure: the build passes it the files on disk
 * (scripts/lessonCatalogPlugin.ts), and so may tests.
 */
import { formatError } from '../../lessons/errors.js';
import { isLessonPath } from '../../lessons/files.js';
import { validateLessons, type SourceFile } from '../../lessons/validate.js';
import type { Catalog, CatalogEntry } from './catalog.js';

export function buildCatalog(files: readonly SourceFile[]): Catalog {
  const set = validateLessons(files.filter((f) => isLessonPath(f.path)));
  const entries = new Map<string, CatalogEntry>();
  for (const l of set.lessons) {
    const e = entries.get(l.id);
    entries.set(l.id, {
      id: l.id,
      chapter: l.chapter,
      order: l.order,
      section: l.section,
      byLocale: { ...e?.byLocale, [l.locale]: l },
    });
  }
  const chapters = new Map<number, CatalogEntry[]>();
  for (const e of entries.values()) chapters.set(e.chapter, [...(chapters.get(e.chapter) ?? []), e]);
  return {
    chapters: [...chapters.entries()]
      .sort(([a], [b]) => a - b)
      .map(([chapter, lessons]) => ({ chapter, lessons: lessons.sort((a, b) => a.order - b.order) })),
    errors: set.errors.map(formatError),
  };
}
