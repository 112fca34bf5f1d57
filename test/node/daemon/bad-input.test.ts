/**
 * Bad input over real TCP: malformed JSON, unknown paths and methods, oversized bodies and headers, clients
 * that vanish mid-attach and mid-follow, 200 clients at once. Each gets Docker's answer; afterwards the
 * daemon still serves and holds no extra simulated processes or open connections. Virtual time stands
 * still unless a test moves it.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daemonThreads, drive, liveProcesses, testDaemon, until, type TestDaemon } from './helpers.js';

let d: TestDaemon;
let baseline = 0;

beforeAll(async () => {
  d = await testDaemon({ clock: { kind: 'manual' } });
  await d.host.idle();
  baseline = liveProcesses(d.host);
});

afterAll(async () => {
  await d.close();
});

/** Opens a connection; `text()` is everything received so far, `closed` settles when the server hangs up. */
function open(): Promise<{ s: Socket; text: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const s = connect(d.tcp.port, '127.0.0.1');
    let buf = '';
    s.on('data', (b: Buffer) => (buf += b.toString('latin1')));
    const closed = new Promise<void>((r) => s.on('close', () => r()));
    s.on('error', () => undefined);
    s.once('connect', () => resolve({ s, text: () => buf, closed }));
    s.once('error', reject);
  });
}

/** Sends one request with `Connection: close` and returns the whole answer. */
async function exchange(head: string, body = ''): Promise<string> {
  const c = await open();
  c.s.write(head + body);
  await c.closed;
  return c.text();
}

function req(method: string, path: string, body?: string): string {
  const len = body === undefined ? '' : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
  return `${method} ${path} HTTP/1.1\r\nHost: api.moby.localhost\r\n${len}Connection: close\r\n\r\n${body ?? ''}`;
}

function split(answer: string): { head: string; body: string } {
  const i = answer.indexOf('\r\n\r\n');
  return { head: answer.slice(0, i), body: answer.slice(i + 4) };
}

async function settled(): Promise<void> {
  await until(d.host, () => d.server.connections === 0 && liveProcesses(d.host) === baseline, 'connections and processes to go');
}


