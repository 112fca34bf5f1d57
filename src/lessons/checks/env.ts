import { exportedVariables } from '../../programs/shell/introspect.js';
import { oneOf, str } from './fields.js';
import { foregroundLeaves } from './lookup.js';
import { say } from './said.js';
import { defineCheck, type EnvCheck } from './types.js';

/**
 * The shell the learner types into on the host has the variable exported: the terminal's login shell, or a
 * shell started from it that is now in the foreground (`bash`, `sudo -s`).
 */
export const envCheck = defineCheck<EnvCheck>({
  kind: 'env',
  schema: { fields: { name: str, value: str, terminal: oneOf(1, 2) }, required: ['name'] },
  evaluate(k, { machine, terminal }) {
    const n = k.terminal ?? 1;
    const term = terminal(n);
    if (!term || !term.alive()) return { holds: false, found: say('terminalClosed', { n }) };
    const fg = foregroundLeaves(machine.kernel, term.tty.fgPgrp)
      .filter((p) => !machine.query.containerOf(p))
      .map((p) => exportedVariables(p.env))
      .find((v) => v !== undefined);
    const vars = fg ?? exportedVariables(term.shell.env);
    if (!vars) return { holds: false, found: say('noShell') };
    const value = vars[k.name];
    if (value === undefined) return { holds: false, found: say('notExported', { name: k.name }) };
    return { holds: k.value === undefined || value === k.value, found: say('exported', { name: k.name, value }) };
  },
});
