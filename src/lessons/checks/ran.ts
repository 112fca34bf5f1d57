import { bool, str } from './fields.js';
import { resolveCommandPath } from '../commandLog.js';
import { say } from './said.js';
import { defineCheck, type RanCheck } from './types.js';

/** Since the lesson started, the learner ran `docker COMMAND` (any alias) and it succeeded (or failed). */
export const ranCheck = defineCheck<RanCheck>({
  kind: 'ran',
  schema: {
    fields: { command: str, success: bool },
    required: ['command'],
    refine: (v) =>
      typeof v.command === 'string' && !resolveCommandPath(v.command)
        ? `ran.command: ${JSON.stringify(v.command)} is not a docker command`
        : undefined,
  },
  evaluate(k, { commands }) {
    const want = k.success ?? true;
    const runs = commands.find(k.command).filter((r) => r.status !== null);
    const holds = runs.some((r) => (r.status === 0) === want);
    const shown = runs.map((r) => say('ranOnce', { args: r.args.join(' '), status: r.status ?? '' })).slice(-3);
    return { holds, found: runs.length > 0 ? say('ranList', { runs: shown }) : say('notRan', { command: k.command }) };
  },
});
