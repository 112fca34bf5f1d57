import { describe, expect, it } from 'vitest';
import { parseExecutable } from '../../../src/engine/kernel/binfmt.js';
import { TreeBuilder } from '../../../src/engine/rootfs/builder.js';
import { redisContents } from '../../../src/engine/rootfs/packages/redis.js';
import { BUILDS } from '../../../src/programs/redis/builds.js';
import { loadConfig } from '../../../src/programs/redis/config.js';
import { programs } from '../../../src/programs/redis/index.js';

function files(release: string): Record<string, { type: string; content?: unknown; target?: string }> {
  const b = new TreeBuilder(0);
  redisContents['redis-server'](b, release);
  redisContents['redis-tools'](b, release);
  return b.build() as Record<string, { type: string; content?: unknown; target?: string }>;
}

describe("Ubuntu's redis packages", () => {
  it.each([['24.04', '7.0.15'], ['22.04', '6.0.16']])('%s runs the simulated Redis %s', (release, version) => {
    const t = files(release);
    for (const [path, base] of [['/usr/bin/redis-cli', 'redis-cli'], ['/usr/bin/redis-check-rdb', 'redis-server']]) {
      const exe = parseExecutable(String(t[path].content));
      expect(exe).toEqual({ kind: 'binary', program: `${base}-${version}` });
      expect(programs[`${base}-${version}`]).toBeDefined();
    }
    expect(t['/usr/bin/redis-server']).toMatchObject({ type: 'symlink', target: 'redis-check-rdb' });
  });

  it.each(['24.04', '22.04'])("%s's redis.conf loads without a config error", (release) => {
    const conf = String(files(release)['/etc/redis/redis.conf'].content);
    const r = loadConfig(BUILDS[release === '24.04' ? '7.0.15' : '6.0.16'], '/', conf, []);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.config.get('dir'), r.config.get('daemonize'), r.config.get('logfile')]).toEqual(['/var/lib/redis', 'yes', '/var/log/redis/redis-server.log']);
  });

  it("an older release's Redis is not simulated and says so by running as unsimulated", () => {
    const exe = parseExecutable(String(files('20.04')['/usr/bin/redis-cli'].content));
    expect(exe).toEqual({ kind: 'binary', program: 'redis-cli-5.0.7' });
    expect(programs['redis-cli-5.0.7']).toBeUndefined();
  });
});

describe('redis-server config errors', () => {
  it('an unknown directive is fatal as Redis words it, naming the option line', () => {
    const r = loadConfig(BUILDS['7.0.15'], '/', '', ['--foo', 'bar']);
    expect(r).toEqual({ ok: false, fatal: "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line 2\n>>> 'foo \"bar\"'\nBad directive or wrong number of arguments\n" });
  });
});
