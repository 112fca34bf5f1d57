import { int, str } from './fields.js';
import { runsProgram } from './lookup.js';
import { say } from './said.js';
import { defineCheck, type ProcessCheck } from './types.js';

/** Processes running `program` in the container's PID namespace (what `docker top NAME` lists). */
export const processCheck = defineCheck<ProcessCheck>({
  kind: 'process',
  schema: { fields: { container: str, program: str, count: int(0) }, required: ['container', 'program'] },
  evaluate(k, { machine }) {
    const c = machine.query.findContainer(k.container);
    const all = c?.State.Running ? machine.query.processes(c.ID) : [];
    // PID 1 gone, the rest are on their way out.
    if (!c || !all.some((p) => p.pid === 1)) {
      return { holds: k.count === 0, found: c ? say('notRunning', { name: k.container }) : say('noContainer', { name: k.container }) };
    }
    const procs = all.filter((p) => !p.thread);
    const n = procs.filter((p) => runsProgram(p, k.program)).length;
    return {
      holds: k.count !== undefined ? n === k.count : n > 0,
      found: say('processes', { name: k.container, programs: procs.map((p) => p.comm) }),
    };
  },
});
