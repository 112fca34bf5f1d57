/**
 * Where sessions are kept: IndexedDB through idb-keyval. The session is stored as JSON text, so what is read
 * back is exactly what was written and a damaged value can be set aside byte for byte.
 *
 * A page being left (`pagehide`) cannot count on an IndexedDB write finishing (Chromium drops it on reload),
 * so the last save also goes to localStorage, which is synchronous; `load` takes whichever copy is newer.
 *
 * The app's page (index.html) starts reading its store's session before any module has run (opening the
 * database is slow, and the first prompt waits for the answer); the first `load` takes that read.
 */
import { createStore, del, get, keys, set, setMany, type UseStore } from 'idb-keyval';

export const SESSION_KEY = 'session';
/** The machine not shown: the learner's own while a lesson runs on its own machine, or that lesson's machine. */
export const KEPT_KEY = 'kept';
/** Prefix of sessions that could not be restored, kept for a human (or a later version) to look at. */
export const SET_ASIDE_PREFIX = 'set-aside:';

export interface SessionStore {
  /** The saved copies, newest first (none, one, or the IndexedDB one and a leaving page's copy). */
  load(): Promise<string[]>;
  save(text: string): Promise<void>;
  /** Synchronous best effort for a page that is going away (false if it did not fit). */
  saveSync(text: string): boolean;
  clear(): Promise<void>;
  /** Keeps `text` under another key and removes it from the slot that held it; returns that key. */
  setAside(text: string, why: string): Promise<string>;
  setAsideKeys(): Promise<string[]>;
  /** The kept machine (a saved session's text), if any. */
  kept(): Promise<string | undefined>;
  keep(text: string): Promise<void>;
  /** Switches machines: `next` (the kept one, as it is to be shown) is loaded from now on, `shown` is kept. */
  swap(next: string, shown: string): Promise<void>;
}

/** When a saved text was written; a text that does not say is tried first, so damage is reported, not skipped. */
function savedAt(text: string): number {
  const m = /"savedAt":\s*(\d+)\s*\}\s*$/.exec(text);
  return m ? Number(m[1]) : Infinity;
}

const PAGE_DB = 'dockersim';
const PAGE_STORE = 'sessions';

/**
 * The value index.html read from the page's own database before any module ran, if it did; taken once; the
 * next load reads again. A failed early read is no answer: the store asks IndexedDB itself.
 */
function takeEarlyRead(db: string, storeName: string): Promise<unknown> | undefined {
  if (db !== PAGE_DB || storeName !== PAGE_STORE) return undefined;
  const g = globalThis as { dockersimSaved?: Promise<unknown> };
  const p = g.dockersimSaved;
  g.dockersimSaved = undefined;
  return p;
}

export function idbSessionStore(db = PAGE_DB, storeName = PAGE_STORE, local: Storage | null = globalThis.localStorage ?? null): SessionStore {
  let store: UseStore | undefined;
  const s = (): UseStore => (store ??= createStore(db, storeName));
  const localKey = `${db}:${SESSION_KEY}`;
  const dropLocal = (): void => {
    try {
      local?.removeItem(localKey);
    } catch {
      // Storage disabled: nothing was kept there either.
    }
  };
  return {
    async load() {
      const early = takeEarlyRead(db, storeName);
      const v = early ? await early.catch(() => get<unknown>(SESSION_KEY, s())) : await get<unknown>(SESSION_KEY, s());
      // Anything but text was not written by this code: hand it on as text so it is reported and set aside.
      const idb = v === undefined ? undefined : typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
      let ls: string | null = null;
      try {
        ls = local?.getItem(localKey) ?? null;
      } catch {
        ls = null;
      }
      const all = [idb, ls ?? undefined].filter((t): t is string => t !== undefined);
      return all.sort((a, b) => savedAt(b) - savedAt(a));
    },
    async save(text) {
      await set(SESSION_KEY, text, s());
      // IndexedDB has it now; a stale synchronous copy must not win over a later save.
      dropLocal();
    },
    saveSync(text) {
      try {
        local?.setItem(localKey, text);
        return local !== null;
      } catch {
        return false;
      }
    },
    async clear() {
      dropLocal();
      await del(SESSION_KEY, s());
    },
    async setAside(text, why) {
      const key = `${SET_ASIDE_PREFIX}${new Date().toISOString()}`;
      await set(key, { why, text }, s());
      let ls: string | null = null;
      try {
        ls = local?.getItem(localKey) ?? null;
      } catch {
        ls = null;
      }
      if (ls === text) dropLocal();
      const idb = await get<unknown>(SESSION_KEY, s());
      if (idb === text || typeof idb !== 'string') await del(SESSION_KEY, s());
      return key;
    },
    async setAsideKeys() {
      return (await keys(s())).map(String).filter((k) => k.startsWith(SET_ASIDE_PREFIX));
    },
    async kept() {
      const v = await get<unknown>(KEPT_KEY, s());
      return typeof v === 'string' ? v : undefined;
    },
    async keep(text) {
      await set(KEPT_KEY, text, s());
    },
    async swap(next, shown) {
      // One transaction: a tab closed halfway never leaves the two slots holding the same machine.
      await setMany([[SESSION_KEY, next], [KEPT_KEY, shown]], s());
      dropLocal();
    },
  };
}
