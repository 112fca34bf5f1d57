/**
 * dockerd reports a container's exit only once its attached clients have had its output (handleContainerExit
 * waits on StreamConfig.Wait, at most 2 s): a client doing `attach` then `wait` gets the last line first.
 */
import { describe, expect, it } from 'vitest';
import { boot, inDaemon } from './harness.js';

describe('exit after the attached output', () => {
  it('reports the exit once the attached client has read everything, or after 2 s if it never does', async () => {
    const h = boot();
    const k = h.m.kernel;
    const got = await inDaemon(h, async (d, sys) => {
      const times: Record<string, number> = {};
      for (const [name, readAfterMs] of [['reader', 500], ['idle', null]] as const) {
        d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'echo one; echo two'] }, {}, name);
        const io = d.containerAttach(name, { stdout: true, stderr: true, stream: true });
        const t0 = k.now();
        const waited = d.containerWait(name, 'next-exit').then(() => (times[`${name} exit`] = Math.round(k.now() - t0)));
        await d.containerStart(name);
        if (readAfterMs !== null) {
          await sys.sleep(readAfterMs);
          let text = '';
          for (let c = await io.read(); c !== null; c = await io.read()) text += c.data;
          times[`${name} read`] = Math.round(k.now() - t0);
          expect(text).toBe('one\ntwo\n');
        }
        await waited;
      }
      return times;
    });
    expect(got).toEqual({ 'reader read': 500, 'reader exit': 500, 'idle exit': 2000 });
  });
});
