/**
 * Streaming stats (GET /containers/{id}/stats, stream=1) through dockerd's backend: a record every second,
 * whatever the container does, as moby's collector publishes them. A container that is not running gets the
 * empty record each second; it must never make the stream spin (it once did: the daemon sent records as fast
 * as it could without moving virtual time, and hung with its memory climbing).
 */
import { describe, expect, it } from 'vitest';
import { engineBackend } from '../../../src/programs/dockerd/backend.js';
import { boot, inDaemon } from '../../engine/daemon/harness.js';

type Rec = Record<string, unknown> & { read: string; preread: string; cpu_stats: { cpu_usage: { total_usage: number } }; precpu_stats: { cpu_usage: { total_usage: number } } };

/** More records than this in one test means the stream spun. */
const SPIN_GUARD = 50;

describe('streaming stats', () => {
  it('sends an empty record once a second for a container that is not running, and ends when the client goes', async () => {
    const h = boot();
    const k = h.m.kernel;
    const running = (): number => [...k.procs.values()].filter((p) => p.state === 'running').length;
    const { records, ended, procsDuring, procsAfter } = await inDaemon(h, async (d, sys) => {
      d.containerCreate({ Image: 'ubuntu', Cmd: ['sleep', '300'] }, {}, 'idle');
      const b = engineBackend(h.engine, sys, 'dockersim');
      const records: Array<{ at: number; rec: Rec }> = [];
      let ended: Error | null | undefined;
      const t0 = k.now();
      const sub = await b.containerStats('idle', { stream: true, oneShot: false }, {
        message: (m) => {
          if (records.length >= SPIN_GUARD) throw new Error('the stats stream spun');
          records.push({ at: Math.round(k.now() - t0), rec: m as Rec });
        },
        end: (e) => (ended = e ?? null),
      });
      await sys.sleep(3500);
      const procsDuring = running();
      sub.dispose();
      await sys.sleep(10);
      return { records, ended, procsDuring, procsAfter: running() };
    });
    expect(records.map((r) => r.at)).toEqual([0, 1000, 2000, 3000]);
    for (const { rec } of records) {
      expect(rec).toMatchObject({ name: '/idle', read: '0001-01-01T00:00:00Z', preread: '0001-01-01T00:00:00Z', num_procs: 0, memory_stats: {} });
    }
    // The collector's worker ends with the subscription, not at its next sample.
    expect(ended).toBeNull();
    expect(procsAfter).toBe(procsDuring - 1);
  });

  it('carries the previous record into precpu_stats, goes on past the exit, and ends when the container is removed', async () => {
    const h = boot();
    const records = await inDaemon(h, async (d, sys) => {
      d.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'while true; do sleep 0.1; done'] }, {}, 'busy');
      await d.containerStart('busy');
      const b = engineBackend(h.engine, sys, 'dockersim');
      const records: Rec[] = [];
      let ended = false;
      await b.containerStats('busy', { stream: true, oneShot: false }, {
        message: (m) => {
          if (records.length >= SPIN_GUARD) throw new Error('the stats stream spun');
          records.push(m as Rec);
        },
        end: () => (ended = true),
      });
      await sys.sleep(2500);
      await d.containerKill('busy', 'KILL');
      await sys.sleep(2000);
      await d.containerRm('busy', {});
      await sys.sleep(10);
      expect(ended).toBe(true);
      return records;
    });
    expect(records).toHaveLength(5);
    const [first, second, third, fourth, fifth] = records;
    expect(first.preread).toBe('0001-01-01T00:00:00Z');
    expect(first.precpu_stats.cpu_usage.total_usage).toBe(0);
    expect(second.preread).toBe(first.read);
    expect(second.precpu_stats).toEqual(first.cpu_stats);
    expect(third.cpu_stats.cpu_usage.total_usage).toBeGreaterThan(second.cpu_stats.cpu_usage.total_usage);
    // Killed between the third and the fourth: empty records, the fourth still carrying the last sample.
    expect(fourth.read).toBe('0001-01-01T00:00:00Z');
    expect(fourth.preread).toBe(third.read);
    expect(fourth.precpu_stats).toEqual(third.cpu_stats);
    expect(fifth.precpu_stats.cpu_usage.total_usage).toBe(0);
  });

  it('refuses stream with one-shot, as moby does', async () => {
    const h = boot();
    const err = await inDaemon(h, async (d, sys) => {
      d.containerCreate({ Image: 'ubuntu', Cmd: ['true'] }, {}, 'once');
      const b = engineBackend(h.engine, sys, 'dockersim');
      try {
        await b.containerStats('once', { stream: true, oneShot: true }, { message: () => undefined, end: () => undefined });
        return null;
      } catch (e) {
        return e as Error;
      }
    });
    expect(err?.message).toBe('cannot have stream=true and one-shot=true');
  });
});
