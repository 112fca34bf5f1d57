/**
 * Transcript tests: each `testdata/<name>.sim` is typed into a fresh machine by the headless runner (as
 * `npm run -s sim -- --transcript` does) and must reproduce `testdata/<name>.golden` byte for byte.
 * Goldens change only on purpose: `UPDATE_GOLDEN=1 npx vitest run test/scenarios`, then review the diff.
 * The simulator recorded every one of them, so they catch a change, not a wrong string: Docker's own words are
 * checked in test/cli/testdata/real and test/node/daemon/cli.test.ts (see test/cli/testdata/README.md).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/machine.js';

const dir = join(__dirname, 'testdata');
const update = process.env.UPDATE_GOLDEN === '1';

/** A line that is exactly one of these names presses that key instead of typing text. */
const KEYS: Record<string, string> = { '<Ctrl-C>': '\x03', '<Ctrl-D>': '\x04', '<Ctrl-\\>': '\x1c' };

/**
 * First line of a .sim file may set options: `#! seed=7 tick=500 cols=100 timeout=240`. `timeout` (seconds) is for
 * the few transcripts that move whole images as tar streams: ubuntu's 78 MB go through the simulated socket as
 * bytes, several times.
 */
function parse(sim: string): { lines: string[]; seed: number; tickMs: number; cols: number; timeoutMs: number } {
  const lines = sim.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const opts = { seed: 1, tickMs: 1000, cols: 80, timeoutMs: 60_000 };
  if (lines[0]?.startsWith('#! ')) {
    for (const kv of lines.shift()!.slice(3).split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k === 'seed') opts.seed = Number(v);
      if (k === 'tick') opts.tickMs = Number(v);
      if (k === 'cols') opts.cols = Number(v);
      if (k === 'timeout') opts.timeoutMs = Number(v) * 1000;
    }
  }
  return { lines: lines.map((l) => KEYS[l] ?? l), ...opts };
}

describe('transcripts', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sim')).sort()) {
    const name = file.slice(0, -4);
    const { lines, seed, tickMs, cols, timeoutMs } = parse(readFileSync(join(dir, file), 'utf8'));
    it(name, async () => {
      const out = await runScript(lines, { seed, tickMs, cols, transcript: true });
      const golden = join(dir, `${name}.golden`);
      if (update) writeFileSync(golden, out);
      if (!existsSync(golden)) throw new Error(`missing ${golden}: run with UPDATE_GOLDEN=1 and review it`);
      expect(out).toBe(readFileSync(golden, 'utf8'));
    }, timeoutMs);
  }
});
