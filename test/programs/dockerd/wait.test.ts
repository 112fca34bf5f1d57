/**
 * POST /containers/{id}/wait ends with its connection. `docker run -d` asks for the wait before the start and
 * leaves without reading the answer (docker/cli's run.go); dockerd's worker for it used to live on until the
 * container exited, woken at every change of the daemon: one more process per detached run.
 */
import { describe, expect, it } from 'vitest';
import { runScriptOn } from '../../helpers/machine.js';

const dockerdProcesses = async (runs: number): Promise<number> => {
  const { machine } = await runScriptOn(Array.from({ length: runs }, (_, i) => `sudo docker run -d --name c${i} busybox sleep 1000`));
  return [...machine.kernel.procs.values()].filter((p) => p.comm === 'dockerd' && p.state === 'running').length;
};

describe('container wait', () => {
  it('ends when the client goes away: detached runs leave no dockerd worker behind', async () => {
    expect(await dockerdProcesses(3)).toBe(await dockerdProcesses(1));
  });
});
