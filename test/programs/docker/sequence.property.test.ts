/**
 * Random sequences of docker commands through the real `docker` program (CLI → Engine API → dockerd), with
 * the engine's invariants checked after every command: names unique, running containers hold distinct
 * addresses, running ⇔ PID 1 alive, an exited container has its exit code and finish time recorded, and the
 * image's layers are never written to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { digestInodes } from '../../../src/engine/fs/treeio.js';
import { docker } from './run-docker.js';

const name = fc.constantFrom('c0', 'c1', 'c2');
const command: fc.Arbitrary<string[]> = fc.oneof(
  name.map((n) => ['run', '-d', '--name', n, 'busybox', 'sleep', '1000']),
  name.map((n) => ['run', '-d', '--name', n, '--restart', 'always', 'busybox', 'sh', '-c', 'sleep 2; exit 3']),
  name.map((n) => ['run', '--name', n, 'busybox', 'sh', '-c', 'exit 7']),
  name.map((n) => ['create', '--name', n, 'busybox', 'sleep', '1000']),
  name.map((n) => ['start', n]),
  name.map((n) => ['stop', '-t', '1', n]),
  name.map((n) => ['kill', n]),
  name.map((n) => ['kill', '-s', 'TERM', n]),
  name.map((n) => ['pause', n]),
  name.map((n) => ['unpause', n]),
  name.map((n) => ['restart', '-t', '1', n]),
  name.map((n) => ['rm', '-f', n]),
  name.map((n) => ['rm', n]),
  name.map((n) => ['exec', '-d', n, 'touch', '/tmp/x']),
  fc.tuple(name, name).map(([a, b]) => ['rename', a, b]),
  fc.constant<string[]>(['ps', '-a']),
);

function invariants(m: Machine): string[] {
  const out: string[] = [];
  const cs = [...m.daemonStore.containers.values()];
  const names = cs.map((c) => c.Name);
  if (new Set(names).size !== names.length) out.push(`duplicate names ${names.join(',')}`);
  const running = cs.filter((c) => c.State.Running && !c.State.Restarting);
  const ips = running.map((c) => c.Networks.get('bridge')?.IPAddress ?? '');
  if (new Set(ips).size !== ips.length || ips.includes('')) out.push(`addresses ${ips.join(',')}`);
  for (const c of cs) {
    const rt = m.daemonStore.runtime(c);
    const alive = rt.pid1 !== null && rt.pid1.state === 'running';
    if (c.State.Running && !c.State.Restarting && !alive) out.push(`${c.Name} running without PID 1`);
    if (!c.State.Running && alive) out.push(`${c.Name} not running, PID 1 alive`);
    if (c.State.stateString() === 'exited') {
      if (c.State.FinishedAt === null) out.push(`${c.Name} exited without a finish time`);
      if (![0, 3, 7, 137, 143].includes(c.State.ExitCode)) out.push(`${c.Name} exit code ${c.State.ExitCode}`);
    }
  }
  return out;
}

describe('docker command sequences', () => {
  it('keep the engine consistent after every command', async () => {
    const m = Machine.boot({ seed: 5, drain: nodeDrain });
    await m.kernel.run({ until: 100 });
    expect(await docker(m, ['pull', 'busybox'])).toBe(0);
    const layer = m.daemonStore.images.resolve('busybox').layers[0];
    const digest = digestInodes(layer.root);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (cmds) => {
        for (const argv of cmds) {
          const status = await docker(m, argv);
          expect(status, argv.join(' ')).toBeGreaterThanOrEqual(0);
          // Let restart policies and exits settle a little, as a learner's next command would.
          await m.kernel.run({ until: m.kernel.now() + 500 });
          expect(invariants(m), `after docker ${argv.join(' ')}`).toEqual([]);
        }
        expect(m.kernel.faults).toEqual([]);
        for (const n of ['c0', 'c1', 'c2']) await docker(m, ['rm', '-f', n]);
        expect(m.daemonStore.containers.size).toBe(0);
        expect(m.kernel.hostNet.interfaces().filter((i) => i.name.startsWith('veth'))).toEqual([]);
        expect(digestInodes(layer.root)).toBe(digest);
      }),
      { numRuns: 25, seed: 11 },
    );
  }, 180_000);
});
