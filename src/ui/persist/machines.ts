/**
 * The learner's machines: the one shown, and at most one kept beside it. A lesson with a start state runs on a
 * machine of its own; the learner's own machine is kept meanwhile (never wiped), and the header switches
 * between the two. Switching saves the machine shown into the kept slot, makes the kept one the saved session
 * and reloads into it, so both come back the usual way: by replaying their journals.
 */
import { createStore } from 'zustand/vanilla';
import { parseSaved } from './saved.js';

export interface KeptMachine {
  /** The lesson whose machine it is, or null for the learner's own machine. */
  readonly lesson: string | null;
}

export interface MachineState {
  /** What the header offers to switch to; null when nothing is kept. */
  readonly kept: KeptMachine | null;
  /** Switches (the page reloads); absent until the page has wired it. */
  readonly switchTo: (() => void) | null;
}

export const machineStore = createStore<MachineState>()(() => ({ kept: null, switchTo: null }));

/** Which lesson a saved session's lesson slot says its machine was started for (null: the learner's own). */
export function lessonMachineOf(lessons: unknown): string | null {
  const m = (lessons as { machine?: unknown } | null)?.machine;
  return typeof m === 'string' ? m : null;
}

/** What the header shows for a kept session's text (nothing when it cannot be read). */
export function keptFrom(text: string | undefined): KeptMachine | null {
  if (text === undefined) return null;
  try {
    return { lesson: lessonMachineOf(parseSaved(text).lessons) };
  } catch {
    return null;
  }
}

export interface SwitchParts {
  /** The kept session's text. */
  readonly kept: string;
  /** The session shown, saved now. */
  readonly shown: string;
  /**
   * The kept session's lesson slot, given the one shown: what belongs to the learner rather than to a machine
   * (lessons finished, steps done) goes along.
   */
  readonly carry: (keptLessons: unknown, shownLessons: unknown) => unknown;
}

/** The text to load next when switching: the kept session with the learner's lesson progress carried over. */
export function switchedText({ kept, shown, carry }: SwitchParts): string {
  const next = parseSaved(kept);
  const now = parseSaved(shown);
  return JSON.stringify({ ...next, lessons: carry(next.lessons, now.lessons) });
}
