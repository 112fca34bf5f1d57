/**
 * Starting the page's session in Node: fake IndexedDB, a real machine, a driver that never ticks (the tests
 * move the kernel themselves).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DriverHost } from '../../../src/machine/driver.js';
import { positionOf } from '../../../src/machine/journal.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { noticeStore } from '../../../src/ui/persist/notices.js';
import { startSession, type StartOptions } from '../../../src/ui/persist/restore.js';
import { SAVE_FORMAT } from '../../../src/ui/persist/saved.js';
import { snapshot } from '../../../src/ui/persist/saver.js';
import { encodeShared } from '../../../src/ui/persist/shareLink.js';
import { idbSessionStore, type SessionStore } from '../../../src/ui/persist/store.js';
import { Session } from '../../../src/ui/session.js';

const host: DriverHost = { now: () => 0, later: () => {} };
const boot = (seed: number): Machine => Machine.boot({ seed, drain: nodeDrain });
let dbn = 0;
let store: SessionStore;

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
}
let local: MemoryStorage;

beforeEach(() => {
  local = new MemoryStorage();
  store = idbSessionStore(`test-${dbn++}`, 'sessions', local as unknown as Storage);
  noticeStore.setState({ notices: [] });
});

function opts(extra: Partial<StartOptions> = {}): StartOptions {
  return { seed: 5, shared: null, boot, host, store, onError: (e) => { throw e; }, ...extra };
}

/** A live session: `ls`-like typing, some virtual time, saved as the page would. */
async function recordedText(seed = 5): Promise<{ text: string; session: Session }> {
  const session = await Session.fresh(seed, boot, host, (e) => { throw e; });
  const k = session.machine.kernel;
  await k.run({ until: 300 });
  session.recorder.submit({ kind: 'keys', term: 0, data: 'echo $RANDOM; touch /tmp/here\r' });
  await session.recorder.flush();
  await k.run({ until: 900 });
  const saved = { ...snapshot(session, { active: 0, split: false }, { speed: 10 }, 1234), head: positionOf(k) };
  return { text: JSON.stringify(saved), session };
}

/** What terminal 0 has shown so far (its output waits in the pts until an emulator connects; read once). */
function screenOf(session: Session): string {
  let out = '';
  session.terminals[0].master.onOutput((d) => (out += d)).dispose();
  return out;
}

function notices(): string[] {
  return noticeStore.getState().notices.map((n) => `${n.kind} ${String(n.vars.reason ?? '')}`);
}

