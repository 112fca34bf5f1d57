/**
 * The lesson progress slot of a saved session: lesson code stores any JSON value here and reads it back after
 * a reload; persistence saves it with the session without looking inside.
 */
import { createStore } from 'zustand/vanilla';

interface LessonSlot {
  readonly value: unknown;
}

export const lessonSlot = createStore<LessonSlot>()(() => ({ value: null }));

export function setLessonProgress(value: unknown): void {
  lessonSlot.setState({ value });
}

export function lessonProgress(): unknown {
  return lessonSlot.getState().value;
}
