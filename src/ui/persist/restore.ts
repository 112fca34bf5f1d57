/**
 * Starting the page's session: from a share link (`?session=`), else from the saved session, else fresh.
 * A restore replays the journal flat out (no real-time pacing), handing the page a turn every ~30 ms to paint
 * its progress. Anything that goes wrong (bad JSON, another version, a replay that throws or diverges) is
 * reported with a notice, the saved text is set aside under another key, and a fresh session starts.
 */
import { JOURNAL_FORMAT } from '../../machine/journal.js';
import type { DriverHost } from '../../machine/driver.js';
import { Session, type Boot } from '../session.js';
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

async function fromLink(param: string): Promise<SavedSession> {
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
    lessons: null,
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

export async function startSession(o: StartOptions): Promise<Started> {
  if (o.shared !== null) {
    try {
      const saved = await fromLink(o.shared);
      return { session: await replayInto(saved, o), saved, source: 'link' };
    } catch (e) {
      // A link is not ours to keep, but it is kept like a broken save so nothing the learner had is lost.
      const key = await o.store.setAside(o.shared, reasonOf(e)).catch(() => '');
      notify('linkBad', { reason: reasonOf(e), key });
    }
  } else {
    let texts: string[] = [];
    try {
      texts = await (o.loading ?? o.store.load());
    } catch (e) {
      notify('saveFailed', { reason: reasonOf(e) });
    }
    // Newest first; a copy that cannot be restored is set aside and the next (older) one tried.
    for (const text of texts) {
      try {
        const saved = parseSaved(text);
        const session = await replayInto(saved, o);
        setLessonProgress(saved.lessons);
        return { session, saved, source: 'saved' };
      } catch (e) {
        const key = await o.store.setAside(text, reasonOf(e)).catch(() => '');
        notify('setAside', { reason: reasonOf(e), key });
      }
    }
  }
  return { session: await Session.fresh(o.seed, o.boot, o.host, o.onError), saved: null, source: 'fresh' };
}
