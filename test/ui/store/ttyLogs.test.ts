/**
 * A TTY container's log in the panel: what its terminal showed, not the bytes bash wrote for it (window
 * titles, bracketed paste, CR LF, line editing). The bytes are the real ones the simulated bash writes.
 */
import { describe, expect, it } from 'vitest';
import { connectPanel, type FeedTimers } from '../../../src/ui/store/feed.js';
import { createPanelStore } from '../../../src/ui/store/panelStore.js';
import { plainLogText, ttyTail } from '../../../src/ui/store/snapshot/detail.js';
import { renderTerminalText } from '../../../src/ui/store/snapshot/terminalText.js';
import type { ContainerDetail } from '../../../src/ui/store/snapshot/types.js';
import { bootTyped } from './machine.js';

const manual: FeedTimers = { every: () => ({ dispose: () => {} }), after: () => ({ dispose: () => {} }) };

describe('a TTY container’s log', () => {
  it('shows the lines its terminal showed: no title escapes, no bracketed paste, no CR', async () => {
    const m = bootTyped();
    await m.type('sudo docker run --name bob_the_container -i -t ubuntu /bin/bash', 'echo hello world', 'ecx\x7fho fixed\r', "printf 'one\\ntwo\\n\\033[2Athree\\n\\n'", 'exit');
    const engine = m.machine.daemonStore;
    const c = engine.getContainer('bob_the_container');
    const raw = ttyTail(m.machine.query, c).raw;
    // What bash really wrote: an OSC window title before each prompt, CR LF, a backspace's erase.
    expect(raw).toContain('\x1b]0;root@');
    expect(raw).toContain('\r\n');
    expect(raw).toContain('ecx\b\x1b[J');

    const store = createPanelStore();
    const feed = connectPanel(store, m.machine.query, { timers: manual });
    store.getState().select({ kind: 'container', id: c.ID });
    await feed.rendered();
    const d = store.getState().detail as ContainerDetail;
    const id = c.ID.slice(0, 12);
    expect(d.logs.items.map((l) => l.text)).toEqual([
      `root@${id}:/# echo hello world`,
      'hello world',
      `root@${id}:/# echo fixed`,
      'fixed',
      // The cursor went up two lines and wrote over "one", as on screen.
      `root@${id}:/# printf 'one\\ntwo\\n\\033[2Athree\\n\\n'`,
      'three',
      'two',
      `root@${id}:/# exit`,
      'exit',
    ]);
    expect(d.logs.items.every((l) => !/[\x00-\x1f]/.test(l.text))).toBe(true);
    feed.dispose();
  });

  it('renders cursor moves, erases and a cleared screen as a terminal does', async () => {
    expect(await renderTerminalText('\x1b]0;title\x07one\r\ntwo\r\n')).toEqual(['one', 'two']);
    expect(await renderTerminalText('\x1b[?2004hroot@x:/# ls\r\n\x1b[?2004l\rbin  etc\r\n')).toEqual(['root@x:/# ls', 'bin  etc']);
    expect(await renderTerminalText('abc\rX\r\n')).toEqual(['Xbc']);
    expect(await renderTerminalText('a\r\nb\r\n\x1b[H\x1b[2J\x1b[3Jtop\r\n', 80, 24)).toEqual(['top']);
    expect(await renderTerminalText('x'.repeat(100), 40)).toEqual(['x'.repeat(100)]);
  });
});

describe('a line of output without a terminal', () => {
  it('is the text a terminal would leave, never raw control bytes', () => {
    expect(plainLogText('\x1b[31mred\x1b[0m\x07 bell\r\n')).toBe('red bell');
    expect(plainLogText('\x1b]0;root@6350637adf16: /\x07root@6350637adf16:/# ls\r\n')).toBe('root@6350637adf16:/# ls');
    expect(plainLogText('\x1b[?2004hroot@x:/# \x1b[?2004l\r')).toBe('root@x:/#');
    expect(plainLogText('progress 10%\rprogress 100%\n')).toBe('progress 100%');
    expect(plainLogText('abcdef\rxy\x1b[K\n')).toBe('xy');
    expect(plainLogText('ab\bX\tz')).toBe('aX      z');
    expect(plainLogText('x'.repeat(600)).length).toBe(501);
  });
});
