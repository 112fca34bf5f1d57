/**
 * The session a page shows, with what belongs to it: its terminal deck, its saver (when the page saves) and
 * the presenter-mode follower. A lesson may ask for a fresh machine in the middle of a visit; showing it stops
 * and disposes the old session's parts before the new one starts, so nothing keeps feeding on a machine the
 * learner no longer sees. Both pages (the app, embed.html) show sessions through it.
 */
import { TerminalDeck } from './controls/terminalDeck.js';
import { XtermScreen } from './terminalScreen.js';
import { LessonController } from './lessons/controller.js';
import { appLessonHost, type AppLessonPage } from './lessons/appHost.js';
import type { Saver } from './persist/saver.js';
import type { TerminalLayout } from './persist/saved.js';
import { followPresenter } from './presenter/presenterTerminal.js';
import type { Session } from './session.js';
import type { Terminal } from '../machine/machine.js';
import { lessonProgress, setLessonProgress } from './persist/lessonSlot.js';
import { useLocale } from './i18n.js';

export interface Shown {
  readonly session: Session;
  readonly deck: TerminalDeck;
  readonly saver: Saver | undefined;
}

export interface ShowOptions {
  readonly layout: TerminalLayout;
  /** The page's saver for this session, if it saves. */
  readonly saver?: (session: Session, deck: TerminalDeck) => Saver;
  /** The session replaces one shown before: saved at once (the store holds a machine no longer shown). */
  readonly replacing?: boolean;
}

export class Stage {
  private current: (Shown & { readonly unfollow: () => void }) | undefined;

  /** What is shown; throws before the first `show`. */
  get shown(): Shown {
    if (!this.current) throw new Error('no session shown yet');
    return this.current;
  }

  get showing(): boolean {
    return this.current !== undefined;
  }

  /** The page is done with the stage (a component unmounted): the session shown stops and its parts go. */
  dispose(): void {
    const c = this.current;
    if (!c) return;
    c.saver?.stop();
    c.unfollow();
    c.deck.dispose();
    c.session.stop();
    this.current = undefined;
  }

  /** Shows `session` instead of the one shown (if any) and starts its driver. */
  show(session: Session, opts: ShowOptions, onSlice?: () => void): Shown {
    const before = this.current;
    if (before) {
      before.saver?.stop();
      before.unfollow();
      before.deck.dispose();
      before.session.stop();
    }
    const deck = new TerminalDeck(session, opts.layout, (tty, wake, history) => new XtermScreen(tty, wake, history));
    const saver = opts.saver?.(session, deck);
    deck.onLayout(() => saver?.soon());
    const unfollow = followPresenter(deck);
    // The lesson runner's command log looks at the machine between scheduler slices.
    if (onSlice) session.onSlice(onSlice);
    session.start();
    this.current = { session, deck, saver, unfollow };
    if (before) void saver?.save();
    return this.current;
  }
}

/**
 * The lesson feature on a stage: lessons run on the session shown; one that asks for a fresh machine gets what
 * `replace` shows instead (src/ui/lessons/appHost.ts), after `machines.keep` kept the one shown, where the page
 * keeps machines. Progress is kept in the saved session's lesson slot.
 */
export function stageLessons(
  stage: Stage,
  replace: () => Promise<Session>,
  machines: Pick<AppLessonPage, 'keep' | 'keptLesson'> = {},
): LessonController {
  const focused = (): Terminal | undefined => {
    const { session, deck } = stage.shown;
    const id = deck.store.getState().active;
    return session.terminals.find((t) => t.id === id)?.terminal;
  };
  const host = appLessonHost({ current: () => stage.shown.session, replace, save: setLessonProgress, focused, ...machines });
  return new LessonController(host, { locale: useLocale.getState().locale, saved: lessonProgress() });
}
