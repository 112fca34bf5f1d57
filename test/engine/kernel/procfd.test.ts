/**
 * /proc/PID/fd/N are magic links: opening one opens the descriptor's own file, a pipe included. A log file
 * linked to /dev/stdout in a container (the official nginx image's access.log) must reach the container's
 * stdout pipe, not fail with ENOENT on `pipe:[N]`.
 */
import { describe, expect, it } from 'vitest';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { host } from '../../programs/system/harness.js';

describe('/proc/self/fd magic links', () => {
  it('opening a symlink chain that ends at /proc/self/fd/1 writes into the process\'s stdout pipe', async () => {
    const h = host({
      '/dev/stdout': { type: 'symlink', target: '/proc/self/fd/1' },
      '/var/log/app.log': { type: 'symlink', target: '/dev/stdout' },
    });
    let got = '';
    let error = '';
    const parent: Program = async (sys) => {
      const [r, w] = sys.pipe();
      const child: Program = async (c) => {
        try {
          const fd = c.open('/var/log/app.log', 'a');
          await c.write(fd, 'via the link\n');
        } catch (e) {
          error = String(e);
        }
        return 0;
      };
      const pid = sys.spawn({ program: child, argv: ['child'], fds: { 1: w } });
      sys.close(w);
      await sys.wait(pid);
      for (let d = await sys.read(r); d !== null; d = await sys.read(r)) got += d;
      return 0;
    };
    h.k.spawn(h.k.hostPidNs.init!, { program: parent, argv: ['parent'] });
    await h.k.runFor(1000);
    expect(error).toBe('');
    expect(got).toBe('via the link\n');
  });
});
