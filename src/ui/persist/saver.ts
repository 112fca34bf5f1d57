/**
 * Keeps the saved session current: shortly after inputs (debounced), every few seconds while the machine runs
 * on by itself (so a reload finds the container's later log lines too), and at once when the page is hidden
 * or left (`visibilitychange`, `pagehide`: the last chance a closing tab gets).
 *
 * The journal is bounded: past SOFT_LIMIT entries the page says that reload gets slower; past HARD_LIMIT it
 * stops saving and offers Reset (the last good save stays).
 */
import type { Session } from '../session.js';
import { editorSlot, editorState } from './editorSlot.js';
import { lessonProgress, lessonSlot } from './lessonSlot.js';
import { notify } from './notices.js';
import { SAVE_FORMAT, type SavedSession, type TerminalLayout, type UiPrefs } from './saved.js';
import type { SessionStore } from './store.js';
import { JOURNAL_FORMAT } from '../../machine/journal.js';

export const SOFT_LIMIT = 20_000;
export const HARD_LIMIT = 200_000;

export interface SaverOptions {
  readonly layout: () => TerminalLayout;
  readonly prefs: () => UiPrefs;
  readonly debounceMs?: number;
  readonly periodMs?: number;
  /** Real time (ms since the epoch) for `savedAt`. */
  readonly wallClock?: () => number;
}

export function snapshot(session: Session, layout: TerminalLayout, prefs: UiPrefs, savedAt: number): SavedSession {
  return {
    format: SAVE_FORMAT,
    journalFormat: JOURNAL_FORMAT,
    seed: session.seed,
    journal: session.journal,
    head: session.head,
    layout,
    prefs,
    lessons: lessonProgress(),
    editor: editorState(),
    savedAt,
  };
}

export class Saver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly interval: ReturnType<typeof setInterval>;
  private lastKey = '';
  private stopped = false;
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly session: Session,
    private readonly store: SessionStore,
    private readonly opts: SaverOptions,
  ) {
    const debounce = opts.debounceMs ?? 1000;
    const sub = session.onChange(() => this.soon(debounce));
    this.offs.push(() => sub.dispose());
    this.offs.push(lessonSlot.subscribe(() => this.soon(debounce)));
    this.offs.push(editorSlot.subscribe(() => this.soon(debounce)));
    this.interval = setInterval(() => void this.save(), opts.periodMs ?? 5000);
    if (typeof window !== 'undefined') {
      const now = (): void => {
        this.saveSync();
        void this.save();
      };
      const hidden = (): void => {
        if (document.visibilityState === 'hidden') now();
      };
      window.addEventListener('pagehide', now);
      document.addEventListener('visibilitychange', hidden);
      this.offs.push(() => window.removeEventListener('pagehide', now));
      this.offs.push(() => document.removeEventListener('visibilitychange', hidden));
    }
  }

  /** Saves now if anything changed. */
  async save(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const n = this.session.journal.length;
    if (n > HARD_LIMIT) {
      notify('journalFull', { count: n });
      return;
    }
    if (n > SOFT_LIMIT) notify('journalLarge', { count: n });
    const saved = snapshot(this.session, this.opts.layout(), this.opts.prefs(), (this.opts.wallClock ?? Date.now)());
    // The journal only grows, so its length stands for it: no need to serialise it to see a change.
    const key = JSON.stringify([n, saved.head, saved.layout, saved.prefs, saved.lessons, saved.editor]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    try {
      await this.store.save(JSON.stringify(saved));
    } catch (e) {
      this.lastKey = '';
      notify('saveFailed', { reason: String((e as Error)?.message ?? e) });
    }
  }

  /** The page is going away: a synchronous copy (see SessionStore.saveSync), then the usual save. */
  saveSync(): void {
    if (this.stopped || this.session.journal.length > HARD_LIMIT) return;
    const saved = snapshot(this.session, this.opts.layout(), this.opts.prefs(), (this.opts.wallClock ?? Date.now)());
    this.store.saveSync(JSON.stringify(saved));
  }

  /** Saves soon (layout changed, a preference set). */
  soon(ms = this.opts.debounceMs ?? 1000): void {
    if (this.stopped || this.timer !== undefined) return;
    this.timer = setTimeout(() => void this.save(), ms);
  }

  /** No more saving (Reset, import: the page is about to load another session). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.interval);
    for (const off of this.offs.splice(0)) off();
  }
}
