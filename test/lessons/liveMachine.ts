/**
 * A freshly booted machine driven by typing, for tests of check kinds: type into it, then ask whether a check
 * holds and what it found, as the lesson runner would; and the validator's messages for a check block.
 */
import { CommandLog, evaluateCheck, MachineTerminals, Typist, type Check, type CheckContext } from '../../src/lessons/index.js';
import { parseCheckBlock } from '../../src/lessons/checkblock.js';
import { ErrorList } from '../../src/lessons/errors.js';
import { sayIn } from '../../src/lessons/checks/said.js';
import { Machine } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';

export interface LiveMachine {
  readonly ctx: CheckContext;
  readonly typist: Typist;
  /** Types each line on terminal 1 and waits until the machine is idle. */
  type(...lines: string[]): Promise<void>;
  holds(check: Check): boolean;
  /** What the check found, in that language. */
  found(check: Check, locale?: 'en' | 'zh'): string;
}

export function liveMachine(): LiveMachine {
  const machine = Machine.boot({ drain: nodeDrain });
  const terminals = new MachineTerminals(machine);
  const commands = new CommandLog();
  const typist = new Typist(machine, terminals, 3000, () => commands.observe());
  terminals.open(1);
  const ctx: CheckContext = { machine, terminal: (n) => terminals.get(n), commands };
  return {
    ctx,
    typist,
    async type(...lines) {
      for (const text of lines) await typist.perform({ kind: 'type', text, line: 0 });
      await typist.settle();
    },
    holds: (check) => evaluateCheck({ check, line: 1 }, ctx).passed,
    found(check, locale = 'en') {
      const r = evaluateCheck({ check, line: 1 }, ctx);
      return locale === 'en' ? r.found : sayIn(r.said, 'zh');
    },
  };
}

/** The validator's messages for a check block, joined ('' when it is valid). */
export function validateChecks(block: string): string {
  const errors = new ErrorList('lesson.md');
  parseCheckBlock(block, 1, errors);
  return errors.errors.map((e) => e.message).join('\n');
}
