/**
 * Lessons on the page's session: the LessonHost the app gives its LessonController. Lesson terminal n is the
 * n-th terminal open in the session (1 is the first tab); a lesson's setup is typed through the session's input
 * journal, so a reload replays it like the learner's own keys; "reset lesson" (and a lesson's declared start
 * state) asks the page for a freshly booted session, which it then shows instead of the old one.
 */
import type { LessonSession } from '../../lessons/runner.js';
import type { LessonTerminals } from '../../lessons/terminals.js';
import type { Terminal } from '../../machine/machine.js';
import type { Session } from '../session.js';
import type { LessonHost, SavedLessons } from './controller.js';

export class SessionTerminals implements LessonTerminals {
  constructor(private readonly session: Session) {}

  get(n: number): Terminal | undefined {
    return this.session.terminals[n - 1]?.terminal;
  }

  /**
   * In the page the learner opens terminals (a new tab); a lesson that needs terminal n before it exists is a
   * lesson bug, reported as such.
   */
  open(n: number): Terminal {
    const t = this.get(n);
    if (!t || !t.alive()) throw new Error(`terminal ${n} is not open: open it with the + tab first`);
    return t;
  }

  /** The session's number for a machine terminal (journal entries name terminals by it). */
  idOf(t: Terminal): number {
    const st = this.session.terminals.find((s) => s.terminal === t);
    if (!st) throw new Error('the terminal has closed');
    return st.id;
  }
}

export interface AppLessonPage {
  /** The session shown now. */
  current(): Session;
  /** Boots a fresh session, shows it instead of the current one and starts its driver. */
  replace(): Promise<Session>;
  /** Keeps lesson progress with the saved session. */
  save(saved: SavedLessons): void;
  /** Keeps the session shown restorable before a lesson's start state replaces it (src/ui/persist/machines.ts). */
  keep?(): Promise<void>;
  /** The lesson whose machine is kept now, null when none is (or the learner's own is). */
  keptLesson?(): string | null;
  /** The machine terminal in focus (where a clicked command is typed). */
  focused?(): Terminal | undefined;
}

export function lessonSessionOf(session: Session): LessonSession {
  return {
    machine: session.machine,
    terminals: new SessionTerminals(session),
    request: (req) => session.request(req),
    later: (fn, ms = 0) => void setTimeout(fn, ms),
  };
}

/**
 * A lesson's `setup` is its start state on a fresh machine: the page keeps the machine shown (`keep`, after the
 * learner said yes), boots one for the lesson and types the lines there; lessons without one start on the
 * machine as it is.
 */
export function appLessonHost(page: AppLessonPage): LessonHost {
  /** The session `fresh()` just booted, which a setup may use as it is. */
  let pristine: Session | null = null;
  return {
    session: () => lessonSessionOf(page.current()),
    async fresh() {
      pristine = await page.replace();
      return lessonSessionOf(pristine);
    },
    async setup(lines) {
      const booted = pristine;
      pristine = null;
      if (lines.length === 0) return;
      const session = booted !== null && booted === page.current() ? booted : await page.replace();
      const { runSetup } = await import('../../lessons/typist.js');
      const terminals = new SessionTerminals(session);
      await session.exclusive((send) =>
        runSetup(session.machine, terminals, lines, (t, data) => send(terminals.idOf(t), data)),
      );
      return lessonSessionOf(session);
    },
    keep: page.keep && (() => page.keep!()),
    keptLesson: page.keptLesson && (() => page.keptLesson!()),
    focused: page.focused && (() => page.focused!()),
    // Nothing typed yet (a lesson link on a new page): there is nothing to keep or to ask about.
    pristine: () => !page.current().journal.some((e) => e.kind === 'keys'),
    pause: () => page.current().driver.pause(),
    resume: () => page.current().driver.resume(),
    save: (saved) => page.save(saved),
  };
}
