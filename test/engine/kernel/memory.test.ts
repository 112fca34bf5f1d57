import { describe, expect, it } from 'vitest';
import { Cgroup } from '../../../src/engine/kernel/cgroup.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { memoryCurrent, residentBytes } from '../../../src/engine/kernel/memory.js';
import type { Program, Sys, WaitStatus } from '../../../src/engine/kernel/sys.js';
import { FakeMounts } from './fake-fs.js';

const MiB = 1024 * 1024;

function boot(init: (k: Kernel) => Program): Kernel {
  const k = new Kernel({ seed: 1, bootEpochMs: Date.UTC(2026, 10, 28, 1, 0, 0), hostname: 'test', rootMnt: new FakeMounts(), programs: new Map() });
  k.startInit(init(k), ['/sbin/init']);
  return k;
}

/** A program that holds `steps` MiB, one MiB at a time, then sleeps: what `tail /dev/zero` does to a cgroup. */
function grow(steps: number, log: string[]): Program {
  return async (s: Sys) => {
    for (let i = 1; i <= steps; i++) {
      s.hold(i * MiB);
      await s.sleep(10);
    }
    log.push(`${s.argv[0]} holds ${steps} MiB`);
    await s.sleep(60_000);
    return 0;
  };
}

describe('memory cgroup and the OOM killer', () => {
  it('kills the task that pushes its group over memory.max with SIGKILL, counts it and frees its memory', async () => {
    const log: string[] = [];
    let status: WaitStatus | null = null;
    let group!: Cgroup;
    const kills: number[] = [];
    const k = boot((k0) => async (sys) => {
      group = new Cgroup('/hog', k0.rootCgroup, Infinity, 16 * MiB);
      group.onOomKill = () => kills.push(k0.clock.now());
      const pid = sys.spawn({ argv: ['tail'], program: grow(64, log), cgroup: group });
      status = await sys.wait(pid);
      return 0;
    });
    await k.run({ until: 5000 });
    expect(status).toMatchObject({ signal: 'SIGKILL', status: 137 });
    expect(log).toEqual([]);
    expect(group.oomKills).toBe(1);
    expect(kills).toHaveLength(1);
    expect(k.rootCgroup.oomKills).toBe(1);
    expect([group.heldBytes, k.rootCgroup.heldBytes]).toEqual([0, 0]);
  });

  it('chooses the biggest task of the group, not the one that asked; the asker carries on', async () => {
    const log: string[] = [];
    const ends: string[] = [];
    const k = boot((k0) => async (sys) => {
      const g = new Cgroup('/c', k0.rootCgroup, Infinity, 24 * MiB);
      const big = sys.spawn({ argv: ['big'], program: grow(16, log), cgroup: g });
      await sys.sleep(1000);
      const small = sys.spawn({ argv: ['small'], program: grow(10, log), cgroup: g });
      for (const pid of [big, small]) {
        const st = await sys.wait(pid);
        ends.push(`${pid === big ? 'big' : 'small'} ${st?.signal ?? st?.code}`);
      }
      return 0;
    });
    await k.run({ until: 120_000 });
    expect(log).toEqual(['big holds 16 MiB', 'small holds 10 MiB']);
    expect(ends).toEqual(['big SIGKILL', 'small 0']);
  });

  it('memory.current is each process baseline plus what it holds, under the limit nothing dies, and an exit frees it', async () => {
    let during = 0;
    let base = 0;
    let after = -1;
    let g!: Cgroup;
    const k = boot((k0) => async (sys) => {
      g = new Cgroup('/c', k0.rootCgroup, Infinity, 64 * MiB);
      const pid = sys.spawn({
        argv: ['cat'], cgroup: g,
        program: async (s) => {
          base = memoryCurrent(k0, g);
          s.hold(40 * MiB);
          during = memoryCurrent(k0, g);
          s.hold(8 * MiB);
          await s.sleep(100);
          return 3;
        },
      });
      expect((await sys.wait(pid))?.code).toBe(3);
      after = memoryCurrent(k0, g);
      return 0;
    });
    await k.run({ until: 1000 });
    expect(base).toBe(MiB); // spawned without an executable: the baseline of a program the table lacks
    expect(during).toBe(base + 40 * MiB);
    expect([after, g.heldBytes, g.oomKills]).toEqual([0, 0, 0]);
  });

  it("the host's RAM bounds the root group; the host's init is never the victim, however big", async () => {
    let status: WaitStatus | null = null;
    let initLived = false;
    const k = boot(() => async (sys) => {
      sys.hold(3 * 1024 * MiB);
      const pid = sys.spawn({ argv: ['tail'], program: async (s) => (s.hold(1024 * MiB), 0) });
      status = await sys.wait(pid);
      initLived = true;
      return 0;
    });
    await k.run({ until: 1000 });
    expect(status).toMatchObject({ signal: 'SIGKILL' });
    expect(initLived).toBe(true);
    expect(k.rootCgroup.oomKills).toBe(1);
  });
});
