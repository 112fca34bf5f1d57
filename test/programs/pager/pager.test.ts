import { describe, expect, it } from 'vitest';
import { ScreenTerm } from '../nano/screen.js';

describe('reset', () => {
  it("sends ncurses' reset strings, which clear the screen, and gives the terminal back sane", async () => {
    const t = new ScreenTerm();
    const out: string[] = [];
    t.term.tty.onOutput((d) => void out.push(d));
    await t.line('echo before; stty -echo; reset; echo rc=$?; stty -a | grep -o " echo "', 3000);
    expect(out.join('')).toContain('\x1bc\x1b]104\x07\x1b[!p\x1b[?3;4l\x1b[4l\x1b>\x1b[?69l\r');
    expect(t.text()).not.toContain('before');
    expect(t.rows()[0]).toBe('rc=0');
    expect(t.rows()[1]).toBe(' echo');
  });
});

describe('man', () => {
  it("in an ubuntu container is the minimized system's script, word for word, and exits 0", async () => {
    const t = new ScreenTerm();
    await t.line('sudo docker run --rm ubuntu man ls; echo rc=$?', 3000);
    expect(t.text()).toContain([
      'This system has been minimized by removing packages and content that are',
      'not required on a system that users do not log into.',
      '',
      "To restore this content, including manpages, you can run the 'unminimize'",
      "command. You will still need to ensure the 'man-db' package is installed.",
      'rc=0',
    ].join('\n'));
  });

  it("on the host answers as man-db for a name nothing has, and says pages are not simulated for one it has", async () => {
    const t = new ScreenTerm();
    await t.line('man; echo rc=$?; man nosuch; echo rc=$?; man 8 nosuch; man ls; echo rc=$?');
    expect(t.text()).toContain([
      'What manual page do you want?',
      "For example, try 'man man'.",
      'rc=1',
      'No manual entry for nosuch',
      'rc=16',
      'No manual entry for nosuch in section 8',
      "dockersim: manual pages are not simulated; 'ls --help' shows its options",
      'rc=16',
    ].join('\n'));
  });
});

describe('less', () => {
  it('copies its input when its output is not a terminal, and words its errors as less 590 does', async () => {
    const t = new ScreenTerm();
    await t.line('printf "a\\nb\\n" > f; less f | cat; seq 3 | less | wc -l; less nosuch; echo rc=$?; less /tmp; less');
    expect(t.text()).toContain([
      'a', 'b', '3', 'nosuch: No such file or directory', 'rc=1', '/tmp is a directory',
      'Missing filename ("less --help" for help)',
    ].join('\n'));
  });

  it('highlights what /pattern matched and leaves the alternate screen on q', async () => {
    const t = new ScreenTerm({ rows: 8, cols: 40 });
    await t.line('seq 100 | less');
    expect(t.altScreen).toBe(true);
    await t.keys('/5\r');
    await t.keys('n');
    expect(t.styled(0)).toBe('1[5]');
    await t.keys('q');
    expect(t.altScreen).toBe(false);
  });

  it('refuses an option in one line', async () => {
    const t = new ScreenTerm();
    await t.line('less -N /etc/hostname; echo rc=$?');
    expect(t.text()).toContain('dockersim: less -N is not simulated\nrc=1');
  });
});

describe('more', () => {
  it('stops at q, erasing its prompt, and words its errors as util-linux more does', async () => {
    const t = new ScreenTerm({ rows: 8, cols: 40 });
    await t.line('clear; seq 100 > nums; more nums; echo rc=$?');
    expect(t.rows()[7]).toBe('--More--(4%)');
    expect(t.styled(7)).toBe('[--More--(4%)]');
    await t.keys('q');
    expect(t.rows().slice(5, 8)).toEqual(['7', 'rc=0', 'user@dockersim:~$']);
    const u = new ScreenTerm();
    await u.line('clear; more nosuch; more /tmp; more; seq 2 | more');
    expect(u.text()).toContain([
      'more: cannot open nosuch: No such file or directory', '', '*** /tmp: directory ***', '',
      'more: bad usage', "Try 'more --help' for more information.", '1', '2',
    ].join('\n'));
  });
});
