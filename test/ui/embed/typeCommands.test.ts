/** The embed's start commands are typed through the session's journal, each once the shell waits at its prompt. */
import { describe, expect, it } from 'vitest';
import type { DriverHost } from '../../../src/machine/driver.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { atPrompt, typeCommands } from '../../../src/ui/embed/typeCommands.js';
import { Session } from '../../../src/ui/session.js';

const host: DriverHost = { now: () => 0, later: () => {} };
const boot = (seed: number): Machine => Machine.boot({ seed, drain: nodeDrain });

describe('typeCommands', () => {
  it('types each command at the prompt, journaled as keys', async () => {
    const session = await Session.fresh(3, boot, host, (e) => {
      throw e;
    });
    const k = session.machine.kernel;
    let screen = '';
    session.terminals[0]!.terminal.tty.onOutput((d) => (screen += d));
    // What the driver does between ticks, done by hand: deliver the inputs, run the machine a little.
    const step = async (): Promise<void> => {
      await session.recorder.flush();
      await k.run({ until: k.now() + 50 });
    };
    await typeCommands(session, ['echo hi', 'echo "<b>there</b>"'], { wait: step });
    const done = (): boolean => screen.includes('\n<b>there</b>\r\n') && screen.endsWith('$ ');
    for (let i = 0; i < 20 && !done(); i++) await step();
    const keys = session.journal.filter((e) => e.kind === 'keys').map((e) => (e as { data: string }).data);
    expect(keys).toEqual(['echo hi\r', 'echo "<b>there</b>"\r']);
    // Without the prompt's colours and window title: the text a reader sees.
    // eslint-disable-next-line no-control-regex
    const plain = screen.replace(/\x1b\][^\x07]*\x07|\x1b\[[0-9;]*m|\r/g, '');
    const lines = plain.split('\n');
    expect(lines.slice(-5)).toEqual([
      'user@dockersim:~$ echo hi',
      'hi',
      'user@dockersim:~$ echo "<b>there</b>"',
      '<b>there</b>',
      'user@dockersim:~$ ',
    ]);
  });

  it('stops when aborted', async () => {
    const session = await Session.fresh(1, boot, host, () => {});
    const ac = new AbortController();
    ac.abort();
    await typeCommands(session, ['echo never'], { signal: ac.signal, wait: async () => {} });
    expect(session.journal.filter((e) => e.kind === 'keys')).toEqual([]);
  });

  it('is at the prompt only with nothing queued, the shell reading and nothing to run', () => {
    expect(atPrompt({ pending: 0, waitingForInput: true, runnable: 0 })).toBe(true);
    expect(atPrompt({ pending: 1, waitingForInput: true, runnable: 0 })).toBe(false);
    expect(atPrompt({ pending: 0, waitingForInput: false, runnable: 0 })).toBe(false);
    expect(atPrompt({ pending: 0, waitingForInput: true, runnable: 2 })).toBe(false);
  });
});
