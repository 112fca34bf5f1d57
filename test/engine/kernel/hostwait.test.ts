/**
 * Sys.hostLoad: code that arrives from the host (a chunk the page loads on demand) must not show when it
 * arrived. A run where the load takes many host turns is the same, event for event and in virtual time, as a
 * run where it was already there.
 */
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { lazyProgram } from '../../../src/engine/kernel/lazy.js';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import { binaryContent } from '../../../src/engine/kernel/binfmt.js';
import { FakeMounts } from './fake-fs.js';

const hostTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A loader whose promise settles after `turns` host turns (0: already settled when asked). */
function loader<T>(value: () => T, turns: number, calls: { n: number }): () => Promise<T> {
  return async () => {
    calls.n++;
    for (let i = 0; i < turns; i++) await hostTurn();
    return value();
  };
}

function boot(init: Program, programs: Record<string, Program>): Kernel {
  const fs = new FakeMounts();
  const k = new Kernel({
    seed: 1,
    bootEpochMs: Date.UTC(2026, 10, 28, 9, 0, 0),
    hostname: 'test',
    rootMnt: fs,
    programs: new Map(Object.entries(programs)),
    drain: hostTurn,
  });
  for (const name of Object.keys(programs)) fs.addFile(`/bin/${name}`, binaryContent(name));
  k.startInit(init, ['/sbin/init']);
  return k;
}

const at = (sys: Sys): string => sys.uptime().toFixed(6);

/**
 * Init starts a ticker (sleeps and prints), a busy loop, and twice a lazily loaded program; everything they
 * do goes to one log with its virtual time and PID.
 */
async function scenario(turns: number): Promise<{ log: string[]; now: number; slices: number; loads: number }> {
  const log: string[] = [];
  const calls = { n: 0 };
  const lazy: Program = async (sys) => {
    log.push(`${at(sys)} lazy ${sys.pid} runs ${sys.argv.slice(1).join(' ')}`);
    await sys.sleep(3);
    log.push(`${at(sys)} lazy ${sys.pid} done`);
    return 4;
  };
  const programs: Record<string, Program> = {
    ticker: async (sys) => {
      for (let i = 0; i < 6; i++) {
        log.push(`${at(sys)} tick ${i}`);
        await sys.sleep(1);
      }
      return 0;
    },
    busy: async (sys) => {
      for (let i = 0; i < 50; i++) {
        sys.cpu(3);
        if (i % 10 === 0) log.push(`${at(sys)} busy ${i}`);
        await sys.yield();
      }
      return 0;
    },
    lazy: lazyProgram('chunk', loader(() => ({ lazy }), turns, calls), (m) => m.lazy),
  };
  const k = boot(async (sys) => {
    const pids = [
      sys.spawn({ path: '/bin/ticker', argv: ['ticker'] }),
      sys.spawn({ path: '/bin/lazy', argv: ['lazy', 'first'] }),
      sys.spawn({ path: '/bin/busy', argv: ['busy'] }),
    ];
    await sys.sleep(2.5);
    pids.push(sys.spawn({ path: '/bin/lazy', argv: ['lazy', 'second'] }));
    for (const pid of pids) {
      const st = await sys.wait(pid);
      log.push(`${at(sys)} init reaped ${pid}: ${st?.status}`);
    }
    return 0;
  }, programs);
  expect(await k.run()).toBe('idle');
  expect(k.faults).toEqual([]);
  return { log, now: k.now(), slices: k.sched.slices, loads: calls.n };
}

describe('Sys.hostLoad', () => {
  it('a slow load gives the same run as one that is there at once', async () => {
    const instant = await scenario(0);
    expect(instant.log.filter((l) => l.includes('reaped'))).toHaveLength(4);
    for (const turns of [1, 7, 40]) {
      const slow = await scenario(turns);
      expect(slow.log).toEqual(instant.log);
      expect(slow.now).toBe(instant.now);
      expect(slow.slices).toBe(instant.slices);
    }
  });

  it('loads once per machine: the second program of the chunk neither waits nor loads again', async () => {
    const run = await scenario(5);
    expect(run.loads).toBe(1);
    expect(run.log.filter((l) => l.includes(' lazy '))).toEqual([
      expect.stringMatching(/^0\.\d+ lazy 3 runs first$/),
      expect.stringMatching(/^2\.5\d+ lazy 5 runs second$/),
      expect.stringMatching(/^3\.\d+ lazy 3 done$/),
      expect.stringMatching(/^5\.5\d+ lazy 5 done$/),
    ]);
  });

  it('the machine stands still while the host delivers: no task runs and no timer fires', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const k = boot(async (sys) => {
      sys.spawn({ path: '/bin/waiter', argv: ['waiter'] });
      for (let i = 0; i < 3; i++) {
        events.push(`init ${at(sys)}`);
        await sys.sleep(1);
      }
      return 0;
    }, {
      waiter: async (sys) => {
        const v = await sys.hostLoad('gate', () => gate.then(() => 'ok'));
        events.push(`waiter got ${v} at ${at(sys)}`);
        return 0;
      },
    });
    const running = k.run();
    for (let i = 0; i < 20; i++) await hostTurn();
    // init ran its first slice before the waiter asked; after that nothing moves until the gate opens.
    expect(events).toEqual([`init ${events[0].split(' ')[1]}`]);
    const frozenAt = k.now();
    expect(frozenAt).toBeLessThan(1);
    release();
    expect(await running).toBe('idle');
    expect(events.slice(1)).toEqual([
      `waiter got ok at ${events[1].split(' at ')[1]}`,
      expect.stringMatching(/^init 1\.\d+$/),
      expect.stringMatching(/^init 2\.\d+$/),
    ]);
  });

  it('a failed load fails the program that asked, the same way every time', async () => {
    const out: string[] = [];
    const k = boot(async (sys) => {
      for (let i = 0; i < 2; i++) {
        try {
          await sys.hostLoad('broken', () => Promise.reject(new Error('chunk missing')));
        } catch (e) {
          out.push(`${(e as Error).message} at ${at(sys)}`);
        }
      }
      return 0;
    }, {});
    expect(await k.run()).toBe('idle');
    expect(out).toHaveLength(2);
    expect(out.every((l) => l.startsWith('chunk missing at '))).toBe(true);
  });
});
