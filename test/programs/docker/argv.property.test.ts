/**
 * Random command lines through the real `docker` program on a booted host (CLI → Engine API → dockerd):
 * whatever a learner types, the answer is an exit status and Docker's text, never a crash of a simulated
 * program (a kernel fault) or a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { docker } from './run-docker.js';

const WORDS = [
  'run', 'ps', 'images', 'pull', 'rm', 'rmi', 'start', 'stop', 'kill', 'logs', 'inspect', 'exec', 'attach', 'top',
  'stats', 'wait', 'rename', 'diff', 'pause', 'unpause', 'restart', 'create', 'version', 'info', 'search',
  '-d', '-it', '-a', '-q', '-f', '--name', 'x1', 'busybox', 'ubuntu', 'echo', 'hi', 'sleep', '1', '--rm', '-t', '10',
  '--format', '{{.Id}}', '--no-stream', '--tail', 'all', '-e', 'A=b', '--bogus', '', '-', '--', 'nosuch',
];

describe('docker argv property', () => {
  it('random command lines end with a status and never fault', async () => {
    const m = Machine.boot({ seed: 3, drain: nodeDrain });
    await m.kernel.run({ until: 100 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), async (argv) => {
        const status = await docker(m, argv);
        expect(m.kernel.faults).toEqual([]);
        // -1 would mean it was still running after 2 virtual minutes (an attached container is the only
        // legitimate case: stdin is /dev/null, so even that ends).
        expect(status).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});
