/**
 * What the header's controls act on, registered once by main.tsx: the header is rendered by App, which only
 * passes the session and the terminal screen down, so the controls find the rest here.
 */
import { createStore } from 'zustand/vanilla';
import type { Session } from '../session.js';
import type { TerminalDeck } from './terminalDeck.js';

export interface PageControls {
  readonly session: Session;
  readonly deck: TerminalDeck;
  /** Starts over with a fresh machine (the saved session is dropped). */
  reset(): void;
  /** Downloads the session as a JSON file. */
  exportFile(): void;
  /** Loads a session file; resolves false if it is not one (a notice says why). */
  importFile(file: File): Promise<boolean>;
  /** A URL that replays this session. */
  shareLink(): Promise<string>;
  /** A preference changed (speed): save soon. */
  prefsChanged(): void;
}

export const pageControls = createStore<{ readonly controls: PageControls | null }>()(() => ({ controls: null }));

export function registerPageControls(c: PageControls): void {
  pageControls.setState({ controls: c });
}
