/**
 * The filters between nginx's static handler and the wire, against nginx 1.24's sources: 304 and 412 from the
 * not_modified filter, 206/416/multipart from the range filter (boundary from ngx_next_temp_number: the
 * cycle's counter, 20 digits), gzip with chunked coding, and keep-alive ended by keepalive_timeout,
 * keepalive_requests and `keepalive_timeout 0` on the virtual clock.
 */
import { describe, expect, it } from 'vitest';
import { gunzip } from '../../../src/pkg/archive/gzip.js';
import { nginxHost, read, readBinary, run, write, type NginxHost } from './harness.js';

const conf = (http: string, server = ''): string => `worker_processes 1;
error_log /var/log/nginx/site.err;
events { worker_connections 768; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log /var/log/nginx/site.log;
  ${http}
  server {
    listen 8089 default_server;
    root /srv/html;
    ${server}
  }
}
`;

const BODY = 'hello world\n';

async function site(http = '', server = ''): Promise<NginxHost> {
  const h = nginxHost('24.04', (b) => {
    b.file('/srv/site.conf', conf(http, server));
    b.file('/srv/html/index.html', BODY).file('/srv/html/a.txt', 'abcdefghij');
    b.file('/srv/html/big.html', `<p>${'lorem ipsum dolor sit amet '.repeat(40)}</p>\n`);
  });
  expect((await run(h, ['nginx', '-c', '/srv/site.conf'])).out).toBe('');
  return h;
}

const get = (path: string, extra = '', version = '1.1'): string =>
  `GET ${path} HTTP/${version}\nHost: localhost\nUser-Agent: curl/8.5.0\nAccept: */*\n${extra}\n`;
const strip = (s: string): string => s.replace(/Date: .*\n/g, 'Date: D\n');

/** The file's Last-Modified and ETag as the 200 shows them. */
async function validators(h: NginxHost, path: string): Promise<{ lm: string; etag: string }> {
  const r = await run(h, ['http', '8089', get(path)]);
  return { lm: /Last-Modified: (.*)\n/.exec(r.out)![1], etag: /ETag: (.*)\n/.exec(r.out)![1] };
}

