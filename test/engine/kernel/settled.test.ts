/**
 * `run({ settled })`: a run that starts with no promise callback of the machine in flight may call the machine
 * idle without a host turn, but only until it has done something itself.
 */
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { FakeMounts } from './fake-fs.js';

function boot(init: Program): { k: Kernel; turns: { n: number } } {
  const turns = { n: 0 };
  const k = new Kernel({
    seed: 1,
    bootEpochMs: Date.UTC(2026, 10, 28, 1, 0, 0),
    hostname: 'test',
    rootMnt: new FakeMounts(),
    programs: new Map(),
    drain: () => {
      turns.n++;
      return new Promise((resolve) => setImmediate(resolve));
    },
  });
  k.startInit(init, ['/sbin/init']);
  return { k, turns };
}

/** Init waits for a signal that never comes: the machine is idle with no timer. */
const waiting: Program = (sys) => new Promise<number>(() => void sys);

describe('kernel.run settled', () => {
  it('calls a settled machine idle without a host turn', async () => {
    const { k, turns } = boot(waiting);
    await k.run({ until: 100 });
    const before = turns.n;
    expect(await k.run({ until: k.now(), settled: true })).toBe('until');
    expect(turns.n).toBe(before);
    // Not said to be settled: it takes the host turn.
    expect(await k.run({ until: k.now() })).toBe('until');
    expect(turns.n).toBe(before + 1);
  });

  it('still waits for the promise callbacks of a timer it fired', async () => {
    const { k, turns } = boot(waiting);
    await k.run({ until: 100 });
    const seen: string[] = [];
    // A callback whose effect arrives many promise turns later (longer than the kernel's own microtask wait).
    k.clock.setTimer(k.now(), () => {
      void (async () => {
        for (let i = 0; i < 500; i++) await null;
        seen.push(`arrived at ${k.now()}`);
      })();
    });
    const before = turns.n;
    expect(await k.run({ until: k.now(), settled: true })).toBe('until');
    expect(seen).toEqual(['arrived at 100']);
    expect(turns.n).toBe(before + 1);
  });
});
