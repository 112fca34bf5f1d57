import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Machine } from '../machine/machine.js';
import { App } from './App.js';
import './app.css';
import { sessionParams, startSession } from './session.js';
import { TerminalScreen } from './terminalScreen.js';
import { installTestHooks } from './testHooks.js';

performance.mark('dockersim:start');
const params = sessionParams(location.search);
const session = startSession(params.seed, (seed) => Machine.boot({ seed }));
const screen = new TerminalScreen(session.terminal.tty, () => session.driver.kick());
performance.mark('dockersim:booted');
const firstOutput = screen.xterm.onWriteParsed(() => {
  firstOutput.dispose();
  performance.mark('dockersim:first-output');
});
if (params.testHooks) installTestHooks(session, screen.xterm);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App session={session} screen={screen} />
  </StrictMode>,
);
