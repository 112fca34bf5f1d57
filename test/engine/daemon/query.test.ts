/** The read model against the operations: what the panel and the checks read is what `docker …` answers. */
import { describe, expect, it } from 'vitest';
import { daemonQuery, processCommand } from '../../../src/engine/daemon/query.js';
import { boot, errOf, inDaemon, preload } from './harness.js';

describe('the daemon read model', () => {
  it('lists the processes docker top lists, and the changes docker diff lists', async () => {
    const h = boot();
    const q = daemonQuery(h.engine);
    const r = await inDaemon(h, async (d, sys) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'touch /tmp/x; rm /etc/hostname; sleep 1000 & sleep 1000'] }, {}, 'web').Id;
      await d.containerStart(id);
      await sys.sleep(500);
      const top = await d.containerTop('web');
      return { id, top, diff: d.containerChanges('web'), processes: q.processes(id), changes: q.changes(id) };
    });
    expect(r.processes.map((p) => [p.pid, p.ppid, processCommand(p)])).toEqual([
      [1, 0, 'sh -c touch /tmp/x; rm /etc/hostname; sleep 1000 & sleep 1000'],
      [expect.any(Number), 1, 'sleep 1000'],
      [expect.any(Number), 1, 'sleep 1000'],
    ]);
    expect(r.top.Processes.map((row) => [row[1], row[2], row[7]])).toEqual(
      r.processes.map((p) => [String(p.hostPid), String(p.hostPpid), processCommand(p)]),
    );
    const KIND = { C: 0, A: 1, D: 2 };
    expect(r.diff).toEqual(r.changes.map((c) => ({ Path: c.path, Kind: KIND[c.kind] })));
    expect(r.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['C /tmp', 'A /tmp/x']);
  });

  it('lists in docker top the processes of a container, not their threads (containerd reads cgroup.procs)', async () => {
    const h = boot();
    preload(h.engine, 'redis');
    const r = await inDaemon(h, async (d, sys) => {
      const id = d.containerCreate({ Image: 'redis' }, {}, 'db').Id;
      await d.containerStart(id);
      await sys.sleep(2000);
      return { top: await d.containerTop('db'), custom: await d.containerTop('db', '-o pid,user,comm'), processes: daemonQuery(h.engine).processes(id) };
    });
    // dockerd's `ps -o … -q PIDS`: redis runs as uid 999, whom a plain `ps -o …` from dockerd would not list.
    expect(r.custom).toEqual({ Titles: ['PID', 'USER', 'COMMAND'], Processes: [[r.top.Processes[0][1], '999', 'redis-server']] });
    // redis-server runs its bio workers and jemalloc's background thread as threads, as the real one does.
    expect(r.processes.filter((p) => p.thread).length).toBeGreaterThan(0);
    expect(r.top.Processes.map((row) => row[7])).toEqual([expect.stringMatching(/^redis-server /)]);
  });

  it('finds containers as the CLI resolves them, and reads their files, logs and inspect', async () => {
    const h = boot();
    const q = daemonQuery(h.engine);
    const id = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'echo hi > /tmp/greeting; echo one; echo two'] }, {}, 'web').Id;
      await d.containerStart(id);
      await d.containerWait(id);
      return id;
    });
    expect(q.findContainer('web')?.ID).toBe(id);
    expect(q.findContainer(id.slice(0, 6))?.ID).toBe(id);
    expect(q.findContainer('nope')).toBeUndefined();
    expect(q.processes(id)).toEqual([]);
    expect(q.readFile(id, '/tmp/greeting')).toBe('hi\n');
    expect(q.readFile(id, '/tmp/none')).toBeUndefined();
    const tail = q.logs(id, 1);
    expect(tail.entries.map((e) => e.line)).toEqual(['two\n']);
    expect(tail.total).toBe(2);
    expect(q.inspect(id)).toMatchObject({ Name: '/web', State: { Status: 'exited', ExitCode: 0 } });
    expect(q.findImage('busybox')?.repoTags).toContain('busybox:latest');
    expect(q.recentEvents(0n).map((e) => e.Action)).toEqual(['create', 'start', 'die']);
  });

  it('refuses to resize a container that is not running and logs a resize event for one that is, as moby does', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'], Tty: true }, {}, 'web').Id;
      const before = await errOf(() => d.containerResize('web', 30, 100));
      await d.containerStart(id);
      d.containerResize('web', 30, 100);
      const events = daemonQuery(h.engine).recentEvents(0n).filter((e) => e.Action === 'resize').map((e) => e.Actor.Attributes);
      return { id, before, events, size: daemonQuery(h.engine).ttySize(id), missing: await errOf(() => d.containerResize('nope', 30, 100)) };
    });
    expect(r.before).toBe(`Conflict: container ${r.id} is not running`);
    // moby logs each resize that reached the task, with its size (and the container's usual attributes).
    expect(r.events).toEqual([{ height: '30', image: 'busybox', name: 'web', width: '100' }]);
    expect(r.size).toEqual({ rows: 30, cols: 100 });
    expect(r.missing).toBe('NotFound: No such container: nope');
  });

  it('resizes an exec only while it exists and its container runs, as moby getExecConfig checks', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] }, {}, 'web').Id;
      await d.containerStart(id);
      const exec = d.containerExecCreate('web', { Cmd: ['sh'], Tty: true }).Id;
      const running = await errOf(() => d.containerExecResize(exec, 30, 100));
      await d.containerPause('web');
      const paused = await errOf(() => d.containerExecResize(exec, 30, 100));
      return { id, running, paused, missing: await errOf(() => d.containerExecResize('nope', 30, 100)) };
    });
    expect(r.running).toBe('no error');
    expect(r.paused).toBe(`Conflict: Container ${r.id} is paused, unpause the container before exec`);
    expect(r.missing).toBe('NotFound: No such exec instance: nope');
  });
});
