import { oneOf, str } from './fields.js';
import { attachedTarget } from './attached.js';
import { containerName, containerOfProcess, foregroundLeaves, programName, runsProgram } from './lookup.js';
import { defineCheck, type ForegroundCheck } from './types.js';

/**
 * The terminal's foreground job runs `program`: on the host (no `container`), or — when the foreground is a
 * docker client relaying the terminal — inside that container (`container: any` for whichever).
 */
export const foregroundCheck = defineCheck<ForegroundCheck>({
  kind: 'foreground',
  schema: { fields: { terminal: oneOf(1, 2), program: str, container: str }, required: ['program'] },
  evaluate(k, { machine, terminal }) {
    const n = k.terminal ?? 1;
    const term = terminal(n);
    if (!term || !term.alive()) return { holds: false, found: `terminal ${n} is not open` };
    const engine = machine.engine;
    const leaves = foregroundLeaves(machine.kernel, term.tty.fgPgrp);
    const names: string[] = [];
    let holds = false;
    for (const p of leaves) {
      const inside = containerOfProcess(engine, p);
      names.push(inside ? `${programName(p)} in ${containerName(inside)}` : programName(p));
      if (k.container === undefined) {
        holds ||= !inside && runsProgram(p, k.program);
        continue;
      }
      const target = inside ? { container: inside, processes: [p] } : attachedTarget(engine, p);
      if (!target) continue;
      if (inside === undefined) names.push(...target.processes.map((q) => `${programName(q)} in ${containerName(target.container)}`));
      const where = k.container === 'any' || containerName(target.container) === k.container.replace(/^\//, '');
      holds ||= where && target.processes.some((q) => runsProgram(q, k.program));
    }
    return { holds, found: `terminal ${n}: ${names.length > 0 ? names.join(' → ') : 'nothing in the foreground'}` };
  },
});
