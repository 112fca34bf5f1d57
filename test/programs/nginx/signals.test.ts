import { describe, expect, it } from 'vitest';
import { exists, nginxHost, read, run, write } from './harness.js';

const conf = (body: string): string =>
  `worker_processes 1;\nerror_log /var/log/nginx/e.log notice;\nevents {}\nhttp {\n server {\n  listen 8080;\n  location / { return 200 "${body}"; }\n }\n}\n`;

describe('nginx signals', () => {
  it('-s reload starts new workers with the new configuration; -s quit stops and removes the pid file', async () => {
    const h = nginxHost('24.04', (b) => b.file('/srv/n.conf', conf('one')));
    await run(h, ['nginx', '-c', '/srv/n.conf']);
    expect((await run(h, ['http', '8080', 'GET / HTTP/1.0\n\n'])).out).toMatch(/\n\none$/);
    write(h, '/srv/n.conf', conf('two'));
    // Ubuntu 24.04's nginx logs to stderr until it has read a configuration: the signaller's notice shows.
    const reload = await run(h, ['nginx', '-c', '/srv/n.conf', '-s', 'reload']);
    // PIDs as on Linux: the connection served before took none (a fiber of the worker, as nginx's epoll loop is).
    expect(reload.out).toMatch(/^2026\/11\/28 09:00:\d\d \[notice\] 6#6: signal process started\n$/);
    expect((await run(h, ['http', '8080', 'GET / HTTP/1.0\n\n'])).out).toMatch(/\n\ntwo$/);
    expect((await run(h, ['ps', '-eo', 'pid,args'])).out).toBe(
      '    PID COMMAND\n      1 /sbin/init\n      3 nginx: master process nginx -c /srv/n.conf\n      7 nginx: worker process\n      9 ps -eo pid,args\n');
    expect(read(h, '/run/nginx.pid')).toBe('3\n');
    expect((await run(h, ['nginx', '-c', '/srv/n.conf', '-s', 'quit'])).status).toBe(0);
    expect((await run(h, ['ps', '-eo', 'pid,args'])).out).toBe('    PID COMMAND\n      1 /sbin/init\n     11 ps -eo pid,args\n');
    expect(exists(h, '/run/nginx.pid')).toBe(false);
    const log = read(h, '/var/log/nginx/e.log').replace(/^2026\/11\/28 09:0\d:\d\d /gm, '');
    expect(log).toContain('[notice] 3#3: signal 1 (SIGHUP) received, reconfiguring\n[notice] 3#3: reconfiguring\n[notice] 3#3: using the "epoll" event method\n[notice] 3#3: start worker processes\n[notice] 3#3: start worker process 7\n');
    expect(log).toContain('[notice] 4#4: gracefully shutting down\n[notice] 4#4: exiting\n[notice] 4#4: exit\n');
    expect(log).toContain('[notice] 3#3: signal 3 (SIGQUIT) received, shutting down\n');
    expect(log.endsWith('[notice] 3#3: worker process 7 exited with code 0\n[notice] 3#3: exit\n')).toBe(true);
  });

  it('a reload with a broken configuration keeps the old one and logs why', async () => {
    const h = nginxHost('24.04', (b) => b.file('/srv/n.conf', conf('one')));
    await run(h, ['nginx', '-c', '/srv/n.conf']);
    write(h, '/srv/n.conf', 'events {}\nhttp { bogus; }\n');
    // `nginx -s reload` would refuse to signal with this file; a SIGHUP makes the master read it.
    await run(h, ['kill', '-HUP', '3']);
    expect((await run(h, ['http', '8080', 'GET / HTTP/1.0\n\n'])).out).toMatch(/\n\none$/);
    expect(read(h, '/var/log/nginx/e.log')).toMatch(/\[emerg\] 3#3: unknown directive "bogus" in \/srv\/n.conf:2\n$/);
  });

  it('a second nginx cannot bind the port: five tries half a second apart, then gives up', async () => {
    const h = nginxHost('24.04', (b) => b.file('/srv/n.conf', conf('one').replace('error_log /var/log/nginx/e.log notice;\n', 'pid /run/two.pid;\n')));
    await run(h, ['nginx', '-c', '/srv/n.conf']);
    const r = await run(h, ['nginx', '-c', '/srv/n.conf', '-g', 'pid /run/three.pid;']);
    // Ubuntu 24.04's nginx logs to stderr until its configuration is read: one line, in the log's format.
    expect(r.out).toMatch(/^2026\/11\/28 09:00:\d\d \[emerg\] \d+#\d+: "pid" directive is duplicate in \/srv\/n.conf:2\n$/);
    const again = await run(h, ['nginx', '-c', '/srv/n.conf']);
    // Once the configuration names no error log the default (stderr) takes the lines.
    expect(again.out.replace(/^2026\/11\/28 09:00:\d\d /gm, '').replace(/\d+#\d+/g, 'P#P')).toBe(
      `${'[emerg] P#P: bind() to 0.0.0.0:8080 failed (98: Address already in use)\n'.repeat(5)}[emerg] P#P: still could not bind()\n`);
    expect(again.status).toBe(1);
  });
});
