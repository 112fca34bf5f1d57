import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/machine.js';

describe('headless runner', () => {
  it('shows only program output without --transcript (no prompts, no echo)', async () => {
    const out = await runScript(['echo one', 'printf "two\\n"', 'true']);
    expect(out.endsWith('one\ntwo\n')).toBe(true);
    expect(out).not.toContain('user@dockersim');
  });

  it('gives byte-identical transcripts for the same seed and input', async () => {
    const script = ['sleep 100 &', 'ps', 'echo $RANDOM $RANDOM', 'date', 'cat /proc/uptime'];
    const a = await runScript(script, { seed: 7, transcript: true });
    const b = await runScript(script, { seed: 7, transcript: true });
    expect(a).toBe(b);
    const c = await runScript(script, { seed: 8, transcript: true });
    expect(c).not.toBe(a);
  });

  it('types the next line after a tick when the foreground program never reads', async () => {
    const out = await runScript(['while true; do :; done', '\x03', 'echo back'], { tickMs: 200, transcript: true });
    expect(out.endsWith('user@dockersim:~$ while true; do :; done\n^C\nuser@dockersim:~$ echo back\nback\nuser@dockersim:~$ ')).toBe(true);
  });

  it('stops typing when the login shell exits', async () => {
    const out = await runScript(['exit', 'echo never'], { transcript: true });
    expect(out.endsWith('user@dockersim:~$ exit\nlogout\n')).toBe(true);
  });
});
