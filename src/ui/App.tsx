/** The page: a header and the learner's terminal on the simulated host. */
import { SessionControls } from './controls/SessionControls.js';
import type { Session } from './session.js';
import type { TerminalScreen } from './terminalScreen.js';
import { TerminalView } from './TerminalView.js';
import { Workspace } from './panels/Workspace.js';

export interface AppProps {
  readonly session: Session;
  readonly screen: TerminalScreen;
}

export function App({ session, screen }: AppProps): React.JSX.Element {
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">dockersim</span>
        <span className="app-meta">simulated host · seed {session.seed}</span>
        <SessionControls />
      </header>
      <main className="app-main">
        <Workspace machine={session.machine}>
          <TerminalView screen={screen} />
        </Workspace>
      </main>
    </div>
  );
}