describe('bad input', () => {
  it('answers malformed JSON with a 400 in Docker error shape', async () => {
    const { head, body } = split(await exchange(req('POST', '/v1.50/containers/create', '{"Image": "ubuntu",')));
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('\r\nContent-Type: application/json\r\n');
    expect(head).toContain('\r\nApi-Version: 1.50\r\n');
    expect(JSON.parse(body)).toEqual({ message: expect.stringMatching(/^invalid JSON: |unexpected EOF/) as unknown });
  });

  it('answers unknown paths and methods with 404 page not found, as moby does', async () => {
    for (const [m, p] of [['GET', '/nosuch'], ['DELETE', '/_ping'], ['GET', '/v1.50/containers/x/y/z']]) {
      const answer = await exchange(req(m, p));
      expect(answer).toMatch(/^HTTP\/1\.1 404 Not Found\r\nContent-Type: application\/json\r\nDate: .*\r\nContent-Length: 29\r\nConnection: close\r\n\r\n\{"message":"page not found"\}\n$/);
    }
  });

  it('rejects a version out of range and serves unversioned paths as 1.50', async () => {
    const old = split(await exchange(req('GET', '/v1.12/version')));
    expect(JSON.parse(old.body)).toEqual({ message: 'client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version' });
    const ping = await exchange(req('HEAD', '/_ping'));
    expect(ping).toMatch(/^HTTP\/1\.1 200 OK\r\nApi-Version: 1\.50\r\n/);
    expect(ping).toContain('Server: Docker/28.2.2 (linux)\r\n');
  });

  it('survives an oversized body and an oversized header', async () => {
    const big = `{"Image":"ubuntu","Env":["X=${'a'.repeat(8 << 20)}"`; // 8 MiB, and not valid JSON
    const { head, body } = split(await exchange(req('POST', '/containers/create', big)));
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Content-Type: application/json');
    expect(typeof (JSON.parse(body) as { message: string }).message).toBe('string');
    const header = await exchange(`GET /_ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(2 << 20)}\r\n\r\n`);
    expect(header).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    await settled();
  });

  it('cleans up after clients that vanish mid-attach and mid-follow', async () => {
    const pull = await drive(d.host, exchange(req('POST', '/images/create?fromImage=ubuntu&tag=latest')));
    if (!pull.includes(' 200 OK')) throw new Error(pull);
    const created = split(await exchange(req('POST', '/containers/create?name=looper', JSON.stringify({ Image: 'ubuntu', Cmd: ['/bin/sh', '-c', 'while true; do echo tick; sleep 1; done'] }))));
    const id = (JSON.parse(created.body) as { Id: string }).Id;
    expect(split(await exchange(req('POST', `/containers/${id}/start`))).head).toMatch(/ 204 No Content/);
    await d.host.advance(1500);
    const before = daemonThreads(d.host);

    const attach = await open();
    attach.s.write(`POST /containers/${id}/attach?stream=1&stdout=1&stderr=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`);
    await until(d.host, () => attach.text().includes('\r\n\r\n'), 'the upgrade');
    expect(attach.text()).toMatch(/^HTTP\/1\.1 101 UPGRADED\r\nContent-Type: application\/vnd\.docker\.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n/);
    await d.host.advance(1000);
    await until(d.host, () => attach.text().includes('tick\n'), 'output through the attach');
    expect(attach.text()).toContain('\x01\x00\x00\x00\x00\x00\x00\x05tick\n');

    const follow = await open();
    follow.s.write(`GET /containers/${id}/logs?follow=1&stdout=1 HTTP/1.1\r\nHost: x\r\n\r\n`);
    await until(d.host, () => follow.text().includes('tick\n'), 'log lines');
    expect(follow.text()).toMatch(/^HTTP\/1\.1 200 OK\r\nApi-Version: 1\.50\r\nContent-Type: application\/vnd\.docker\.multiplexed-stream\r\n/);
    expect(follow.text()).toContain('Transfer-Encoding: chunked\r\n');

    follow.s.destroy();
    await d.host.advance(2000);
    await until(d.host, () => d.server.connections === 1 && daemonThreads(d.host) === before + 5, 'the abandoned follow to end (attach: 2 bridge, 2 connection, 1 worker threads left)');
    attach.s.destroy();
    await d.host.advance(2000);
    // The next write to the vanished client fails and the attach worker detaches (see the next test).
    await until(d.host, () => d.server.connections === 0 && daemonThreads(d.host) === before, 'the abandoned attach to close', 2000, 50);
    expect(split(await drive(d.host, exchange(req('POST', `/containers/${id}/stop?t=1`)))).head).toMatch(/ 204 No Content/);
    expect(split(await exchange(req('POST', `/containers/${id}/start`))).head).toMatch(/ 204 No Content/);
    // The container kept running; the daemon still answers.
    const ps = split(await exchange(req('GET', '/containers/json')));
    expect((JSON.parse(ps.body) as Array<{ Names: string[] }>).map((c) => c.Names)).toEqual([['/looper']]);
  });

  // moby detaches as soon as a write to a vanished attach client fails: src/api reports the hang-up
  // (AttachStreams.onHangup) and dockerd's backend detaches the session there.
  it('frees the attach worker as soon as the client hangs up', async () => {
    const ps = split(await exchange(req('GET', '/containers/json')));
    const id = (JSON.parse(ps.body) as Array<{ Id: string }>)[0].Id;
    await until(d.host, () => d.server.connections === 0, 'idle');
    const before = daemonThreads(d.host);
    const attach = await open();
    attach.s.write(`POST /containers/${id}/attach?stream=1&stdout=1 HTTP/1.1\r\nHost: x\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n\r\n`);
    await d.host.advance(1000);
    await until(d.host, () => attach.text().includes('tick'), 'output');
    attach.s.destroy();
    await d.host.advance(3000);
    await until(d.host, () => daemonThreads(d.host) === before, 'the attach worker to end', 200, 50);
  });

  it('answers 200 concurrent clients, good and bad, and keeps serving', async () => {
    await until(d.host, () => d.server.connections === 0, 'idle');
    const before = daemonThreads(d.host);
    const kinds = [req('GET', '/containers/json?all=1'), req('GET', '/nosuch'), req('POST', '/containers/create', '{'), req('GET', '/containers/nosuch/json')];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => exchange(kinds[i % kinds.length])));
    const statuses = answers.map((a) => a.slice(9, 12));
    expect(statuses.filter((s) => s === '200')).toHaveLength(50);
    expect(statuses.filter((s) => s === '404')).toHaveLength(100);
    expect(statuses.filter((s) => s === '400')).toHaveLength(50);
    for (const a of answers) expect(a).toContain('Content-Type: application/json\r\n');
    expect(JSON.parse(split(answers[3]).body)).toEqual({ message: 'No such container: nosuch' });
    await until(d.host, () => d.server.connections === 0 && daemonThreads(d.host) === before, 'every connection to close');
    expect(split(await exchange(req('GET', '/_ping'))).body).toBe('OK');
    await until(d.host, () => d.server.connections === 0, 'the last connection to close');
    expect(d.host.kernel.faults).toEqual([]);
  });
});
