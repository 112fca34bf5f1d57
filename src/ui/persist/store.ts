/**
 * Where sessions are kept: IndexedDB through idb-keyval. The session is stored as JSON text, so what is read
 * back is exactly what was written and a damaged value can be set aside byte for byte.
 *
 * A page being left (`pagehide`) cannot count on an IndexedDB write finishing (Chromium drops it on reload),
 * so the last save also goes to localStorage, which is synchronous; `load` takes whichever copy is newer.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';

export const SESSION_KEY = 'session';
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
}

/** When a saved text was written; a text that does not say is tried first, so damage is reported, not skipped. */
function savedAt(text: string): number {
  const m = /"savedAt":\s*(\d+)\s*\}\s*$/.exec(text);
  return m ? Number(m[1]) : Infinity;
}

export function idbSessionStore(db = 'dockersim', storeName = 'sessions', local: Storage | null = globalThis.localStorage ?? null): SessionStore {
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
      const v = await get<unknown>(SESSION_KEY, s());
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
  };
}
