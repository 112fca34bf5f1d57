import { describe, expect, it } from 'vitest';
import { nginxHost, read, run, USER } from './harness.js';
import { OPTIONAL_FAMILIES } from '../../../src/programs/optional.js';
import { BUILDS } from '../../../src/programs/nginx/builds.js';
import { nginxBinaryFor } from '../../../src/engine/rootfs/packages/nginx.js';

describe('nginx (Ubuntu 24.04 package)', () => {
  it('-t on the default configuration', async () => {
    const h = nginxHost();
    const r = await run(h, ['nginx', '-t']);
    expect(r.out).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect(r.status).toBe(0);
  });

  it('starts as a daemon, serves the welcome page, and logs the request', async () => {
    const h = nginxHost();
    expect((await run(h, ['nginx'])).status).toBe(0);
    const ps = await run(h, ['ps', '-eo', 'user,pid,ppid,args']);
    expect(ps.out).toContain('root           3       1 nginx: master process nginx\n');
    expect(ps.out).toContain('www-data       4       3 nginx: worker process\n');
    const r = await run(h, ['http', '80', 'GET / HTTP/1.1\nHost: localhost\nUser-Agent: curl/8.5.0\n\n']);
    expect(r.out).toMatch(/^HTTP\/1.1 200 OK\nServer: nginx\/1.24.0 \(Ubuntu\)\nDate: Sat, 28 Nov 2026 09:00:\d\d GMT\nContent-Type: text\/html\nContent-Length: 615\nLast-Modified: Fri, 27 Nov 2026 09:00:00 GMT\nConnection: keep-alive\nETag: "6b094690-267"\nAccept-Ranges: bytes\n\n<!DOCTYPE html>/);
    expect(read(h, '/var/log/nginx/access.log')).toMatch(/^127\.0\.0\.1 - - \[\d\d\/Nov\/2026:09:\d\d:\d\d \+0000\] "GET \/ HTTP\/1.1" 200 615 "-" "curl\/8.5.0"\n$/);
  });

  it('reports an unknown directive with its file and line', async () => {
    const h = nginxHost('24.04', (b) => b.file('/etc/nginx/conf.d/bad.conf', 'server {\n  foo bar;\n}\n'));
    const r = await run(h, ['nginx', '-t']);
    expect(r.out).toMatch(/^2026\/11\/28 09:00:\d\d \[emerg\] \d+#\d+: unknown directive "foo" in \/etc\/nginx\/conf.d\/bad.conf:2\nnginx: configuration file \/etc\/nginx\/nginx.conf test failed\n$/);
    expect(r.status).toBe(1);
  });

  it('on 22.04 the error log is a file, so errors are echoed as `nginx: [emerg]`', async () => {
    const h = nginxHost('22.04', (b) => b.file('/etc/nginx/conf.d/bad.conf', 'server {\n  foo bar;\n}\n'));
    const r = await run(h, ['nginx', '-t']);
    expect(r.out).toBe('nginx: [emerg] unknown directive "foo" in /etc/nginx/conf.d/bad.conf:2\nnginx: configuration file /etc/nginx/nginx.conf test failed\n');
    expect(read(h, '/var/log/nginx/error.log')).toMatch(/\[emerg\] \d+#\d+: unknown directive "foo" in \/etc\/nginx\/conf.d\/bad.conf:2\n$/);
  });

  it('-v prints the package version', async () => {
    expect((await run(nginxHost(), ['nginx', '-v'])).out).toBe('nginx version: nginx/1.24.0 (Ubuntu)\n');
    expect((await run(nginxHost('22.04'), ['nginx', '-v'])).out).toBe('nginx version: nginx/1.18.0 (Ubuntu)\n');
  });

  it('every build is a program of the lazily loaded nginx chunk, and each Ubuntu release names its own', () => {
    expect(OPTIONAL_FAMILIES.find((f) => f.chunk === 'nginx')?.names).toEqual(Object.keys(BUILDS));
    expect(['24.04', '22.04', '20.04', '18.04', '16.04', '14.04'].map((r) => BUILDS[nginxBinaryFor(r) as keyof typeof BUILDS].product)).toEqual([
      'nginx/1.24.0 (Ubuntu)', 'nginx/1.18.0 (Ubuntu)', 'nginx/1.18.0 (Ubuntu)', 'nginx/1.14.0 (Ubuntu)', 'nginx/1.10.3 (Ubuntu)', 'nginx/1.4.6 (Ubuntu)',
    ]);
  });

  it('-s stop without a running nginx', async () => {
    const r = await run(nginxHost('22.04'), ['nginx', '-s', 'stop']);
    expect(r.out).toBe('nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n');
    expect(r.status).toBe(1);
  });

  it('as a user: the error log cannot be opened, the user directive is ignored with a warning, the pid file is refused (as real nginx -t says it)', async () => {
    const r = await run(nginxHost('22.04'), ['nginx', '-t'], USER);
    expect(r.out.replace(/2026\/11\/28 09:00:\d\d/g, 'T').replace(/ \d+#\d+:/g, ' P#P:')).toBe(
      'nginx: [alert] could not open error log file: open() "/var/log/nginx/error.log" failed (13: Permission denied)\n' +
      'T [warn] P#P: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:1\n' +
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n' +
      'T [emerg] P#P: open() "/run/nginx.pid" failed (13: Permission denied)\n' +
      'nginx: configuration file /etc/nginx/nginx.conf test failed\n');
  });
});

describe('service nginx … in a container (no systemd: service(8) runs /etc/init.d/nginx)', () => {
  it('start, status, stop, with Ubuntu\'s lsb messages (plain: TERM is not set)', async () => {
    const h = nginxHost();
    expect(await run(h, ['/usr/sbin/service', 'nginx', 'status'])).toEqual({ out: ' * nginx is not running\n', status: 3 });
    const start = await run(h, ['/usr/sbin/service', 'nginx', 'start']);
    expect(start.out).toBe(' * Starting nginx nginx\n   ...done.\n');
    expect(await run(h, ['/usr/sbin/service', 'nginx', 'status'])).toEqual({ out: ' * nginx is running\n', status: 0 });
    expect((await run(h, ['http', '80', 'GET / HTTP/1.0\n\n'])).out).toContain('HTTP/1.1 200 OK\n');
    expect((await run(h, ['/usr/sbin/service', 'nginx', 'stop'])).status).toBe(0);
    expect(await run(h, ['/usr/sbin/service', 'nginx', 'status'])).toEqual({ out: ' * nginx is not running\n', status: 3 });
    expect(await run(h, ['/usr/sbin/service', 'apache2', 'start'])).toEqual({ out: 'apache2: unrecognized service\n', status: 1 });
  });
});
