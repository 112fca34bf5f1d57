/** busybox httpd's responses, byte for byte as busybox 1.35's (Debian 12) with the same files. */
import { describe, expect, it } from 'vitest';
import { nginxHost, run } from '../nginx/harness.js';

const strip = (s: string): string => s.replace(/Date: .*\n/g, 'Date: D\n');

describe('busybox httpd', () => {
  it('serves files, 302 for a directory, 404 and 501 pages, one request per connection', async () => {
    const h = nginxHost('24.04', (b) => b.file('/srv/www/index.html', 'hello\n').file('/srv/www/sub/x.txt', 's\n'));
    expect(await run(h, ['/usr/bin/httpd', '-p', '8099', '-h', '/srv/www'])).toEqual({ out: '', status: 0 });
    const get = (path: string, method = 'GET'): string => `${method} ${path} HTTP/1.1\nHost: localhost:8099\n\n`;
    expect(strip((await run(h, ['http', '8099', get('/')])).out).replace(/Last-Modified: .*\n/, 'LM\n').replace(/ETag: .*\n/, 'ET\n')).toBe(
      'HTTP/1.1 200 OK\nDate: D\nConnection: close\nContent-type: text/html\nAccept-Ranges: bytes\nLM\nET\nContent-Length: 6\n\nhello\n');
    expect(strip((await run(h, ['http', '8099', get('/nope')])).out)).toBe(
      'HTTP/1.1 404 Not Found\nDate: D\nConnection: close\nContent-type: text/html\n\n<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n');
    expect(strip((await run(h, ['http', '8099', get('/sub')])).out)).toBe(
      'HTTP/1.1 302 Found\nDate: D\nConnection: close\nContent-type: text/html\nLocation: /sub/\n\n');
    expect(strip((await run(h, ['http', '8099', get('/sub/')])).out)).toContain('HTTP/1.1 404 Not Found\n');
    expect(strip((await run(h, ['http', '8099', get('/index.html', 'POST')])).out)).toBe(
      'HTTP/1.1 501 Not Implemented\nDate: D\nConnection: close\nContent-type: text/html\n\n<HTML><HEAD><TITLE>501 Not Implemented</TITLE></HEAD>\n<BODY><H1>501 Not Implemented</H1>\nThe requested method is not recognized\n</BODY></HTML>\n');
    expect(strip((await run(h, ['http', '8099', get('/sub/x.txt', 'HEAD')])).out).replace(/Last-Modified: .*\n/, 'LM\n').replace(/ETag: .*\n/, 'ET\n')).toBe(
      'HTTP/1.1 200 OK\nDate: D\nConnection: close\nContent-type: text/plain\nAccept-Ranges: bytes\nLM\nET\nContent-Length: 2\n\n');
    expect(await run(h, ['/usr/bin/httpd', '-p', '8099'])).toEqual({ out: 'httpd: bind: Address already in use\n', status: 1 });
  });
});
