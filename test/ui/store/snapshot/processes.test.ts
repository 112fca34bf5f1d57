/** The detail panel's process tree is `docker top`'s list: processes, not the threads the model runs them on. */
import { describe, expect, it } from 'vitest';
import { processTree } from '../../../../src/ui/store/snapshot/detail.js';
import { bootTyped } from '../machine.js';

describe('the process tree of an nginx container', () => {
  it('has the master and its workers, not the workers’ accept threads', async () => {
    const m = bootTyped();
    await m.type('sudo docker run -d --name web nginx');
    await m.advance(3000);
    const c = m.machine.daemonStore.getContainer('web');
    expect(m.machine.query.processes(c.ID).some((p) => p.thread)).toBe(true);
    expect(processTree(m.machine.query, c).items.map((p) => [p.depth, p.command])).toEqual([
      [0, 'nginx: master process nginx -g daemon off;'],
      [1, 'nginx: worker process'],
      [1, 'nginx: worker process'],
    ]);
  });
});
