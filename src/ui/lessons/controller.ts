/**
 * The lesson feature without React: owns the LessonRunner of the open lesson, feeds a vanilla zustand store the
 * panel reads, saves progress through the page's `save` callback, and points the daemon panel at what the
 * current step is about. The runner, the parser and the lesson text are loaded with `import()` on first use
 * (runtime.ts), so this module costs the page's first chunk almost nothing.
 *
 * Setup and reset drive the kernel themselves (src/lessons/typist.ts): the host's driver is paused meanwhile.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LessonProgress, LessonRunner, LessonSession, RunnerState } from '../../lessons/runner.js';
import { isTask, type Lesson } from '../../lessons/model.js';
import type { Disposable } from '../../pkg/disposable.js';
import type { Terminal } from '../../machine/machine.js';
import type { Locale } from '../i18n.js';
import { panelStore, type Highlight } from '../store/panelStore.js';
import { findEntry, lessonIn, type Catalog } from './catalog.js';
import { highlightOf } from './highlight.js';
import type { PreviewTarget } from './previewLink.js';
import { parseSaved, type SavedLessons, EMPTY_SAVED } from './saved.js';

export { lessonFromUrl, lessonLink } from './deepLink.js';
export type { SavedLessons } from './saved.js';

/** What the page gives the controller. */
export interface LessonHost {
  /** The machine and learner terminals lessons run on now. */
  session(): LessonSession;
  /**
   * "Reset lesson": a newly booted machine with terminal 1 open, which the page now shows instead of the old
   * one. Its driver must not run until `resume()`.
   */
  fresh(): Promise<LessonSession>;
  /**
   * Optional: runs a lesson's `setup` lines on terminal 1 the page's own way (e.g. typed through the session's
   * input journal, so a reload replays them) and resolves once they are done, with the session they ran on if
   * that is not `session` (the page may start a lesson's declared start state on a fresh machine). Without it,
   * the runner types them straight into the machine with the driver paused (src/lessons/typist.ts runSetup).
   */
  setup?(lines: readonly string[], session: LessonSession): Promise<LessonSession | void>;
  /**
   * Optional: keeps the machine shown now restorable (the page's kept-machine slot) before a lesson with a start
   * state replaces it. Without it, the panel says that the current machine is replaced.
   */
  keep?(): Promise<void>;
  /** Optional: the lesson whose machine is kept now (keeping another one replaces it); null when none is. */
  keptLesson?(): string | null;
  /** Optional: the machine terminal a clicked command is typed into (the one in focus). */
  focused?(): Terminal | undefined;
  /** Optional: nothing was typed on the machine shown yet (a deep link on a new page): no need to ask first. */
  pristine?(): boolean;
  /** Stop / restart the real-time driver of the current session (not called around a host `setup`). */
  pause(): void;
  resume(): void;
  /** Progress changed: keep this plain JSON object with the session (src/ui/persist/lessonSlot.ts). */
  save(saved: SavedLessons): void;
  /** After a reset: the last line the setup left on terminal 1 (its prompt), for the screen to show. */
  showPrompt?(prompt: string): void;
  /** Default: the page's daemon panel (panelStore.setHighlight). */
  highlight?(h: Highlight | null): void;
}

export type LessonStatus = 'loading' | 'list' | 'confirm' | 'starting' | 'running' | 'resetting' | 'error';

/** A lesson with a start state waiting for the learner's go (status `confirm`). */
export interface PendingOpen {
  readonly id: string;
  /** The learner's own machine is kept (else it is replaced). */
  readonly keeps: boolean;
  /** The lesson whose machine is replaced instead, when a lesson machine is shown now. */
  readonly replaces: string | null;
  /** The lesson whose kept machine gives way to the learner's own (only one machine is kept). */
  readonly dropsKept: string | null;
}

export interface Announcement {
  readonly kind: 'step' | 'lesson';
  readonly stepId: string;
  /** Grows with every announcement, so the same text is announced again. */
  readonly seq: number;
}

export interface LessonUiState {
  readonly status: LessonStatus;
  readonly catalog: Catalog | null;
  /** What went wrong (status `error`), in English: a bug or a broken lesson, not a learner mistake. */
  readonly error: string | null;
  readonly locale: Locale;
  /** The open lesson's runner state; null on the list. */
  readonly run: RunnerState | null;
  /** Ids of lessons whose every step was done. */
  readonly finished: readonly string[];
  /** Steps done per lesson id. */
  readonly done: Readonly<Record<string, readonly string[]>>;
  /** The lesson waiting for a confirm before it replaces the machine shown (status `confirm`). */
  readonly pending: PendingOpen | null;
  /** The latest step or lesson completion, for the panel's live region. */
  readonly announcement: Announcement | null;
}

