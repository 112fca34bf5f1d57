/**
 * The web preview's client: a request from outside the machine to a port of the host, answered by whatever
 * listens there (nginx on the host here), logged by the server, failing in virtual time when nothing answers.
 */
import { describe, expect, it } from 'vitest';
import type { Program } from '../../src/engine/kernel/sys.js';
import { startRequest } from '../../src/machine/preview.js';
import { REQUEST_TIMEOUT_MS, requestText, type HttpOutcome, type HttpRequest } from '../../src/programs/net/forward.js';
import { InputRecorder, replay, type JournalMachine } from '../../src/machine/journal.js';
import { nginxHost, read, run, type NginxHost } from '../programs/nginx/harness.js';

const SITE = `events {}
http {
  include /etc/nginx/mime.types;
  access_log /var/log/nginx/site.log;
  server { listen 8089; root /srv/html; }
}
`;

async function site(): Promise<NginxHost> {
  const h = nginxHost('24.04', (b) => {
    b.file('/srv/site.conf', SITE).file('/srv/html/index.html', '<h1>héllo</h1>\n').file('/srv/html/dot.txt', '');
  });
  // The builder writes text as UTF-8: the binary file goes on disk as bytes.
  h.root.writeFile('/srv/html/dot.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 0x1a, 10]), { mode: 0o644, uid: 0, gid: 0 });
  expect((await run(h, ['nginx', '-c', '/srv/site.conf'])).out).toBe('');
  return h;
}

const req = (port: number, path: string): HttpRequest => ({ method: 'GET', address: '127.0.0.1', port, path, headers: [['User-Agent', 'Mozilla/5.0 (dockersim preview)'], ['Accept', '*/*']] });

async function ask(h: NginxHost, r: HttpRequest, ms = 5_000): Promise<HttpOutcome | undefined> {
  let got: HttpOutcome | undefined;
  startRequest(h.k, r, (o) => (got = o));
  await h.k.runFor(ms);
  return got;
}

const text = (o: HttpOutcome | undefined): string => (o?.ok ? new TextDecoder().decode(o.body) : '');

describe('web preview requests', () => {
  it('writes an HTTP/1.1 request for localhost:PORT that closes after the answer', () => {
    expect(requestText(req(8080, '/a?b=1'))).toBe(
      'GET /a?b=1 HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: Mozilla/5.0 (dockersim preview)\r\nAccept: */*\r\nConnection: close\r\n\r\n',
    );
    expect(requestText({ ...req(80, '/'), address: '10.0.2.15', headers: [] })).toBe('GET / HTTP/1.1\r\nHost: 10.0.2.15\r\nConnection: close\r\n\r\n');
  });

  it('gets the page, its headers and its bytes, and the server logs the request', async () => {
    const h = await site();
    const o = await ask(h, req(8089, '/'));
    expect(o?.ok && [o.status, o.statusText, o.truncated]).toEqual([200, 'OK', false]);
    expect(o?.ok && Object.fromEntries(o.headers)['Content-Type']).toBe('text/html');
    expect(text(o)).toBe('<h1>héllo</h1>\n');
    const png = await ask(h, req(8089, '/dot.png'));
    expect(png?.ok && [...png.body]).toEqual([0x89, 0x50, 0x4e, 0x47, 13, 10, 0x1a, 10]);
    const log = read(h, '/var/log/nginx/site.log');
    expect(log).toMatch(/^127\.0\.0\.1 - - \[28\/Nov\/2026:09:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 16 "-" "Mozilla\/5\.0 \(dockersim preview\)"\n/);
    expect(log.split('\n')[1]).toContain('"GET /dot.png HTTP/1.1" 200 8');
    const missing = await ask(h, req(8089, '/nope'));
    expect(missing?.ok && missing.status).toBe(404);
  });

  it('says the connection was refused when nothing listens, at once', async () => {
    const h = nginxHost();
    const t0 = h.k.now();
    let got: HttpOutcome | undefined;
    startRequest(h.k, req(8089, '/'), (o) => (got = o));
    await h.k.run({ until: t0 + 1 });
    expect(got).toEqual({ ok: false, error: 'refused', message: 'Connection refused' });
  });

  it('gives up in virtual time on a server that accepts and never answers', async () => {
    const h = nginxHost();
    const silent: Program = async (sys) => {
      const l = sys.listen('tcp://0.0.0.0:9000');
      await sys.accept(l);
      await sys.sleep(10 * REQUEST_TIMEOUT_MS);
      return 0;
    };
    h.k.spawn(h.k.hostPidNs.init!, { argv: ['silent'], program: silent });
    await h.k.runFor(10);
    const t0 = h.k.now();
    let got: HttpOutcome | undefined;
    let at = 0;
    startRequest(h.k, req(9000, '/'), (o) => {
      got = o;
      at = h.k.now();
    });
    await h.k.runFor(2 * REQUEST_TIMEOUT_MS);
    expect(got).toEqual({ ok: false, error: 'timeout', message: 'no complete answer in time' });
    expect(at - t0).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
    expect(at - t0).toBeLessThan(REQUEST_TIMEOUT_MS + 1000);
  });
});

describe('web preview requests in the journal', () => {
  it('replays a request: the server logs the same line at the same time', async () => {
    const h = await site();
    const machine = { kernel: h.k } as unknown as JournalMachine;
    const rec = new InputRecorder(machine);
    const answer = rec.submitHttp({ kind: 'http', ...req(8089, '/') });
    await rec.flush();
    await h.k.runFor(5_000);
    expect((await answer).ok).toBe(true);
    const log = read(h, '/var/log/nginx/site.log');
    expect(log).toContain('"GET / HTTP/1.1" 200');

    const again = await site();
    await replay({ kernel: again.k } as unknown as JournalMachine, rec.entries, { head: { step: h.k.sched.slices, at: h.k.now() } });
    expect(read(again, '/var/log/nginx/site.log')).toBe(log);
  });
});
