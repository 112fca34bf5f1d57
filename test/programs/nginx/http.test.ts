/**
 * Responses as real nginx sends them (captured from nginx 1.22 on Debian 12 with the same site; only the
 * version string differs): the special pages, 301 for a directory, 403 for a directory without an index, 405
 * for a POST to a file, HEAD, keep-alive, and the error log's lines.
 */
import { describe, expect, it } from 'vitest';
import { nginxHost, read, run, type NginxHost } from './harness.js';

const SITE = `worker_processes 2;
error_log /var/log/nginx/site.err;
events { worker_connections 768; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log /var/log/nginx/site.log;
  server {
    listen 8089 default_server;
    server_name _;
    root /srv/html;
    index index.html;
    location = /exact { return 200 "exact\\n"; }
    location /gone { return 404; }
    location /moved { return 301 /elsewhere; }
  }
}
`;

async function site(): Promise<NginxHost> {
  const h = nginxHost('24.04', (b) => {
    b.file('/srv/site.conf', SITE);
    b.file('/srv/html/index.html', 'hello\n').file('/srv/html/sub/index.html', 'sub\n').dir('/srv/html/noindex');
    b.file('/srv/html/secret.html', 'no\n', 0o600);
  });
  expect((await run(h, ['nginx', '-c', '/srv/site.conf'])).out).toBe('');
  return h;
}

const get = (path: string, extra = ''): string => `GET ${path} HTTP/1.1\nHost: localhost:8089\nUser-Agent: curl/8.5.0\nAccept: */*\n${extra}\n`;
const strip = (s: string): string => s.replace(/Date: .*\n/g, 'Date: D\n');

const page = (title: string): string =>
  `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\n</body>\n</html>\n`;

describe('nginx HTTP', () => {
  it('404, 301, 403, 405 as nginx words them', async () => {
    const h = await site();
    const r = await run(h, ['http', '8089', get('/nope'), get('/sub'), get('/noindex/'), 'POST /index.html HTTP/1.1\nHost: localhost:8089\nContent-Length: 3\n\nabc', get('/secret.html')]);
    expect(strip(r.out)).toBe(
      'HTTP/1.1 404 Not Found\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 162\nConnection: keep-alive\n\n' + page('404 Not Found') +
      'HTTP/1.1 301 Moved Permanently\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 178\nLocation: http://localhost:8089/sub/\nConnection: keep-alive\n\n' + page('301 Moved Permanently') +
      'HTTP/1.1 403 Forbidden\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 162\nConnection: keep-alive\n\n' + page('403 Forbidden') +
      'HTTP/1.1 405 Not Allowed\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 166\nConnection: keep-alive\n\n' + page('405 Not Allowed') +
      'HTTP/1.1 403 Forbidden\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 162\nConnection: keep-alive\n\n' + page('403 Forbidden'),
    );
    const errors = read(h, '/var/log/nginx/site.err').replace(/^2026\/11\/28 09:00:\d\d /gm, '').replace(/\d+#\d+/g, 'P#P');
    expect(errors).toBe(
      '[error] P#P: *1 open() "/srv/html/nope" failed (2: No such file or directory), client: 127.0.0.1, server: _, request: "GET /nope HTTP/1.1", host: "localhost:8089"\n' +
      '[error] P#P: *1 directory index of "/srv/html/noindex/" is forbidden, client: 127.0.0.1, server: _, request: "GET /noindex/ HTTP/1.1", host: "localhost:8089"\n' +
      '[error] P#P: *1 open() "/srv/html/secret.html" failed (13: Permission denied), client: 127.0.0.1, server: _, request: "GET /secret.html HTTP/1.1", host: "localhost:8089"\n',
    );
    expect(read(h, '/var/log/nginx/site.log').replace(/\[.*?\]/g, '[T]')).toBe([
      '127.0.0.1 - - [T] "GET /nope HTTP/1.1" 404 162 "-" "curl/8.5.0"',
      '127.0.0.1 - - [T] "GET /sub HTTP/1.1" 301 178 "-" "curl/8.5.0"',
      '127.0.0.1 - - [T] "GET /noindex/ HTTP/1.1" 403 162 "-" "curl/8.5.0"',
      '127.0.0.1 - - [T] "POST /index.html HTTP/1.1" 405 166 "-" "-"',
      '127.0.0.1 - - [T] "GET /secret.html HTTP/1.1" 403 162 "-" "curl/8.5.0"',
      '',
    ].join('\n'));
  });

  it('HEAD sends the headers only; return with text; HTTP/1.0 closes; a request without Host is a 400', async () => {
    const h = await site();
    const r = await run(h, ['http', '8089', 'HEAD /sub/ HTTP/1.1\nHost: x\n\n', get('/exact'), 'GET / HTTP/1.0\n\n']);
    expect(strip(r.out).replace(/Last-Modified: .*\n/g, 'LM\n').replace(/ETag: .*\n/g, 'ET\n')).toBe(
      'HTTP/1.1 200 OK\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 4\nLM\nConnection: keep-alive\nET\nAccept-Ranges: bytes\n\n' +
      'HTTP/1.1 200 OK\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: application/octet-stream\nContent-Length: 6\nConnection: keep-alive\n\nexact\n' +
      'HTTP/1.1 200 OK\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 6\nLM\nConnection: close\nET\nAccept-Ranges: bytes\n\nhello\n',
    );
    const bad = await run(h, ['http', '8089', 'GET / HTTP/1.1\n\n']);
    expect(strip(bad.out)).toBe('HTTP/1.1 400 Bad Request\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 166\nConnection: close\n\n' + page('400 Bad Request'));
    const moved = await run(h, ['http', '8089', get('/moved'), get('/gone')]);
    expect(strip(moved.out)).toContain('HTTP/1.1 301 Moved Permanently\nServer: nginx/1.24.0 (Ubuntu)\nDate: D\nContent-Type: text/html\nContent-Length: 178\nLocation: http://localhost:8089/elsewhere\nConnection: keep-alive\n\n');
    expect(strip(moved.out)).toContain('HTTP/1.1 404 Not Found\n');
  });
});
