import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/cli/dispatch.js';
import { errorCases, golden, helpGoldens } from './golden.js';

const opts = { configDir: '/root/.docker' };

describe('docker --help matches the real 28.2.2 client byte for byte', () => {
  for (const { file, words } of helpGoldens()) {
    it(`docker ${words.join(' ')} --help`, () => {
      const r = dispatch([...words, '--help'], opts);
      expect(r.kind).toBe('output');
      if (r.kind !== 'output') return;
      expect(r.stdout).toBe(golden(file));
      expect(r.stderr).toBe('');
      expect(r.exit).toBe(0);
    });
  }
});

describe('usage errors, help and version match the real client (stdout, stderr, exit code)', () => {
  for (const c of errorCases()) {
    it(`${c.name}: docker ${c.argv.join(' ')}`, () => {
      const r = dispatch(c.argv, opts);
      if (r.kind !== 'output') {
        // The real client went on to contact the daemon: the simulation must have parsed it as a command.
        expect(c.stderr).toContain('Cannot connect to the Docker daemon');
        return;
      }
      expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({
        stdout: c.stdout,
        stderr: c.stderr,
        exit: c.exit,
      });
    });
  }
});
