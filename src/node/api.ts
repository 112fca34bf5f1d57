/**
 * The npm package's Node entry (`import { run } from 'dockersim/node'`): what `npm run sim` does, as an
 * API, for docs that render transcripts at build time. Each call boots a fresh host, types the lines into its
 * terminal as a learner would (each once the foreground program waits for input, or after `tickMs` of
 * virtual time if it never reads) and returns what the terminal shows. Same options and lines, same text.
 */
import { HeadlessSession } from '../machine/headless.js';
import { Machine } from '../machine/machine.js';
import { nodeDrain } from './drain.js';
import { renderScreen } from './render.js';

export interface RunOptions {
  /** Seeds the machine (container IDs, names, `$RANDOM`). Default 1. */
  readonly seed?: number;
  /**
   * `docker`: the learner is in group `docker` (`docker ps` works as written), as in `<DockerSim>`'s default.
   * `sudo`: not in the group, as in the book and `npm run sim`. Default `docker`.
   */
  readonly user?: 'docker' | 'sudo';
  /** Include the prompts and the typed lines, as the screen shows them (`--transcript`). Default false. */
  readonly transcript?: boolean;
  /** Virtual ms to wait for a program that does not read before typing the next line. Default 1000. */
  readonly tickMs?: number;
  /** The terminal's size. Default 80 × 24. */
  readonly cols?: number;
  readonly rows?: number;
}

export interface RunResult {
  /**
   * What the terminal shows, as text (no colours): lines it wrapped joined again, as `npm run sim` prints it.
   * Without `transcript`, the prompts and the typed lines are left out.
   */
  readonly output: string;
  /** The virtual time the run took, in ms. */
  readonly virtualMs: number;
  /** Simulated programs that failed inside the simulator (a bug to report, never a Docker error). */
  readonly faults: readonly string[];
}

function whole(n: number | undefined, name: string, fallback: number, min: number): number {
  if (n === undefined) return fallback;
  if (!Number.isInteger(n) || n < min) throw new RangeError(`dockersim: ${name} must be a whole number ≥ ${min}, got ${n}`);
  return n;
}

/**
 * Boots a host and types `lines` (an array, or a script with one line per line). Key names as `npm run sim`
 * takes them (`<Tab>`, `<Ctrl-C>`…) are typed as those keys.
 */
export async function run(lines: string | readonly string[], o: RunOptions = {}): Promise<RunResult> {
  const script = typeof lines === 'string' ? lines.split('\n') : [...lines];
  if (typeof lines === 'string' && script[script.length - 1] === '') script.pop();
  const cols = whole(o.cols, 'cols', 80, 20);
  const rows = whole(o.rows, 'rows', 24, 2);
  const machine = Machine.boot({ seed: whole(o.seed, 'seed', 1, 0), drain: nodeDrain, dockerGroup: (o.user ?? 'docker') === 'docker' });
  const term = machine.openTerminal({ cols, rows });
  const start = machine.kernel.now();
  const session = new HeadlessSession(machine, term, { tickMs: whole(o.tickMs, 'tickMs', 1000, 1), transcript: o.transcript ?? false });
  for (const line of script) {
    if (!term.alive()) break;
    await session.type(line);
  }
  const raw = await session.finish();
  return {
    output: await renderScreen(raw, cols, rows),
    virtualMs: machine.kernel.now() - start,
    faults: machine.kernel.faults.map((f) => `${f.argv.join(' ')}: ${String((f.error as Error)?.stack ?? f.error)}`),
  };
}
