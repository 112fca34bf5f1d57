/** The line editor's pure parts: key decoding, editing commands, history walk, reverse search, layouts. */
import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../../../src/programs/shell/readline/buffer.js';
import { busyboxColumns, commonPrefix, readlineColumns } from '../../../../src/programs/shell/readline/columns.js';
import { formatMatches, parseCompleteOutput } from '../../../../src/programs/shell/readline/cobra.js';
import { commandWords } from '../../../../src/programs/shell/readline/complete.js';
import { Display, motion, visibleWidth } from '../../../../src/programs/shell/readline/display.js';
import { HistoryWalk } from '../../../../src/programs/shell/readline/history.js';
import { decodeKeys } from '../../../../src/programs/shell/readline/keys.js';
import { ReverseSearch } from '../../../../src/programs/shell/readline/search.js';

describe('decodeKeys', () => {
  it('splits text, control keys, cursor sequences and meta keys', () => {
    expect(decodeKeys('ab\x1b[D\x01\x1bb\x7f\r').keys.map((k) => k.text ?? k.name)).toEqual(
      ['ab', 'Left', 'C-a', 'M-b', 'Backspace', 'Enter']);
    expect(decodeKeys('\x1b[3~\x1bOH\t').keys.map((k) => k.name)).toEqual(['Delete', 'Home', 'Tab']);
  });
  it('keeps an escape sequence cut off at the end for the next read', () => {
    expect(decodeKeys('x\x1b[')).toEqual({ keys: [{ name: 'self', text: 'x' }], rest: '\x1b[' });
    expect(decodeKeys('\x1b').rest).toBe('\x1b');
  });
});

describe('LineBuffer', () => {
  it('edits like readline: words, kills and yank', () => {
    const b = new LineBuffer('echo one two');
    b.unixWordRubout();
    expect([b.text, b.point]).toEqual(['echo one ', 9]);
    b.yank();
    b.home();
    b.forwardWord();
    expect(b.point).toBe(4);
    b.killLine();
    expect(b.text).toBe('echo');
    b.insert(' x');
    b.backwardWord();
    expect(b.point).toBe(5);
    b.unixLineDiscard();
    expect([b.text, b.killed]).toEqual(['x', 'echo ']);
  });
  it('transposes and refuses moves past the ends', () => {
    const b = new LineBuffer('ab');
    expect(b.transpose()).toBe(true);
    expect(b.text).toBe('ba');
    expect(b.right()).toBe(false);
    expect(b.deleteChar()).toBe(false);
    b.home();
    expect(b.backwardDeleteChar()).toBe(false);
  });
});

describe('HistoryWalk', () => {
  it('walks entries and keeps the edited current line', () => {
    const w = new HistoryWalk(['a', 'b'], '');
    expect(w.move(-1, 'typed')).toBe('b');
    expect(w.move(-1, 'b')).toBe('a');
    expect(w.move(-1, 'a')).toBeNull();
    expect(w.move(1, 'a')).toBe('b');
    expect(w.move(1, 'b')).toBe('typed');
  });
});

describe('ReverseSearch', () => {
  it('renders bash prompts, finds older matches and fails', () => {
    const s = new ReverseSearch(['echo one', 'echo two'], '', 1, Infinity);
    s.add('o');
    expect([s.prompt, s.text, s.point]).toEqual(["(reverse-i-search)`o': ", 'echo two', 7]);
    s.again();
    expect(s.point).toBe(3);
    s.again();
    expect([s.text, s.point]).toEqual(['echo one', 5]);
    s.add('x');
    expect([s.prompt, s.text]).toEqual(["(failed reverse-i-search)`ox': ", 'echo one']);
    s.back();
    expect(s.failed).toBe(false);
  });
});

