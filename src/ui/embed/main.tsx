/**
 * embed.html: one terminal on a fresh simulated host, for a docs page (directly or through `<docker-sim>`).
 * `?cmd=` lines are typed at the prompt at start, `?seed=` seeds the machine, `?locale=` picks the language,
 * `?presenter=1` the projector look, `?panel=1` opens the daemon view.
 *
 * Persistence is off unless `?persist=1`: a docs example should show the same thing on every visit, several
 * embeds on one page must not fight over one saved session, and none may touch the app's (the `dockersim`
 * database). With `?persist=1` the session is kept in a database of its own per example (params.ts storeName).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Machine } from '../../machine/machine.js';
import '../app.css';
import { browserHost, pageDrain } from '../browserHost.js';
import '../controls/controls.css';
import { TerminalDeck } from '../controls/terminalDeck.js';
import { notify } from '../persist/notices.js';
import { startSession, type Started } from '../persist/restore.js';
import { DEFAULT_LAYOUT } from '../persist/saved.js';
import { Saver } from '../persist/saver.js';
import { idbSessionStore } from '../persist/store.js';
import { prefetchChunks } from '../prefetch.js';
import { safeLocalStorage, setupDisplay } from '../presenter/prefs.js';
import { followPresenter } from '../presenter/presenterTerminal.js';
import { Session } from '../session.js';
import { installTestHooks } from '../testHooks.js';
import { EmbedApp } from './EmbedApp.js';
import './embed.css';
import { embedParams, storeName } from './params.js';
import { typeCommands } from './typeCommands.js';

const params = embedParams(location.search);
// The reader's language in the app is followed here, never changed from here.
setupDisplay({ search: location.search, languages: navigator.languages, storage: safeLocalStorage(), keep: false, root: document.documentElement });

const drain = pageDrain();

function appHref(): string {
  const u = new URL('./', location.href);
  u.searchParams.set('seed', String(params.seed));
  if (params.lesson !== null) u.searchParams.set('lesson', params.lesson);
  return u.toString();
}

async function main(): Promise<void> {
  const boot = (seed: number): Machine => Machine.boot({ seed, drain });
  const onError = (err: unknown): void => {
    console.error('dockersim: simulation stopped', err);
    notify('simStopped', { reason: err instanceof Error ? err.message : String(err) });
  };
  const host = browserHost();
  let started: Started;
  let saver: Saver | undefined;
  if (params.persist) {
    const store = idbSessionStore(storeName(params));
    started = await startSession({ seed: params.seed, shared: null, boot, host, store, onError });
    saver = new Saver(started.session, store, { layout: () => DEFAULT_LAYOUT, prefs: () => ({ speed: 1 }) });
  } else {
    started = { session: await Session.fresh(params.seed, boot, host, onError), saved: null, source: 'fresh' };
  }
  const { session } = started;
  const deck = new TerminalDeck(session, DEFAULT_LAYOUT);
  followPresenter(deck);
  session.start();
  if (params.testHooks) {
    installTestHooks(session, deck, { source: started.source, replayMs: 0 }, {
      save: async () => saver?.save(),
      shareLink: () => Promise.reject(new Error('an embed has no share link')),
    });
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <EmbedApp machine={session.machine} screen={deck} panel={params.panel} appHref={appHref()} />
    </StrictMode>,
  );
  // A restored session has typed them already (they are in its journal).
  if (started.source === 'fresh') void typeCommands(session, params.cmds);
  // TODO(lessons): open `params.lesson` once the lesson panel is wired into the pages (src/ui/lessons).
  prefetchChunks();
}

void main();
