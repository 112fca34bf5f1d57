/**
 * embed.html: one terminal on a fresh simulated host, for a docs page (directly or through `<docker-sim>`).
 * `?cmd=` lines are typed at the prompt at start, `?seed=` seeds the machine, `?locale=` picks the language,
 * `?presenter=1` the projector look, `?panel=1` opens the daemon view, `?lesson=` opens that lesson beside the
 * terminal, `?user=docker|sudo` whether the learner starts in group `docker` (params.ts).
 *
 * Persistence is off unless `?persist=1`: a docs example should show the same thing on every visit, several
 * embeds on one page must not fight over one saved session, and none may touch the app's (the `dockersim`
 * database). With `?persist=1` the session is kept in a database of its own per example (params.ts storeName).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Machine } from '../../machine/host.js';
import '../app.css';
import { browserHost, lateAfterPrompt, pageDrain } from '../browserHost.js';
import '../controls/controls.css';
import { simulationStopped } from '../persist/notices.js';
import { startSession, type Started } from '../persist/restore.js';
import { DEFAULT_LAYOUT } from '../persist/saved.js';
import { Saver } from '../persist/saver.js';
import { idbSessionStore } from '../persist/store.js';
import { registerOffline } from '../offline.js';
import { prefetchChunks } from '../prefetch.js';
import { safeLocalStorage, setupDisplay } from '../presenter/prefs.js';
import { Session } from '../session.js';
import { Stage, stageLessons } from '../stage.js';
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
  const boot = (seed: number): Machine => Machine.boot({ seed, drain, dockerGroup: params.user === 'docker', late: lateAfterPrompt });
  const onError = simulationStopped;
  const host = browserHost();
  const store = params.persist ? idbSessionStore(storeName(params)) : null;
  const started: Started = store
    ? await startSession({ seed: params.seed, shared: null, boot, host, store, onError })
    : { session: await Session.fresh(params.seed, boot, host, onError), saved: null, source: 'fresh' };
  const root = createRoot(document.getElementById('root')!);

  const stage = new Stage();
  // `?lesson=`: the lesson beside the terminal, run as in the app (a start state boots a fresh machine).
  const lessons =
    params.lesson === null
      ? undefined
      : stageLessons(stage, async () => {
          const s = await Session.fresh(params.seed, boot, host, onError);
          show(s, 'fresh');
          return s;
        });

  function show(session: Session, source: Started['source']): void {
    const { deck, saver } = stage.show(
      session,
      {
        layout: DEFAULT_LAYOUT,
        saver: store ? (s) => new Saver(s, store, { layout: () => DEFAULT_LAYOUT, prefs: () => ({ speed: 1 }) }) : undefined,
      },
      lessons && (() => lessons.sample()),
    );
    if (params.testHooks) {
      installTestHooks(session, deck, { source, replayMs: 0 }, {
        save: async () => saver?.save(),
        shareLink: () => Promise.reject(new Error('an embed has no share link')),
      });
    }
    root.render(
      <StrictMode>
        <EmbedApp
          machine={session.machine}
          screen={deck}
          panel={params.panel}
          appHref={appHref()}
          lessons={lessons}
          typeIntoTerminal={(text) => deck.type(text)}
        />
      </StrictMode>,
    );
  }

  show(started.session, started.source);
  // A restored session has typed them already (they are in its journal).
  if (started.source === 'fresh') void typeCommands(started.session, params.cmds);
  if (params.testHooks && lessons) window.__lessons = lessons;
  prefetchChunks();
  registerOffline();
  void lessons?.init(params.lesson);
}

void main();
