import { int, str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type LogCheck } from './types.js';

/** What `docker logs NAME` would show (both streams) contains the text, or has at least `lines` lines. */
export const logCheck = defineCheck<LogCheck>({
  kind: 'log',
  schema: {
    fields: { container: str, contains: str, lines: int(1) },
    required: ['container'],
    refine: (v) => (v.contains === undefined && v.lines === undefined ? 'log: give `contains` or `lines`' : undefined),
  },
  evaluate(k, { machine }) {
    const c = machine.query.findContainer(k.container);
    if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
    const { entries } = machine.query.logs(c.ID);
    let holds = true;
    if (k.contains !== undefined) holds = entries.some((e) => e.line.includes(k.contains!));
    if (k.lines !== undefined) holds &&= entries.length >= k.lines;
    return { holds, found: say('logLines', { n: entries.length }) };
  },
});
