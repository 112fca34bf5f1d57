/**
 * What browser tests (test/e2e) reach through `window.__dockersim` when the page is opened with `?test=1`:
 * the session's objects, so a test reads exactly what xterm shows and can inspect the machine.
 */
import type { Terminal as Xterm } from '@xterm/xterm';
import type { TerminalDeck } from './controls/terminalDeck.js';
import type { Machine, Terminal } from '../machine/machine.js';
import type { LessonController } from './lessons/controller.js';
import type { Session } from './session.js';

export interface TestHooks {
  readonly session: Session;
  readonly machine: Machine;
  readonly driver: Session['driver'];
  readonly deck: TerminalDeck;
  /** The machine side of the terminal in focus. */
  readonly term: Terminal | undefined;
  /** The xterm of the terminal in focus; none while no terminal is open (the last one was closed). */
  readonly xterm: Xterm | undefined;
  /** How the session started, and how long a restore's replay took (real ms). */
  readonly start: { readonly source: string; readonly replayMs: number };
  /** Saves the session now (what the debounce or `pagehide` would do). */
  save(): Promise<void>;
  /** A share link to this session. */
  shareLink(): Promise<string>;
}

declare global {
  interface Window {
    __dockersim?: TestHooks;
    /** The page's lesson controller (`?test=1`). */
    __lessons?: LessonController;
  }
}

export function installTestHooks(
  session: Session,
  deck: TerminalDeck,
  start: TestHooks['start'],
  actions: Pick<TestHooks, 'save' | 'shareLink'>,
): void {
  window.__dockersim = {
    ...actions,
    session,
    machine: session.machine,
    driver: session.driver,
    deck,
    start,
    get term() {
      const id = deck.store.getState().active;
      return session.terminals.find((t) => t.id === id)?.terminal;
    },
    get xterm() {
      return deck.active?.xterm;
    },
  };
}
