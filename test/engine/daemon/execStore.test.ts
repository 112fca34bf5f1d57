/**
 * The exec store (moby daemon/exec.go): an ended exec leaves its container's ExecIDs but stays inspectable until
 * the 5-minute GC ticker has seen it twice (CanRemove, then gone); a health probe's exec the same; a removed
 * container's execs are not found at once. Every wait is virtual time.
 */
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../src/engine/daemon/events.js';
import { boot, errOf, inDaemon } from './harness.js';

const S = 1_000_000_000;

describe('exec records after the exec ends', () => {
  it('stay inspectable, leave ExecIDs, are marked CanRemove at the next GC tick and dropped at the one after', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '100000'] }).Id;
      await d.containerStart(id);
      await sys.sleep(60_000);
      const e = d.containerExecCreate(id, { Cmd: ['sh', '-c', 'exit 3'] }).Id;
      const whileCreated = [...((d.containerInspect(id) as { ExecIDs: string[] | null }).ExecIDs ?? [])];
      d.containerExecStart(e, { detach: true });
      await sys.sleep(1000);
      const ended = d.containerExecInspect(e);
      const execIDs = (d.containerInspect(id) as { ExecIDs: string[] | null }).ExecIDs;
      // Ended at ~61 s: the ticks are at 300 s (marked) and 600 s (dropped) of the daemon's life.
      await sys.sleep(200_000);
      const beforeTick = d.containerExecInspect(e).CanRemove;
      await sys.sleep(60_000);
      const marked = d.containerExecInspect(e).CanRemove;
      await sys.sleep(250_000);
      const stillThere = d.containerExecInspect(e).ExitCode;
      await sys.sleep(40_000);
      return { whileCreated, e, ended, execIDs, beforeTick, marked, stillThere, gone: await errOf(() => d.containerExecInspect(e)) };
    });
    expect(r.whileCreated).toEqual([r.e]);
    expect(r.ended).toMatchObject({ ID: r.e, Running: false, ExitCode: 3, CanRemove: false, Pid: 0 });
    expect(r.execIDs).toBeNull();
    expect([r.beforeTick, r.marked, r.stillThere]).toEqual([false, true, 3]);
    expect(r.gone).toBe(`NotFound: No such exec instance: ${r.e}`);
  });

  it('a health probe\'s exec is kept the same way, and a removed container\'s execs are not found at once', async () => {
    const h = boot();
    const probes: string[] = [];
    h.engine.events.subscribe((ev: EventMessage) => {
      if (ev.Action.startsWith('exec_create')) probes.push(ev.Actor.Attributes.execID);
    });
    const r = await inDaemon(h, async (d, sys) => {
      d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '100000'], Healthcheck: { Test: ['CMD-SHELL', 'exit 1'], Interval: 10 * S } }, {}, 'web');
      await d.containerStart('web');
      await sys.sleep(10_500);
      const probe = d.containerExecInspect(probes[0]);
      const execIDs = (d.containerInspect('web') as { ExecIDs: string[] | null }).ExecIDs;
      await d.containerKill('web', 'KILL');
      await sys.sleep(100);
      await d.containerRm('web', {});
      return { probe, execIDs, gone: await errOf(() => d.containerExecInspect(probes[0])), kept: h.engine.execs.size };
    });
    expect(r.probe).toMatchObject({ Running: false, ExitCode: 1, ProcessConfig: { entrypoint: '/bin/sh', arguments: ['-c', 'exit 1'] } });
    expect(r.execIDs).toBeNull();
    expect(r.gone).toBe(`NotFound: No such exec instance: ${probes[0]}`);
    expect(r.kept).toBe(0);
  });
});
