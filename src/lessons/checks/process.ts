import { int, str } from './fields.js';
import { findContainer, runsProgram } from './lookup.js';
import { say } from './said.js';
import { defineCheck, type ProcessCheck } from './types.js';

/** Processes running `program` in the container's PID namespace (what `docker top NAME` lists). */
export const processCheck = defineCheck<ProcessCheck>({
  kind: 'process',
  schema: { fields: { container: str, program: str, count: int(0) }, required: ['container', 'program'] },
  evaluate(k, { machine }) {
    const c = findContainer(machine.engine, k.container);
    const init = c ? machine.engine.runtimes.get(c.ID)?.pid1 : undefined;
    if (!c || !c.State.Running || !init || init.state !== 'running') {
      return { holds: k.count === 0, found: c ? say('notRunning', { name: k.container }) : say('noContainer', { name: k.container }) };
    }
    const procs = [...init.pidns.byPid.values()].filter((p) => p.state === 'running' && p.tgid === p.hostPid);
    const n = procs.filter((p) => runsProgram(p, k.program)).length;
    return {
      holds: k.count !== undefined ? n === k.count : n > 0,
      found: say('processes', { name: k.container, programs: procs.map((p) => p.comm) }),
    };
  },
});
