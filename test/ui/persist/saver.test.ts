import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DriverHost } from '../../../src/machine/driver.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { noticeStore } from '../../../src/ui/persist/notices.js';
import { parseSaved } from '../../../src/ui/persist/saved.js';
import { HARD_LIMIT, Saver, SOFT_LIMIT } from '../../../src/ui/persist/saver.js';
import { setEditorState } from '../../../src/ui/persist/editorSlot.js';
import type { SessionStore } from '../../../src/ui/persist/store.js';
import { Session } from '../../../src/ui/session.js';

const host: DriverHost = { now: () => 0, later: () => {} };

class FakeStore implements SessionStore {
  readonly saves: string[] = [];
  load = async (): Promise<string[]> => this.saves.slice(-1);
  save = async (text: string): Promise<void> => void this.saves.push(text);
  saveSync = (text: string): boolean => (this.saves.push(text), true);
  clear = async (): Promise<void> => {};
  setAside = async (): Promise<string> => 'k';
  setAsideKeys = async (): Promise<string[]> => [];
  kept = async (): Promise<string | undefined> => undefined;
  keep = async (): Promise<void> => {};
  swap = async (): Promise<void> => {};
}

let session: Session;
let store: FakeStore;
let saver: Saver;

beforeEach(async () => {
  session = await Session.fresh(2, (seed) => Machine.boot({ seed, drain: nodeDrain }), host, (e) => { throw e; });
  store = new FakeStore();
  noticeStore.setState({ notices: [] });
  vi.useFakeTimers();
  saver = new Saver(session, store, { layout: () => ({ active: 0, split: false }), prefs: () => ({ speed: 1 }), wallClock: () => 42 });
});

afterEach(() => {
  saver.stop();
  vi.useRealTimers();
});

describe('Saver', () => {
  it('saves a second after inputs, once for a burst, and only when something changed', async () => {
    session.openTerminal();
    session.closeTerminal(0);
    await vi.advanceTimersByTimeAsync(999);
    expect(store.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.saves).toHaveLength(1);
    const s = parseSaved(store.saves[0]);
    expect([s.seed, s.savedAt, s.journal.length]).toEqual([2, 42, 1]);
    await saver.save();
    expect(store.saves).toHaveLength(1);
  });

  it('saves the editor pane’s slot with the session, a second after it changes', async () => {
    const pane = { shown: true, place: 'beside', file: { target: { kind: 'host' }, path: '/home/user/Dockerfile' } };
    setEditorState(pane);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.saves).toHaveLength(1);
    expect(parseSaved(store.saves[0]).editor).toEqual(pane);
    setEditorState(null);
  });

  it('warns past the soft limit and stops saving past the hard one', async () => {
    const journal = session.journal as unknown[];
    const entry = journal[0];
    for (let i = 0; i < SOFT_LIMIT; i++) journal.push(entry);
    await saver.save();
    expect(store.saves).toHaveLength(1);
    expect(noticeStore.getState().notices.map((n) => n.kind)).toEqual(['journalLarge']);
    for (let i = SOFT_LIMIT; i < HARD_LIMIT; i++) journal.push(entry);
    await saver.save();
    expect(store.saves).toHaveLength(1);
    expect(noticeStore.getState().notices.map((n) => n.kind)).toEqual(['journalLarge', 'journalFull']);
  });

  it('saves nothing after stop (reset and import reload into another session)', async () => {
    saver.stop();
    session.openTerminal();
    await vi.advanceTimersByTimeAsync(10_000);
    await saver.save();
    expect(store.saves).toHaveLength(0);
  });
});
