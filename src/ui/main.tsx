import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Machine } from '../machine/host.js';
import { App } from './App.js';
import './app.css';
import { browserHost, lateAfterPrompt, pageDrain } from './browserHost.js';
import { registerPageControls } from './controls/pageControls.js';
import './controls/controls.css';
import { makePageControls, plainUrl, withoutParams } from './persist/actions.js';
import { simulationStopped } from './persist/notices.js';
import { showProgress, type Progress } from './persist/progress.js';
import { startSession, type Started } from './persist/restore.js';
import { DEFAULT_LAYOUT, type SavedSession } from './persist/saved.js';
import { Saver, snapshot } from './persist/saver.js';
import { keptFrom, machineStore, switchedText } from './persist/machines.js';
import { carryLessons, shareableLessons } from './lessons/saved.js';
import { idbSessionStore } from './persist/store.js';
import { Session, sessionParams } from './session.js';
import { lessonFromUrl } from './lessons/controller.js';
import { Stage, stageLessons } from './stage.js';
import { useLocale } from './i18n.js';
import { installTestHooks } from './testHooks.js';
import { registerOffline } from './offline.js';
import { prefetchChunks, prefetchFamilies, whenIdle } from './prefetch.js';
import { safeLocalStorage, setupDisplay, usePresenter } from './presenter/prefs.js';

performance.mark('dockersim:start');
const params = sessionParams(location.search);
// Language and presenter mode: from the address, else the reader's last choice, else the browser.
setupDisplay({ search: location.search, languages: navigator.languages, storage: safeLocalStorage(), root: document.documentElement });
// An address that names the language or presenter mode follows the reader's switch: a reload keeps the choice.
useLocale.subscribe((s) => followInAddress('locale', s.locale));
usePresenter.subscribe((s) => followInAddress('presenter', s.on ? '1' : '0'));

function followInAddress(param: string, value: string): void {
  const u = new URL(location.href);
  if (!u.searchParams.has(param) || u.searchParams.get(param) === value) return;
  u.searchParams.set(param, value);
  history.replaceState(history.state, '', u.toString());
}

const drain = pageDrain();
/** A turn for the page to paint (replay's progress bar): a macrotask after rendering had its chance. */
const paint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function main(): Promise<void> {
  const store = idbSessionStore();
  // IndexedDB answers from another thread: ask it first, then boot while it looks (most pages restore or
  // start with the URL's seed, and a replay needs a machine that has never run — this one).
  const loading = params.shared === null ? store.load() : Promise.resolve([]);
  loading.catch(() => undefined);
  let spare: Machine | undefined = Machine.boot({ seed: params.seed, drain, late: lateAfterPrompt });
  const boot = (seed: number): Machine => {
    const m = spare && seed === params.seed ? spare : Machine.boot({ seed, drain, late: lateAfterPrompt });
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
    onError: simulationStopped,
    progress: (f) => (progress ??= showProgress()).update(f),
    yieldToPage: paint,
  });
  const replayMs = started.source === 'fresh' ? 0 : performance.now() - t0;
  progress?.close();
  // A shared link has been taken in: from now on the page is that session, saved like any other.
  if (params.shared !== null) history.replaceState(null, '', plainUrl(location.href));

  const root = createRoot(document.getElementById('root')!);
  const lessonLink = lessonFromUrl(location.search);
  // Like a shared session, a lesson link has been taken in: a reload resumes where the learner got to.
  if (lessonLink !== null) history.replaceState(null, '', withoutParams(location.href, 'lesson'));

  const stage = new Stage();
  const shownText = (): string => {
    const { session, deck } = stage.shown;
    return JSON.stringify(snapshot(session, deck.layout(), { speed: session.driver.speed }, Date.now()));
  };
  const lessons = stageLessons(
    stage,
    async () => {
      const s = await Session.fresh(stage.shown.session.seed, boot, browserHost(), simulationStopped);
      show(s, null, 'fresh');
      return s;
    },
    {
      async keep() {
        const text = shownText();
        await store.keep(text);
        machineStore.setState({ kept: keptFrom(text) });
      },
      keptLesson: () => machineStore.getState().kept?.lesson ?? null,
    },
  );
  void store.kept().then(
    (text) => machineStore.setState({ kept: keptFrom(text) }),
    () => undefined,
  );
  machineStore.setState({
    async switchTo() {
      const kept = await store.kept();
      if (kept === undefined) return;
      // The machine shown is saved into the kept slot; nothing may save over the swap before the reload.
      stage.shown.saver?.stop();
      const shown = shownText();
      await store.swap(switchedText({ kept, shown, carry: carryLessons }), shown);
      location.replace(plainUrl(location.href));
    },
  });
  const typeIntoTerminal = (text: string): void => stage.shown.deck.type(text);

  /** Shows `session` (the first one, or a fresh one a lesson asked for instead of the one shown). */
  function show(session: Session, saved: SavedSession | null, source: Started['source']): void {
    const before = stage.showing ? stage.shown : undefined;
    const speed = saved?.prefs.speed ?? before?.session.driver.speed;
    if (speed !== undefined) session.driver.setSpeed(speed);
    const { deck, saver } = stage.show(
      session,
      {
        layout: saved?.layout ?? { ...DEFAULT_LAYOUT, split: before?.deck.layout().split ?? false },
        saver: (s, d) => new Saver(s, store, { layout: () => d.layout(), prefs: () => ({ speed: s.driver.speed }) }),
      },
      () => lessons.sample(),
    );
    const controls = makePageControls(session, deck, saver!, store, shareableLessons);
    registerPageControls(controls);
    if (params.testHooks) {
      installTestHooks(session, deck, { source, replayMs }, { save: () => saver!.save(), shareLink: () => controls.shareLink() });
    }
    // A restored session is saved at once in its current format (a replaced one is saved by the stage).
    if (source !== 'fresh' && !before) void saver!.save();
    root.render(
      <StrictMode>
        <App session={session} screen={deck} lessons={lessons} typeIntoTerminal={typeIntoTerminal} focusTerminal={() => stage.shown.deck.active?.focus()} />
      </StrictMode>,
    );
  }

  show(started.session, started.saved, started.source);
  performance.mark('dockersim:booted');
  const first = stage.shown.deck.active?.xterm.onWriteParsed(() => {
    first?.dispose();
    performance.mark('dockersim:first-output');
  });
  if (params.testHooks) window.__lessons = lessons;
  // The utilities chunk (coreutils, procps…) loads while the learner reads the prompt; the lessons after it.
  prefetchChunks();
  whenIdle(() => void lessons.init(lessonLink));
  prefetchFamilies();
  registerOffline();
}

void main();
