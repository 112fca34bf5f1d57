import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boot, inDaemon } from './harness.js';
import type { Daemon } from '../../../src/engine/daemon/daemon.js';
import { digestInodes } from '../../../src/engine/fs/treeio.js';

type Op = { op: 'create' | 'start' | 'stop' | 'kill' | 'pause' | 'unpause' | 'rm' | 'restart'; i: number };
const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('create', 'start', 'stop', 'kill', 'pause', 'unpause', 'rm', 'restart'),
  i: fc.integer({ min: 0, max: 2 }),
});

async function apply(d: Daemon, ids: (string | null)[], { op, i }: Op): Promise<void> {
  const id = ids[i];
  try {
    if (op === 'create') {
      if (id === null) ids[i] = d.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] }, { RestartPolicy: { Name: i === 2 ? 'always' : 'no', MaximumRetryCount: 0 } }, `c${i}`).Id;
      return;
    }
    if (id === null) return;
    if (op === 'start') await d.containerStart(id);
    if (op === 'stop') await d.containerStop(id, { timeout: 1 });
    if (op === 'kill') await d.containerKill(id);
    if (op === 'pause') d.containerPause(id);
    if (op === 'unpause') d.containerUnpause(id);
    if (op === 'restart') await d.containerRestart(id, { timeout: 1 });
    if (op === 'rm') {
      await d.containerRm(id, { force: true });
      ids[i] = null;
    }
  } catch (e) {
    if (!(e as { kind?: string }).kind) throw e;
  }
}

describe('random operation sequences keep the engine consistent', () => {
  it('names unique, distinct IPs, running ⇔ PID 1 alive, layers untouched', async () => {
    const h = boot(7);
    const layer = h.engine.images.resolve('busybox').layers[0];
    const digest = layer.digest;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), async (ops) => {
        const problems = await inDaemon(h, async (d, sys) => {
          const ids: (string | null)[] = [null, null, null];
          const out: string[] = [];
          for (const op of ops) {
            await apply(d, ids, op);
            await sys.sleep(10);
            const cs = [...h.engine.containers.values()];
            const names = cs.map((c) => c.Name);
            if (new Set(names).size !== names.length) out.push(`duplicate names ${names}`);
            const ips = cs.filter((c) => c.State.Running && !c.State.Restarting).map((c) => c.Networks.get('bridge')!.IPAddress);
            if (new Set(ips).size !== ips.length || ips.includes('')) out.push(`bad ips ${ips}`);
            for (const c of cs) {
              const rt = h.engine.runtime(c);
              const alive = rt.pid1 !== null && rt.pid1.state === 'running';
              if (c.State.Running && !c.State.Restarting && !alive) out.push(`${c.Name} running without PID 1 after ${JSON.stringify(op)}`);
              if (!c.State.Running && alive) out.push(`${c.Name} stopped with PID 1 alive`);
              if (c.State.stateString() === 'exited' && ![0, 137, 143].includes(c.State.ExitCode)) out.push(`${c.Name} exit ${c.State.ExitCode}`);
            }
          }
          for (const id of ids) if (id) await d.containerRm(id, { force: true });
          return out;
        });
        expect(problems).toEqual([]);
        expect(digestInodes(layer.root)).toBe(digest);
        expect(h.engine.containers.size).toBe(0);
        expect(h.m.kernel.hostNet.interfaces().filter((i) => i.name.startsWith('veth'))).toEqual([]);
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});
