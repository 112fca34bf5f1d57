/**
 * dockerode drives the simulated daemon over a real unix socket. The host runs on the real-time driver at
 * 20× speed (a stop's timeout passes in half a real second); nothing here waits on a timer, only on the
 * client's own I/O. Every JSON body that goes by is checked against the Engine API definition.
 */
import { PassThrough, type Readable } from 'node:stream';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon } from '../../../src/node/daemon/start.js';
import { Recorder } from './recorder.js';
import { SwaggerValidator } from './swagger.js';
import { liveProcesses, type TestDaemon } from './helpers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOOP = ['/bin/sh', '-c', 'while true; do echo hello world; sleep 1; done'];

let d: Omit<TestDaemon, 'tcp' | 'dockerHost'>;
let docker: Docker;
const validator = new SwaggerValidator();
const recorder = new Recorder(validator);
/** Everything the daemon wrote to its clients, in the order it wrote it (across connections). */
const wire: string[] = [];

beforeAll(async () => {
  const socketPath = join(mkdtempSync(join(tmpdir(), 'dockersim-dockerode-')), 'docker.sock');
  const r = await startDaemon({
    hosts: [{ kind: 'unix', path: socketPath, url: `unix://${socketPath}` }],
    clock: { kind: 'realtime', speed: 20 },
    tap: () => {
      const t = recorder.tap();
      return { fromClient: (b) => t.fromClient(b), fromServer: (b) => (wire.push(b), t.fromServer(b)), closed: () => t.closed?.() };
    },
  });
  d = { ...r, socketPath };
  docker = new Docker({ socketPath });
});

afterAll(async () => {
  await d.close();
});

/** Reads a stream until `enough(text)` holds, then stops reading it. */
async function readUntil(stream: Readable, enough: (text: string) => boolean): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += (chunk as Buffer).toString('utf8');
    if (enough(text)) break;
  }
  return text;
}

/** Collects a multiplexed stream into stdout and stderr until it ends. */
async function demux(stream: Readable): Promise<{ stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { stdout: '', stderr: '' };
  out.on('data', (b: Buffer) => (chunks.stdout += b.toString()));
  err.on('data', (b: Buffer) => (chunks.stderr += b.toString()));
  docker.modem.demuxStream(stream, out, err);
  await new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
  });
  return chunks;
}

