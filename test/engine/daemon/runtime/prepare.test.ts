import { describe, expect, it } from 'vitest';
import { boot, errOf, inDaemon } from '../harness.js';

describe('runc\'s lookups at start, answered per image', () => {
  it('a bind mount over a PATH directory is searched, even after a container of the image has started', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const first = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] }).Id;
      await d.containerStart(first);
      const hidden = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] }, { Binds: ['/tmp/empty:/bin'] }).Id;
      return errOf(() => d.containerStart(hidden));
    });
    expect(r).toContain('exec: "sleep": executable file not found in $PATH: unknown');
  });

  it('a volume at a path the image has not got leaves the answers to the image, and the container runs', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const out: string[] = [];
      for (let i = 0; i < 2; i++) {
        const id = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'], User: 'nobody' }, { Binds: [`v${i}:/data`] }).Id;
        await d.containerStart(id);
        const c = h.engine.getContainer(id);
        out.push(`${c.State.Running} ${h.engine.runtime(c).spec!.path} ${h.engine.runtime(c).spec!.cred.uid}`);
      }
      return out;
    });
    expect(r).toEqual(['true /bin/sleep 65534', 'true /bin/sleep 65534']);
  });
});
