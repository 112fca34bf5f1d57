/** The page: a header and the learner's terminal on the simulated host. */
import { SessionControls } from './controls/SessionControls.js';
import { defineMessages, useMessages } from './i18n.js';
import { LanguageSwitch, PresenterToggle } from './presenter/DisplaySwitches.js';
import type { Session } from './session.js';
import type { TerminalScreen } from './terminalScreen.js';
import { TerminalView } from './TerminalView.js';
import { Workspace } from './panels/Workspace.js';

const messages = defineMessages({
  en: { meta: 'simulated host · seed {seed}' },
  zh: { meta: '模拟主机 · 种子 {seed}' },
});

export interface AppProps {
  readonly session: Session;
  readonly screen: TerminalScreen;
}

export function App({ session, screen }: AppProps): React.JSX.Element {
  const t = useMessages(messages);
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">dockersim</span>
        <span className="app-meta">{t('meta', { seed: session.seed })}</span>
        <SessionControls />
        <span className="app-display">
          <PresenterToggle />
          <LanguageSwitch />
        </span>
      </header>
      <main className="app-main">
        <Workspace machine={session.machine}>
          <TerminalView screen={screen} />
        </Workspace>
      </main>
    </div>
  );
}
