/**
 * What the lesson feature saves with the session: a plain JSON object (the persistence layer stores it without
 * looking inside). Read back leniently: anything unexpected, e.g. from an older version, becomes "no progress".
 */
import type { LessonProgress } from '../../lessons/runner.js';

export interface SavedLessons {
  readonly v: 1;
  /** The lesson that was open, or null (the list). */
  readonly current: string | null;
  /** The open lesson's progress (LessonRunner.progress()), restored with the machine it was made on. */
  readonly progress: LessonProgress | null;
  /** Lessons whose every step was done. */
  readonly finished: readonly string[];
}

export const EMPTY_SAVED: SavedLessons = { v: 1, current: null, progress: null, finished: [] };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isProgress(p: unknown): p is LessonProgress {
  if (!isObject(p)) return false;
  const { v, lesson, step, completed, hints, solutions, commands } = p;
  return (
    v === 1 && typeof lesson === 'string' && typeof step === 'string' && isStrings(completed) && isStrings(solutions) &&
    isObject(hints) && Object.values(hints).every((n) => Number.isInteger(n) && (n as number) >= 0) &&
    isObject(commands) && Array.isArray(commands.records) &&
    commands.records.every(
      (r: unknown) => isObject(r) && isStrings(r.args) && (r.status === null || Number.isInteger(r.status)),
    )
  );
}

export function parseSaved(value: unknown): SavedLessons {
  if (!isObject(value) || value.v !== 1) return EMPTY_SAVED;
  const current = typeof value.current === 'string' ? value.current : null;
  const progress = isProgress(value.progress) && value.progress.lesson === current ? value.progress : null;
  const finished = isStrings(value.finished) ? value.finished : [];
  return { v: 1, current, progress, finished };
}
