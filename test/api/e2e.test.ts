/** The API over the kernel's sockets: a server process and client processes inside a booted machine. */
import { describe, expect, it } from 'vitest';
import { DockerClient } from '../../src/api/client/client.js';
import { bytesToText, textToBytes } from '../../src/api/bytes.js';
import { engineRouter, type EngineBackend } from '../../src/api/router/index.js';
import type { LogMessage, MessageSink } from '../../src/api/router/container/backend.js';
import { routerHandler, serve } from '../../src/api/server/serve.js';
import type { Program, Sys } from '../../src/engine/kernel/sys.js';
import { Machine } from '../../src/machine/machine.js';
import { fakeBackend } from './helpers.js';

const SOCK = 'unix:///run/test-docker.sock';

function boot(backend: EngineBackend) {
  const m = Machine.boot();
  const k = m.kernel;
  const init = k.hostPidNs.init!;
  k.spawn(init, {
    argv: ['dockerd'],
    program: async (sys) => {
      const fds = [sys.listen('tcp://0.0.0.0:2375'), sys.listen(SOCK, { mode: 0o660 })];
      await serve(sys, fds, routerHandler(engineRouter(backend)));
      return 0;
    },
  });
  const spawn = (program: Program, argv = ['client']) => k.spawn(init, { argv, program });
  return { m, spawn };
}

/** Raw request bytes in, every byte of the answer out (until the server closes). */
async function rawExchange(sys: Sys, address: string, request: string): Promise<string> {
  const fd = sys.connect(address);
  await sys.write(fd, request);
  let out = '';
  for (let d = await sys.read(fd); d !== null; d = await sys.read(fd)) out += d;
  sys.close(fd);
  return out;
}