describe('layout', () => {
  it('lists in readline columns (a directory slash is not counted in the width)', () => {
    expect(readlineColumns(['alpha', 'alphabet/', 'alpine/', 'alps'], 40)).toEqual(['alpha     alpine/   ', 'alphabet/ alps      ']);
    expect(busyboxColumns(['a', 'bb', 'ccc'], 10)).toEqual(['a    ccc', 'bb']);
    expect(commonPrefix(['start', 'stats', 'stop'])).toBe('st');
  });
  it('measures prompts without escape sequences and moves the cursor across rows', () => {
    expect(visibleWidth('\x1b]0;t\x07\x1b[01;32mu@h\x1b[00m$ ')).toBe(5);
    expect(motion(25, 3, 20)).toBe('\x1b[1A\b\b');
    expect(motion(3, 45, 20)).toBe('\r\n\r\n\x1b[5C');
  });
  it('wraps at the margin with " \\r" and redraws only the change', async () => {
    const out: string[] = [];
    const d = new Display(async (s) => void out.push(s), () => 10);
    await d.fresh('$ ', '', 0);
    await d.update('$ ', 'abcdefgh', 8);
    await d.update('$ ', 'abcdefghi', 9);
    await d.update('$ ', 'abcXdefghi', 4);
    expect(out).toEqual(['$ ', 'abcdefgh \r', 'i', '\x1b[1A\x1b[4CXdefghi\x1b[1A\x1b[4C']);
  });
  it('accepts a line that ends at the margin as readline does: back up, rewrite its last cell, newline', async () => {
    const out: string[] = [];
    const d = new Display(async (s) => void out.push(s), () => 10);
    await d.fresh('$ ', '', 0);
    await d.update('$ ', 'abcdefgh', 8);
    await d.finish();
    await d.fresh('$ ', '', 0);
    await d.update('$ ', 'abc', 3);
    await d.finish();
    expect(out).toEqual(['$ ', 'abcdefgh \r', '\x1b[A\x1b[9C\x1b[Kh\n', '$ ', 'abc', '\n']);
  });
  it('counts a wide (CJK) character as the two cells the terminal gives it', async () => {
    const out: string[] = [];
    const d = new Display(async (s) => void out.push(s), () => 20);
    await d.fresh('~/文档$ ', '', 0);
    await d.append('~/文档$ ', '中', '中');
    await d.append('~/文档$ ', '文', '中文');
    await d.update('~/文档$ ', '中', 1);
    await d.append('~/文档$ ', '字', '中字');
    await d.update('~/文档$ ', '中字', 0);
    await d.update('~/文档$ ', 'x中字', 1);
    // The prompt takes 8 cells; backing over 文 goes two cells left, and the line is cleared after 中.
    expect(out).toEqual(['~/文档$ ', '中', '文', '\b\b\x1b[J', '字', '\b\b\b\b', 'x中字\b\b\b\b']);
  });
  it('writes for keys typed at the end exactly what a full update writes', async () => {
    const typed = (fast: boolean) => async (prompt: string): Promise<string[]> => {
      const out: string[] = [];
      const d = new Display(async (s) => void out.push(s), () => 10);
      await d.fresh(prompt, '', 0);
      let text = '';
      for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789') {
        text += ch;
        if (fast) await d.append(prompt, ch, text);
        else await d.update(prompt, text, text.length);
      }
      await d.update(prompt, 'abc', 1);
      await d.append(prompt, 'd', 'abcd');
      return out;
    };
    for (const prompt of ['$ ', 'first\n$ ']) expect(await typed(true)(prompt)).toEqual(await typed(false)(prompt));
  });
});

describe('cobra completion', () => {
  it('parses __complete output and pads descriptions as the bash V2 script does', () => {
    expect(parseCompleteOutput('--all\tShow all\n-a\tShow all\n:4\n')).toEqual({ candidates: ['--all\tShow all', '-a\tShow all'], directive: 4 });
    expect(formatMatches(['stop\tStop it', 'start\tStart one', 'rm\tRemove'], 'st', 40)).toEqual(['stop   (Stop it)', 'start  (Start one)']);
    expect(formatMatches(['stop\tStop it', 'start\tStart'], 'sto', 40)).toEqual(['stop']);
    expect(formatMatches(['web\tA very long description indeed', 'wax\tx'], 'w', 24)).toEqual(['web  (A very long desc…)', 'wax  (x)']);
  });
  it('splits the command line around point', () => {
    expect(commandWords('ls; sudo docker "st op" x')).toEqual({ words: ['sudo', 'docker', 'st op', 'x'], curRaw: 'x' });
    expect(commandWords('docker ps ').words).toEqual(['docker', 'ps', '']);
  });
});
