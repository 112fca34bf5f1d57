/**
 * The check kinds chapters 4 and 5 need — image config, published ports, mounts, networks, volumes, names that
 * resolve inside a container, files on the host — passing and failing on a live machine driven by typing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Check } from '../../src/lessons/index.js';
import { liveMachine, validateChecks, type LiveMachine } from './liveMachine.js';

let m: LiveMachine;
const type = (...lines: string[]): Promise<void> => m.type(...lines);
const holds = (check: Check): boolean => m.holds(check);
const found = (check: Check, locale?: 'en' | 'zh'): string => m.found(check, locale);

beforeAll(async () => {
  m = liveMachine();
  await type(
    'mkdir -p site && echo "<h1>hello</h1>" > site/index.html',
    'sudo docker network create app',
    'sudo docker run -d --name db --network app redis',
    'sudo docker run -d --name web --network app -p 8080:80 -v ~/site:/usr/share/nginx/html:ro -v data:/data nginx',
    'sudo docker run -d --name lone nginx',
  );
  await m.typist.perform({ kind: 'wait', ms: 3000, line: 0 });
}, 120_000);

describe('service checks on a live machine', () => {
  it('image: config fields as docker image inspect shows them', () => {
    expect(holds({ kind: 'image', ref: 'nginx', exposes: '80' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', exposes: '80/tcp' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', exposes: '443' })).toBe(false);
    expect(found({ kind: 'image', ref: 'nginx', exposes: '443' })).toBe('nginx: ExposedPorts is 80/tcp');
    expect(holds({ kind: 'image', ref: 'nginx', cmd: '["nginx","-g","daemon off;"]' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', cmd: 'nginx -g daemon off;' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', cmd: 'nginx' })).toBe(false);
    expect(holds({ kind: 'image', ref: 'nginx', entrypoint: '["/docker-entrypoint.sh"]' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', env: 'NGINX_VERSION' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', env: 'NGINX_VERSION=0.0.1' })).toBe(false);
    expect(holds({ kind: 'image', ref: 'nginx', label: 'maintainer' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', user: 'nobody' })).toBe(false);
    expect(holds({ kind: 'image', ref: 'nginx', workdir: '' })).toBe(true);
    const layers = m.ctx.machine.query.findImage('nginx')!.diffIds.length;
    expect(holds({ kind: 'image', ref: 'nginx', layers })).toBe(true);
    expect(holds({ kind: 'image', ref: 'nginx', layers: layers + 1 })).toBe(false);
    expect(found({ kind: 'image', ref: 'nginx', layers: layers + 1 })).toBe(`nginx: layers is ${layers}`);
    expect(holds({ kind: 'image', ref: 'busybox', exposes: '80' })).toBe(false);
  });

  it('port: published host ports, from NetworkSettings.Ports', () => {
    expect(holds({ kind: 'port', container: 'web', port: '80' })).toBe(true);
    expect(holds({ kind: 'port', container: 'web', port: '80/tcp', host: 8080 })).toBe(true);
    expect(holds({ kind: 'port', container: 'web', port: '80', host: 8081 })).toBe(false);
    expect(found({ kind: 'port', container: 'web', port: '443' })).toBe('web publishes 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(holds({ kind: 'port', container: 'lone', port: '80' })).toBe(false);
    expect(found({ kind: 'port', container: 'lone', port: '80' })).toBe('lone publishes no ports');
  });

  it('mount: binds and volumes, read-only or not, ~ as the home', () => {
    expect(holds({ kind: 'mount', container: 'web', destination: '/usr/share/nginx/html', type: 'bind', source: '~/site', readonly: true })).toBe(true);
    expect(holds({ kind: 'mount', container: 'web', destination: '/usr/share/nginx/html', readonly: false })).toBe(false);
    expect(holds({ kind: 'mount', container: 'web', destination: '/data', type: 'volume', source: 'data' })).toBe(true);
    expect(holds({ kind: 'mount', container: 'web', destination: '/data', type: 'bind' })).toBe(false);
    expect(found({ kind: 'mount', container: 'lone', destination: '/data' })).toBe('lone has no mounts');
  });

  it('network and volume: existence and members', () => {
    expect(holds({ kind: 'network', name: 'app', member: 'db' })).toBe(true);
    expect(holds({ kind: 'network', name: 'app', member: 'lone' })).toBe(false);
    expect(found({ kind: 'network', name: 'app', member: 'lone' })).toBe('app has db, web');
    expect(holds({ kind: 'network', name: 'app', internal: true })).toBe(false);
    expect(holds({ kind: 'network', name: 'back' })).toBe(false);
    expect(found({ kind: 'network', name: 'back' })).toBe('networks: bridge, host, none, app');
    expect(holds({ kind: 'volume', name: 'data', usedBy: 'web' })).toBe(true);
    expect(holds({ kind: 'volume', name: 'data', usedBy: 'db' })).toBe(false);
    expect(holds({ kind: 'volume', name: 'cache' })).toBe(false);
  });

  it('resolves: embedded DNS on a user-defined network, nothing on the default bridge', () => {
    const db = m.ctx.machine.query.networks().find((n) => n.name === 'app')!.members.find((m) => m.name === 'db')!;
    expect(holds({ kind: 'resolves', container: 'web', name: 'db', address: db.ip })).toBe(true);
    expect(found({ kind: 'resolves', container: 'web', name: 'db' })).toBe(`in web, db is ${db.ip} (127.0.0.11)`);
    expect(holds({ kind: 'resolves', container: 'web', name: 'db.app' })).toBe(true);
    expect(holds({ kind: 'resolves', container: 'web', name: 'db', address: '10.0.0.1' })).toBe(false);
    expect(holds({ kind: 'resolves', container: 'lone', name: 'db' })).toBe(false);
    expect(found({ kind: 'resolves', container: 'lone', name: 'db' })).toBe('in lone, Docker does not resolve db');
    // Its own name is in its /etc/hosts.
    expect(found({ kind: 'resolves', container: 'lone', name: 'localhost' })).toBe('in lone, localhost is 127.0.0.1, ::1 (/etc/hosts)');
  });

  it('hostFile: the learner\'s files on the host', () => {
    expect(holds({ kind: 'hostFile', path: '~/site/index.html', contains: 'hello' })).toBe(true);
    expect(holds({ kind: 'hostFile', path: '~/site/index.html', contains: 'bye' })).toBe(false);
    expect(holds({ kind: 'hostFile', path: '~/site/missing.html', exists: false })).toBe(true);
    expect(holds({ kind: 'hostFile', path: '/etc/hostname' })).toBe(true);
    // /etc/shadow is there but the learner cannot read it: not "missing", and no verdict either way.
    expect(found({ kind: 'hostFile', path: '/etc/shadow' })).toBe('/etc/shadow: Permission denied (checked as the learner)');
    expect(holds({ kind: 'hostFile', path: '/etc/shadow', exists: false })).toBe(false);
  });

  it('the validator knows every new kind and its rules', () => {
    expect(validateChecks('- port: { container: web, port: http }')).toMatch(/expected PORT or PORT\/PROTO/);
    expect(validateChecks('- image: { ref: nginx, cmd: "[nginx" }')).toMatch(/not valid JSON/);
    expect(validateChecks('- hostFile: { path: site/index.html }')).toMatch(/absolute path or ~/);
    expect(validateChecks('- mount: { container: web, destination: /data, type: nfs }')).toMatch(/expected one of volume, bind, tmpfs/);
    expect(validateChecks('- resolves: { container: web, name: db }')).toBe('');
  });
});
