import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8StreamDecoder, textToBytes } from '../../src/api/bytes.js';
import { HttpParseError, RequestParser } from '../../src/api/http/parser.js';
import { parseQuery } from '../../src/api/http/query.js';

const parseOne = (bytes: string) => {
  const p = new RequestParser();
  p.push(bytes);
  return p.next();
};

describe('HTTP request parser', () => {
  it('reads the request line, headers case-insensitively and a Content-Length body', () => {
    const req = parseOne('POST /v1.50/containers/create?name=web HTTP/1.1\r\nhost: api.moby.localhost\r\ncontent-type: application/json\r\nContent-Length: 2\r\n\r\n{}');
    expect(req).toMatchObject({ method: 'POST', path: '/v1.50/containers/create', rawQuery: 'name=web', body: '{}', keepAlive: true });
    expect(req!.headers.get('Content-Type')).toBe('application/json');
  });

  it('waits for the whole body, decodes chunked bodies and keeps pipelined bytes', () => {
    const p = new RequestParser();
    p.push('POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n');
    expect(p.next()).toBeNull();
    p.push('2;ext=1\r\nde\r\n0\r\n\r\nGET /_ping HTTP/1.1\r\nHost: h\r\n\r\n');
    expect(p.next()!.body).toBe('abcde');
    expect(p.next()!.path).toBe('/_ping');
  });

  it('answers malformed requests with the bytes Go writes', () => {
    const err = (s: string) => {
      try {
        parseOne(s);
      } catch (e) {
        return (e as HttpParseError).response;
      }
      return 'no error';
    };
    const bad = 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request';
    expect(err('garbage\r\n\r\n')).toBe(bad);
    expect(err('GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n')).toBe(bad);
    expect(err('GET / HTTP/1.1\r\n\r\n')).toBe(
      'HTTP/1.1 400 Bad Request: missing required Host header\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request: missing required Host header',
    );
    expect(err('GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n')).toBe(
      'HTTP/1.1 501 Not Implemented\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nUnsupported transfer encoding',
    );
    expect(parseOne('GET / HTTP/1.0\r\n\r\n')!.keepAlive).toBe(false);
  });

  it('never throws anything but HttpParseError on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary-ascii' }), { maxLength: 6 }), (pieces) => {
        const p = new RequestParser();
        try {
          for (const piece of pieces) {
            p.push(piece);
            while (p.next()) {
              /* drain */
            }
          }
        } catch (e) {
          if (!(e instanceof HttpParseError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('query strings', () => {
  it('follows url.ParseQuery', () => {
    const q = parseQuery('all=1&filters=%7B%22status%22%3A%5B%22running%22%5D%7D&name=a+b');
    expect(q.get('all')).toBe('1');
    expect(q.get('filters')).toBe('{"status":["running"]}');
    expect(q.get('name')).toBe('a b');
    expect(() => parseQuery('a=%zz')).toThrow('invalid URL escape "%zz"');
  });
});

describe('UTF-8 streams', () => {
  it('decodes UTF-8 split across reads without replacement characters', () => {
    const d = new Utf8StreamDecoder();
    const b = textToBytes('héllo €');
    expect(d.push(b.slice(0, 2)) + d.push(b.slice(2, 9)) + d.push(b.slice(9)) + d.end()).toBe('héllo €');
  });
});
