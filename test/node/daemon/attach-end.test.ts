/**
 * How an attach ends from the client's side, over real TCP (moby container/stream/attach.go): the client
 * closing its write side ends a TTY attach (the docker CLI does that when it sees the detach keys itself),
 * closes a StdinOnce container's stdin without a TTY, and the detach keys sent to the daemon (split over
 * packets as typed keys are) end the attach with a `detach` event. Virtual time moves only when a test moves it.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, testDaemon, until, type TestDaemon } from './helpers.js';

let d: TestDaemon;

beforeAll(async () => {
  d = await testDaemon({ clock: { kind: 'manual' } });
  await d.host.idle();
});

afterAll(async () => {
  await d.close();
});

interface Conn {
  readonly s: Socket;
  text(): string;
  readonly closed: Promise<void>;
  isClosed(): boolean;
}

function open(): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const s = connect({ port: d.tcp.port, host: '127.0.0.1', allowHalfOpen: true });
    let buf = '';
    let done = false;
    s.on('data', (b: Buffer) => (buf += b.toString('latin1')));
    const closed = new Promise<void>((r) => s.on('end', () => ((done = true), r())));
    s.on('error', () => undefined);
    s.once('connect', () => resolve({ s, text: () => buf, closed, isClosed: () => done }));
    s.once('error', reject);
  });
}

async function exchange(method: string, path: string, payload?: unknown): Promise<{ status: number; body: string }> {
  const c = await open();
  const json = payload === undefined ? '' : JSON.stringify(payload);
  const len = payload === undefined ? '' : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n`;
  c.s.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\n${len}Connection: close\r\n\r\n${json}`);
  await drive(d.host, c.closed, 100);
  const t = c.text();
  const head = t.slice(0, t.indexOf('\r\n\r\n'));
  let body = t.slice(head.length + 4);
  if (/\r\nTransfer-Encoding: chunked\r\n/i.test(`${head}\r\n`)) {
    let plain = '';
    for (let at = 0; ; ) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.slice(at, eol), 16);
      if (!(size > 0)) break;
      plain += body.slice(eol + 2, eol + 2 + size);
      at = eol + 4 + size;
    }
    body = plain;
  }
  return { status: Number(t.slice(9, 12)), body };
}

async function create(name: string, config: Record<string, unknown>): Promise<string> {
  const r = await exchange('POST', `/containers/create?name=${name}`, { Image: 'ubuntu', ...config });
  expect(r.status).toBe(201);
  expect((await exchange('POST', `/containers/${name}/start`)).status).toBe(204);
  return (JSON.parse(r.body) as { Id: string }).Id;
}

async function attach(name: string, query = ''): Promise<Conn> {
  const c = await open();
  c.s.write(`POST /containers/${name}/attach?stream=1&stdin=1&stdout=1&stderr=1${query} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`);
  await until(d.host, () => c.text().includes('\r\n\r\n'), 'the upgrade');
  return c;
}

async function state(name: string): Promise<{ Running: boolean; ExitCode: number }> {
  return (JSON.parse((await exchange('GET', `/containers/${name}/json`)).body) as { State: { Running: boolean; ExitCode: number } }).State;
}

async function events(): Promise<string[]> {
  const r = await exchange('GET', `/events?since=0&until=${Math.floor(d.host.kernel.clock.epochMs() / 1000) + 1}`);
  return r.body.split('\n').filter(Boolean).map((l) => {
    const e = JSON.parse(l) as { Action: string; Actor: { Attributes: { name: string } } };
    return `${e.Actor.Attributes.name} ${e.Action}`;
  });
}

describe('the end of an attach', () => {
  beforeAll(async () => {
    const pull = await exchange('POST', '/images/create?fromImage=ubuntu&tag=latest');
    expect(pull.status).toBe(200);
  });

  it('ends a TTY attach when the client closes its write side, leaving the container running', async () => {
    await create('tty', { Cmd: ['bash'], Tty: true, OpenStdin: true });
    const c = await attach('tty');
    c.s.write('echo hi\r');
    await until(d.host, () => c.text().includes('hi\r\n'), 'the echo', 2000, 10);
    // What the docker CLI does once its own escape proxy has seen Ctrl-P Ctrl-Q.
    c.s.end();
    await until(d.host, () => c.isClosed(), 'the daemon to end the attach', 2000, 10);
    expect(await state('tty')).toMatchObject({ Running: true });
    // Only keys the daemon itself saw are a detach (the CLI's were never sent).
    expect((await events()).filter((e) => e.startsWith('tty '))).toEqual(['tty create', 'tty start', 'tty attach']);
  });

  it('closes the stdin of a StdinOnce container without a TTY, and the attach ends with the container', async () => {
    await create('once', { Cmd: ['cat'], OpenStdin: true, StdinOnce: true });
    const c = await attach('once');
    c.s.write('last line\n');
    c.s.end();
    await until(d.host, () => c.isClosed(), 'cat to see EOF and exit', 2000, 10);
    expect(c.text()).toContain('\x01\x00\x00\x00\x00\x00\x00\x0alast line\n');
    expect(await state('once')).toMatchObject({ Running: false, ExitCode: 0 });
  });

  it('detaches on keys the daemon sees itself, even split over packets, and logs `detach`', async () => {
    await create('keys', { Cmd: ['bash'], Tty: true, OpenStdin: true });
    const c = await attach('keys', '&detachKeys=ctrl-x,x');
    c.s.write('echo a\x18');
    await until(d.host, () => c.text().includes('echo a'), 'the keys before the sequence', 2000, 10);
    expect(c.isClosed()).toBe(false);
    c.s.write('x');
    await until(d.host, () => c.isClosed(), 'the detach', 2000, 10);
    expect(await state('keys')).toMatchObject({ Running: true });
    expect((await events()).filter((e) => e.startsWith('keys '))).toEqual(['keys create', 'keys start', 'keys attach', 'keys detach']);
  });

  it('refuses detach keys it cannot parse, as moby does', async () => {
    const c = await open();
    c.s.write('POST /containers/keys/attach?stream=1&stdin=1&detachKeys=ctrl-Q HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n');
    await drive(d.host, c.closed, 100);
    expect(c.text()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[^]*\r\n\r\nInvalid detach keys \(ctrl-Q\) provided\r\n$/);
  });
});
