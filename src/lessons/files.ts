/** Which lessons a replay needs: one locale per lesson (zh and en share steps, checks and solutions). */
import type { Lesson } from './model.js';

export function replayTargets(lessons: readonly Lesson[]): Lesson[] {
  const seen = new Set<string>();
  const out: Lesson[] = [];
  for (const l of [...lessons].sort((a, b) => (a.locale === b.locale ? 0 : a.locale === 'zh' ? -1 : 1))) {
    if (seen.has(l.id)) continue;
    seen.add(l.id);
    out.push(l);
  }
  return out.sort((a, b) => a.chapter - b.chapter || a.order - b.order);
}

/** A lesson file: Markdown under lessons/, not the README. */
export function isLessonPath(path: string): boolean {
  return path.endsWith('.md') && !/(^|\/)README\.md$/.test(path);
}
