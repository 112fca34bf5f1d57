import { describe, expect, it } from 'vitest';
import { addFamilyContents, packageFiles } from '../../../../src/engine/rootfs/packages/contents.js';

describe('package contents', () => {
  it('installs a program file naming the simulated program, and the copyright file dpkg keeps', () => {
    const t = packageFiles('netcat-openbsd', '24.04', { sharedLib: false, mtimeMs: 0 });
    expect(t['/usr/bin/nc.openbsd']).toMatchObject({ type: 'file', mode: 0o755 });
    expect(String((t['/usr/bin/nc.openbsd'] as { content: string }).content)).toContain('dockersim:nc');
    expect(t['/usr/share/doc/netcat-openbsd/copyright']).toBeDefined();
  });

  it('lets a family module describe its package whole, even the paths this table lists', () => {
    addFamilyContents({
      'redis-tools': (b) => {
        b.bin('/usr/bin/redis-cli', 'redis-cli-7.0');
      },
    });
    const t = packageFiles('redis-tools', '24.04', { sharedLib: false, mtimeMs: 0 });
    expect(String((t['/usr/bin/redis-cli'] as { content: string }).content)).toContain('redis-cli-7.0');
    expect(t['/usr/bin/redis-benchmark']).toBeUndefined();
  });
});
