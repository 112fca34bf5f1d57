/**
 * A page's machine (machine/host.ts) boots without Docker's read model: the first prompt does not wait for its
 * code, and `loadQuery()` brings it when the daemon view, the editor or a lesson first needs it. This file
 * imports host.ts alone (machine.ts would load the read model with it).
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/machine/host.js';
import { nodeDrain } from '../../src/node/drain.js';

describe('a page’s machine', () => {
  it('boots to a prompt without the read model, then loads it on demand', async () => {
    const m = Machine.boot({ seed: 1, drain: nodeDrain });
    const term = m.openTerminal();
    await m.run({ until: 2000 });
    expect(term.tty.waitingForInput).toBe(true);
    expect(() => m.query).toThrow('machine.query is read before its code has loaded (await machine.loadQuery())');
    const q = await m.loadQuery();
    expect(q).toBe(m.query);
    expect([...q.containers()]).toEqual([]);
  });
});
