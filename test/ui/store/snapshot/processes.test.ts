/** The detail panel's process tree is `docker top`'s list: processes, not their threads. */
import { describe, expect, it } from 'vitest';
import { processTree } from '../../../../src/ui/store/snapshot/detail.js';
import { bootTyped } from '../machine.js';

describe('the detail panel\'s process tree', () => {
  it('has nginx\'s master and its workers', async () => {
    const m = bootTyped();
    await m.type('sudo docker run -d --name web nginx');
    await m.advance(3000);
    const c = m.machine.daemonStore.getContainer('web');
    expect(processTree(m.machine.query, c).items.map((p) => [p.depth, p.command])).toEqual([
      [0, 'nginx: master process nginx -g daemon off;'],
      [1, 'nginx: worker process'],
      [1, 'nginx: worker process'],
    ]);
  });

  it('has redis-server once, not its bio and jemalloc threads', async () => {
    const m = bootTyped();
    await m.type('sudo docker run -d --name db redis');
    await m.advance(3000);
    const c = m.machine.daemonStore.getContainer('db');
    expect(m.machine.query.processes(c.ID).some((p) => p.thread)).toBe(true);
    expect(processTree(m.machine.query, c).items.map((p) => p.depth)).toEqual([0]);
  });
});
