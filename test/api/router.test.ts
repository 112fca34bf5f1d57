import { describe, expect, it } from 'vitest';
import { conflict, notFound, notModified } from '../../src/pkg/errdefs.js';
import { DATE, exchange, fakeBackend, HEADERS } from './helpers.js';

const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: api.moby.localhost\r\n${extra}\r\n`;
const post = (path: string, body = '', ct = 'application/json') =>
  `POST ${path} HTTP/1.1\r\nHost: api.moby.localhost\r\n${body ? `Content-Type: ${ct}\r\n` : ''}Content-Length: ${body.length}\r\n\r\n${body}`;

describe('Engine API router', () => {
  it('answers HEAD /_ping as moby does', async () => {
    const out = await exchange(fakeBackend(), 'HEAD /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\nUser-Agent: Docker-Client/28.2.2 (linux)\r\n\r\n');
    expect(out).toBe(
      'HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nBuilder-Version: 2\r\nCache-Control: no-cache, no-store, must-revalidate\r\n' +
        'Content-Length: 0\r\nContent-Type: text/plain; charset=utf-8\r\nDocker-Experimental: false\r\nOstype: linux\r\n' +
        `Pragma: no-cache\r\nServer: Docker/28.2.2 (linux)\r\nSwarm: inactive\r\n${DATE}\r\n`,
    );
  });

  it('answers GET /_ping with OK, sniffed as text', async () => {
    const out = await exchange(fakeBackend(), get('/v1.50/_ping'));
    expect(out).toMatch(/\r\nDate: Sat, 28 Nov 2026 09:00:00 GMT\r\nContent-Length: 2\r\nContent-Type: text\/plain; charset=utf-8\r\n\r\nOK$/);
  });

  it('serves /version as JSON with a newline, versioned or not', async () => {
    const b = fakeBackend({ systemVersion: () => ({ Version: '28.2.2', ApiVersion: '1.50' }) });
    const body = '{"Version":"28.2.2","ApiVersion":"1.50"}\n';
    const expected = `HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nContent-Type: application/json\r\nDocker-Experimental: false\r\nOstype: linux\r\nServer: Docker/28.2.2 (linux)\r\n${DATE}Content-Length: ${body.length}\r\n\r\n${body}`;
    expect(await exchange(b, get('/version'))).toBe(expected);
    expect(await exchange(b, get('/v1.41/version'))).toBe(expected);
  });

  it('refuses versions out of range with 400', async () => {
    const out = await exchange(fakeBackend(), get('/v1.51/containers/json'));
    const body = '{"message":"client version 1.51 is too new. Maximum supported API version is 1.50"}\n';
    expect(out).toBe(`HTTP/1.1 400 Bad Request\r\nApi-Version: 1.50\r\nContent-Type: application/json\r\nDocker-Experimental: false\r\nOstype: linux\r\nServer: Docker/28.2.2 (linux)\r\n${DATE}Content-Length: ${body.length}\r\n\r\n${body}`);
    expect(await exchange(fakeBackend(), get('/v1.12/info'))).toContain(
      '{"message":"client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version"}',
    );
  });

  it('answers unknown paths and wrong methods with page not found, without middleware headers', async () => {
    const expected = `HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n${DATE}Content-Length: 29\r\n\r\n{"message":"page not found"}\n`;
    expect(await exchange(fakeBackend(), get('/v1.50/frob'))).toBe(expected);
    expect(await exchange(fakeBackend(), get('/containers/create'))).toBe(expected);
  });

  it('maps error classes to statuses; 304 and 204 carry no body', async () => {
    const b = fakeBackend({
      containerStart: (name) => {
        if (name === 'up') throw notModified('container is already running');
        if (name === 'gone') throw notFound('No such container: gone');
        if (name === 'paused') throw conflict('cannot start a paused container, try unpause instead');
      },
    });
    expect(await exchange(b, post('/v1.50/containers/up/start'))).toBe(`HTTP/1.1 304 Not Modified\r\n${HEADERS}${DATE}\r\n`);
    expect(await exchange(b, post('/v1.50/containers/ok/start'))).toBe(`HTTP/1.1 204 No Content\r\n${HEADERS}${DATE}\r\n`);
    expect(await exchange(b, post('/v1.50/containers/gone/start'))).toMatch(/^HTTP\/1.1 404 Not Found\r\n[^]*\{"message":"No such container: gone"\}\n$/);
    expect(await exchange(b, post('/v1.50/containers/paused/start'))).toMatch(/^HTTP\/1.1 409 Conflict\r\n/);
  });

  it('reports malformed JSON with Go decoder texts', async () => {
    const b = fakeBackend({ containerCreate: () => ({ Id: 'x', Warnings: [] }) });
    expect(await exchange(b, post('/v1.50/containers/create', 'xyz'))).toContain(`{"message":"invalid JSON: invalid character 'x' looking for beginning of value"}`);
    expect(await exchange(b, post('/v1.50/containers/create', '{"Image":"a"}', 'text/plain'))).toContain(
      `{"message":"unsupported Content-Type header (text/plain): must be 'application/json'"}`,
    );
    expect(await exchange(b, post('/v1.50/containers/create', '{"Image":"a"} {}'))).toContain('{"message":"unexpected content after JSON"}');
  });

  it('creates with the name from the query and the body split as moby does', async () => {
    let seen: unknown;
    const b = fakeBackend({ containerCreate: (c) => ((seen = c), { Id: 'abc', Warnings: [] }) });
    const out = await exchange(b, post('/containers/create?name=web', '{"Image":"ubuntu","Cmd":["sh"],"HostConfig":{"AutoRemove":true}}'));
    expect(out).toMatch(/^HTTP\/1.1 201 Created\r\n[^]*\r\n\r\n\{"Id":"abc","Warnings":\[\]\}\n$/);
    expect(seen).toEqual({ name: 'web', platform: '', config: { Image: 'ubuntu', Cmd: ['sh'] }, hostConfig: { AutoRemove: true }, networkingConfig: {} });
  });

  it('reads query booleans by moby rule and filters in both forms', async () => {
    const seen: unknown[] = [];
    const b = fakeBackend({ containers: (o) => (seen.push([o.all, o.filters]), []) });
    for (const v of ['1', 'true', 'True', 'yes', '0', 'false', 'no', 'none', '']) await exchange(b, get(`/containers/json?all=${v}`));
    expect(seen.map((s) => (s as unknown[])[0])).toEqual([true, true, true, true, false, false, false, false, false]);
    seen.length = 0;
    await exchange(b, get('/containers/json?filters=%7B%22status%22%3A%7B%22running%22%3Atrue%7D%7D'));
    await exchange(b, get('/containers/json?filters=%7B%22status%22%3A%5B%22exited%22%5D%7D'));
    expect(seen.map((s) => (s as unknown[])[1])).toEqual([{ status: ['running'] }, { status: ['exited'] }]);
    expect(await exchange(b, get('/containers/json?filters=nope'))).toContain('{"message":"invalid filter"}');
  });

  it('prefixes kill errors with the container name, keeping the class', async () => {
    const b = fakeBackend({ containerKill: () => { throw conflict('container abc is not running'); } });
    const out = await exchange(b, post('/containers/web/kill'));
    expect(out).toMatch(/^HTTP\/1.1 409 Conflict/);
    expect(out).toContain('{"message":"cannot kill container: web: container abc is not running"}');
  });

  it('returns strconv errors as 500 for a bad stop timeout', async () => {
    const out = await exchange(fakeBackend({ containerStop: () => undefined }), post('/containers/web/stop?t=abc'));
    expect(out).toContain('HTTP/1.1 500 Internal Server Error');
    expect(out).toContain('{"message":"strconv.Atoi: parsing \\"abc\\": invalid syntax"}');
  });

  it('answers a malformed events since/until with the 500 of strconv.ParseInt, as eventTime in moby does', async () => {
    const b = fakeBackend();
    for (const [query, message] of [
      ['until=garbage', 'strconv.ParseInt: parsing \\"garbage\\": invalid syntax'],
      ['since=12ab.5', 'strconv.ParseInt: parsing \\"12ab\\": invalid syntax'],
      ['since=12.ab', 'strconv.ParseInt: parsing \\"ab\\": invalid syntax'],
      ['until=99999999999999999999', 'strconv.ParseInt: parsing \\"99999999999999999999\\": value out of range'],
    ]) {
      const out = await exchange(b, get(`/events?${query}`));
      expect(out, query).toContain('HTTP/1.1 500 Internal Server Error');
      expect(out, query).toContain(`{"message":"${message}"}`);
    }
  });

  it('streams logs chunked and multiplexed, with fixed-width timestamps', async () => {
    const b = fakeBackend({
      containerLogs: (_n, _c, sink) => {
        sink.message({ stream: 'stdout', line: 'hi\n', timeNs: 1_798_448_400_000_000_001n });
        sink.message({ stream: 'stderr', line: 'oops\n', timeNs: 1_798_448_401_000_000_000n });
        sink.end();
        return { tty: false, subscription: { dispose: () => undefined } };
      },
    });
    const out = await exchange(b, get('/v1.50/containers/web/logs?stdout=1&stderr=1&timestamps=1'));
    const f1 = '\x01\x00\x00\x00\x00\x00\x00\x22' + '2026-12-28T09:00:00.000000001Z hi\n';
    const f2 = '\x02\x00\x00\x00\x00\x00\x00\x24' + '2026-12-28T09:00:01.000000000Z oops\n';
    expect(out).toBe(
      `HTTP/1.1 200 OK\r\n${HEADERS.replace('Docker-Experimental', 'Content-Type: application/vnd.docker.multiplexed-stream\r\nDocker-Experimental')}${DATE}Transfer-Encoding: chunked\r\n\r\n` +
        `2a\r\n${f1}\r\n2c\r\n${f2}\r\n0\r\n\r\n`,
    );
  });

  it('sends pull progress as JSON lines, and a late error in band', async () => {
    const b = fakeBackend({
      imagePull: async (ref, progress) => {
        progress({ status: `Pulling from library/${ref.fromImage}`, id: ref.tag });
        throw notFound('manifest unknown');
      },
    });
    const out = await exchange(b, post('/v1.50/images/create?fromImage=ubuntu&tag=latest'));
    expect(out).toContain('Transfer-Encoding: chunked\r\n\r\n');
    expect(out).toContain('{"status":"Pulling from library/ubuntu","id":"latest"}\n');
    expect(out).toContain('{"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}\n');
    const early = fakeBackend({ imagePull: async () => { throw notFound('pull access denied for nope'); } });
    expect(await exchange(early, post('/images/create?fromImage=nope&tag=latest'))).toMatch(/^HTTP\/1.1 404 Not Found[^]*"pull access denied for nope"/);
  });

  it('answers an attach refused before the hijack with a bare status line', async () => {
    const b = fakeBackend({ containerAttach: () => { throw notFound('No such container: nope'); } });
    const out = await exchange(b, 'POST /v1.50/containers/nope/attach?stream=1&stdout=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n');
    expect(out).toBe('HTTP/1.1 404 Not Found\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\nNo such container: nope\r\n');
  });
});
