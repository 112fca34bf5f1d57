/**
 * deck.html: slides with live terminals for a classroom (src/lessons/decks for the format). The audience window
 * runs the deck's one machine, a session like the app's (journaled, saved in a database of the deck's own,
 * replayed on reload), with one terminal per terminal name the deck uses, opened in the order the names first
 * appear so a reload finds each where it was. The presenter window (`view=presenter`) runs no machine; the two
 * follow each other over a BroadcastChannel.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { terminalNames, type Deck } from '../../lessons/decks/index.js';
import { Machine } from '../../machine/host.js';
import '../app.css';
import { browserHost, lateAfterPrompt, pageDrain } from '../browserHost.js';
import '../controls/controls.css';
import { useLocale } from '../i18n.js';
import { simulationStopped } from '../persist/notices.js';
import { startSession } from '../persist/restore.js';
import { DEFAULT_LAYOUT } from '../persist/saved.js';
import { Saver } from '../persist/saver.js';
import { idbSessionStore } from '../persist/store.js';
import { registerOffline } from '../offline.js';
import { prefetchChunks } from '../prefetch.js';
import { safeLocalStorage, setupDisplay } from '../presenter/prefs.js';
import { Stage } from '../stage.js';
import { installTestHooks } from '../testHooks.js';
import { deckIds, loadDeck } from './catalog.js';
import { DeckApp } from './DeckApp.js';
import './deck.css';
import { clampPosition, navStore, type DeckPosition } from './nav.js';
import { deckParams, deckStoreName } from './params.js';
import { PresenterApp } from './PresenterApp.js';
import { channelName, deckSync } from './sync.js';

const params = deckParams(location.search);
const SLIDE_FONT_SIZE = 16;
setupDisplay({ search: location.search, languages: navigator.languages, storage: safeLocalStorage(), keep: false, root: document.documentElement });
const root = createRoot(document.getElementById('root')!);

function DeckList({ message }: { message?: string }): React.JSX.Element {
  // The app's header links here with its language: a deck opened from the list keeps it.
  const locale = new URLSearchParams(location.search).get('locale');
  const also = locale === 'zh' || locale === 'en' ? `&locale=${locale}` : '';
  return (
    <main className="deck-list">
      {message && <pre className="deck-error">{message}</pre>}
      <ul>
        {deckIds().map((id) => (
          <li key={id}>
            <a href={`?deck=${id}${also}`}>{id}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** The address follows the slide shown, so a reload (or a copied link) opens there. */
function followInAddress(pos: DeckPosition): void {
  const u = new URL(location.href);
  if (u.searchParams.get('slide') === String(pos.slide)) return;
  u.searchParams.set('slide', String(pos.slide));
  history.replaceState(history.state, '', u.toString());
}

async function audience(deck: Deck): Promise<void> {
  const nav = navStore(clampPosition(deck.slides, { slide: params.slide, step: 0 }));
  const sync = deckSync(channelName(deck.id, useLocale.getState().locale), nav, 'audience', (p) => clampPosition(deck.slides, p));
  nav.subscribe((s) => followInAddress(s.pos));
  const drain = pageDrain();
  const store = idbSessionStore(deckStoreName(deck.id));
  const started = await startSession({
    seed: deck.seed,
    shared: null,
    boot: (seed) => Machine.boot({ seed, drain, late: lateAfterPrompt }),
    host: browserHost(),
    store,
    onError: simulationStopped,
  });
  const session = started.session;
  const stage = new Stage();
  const { deck: screens, saver } = stage.show(session, {
    layout: DEFAULT_LAYOUT,
    saver: (s) => new Saver(s, store, { layout: () => DEFAULT_LAYOUT, prefs: () => ({ speed: s.driver.speed }) }),
  });
  // A room reads slide terminals: a larger font than the app's 14 px (presenter mode's 24 px still wins).
  const larger = (): void => {
    for (const id of screens.store.getState().ids) {
      const x = screens.screen(id)?.xterm;
      if (x && (x.options.fontSize ?? 14) < SLIDE_FONT_SIZE) x.options.fontSize = SLIDE_FONT_SIZE;
    }
  };
  larger();
  screens.store.subscribe(larger);
  // One terminal per name; a restored machine has those it had (a deck that gained a name gets one more).
  const names = terminalNames(deck);
  for (let n = session.terminals.length; n < names.length; n++) session.openTerminal();
  const typeInto = (id: number, text: string): void => {
    screens.activate(id);
    screens.type(text);
  };
  if (params.testHooks) {
    installTestHooks(session, screens, { source: started.source, replayMs: 0 }, {
      save: async () => saver?.save(),
      shareLink: () => Promise.reject(new Error('a deck has no share link')),
    });
  }
  const presenter = new URL(location.href);
  presenter.searchParams.set('view', 'presenter');
  presenter.searchParams.delete('test');
  root.render(
    <StrictMode>
      <DeckApp
        deck={deck}
        nav={nav}
        sync={sync}
        screens={screens}
        machine={session.machine}
        terminalIndex={(name) => names.indexOf(name)}
        typeInto={typeInto}
        presenterHref={presenter.toString()}
        resetMachine={() => {
          // Nothing may save the old machine again before the reload.
          saver?.stop();
          void store.clear().finally(() => location.reload());
        }}
      />
    </StrictMode>,
  );
  prefetchChunks();
  registerOffline();
}

function presenterWindow(deck: Deck): void {
  document.documentElement.classList.add('is-presenter-window');
  const nav = navStore(clampPosition(deck.slides, { slide: params.slide, step: 0 }));
  const sync = deckSync(channelName(deck.id, useLocale.getState().locale), nav, 'presenter', (p) => clampPosition(deck.slides, p));
  root.render(
    <StrictMode>
      <PresenterApp deck={deck} nav={nav} sync={sync} />
    </StrictMode>,
  );
}

async function main(): Promise<void> {
  if (params.deck === null) {
    root.render(<DeckList />);
    return;
  }
  const deck = await loadDeck(params.deck, useLocale.getState().locale);
  if (typeof deck === 'string') {
    root.render(<DeckList message={deck} />);
    return;
  }
  if (params.presenter) presenterWindow(deck);
  else await audience(deck);
}

void main();
