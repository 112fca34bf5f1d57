/** A booted machine whose terminal the tests type into, with the engine at hand for the snapshot builders. */
import { HeadlessSession } from '../../../src/machine/headless.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';

export interface TypedMachine {
  readonly machine: Machine;
  /** Types each line and lets it finish; returns what the terminal printed. */
  type(...lines: string[]): Promise<string>;
  /** Lets virtual time pass (containers keep running and logging). */
  advance(ms: number): Promise<void>;
}

export function bootTyped(seed = 1): TypedMachine {
  const machine = Machine.boot({ seed, drain: nodeDrain });
  const term = machine.openTerminal({ cols: 120, rows: 40 });
  const session = new HeadlessSession(machine, term, { tickMs: 15000 });
  let shown = 0;
  return {
    machine,
    async type(...lines) {
      for (const l of lines) await session.type(l);
      const out = await session.finish();
      const fresh = out.slice(shown);
      shown = out.length;
      return fresh;
    },
    async advance(ms) {
      await machine.kernel.run({ until: machine.kernel.now() + ms });
    },
  };
}