type Runtime = typeof import('./runtime.js');
type RuntimeParts = Pick<Runtime, 'LessonRunner' | 'bundledCatalog'> & Partial<Pick<Runtime, 'containerInForeground'>>;

export interface ControllerOptions {
  readonly locale?: Locale;
  /** What `save` was last given (any JSON; garbage is ignored). */
  readonly saved?: unknown;
  /** Tests may load the runtime their own way; default `import('./runtime.js')`. */
  readonly runtime?: () => Promise<RuntimeParts>;
}

export class LessonController {
  readonly store: StoreApi<LessonUiState>;
  private readonly host: LessonHost;
  private readonly loadRuntime: () => Promise<RuntimeParts>;
  private runtime: Promise<RuntimeParts> | null = null;
  /** The runtime, once loaded. */
  private parts: RuntimeParts | null = null;
  private runner: LessonRunner | null = null;
  /** The runner class, once the runtime is loaded. */
  private Runner: typeof LessonRunner | null = null;
  private session: LessonSession | null = null;
  private sub: Disposable | null = null;
  private saved: SavedLessons;
  private lastSaved = '';
  private seq = 0;
  /** Operations that drive the kernel run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(host: LessonHost, opts: ControllerOptions = {}) {
    this.host = host;
    this.saved = parseSaved(opts.saved);
    this.lastSaved = JSON.stringify(this.saved);
    this.loadRuntime = opts.runtime ?? (() => import('./runtime.js'));
    this.store = createStore<LessonUiState>()(() => ({
      status: 'loading',
      catalog: null,
      error: null,
      locale: opts.locale ?? 'en',
      run: null,
      finished: this.saved.finished,
      done: this.saved.done,
      pending: null,
      announcement: null,
    }));
  }

  /**
   * Loads the catalog and opens what the page asks for: `?lesson=` (a deep link), else the lesson that was
   * open when the session was saved (resumed where it was, without running its setup again), else the list.
   */
  async init(deepLink: string | null = null): Promise<void> {
    const catalog = await this.catalog();
    const want = deepLink && findEntry(catalog, deepLink) ? deepLink : this.saved.current;
    if (want && findEntry(catalog, want)) await this.open(want);
    else await this.load();
  }

  /** Loads the catalog and, unless a lesson is already opening, shows the list. */
  async load(): Promise<void> {
    await this.catalog();
    if (this.store.getState().status === 'loading') this.store.setState({ status: 'list' });
  }

  /** The catalog (loaded once). */
  async catalog(): Promise<Catalog> {
    const have = this.store.getState().catalog;
    if (have) return have;
    try {
      const catalog = (await this.rt()).bundledCatalog();
      this.store.setState({ catalog });
      return catalog;
    } catch (e) {
      this.fail(e);
      throw e;
    }
  }

  /**
   * Opens lesson `id` on the current machine: runs its setup (driver paused) and starts at its first step.
   * The lesson the saved progress belongs to is resumed instead (the machine it ran on came back with it).
   */
  open(id: string, confirmed = false): Promise<void> {
    return this.serial(async () => {
      if (this.runner?.lesson.id === id) return;
      const catalog = await this.catalog();
      const entry = findEntry(catalog, id);
      if (!entry) throw new Error(`no lesson \`${id}\``);
      const lesson = lessonIn(entry, this.store.getState().locale);
      // A start state needs a fresh machine, unless this machine was booted for this very lesson.
      const fresh = lesson.setup.length > 0 && this.saved.machine !== id;
      if (fresh && !confirmed && !(this.host.pristine?.() ?? false)) {
        this.detach();
        const keeps = this.saved.machine === null && this.host.keep !== undefined;
        const dropsKept = keeps ? (this.host.keptLesson?.() ?? null) : null;
        const pending: PendingOpen = { id, keeps, replaces: this.saved.machine, dropsKept };
        this.store.setState({ status: 'confirm', pending, run: null, error: null });
        this.persist();
        return;
      }
      this.detach();
      const { LessonRunner } = await this.rt();
      this.Runner = LessonRunner;
      const session = this.host.session();
      const saved = this.saved.current === id ? this.saved.progress : null;
      if (!fresh) {
        this.attach(new LessonRunner(lesson, session, saved?.lesson === id ? saved : this.resumeFrom(lesson)), session);
        return;
      }
      this.store.setState({ status: 'starting', pending: null, run: null, error: null });
      if (this.saved.machine === null) await this.host.keep?.();
      this.saved = { ...this.saved, machine: id };
      if (this.host.setup) {
        const ranOn = (await this.host.setup(lesson.setup, session)) ?? session;
        this.attach(new LessonRunner(lesson, ranOn, this.resumeFrom(lesson)), ranOn);
        return;
      }
      this.host.pause();
      let runner: LessonRunner;
      try {
        runner = await LessonRunner.start(lesson, session, this.resumeFrom(lesson));
      } finally {
        this.host.resume();
      }
      this.attach(runner, session);
    });
  }

