/**
 * `npm run -s sim -- [--seed N] [--transcript] [--tick MS] < script`: boots a fresh host, types each line of
 * stdin into its terminal, and prints what the terminal shows. Same seed and input ⇒ same bytes out.
 *
 * A run stopped early still shows what it got to: on a terminal the output is written as it comes (each
 * finished line, ~10 times a second); otherwise what the terminal shows is rendered and printed on SIGTERM,
 * SIGINT or SIGHUP (`timeout 60 npm run -s sim < script`). The machine yields to Node's event loop every
 * ~100 ms of real time for this; its run, and so its output, is the same as without.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HeadlessSession, type OutputFollower } from '../machine/headless.js';
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

/** Real ms between the host's turns while the machine runs. */
const TURN_MS = 100;

/** Writes each finished line to a terminal as it is shown; the unfinished last line waits (it may be a prompt to drop). */
class LineStream implements OutputFollower {
  private unfinished = '';

  constructor(private readonly write: (s: string) => void) {}

  shown(data: string): void {
    const nl = data.lastIndexOf('\n');
    if (nl < 0) {
      this.unfinished += data;
      return;
    }
    this.write(this.unfinished + data.slice(0, nl + 1));
    this.unfinished = data.slice(nl + 1);
  }

  unfinishedDropped(): void {
    this.unfinished = '';
  }

  end(): void {
    this.write(this.unfinished);
    this.unfinished = '';
  }
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
  const tty = process.stdout.isTTY;
  // Synchronous on Linux for terminals, files and pipes: what is written is out even if the run is killed.
  const stream = tty ? new LineStream((s) => void process.stdout.write(s)) : undefined;
  let nextTurn = performance.now() + TURN_MS;
  const session = new HeadlessSession(machine, term, {
    tickMs: intOption(values.tick, 'tick', 1000),
    transcript: values.transcript,
    follower: stream,
    hostTurn: () => performance.now() >= nextTurn,
    onProgress: () => void (nextTurn = performance.now() + TURN_MS),
  });
  if (!tty) {
    const stop = (signal: NodeJS.Signals, code: number): void => {
      process.once(signal, () => {
        void renderScreen(session.output, cols, rows).then((shown) => {
          process.stdout.write(shown);
          process.stderr.write(`sim: stopped by ${signal}; above is what the terminal showed\n`);
          process.exit(code);
        });
      });
    };
    stop('SIGTERM', 143);
    stop('SIGINT', 130);
    stop('SIGHUP', 129);
  }
  for (const line of lines) {
    if (!term.alive()) break;
    await session.type(line);
  }
  const raw = await session.finish();
  if (stream) stream.end();
  else process.stdout.write(await renderScreen(raw, cols, rows));
  for (const f of machine.kernel.faults) {
    process.stderr.write(`sim: internal fault in ${f.argv.join(' ')}: ${(f.error as Error)?.stack ?? String(f.error)}\n`);
  }
}

void main();