describe('conditional GET', () => {
  it('If-Modified-Since (exact) and If-None-Match give 304 with nginx\'s headers and no body', async () => {
    const h = await site('', 'add_header X-Site demo;');
    const { lm, etag } = await validators(h, '/index.html');
    expect(lm).toBe('Fri, 27 Nov 2026 09:00:00 GMT');
    expect(etag).toBe('"6b094690-c"');
    const r = await run(h, ['http', '8089',
      get('/index.html', `If-Modified-Since: ${lm}\n`),
      get('/index.html', 'If-Modified-Since: Sat, 28 Nov 2026 09:00:00 GMT\n'),
      get('/index.html', `If-None-Match: "x", ${etag}\n`),
      get('/index.html', 'If-None-Match: "x"\n'),
    ]);
    const notModified = 'HTTP/1.1 304 Not Modified\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\n' +
      `Last-Modified: ${lm}\nConnection: keep-alive\nETag: ${etag}\nX-Site: demo\n\n`;
    const ok = 'HTTP/1.1 200 OK\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 12\n' +
      `Last-Modified: ${lm}\nConnection: keep-alive\nETag: ${etag}\nX-Site: demo\nAccept-Ranges: bytes\n\n${BODY}`;
    // A later date is not the file's: `if_modified_since exact` serves the file.
    expect(strip(r.out)).toBe(notModified + ok + notModified + ok);
    expect(read(h, '/var/log/nginx/site.log').split('\n').slice(1, 5).map((l) => l.replace(/^.*" (\d+ \d+) .*$/, '$1'))).toEqual(['304 0', '200 12', '304 0', '200 12']);
  });

  it('if_modified_since before, and off', async () => {
    const before = await site('if_modified_since before;');
    const later = get('/index.html', 'If-Modified-Since: Sat, 28 Nov 2026 09:00:00 GMT\n');
    expect((await run(before, ['http', '8089', later])).out).toMatch(/^HTTP\/1.1 304 /);
    const off = await site('if_modified_since off;');
    const { lm } = await validators(off, '/index.html');
    expect((await run(off, ['http', '8089', get('/index.html', `If-Modified-Since: ${lm}\n`)])).out).toMatch(/^HTTP\/1.1 200 /);
  });

  it('If-Unmodified-Since before the file and a failing If-Match give 412', async () => {
    const h = await site();
    const r = await run(h, ['http', '8089', get('/index.html', 'If-Unmodified-Since: Wed, 25 Nov 2026 09:00:00 GMT\n'), get('/index.html', 'If-Match: "nope"\n')]);
    const page = '<html>\n<head><title>412 Precondition Failed</title></head>\n<body>\n<center><h1>412 Precondition Failed</h1></center>\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\n</body>\n</html>\n';
    const head = `HTTP/1.1 412 Precondition Failed\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: ${page.replace(/\n/g, "\r\n").length}\nConnection: keep-alive\n\n`;
    expect(strip(r.out)).toBe(head + page + head + page);
  });

  it('etag off sends none and If-None-Match never matches', async () => {
    const h = await site('etag off;');
    const r = await run(h, ['http', '8089', get('/index.html', 'If-None-Match: *\n')]);
    expect(strip(r.out)).toBe('HTTP/1.1 304 Not Modified\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nLast-Modified: Fri, 27 Nov 2026 09:00:00 GMT\nConnection: keep-alive\n\n');
    const plain = await run(h, ['http', '8089', get('/index.html')]);
    expect(plain.out).not.toContain('ETag');
  });
});

describe('byte ranges', () => {
  const head206 = (range: string, length: number): string =>
    'HTTP/1.1 206 Partial Content\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/plain\n' +
    `Content-Length: ${length}\nLast-Modified: Fri, 27 Nov 2026 09:00:00 GMT\nConnection: keep-alive\nETag: "6b094690-a"\nContent-Range: bytes ${range}\n\n`;

  it('a-b, a- and -n give 206 with Content-Range', async () => {
    const h = await site();
    const r = await run(h, ['http', '8089', get('/a.txt', 'Range: bytes=0-2\n'), get('/a.txt', 'Range: bytes=7-\n'), get('/a.txt', 'Range: bytes=-4\n'), get('/a.txt', 'Range: bytes=5-100\n')]);
    expect(strip(r.out)).toBe(head206('0-2/10', 3) + 'abc' + head206('7-9/10', 3) + 'hij' + head206('6-9/10', 4) + 'ghij' + head206('5-9/10', 5) + 'fghij');
  });

  it('an unsatisfiable range is a 416 with nginx\'s page and Content-Range: bytes */size', async () => {
    const h = await site();
    const r = await run(h, ['http', '8089', get('/a.txt', 'Range: bytes=10-\n'), get('/a.txt', 'Range: bytes=x\n')]);
    const page = '<html>\n<head><title>416 Requested Range Not Satisfiable</title></head>\n<body>\n<center><h1>416 Requested Range Not Satisfiable</h1></center>\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\n</body>\n</html>\n';
    const head = `HTTP/1.1 416 Requested Range Not Satisfiable\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: ${page.replace(/\n/g, "\r\n").length}\nConnection: keep-alive\nContent-Range: bytes */10\n\n`;
    expect(strip(r.out)).toBe(head + page + head + page);
    expect(read(h, '/var/log/nginx/site.log')).toContain('"GET /a.txt HTTP/1.1" 416 206 ');
  });

  it('several ranges are multipart/byteranges, boundaries counted from 1 in the cycle', async () => {
    const h = await site();
    const r = await run(h, ['http', '8089', get('/a.txt', 'Range: bytes=0-1,-2\n'), get('/a.txt', 'Range: bytes=1-1,3-3\n')]);
    const part = (b: string, range: string, data: string): string => `\n--${b}\nContent-Type: text/plain\nContent-Range: bytes ${range}/10\n\n${data}`;
    const b1 = '00000000000000000001';
    const body1 = part(b1, '0-1', 'ab') + part(b1, '8-9', 'ij') + `\n--${b1}--\n`;
    const b2 = '00000000000000000002';
    const body2 = part(b2, '1-1', 'b') + part(b2, '3-3', 'd') + `\n--${b2}--\n`;
    const head = (b: string, body: string): string =>
      `HTTP/1.1 206 Partial Content\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: multipart/byteranges; boundary=${b}\n` +
      `Content-Length: ${body.replace(/\n/g, '\r\n').length}\nLast-Modified: Fri, 27 Nov 2026 09:00:00 GMT\nConnection: keep-alive\nETag: "6b094690-a"\n\n`;
    expect(strip(r.out)).toBe(head(b1, body1) + body1 + head(b2, body2) + body2);
  });

  it('ranges larger than the file together, and a stale If-Range, serve it whole', async () => {
    const h = await site();
    const r = await run(h, ['http', '8089', get('/a.txt', 'Range: bytes=0-8,1-9\n'), get('/a.txt', 'Range: bytes=0-1\nIf-Range: "old"\n')]);
    expect(r.out.match(/HTTP\/1.1 200 OK\n/g)).toHaveLength(2);
    expect(r.out.match(/^Accept-Ranges: bytes$/gm)).toHaveLength(2);
  });
});

describe('gzip', () => {
  /** Runs `http` with its output in a file, and splits the raw response. */
  async function raw(h: NginxHost, ...reqs: string[]): Promise<string> {
    write(h, '/tmp/req.sh', `http 8089 ${reqs.map((q) => `'${q}'`).join(' ')} > /tmp/out`);
    await run(h, ['sh', '/tmp/req.sh']);
    return readBinary(h, '/tmp/out');
  }
  const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const dechunk = (s: string): string => {
    let out = '';
    for (let at = 0; ;) {
      const eol = s.indexOf('\r\n', at);
      const n = parseInt(s.slice(at, eol), 16);
      if (n === 0) return out;
      out += s.slice(eol + 2, eol + 2 + n);
      at = eol + 2 + n + 2;
    }
  };

  it('gzip on compresses text/html for a client that accepts it: Content-Encoding, chunked, a weak ETag', async () => {
    const h = await site('gzip on; gzip_vary on;');
    const big = read(h, '/srv/html/big.html');
    const out = await raw(h, get('/big.html', 'Accept-Encoding: deflate, gzip, br, zstd\n'));
    const [head, body] = [out.slice(0, out.indexOf('\r\n\r\n')), out.slice(out.indexOf('\r\n\r\n') + 4)];
    expect(strip(`${head}\n`.replace(/\r\n/g, '\n'))).toBe(
      'HTTP/1.1 200 OK\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nLast-Modified: Fri, 27 Nov 2026 09:00:00 GMT\n' +
      'Transfer-Encoding: chunked\nConnection: keep-alive\nVary: Accept-Encoding\nETag: W/"6b094690-440"\nContent-Encoding: gzip\n',
    );
    const gz = bytes(dechunk(body));
    expect([...gz.slice(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(new TextDecoder().decode(gunzip(gz).data)).toBe(big);
    expect(body.endsWith('\r\n0\r\n\r\n')).toBe(true);
    // $body_bytes_sent counts what followed the head: the compressed bytes in their chunk framing.
    expect(body.length).toBe(gz.length + gz.length.toString(16).length + 2 + 7);
    expect(read(h, '/var/log/nginx/site.log')).toContain(`" 200 ${body.length} "-"`);
  });

  it('no gzip without Accept-Encoding (Vary still sent), for HTTP/1.0, below gzip_min_length, or a type not listed', async () => {
    const h = await site('gzip on; gzip_vary on; gzip_min_length 100;');
    const r = await run(h, ['http', '8089', get('/big.html'), get('/index.html', 'Accept-Encoding: gzip\n'), get('/a.txt', 'Accept-Encoding: gzip\n'), get('/big.html', 'Accept-Encoding: gzip\n', '1.0')]);
    expect(r.out).not.toContain('Content-Encoding');
    expect(r.out.match(/^Vary: Accept-Encoding$/gm)).toHaveLength(2);
    expect(r.out.match(/^Accept-Ranges: bytes$/gm)).toHaveLength(4);
  });

  it('gzip_types adds types; gzip_disable msie6; q=0 refuses; gzip_proxied off with Via', async () => {
    const h = await site('gzip on; gzip_types text/plain; gzip_min_length 1; gzip_disable "msie6";');
    const r = await run(h, ['http', '8089',
      get('/a.txt', 'Accept-Encoding: gzip\n'),
      'GET /a.txt HTTP/1.1\nHost: x\nUser-Agent: Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)\nAccept-Encoding: gzip\n\n',
      get('/a.txt', 'Accept-Encoding: gzip;q=0\n'),
      get('/a.txt', 'Accept-Encoding: gzip\nVia: 1.1 proxy\n'),
      get('/a.txt', 'Accept-Encoding: x-gzip, gzip;q=0.5\n'),
    ]);
    expect(r.out.match(/^Content-Encoding: gzip$/gm)).toHaveLength(2);
  });

  it('404 pages are compressed too; HEAD gets the headers of the compressed response', async () => {
    const h = await site('gzip on;');
    const r = await run(h, ['http', '8089', 'HEAD /big.html HTTP/1.1\nHost: x\nAccept-Encoding: gzip\n\n']);
    expect(strip(r.out)).toBe('HTTP/1.1 200 OK\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nLast-Modified: Fri, 27 Nov 2026 09:00:00 GMT\nConnection: keep-alive\nETag: W/"6b094690-440"\nContent-Encoding: gzip\n\n');
    const out = await raw(h, get('/nope', 'Accept-Encoding: gzip\n'));
    expect(strip(out.slice(0, out.indexOf('\r\n\r\n') + 2).replace(/\r\n/g, '\n'))).toBe('HTTP/1.1 404 Not Found\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nTransfer-Encoding: chunked\nConnection: keep-alive\nContent-Encoding: gzip\n');
  });

  it('gzip_http_version 1.0 compresses an HTTP/1.0 response and closes it, without chunks', async () => {
    const h = await site('gzip on; gzip_http_version 1.0;');
    const out = await raw(h, get('/big.html', 'Accept-Encoding: gzip\nConnection: keep-alive\n', '1.0'));
    expect(out).toContain('Connection: close\r\n');
    expect(out).not.toContain('Transfer-Encoding');
    expect(new TextDecoder().decode(gunzip(bytes(out.slice(out.indexOf('\r\n\r\n') + 4))).data)).toBe(read(h, '/srv/html/big.html'));
  });
});

describe('keep-alive', () => {
  it('keepalive_timeout closes an idle connection after that much virtual time; 75 s by default', async () => {
    expect((await run(await site('keepalive_timeout 65;'), ['idle', '8089', get('/')])).out).toBe('HTTP/1.1 200 OK\nclosed after 65 s\n');
    expect((await run(await site(), ['idle', '8089', get('/')])).out).toBe('HTTP/1.1 200 OK\nclosed after 75 s\n');
    // A connection that never sends a request waits client_header_timeout (60 s).
    expect((await run(await site(), ['idle', '8089', ''])).out).toBe('\nclosed after 60 s\n');
  });

  it('keepalive_timeout 0 sends Connection: close; keepalive_requests ends the connection on its last request', async () => {
    const off = await site('keepalive_timeout 0;');
    const r = await run(off, ['http', '8089', get('/'), get('/')]);
    expect(r.out.match(/^HTTP\/1.1/gm)).toHaveLength(1);
    expect(r.out).toContain('Connection: close\n');
    const two = await site('keepalive_requests 2;');
    const t = await run(two, ['http', '8089', get('/'), get('/'), get('/')]);
    expect(t.out.match(/^Connection: .*$/gm)).toEqual(['Connection: keep-alive', 'Connection: close']);
  });

  it('the second argument of keepalive_timeout is a Keep-Alive header', async () => {
    const h = await site('keepalive_timeout 65 60;');
    expect((await run(h, ['http', '8089', get('/')])).out).toContain('Connection: keep-alive\nKeep-Alive: timeout=60\n');
  });

  it('keepalive_requests is 100 before nginx 1.19.10 (jammy\'s 1.18)', async () => {
    const h = nginxHost('22.04', (b) => {
      b.file('/srv/site.conf', conf(''));
      b.file('/srv/html/index.html', BODY);
    });
    await run(h, ['nginx', '-c', '/srv/site.conf']);
    const r = await run(h, ['http', '8089', ...Array.from({ length: 101 }, () => get('/'))]);
    expect(r.out.match(/^Connection: close$/gm)).toHaveLength(1);
    expect(r.out.match(/^HTTP\/1.1 200/gm)).toHaveLength(100);
    write(h, '/srv/site.conf', conf('keepalive_time 1h;'));
    expect((await run(h, ['nginx', '-t', '-c', '/srv/site.conf'])).out).toContain('[emerg] unknown directive "keepalive_time" in /srv/site.conf:8');
  });

  it('gzip directives nginx has but dockersim does not model are refused at config test', async () => {
    const h = await site();
    write(h, '/srv/site.conf', conf('gzip_static on;'));
    expect((await run(h, ['nginx', '-t', '-c', '/srv/site.conf'])).out).toMatch(
      /\[emerg\] \d+#\d+: dockersim: directive "gzip_static" is not simulated in \/srv\/site.conf:8\nnginx: configuration file \/srv\/site.conf test failed\n$/);
    write(h, '/srv/site.conf', conf('gzip_comp_level 10;'));
    expect((await run(h, ['nginx', '-t', '-c', '/srv/site.conf'])).out).toContain('value must be between 1 and 9 in /srv/site.conf:8\n');
    write(h, '/srv/site.conf', conf('keepalive_timeout 6x;'));
    expect((await run(h, ['nginx', '-t', '-c', '/srv/site.conf'])).out).toContain(': "keepalive_timeout" directive invalid value in /srv/site.conf:8\n');
  });
});

describe('listen [::]:80', () => {
  it('binds an IPv6-only socket beside the IPv4 one; a client on ::1 is served and logged as ::1', async () => {
    const h = await site('', 'listen [::]:8089 default_server;');
    const keys = [...h.k.network.listeners(h.k.hostNet).keys()].sort();
    expect(keys).toEqual(['0.0.0.0:8089', '[::]:8089']);
    const r = await run(h, ['http', '[::1]:8089', get('/index.html')]);
    expect(r.out).toMatch(/^HTTP\/1.1 200 OK\n/);
    expect(read(h, '/var/log/nginx/site.log')).toMatch(/^::1 - - \[.*\] "GET \/index.html HTTP\/1.1" 200 12 /m);
    expect((await run(h, ['cat', '/proc/net/if_inet6'])).out).toBe('00000000000000000000000000000001 01 80 10 80       lo\n');
  });

  it('an IPv6 address the host does not have fails to bind as nginx reports it', async () => {
    const h = nginxHost('24.04', (b) => b.file('/srv/site.conf', conf('', 'listen [2001:db8::1]:8090;')));
    const r = await run(h, ['nginx', '-c', '/srv/site.conf']);
    expect(r.out).toContain('nginx: [emerg] bind() to [2001:db8::1]:8090 failed (99: Cannot assign requested address)');
  });
});
