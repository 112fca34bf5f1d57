/** tail holds what it will show and nothing more, and its cgroup is charged for it (kernel/memory.ts). */
import { describe, expect, it } from 'vitest';
import { Cgroup } from '../../../src/engine/kernel/cgroup.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { DEV } from '../../../src/engine/kernel/fsTypes.js';
import type { WaitStatus } from '../../../src/engine/kernel/sys.js';
import { coreutils } from '../../../src/programs/coreutils/index.js';
import { BOOT, world } from './harness.js';
import { MemMounts } from './fakefs.js';

const MiB = 1024 * 1024;

/** Runs `tail FILE` in a cgroup of `limit` bytes for at most `ms` virtual ms. */
async function tailIn(file: string, limit: number, ms: number): Promise<{ status: WaitStatus | null; group: Cgroup; held: number }> {
  const w = world();
  w.fs.mknod('/dev/zero', 'chardev', 0o666, DEV.zero, 0, 0);
  w.fs.mknod('/dev/urandom', 'chardev', 0o666, DEV.urandom, 0, 0);
  const k = new Kernel({ seed: 1, bootEpochMs: BOOT, hostname: 'host', rootMnt: new MemMounts(w.fs), programs: new Map(Object.entries(coreutils)) });
  const group = new Cgroup('/c', k.rootCgroup, Infinity, limit);
  let status: WaitStatus | null = null;
  let pid = 0;
  k.startInit(async (sys) => {
    const [, wr] = sys.pipe();
    pid = sys.spawn({ path: '/usr/bin/tail', argv: ['tail', file], env: {}, cwd: '/', cgroup: group, fds: { 1: wr } });
    status = await sys.wait(pid);
    return 0;
  }, ['init']);
  await k.run({ until: ms, stop: () => status !== null });
  return { status, group, held: k.procs.get(pid)?.heldBytes ?? 0 };
}

describe('tail and memory', () => {
  it('tail /dev/zero holds one endless line until the OOM killer ends it', async () => {
    const { status, group } = await tailIn('/dev/zero', 64 * MiB, 60_000);
    expect(status).toMatchObject({ signal: 'SIGKILL', status: 137 });
    expect([group.oomKills, group.heldBytes]).toEqual([1, 0]);
  });

  it('tail /dev/urandom holds ten short lines, so a tight limit never kills it', async () => {
    const { status, group, held } = await tailIn('/dev/urandom', 2 * MiB, 50);
    expect(status).toBe(null);
    expect(group.oomKills).toBe(0);
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(64 * 1024);
  });
});
