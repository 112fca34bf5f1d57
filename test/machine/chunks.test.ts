/**
 * The utilities and the Docker half are chunks a machine loads on demand (src/programs/registry.ts). When
 * they arrive must not matter: a session where every load takes many host turns prints the same transcript,
 * byte for byte, and ends in the same state as one where the code was there at once.
 */
import { describe, expect, it } from 'vitest';
import * as dockerChunk from '../../src/programs/dockerPrograms.js';
import type { ChunkLoaders } from '../../src/programs/registry.js';
import * as utilitiesChunk from '../../src/programs/utilities.js';
import { runScriptOn } from '../helpers/machine.js';

const hostTurns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Every load settles after `turns` host turns; 0 hands over modules already loaded. */
function loaders(turns: number): ChunkLoaders & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    docker: async () => (calls.push('docker'), await hostTurns(turns), dockerChunk),
    utilities: async () => (calls.push('utilities'), await hostTurns(turns), utilitiesChunk),
  };
}

const SCRIPT = [
  'ls /',
  "sudo docker run -d --name ticker busybox sh -c 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done'",
  'sudo docker ps --format "{{.Names}} {{.Status}} {{.Command}}"',
  'sleep 2',
  'sudo docker logs -t ticker',
  'ps -eo pid,ppid,stat,comm',
  'sudo docker stop -t 1 ticker',
  'date; uptime',
];

async function session(turns: number) {
  const chunks = loaders(turns);
  const { out, machine } = await runScriptOn(SCRIPT, { seed: 7, transcript: true, chunks });
  const k = machine.kernel;
  return {
    out,
    now: k.now(),
    slices: k.sched.slices,
    procs: k.processesIn(k.hostPidNs).map((p) => `${p.hostPid} ${p.state} ${p.argv.join(' ')}`),
    calls: chunks.calls,
  };
}

describe('chunks loaded on demand', () => {
  it('a slow load gives the same transcript and state as an instant one', async () => {
    const instant = await session(0);
    expect(instant.out).toContain('tick 1');
    expect(instant.out).toContain('ticker Up');
    for (const turns of [3, 25]) {
      const slow = await session(turns);
      expect(slow.out).toBe(instant.out);
      expect(slow.now).toBe(instant.now);
      expect(slow.slices).toBe(instant.slices);
      expect(slow.procs).toEqual(instant.procs);
    }
  });

  it('each machine loads each chunk once, when first needed: a boot (dockerd included) loads none', async () => {
    const s = await session(2);
    expect(s.calls).toEqual(['utilities', 'docker']);
    const booted = loaders(2);
    await runScriptOn(['echo hi'], { chunks: booted });
    expect(booted.calls).toEqual([]);
  });

  it('a binary the simulator does not know still says so, after the utilities chunk', async () => {
    // lsof: on the host's disk, simulated by no family (vim was the example until it became one).
    const { out } = await runScriptOn(['lsof -i; echo "status $?"'], { chunks: loaders(4) });
    expect(out).toContain('lsof: this program is not simulated in dockersim\nstatus 126');
  });
});
