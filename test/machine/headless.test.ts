import { describe, expect, it } from 'vitest';
import { HeadlessSession, settle } from '../../src/machine/headless.js';
import { Machine } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';
import { renderScreen } from '../../src/node/render.js';
import { runScript } from '../helpers/machine.js';

describe('headless runner', () => {
  it('shows only program output without --transcript (no prompts, no echo)', async () => {
    const out = await runScript(['echo one', 'printf "two\\n"', 'true']);
    expect(out.endsWith('one\ntwo\n')).toBe(true);
    expect(out).not.toContain('user@dockersim');
  });

  it('puts the output of a command line that fills the terminal row exactly on the next row', async () => {
    // "user@dockersim:~$ " is 18 cells; with "echo " and 57 letters the line is 80 cells wide.
    const word = 'a'.repeat(57);
    const shown = await runScript([`echo ${word}`, 'echo next'], { transcript: true });
    expect(shown).toContain(`user@dockersim:~$ echo ${word}\n${word}\nuser@dockersim:~$ echo next\nnext\n`);
    expect(await runScript([`echo ${word}`, 'echo next'])).toMatch(new RegExp(`\n${word}\nnext\n$`));
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

  // Issue 13's floods, judged by what they show (their real time is `npm run bench -- scenarios`).
  const PROMPT = 'user@dockersim:~$ ';

  it('stops `yes` with Ctrl-C and gives the prompt back', async () => {
    const out = await runScript(['yes', '\x03', 'echo survived'], { tickMs: 1, transcript: true });
    expect(out).toMatch(/\ny\ny\n/);
    expect(out.endsWith(`y\n^C\n${PROMPT}echo survived\nsurvived\n${PROMPT}`)).toBe(true);
  }, 120_000);

  it('leaves `docker run -it busybox yes` running on Ctrl-C (its PID 1 has no SIGINT handler), detached with Ctrl-P Ctrl-Q', async () => {
    const machine = Machine.boot({ seed: 1, drain: nodeDrain });
    const term = machine.openTerminal();
    // The pull first, with time to finish; then a flood of a millisecond per line.
    const pull = new HeadlessSession(machine, term, { tickMs: 60_000 });
    await pull.type('sudo docker pull busybox');
    await settle(machine, term, 60_000);
    const session = new HeadlessSession(machine, term, { tickMs: 1, transcript: true });
    for (const line of ['sudo docker run -it --name flood busybox yes', '\x03', '\x10\x11', 'sudo docker ps --format "{{.Names}} {{.Status}}"', 'echo survived']) {
      await session.type(line);
    }
    const out = await renderScreen(await session.finish());
    expect(out).toMatch(/\ny\ny\n/);
    expect(out).toContain('\n^C');
    expect(out).toContain(`\n${PROMPT}sudo docker ps --format "{{.Names}} {{.Status}}"\n`);
    expect(out).toContain('\nflood Up ');
    expect(out.endsWith(`\n${PROMPT}echo survived\nsurvived\n${PROMPT}`)).toBe(true);
  }, 120_000);

  it('survives a fork bomb with bash\'s lines: forks fail at the user\'s task limit, retry, give up, and the next command still runs', async () => {
    // `sleep 20` outlasts make_child's back-off (1 + 2 + 4 + 8 s), so subshells give up as well as retry.
    const out = await runScript([':(){ :|:& };:', 'sleep 20', 'echo survived'], { tickMs: 30_000, transcript: true });
    const bomb = `${PROMPT}:(){ :|:& };:\n[1] `;
    expect(out).toContain(bomb);
    expect(out.endsWith(`[1]+  Done                    :|:\n${PROMPT}echo survived\nsurvived\n${PROMPT}`)).toBe(true);
    const RETRY = '-bash: fork: retry: Resource temporarily unavailable';
    const GAVE_UP = '-bash: fork: Resource temporarily unavailable';
    const lines = out
      .slice(out.indexOf(bomb) + bomb.length)
      .split('\n')
      .slice(1, -4)
      .map((l) => (l.startsWith(PROMPT) ? l.slice(PROMPT.length) : l));
    // Everything the bomb prints is one of bash's two sys_error lines (no `line 1:`), around the typed-ahead lines.
    const other = lines.filter((l) => l !== RETRY && l !== GAVE_UP);
    expect(other).toEqual(['sleep 20', 'echo survived']);
    expect(lines.filter((l) => l === RETRY).length).toBeGreaterThan(100);
    expect(lines.filter((l) => l === GAVE_UP).length).toBeGreaterThan(100);
  }, 300_000);

  it('echoes and runs a 200,000-character line', async () => {
    const word = 'a'.repeat(200_000);
    const out = await runScript([`echo ${word}`], { transcript: true });
    expect(out.endsWith(`${PROMPT}echo ${word}\n${word}\n${PROMPT}`)).toBe(true);
    // A generous bound (~4 s of CPU now): when each key redrew the whole line this took minutes.
  }, 60_000);
});
