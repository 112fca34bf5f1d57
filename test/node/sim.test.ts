import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The `npm run -s sim` entry point itself, as a learner or CI would call it. */
describe('sim CLI', () => {
  const run = (args: string[], input: string) =>
    spawnSync('npx', ['tsx', 'src/node/sim.ts', ...args], { input, encoding: 'utf8', cwd: `${__dirname}/../..` });

  it('prints what the terminal shows, deterministically', () => {
    const a = run(['--seed', '3'], 'echo $((2+3))\nhostname\n');
    expect(a.status).toBe(0);
    expect(a.stdout.endsWith('5\ndockersim\n')).toBe(true);
    expect(run(['--seed', '3'], 'echo $((2+3))\nhostname\n').stdout).toBe(a.stdout);
  });

  it('rejects a bad option with a usage line', () => {
    const r = run(['--tick', 'soon'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("sim: --tick takes a whole number, got 'soon'");
  });
}, 60000);
