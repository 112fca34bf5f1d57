/**
 * The archive routes on the wire: the path stat as base64 JSON in X-Docker-Container-Path-Stat, tar bodies
 * byte for byte (Content-Length in bytes, chunked once large), request bodies handed over untouched.
 */
import { describe, expect, it } from 'vitest';
import { bytesFromArray } from '../../src/api/bytes.js';
import { DATE, exchange, fakeBackend, HEADERS } from './helpers.js';

const stat = { name: 'a.txt', size: 6, mode: 420, mtime: '2026-11-28T09:00:00Z', linkTarget: '' };
const STAT_HEADER = `X-Docker-Container-Path-Stat: ${Buffer.from(JSON.stringify(stat)).toString('base64')}\r\n`;
const req = (method: string, target: string, body = ''): string =>
  `${method} ${target} HTTP/1.1\r\nHost: x\r\n${body ? `Content-Length: ${body.length}\r\nContent-Type: application/x-tar\r\n` : ''}\r\n${body}`;

describe('archive routes', () => {
  it('HEAD answers the stat header alone', async () => {
    const out = await exchange(fakeBackend({ containerStatPath: () => stat }), req('HEAD', '/v1.50/containers/c/archive?path=%2Fa.txt'));
    expect(out).toBe(`HTTP/1.1 200 OK\r\n${HEADERS}${STAT_HEADER}${DATE}\r\n`);
  });

  it('GET sends the tar as bytes, every byte value intact, with its length in bytes', async () => {
    const tar = Uint8Array.from({ length: 1024 }, (_, i) => i % 256);
    const out = await exchange(fakeBackend({ containerArchivePath: () => ({ tar, stat }) }), req('GET', '/v1.50/containers/c/archive?path=a.txt'));
    const sorted = HEADERS.replace('Docker-Experimental', 'Content-Type: application/x-tar\r\nDocker-Experimental');
    expect(out).toBe(`HTTP/1.1 200 OK\r\n${sorted}${STAT_HEADER}${DATE}Content-Length: 1024\r\n\r\n${bytesFromArray(tar)}`);
  });

  it('streams a large tar chunked', async () => {
    const tar = new Uint8Array(100_000).fill(0xe9);
    const out = await exchange(fakeBackend({ containerExport: () => tar }), req('GET', '/v1.50/containers/c/export'));
    expect(out).toContain('Transfer-Encoding: chunked\r\n');
    const body = out.slice(out.indexOf('\r\n\r\n') + 4);
    let rest = body;
    let got = '';
    for (;;) {
      const nl = rest.indexOf('\r\n');
      const n = parseInt(rest.slice(0, nl), 16);
      if (n === 0) break;
      got += rest.slice(nl + 2, nl + 2 + n);
      rest = rest.slice(nl + 2 + n + 2);
    }
    expect(got).toBe(bytesFromArray(tar));
  });

  it('PUT hands the body over byte for byte with its options; a missing path is a 400', async () => {
    let seen: unknown = null;
    const body = bytesFromArray(Uint8Array.from([0, 0xff, 0xc3, 0xa9, 10]));
    const b = fakeBackend({ containerExtractToDir: (name, path, data, opts) => void (seen = { name, path, data: [...data], opts }) });
    const out = await exchange(b, req('PUT', '/v1.50/containers/c/archive?copyUIDGID=true&noOverwriteDirNonDir=true&path=%2Ftmp', body));
    expect(out.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(seen).toEqual({ name: 'c', path: '/tmp', data: [0, 0xff, 0xc3, 0xa9, 10], opts: { copyUIDGID: true, noOverwriteDirNonDir: true } });
    const bad = await exchange(b, req('PUT', '/v1.50/containers/c/archive', body));
    expect(bad).toContain('HTTP/1.1 400 Bad Request');
    expect(bad).toContain('{"message":"bad parameter: path cannot be empty"}');
  });

  it('routes save, load and import: names repeated, load messages as JSON lines, import as {"status":ID}', async () => {
    let names: readonly string[] = [];
    const b = fakeBackend({
      imagesSave: (n) => ((names = n), new Uint8Array([1, 2, 3])),
      imagesLoad: () => [{ stream: 'Loaded image: ubuntu:latest\n' }],
      imageImport: (r) => `sha256:${r.src}${r.repo}${r.tag}${r.changes.join(',')}`,
    });
    expect(await exchange(b, req('GET', '/v1.50/images/get?names=ubuntu&names=busybox'))).toContain('\r\n\r\n\x01\x02\x03');
    expect(names).toEqual(['ubuntu', 'busybox']);
    expect(await exchange(b, req('POST', '/v1.50/images/load?quiet=1', 'x'))).toContain('{"stream":"Loaded image: ubuntu:latest\\n"}\n');
    expect(await exchange(b, req('POST', '/v1.50/images/create?changes=CMD+x&changes=USER+u&fromSrc=-&repo=r&tag=t', 'x'))).toContain('{"status":"sha256:-rtCMD x,USER u"}\n');
  });
});
