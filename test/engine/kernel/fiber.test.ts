import { describe, expect, it } from 'vitest';
import { Cgroup } from '../../../src/engine/kernel/cgroup.js';
import { isSysError } from '../../../src/engine/kernel/errno.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { FakeMounts } from './fake-fs.js';

function boot(init: Program): Kernel {
  const k = new Kernel({
    seed: 1,
    bootEpochMs: Date.UTC(2026, 10, 28, 1, 0, 0),
    hostname: 'test',
    rootMnt: new FakeMounts(),
    programs: new Map(),
  });
  k.startInit(init, ['/sbin/init']);
  return k;
}

describe('fibers', () => {
  it('run beside their process as its own code: no PID, no pids-cgroup charge, not in the process table', async () => {
    const seen: string[] = [];
    let procs = 0;
    let pids = 0;
    const k = boot(async (sys) => {
      const [r, w] = sys.pipe();
      const g = new Cgroup('/app', null);
      const server = sys.spawn({
        argv: ['server'], fds: { 3: r }, cgroup: g,
        program: async (s) => {
          s.fiber({ fds: { 3: 3 }, program: async (f) => (seen.push(`fiber pid ${f.pid} read ${await f.read(3)}`), 0) });
          s.close(3);
          s.fiber({ program: async (f) => (await f.sleep(100), seen.push(`fiber pid ${f.pid} slept`), 0) });
          await s.sleep(50);
          procs = k.procs.size;
          pids = g.pids;
          seen.push(`server pid ${s.pid} next ${s.spawn({ argv: ['child'], fds: {}, program: async () => 0 })}`);
          await s.sleep(200);
          return 0;
        },
      });
      sys.close(r);
      await sys.write(w, 'hi');
      seen.push(`server was ${server}`);
      await sys.wait(server);
      return 0;
    });
    expect(await k.run()).toBe('idle');
    // init and the server; the child is the next PID after the server, as if no fiber had been started.
    expect(procs).toBe(2);
    expect(pids).toBe(1);
    expect(seen).toEqual(['server was 2', 'fiber pid 2 read hi', 'server pid 2 next 3', 'fiber pid 2 slept']);
    expect(k.faults).toEqual([]);
  });

  it('end with their process where they stand, and their descriptors close with them', async () => {
    const seen: string[] = [];
    const k = boot(async (sys) => {
      const [r, w] = sys.pipe();
      const [r2, w2] = sys.pipe();
      const server = sys.spawn({
        argv: ['server'], fds: { 3: r, 4: w2 },
        program: async (s) => {
          // The fiber holds the only other write end of the second pipe; it waits on the first for good.
          s.fiber({ fds: { 3: 3, 4: 4 }, program: async (f) => (await f.read(3), seen.push('fiber resumed'), 0) });
          s.close(3);
          s.close(4);
          await s.sleep(10);
          return 5;
        },
      });
      sys.close(w2);
      const st = await sys.wait(server);
      seen.push(`server exited ${st?.code}`);
      // EOF: the write end went with the fiber.
      seen.push(`read ${await sys.read(r2)}`);
      await sys.write(w, 'late');
      await sys.sleep(10);
      return 0;
    });
    expect(await k.run()).toBe('idle');
    expect(k.faults.map((f) => String(f.error))).toEqual([]);
    expect(seen).toEqual(['server exited 5', 'read null']);
  });

  it('exit() in a fiber ends the whole process with its status (exit_group)', async () => {
    const seen: string[] = [];
    const k = boot(async (sys) => {
      const server = sys.spawn({
        argv: ['server'], fds: {},
        program: async (s) => {
          s.fiber({ program: async (f) => (await f.sleep(10), f.exit(3)) });
          await s.pause();
          seen.push('main resumed');
          return 0;
        },
      });
      const st = await sys.wait(server);
      seen.push(`server exited ${st?.code}`);
      return 0;
    });
    expect(await k.run()).toBe('idle');
    expect(seen).toEqual(['server exited 3']);
  });

  it('are not held to pids.max, where a thread is', async () => {
    const seen: string[] = [];
    const k = boot(async (sys) => {
      const g = new Cgroup('/one', null, 1);
      const server = sys.spawn({
        argv: ['server'], fds: {}, cgroup: g,
        program: async (s) => {
          s.fiber({ program: async () => (seen.push('fiber ran'), 0) });
          try {
            s.spawn({ argv: ['server'], thread: true, fds: {}, program: async () => 0 });
          } catch (e) {
            if (isSysError(e)) seen.push(`thread: ${e.code}`);
          }
          await s.sleep(1);
          return 0;
        },
      });
      await sys.wait(server);
      return 0;
    });
    expect(await k.run()).toBe('idle');
    expect(seen).toEqual(['thread: EAGAIN', 'fiber ran']);
  });

  it('hold no memory of their own: what a fiber holds is not charged, as a thread\'s is not', async () => {
    let held = -1;
    const k = boot(async (sys) => {
      const g = new Cgroup('/app', null);
      const server = sys.spawn({
        argv: ['server'], fds: {}, cgroup: g,
        program: async (s) => {
          s.fiber({ program: async (f) => (f.hold(1 << 20), 0) });
          await s.sleep(10);
          held = g.heldBytes;
          return 0;
        },
      });
      await sys.wait(server);
      return 0;
    });
    expect(await k.run()).toBe('idle');
    // Charged to a fiber, the MiB would stay in the group's count after the fiber ended: nothing frees it.
    expect(held).toBe(0);
  });

  it('charge their CPU time to their process', async () => {
    let cpu = 0;
    const k = boot(async (sys) => {
      const server = sys.spawn({
        argv: ['server'], fds: {},
        program: async (s) => {
          const self = k.procs.get(s.hostPid)!;
          s.fiber({ program: async (f) => (f.cpu(1000), await f.sleep(1), 0) });
          await s.sleep(10);
          cpu = self.cpuMs;
          return 0;
        },
      });
      await sys.wait(server);
      return 0;
    });
    expect(await k.run()).toBe('idle');
    expect(cpu).toBeGreaterThanOrEqual(5);
  });
});
