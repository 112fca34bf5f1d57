/**
 * vim on a real pseudo-terminal of a booted machine, keys typed as a learner types them and the screen read
 * back through xterm.js (the emulator the page uses): what a person would see.
 */
import { describe, expect, it } from 'vitest';
import { HeadlessSession } from '../../../src/machine/headless.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { renderScreen } from '../../../src/node/render.js';

async function session(lines: readonly string[], opts: { rows?: number; cols?: number; then?: (s: HeadlessSession) => Promise<void> } = {}): Promise<string[]> {
  const rows = opts.rows ?? 24;
  const cols = opts.cols ?? 80;
  const machine = Machine.boot({ drain: nodeDrain, seed: 1 });
  const term = machine.openTerminal({ rows, cols });
  // A transcript run: without one the runner drops an unfinished last line as a prompt, which is all of a full-screen frame.
  const s = new HeadlessSession(machine, term, { tickMs: 1000, transcript: true });
  for (const line of lines) await s.type(line);
  // A learner pauses after the last key: an ESC typed last is told from a cursor key once 'ttimeoutlen' passes.
  await machine.kernel.run({ until: machine.kernel.now() + 1000 });
  await opts.then?.(s);
  const raw = await s.finish();
  const f = machine.kernel.faults[0];
  if (f) throw new Error(`fault in ${f.argv.join(' ')}: ${String((f.error as Error).stack)}`);
  const screen = (await renderScreen(raw, cols, rows)).split('\n');
  // The rendered text drops trailing blank rows; the screen has them.
  while (screen.length < rows) screen.push('');
  return screen.slice(-rows);
}

describe('vim on the terminal', () => {
  it('shows a new file, the text typed, ~ below it, -- INSERT -- and the ruler', async () => {
    const screen = await session(['vim Dockerfile', 'iFROM ubuntu:24.04<Enter>RUN apt-get update && apt-get install -y nginx']);
    expect(screen[0]).toBe('FROM ubuntu:24.04');
    expect(screen[1]).toBe('RUN apt-get update && apt-get install -y nginx');
    expect(screen.slice(2, 23).every((l) => l === '~')).toBe(true);
    expect(screen[23]).toBe('-- INSERT --                                                  2,47          All');
  });

  it('opens with "Dockerfile" [New], and E37 when quitting with changes', async () => {
    const inserting = await session(['vim Dockerfile', 'i<Right>']);
    expect(inserting[23]).toBe('-- INSERT --                                                  0,1           All');
    const first = await session(['vim Dockerfile']);
    expect(first[23]).toBe('"Dockerfile" [New]                                            0,0-1         All');
    const e37 = await session(['vim Dockerfile', 'iFROM ubuntu<Esc>', ':q']);
    expect(e37[0]).toBe('FROM ubuntu');
    expect(e37[23]).toBe('E37: No write since last change (add ! to override)           1,11          All');
  });

  it('writes with :wq, leaves the alternate screen, and cat shows the file', async () => {
    const screen = await session([
      'vim Dockerfile', 'iFROM ubuntu:24.04<Enter>RUN apt-get update<Esc>', ':wq', 'cat Dockerfile', 'ls -l Dockerfile',
    ]);
    const text = screen.join('\n');
    expect(text).toContain('$ vim Dockerfile\n');
    expect(text).toContain('$ cat Dockerfile\nFROM ubuntu:24.04\nRUN apt-get update\n');
    expect(text).toMatch(/-rw-r--r-- 1 user user 37 .* Dockerfile/);
  });

  it('shows Ubuntu\'s intro screen when started without a file', async () => {
    const screen = await session(['vim']);
    expect(screen[5]).toBe('~                              VIM - Vi IMproved');
    expect(screen[7]).toBe('~                                version 9.1.16');
    expect(screen[9]).toBe('~                   Modified by team+vim@tracker.debian.org');
    expect(screen[15]).toBe('~                type  :q<Enter>               to exit');
    expect(screen[23]).toBe('                                                              0,0-1         All');
  });

  it('prints the version of the vim whose runtime is installed (22.04\'s 8.2)', async () => {
    const screen = await session(['sudo rm -rf /usr/share/vim/vim91', 'sudo mkdir -p /usr/share/vim/vim82', 'vim']);
    expect(screen[7]).toBe('~                               version 8.2.3995');
    expect(screen[17]).toBe('~                type  :help version8<Enter>   for version info');
  });

  it('says E212 when the kernel refuses the write, and :q! leaves', async () => {
    const screen = await session(['vim /etc/hostname', 'x', ':w', ':q!', 'echo back']);
    expect(screen.join('\n')).toContain('$ echo back\nback');
    const opened = await session(['vim /etc/hostname']);
    expect(opened[23]).toMatch(/^"\/etc\/hostname" \[readonly\] 1L, 10B +1,1 +All$/);
    const readonly = await session(['vim /etc/hostname', 'x', ':w']);
    expect(readonly[23]).toMatch(/^E45: 'readonly' option is set \(add ! to override\) +1,1 +All$/);
    const refused = await session(['vim /etc/hostname', 'x', ':w!']);
    expect(refused[23]).toMatch(/^"\/etc\/hostname" E212: Can't open file for writing +1,1 +All$/);
  });

  it('redraws for the new size on SIGWINCH', async () => {
    const screen = await session(['vim Dockerfile', 'ihello<Esc>'], {
      then: async (s) => {
        s.term.tty.resize(10, 40);
      },
    });
    // Drawn whole for 10 rows of 40: the ruler moves to column 40 - 18, the rows below are left clear.
    expect(screen[0]).toBe('hello');
    expect(screen.slice(1, 9).every((l) => l === '~')).toBe(true);
    expect(screen[9]).toBe(`${' '.repeat(22)}1,5           All`);
    expect(screen.slice(10).every((l) => l === '')).toBe(true);
  });

  it('puts the terminal back when killed with SIGTERM, saying so as vim does', async () => {
    const screen = await session(['vim Dockerfile', 'ihello'], {
      then: async (s) => {
        const k = s.machine.kernel;
        const vim = [...k.procs.values()].find((p) => p.argv[0] === 'vim')!;
        k.kill(vim, 'SIGTERM', null);
        await s.type('echo $? after');
      },
    });
    const text = screen.join('\n');
    expect(text).toContain('$ vim Dockerfile\nVim: Caught deadly signal TERM\nVim: Finished.\n');
    expect(text).toContain('$ echo $? after\n1 after');
  });

  it('searches, wraps with the warning and says E486', async () => {
    const screen = await session(['vim Dockerfile', 'iFROM a<Enter>RUN b<Enter>RUN c<Esc>', 'gg/RUN<Enter>nn']);
    expect(screen[23]).toMatch(/^search hit BOTTOM, continuing at TOP +2,1 +All$/);
    const missing = await session(['vim Dockerfile', 'iFROM a<Esc>', '/xyz']);
    expect(missing[23]).toMatch(/^E486: Pattern not found: xyz +1,6 +All$/);
  });

  it('busybox vi in a container edits with its own status line', async () => {
    const screen = await session(['sudo docker run -it --name bb busybox', 'vi /tmp/Dockerfile', 'iFROM busybox<Esc>']);
    expect(screen[0]).toBe('FROM busybox');
    expect(screen[23]).toBe('- /tmp/Dockerfile [Modified] 1/1 100%');
  });
});
