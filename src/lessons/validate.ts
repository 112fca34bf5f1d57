/**
 * Rules across lesson files: every lesson exists in zh and en with the same id, steps, checks, solutions and
 * setup (only prose differs); ids are unique across lessons; a chapter's order numbers are unique.
 */
import { sortErrors, type LessonError } from './errors.js';
import type { CheckSpec, Lesson, SolutionAction, Step } from './model.js';
import { FILE_NAME, parseLesson } from './parse.js';

export interface SourceFile {
  /** As errors should print it, e.g. `lessons/ch03-getting-started/02-first-container.zh.md`. */
  readonly path: string;
  readonly text: string;
}

export interface LessonSet {
  /** Lessons without errors, sorted by chapter, order, then locale. */
  readonly lessons: readonly Lesson[];
  readonly errors: readonly LessonError[];
}

export function validateLessons(files: readonly SourceFile[]): LessonSet {
  const errors: LessonError[] = [];
  const lessons: Lesson[] = [];
  for (const f of files) {
    const r = parseLesson(f.path, f.text);
    errors.push(...r.errors);
    if (r.lesson) lessons.push(r.lesson);
  }
  const add = (file: string, line: number, message: string): void => void errors.push({ file, line, message });
  pairUp(files, lessons, add);
  const byId = new Map<string, Lesson>();
  const byOrder = new Map<string, Lesson>();
  for (const l of lessons) {
    const first = byId.get(`${l.locale}:${l.id}`);
    if (first) add(l.file, 2, `lesson id \`${l.id}\` is already used by ${first.file}`);
    else byId.set(`${l.locale}:${l.id}`, l);
    const key = `${l.locale}:${l.chapter}:${l.order}`;
    const same = byOrder.get(key);
    if (same) add(l.file, 2, `chapter ${l.chapter} order ${l.order} is already used by ${same.file}`);
    else byOrder.set(key, l);
  }
  const bad = new Set(errors.map((e) => e.file));
  const good = lessons
    .filter((l) => !bad.has(l.file))
    .sort((a, b) => a.chapter - b.chapter || a.order - b.order || (a.locale < b.locale ? -1 : 1));
  return { lessons: good, errors: sortErrors(errors) };
}

type Add = (file: string, line: number, message: string) => void;

function pairUp(files: readonly SourceFile[], lessons: readonly Lesson[], add: Add): void {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const slash = f.path.lastIndexOf('/');
    const m = FILE_NAME.exec(f.path.slice(slash + 1));
    if (!m) continue;
    const key = `${f.path.slice(0, slash + 1)}${m[1]}-${m[2]}`;
    groups.set(key, [...(groups.get(key) ?? []), f.path]);
  }
  for (const [key, paths] of groups) {
    const has = (loc: string): boolean => paths.includes(`${key}.${loc}.md`);
    for (const [mine, other] of [['zh', 'en'], ['en', 'zh']] as const) {
      if (has(mine) && !has(other)) add(`${key}.${mine}.md`, 1, `no ${other} version: expected ${key.slice(key.lastIndexOf('/') + 1)}.${other}.md next to it`);
    }
    const zh = lessons.find((l) => l.file === `${key}.zh.md`);
    const en = lessons.find((l) => l.file === `${key}.en.md`);
    if (zh && en) compare(zh, en, add);
  }
}

/** The en file is reported against the zh file, which is written first. */
function compare(zh: Lesson, en: Lesson, add: Add): void {
  const ref = zh.file.slice(zh.file.lastIndexOf('/') + 1);
  if (zh.id !== en.id) add(en.file, 2, `id \`${en.id}\` differs from \`${zh.id}\` in ${ref}`);
  for (const f of ['chapter', 'section', 'order'] as const) {
    if (zh[f] !== en[f]) add(en.file, 2, `${f} ${JSON.stringify(en[f])} differs from ${JSON.stringify(zh[f])} in ${ref}`);
  }
  if (JSON.stringify(zh.setup) !== JSON.stringify(en.setup)) add(en.file, 2, `setup differs from ${ref}`);
  if (specsKey(zh.assumes) !== specsKey(en.assumes)) add(en.file, en.assumes[0]?.line ?? 2, `assumes differs from ${ref}`);
  const ids = (l: Lesson): string => l.steps.map((s) => s.id).join(', ');
  if (ids(zh) !== ids(en)) {
    add(en.file, en.steps[0]?.line ?? 1, `step ids [${ids(en)}] differ from [${ids(zh)}] in ${ref}`);
    return;
  }
  zh.steps.forEach((z, i) => {
    const e = en.steps[i];
    if (checksKey(z) !== checksKey(e)) add(en.file, e.checks[0]?.line ?? e.line, `step \`${e.id}\`: checks differ from ${ref}`);
    if (actionsKey(z.actions) !== actionsKey(e.actions)) add(en.file, e.line, `step \`${e.id}\`: solution differs from ${ref}`);
  });
}

const specsKey = (specs: readonly CheckSpec[]): string =>
  JSON.stringify(specs.map((c) => JSON.stringify(c.check, Object.keys(c.check).sort())));
const checksKey = (s: Step): string => specsKey(s.checks);
const actionsKey = (a: readonly SolutionAction[]): string => JSON.stringify(a.map(({ line: _line, ...rest }) => rest));
