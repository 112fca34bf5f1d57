import { describe, expect, it } from 'vitest';
import { boot, errOf, inDaemon } from './harness.js';

const MiB = 1024 * 1024;

describe('containerUpdate', () => {
  it("classes and texts of moby's refusals, and nothing changes when one is refused", async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, { Memory: 64 * MiB }, 'web').Id;
      d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, { AutoRemove: true }, 'tmp');
      const out = [
        await errOf(() => d.containerUpdate('web', { Memory: 256 * MiB, RestartPolicy: { Name: 'always' } })),
        await errOf(() => d.containerUpdate('tmp', { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 1 } })),
        await errOf(() => d.containerUpdate('web', { RestartPolicy: { Name: 'always', MaximumRetryCount: 2 } })),
        await errOf(() => d.containerUpdate('web', { Memory: 16 * MiB, MemoryReservation: 32 * MiB })),
        await errOf(() => d.containerUpdate('web', { BlkioWeight: 300 })),
        await errOf(() => d.containerUpdate('nope', { Memory: 16 * MiB })),
      ];
      const hc = (d.containerInspect('web') as { HostConfig: { Memory: number; RestartPolicy: { Name: string } } }).HostConfig;
      // Swap alone is fine on update: the memory limit is already there.
      const swapOnly = d.containerUpdate('web', { MemorySwap: 512 * MiB });
      const noPolicy = d.containerUpdate('tmp', { RestartPolicy: { Name: 'no' } });
      return { id, out, kept: [hc.Memory, hc.RestartPolicy.Name], swapOnly, noPolicy };
    });
    expect(r.out).toEqual([
      `Conflict: Cannot update container ${r.id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time`,
      expect.stringMatching(/^Conflict: Cannot update container [0-9a-f]{64}: Restart policy cannot be updated because AutoRemove is enabled for the container$/),
      "InvalidParameter: invalid restart policy: maximum retry count can only be used with 'on-failure'",
      'InvalidParameter: Minimum memory limit can not be less than memory reservation limit, see usage',
      'NotImplemented: dockersim: --blkio-weight (HostConfig.BlkioWeight) is not simulated',
      'NotFound: No such container: nope',
    ]);
    expect(r.kept).toEqual([64 * MiB, 'no']);
    expect(r.swapOnly).toEqual({ Warnings: null });
    expect(r.noPolicy).toEqual({ Warnings: null });
  });

  it('a restart policy set while running decides what the next exit does', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'sleep 1; exit 3'] }, {}, 'flaky');
      await d.containerStart('flaky');
      d.containerUpdate('flaky', { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 1 } });
      await sys.sleep(10_000);
      return d.containerInspect('flaky') as { RestartCount: number; State: { Status: string; ExitCode: number } };
    });
    expect([r.RestartCount, r.State.Status, r.State.ExitCode]).toEqual([1, 'exited', 3]);
  });

  it('a memory limit lowered below use OOM-kills the biggest task; update comes before oom in the events', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      d.containerCreate({ Image: 'ubuntu', Cmd: ['sh', '-c', 'head -c 50m /dev/zero | tail | sleep 1000'] }, {}, 'grow');
      await d.containerStart('grow');
      await sys.sleep(2000);
      d.containerUpdate('grow', { Memory: 32 * MiB, MemorySwap: 64 * MiB });
      await sys.sleep(100);
      const ins = d.containerInspect('grow') as { State: { Status: string; OOMKilled: boolean } };
      return { state: [ins.State.Status, ins.State.OOMKilled], actions: h.engine.events.buffered(0n).filter((e) => e.Type === 'container').map((e) => e.Action) };
    });
    expect(r.state).toEqual(['running', true]);
    expect(r.actions).toEqual(['create', 'start', 'update', 'oom']);
  });
});
