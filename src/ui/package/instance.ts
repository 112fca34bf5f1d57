/**
 * One simulator of the npm package: its own machine (booted or replayed from a share link), its terminal
 * deck and driver, its own daemon-view store and its own lesson controller (loaded only with a lesson). Nothing here is a module
 * singleton, so several instances on one page never see each other's containers; what they share is only
 * what a page has once (the language chosen in the app, the notices line).
 */
import { Machine } from '../../machine/host.js';
import { browserHost, lateAfterPrompt, pageDrain } from '../browserHost.js';
import type { Locale } from '../i18n.js';
import type { LessonController } from '../lessons/controller.js';
import { simulationStopped } from '../persist/notices.js';
import { fromLink } from '../persist/restore.js';
import { DEFAULT_LAYOUT } from '../persist/saved.js';
import { Session } from '../session.js';
import { TerminalDeck } from '../controls/terminalDeck.js';
import { EarlyScreen } from '../early/earlyScreen.js';
import { followPresenter } from '../presenter/presenterTerminal.js';
import { createPanelStore, type PanelStore } from '../store/panelStore.js';

export interface InstanceOptions {
  readonly seed: number;
  readonly dockerGroup: boolean;
  readonly lesson: string | null;
  /** A share link's `session` value. */
  readonly replay: string | null;
  readonly locale: Locale;
}

/** The `session` value of a share link, or the value itself when it is not a link. */
export function sharedParam(link: string): string {
  const text = link.trim();
  if (!/^[a-z][a-z0-9+.-]*:|^[?./]/i.test(text)) return text;
  const q = new URL(text, 'http://localhost/').searchParams.get('session');
  if (q === null) throw new Error('the link has no ?session= parameter');
  return q;
}

/** What an instance shows: the session and its terminal deck (as src/ui/stage.ts's Shown, without its saver). */
export interface Shown {
  readonly session: Session;
  readonly deck: TerminalDeck<EarlyScreen>;
}

export class Instance {
  readonly panel: PanelStore = createPanelStore();
  private current: (Shown & { readonly unfollow: () => void }) | undefined;
  /** The lesson feature, loaded only for an instance with a lesson. */
  lessons: LessonController | undefined;
  private readonly listeners = new Set<(shown: Shown) => void>();
  private disposed = false;

  private constructor(private readonly o: InstanceOptions) {}

  private async loadLessons(lesson: string | null): Promise<void> {
    if (lesson === null) return;
    const [{ LessonController }, { appLessonHost }] = await Promise.all([import('../lessons/controller.js'), import('../lessons/appHost.js')]);
    const host = browserHost();
    this.lessons = new LessonController(
      {
        ...appLessonHost({
          current: () => this.shown.session,
          replace: async () => {
            const s = await Session.fresh(this.o.seed, (seed) => this.boot(seed), host, simulationStopped);
            this.show(s);
            return s;
          },
          // Progress lives as long as the instance (no storage: a docs example starts fresh every visit).
          save: () => {},
          focused: () => {
            const { session, deck } = this.shown;
            const id = deck.store.getState().active;
            return session.terminals.find((t) => t.id === id)?.terminal;
          },
        }),
        highlight: (h) => this.panel.getState().setHighlight(h),
      },
      { locale: this.o.locale },
    );
  }

  private readonly drain = pageDrain();

  private boot(seed: number): Machine {
    return Machine.boot({ seed, drain: this.drain, dockerGroup: this.o.dockerGroup, late: lateAfterPrompt });
  }

  static async create(o: InstanceOptions): Promise<Instance> {
    const inst = new Instance(o);
    await inst.loadLessons(o.lesson);
    const host = browserHost();
    const boot = (seed: number): Machine => inst.boot(seed);
    let session: Session;
    if (o.replay !== null) {
      const saved = await fromLink(o.replay);
      session = await Session.restore(saved.seed, saved.journal, saved.head, boot, host, simulationStopped);
    } else {
      session = await Session.fresh(o.seed, boot, host, simulationStopped);
    }
    if (inst.disposed) session.stop();
    else inst.show(session);
    return inst;
  }

  get shown(): Shown {
    if (!this.current) throw new Error('no session shown yet');
    return this.current;
  }

  /** Called with each session shown from now on (a lesson's start state boots another). */
  onShow(fn: (shown: Shown) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Shows `session` instead of the one shown (a lesson's fresh machine) and starts its driver. */
  private show(session: Session): void {
    this.stop();
    // xterm.js loads beside the first prompt, not before it (early/earlyScreen.ts).
    const deck = new TerminalDeck(session, DEFAULT_LAYOUT, (tty, wake, history) => new EarlyScreen(tty, wake, history, () => import('../terminalScreen.js')));
    if (this.o.replay !== null) deck.setReadOnly(true);
    const unfollow = followPresenter(deck);
    const lessons = this.lessons;
    // The lesson runner's command log looks at the machine between scheduler slices.
    if (lessons) session.onSlice(() => lessons.sample());
    session.start();
    this.current = { session, deck, unfollow };
    for (const fn of this.listeners) fn(this.current);
  }

  private stop(): void {
    const c = this.current;
    if (!c) return;
    c.unfollow();
    c.deck.dispose();
    c.session.stop();
    this.current = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.lessons?.dispose();
    this.stop();
  }
}