  /** The lesson waiting for a confirm: start it (on a fresh machine). */
  confirmOpen(): Promise<void> {
    const p = this.store.getState().pending;
    return p ? this.open(p.id, true) : Promise.resolve();
  }

  /** The lesson is not opened; the machine stays as it is. */
  cancelOpen(): void {
    this.store.setState({ pending: null });
    this.close();
  }

  /** Progress made on a lesson before (steps done): it opens again at its first step not done. */
  private resumeFrom(lesson: Lesson): LessonProgress | undefined {
    const done = this.saved.done[lesson.id];
    if (!done || done.length === 0) return undefined;
    const step = lesson.steps.find((s) => isTask(s) && !done.includes(s.id)) ?? lesson.steps[lesson.steps.length - 1];
    return { v: 1, lesson: lesson.id, step: step.id, completed: done, hints: {}, solutions: [], commands: { records: [] } };
  }

  /** Back to the list; the machine stays as it is. */
  close(): void {
    this.detach();
    this.highlight(null);
    this.store.setState({ status: 'list', run: null, pending: null, error: null });
    this.persist();
  }

  next(): void {
    this.runner?.next();
    this.persist();
  }

  previous(): void {
    this.runner?.previous();
    this.persist();
  }

  goTo(step: number | string): void {
    this.runner?.goTo(step);
    this.persist();
  }

  showHint(): void {
    this.runner?.showHint();
    this.persist();
  }

  showSolution(): void {
    this.runner?.showSolution();
    this.persist();
  }

  /** Starts the lesson over on a freshly booted machine (the host's): setup again, progress cleared. */
  reset(): Promise<void> {
    return this.serial(async () => {
      const runner = this.runner;
      if (!runner) return;
      this.store.setState({ status: 'resetting' });
      if (this.host.setup && this.Runner) {
        // The same as runner.reset, with the host's setup: a new runner on the fresh machine.
        const fresh = await this.host.fresh();
        const ranOn = (await this.host.setup(runner.lesson.setup, fresh)) ?? fresh;
        const lesson = runner.lesson;
        this.detach();
        this.attach(new this.Runner(lesson, ranOn), ranOn);
        return;
      }
      this.host.pause();
      try {
        const fresh = await this.host.fresh();
        this.session = fresh;
        const prompt = await runner.reset(fresh);
        this.host.showPrompt?.(prompt);
      } finally {
        this.host.resume();
      }
      this.store.setState({ status: 'running', run: runner.state });
      this.persist();
    });
  }

  /**
   * The open lesson assumes what this machine is not (its `assumes` checks fail, shown as `run.unmet`): starts it
   * on a freshly booted machine, with its setup if it has one, keeping the machine shown as a lesson with a start
   * state does (the learner's own goes to the kept slot; a lesson machine is replaced).
   */
  startFresh(): Promise<void> {
    return this.serial(async () => {
      const runner = this.runner;
      const Runner = this.Runner;
      if (!runner || !Runner) return;
      const lesson = runner.lesson;
      this.detach();
      this.store.setState({ status: 'starting', run: null, error: null });
      if (this.saved.machine === null) await this.host.keep?.();
      this.saved = { ...this.saved, machine: lesson.id };
      if (this.host.setup) {
        const fresh = await this.host.fresh();
        const ranOn = (await this.host.setup(lesson.setup, fresh)) ?? fresh;
        this.attach(new Runner(lesson, ranOn), ranOn);
        return;
      }
      this.host.pause();
      try {
        const fresh = await this.host.fresh();
        this.attach(await Runner.start(lesson, fresh), fresh);
      } finally {
        this.host.resume();
      }
    });
  }

  /** The same lesson in the other language, where it is: steps, checks and progress carry over. */
  setLocale(locale: Locale): void {
    this.store.setState({ locale });
    const runner = this.runner;
    const catalog = this.store.getState().catalog;
    const Runner = this.Runner;
    if (!runner || !Runner || !this.session || runner.lesson.locale === locale || !catalog) return;
    const other = findEntry(catalog, runner.lesson.id)?.byLocale[locale];
    if (!other) return;
    const progress = runner.progress();
    const session = this.session;
    this.detach();
    this.attach(new Runner(other, session, progress), session);
  }

