/**
 * The configuration reader's messages, each checked against nginx 1.22's own (`nginx -t -c FILE` on Debian 12,
 * the text after `[emerg] PID#PID: `).
 */
import { describe, expect, it } from 'vitest';
import type { Fs } from '../../../src/engine/kernel/fsTypes.js';
import { SysError } from '../../../src/engine/kernel/errno.js';
import { ConfError, readConf, tokenize } from '../../../src/programs/nginx/conf.js';
import { buildConfig } from '../../../src/programs/nginx/model.js';
import { BUILDS } from '../../../src/programs/nginx/builds.js';

function fsOf(files: Record<string, string>): Fs {
  const dirs = (p: string): string[] => Object.keys(files).filter((f) => f.startsWith(`${p}/`)).map((f) => f.slice(p.length + 1)).filter((n) => !n.includes('/'));
  return {
    readText: (p: string) => {
      if (!(p in files)) throw new SysError('ENOENT', 'open', p);
      return files[p];
    },
    readdir: (p: string) => {
      const list = dirs(p);
      if (list.length === 0) throw new SysError('ENOENT', 'opendir', p);
      return list;
    },
    stat: (p: string) => ({ type: p in files ? 'file' : 'dir' }),
  } as unknown as Fs;
}

function check(conf: string, globals = '', extra: Record<string, string> = {}): string {
  try {
    const tree = readConf('/t.conf', globals, { fs: fsOf({ '/t.conf': conf, ...extra }), prefix: '/' });
    const c = buildConfig(tree, BUILDS.nginx);
    return c.hasEvents ? 'ok' : 'no "events" section in configuration';
  } catch (e) {
    if (e instanceof ConfError) return e.text;
    throw e;
  }
}

describe('nginx configuration errors', () => {
  it.each([
    ['events {}\nhttp {\n  foo bar;\n}\n', 'unknown directive "foo" in /t.conf:3'],
    ['events {}\nhttp {\n server {\n  index index.html\n  location = /x { }\n }\n}\n', 'directive "index" is not terminated by ";" in /t.conf:5'],
    ['events {}\nhttp {\n', 'unexpected end of file, expecting "}" in /t.conf:3'],
    ['events {}\nhttp {}}\n', 'unexpected "}" in /t.conf:2'],
    ['events {}\nhttp { listen 80; }\n', '"listen" directive is not allowed here in /t.conf:2'],
    ['events {}\nhttp { include /nonexist.conf; }\n', 'open() "/nonexist.conf" failed (2: No such file or directory) in /t.conf:2'],
    ['events {}\nhttp { server { root; } }\n', 'invalid number of arguments in "root" directive in /t.conf:2'],
    ['events {}\nhttp { server { listen 80 foo; } }\n', 'invalid parameter "foo" in /t.conf:2'],
    ['events {}\nhttp { server { location { } } }\n', 'invalid number of arguments in "location" directive in /t.conf:2'],
    ['events {}\nhttp { server { root /a; root /b; } }\n', '"root" directive is duplicate in /t.conf:2'],
    ['events {} http { sendfile maybe; }\n', 'invalid value "maybe" in "sendfile" directive, it must be "on" or "off" in /t.conf:1'],
    ['events {} http { server { location ~~ / {} } }\n', 'invalid location modifier "~~" in /t.conf:1'],
    ['events {} http { server { return abc; } }\n', 'invalid return code "abc" in /t.conf:1'],
    ['events {} http { server { listen 99999; } }\n', 'invalid port in "99999" of the "listen" directive in /t.conf:1'],
    ['events {} http { server { listen foo.invalid:80; } }\n', 'host not found in "foo.invalid:80" of the "listen" directive in /t.conf:1'],
    ['events {} http { access_log /tmp/x nosuch; }\n', 'unknown log format "nosuch" in /t.conf:1'],
    ['events {} http { server { location / { root /a; alias /b; } } }\n', '"alias" directive is duplicate, "root" directive was specified earlier in /t.conf:1'],
    ['events {} worker_processes many;\n', '"worker_processes" directive invalid value in /t.conf:1'],
    ['events { worker_connections x; }\n', 'invalid number "x" in /t.conf:1'],
    ['events {} http { server { error_page 200 /x; } }\n', 'value "200" must be between 300 and 599 in /t.conf:1'],
    ['events {} http { server { listen 80 default_server; } server { listen 80 default_server; } }\n', 'a duplicate default server for 0.0.0.0:80 in /t.conf:1'],
    ['events {} "unterminated\n', 'unexpected end of file, expecting ";" or "}" in /t.conf:2'],
    ['events {} http { include; }\n', 'invalid number of arguments in "include" directive in /t.conf:1'],
    ['http {}\n', 'no "events" section in configuration'],
    ['events {}\nhttp { server { location / { proxy_pass http://app; } } }\n', 'dockersim: directive "proxy_pass" is not simulated in /t.conf:2'],
  ])('%j', (conf, message) => {
    expect(check(conf)).toBe(message);
  });

  it('-g directives are read first: a daemon in both is a duplicate at the file\'s line', () => {
    expect(check('daemon off;\nevents {}\n', 'daemon off;')).toBe('"daemon" directive is duplicate in /t.conf:1');
    expect(check('events {}\n', 'foo')).toBe('unexpected end of parameter, expecting ";" in command line');
  });

  it('include with a glob reads the matches in name order and none is fine', () => {
    const extra = { '/conf.d/b.conf': 'server { listen 81; }\n', '/conf.d/a.conf': 'server { listen 82; }\n' };
    const tree = readConf('/t.conf', '', { fs: fsOf({ '/t.conf': 'events {}\nhttp { include /conf.d/*.conf; include /none/*; }\n', ...extra }), prefix: '/' });
    expect(buildConfig(tree, BUILDS.nginx).servers.map((s) => s.listens[0].port)).toEqual([82, 81]);
  });

  it('tokenizes quotes, escapes and comments as ngx_conf_read_token does', () => {
    expect(tokenize('return 200 "a;b\\n" # c\n;', 'f').map((t) => t.text)).toEqual(['return', '200', 'a;b\n', ';', '']);
  });
});
