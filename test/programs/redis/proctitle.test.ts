/** redisSetProcTitle's text, from the template and settings, and what setproctitle.c writes over argv. */
import { describe, expect, it } from 'vitest';
import { BUILDS, IMAGE_BUILD } from '../../../src/programs/redis/builds.js';
import { loadConfig } from '../../../src/programs/redis/config.js';
import { expandProcTitle, procTitle, titleBytes } from '../../../src/programs/redis/proctitle.js';

function config(options: string[], file = '', build = IMAGE_BUILD): Map<string, string> {
  const r = loadConfig(build, '/data', file, options);
  if (!r.ok) throw new Error(r.fatal);
  return r.config;
}

describe('redis process title', () => {
  it('defaults to `*:6379` (bind `* -::*`), and follows --port and the first bind address', () => {
    expect(procTitle(IMAGE_BUILD, config([]), '', 'redis-server')).toBe('redis-server *:6379');
    expect(procTitle(IMAGE_BUILD, config(['--port', '7000', '--bind', '127.0.0.1', '-::1']), '', 'redis-server')).toBe('redis-server 127.0.0.1:7000');
    expect(procTitle(IMAGE_BUILD, config(['--bind', '-127.0.0.1']), '', '/usr/local/bin/redis-server')).toBe('/usr/local/bin/redis-server -127.0.0.1:6379');
    expect(procTitle(BUILDS['7.0.15'], config([], 'bind 127.0.0.1 -::1\n', BUILDS['7.0.15']), '/etc/redis/redis.conf', 'redis-rdb-bgsave')).toBe('redis-rdb-bgsave 127.0.0.1:6379');
  });

  it('redis 6.0 had no bind default: `*`', () => {
    expect(procTitle(BUILDS['6.0.16'], config([], '', BUILDS['6.0.16']), '', 'redis-server')).toBe('redis-server *:6379');
  });

  it('takes proc-title-template and set-proc-title', () => {
    const cfg = config(['--proc-title-template', '{{{title}} {config-file} {port}']);
    expect(procTitle(IMAGE_BUILD, cfg, '/etc/r.conf', 'redis-server')).toBe('{redis-server} /etc/r.conf 6379');
    expect(procTitle(IMAGE_BUILD, config(['--set-proc-title', 'no']), '', 'redis-server')).toBeNull();
  });

  it('refuses a template with an unknown variable as redis does', () => {
    const r = loadConfig(IMAGE_BUILD, '/data', '', ['--proc-title-template', '{title} {nope}']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fatal).toContain(">>> 'proc-title-template \"{title} {nope}\"'\ntemplate format is invalid or contains unknown variables\n");
    expect(expandProcTitle('{title', 't', new Map(), '')).toBeNull();
  });

  it("marks argv[0]'s old end when the title is shorter (setproctitle.c)", () => {
    expect(titleBytes('redis-server', 'redis-server *:6379')).toBe('redis-server *:6379');
    expect(titleBytes('/usr/local/bin/redis-server', 'redis-rdb-bgsave *:6379')).toBe('redis-rdb-bgsave *:6379\0\0\0\0.');
    expect(titleBytes('abc', 'xyz')).toBe('xyz ');
  });
});
