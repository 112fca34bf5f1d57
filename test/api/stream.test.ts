/**
 * Byte bodies on the simulated HTTP path: the client reads a chunked body as bytes however the socket splits
 * it, the server collects a large request body as bytes as it arrives, and a tar body is made only as fast as
 * the connection takes it.
 */
import { describe, expect, it } from 'vitest';
import { ResponseReader } from '../../src/api/client/response.js';
import { RequestParser } from '../../src/api/http/parser.js';
import { bytesFromArray } from '../../src/api/bytes.js';
import { writeTarBody } from '../../src/api/router/archive/routes.js';
import type { ResponseWriter } from '../../src/api/server/types.js';
import type { ByteSource } from '../../src/pkg/archive/tar.js';
import { concatBytes } from '../../src/engine/kernel/chunks.js';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const body = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 131) & 0xff);

/** A reader over `wire`, cut into reads of the given sizes (the last repeats). */
function reader(wire: Uint8Array, cuts: number[]): ResponseReader {
  let at = 0;
  let i = 0;
  const sys = {
    readData: async () => {
      if (at >= wire.length) return null;
      const n = cuts[Math.min(i++, cuts.length - 1)];
      const piece = wire.slice(at, at + n);
      at += n;
      return piece;
    },
  };
  return new ResponseReader(sys, 3, 'GET');
}

/** `data` in chunked coding, chunks of `size`. */
function frames(data: Uint8Array, size: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += size) {
    const c = data.subarray(at, at + size);
    parts.push(enc(`${c.length.toString(16)}\r\n`), c, enc('\r\n'));
  }
  parts.push(enc('0\r\n\r\n'));
  return concatBytes(parts);
}

const chunked = (data: Uint8Array, size: number): Uint8Array =>
  concatBytes([enc('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'), frames(data, size)]);

async function readAllBytes(r: ResponseReader): Promise<{ data: Uint8Array; largest: number }> {
  await r.readHead();
  const parts: Uint8Array[] = [];
  for (let p = await r.nextBytes(); p !== null; p = await r.nextBytes()) parts.push(p.slice());
  return { data: concatBytes(parts), largest: Math.max(...parts.map((p) => p.length)) };
}

describe('ResponseReader.nextBytes', () => {
  for (const cuts of [[1], [7, 3], [100], [65_536]]) {
    it(`reads a chunked body byte for byte when the socket gives ${cuts.join(', ')}-byte reads`, async () => {
      const got = await readAllBytes(reader(chunked(body, 32_768), cuts));
      expect(Buffer.from(got.data).equals(Buffer.from(body))).toBe(true);
    });
  }

  it('reads a Content-Length body and gives each read as it came', async () => {
    const wire = concatBytes([enc(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
    const got = await readAllBytes(reader(wire, [4096]));
    expect(Buffer.from(got.data).equals(Buffer.from(body))).toBe(true);
    expect(got.largest).toBeLessThanOrEqual(4096);
  });
});

describe('RequestParser with a large body', () => {
  const head = (extra: string): string => `POST /v1.50/images/load HTTP/1.1\r\nHost: x\r\n${extra}\r\n`;

  it('collects a Content-Length body pushed as bytes in pieces, then parses the next request', () => {
    const p = new RequestParser();
    p.push(head(`Content-Length: ${body.length}\r\n`) + bytesFromArray(body.subarray(0, 1000)));
    expect(p.next()).toBeNull();
    p.push(body.subarray(1000, 50_000));
    expect(p.next()).toBeNull();
    p.push(concatBytes([body.subarray(50_000), enc('GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n')]));
    const req = p.next()!;
    expect(Buffer.from(req.bodyBytes!).equals(Buffer.from(body))).toBe(true);
    expect(req.body).toBe(bytesFromArray(body));
    expect(p.next()!.path).toBe('/_ping');
  });

  it('takes a request and its large body arriving in one read without copying the body', () => {
    const wire = concatBytes([enc(head(`Content-Length: ${body.length}\r\n`)), body]);
    const p = new RequestParser();
    p.push(wire);
    const req = p.next()!;
    expect(req.bodyBytes!.buffer).toBe(wire.buffer);
    expect(Buffer.from(req.bodyBytes!).equals(Buffer.from(body))).toBe(true);
    expect(p.next()).toBeNull();
  });

  it('parses small requests pipelined in one long read as before, bodies as strings', () => {
    const small = (i: number): string => `PUT /v1.50/x${i} HTTP/1.1\r\nHost: x\r\nContent-Length: 30000\r\n\r\n${String(i).repeat(30_000)}`;
    const p = new RequestParser();
    p.push(enc(small(1) + small(2) + small(3)));
    for (const i of [1, 2, 3]) {
      const req = p.next()!;
      expect(req.path).toBe(`/v1.50/x${i}`);
      expect(req.bodyBytes).toBeUndefined();
      expect(req.body).toBe(String(i).repeat(30_000));
    }
    expect(p.next()).toBeNull();
    expect(p.buffered).toBe(0);
  });

  it('decodes a chunked body split anywhere, and refuses a bad chunk size', () => {
    const wire = concatBytes([enc(head('Transfer-Encoding: chunked\r\n')), frames(body, 10_000)]);
    const p = new RequestParser();
    let req = null;
    for (let at = 0; at < wire.length && !req; at += 997) {
      p.push(wire.subarray(at, at + 997));
      req = p.next();
    }
    expect(Buffer.from(req!.bodyBytes!).equals(Buffer.from(body))).toBe(true);
    const bad = new RequestParser();
    bad.push(head('Transfer-Encoding: chunked\r\n') + '10\r\n');
    bad.push(new Uint8Array(16));
    bad.push(enc('\r\nzz\r\n'));
    expect(() => bad.next()).toThrow(/invalid byte in chunk length/);
  });
});

describe('writeTarBody', () => {
  it('makes the next piece only once the connection took the last: what is made and not sent stays bounded', async () => {
    let made = 0;
    let sent = 0;
    let ahead = 0;
    const src: ByteSource = {
      size: 5_000_000,
      *pieces() {
        for (let left = 5_000_000; left > 0; left -= 10_000) {
          made += 10_000;
          yield new Uint8Array(10_000);
        }
      },
    };
    const w = {
      write: async (b: string | Uint8Array) => {
        ahead = Math.max(ahead, made - sent);
        await Promise.resolve();
        sent += b.length;
      },
    };
    await writeTarBody({ w: w as unknown as ResponseWriter }, src);
    expect(sent).toBe(5_000_000);
    expect(ahead).toBeLessThanOrEqual(32 * 1024 + 10_000);
  });
});
