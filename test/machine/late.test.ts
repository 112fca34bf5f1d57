/**
 * The code no boot runs (machine/late.ts) comes after the first prompt: a page's machine boots to that prompt
 * without it, stands still at its first idle moment until it is there, and keys typed meanwhile wait in the
 * page, then go in, in order. The run is the one a machine with the code there from the start makes: the
 * session's journal replays to the same positions and screen. (Every unit test has the late code loaded,
 * test/lateCode.ts: that no boot uses it before its prompt is counted, `lateCodeUses`.)
 */
import { describe, expect, it } from 'vitest';
import { lateCodeUses } from '../../src/engine/kernel/late.js';
import type { DriverHost } from '../../src/machine/driver.js';
import { Machine } from '../../src/machine/host.js';
import { positionOf, replay, type Position } from '../../src/machine/journal.js';
import { nodeDrain } from '../../src/node/drain.js';
import { Session } from '../../src/ui/session.js';

const host: DriverHost = { now: () => 0, later: () => {} };
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};
// eslint-disable-next-line no-control-regex
const plain = (s: string): string => s.replace(/\x1b\][^\x07]*\x07|\x1b\[[0-9;?]*[a-zA-Z]|\r/g, '');

describe('the code a page loads after its first prompt', () => {
  it('is not needed before the prompt; the machine waits for it there, and keys typed meanwhile go in after, in order', async () => {
    const usesAtBoot = lateCodeUses();
    let release!: () => void;
    const arrived = new Promise<void>((r) => (release = r));
    let held: Position | undefined;
    let heldScreen = '';
    let screen = '';
    let reachedHold!: () => void;
    const holding = new Promise<void>((r) => (reachedHold = r));
    const boot = (seed: number): Machine => {
      const m: Machine = Machine.boot({
        seed,
        drain: nodeDrain,
        late: async () => {
          held = positionOf(m.kernel);
          heldScreen = screen;
          reachedHold();
          await arrived;
          await import('../../src/machine/late.js');
        },
      });
      return m;
    };
    const session = await Session.fresh(1, boot, host, (e) => {
      throw e;
    });
    const k = session.machine.kernel;
    session.terminals[0]!.terminal.tty.onOutput((d) => (screen += d));
    // What the driver does in a tick, by hand: deliver the queued inputs, run the machine a little.
    const step = async (): Promise<void> => {
      await session.recorder.flush();
      await k.run({ until: k.now() + 50 });
    };
    let ticking = (async () => {
      while (!held) await step();
    })();
    await holding;
    // The boot got to the prompt with the first chunk's code alone: it never reached into a slot.
    expect(plain(heldScreen).endsWith('user@dockersim:~$ ')).toBe(true);
    expect(lateCodeUses()).toBe(usesAtBoot);
    // Typed while the code is on its way: queued in the page, not in the journal, and the machine stands still.
    session.recorder.submit({ kind: 'keys', term: 0, data: 'printf "%s-" a b c; echo\r' });
    session.recorder.submit({ kind: 'keys', term: 0, data: 'sleep 30 &\rjobs\r' });
    session.recorder.submit({ kind: 'keys', term: 0, data: 'ech\tlate\r' });
    await turns(20);
    expect(positionOf(k)).toEqual(held);
    expect(session.journal.filter((e) => e.kind === 'keys')).toEqual([]);
    release();
    await ticking;
    const done = (): boolean => plain(screen).includes('\nlate\n') && plain(screen).endsWith('$ ');
    ticking = (async () => {
      for (let i = 0; i < 100 && !done(); i++) await step();
    })();
    await ticking;
    expect(lateCodeUses()).toBeGreaterThan(usesAtBoot);
    const keys = session.journal.filter((e) => e.kind === 'keys');
    expect(keys.map((e) => (e as { data: string }).data)).toEqual(['printf "%s-" a b c; echo\rsleep 30 &\rjobs\rech\tlate\r']);
    // No slice ran between the hold and the keys (only the clock, here run on to the tick's end, moved).
    expect(keys[0]!.step).toBe(held!.step);
    const lines = plain(screen).split('\n');
    expect(lines.slice(-8)).toEqual([
      'user@dockersim:~$ printf "%s-" a b c; echo',
      'a-b-c-',
      'user@dockersim:~$ sleep 30 &',
      expect.stringMatching(/^\[1\] \d+$/),
      'user@dockersim:~$ jobs',
      expect.stringMatching(/^\[1\]\+ {2}Running +sleep 30 &$/),
      'user@dockersim:~$ echo late',
      'late',
      'user@dockersim:~$ ',
    ].slice(-8));

    // The same journal into a machine that had the code from the start: the same positions and screen.
    const again = Machine.boot({ seed: 1, drain: nodeDrain });
    let replayed = '';
    await replay(again, session.journal, { head: positionOf(k), onOpened: (_id, t) => t.tty.onOutput((d) => (replayed += d)) });
    expect(positionOf(again.kernel)).toEqual(positionOf(k));
    expect(replayed).toBe(screen);
  });

  it.each([
    ['the app’s learner', { seed: 1, dockerGroup: false }],
    ['a docs page’s learner, in group docker', { seed: 7, dockerGroup: true }],
  ])('%s boots to the prompt without it', async (_who, opts) => {
    const before = lateCodeUses();
    let usesAtHold = -1;
    let screen = '';
    const m = Machine.boot({ ...opts, drain: nodeDrain, late: async () => void (usesAtHold = lateCodeUses()) });
    const t = m.openTerminal({ rows: 30, cols: 100 });
    t.tty.onOutput((d) => (screen += d));
    await m.run({ until: 5000 });
    expect(plain(screen).endsWith('user@dockersim:~$ ')).toBe(true);
    expect(usesAtHold).toBe(before);
  });

  it('goes on without it when it cannot be fetched (offline before the service worker had it), never standing still', async () => {
    let screen = '';
    let asked = 0;
    const m = Machine.boot({ seed: 1, drain: nodeDrain, late: async () => {
        asked++;
        throw new Error('Failed to fetch dynamically imported module');
      },
    });
    const t = m.openTerminal({ rows: 30, cols: 100 });
    t.tty.onOutput((d) => (screen += d));
    await m.run({ until: 5000 });
    t.tty.input('echo still here\r');
    await m.run({ until: 10000 });
    expect(asked).toBe(1);
    expect(plain(screen)).toContain('still here\nuser@dockersim:~$ ');
  });
});
