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
/** Lets pending promise callbacks run before the scheduler moves on (see Scheduler): one message-loop turn. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const drain = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

const session = startSession(params.seed, (seed) => Machine.boot({ seed, drain }));
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
