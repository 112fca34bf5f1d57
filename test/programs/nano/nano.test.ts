import { describe, expect, it } from 'vitest';
import { ScreenTerm } from './screen.js';

const MAIN_BARS_80 = [
  '^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location',
  '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line',
];

describe('nano', () => {
  it('opens a new file as nano 7.2 draws it, writes it with ^O Enter and leaves with ^X', async () => {
    const t = new ScreenTerm();
    await t.line('nano Dockerfile');
    expect(t.altScreen).toBe(true);
    const rows = t.rows();
    expect(rows[0]).toBe('  GNU nano 7.2                       Dockerfile');
    expect(t.styled(0)).toBe(`[  GNU nano 7.2                       Dockerfile${' '.repeat(33)}]`);
    expect(rows[21]).toBe('                                  [ New File ]');
    expect(t.styled(21)).toBe('                                  [[ New File ]]');
    expect(rows.slice(22)).toEqual(MAIN_BARS_80);
    expect(t.styled(22)).toBe('[^G] Help      [^O] Write Out [^W] Where Is  [^K] Cut       [^T] Execute   [^C] Location');
    expect(t.cursor()).toEqual({ row: 1, col: 0 });

    await t.keys('FROM ubuntu\rRUN x');
    expect(t.rows()[0]).toBe('  GNU nano 7.2                       Dockerfile *');
    expect(t.rows().slice(1, 3)).toEqual(['FROM ubuntu', 'RUN x']);
    await t.keys('\x0f');
    expect(t.rows()[21]).toBe('File Name to Write: Dockerfile');
    expect(t.rows().slice(22)).toEqual([
      '^G Help             M-D DOS Format      M-A Append          M-B Backup File',
      '^C Cancel           M-M Mac Format      M-P Prepend         ^T Browse',
    ]);
    await t.keys('\r');
    expect(t.rows()[21]).toBe('                               [ Wrote 2 lines ]');
    expect(t.rows()[0]).toBe('  GNU nano 7.2                       Dockerfile');
    await t.keys('\x18');
    expect(t.altScreen).toBe(false);
    expect(t.file('/home/user/Dockerfile')).toBe('FROM ubuntu\nRUN x\n');
  });
});

describe('nano as a user without write permission', () => {
  // Recorded from the real nano 7.2 run as nobody (su nobody -c 'nano /etc/hosts').
  it('says the file is unwritable on opening and why a write fails, in the error colour', async () => {
    const t = new ScreenTerm();
    await t.line('nano /etc/hosts');
    expect(t.rows()[21]).toBe("                      [ File '/etc/hosts' is unwritable ]");
    expect(t.styled(21)).toBe("                      {[ File '/etc/hosts' is unwritable ]}");
    await t.keys('x\x0f');
    expect(t.rows()[21]).toBe('File Name to Write: /etc/hosts');
    await t.keys('\r');
    expect(t.rows()[21]).toBe('                [ Error writing /etc/hosts: Permission denied ]');
    expect(t.rows()[0]).toBe('  GNU nano 7.2                       /etc/hosts *');
    await t.keys('\x18');
    expect(t.rows().slice(21)).toEqual(['Save modified buffer?', ' Y Yes', ' N No           ^C Cancel']);
    await t.keys('n');
    expect(t.altScreen).toBe(false);
    expect(t.file('/etc/hosts')).not.toContain('x127');
  });

  it('says a new file in a directory it cannot write is not writable', async () => {
    const t = new ScreenTerm();
    await t.line('nano /etc/newf');
    expect(t.rows()[0]).toBe('  GNU nano 7.2                        /etc/newf');
    expect(t.rows()[21]).toBe("                      [ Directory '/etc' is not writable ]");
  });
});

describe('nano and the terminal', () => {
  it('redraws for the new size when the window is resized (SIGWINCH)', async () => {
    const t = new ScreenTerm();
    await t.line('nano Dockerfile');
    await t.keys('FROM ubuntu');
    await t.resize(10, 40);
    const rows = t.rows();
    expect(rows[0]).toBe('  GNU nano 7.2   Dockerfile *');
    expect(rows[1]).toBe('FROM ubuntu');
    expect(rows.slice(8)).toEqual(['^G Help   ^O Write O^W Where I^K Cut', '^X Exit   ^R Read Fi^\\ Replace^U Paste']);
    expect(t.cursor()).toEqual({ row: 1, col: 11 });
  });

  it('keeps the lock file .NAME.swp while the file is open, and takes the terminal back on exit', async () => {
    const t = new ScreenTerm();
    await t.line('nano notes');
    const swp = t.file('/home/user/.notes.swp');
    expect(swp.length).toBe(1024);
    expect(swp.startsWith('b0nano 7.2')).toBe(true);
    await t.keys('\x18');
    expect(t.altScreen).toBe(false);
    await t.line('ls -A; stty -a | head -2 | tail -1');
    expect(t.text()).toContain('.bash_logout  .bashrc  .local  .profile  .ssh');
    expect(t.text()).toMatch(/ icanon /);
  });

  it('refuses what it does not model in one line, and starts only on a terminal', async () => {
    const t = new ScreenTerm();
    await t.line('nano -l x; echo $?; nano -3; nano --bogus; echo | nano; echo $?; nano -V');
    expect(t.text()).toContain([
      'dockersim: nano -l (--linenumbers) is not simulated',
      '1',
      "nano: invalid option -- '3'",
      "Type 'nano -h' for a list of available options.",
      "nano: unrecognized option '--bogus'",
      "Type 'nano -h' for a list of available options.",
      'Standard input is not a terminal',
      '1',
      ' GNU nano, version 7.2',
      ' (C) 2023 the Free Software Foundation and various contributors',
      ' Compiled options: --disable-libmagic --enable-utf8',
    ].join('\n'));
  });
});

describe('nano keeps its search history (historylog)', () => {
  it('writes ~/.local/share/nano/search_history at exit as nano 7.2 does: searches, then the empty replace and execute lists', async () => {
    const t = new ScreenTerm();
    await t.line('nano Dockerfile');
    await t.keys('\x17');
    await t.keys('zz\r');
    await t.keys('\x17');
    await t.keys('run\r');
    await t.keys('\x18');
    expect(t.file('/home/user/.local/share/nano/search_history')).toBe('zz\nrun\n\n\n\n');
    await t.line('ls -l .local/share/nano');
    expect(t.text()).toMatch(/-rw------- 1 user user 10 .* search_history/);
  });
});
