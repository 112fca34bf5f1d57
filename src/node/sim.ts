/**
 * `npm run -s sim -- [--seed N] [--transcript] [--tick MS] < script`: boots a fresh host, types each line of
 * stdin into its terminal, and prints what the terminal shows. Same seed and input ⇒ same bytes out.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HeadlessSession } from '../machine/headless.js';
import { renderScreen } from './render.js';
import { Machine } from '../machine/machine.js';
import { nodeDrain } from './drain.js';

function usage(message: string): never {
  process.stderr.write(`sim: ${message}\nusage: npm run -s sim -- [--seed N] [--transcript] [--tick MS] [--cols N] [--rows N] < script\n`);
  process.exit(2);
}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) usage(`--${name} takes a whole number, got '${value}'`);
  return Number(value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        seed: { type: 'string' },
        tick: { type: 'string' },
        transcript: { type: 'boolean', default: false },
        cols: { type: 'string' },
        rows: { type: 'string' },
      },
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const input = readFileSync(0, 'utf8');
  const lines = input.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  const machine = Machine.boot({ seed: intOption(values.seed, 'seed', 1), drain: nodeDrain });
  const cols = intOption(values.cols, 'cols', 80);
  const rows = intOption(values.rows, 'rows', 24);
  const term = machine.openTerminal({ cols, rows });
  const session = new HeadlessSession(machine, term, {
    tickMs: intOption(values.tick, 'tick', 1000),
    transcript: values.transcript,
  });
  for (const line of lines) {
    if (!term.alive()) break;
    await session.type(line);
  }
  const raw = await session.finish();
  process.stdout.write(process.stdout.isTTY ? raw : await renderScreen(raw, cols, rows));
  for (const f of machine.kernel.faults) {
    process.stderr.write(`sim: internal fault in ${f.argv.join(' ')}: ${(f.error as Error)?.stack ?? String(f.error)}\n`);
  }
}

void main();
