import { describe, expect, it } from 'vitest';
import { boot, errOf, inDaemon } from './harness.js';
import type { Daemon } from '../../../src/engine/daemon/daemon.js';

type Inspect = { State: { Status: string; ExitCode: number; Error: string; Running: boolean; Paused: boolean; Restarting: boolean }; RestartCount: number; Name: string };
const state = (d: Daemon, id: string): Inspect => d.containerInspect(id) as Inspect;
async function drain(session: { read(): Promise<{ data: string } | null> }): Promise<string> {
  let out = '';
  for (let c = await session.read(); c; c = await session.read()) out += c.data;
  return out;
}

describe('daemon operations', () => {
  it('refusals carry moby\'s exact texts and kinds', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] }, {}, 'web').Id;
      const out: string[] = [];
      out.push(await errOf(() => d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, {}, 'web')));
      out.push(await errOf(() => d.containerCreate({ Image: 'busybox' }, {}, 'x!')));
      out.push(await errOf(() => d.containerKill('web')));
      out.push(await errOf(() => d.containerExecCreate('web', { Cmd: ['ls'] })));
      await d.containerStart('web');
      out.push(await errOf(() => d.containerStart('web')));
      out.push(await errOf(() => d.containerRm('web')));
      d.containerPause('web');
      out.push(await errOf(() => d.containerStart('web')));
      out.push(await errOf(() => d.containerExecCreate('web', { Cmd: ['ls'] })));
      out.push(await errOf(() => d.containerRm('web')));
      d.containerUnpause('web');
      await d.containerKill('web');
      out.push(await errOf(() => d.containerStop('web')));
      out.push(await errOf(() => d.containerStart('nope')));
      out.push(await errOf(() => d.containerCreate({ Image: 'nginx' })));
      return { id, out };
    });
    expect(r.out).toEqual([
      `Conflict: Conflict. The container name "/web" is already in use by container "${r.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      'InvalidParameter: Invalid container name (x!), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
      `Conflict: container ${r.id} is not running`,
      `Conflict: container ${r.id} is not running`,
      'NotModified: container is already running',
      'Conflict: cannot remove container "web": container is running: stop the container before removing or force remove',
      'Conflict: cannot start a paused container, try unpause instead',
      'Conflict: Container web is paused, unpause the container before exec',
      'Conflict: cannot remove container "web": container is paused and must be unpaused first',
      'NotModified: container is already stopped',
      'NotFound: No such container: nope',
      'NotFound: No such image: nginx:latest',
    ]);
  });

  it('a missing command fails the start with runc\'s text, exit 127, and the container stays created', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['foo'] }).Id;
      const e = await errOf(() => d.containerStart(id));
      const abs = d.containerCreate({ Image: 'busybox', Cmd: ['/nope/x'] }).Id;
      const e2 = await errOf(() => d.containerStart(abs));
      const etc = d.containerCreate({ Image: 'busybox', Cmd: ['/etc'] }).Id;
      const e3 = await errOf(() => d.containerStart(etc));
      return { e, e2, e3, s: state(d, id).State, s3: state(d, etc).State.ExitCode, ips: h.engine.ipam.isAllocated('172.17.0.2') };
    });
    expect(r.e).toBe('InvalidParameter: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "foo": executable file not found in $PATH: unknown');
    expect(r.e2).toContain('exec: "/nope/x": stat /nope/x: no such file or directory: unknown');
    expect(r.e3).toContain('exec: "/etc": permission denied: unknown');
    expect(r.s.Status).toBe('created');
    expect(r.s.ExitCode).toBe(127);
    expect(r.s.Error).toContain('executable file not found');
    expect(r.s3).toBe(126);
    expect(r.ips).toBe(false);
  });

  it('logs carry timestamps and streams; /etc files are there and not in docker diff', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'ubuntu', Cmd: ['sh', '-c', 'touch /tmp/new; rm /etc/passwd; echo x >> /etc/hosts; cat /etc/hostname /etc/hosts; echo oops >&2'] }).Id;
      await d.containerStart(id);
      await d.containerWait(id);
      const reader = d.containerLogs(id, { stdout: true, stderr: true, timestamps: true });
      const entries = [];
      for (let e = await reader.next(); e; e = await reader.next()) entries.push(e);
      return { id, entries, diff: d.containerChanges(id) };
    });
    const lines = r.entries.map((e) => `${e.stream} ${e.line}`);
    expect(lines[0]).toBe(`stdout ${r.id.slice(0, 12)}\n`);
    expect(lines[1]).toBe('stdout 127.0.0.1\tlocalhost\n');
    expect(lines).toContain(`stdout 172.17.0.2\t${r.id.slice(0, 12)}\n`);
    expect(lines.at(-2)).toBe('stdout x\n');
    expect(lines.at(-1)).toBe('stderr oops\n');
    expect(r.diff).toEqual([
      { Path: '/etc', Kind: 0 },
      { Path: '/etc/passwd', Kind: 2 },
      { Path: '/tmp', Kind: 0 },
      { Path: '/tmp/new', Kind: 1 },
    ]);
  });

  it('pause freezes a loop; unpause resumes it', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }).Id;
      await d.containerStart(id);
      await sys.sleep(3500);
      d.containerPause(id);
      const atPause = h.engine.containers.get(id)!.logs.length;
      const st = state(d, id).State;
      await sys.sleep(5000);
      const whilePaused = h.engine.containers.get(id)!.logs.length;
      d.containerUnpause(id);
      await sys.sleep(2500);
      const later = h.engine.containers.get(id)!.logs.length;
      await d.containerRm(id, { force: true });
      return { atPause, whilePaused, later, st, gone: h.engine.containers.has(id) };
    });
    expect(r.atPause).toBe(4);
    expect(r.whilePaused).toBe(4);
    expect(r.later).toBeGreaterThanOrEqual(6);
    expect(r.st).toMatchObject({ Status: 'paused', Running: true, Paused: true });
    expect(r.gone).toBe(false);
  });

  it('exec: exit codes, output, not-found 127', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] }).Id;
      await d.containerStart(id);
      const e1 = d.containerExecCreate(id, { Cmd: ['sh', '-c', 'echo hi; hostname; exit 3'], AttachStdout: true, AttachStderr: true }).Id;
      const out = await drain(d.containerExecStart(e1)!);
      const ins = d.containerExecInspect(e1);
      const e2 = d.containerExecCreate(id, { Cmd: ['nosuch'] }).Id;
      const err = await errOf(() => d.containerExecStart(e2));
      const ins2 = d.containerExecInspect(e2);
      const top = await d.containerTop(id);
      return { id, out, ins, err, ins2, top };
    });
    expect(r.out).toBe(`hi\n${r.id.slice(0, 12)}\n`);
    expect(r.ins).toMatchObject({ Running: false, ExitCode: 3, ProcessConfig: { entrypoint: 'sh', arguments: ['-c', 'echo hi; hostname; exit 3'] } });
    expect(r.err).toBe('InvalidParameter: OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown');
    expect(r.ins2).toMatchObject({ ExitCode: 127 });
    expect(r.top.Titles).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
    expect(r.top.Processes).toHaveLength(1);
    expect(r.top.Processes[0][0]).toBe('root');
    expect(r.top.Processes[0][7]).toBe('sleep 1000');
  });

  it('restart policy on-failure:2 restarts with back-off, then stays exited', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'exit 3'] }, { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } }).Id;
      const starts: number[] = [];
      h.engine.events.subscribe((e) => {
        if (e.Action === 'start') starts.push(Math.round(sys.uptime()));
      });
      await d.containerStart(id);
      await sys.sleep(5000);
      return { s: state(d, id), starts };
    });
    expect(r.s.State.Status).toBe('exited');
    expect(r.s.State.ExitCode).toBe(3);
    expect(r.s.RestartCount).toBe(2);
    expect(r.starts).toHaveLength(3);
    expect(r.starts[1] - r.starts[0]).toBeGreaterThanOrEqual(100);
    expect(r.starts[2] - r.starts[1]).toBeGreaterThanOrEqual(200);
    expect(r.starts[2] - r.starts[1]).toBeLessThan(260);
  });

  it('always-restart: stop cancels the back-off; --rm removes at exit; rename; list filters', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d, sys) => {
      const a = d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'sleep 1; exit 1'] }, { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } }, 'flappy').Id;
      await d.containerStart(a);
      await sys.sleep(1050);
      const restarting = state(d, a).State.Status;
      await d.containerStop(a);
      const afterStop = state(d, a).State.Status;
      await sys.sleep(5000);
      const stillStopped = state(d, a).State.Status;
      const b = d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, { AutoRemove: true }).Id;
      await d.containerStart(b);
      await d.containerWait(b, 'removed');
      d.containerRename('flappy', 'steady');
      const c = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '50'] }, {}, 'runner').Id;
      await d.containerStart(c);
      const running = d.containerList().map((x) => x.Names);
      const exited = d.containerList({ filters: { status: ['exited'] } }).map((x) => x.Names);
      const badFilter = await errOf(() => d.containerList({ filters: { status: ['bogus'] } }));
      return { restarting, afterStop, stillStopped, bGone: !h.engine.containers.has(b), name: state(d, a).Name, running, exited, badFilter };
    });
    expect(r.restarting).toBe('restarting');
    expect(r.afterStop).toBe('exited');
    expect(r.stillStopped).toBe('exited');
    expect(r.bGone).toBe(true);
    expect(r.name).toBe('/steady');
    expect(r.running).toEqual([['/runner']]);
    expect(r.exited).toEqual([['/steady']]);
    expect(r.badFilter).toBe("InvalidParameter: invalid filter 'status=bogus': invalid value for state (bogus): must be one of created, running, paused, restarting, removing, exited, dead");
  });
});
