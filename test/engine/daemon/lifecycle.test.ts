import { describe, expect, it } from 'vitest';
import { boot, inDaemon } from './harness.js';

describe('container lifecycle', () => {
  it('create → start → stop (SIGTERM ignored by PID 1 → SIGKILL after 10 s, 137)', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      const { Id, Warnings } = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '100000'] }, {}, 'sleeper');
      const created = d.containerInspect('sleeper') as { State: { Status: string } };
      await d.containerStart(Id);
      const ins = d.containerInspect(Id) as { State: { Status: string; Pid: number }; NetworkSettings: { IPAddress: string } };
      const t0 = sys.uptime();
      await d.containerStop('sleeper');
      const took = sys.uptime() - t0;
      const after = d.containerInspect(Id) as { State: { Status: string; ExitCode: number } ; NetworkSettings: { IPAddress: string } };
      return { Id, Warnings, created: created.State.Status, running: ins.State.Status, pid: ins.State.Pid, ip: ins.NetworkSettings.IPAddress, took, after };
    });
    expect(r.Id).toMatch(/^[0-9a-f]{64}$/);
    expect(r.Warnings).toEqual([]);
    expect(r.created).toBe('created');
    expect(r.running).toBe('running');
    expect(r.pid).toBeGreaterThan(1);
    expect(r.ip).toBe('172.17.0.2');
    expect(r.took).toBeGreaterThanOrEqual(10_000);
    expect(r.took).toBeLessThan(10_100);
    expect(r.after.State.Status).toBe('exited');
    expect(r.after.State.ExitCode).toBe(137);
    expect(r.after.NetworkSettings.IPAddress).toBe('');
  });

  it('a shell with a TERM trap exits 143 at once; a finished command exits 0; IPs are reused', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      const a = d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'trap "exit 143" TERM; while true; do sleep 1; done'] }).Id;
      const b = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] }).Id;
      await d.containerStart(a);
      await d.containerStart(b);
      const ips = [a, b].map((id) => (d.containerInspect(id) as { NetworkSettings: { IPAddress: string } }).NetworkSettings.IPAddress);
      const t0 = sys.uptime();
      await d.containerStop(a, { timeout: 10 });
      const took = sys.uptime() - t0;
      const codeA = (d.containerInspect(a) as { State: { ExitCode: number } }).State.ExitCode;
      const c = d.containerCreate({ Image: 'busybox', Cmd: ['true'] }).Id;
      await d.containerStart(c);
      const ipC = (d.containerInspect(c) as { NetworkSettings: { IPAddress: string } }).NetworkSettings.IPAddress;
      const w = await d.containerWait(c);
      return { ips, took, codeA, ipC, w };
    });
    expect(r.ips).toEqual(['172.17.0.2', '172.17.0.3']);
    expect(r.codeA).toBe(143);
    expect(r.took).toBeLessThan(2000);
    expect(r.ipC).toBe('172.17.0.2');
    expect(r.w).toEqual({ StatusCode: 0 });
  });
});
