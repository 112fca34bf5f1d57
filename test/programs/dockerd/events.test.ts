/**
 * GET /events with `until` in the future (moby getEvents): the stream ends when that time comes, whatever
 * happens meanwhile; events after it are not sent. It once never ended.
 */
import { describe, expect, it } from 'vitest';
import { engineBackend } from '../../../src/programs/dockerd/backend.js';
import { boot, inDaemon } from '../../engine/daemon/harness.js';

describe('events until', () => {
  it('ends the stream when `until` passes, and sends nothing after it', async () => {
    const h = boot();
    const k = h.m.kernel;
    const got = await inDaemon(h, async (d, sys) => {
      const b = engineBackend(h.engine, sys, 'dockersim');
      const t0 = k.now();
      const seen: string[] = [];
      let endedAt: number | null = null;
      await b.subscribeEvents({ untilNs: h.engine.nowNs() + 2_500_000_000n, filters: {} }, {
        event: (json) => seen.push((JSON.parse(json) as { Action: string }).Action),
        end: () => (endedAt = Math.round(k.now() - t0)),
      });
      d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, {}, 'early');
      await sys.sleep(3000);
      d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, {}, 'late');
      await sys.sleep(100);
      return { seen, endedAt };
    });
    expect(got).toEqual({ seen: ['create'], endedAt: 2500 });
  });
});