describe('dockerode against npm run daemon', () => {
  it('pings, negotiates the version and reads info', async () => {
    expect(String(await docker.ping())).toBe('OK');
    const v = await docker.version();
    expect(v).toMatchObject({ Version: '28.2.2', ApiVersion: '1.50', MinAPIVersion: '1.24', Os: 'linux' });
    const info = await docker.info();
    expect(info).toMatchObject({ Containers: 0, Images: 0, ServerVersion: '28.2.2', Driver: 'overlay2' });
  });

  it('pulls with progress', async () => {
    const stream = await docker.pull('ubuntu:latest');
    const events = await new Promise<Array<{ status?: string; id?: string }>>((resolve, reject) =>
      docker.modem.followProgress(stream, (err: Error | null, out: Array<{ status?: string }>) => (err ? reject(err) : resolve(out))),
    );
    const statuses = events.map((e) => (e.id ? `${e.id}: ${e.status}` : e.status));
    expect(statuses[0]).toBe('latest: Pulling from library/ubuntu');
    expect(statuses).toContain('Status: Downloaded newer image for ubuntu:latest');
    expect(statuses.some((s) => /: Pull complete$/.test(s ?? ''))).toBe(true);
    const images = await docker.listImages();
    expect(images.map((i) => i.RepoTags)).toEqual([['ubuntu:latest']]);
  });

  it('creates, starts, inspects, lists with filters, tops and follows logs', async () => {
    const c = await docker.createContainer({ name: 'daemon_dave', Image: 'ubuntu', Cmd: LOOP });
    expect(c.id).toMatch(/^[0-9a-f]{64}$/);
    await c.start();
    const info = await c.inspect();
    expect(info.State).toMatchObject({ Status: 'running', Running: true, Paused: false });
    expect(info.Name).toBe('/daemon_dave');
    expect(info.Config.Tty).toBe(false);

    // Filters as an object (dockerode encodes it) and as the JSON string some callers pass.
    const byName = await docker.listContainers({ all: true, filters: { name: ['daemon_dave'] } });
    expect(byName.map((x) => x.Names)).toEqual([['/daemon_dave']]);
    const list = docker.listContainers.bind(docker) as (o: object) => Promise<Docker.ContainerInfo[]>;
    const running = await list({ filters: '{"status":["running"]}' });
    expect(running.map((x) => x.Id)).toEqual([c.id]);
    const exited = await list({ all: 'true', filters: { status: ['exited'] } });
    expect(exited).toEqual([]);

    const top = await c.top();
    expect(top.Titles).toContain('PID');
    expect(top.Processes.some((p: string[]) => p.join(' ').includes('while true'))).toBe(true);

    const logs = (await c.logs({ follow: true, stdout: true, stderr: true, timestamps: true })) as unknown as Readable;
    const text = await readUntil(logs, (t) => (t.match(/hello world/g) ?? []).length >= 2);
    logs.destroy();
    expect(text).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z hello world\n/);
  });

  it('attaches without hijacking (the 200 raw-stream form) and with it', async () => {
    const c = docker.getContainer('daemon_dave');
    const plain = (await c.attach({ stream: true, stdout: true, stderr: true })) as unknown as Readable;
    const got = await readUntil(plain, (t) => t.includes('hello world\n'));
    plain.destroy();
    expect(got).toContain('hello world\n');
    // Frame header of stdout: [1,0,0,0,size].
    expect(got.charCodeAt(0)).toBe(1);

    const hijacked = (await c.attach({ stream: true, stdout: true, stderr: true, hijack: true })) as unknown as Readable;
    const again = await readUntil(hijacked, (t) => t.includes('hello world\n'));
    hijacked.destroy();
    expect(again).toContain('hello world\n');
  });

  it('runs exec without and with a TTY and reports exit codes', async () => {
    const c = docker.getContainer('daemon_dave');
    const plain = await c.exec({ Cmd: ['sh', '-c', 'echo out; echo err >&2; exit 3'], AttachStdout: true, AttachStderr: true });
    const s1 = (await plain.start({ hijack: true, stdin: false })) as unknown as Readable;
    expect(await demux(s1)).toEqual({ stdout: 'out\n', stderr: 'err\n' });
    expect(await plain.inspect()).toMatchObject({ ExitCode: 3, Running: false, ProcessConfig: { tty: false } });

    const tty = await c.exec({ Cmd: ['sh', '-c', 'echo héllo tty; exit 5'], AttachStdout: true, AttachStderr: true, Tty: true });
    const s2 = (await tty.start({ hijack: true, stdin: false, Tty: true })) as unknown as Readable;
    let raw = '';
    for await (const chunk of s2) raw += (chunk as Buffer).toString('utf8');
    expect(raw).toBe('héllo tty\r\n');
    await tty.resize({ h: 40, w: 120 }).catch((e: { statusCode?: number }) => expect(e.statusCode).toBe(409));
    expect(await tty.inspect()).toMatchObject({ ExitCode: 5, Running: false });
  });

  it('waits, stops, restarts, kills and removes', async () => {
    const c = docker.getContainer('daemon_dave');
    const waited = c.wait({ condition: 'next-exit' });
    await c.stop({ t: 1 });
    expect(await waited).toEqual({ StatusCode: 137 });
    expect((await c.inspect()).State).toMatchObject({ Status: 'exited', ExitCode: 137 });
    await c.restart({ t: 1 });
    expect((await c.inspect()).State.Running).toBe(true);
    const waitedKill = c.wait();
    await c.kill({ signal: 'SIGKILL' });
    expect(await waitedKill).toEqual({ StatusCode: 137 });
    await c.remove({ v: 'true', force: 'false' } as never);
    const err = (await c.inspect().catch((e: unknown) => e)) as { statusCode: number; json: { message: string } };
    expect(err.statusCode).toBe(404);
    expect(err.json).toEqual({ message: 'No such container: daemon_dave' });
  });

  it('runs a container to completion: create with attach options, start, wait, logs', async () => {
    const c = await docker.createContainer({ Image: 'ubuntu', Cmd: ['sh', '-c', 'echo done; exit 2'], AttachStdout: true, AttachStderr: true });
    const waited = c.wait({ condition: 'next-exit' });
    await c.start();
    expect(await waited).toEqual({ StatusCode: 2 });
    const logs = await c.logs({ stdout: true, stderr: true, follow: false });
    expect(logs.subarray(8).toString()).toBe('done\n');
    await c.remove();
  });

  // dockerd reports an exit only after the container's output reached its attached clients: on the wire the
  // attach's last bytes go out before the wait's answer (in 2 of 30 runs the wait used to answer first). What
  // the client then makes of two sockets ready at once is up to its event loop, so the order is checked where
  // the daemon writes, and the client is only required to get everything.
  it('writes all of the attached output before the wait answers, run after run', { timeout: 120_000 }, async () => {
    const script = 'i=0; while [ $i -lt 300 ]; do echo line $i; i=$((i+1)); done; echo last line';
    for (let run = 0; run < 30; run++) {
      const c = await docker.createContainer({ Image: 'ubuntu', Cmd: ['sh', '-c', script], AttachStdout: true, AttachStderr: true });
      const stream = (await c.attach({ stream: true, stdout: true, stderr: true, hijack: true })) as unknown as Readable;
      const ended = demux(stream);
      const from = wire.length;
      const waited = c.wait({ condition: 'next-exit' });
      await c.start();
      expect(await waited).toEqual({ StatusCode: 0 });
      const written = wire.slice(from);
      const last = written.findIndex((b) => b.endsWith('last line\n'));
      const exit = written.findIndex((b) => b.includes('{"StatusCode":0}'));
      expect(last, `run ${run}`).toBeGreaterThanOrEqual(0);
      expect(last, `run ${run}: the exit was written before the last output`).toBeLessThan(exit);
      expect((await ended).stdout.endsWith('line 299\nlast line\n')).toBe(true);
      await c.remove();
    }
  });

  it('publishes ports, makes networks and volumes, connects and mounts them (issue 17)', async () => {
    const net = docker.getNetwork((await docker.createNetwork({ Name: 'app', Driver: 'bridge', Labels: { tier: 'web' } })).id);
    const created = await net.inspect();
    expect(created).toMatchObject({ Name: 'app', Driver: 'bridge', Scope: 'local', Internal: false, Labels: { tier: 'web' } });
    expect(created.IPAM?.Config).toEqual([{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }]);
    await docker.createVolume({ Name: 'data' });
    expect(await docker.getVolume('data').inspect()).toMatchObject({ Name: 'data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/data/_data', Scope: 'local' });

    const c = await docker.createContainer({
      name: 'web', Image: 'ubuntu', Cmd: LOOP, ExposedPorts: { '80/tcp': {} },
      HostConfig: { NetworkMode: 'app', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, Binds: ['data:/data'] },
      NetworkingConfig: { EndpointsConfig: { app: { Aliases: ['www'] } } },
    });
    await c.start();
    const info = await c.inspect();
    expect(info.NetworkSettings.Ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] });
    expect(info.NetworkSettings.Networks.app).toMatchObject({ IPAddress: '172.18.0.2', Gateway: '172.18.0.1', IPPrefixLen: 16 });
    expect(info.NetworkSettings.Networks.app.Aliases).toContain('www');
    expect(info.Mounts).toEqual([expect.objectContaining({ Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', RW: true })]);
    const listed = await docker.listContainers({ filters: { publish: ['8080'] } });
    expect(listed.map((x) => [x.Names, x.Ports])).toEqual([[['/web'], [
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    ]]]);

    expect((await docker.listNetworks()).map((n) => n.Name).sort()).toEqual(['app', 'bridge', 'host', 'none']);
    expect(Object.keys((await net.inspect()).Containers ?? {})).toEqual([c.id]);
    const volumes = await docker.listVolumes();
    expect(volumes.Volumes.map((v) => v.Name)).toEqual(['data']);
    await expect(docker.getVolume('data').remove()).rejects.toThrow(/volume is in use/);
    await expect(net.remove()).rejects.toThrow(/has active endpoints/);

    await c.remove({ force: true });
    await net.remove();
    await docker.getVolume('data').remove();
    expect((await docker.listNetworks()).map((n) => n.Name).sort()).toEqual(['bridge', 'host', 'none']);
    expect((await docker.listVolumes()).Volumes).toEqual([]);
  });

  it('leaves no connections, and every JSON body matched the Engine API definition', async () => {
    // Sockets dockerode kept alive are closed by the agent; the server then has nothing open.
    for (let i = 0; i < 200 && d.server.connections > 0; i++) await new Promise((r) => setImmediate(r));
    expect(liveProcesses(d.host)).toBeGreaterThan(0);
    expect(validator.violations).toEqual([]);
    expect(validator.checked).toBeGreaterThan(20);
    expect(d.host.kernel.faults).toEqual([]);
  });
});
