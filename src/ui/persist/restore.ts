/**
 * Starting the page's session: from a share link (`?session=`), else from the saved session, else fresh.
 * A restore replays the journal flat out (no real-time pacing), handing the page a turn every ~30 ms to paint
 * its progress. Anything that goes wrong (bad JSON, another version, a replay that throws or diverges) is
 * reported with a notice, the saved text is set aside under another key, and a fresh session starts.
 *
 * While IndexedDB looks (from another thread, tens of ms on a first visit), the page has nothing else to do:
 * the fresh session most visits get is started then, and its login runs to the first prompt, so the prompt
 * does not wait for the login behind the page's first render. A save that turns up stops that early; the
 * fresh machine is dropped and the replay boots its own.
 */
import { JOURNAL_FORMAT } from '../../machine/journal.js';
import type { DriverHost } from '../../machine/driver.js';
import { Session, type Boot } from '../session.js';
import { setEditorState } from './editorSlot.js';
import { setLessonProgress } from './lessonSlot.js';
import { notify } from './notices.js';
import { BadSave, checkSaved, DEFAULT_LAYOUT, DEFAULT_PREFS, parseSaved, SAVE_FORMAT, type SavedSession } from './saved.js';
import { decodeShared } from './shareLink.js';
import type { SessionStore } from './store.js';

export interface StartOptions {
  readonly seed: number;
  /** The `?session=` parameter, if any. */
  readonly shared: string | null;
  readonly boot: Boot;
  readonly host: DriverHost;
  readonly store: SessionStore;
  /** `store.load()` already under way (the page starts it before booting, so the two overlap). */
  readonly loading?: Promise<string[]>;
  readonly onError: (err: unknown) => void;
  /** Replay progress, 0..1. */
  readonly progress?: (fraction: number) => void;
  /** Gives the page a turn during replay. */
  readonly yieldToPage?: () => Promise<void>;
}

export interface Started {
  readonly session: Session;
  /** What the page looked like, when restored. */
  readonly saved: SavedSession | null;
  readonly source: 'fresh' | 'saved' | 'link';
}

function reasonOf(e: unknown): string {
  if (e instanceof BadSave) return `${e.reason}: ${e.message}`;
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** A `?session=` parameter as a saved session (checked like one); throws BadSave. */
export async function fromLink(param: string): Promise<SavedSession> {
  let v: unknown;
  try {
    v = await decodeShared(param);
  } catch (e) {
    throw new BadSave('json', (e as Error).message);
  }
  const r = (v ?? {}) as Record<string, unknown>;
  if (r.v !== 1) throw new BadSave('version', `link version ${String(r.v)}`);
  return checkSaved({
    ...r,
    format: SAVE_FORMAT,
    journalFormat: JOURNAL_FORMAT,
    layout: DEFAULT_LAYOUT,
    prefs: DEFAULT_PREFS,
    lessons: r.lessons ?? null,
    editor: null,
    savedAt: 0,
  });
}

async function replayInto(saved: SavedSession, o: StartOptions): Promise<Session> {
  const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : 0);
  let last = clock();
  const total = Math.max(1, saved.head.at);
  let machineNow = (): number => 0;
  const s = await Session.restore(
    saved.seed,
    saved.journal,
    saved.head,
    (seed) => {
      const m = o.boot(seed);
      machineNow = () => m.kernel.now();
      return m;
    },
    o.host,
    o.onError,
    {
      shouldYield: () => clock() - last > 30,
      yieldTo: async () => {
        o.progress?.(Math.min(1, machineNow() / total));
        await o.yieldToPage?.();
        last = clock();
      },
    },
  );
  o.progress?.(1);
  return s;
}

/** Virtual ms the early login may use: a login takes well under one; the driver does the rest, if any. */
const EARLY_LOGIN_MS = 20;

/**
 * A fresh session whose login runs until its shell waits at the prompt, or until `found` says a saved
 * session will be restored instead. The kernel is run as a driver tick would run it (the journal holds only
 * the terminal's opening, and the driver starts from the clock where this left it).
 */
async function freshWhileLoading(o: StartOptions, found: () => boolean): Promise<Session> {
  const session = await Session.fresh(o.seed, o.boot, o.host, o.onError);
  const kernel = session.machine.kernel;
  const tty = session.terminals[0]?.terminal.tty;
  try {
    await kernel.run({ until: kernel.now() + EARLY_LOGIN_MS, stop: () => found() || !tty || tty.waitingForInput });
  } catch (e) {
    o.onError(e);
  }
  return session;
}

export async function startSession(o: StartOptions): Promise<Started> {
  let early: Promise<Session> | undefined;
  if (o.shared !== null) {
    try {
      const saved = await fromLink(o.shared);
      const session = await replayInto(saved, o);
      setLessonProgress(saved.lessons);
      return { session, saved, source: 'link' };
    } catch (e) {
      // A link is not ours to keep, but it is kept like a broken save so nothing the learner had is lost.
      const key = await o.store.setAside(o.shared, reasonOf(e)).catch(() => '');
      notify('linkBad', { reason: reasonOf(e), key });
    }
  } else {
    let texts: string[] = [];
    let found = false;
    early = o.loading && freshWhileLoading(o, () => found);
    // Not awaited when a save is restored: its failure is of no interest then.
    early?.catch(() => undefined);
    try {
      texts = await (o.loading ?? o.store.load());
    } catch (e) {
      notify('saveFailed', { reason: reasonOf(e) });
    }
    found = texts.length > 0;
    if (early && !found) return { session: await early, saved: null, source: 'fresh' };
    // Newest first; a copy that cannot be restored is set aside and the next (older) one tried.
    for (const text of texts) {
      try {
        const saved = parseSaved(text);
        const session = await replayInto(saved, o);
        setLessonProgress(saved.lessons);
        setEditorState(saved.editor);
        return { session, saved, source: 'saved' };
      } catch (e) {
        const key = await o.store.setAside(text, reasonOf(e)).catch(() => '');
        notify('setAside', { reason: reasonOf(e), key });
      }
    }
  }
  // No save could be restored: the early session (its login cut short, which the driver finishes) will do.
  return { session: await (early ?? Session.fresh(o.seed, o.boot, o.host, o.onError)), saved: null, source: 'fresh' };
}
