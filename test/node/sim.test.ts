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

  it('prints what the terminal showed when stopped by SIGTERM (a script that never ends, under timeout)', () => {
    // A virtual hour per line: the loop outlasts the 30 s after which timeout(1) sends SIGTERM. Node itself
    // with tsx's loader: npx and the tsx CLI are wrappers that would take the signal instead.
    const r = spawnSync('timeout', ['30', process.execPath, '--import', 'tsx', 'src/node/sim.ts', '--tick', '3600000'], {
      input: 'echo started\nwhile true; do :; done\n',
      encoding: 'utf8',
      cwd: `${__dirname}/../..`,
    });
    expect(r.status).toBe(124);
    expect(r.stdout.endsWith('\nstarted\n')).toBe(true);
    expect(r.stderr).toContain('sim: stopped by SIGTERM; above is what the terminal showed');
  }, 90_000);

  it('shows a yes flood stopped by Ctrl-C and goes on, rendering 13 million lines without keeping them all in the emulator', () => {
    // Issue 13: rendering with xterm.js's own 1,000,000-line scrollback took minutes and ~1 KB a line; a
    // 400 MB heap holds the 40 MB of output and the text shown, not a million emulator lines.
    const r = spawnSync(process.execPath, ['--max-old-space-size=400', '--import', 'tsx', 'src/node/sim.ts', '--tick', '100'], {
      input: 'yes\n\x03\necho survived\n',
      encoding: 'utf8',
      cwd: `${__dirname}/../..`,
      maxBuffer: 1 << 26,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(-3)).toEqual(['', 'survived', '']);
    // A 1,000,000-line scrollback and the 24-line screen hold the last of the flood.
    expect(lines.length).toBe(1_000_024);
    expect(lines.slice(0, -3).every((l) => l === 'y')).toBe(true);
  }, 120_000);

  it('rejects a bad option with a usage line', () => {
    const r = run(['--tick', 'soon'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("sim: --tick takes a whole number, got 'soon'");
  });
}, 60000);
