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
  /** Steps done, per lesson id (what the list shows, and where a lesson opened again resumes). */
  readonly done: Readonly<Record<string, readonly string[]>>;
  /** The lesson whose start state this machine was booted with; null for the learner's own machine. */
  readonly machine: string | null;
}

export const EMPTY_SAVED: SavedLessons = { v: 1, current: null, progress: null, finished: [], done: {}, machine: null };

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
  const done = isObject(value.done) ? Object.fromEntries(Object.entries(value.done).filter(([, v]) => isStrings(v))) as Record<string, string[]> : {};
  const machine = typeof value.machine === 'string' ? value.machine : null;
  return { v: 1, current, progress, finished, done, machine };
}

/**
 * The lesson slot of a machine being switched to: its own open lesson and machine, with the learner's progress
 * (lessons finished, steps done) from the machine switched away from, merged.
 */
export function carryLessons(kept: unknown, shown: unknown): SavedLessons {
  const k = parseSaved(kept);
  const s = parseSaved(shown);
  const done: Record<string, readonly string[]> = { ...k.done };
  for (const [id, steps] of Object.entries(s.done)) done[id] = [...new Set([...(done[id] ?? []), ...steps])];
  const finished = [...new Set([...k.finished, ...s.finished])];
  return { ...k, finished, done };
}

/** What a share link carries of the slot: the lesson open on the machine and where it was, not the progress. */
export function shareableLessons(slot: unknown): SavedLessons {
  const s = parseSaved(slot);
  const done: Record<string, readonly string[]> = s.progress ? { [s.progress.lesson]: s.progress.completed } : {};
  return { ...EMPTY_SAVED, current: s.current, progress: s.progress, machine: s.machine, done };
}
