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
