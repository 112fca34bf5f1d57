/**
 * A slide's live terminal: the deck machine's terminal of that name, attached to the slide while it is shown
 * (the same xterm each time, so its screen and scrollback stay), and the daemon view beside it if asked.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { TerminalDeck } from '../controls/terminalDeck.js';
import { DaemonPanel } from '../panels/DaemonPanel.js';
import { queryOf } from '../panels/Workspace.js';
import { connectPanel } from '../store/feed.js';
import { panelStore } from '../store/panelStore.js';
import { TerminalView } from '../TerminalView.js';

export interface LiveTerminalProps {
  readonly screens: TerminalDeck;
  /** Which of the session's terminals (in the order they were opened); it may still be opening. */
  readonly index: number;
  readonly panel: boolean;
  readonly machine: object;
}

export function LiveTerminal({ screens, index, panel, machine }: LiveTerminalProps): React.JSX.Element {
  // The screen exists once the session has opened the terminal (a tick after the page asked for it).
  const ids = useSyncExternalStore(screens.store.subscribe, () => screens.store.getState().ids);
  const id = ids[index];
  const screen = id === undefined ? undefined : screens.screen(id);
  useEffect(() => {
    // The terminal shown is the one commands go to (and the one browser tests read), without taking the focus:
    // the arrows stay the presenter's until they click into it.
    if (id !== undefined && screens.store.getState().active !== id) screens.store.setState({ active: id });
  }, [id, screens]);
  const query = queryOf(machine);
  useEffect(() => {
    if (!panel || !query) return;
    let feed: { dispose(): void } | undefined;
    let gone = false;
    void query().then((q) => {
      if (!gone) feed = connectPanel(panelStore, q);
    });
    return () => {
      gone = true;
      feed?.dispose();
    };
  }, [panel, query]);
  return (
    <>
      <div className="slide-terminal" onMouseDown={() => id !== undefined && screens.activate(id)}>
        {screen && <TerminalView key={id} screen={screen} />}
      </div>
      {panel && query && (
        <aside className="slide-panel">
          <DaemonPanel />
        </aside>
      )}
    </>
  );
}
