import { oneOf, str } from './fields.js';
import { attachedTarget, dockerGiven } from './attached.js';
import { containerName, foregroundLeaves, programName, runsProgram } from './lookup.js';
import { say, type Said } from './said.js';
import { defineCheck, type ForegroundCheck } from './types.js';
import type { Machine, Terminal } from '../../machine/machine.js';

/**
 * The container a terminal is in: its foreground runs inside one, or is a docker client relaying the terminal
 * to one (`docker run -it`, `attach`, `exec -it`). Undefined on the host.
 */
export function containerInForeground(machine: Machine, term: Terminal): string | undefined {
  if (!term.alive()) return undefined;
  for (const p of foregroundLeaves(machine.kernel, term.tty.fgPgrp)) {
    const inside = machine.query.containerOf(p) ?? attachedTarget(machine, p)?.container;
    if (inside) return containerName(inside);
  }
  return undefined;
}

/**
 * The terminal's foreground job runs `program`: on the host (no `container`), or — when the foreground is a
 * docker client relaying the terminal — inside that container (`container: any` for whichever).
 */
export const foregroundCheck = defineCheck<ForegroundCheck>({
  kind: 'foreground',
  schema: { fields: { terminal: oneOf(1, 2), program: str, container: str, flag: str }, required: ['program'] },
  evaluate(k, { machine, terminal }) {
    const n = k.terminal ?? 1;
    const term = terminal(n);
    if (!term || !term.alive()) return { holds: false, found: say('terminalClosed', { n }) };
    const leaves = foregroundLeaves(machine.kernel, term.tty.fgPgrp);
    const names: Said[] = [];
    let holds = false;
    for (const p of leaves) {
      const inside = machine.query.containerOf(p);
      names.push(inside ? say('programIn', { program: programName(p), container: containerName(inside) }) : say('program', { program: programName(p) }));
      if (k.container === undefined) {
        holds ||= !inside && runsProgram(p, k.program) && (k.flag === undefined || dockerGiven(p, k.flag));
        continue;
      }
      const target = inside ? { container: inside, processes: [p] } : attachedTarget(machine, p);
      if (!target) continue;
      if (inside === undefined) {
        names.push(...target.processes.map((q) => say('programIn', { program: programName(q), container: containerName(target.container) })));
      }
      const where = k.container === 'any' || containerName(target.container) === k.container.replace(/^\//, '');
      holds ||= where && target.processes.some((q) => runsProgram(q, k.program));
    }
    return { holds, found: names.length > 0 ? say('terminalRuns', { n, programs: names }) : say('terminalIdle', { n }) };
  },
});
