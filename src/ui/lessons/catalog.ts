/**
 * The lessons the page offers, grouped by chapter, each in one or both locales (built by buildCatalog.ts).
 * Only types and lookups here: this module is in the page's first chunk, the parser is not.
 */
import type { Lesson } from '../../lessons/model.js';
import type { Locale } from '../i18n.js';

export interface CatalogEntry {
  readonly id: string;
  readonly chapter: number;
  readonly order: number;
  readonly section: string;
  /** The lesson in each locale it is written in (a valid catalog has both). */
  readonly byLocale: Readonly<Partial<Record<Locale, Lesson>>>;
}

export interface Chapter {
  readonly chapter: number;
  readonly lessons: readonly CatalogEntry[];
}

export interface Catalog {
  readonly chapters: readonly Chapter[];
  /** Problems in lesson files, as `file:line: message` (such files are left out; shown to authors). */
  readonly errors: readonly string[];
}

/** The entry with that id, or undefined. */
export function findEntry(catalog: Catalog, id: string): CatalogEntry | undefined {
  for (const c of catalog.chapters) {
    const e = c.lessons.find((l) => l.id === id);
    if (e) return e;
  }
  return undefined;
}

/** The lesson in `locale`, else in the other one (a lesson is never missing in both). */
export function lessonIn(entry: CatalogEntry, locale: Locale): Lesson {
  return entry.byLocale[locale] ?? entry.byLocale[locale === 'zh' ? 'en' : 'zh']!;
}

/** Every lesson in reading order (for "next lesson"). */
export function allEntries(catalog: Catalog): CatalogEntry[] {
  return catalog.chapters.flatMap((c) => [...c.lessons]);
}

/** The lesson after `id` in reading order, if any. */
export function nextEntry(catalog: Catalog, id: string): CatalogEntry | undefined {
  const all = allEntries(catalog);
  const i = all.findIndex((e) => e.id === id);
  return i >= 0 ? all[i + 1] : undefined;
}
