/**
 * A slide's live terminal: the deck machine's terminal of that name, attached to the slide while it is shown
 * (the same xterm each time, so its screen and scrollback stay), and the daemon view beside it if asked.
 */
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TerminalDeck } from '../controls/terminalDeck.js';
import { DaemonPanel } from '../panels/DaemonPanel.js';
import { queryOf } from '../panels/Workspace.js';
import { connectPanel } from '../store/feed.js';
import { panelStore } from '../store/panelStore.js';

/** Slide terminals use a larger font than the app's 14 px (a room reads them); presenter mode's 24 px wins. */
export const SLIDE_FONT_SIZE = 16;

export interface LiveTerminalProps {
  readonly screens: TerminalDeck;
  /** Which of the session's terminals (in the order they were opened); it may still be opening. */
  readonly index: number;
  readonly panel: boolean;
  readonly machine: object;
}

export function LiveTerminal({ screens, index, panel, machine }: LiveTerminalProps): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  // The screen exists once the session has opened the terminal (a tick after the page asked for it).
  const ids = useSyncExternalStore(screens.store.subscribe, () => screens.store.getState().ids);
  const id = ids[index];
  useEffect(() => {
    if (id === undefined || !box.current) return;
    const screen = screens.screen(id)!;
    if ((screen.xterm.options.fontSize ?? 14) < SLIDE_FONT_SIZE) screen.xterm.options.fontSize = SLIDE_FONT_SIZE;
    const detach = screen.attach(box.current);
    // The terminal shown is the one commands go to (and the one browser tests read), without taking the focus:
    // the arrows stay the presenter's until they click into it.
    if (screens.store.getState().active !== id) screens.store.setState({ active: id });
    return detach;
  }, [id, screens]);
  const query = queryOf(machine);
  useEffect(() => {
    if (!panel || !query) return;
    const feed = connectPanel(panelStore, query);
    return () => feed.dispose();
  }, [panel, query]);
  return (
    <>
      <div className="slide-terminal" ref={box} style={{ contain: 'strict' }} onMouseDown={() => id !== undefined && screens.activate(id)} />
      {panel && query && (
        <aside className="slide-panel">
          <DaemonPanel />
        </aside>
      )}
    </>
  );
}
