/** Test helpers: boot a fresh host and type a script into it, as `npm run sim` does. */
import { HeadlessSession } from '../../src/machine/headless.js';
import { renderScreen } from '../../src/node/render.js';
import { Machine, type MachineOptions } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';

export interface ScriptOptions extends MachineOptions {
  readonly transcript?: boolean;
  readonly tickMs?: number;
  readonly cols?: number;
  readonly rows?: number;
}

/** Types `lines` into a fresh machine's terminal and returns the plain text shown (CRLF → LF, no ANSI). */
export async function runScript(lines: readonly string[], opts: ScriptOptions = {}): Promise<string> {
  const { out } = await runScriptOn(lines, opts);
  return out;
}

export async function runScriptOn(
  lines: readonly string[],
  opts: ScriptOptions = {},
): Promise<{ out: string; machine: Machine }> {
  const machine = Machine.boot({ drain: nodeDrain, ...opts });
  const term = machine.openTerminal({ cols: opts.cols ?? 80, rows: opts.rows ?? 24 });
  const session = new HeadlessSession(machine, term, { transcript: opts.transcript, tickMs: opts.tickMs });
  for (const line of lines) await session.type(line);
  const raw = await session.finish();
  if (machine.kernel.faults.length > 0) {
    const f = machine.kernel.faults[0];
    throw new Error(`internal fault in ${f.argv.join(' ')}: ${(f.error as Error)?.stack ?? String(f.error)}`);
  }
  return { out: await renderScreen(raw, opts.cols ?? 80, opts.rows ?? 24), machine };
}
