/**
 * One simulator of the npm package: its own machine (booted or replayed from a share link), its stage
 * (terminal deck, driver), its own daemon-view store and its own lesson controller. Nothing here is a module
 * singleton, so several instances on one page never see each other's containers; what they share is only
 * what a page has once (the language chosen in the app, the notices line).
 */
import { Machine } from '../../machine/machine.js';
import { browserHost, pageDrain } from '../browserHost.js';
import type { Locale } from '../i18n.js';
import { appLessonHost } from '../lessons/appHost.js';
import { LessonController } from '../lessons/controller.js';
import { simulationStopped } from '../persist/notices.js';
import { fromLink } from '../persist/restore.js';
import { DEFAULT_LAYOUT } from '../persist/saved.js';
import { Session } from '../session.js';
import { Stage, type Shown } from '../stage.js';
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

export class Instance {
  readonly panel: PanelStore = createPanelStore();
  readonly stage = new Stage();
  readonly lessons: LessonController | undefined;
  private readonly listeners = new Set<(shown: Shown) => void>();
  private disposed = false;

  private constructor(private readonly o: InstanceOptions) {
    const host = browserHost();
    this.lessons =
      o.lesson === null
        ? undefined
        : new LessonController(
            {
              ...appLessonHost({
                current: () => this.stage.shown.session,
                replace: async () => {
                  const s = await Session.fresh(o.seed, (seed) => this.boot(seed), host, simulationStopped);
                  this.show(s);
                  return s;
                },
                // Progress lives as long as the instance (no storage: a docs example starts fresh every visit).
                save: () => {},
                focused: () => {
                  const { session, deck } = this.stage.shown;
                  const id = deck.store.getState().active;
                  return session.terminals.find((t) => t.id === id)?.terminal;
                },
              }),
              highlight: (h) => this.panel.getState().setHighlight(h),
            },
            { locale: o.locale },
          );
  }

  private readonly drain = pageDrain();

  private boot(seed: number): Machine {
    return Machine.boot({ seed, drain: this.drain, dockerGroup: this.o.dockerGroup });
  }

  static async create(o: InstanceOptions): Promise<Instance> {
    const inst = new Instance(o);
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
    return this.stage.shown;
  }

  /** Called with each session shown from now on (a lesson's start state boots another). */
  onShow(fn: (shown: Shown) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private show(session: Session): void {
    const lessons = this.lessons;
    const shown = this.stage.show(session, { layout: DEFAULT_LAYOUT }, lessons && (() => lessons.sample()));
    if (this.o.replay !== null) shown.deck.setReadOnly(true);
    for (const fn of this.listeners) fn(shown);
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.lessons?.dispose();
    this.stage.dispose();
  }
}
