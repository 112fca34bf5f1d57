import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Machine } from '../machine/machine.js';
import { App } from './App.js';
import './app.css';
import { browserHost, pageDrain } from './browserHost.js';
import { TerminalDeck } from './controls/terminalDeck.js';
import { registerPageControls } from './controls/pageControls.js';
import './controls/controls.css';
import { makePageControls, plainUrl } from './persist/actions.js';
import { notify } from './persist/notices.js';
import { showProgress, type Progress } from './persist/progress.js';
import { startSession } from './persist/restore.js';
import { DEFAULT_LAYOUT } from './persist/saved.js';
import { Saver } from './persist/saver.js';
import { idbSessionStore } from './persist/store.js';
import { sessionParams } from './session.js';
import { installTestHooks } from './testHooks.js';
import { prefetchChunks } from './prefetch.js';
import { safeLocalStorage, setupDisplay } from './presenter/prefs.js';
import { followPresenter } from './presenter/presenterTerminal.js';

performance.mark('dockersim:start');
const params = sessionParams(location.search);
// Language and presenter mode: from the address, else the reader's last choice, else the browser.
setupDisplay({ search: location.search, languages: navigator.languages, storage: safeLocalStorage(), root: document.documentElement });

const drain = pageDrain();
/** A turn for the page to paint (replay's progress bar): a macrotask after rendering had its chance. */
const paint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function main(): Promise<void> {
  const store = idbSessionStore();
  // IndexedDB answers from another thread: ask it first, then boot while it looks (most pages restore or
  // start with the URL's seed, and a replay needs a machine that has never run — this one).
  const loading = params.shared === null ? store.load() : Promise.resolve([]);
  loading.catch(() => undefined);
  let spare: Machine | undefined = Machine.boot({ seed: params.seed, drain });
  const boot = (seed: number): Machine => {
    const m = spare && seed === params.seed ? spare : Machine.boot({ seed, drain });
    spare = undefined;
    return m;
  };
  let progress: Progress | undefined;
  const t0 = performance.now();
  const started = await startSession({
    seed: params.seed,
    shared: params.shared,
    boot,
    host: browserHost(),
    store,
    loading,
    onError: (err) => {
      console.error('dockersim: simulation stopped', err);
      notify('simStopped', { reason: err instanceof Error ? err.message : String(err) });
    },
    progress: (f) => (progress ??= showProgress()).update(f),
    yieldToPage: paint,
  });
  const replayMs = started.source === 'fresh' ? 0 : performance.now() - t0;
  progress?.close();
  // A shared link has been taken in: from now on the page is that session, saved like any other.
  if (params.shared !== null) history.replaceState(null, '', plainUrl(location.href));

  const { session, saved } = started;
  if (saved) session.driver.setSpeed(saved.prefs.speed);
  const deck = new TerminalDeck(session, saved?.layout ?? DEFAULT_LAYOUT);
  const saver = new Saver(session, store, {
    layout: () => deck.layout(),
    prefs: () => ({ speed: session.driver.speed }),
  });
  deck.onLayout(() => saver.soon());
  followPresenter(deck);
  const controls = makePageControls(session, deck, saver, store);
  registerPageControls(controls);
  session.start();
  performance.mark('dockersim:booted');
  const first = deck.active?.xterm.onWriteParsed(() => {
    first?.dispose();
    performance.mark('dockersim:first-output');
  });
  if (params.testHooks) installTestHooks(session, deck, { source: started.source, replayMs }, { save: () => saver.save(), shareLink: () => controls.shareLink() });
  if (started.source !== 'fresh') void saver.save();

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App session={session} screen={deck} />
    </StrictMode>,
  );
  // The utilities chunk (coreutils, procps…) loads while the learner reads the prompt.
  prefetchChunks();
}

void main();
