/**
 * The typed form of a lesson file (lessons/<chapter>/NN-slug.<locale>.md, see lessons/README.md). Every part
 * keeps the 1-based line it came from, so the validator and the replay can say `file:line: …`.
 */
import type { Check } from './checks/types.js';
import type { Locale } from './locale.js';

/** A check as written: its kind's typed fields, plus where it sits in the file. */
export interface CheckSpec {
  readonly check: Check;
  readonly line: number;
}

export interface Hint {
  readonly markdown: string;
  readonly line: number;
}

/** A line of a ```solution block, already told apart: text to type, keys to press, or a directive. */
export type SolutionAction =
  | { readonly kind: 'type'; readonly text: string; readonly line: number }
  | { readonly kind: 'keys'; readonly keys: string; readonly label: string; readonly line: number }
  | { readonly kind: 'wait'; readonly ms: number; readonly line: number }
  | { readonly kind: 'terminal'; readonly terminal: number; readonly line: number };

export interface Step {
  /** `[a-z0-9-]+`; `recap` is the closing summary (no check, no solution). */
  readonly id: string;
  readonly title: string;
  readonly line: number;
  /** The step's Markdown without its check/hint/solution blocks (```sh and ```text blocks stay in place). */
  readonly markdown: string;
  /** The ```sh lines a learner may click to type, in order. */
  readonly commands: readonly { readonly text: string; readonly line: number }[];
  readonly checks: readonly CheckSpec[];
  readonly hints: readonly Hint[];
  /** The solution block's lines as written (what "show solution" displays). */
  readonly solution: readonly string[];
  readonly actions: readonly SolutionAction[];
}

/** The `---` front matter of a lesson file. */
export interface FrontMatter {
  readonly id: string;
  readonly chapter: number;
  readonly section: string;
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  /** Shell lines typed as `user` on terminal 1 before the lesson starts. */
  readonly setup: readonly string[];
  /**
   * What the lesson's text takes for granted on the machine it starts on ("there are no images yet"): checks
   * that must hold when it opens. A lesson without `setup` runs on whatever the learner left behind; while none
   * of its steps is done, the panel says which assumption fails and offers a fresh machine.
   */
  readonly assumes: readonly CheckSpec[];
}

export interface Lesson extends FrontMatter {
  /** Where it was read from (a path relative to the repository, as errors print it). */
  readonly file: string;
  readonly locale: Locale;
  /** Markdown before the first step. */
  readonly intro: string;
  /** Every step in file order, the recap last (when present). */
  readonly steps: readonly Step[];
}

/** True for steps the learner has to do (everything but the recap). */
export function isTask(step: Step): boolean {
  return step.id !== 'recap';
}
