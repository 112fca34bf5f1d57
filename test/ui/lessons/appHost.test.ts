/**
 * The app's lesson host in Node: a real machine in a page Session whose driver ticks only when the test says
 * so. A lesson's setup is typed through the session's journal on a fresh machine, and a reload (a replay of
 * that journal) rebuilds the same machine.
 */
import { describe, expect, it } from 'vitest';
import type { DriverHost } from '../../../src/machine/driver.js';
import { positionOf } from '../../../src/machine/journal.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { appLessonHost, SessionTerminals } from '../../../src/ui/lessons/appHost.js';
import type { SavedLessons } from '../../../src/ui/lessons/controller.js';
import { Session } from '../../../src/ui/session.js';

const boot = (seed: number): Machine => Machine.boot({ seed, drain: nodeDrain });
const fail = (e: unknown): never => {
  throw e;
};

/** Driver ticks queued by `later`, run by the test. */
class ManualHost implements DriverHost {
  private queue: (() => void)[] = [];
  now = (): number => 0;
  later = (fn: () => void): void => void this.queue.push(fn);
  /** Runs queued ticks until `done` settles (each tick is awaited through the microtask queue). */
  async until<T>(done: Promise<T>): Promise<T> {
    let settled = false;
    const result = done.finally(() => (settled = true));
    for (let i = 0; i < 10_000 && !settled; i++) {
      const fn = this.queue.shift();
      fn?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    return result;
  }
}

const SETUP = [
  'sudo docker pull ubuntu',
  'sudo docker run --name daemon_dave -d ubuntu /bin/sh -c "while true; do echo hello world; sleep 1; done"',
];

async function page(host: ManualHost) {
  let current = await Session.fresh(7, boot, host, fail);
  current.start();
  const replaced: Session[] = [];
  const saves: SavedLessons[] = [];
  /** What terminal 1 of each replacement showed since it was booted. */
  const screens: string[][] = [];
  const lessonHost = appLessonHost({
    current: () => current,
    replace: async () => {
      current.stop();
      current = await Session.fresh(7, boot, host, fail);
      screens.push(screenOf(current));
      current.start();
      replaced.push(current);
      return current;
    },
    save: (s) => void saves.push(s),
  });
  return { lessonHost, replaced, screens, current: () => current };
}

const screenOf = (s: Session): string[] => {
  const out: string[] = [];
  s.terminals[0].terminal.tty.onOutput((d) => void out.push(d));
  return out;
};

describe('the app lesson host', () => {
  it('numbers lesson terminals by the session tabs open, 1 first', async () => {
    const s = await Session.fresh(7, boot, new ManualHost(), fail);
    const terms = new SessionTerminals(s);
    expect(terms.get(1)).toBe(s.terminals[0].terminal);
    expect(terms.get(2)).toBeUndefined();
    expect(() => terms.open(2)).toThrow('terminal 2 is not open: open it with the + tab first');
    expect(terms.idOf(s.terminals[0].terminal)).toBe(0);
  });

  it('types a setup through the journal on a fresh machine, and a replay of the journal rebuilds it', async () => {
    const host = new ManualHost();
    const p = await page(host);
    const first = p.current();
    const ran = await host.until(p.lessonHost.setup!(SETUP, p.lessonHost.session()));
    const session = p.current();
    expect(p.replaced).toHaveLength(1);
    expect(session).not.toBe(first);
    expect(ran?.machine).toBe(session.machine);
    expect(session.machine.daemonStore.getContainer('daemon_dave').State.Running).toBe(true);
    const typed = session.journal.filter((e) => e.kind === 'keys').map((e) => (e.kind === 'keys' ? e.data : ''));
    expect(typed).toEqual(SETUP.map((l) => `${l}\r`));

    const restored = await Session.restore(7, session.journal, session.head, boot, new ManualHost(), fail);
    expect(positionOf(restored.machine.kernel)).toEqual(session.head);
    expect(restored.machine.daemonStore.getContainer('daemon_dave').State.Running).toBe(true);
    // The screen after a reload is what the learner saw, setup included.
    const live = p.screens[0].join('');
    expect(live).toMatch(/\r\nStatus: Downloaded newer image for ubuntu:latest\r\ndocker\.io\/library\/ubuntu:latest\r\n/);
    const replayed = restored.takeHistory(0).filter((x) => typeof x === 'string').join('');
    expect(replayed.endsWith(live)).toBe(true);
  });

  it('runs a reset lesson setup on the machine fresh() booted, not another one', async () => {
    const host = new ManualHost();
    const p = await page(host);
    const fresh = await p.lessonHost.fresh();
    const ran = await host.until(p.lessonHost.setup!(SETUP.slice(0, 1), fresh));
    expect(p.replaced).toHaveLength(1);
    expect(ran?.machine).toBe(fresh.machine);
    const images = p.current().machine.daemonStore.images;
    expect(images.all().map((i) => images.repoTags(i.id))).toEqual([['ubuntu:latest']]);
  });

  it('boots again for a later lesson after a reset of a lesson without setup', async () => {
    const host = new ManualHost();
    const p = await page(host);
    const fresh = await p.lessonHost.fresh();
    expect(await p.lessonHost.setup!([], fresh)).toBeUndefined();
    const ran = await host.until(p.lessonHost.setup!(SETUP.slice(0, 1), p.lessonHost.session()));
    expect(p.replaced).toHaveLength(2);
    expect(ran?.machine).toBe(p.current().machine);
    expect(ran?.machine).not.toBe(fresh.machine);
  });

  it('leaves a lesson without setup on the machine as it is', async () => {
    const host = new ManualHost();
    const p = await page(host);
    expect(await p.lessonHost.setup!([], p.lessonHost.session())).toBeUndefined();
    expect(p.replaced).toHaveLength(0);
  });
});