  /** Between scheduler slices (sampledKernel): lets the `ran` check see commands that print nothing. */
  sample(): void {
    this.runner?.sample();
  }

  /**
   * A lesson's host command (`sudo …`, `docker …`) clicked while the terminal in focus is inside a container
   * would be typed there (`bash: sudo: command not found`): the container's name, for the panel to say `exit`
   * first; undefined when the command may be typed.
   */
  insideContainer(command: string): string | undefined {
    if (!/^(sudo|docker)(\s|$)/.test(command.trim())) return undefined;
    const term = this.host.focused?.();
    const session = this.session;
    if (!term || !session || !this.parts?.containerInForeground) return undefined;
    return this.parts.containerInForeground(session.machine, term);
  }

  /** Where a lesson's `preview:` link points now: the host port its container publishes the port on. */
  async previewAddress(target: PreviewTarget): Promise<string | undefined> {
    // Loaded on the first click: the read-side port code has no place in the page's first chunk.
    const { previewAddress } = await import('./previewLink.js');
    const session = this.session;
    return session ? previewAddress(session.machine.query, target) : undefined;
  }

  /** Re-evaluates the current step (the page may call it after driver ticks). */
  refresh(): void {
    this.runner?.refresh();
  }

  /** The current progress, as `save` receives it. */
  progress(): SavedLessons {
    return this.saved;
  }

  dispose(): void {
    this.detach();
  }

  private rt(): Promise<RuntimeParts> {
    this.runtime ??= this.loadRuntime().then((parts) => (this.parts = parts));
    return this.runtime;
  }

  private serial(op: () => Promise<void>): Promise<void> {
    const run = this.queue.then(op, op).catch((e: unknown) => {
      this.fail(e);
    });
    this.queue = run;
    return run;
  }

  private fail(e: unknown): void {
    this.store.setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
  }

  private attach(runner: LessonRunner, session: LessonSession): void {
    this.runner = runner;
    this.session = session;
    this.sub = runner.onChange((s) => this.onState(s));
    const state = runner.state;
    this.store.setState({ status: 'running', run: state, pending: null, error: null });
    this.highlight(highlightOf(state.step));
    this.markFinished(state);
    this.persist();
  }

  private detach(): void {
    this.sub?.dispose();
    this.sub = null;
    this.runner?.dispose();
    this.runner = null;
  }

  private onState(state: RunnerState): void {
    const prev = this.store.getState().run;
    let announcement = this.store.getState().announcement;
    if (prev && prev.lesson.id === state.lesson.id) {
      const done = [...state.completed].filter((id) => !prev.completed.has(id));
      if (state.finished && !prev.finished) announcement = { kind: 'lesson', stepId: state.step.id, seq: ++this.seq };
      else if (done.length > 0) announcement = { kind: 'step', stepId: done[done.length - 1], seq: ++this.seq };
    }
    if (!prev || prev.index !== state.index || prev.lesson !== state.lesson) this.highlight(highlightOf(state.step));
    this.store.setState({ run: state, announcement });
    this.markFinished(state);
    this.persist();
  }

  private markFinished(state: RunnerState): void {
    if (!state.finished || this.saved.finished.includes(state.lesson.id)) return;
    const finished = [...this.saved.finished, state.lesson.id];
    this.saved = { ...this.saved, finished };
    this.store.setState({ finished });
  }

  private highlight(h: Highlight | null): void {
    if (this.host.highlight) this.host.highlight(h);
    else panelStore.getState().setHighlight(h);
  }

  /** Saves when what would be saved changed (check results alone do not). */
  private persist(): void {
    const progress = this.runner?.progress() ?? null;
    let done = this.saved.done;
    if (progress && JSON.stringify(done[progress.lesson] ?? []) !== JSON.stringify(progress.completed)) {
      done = { ...done, [progress.lesson]: progress.completed };
      this.store.setState({ done });
    }
    const next: SavedLessons = {
      ...EMPTY_SAVED,
      finished: this.saved.finished,
      done,
      machine: this.saved.machine,
      current: this.runner?.lesson.id ?? null,
      progress,
    };
    const json = JSON.stringify(next);
    this.saved = next;
    if (json === this.lastSaved) return;
    this.lastSaved = json;
    this.host.save(next);
  }
}
