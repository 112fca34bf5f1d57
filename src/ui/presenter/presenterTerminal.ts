/**
 * Presenter mode for the terminals: a font a back row can read and a black-and-white theme that survives a
 * washed-out projector. Applied from outside to every xterm of the deck (terminals opened later too), then
 * refitted, since a bigger font means fewer rows and columns and the shell must be told.
 */
import type { ITheme, Terminal } from '@xterm/xterm';
import type { DeckScreen, TerminalDeck } from '../controls/terminalDeck.js';
import { usePresenter } from './prefs.js';

export const PRESENTER_FONT_SIZE = 24;

export const PRESENTER_THEME: ITheme = {
  background: '#000000',
  foreground: '#ffffff',
  cursor: '#ffff00',
  cursorAccent: '#000000',
  selectionBackground: '#5a5a5a',
  // The default blue and dark grey vanish on a projector: lighter ones.
  blue: '#6cb6ff',
  brightBlack: '#b0b0b0',
  red: '#ff6b6b',
  green: '#6bff8a',
};

interface Normal {
  readonly fontSize: number;
  readonly theme: ITheme | undefined;
}

/** What each terminal looked like before presenter mode first touched it. */
const normals = new WeakMap<Terminal, Normal>();

export function applyPresenter(x: Terminal, on: boolean): boolean {
  let normal = normals.get(x);
  if (!normal) {
    normal = { fontSize: x.options.fontSize ?? 14, theme: x.options.theme };
    normals.set(x, normal);
  }
  const fontSize = on ? PRESENTER_FONT_SIZE : normal.fontSize;
  if (x.options.fontSize === fontSize) return false;
  x.options.fontSize = fontSize;
  x.options.theme = on ? PRESENTER_THEME : normal.theme ?? {};
  return true;
}

/** Keeps every terminal of `deck` in presenter mode while it is on; returns a function that stops following. */
export function followPresenter(deck: TerminalDeck<DeckScreen>): () => void {
  const sync = (): void => {
    const on = usePresenter.getState().on;
    for (const id of deck.store.getState().ids) {
      const s = deck.screen(id);
      // An early screen (the npm package's, before xterm.js is in) has no xterm yet; the package has no presenter mode.
      if (!s?.xterm || !applyPresenter(s.xterm, on)) continue;
      s.fit();
      // The new cell size is measured when xterm next renders: fit again once it has.
      requestAnimationFrame(() => s.fit());
    }
  };
  sync();
  const offDeck = deck.store.subscribe((s, prev) => {
    if (s.ids !== prev.ids) sync();
  });
  const offPresenter = usePresenter.subscribe((s, prev) => {
    if (s.on !== prev.on) sync();
  });
  return () => {
    offDeck();
    offPresenter();
  };
}