describe('Engine API over simulated sockets', () => {
  it('serves ping, version and containers/json to a client over unix and tcp, byte for byte', async () => {
    const b = fakeBackend({
      systemVersion: () => ({ Version: '28.2.2' }),
      containers: () => [{ Id: 'abc', Names: ['/web'] }],
    });
    const { m, spawn } = boot(b);
    const log: unknown[] = [];
    spawn(async (sys) => {
      for (const host of [SOCK, 'tcp://127.0.0.1:2375']) {
        const c = new DockerClient(sys, host);
        log.push(await c.ping());
        log.push(await c.systemVersion());
        log.push(await c.containerList({ all: true }));
      }
      log.push(await rawExchange(sys, SOCK, 'GET /v1.50/containers/json HTTP/1.1\r\nHost: api.moby.localhost\r\nConnection: close\r\n\r\n'));
      log.push(await rawExchange(sys, 'tcp://127.0.0.1:2375', 'garbage\r\n\r\n'));
      return 0;
    });
    await m.run({});
    expect(log.slice(0, 3)).toEqual([
      { apiVersion: '1.50', osType: 'linux', builderVersion: '2', experimental: false, swarm: 'inactive' },
      { Version: '28.2.2' },
      [{ Id: 'abc', Names: ['/web'] }],
    ]);
    expect(log.slice(3, 6)).toEqual(log.slice(0, 3));
    expect(log[6]).toBe(
      'HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nContent-Type: application/json\r\nDocker-Experimental: false\r\nOstype: linux\r\n' +
        'Server: Docker/28.2.2 (linux)\r\nDate: Sat, 28 Nov 2026 09:00:00 GMT\r\nContent-Length: 32\r\nConnection: close\r\n\r\n' +
        '[{"Id":"abc","Names":["/web"]}]\n',
    );
    expect(log[7]).toBe('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request');
    expect(m.kernel.faults).toEqual([]);
  });

  it('maps connection failures to the CLI texts', async () => {
    const { m, spawn } = boot(fakeBackend());
    const log: string[] = [];
    spawn(async (sys) => {
      for (const host of ['unix:///var/run/nothing.sock', 'tcp://127.0.0.1:9']) {
        try {
          await new DockerClient(sys, host).ping();
        } catch (e) {
          log.push((e as Error).message);
        }
      }
      return 0;
    });
    await m.run({});
    expect(log).toEqual([
      'Cannot connect to the Docker daemon at unix:///var/run/nothing.sock. Is the docker daemon running?',
      'Cannot connect to the Docker daemon at tcp://127.0.0.1:9. Is the docker daemon running?',
    ]);
  });

  it('round-trips a hijacked attach (101 UPGRADED, raw bytes both ways)', async () => {
    const b = fakeBackend({
      containerAttach: (_name, cfg) =>
        new Promise<void>((resolve) => {
          const s = cfg.getStreams(false);
          s.onStdin((text) => s.stdout(`echo:${text}`), resolve);
        }),
    });
    const { m, spawn } = boot(b);
    const log: string[] = [];
    spawn(async (sys) => {
      const c = new DockerClient(sys, SOCK);
      const conn = await c.containerAttach('web', { stdin: true, stdout: true, stream: true });
      log.push(conn.mediaType);
      await conn.write(textToBytes('héllo'));
      log.push(bytesToText((await conn.read())!));
      conn.closeWrite();
      log.push(String(await conn.read()));
      conn.close();
      return 0;
    });
    await m.run({});
    expect(log).toEqual(['application/vnd.docker.raw-stream', 'echo:héllo', 'null']);
    expect(m.kernel.faults).toEqual([]);
  });

  it('streams logs as they are written, and survives a client leaving mid-stream', async () => {
    let sink: MessageSink<LogMessage> | null = null;
    let disposed = 0;
    const b = fakeBackend({
      containerLogs: (_n, _c, s) => {
        sink = s;
        s.message({ stream: 'stdout', line: 'one\n', timeNs: 0n });
        return { tty: true, subscription: { dispose: () => void disposed++ } };
      },
      systemVersion: () => ({ Version: '28.2.2' }),
    });
    const { m, spawn } = boot(b);
    const log: string[] = [];
    // A "container" writing a line a second later, from its own process.
    spawn(async (sys) => {
      await sys.sleep(1000);
      sink!.message({ stream: 'stdout', line: 'two\n', timeNs: 0n });
      return 0;
    }, ['writer']);
    spawn(async (sys) => {
      const c = new DockerClient(sys, SOCK);
      const logs = await c.containerLogs('web', { follow: true, stdout: true });
      log.push(`${logs.res.headers.get('Transfer-Encoding')} ${logs.mediaType}`);
      log.push(`${(await logs.next())!}@${sys.uptime() >= 1000 ? 'late' : 'early'}`);
      log.push(`${(await logs.next())!}@${sys.uptime() >= 1000 ? 'late' : 'early'}`);
      logs.close();
      await sys.sleep(10);
      log.push(JSON.stringify(await c.systemVersion()));
      return 0;
    });
    await m.run({});
    expect(log).toEqual(['chunked application/vnd.docker.raw-stream', 'one\n@early', 'two\n@late', '{"Version":"28.2.2"}']);
    expect(disposed).toBe(1);
    expect(m.kernel.faults).toEqual([]);
  });

  it('sends the wait header at once and the body at exit', async () => {
    let exit: (code: number) => void = () => undefined;
    const b = fakeBackend({ containerWait: () => ({ result: new Promise((r) => (exit = (c) => r({ StatusCode: c }))) }) });
    const { m, spawn } = boot(b);
    const log: string[] = [];
    spawn(async (sys) => {
      await sys.sleep(500);
      exit(3);
      return 0;
    }, ['container']);
    spawn(async (sys) => {
      const w = await new DockerClient(sys, SOCK).containerWait('web', 'next-exit');
      log.push(`header@${sys.uptime() < 500}`);
      log.push(`${JSON.stringify(await w.result())}@${sys.uptime() >= 500}`);
      return 0;
    });
    await m.run({});
    expect(log).toEqual(['header@true', '{"StatusCode":3}@true']);
  });
});