describe('starting a session', () => {
  it('boots a fresh machine with one terminal when nothing is saved', async () => {
    const s = await startSession(opts());
    expect(s.source).toBe('fresh');
    expect(s.session.terminals.map((t) => t.id)).toEqual([0]);
    expect(s.session.journal).toEqual([{ step: 0, at: 0, kind: 'open', term: 0, rows: 24, cols: 80 }]);
  });

  it('restores a saved session to the same position, files and screen', async () => {
    const { text, session: live } = await recordedText();
    await store.save(text);
    const s = await startSession(opts());
    expect(s.source).toBe('saved');
    expect(s.saved?.prefs).toEqual({ speed: 10 });
    const k = s.session.machine.kernel;
    expect(positionOf(k)).toEqual(positionOf(live.machine.kernel));
    expect(k.hostPidNs.init!.fsView.exists('/tmp/here')).toBe(true);
    // The screen comes back as a history for the new emulator: the open size, then everything shown.
    const history = s.session.takeHistory(0);
    expect(history[0]).toEqual({ rows: 24, cols: 80 });
    const shown = history.filter((h): h is string => typeof h === 'string').join('');
    expect(shown).toMatch(/echo \$RANDOM; touch \/tmp\/here\r\n\d+\r\n/);
    expect(notices()).toEqual([]);
  });

  it('takes the synchronous copy a leaving page wrote when it is newer', async () => {
    const { text } = await recordedText();
    await store.save(text.replace('"savedAt":1234', '"savedAt":1000'));
    expect(store.saveSync(text.replace('"seed":5', '"seed":6'))).toBe(true);
    const both = await store.load();
    expect(both).toHaveLength(2);
    expect(both[0]).toContain('"seed":6');
    await store.save(text);
    expect(await store.load()).toEqual([text]);
  });

  it('restores the older copy when the newer one is damaged (and sets the damaged one aside)', async () => {
    const { text } = await recordedText();
    await store.save(text.replace('"savedAt":1234', '"savedAt":1000'));
    store.saveSync('{"damaged');
    const s = await startSession(opts());
    expect(s.source).toBe('saved');
    expect(notices()).toEqual([expect.stringMatching(/^setAside json: /)]);
    expect(await store.setAsideKeys()).toHaveLength(1);
    expect(await store.load()).toHaveLength(1);
  });

  it('sets a corrupt save aside, says why, and starts fresh', async () => {
    await store.save('{"format": 1, "journal": [');
    const s = await startSession(opts());
    expect(s.source).toBe('fresh');
    expect(notices()).toEqual([expect.stringMatching(/^setAside json: /)]);
    expect(await store.load()).toEqual([]);
    expect(await store.setAsideKeys()).toHaveLength(1);
  });

  it('sets aside a save of another version', async () => {
    const { text } = await recordedText();
    await store.save(text.replace(`"format":${SAVE_FORMAT}`, '"format":0'));
    const s = await startSession(opts());
    expect(s.source).toBe('fresh');
    expect(notices()).toEqual([`setAside version: format 0/1, expected ${SAVE_FORMAT}/1`]);
  });

  it('sets aside a journal that does not replay to its recorded positions', async () => {
    const { text } = await recordedText();
    const v = JSON.parse(text) as { journal: { step: number }[] };
    v.journal[1].step += 50_000;
    await store.save(JSON.stringify(v));
    const s = await startSession(opts());
    expect(s.source).toBe('fresh');
    expect(notices()).toEqual([expect.stringMatching(/^setAside ReplayDivergence: replay diverged at entry 1: expected step \d+/)]);
  });

  it('runs the fresh login to its prompt while the store is read, as the driver would have run it', async () => {
    const s = await startSession(opts({ loading: store.load() }));
    expect(s.source).toBe('fresh');
    expect(s.session.journal).toEqual([{ step: 0, at: 0, kind: 'open', term: 0, rows: 24, cols: 80 }]);
    const early = s.session.terminals[0];
    expect(early.terminal.tty.waitingForInput).toBe(true);
    // The same machine run by hand from its opening gives the same screen, at the same position.
    const ref = await Session.fresh(5, boot, host, (e) => { throw e; });
    const tty = ref.terminals[0].terminal.tty;
    await ref.machine.kernel.run({ until: 20, stop: () => tty.waitingForInput });
    const shown = screenOf(s.session);
    expect(shown).toBe(screenOf(ref));
    expect(shown).toMatch(/user@dockersim\x1b\[00m:\x1b\[01;34m~\x1b\[00m\$ $/);
    expect(positionOf(s.session.machine.kernel)).toEqual(positionOf(ref.machine.kernel));
  });

  it('restores a save found while the fresh login was running (that machine is dropped)', async () => {
    const { text, session: live } = await recordedText();
    await store.save(text);
    let booted = 0;
    const s = await startSession(opts({ loading: store.load(), boot: (seed) => (booted++, boot(seed)) }));
    expect(s.source).toBe('saved');
    expect(booted).toBe(2);
    expect(positionOf(s.session.machine.kernel)).toEqual(positionOf(live.machine.kernel));
  });

  it('starts the early fresh session when the store cannot be read', async () => {
    const s = await startSession(opts({ loading: Promise.reject(new Error('no IndexedDB')) }));
    expect(s.source).toBe('fresh');
    expect(s.session.terminals[0].terminal.tty.waitingForInput).toBe(true);
    expect(notices()).toEqual(['saveFailed Error: no IndexedDB']);
  });

  it('replays a share link, and reports one it cannot read', async () => {
    const { session: live } = await recordedText(8);
    const param = await encodeShared({ seed: 8, journal: live.journal, head: positionOf(live.machine.kernel) });
    const s = await startSession(opts({ shared: param }));
    expect(s.source).toBe('link');
    expect(positionOf(s.session.machine.kernel)).toEqual(positionOf(live.machine.kernel));

    const bad = await startSession(opts({ shared: 'garbage' }));
    expect(bad.source).toBe('fresh');
    expect(notices()).toEqual([expect.stringMatching(/^linkBad json: /)]);
  });
});
