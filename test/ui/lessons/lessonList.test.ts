/** The lesson list names every chapter the lessons cover, chapters 4 and 5 included, in both languages. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from '../../../src/lessons/index.js';
import { LocaleContext, type Locale } from '../../../src/ui/i18n.js';
import type { Catalog } from '../../../src/ui/lessons/catalog.js';
import { LessonList } from '../../../src/ui/lessons/LessonList.js';

function lesson(chapter: number, locale: 'en' | 'zh'): Lesson {
  const text = [
    '---', `id: ch0${chapter}-01-a`, `chapter: ${chapter}`, `section: "${chapter}.1"`, 'order: 1', `title: T${chapter}`,
    'summary: S', '---', '## Step {#s}', '```check', '- image: { ref: ubuntu }', '```', '```solution',
    'sudo docker pull ubuntu', '```', '## Recap {#recap}', 'Done.',
  ].join('\n');
  const r = parseLesson(`lessons/x/01-a.${locale}.md`, text);
  expect(r.errors).toEqual([]);
  return r.lesson!;
}

const catalog: Catalog = {
  errors: [],
  chapters: [3, 4, 5].map((n) => ({
    chapter: n,
    lessons: [{ id: `ch0${n}-01-a`, chapter: n, order: 1, section: `${n}.1`, byLocale: { en: lesson(n, 'en'), zh: lesson(n, 'zh') } }],
  })),
};

// Server rendering reads the locale store's initial state (English); a LocaleContext sets the list's language.
const headings = (locale: Locale): string[] =>
  [...renderToStaticMarkup(
    createElement(LocaleContext.Provider, { value: locale }, createElement(LessonList, { catalog, finished: [], onOpen: () => {} })),
  ).matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);

describe('LessonList', () => {
  it('titles chapters 4 and 5 as the book does, in English', () => {
    expect(headings('en')).toEqual([
      'Chapter 3: Getting started with Docker',
      'Chapter 4: Working with Docker images and repositories',
      'Chapter 5: Testing with Docker',
    ]);
  });

  it('and in Chinese', () => {
    expect(headings('zh')).toEqual(['第 3 章：Docker 入门', '第 4 章：使用 Docker 镜像和仓库', '第 5 章：在测试中使用 Docker']);
  });
});
