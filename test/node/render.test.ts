import xterm from '@xterm/headless';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderScreen } from '../../src/node/render.js';

/** The text of an xterm.js that keeps the whole scrollback itself: what renderScreen must equal. */
async function reference(raw: string, cols: number, rows: number, scrollback: number): Promise<string> {
  const term = new xterm.Terminal({ cols, rows, scrollback, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(raw, resolve));
  const buf = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buf.length; i++) {
    const line = buf.getLine(i)!;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  term.dispose();
  return lines.join('\n') + (lines.length > 0 && raw.endsWith('\n') ? '\n' : '');
}

const numbered = (from: number, n: number, f: (i: number) => string = String): string =>
  Array.from({ length: n }, (_, i) => `${f(from + i)}\r\n`).join('');

describe('renderScreen', () => {
  it('gives a long flood the text of a 1,000,000-line scrollback, its first lines included', async () => {
    // 60,000 lines of `yes` between numbered lines, a run wrapped at the margin and wide characters.
    const raw =
      'user@dockersim:~$ yes\r\n' + numbered(1, 3000) + 'y\r\n'.repeat(60_000) + numbered(3001, 3000, (i) => `第${i}行 中文`.repeat(9)) +
      `${'x'.repeat(80)}\r\n`.repeat(2000) + '^C\r\nuser@dockersim:~$ ';
    const shown = await renderScreen(raw);
    expect(shown).toBe(await reference(raw, 80, 24, 1_000_000));
    expect(shown.startsWith('user@dockersim:~$ yes\n1\n2\n')).toBe(true);
  }, 60_000);

  it('keeps only the last lines a 1,000,000-line scrollback holds, wrapped lines joined across its start', async () => {
    const raw = numbered(1, 500, (i) => `${i}`.padStart(120, '-')) + 'y\r\n'.repeat(20_000) + numbered(1, 10_000);
    for (const scrollback of [100, 4097, 25_000]) {
      expect(await renderScreen(raw, 80, 24, scrollback)).toBe(await reference(raw, 80, 24, scrollback));
    }
  }, 60_000);

  it('forgets what ED 3 and RIS clear, and shows the alternate screen as xterm.js does', async () => {
    const cases = [
      numbered(1, 5000) + '\x1b[H\x1b[2J\x1b[3J' + numbered(1, 10),
      numbered(1, 5000) + 'y\r\n'.repeat(5000) + '\x1b[?3J' + 'after\r\n',
      numbered(1, 5000) + '\x1bc' + 'reset\r\n',
      numbered(1, 5000) + '\x1b[?1049h\x1b[Htop\r\n' + 'y\r\n'.repeat(1000) + '\x1b[3J',
      numbered(1, 5000) + '\x1b[?1049h\x1b[Htop' + 'y\r\n'.repeat(1000) + '\x1b[3J\x1b[?1049l' + numbered(1, 100),
      numbered(1, 100) + '\x1b[5;20r' + 'y\r\n'.repeat(2000) + '\x1b[r' + 'y\r\n'.repeat(8000),
    ];
    for (const raw of cases) expect(await renderScreen(raw)).toBe(await reference(raw, 80, 24, 1_000_000));
  }, 60_000);

  it('equals a full-scrollback xterm.js for any mix of floods, wraps, clears and cursor moves', async () => {
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom('y', '', 'ab', '字字', 'x'.repeat(10), '\x1b[31mred\x1b[0m'), fc.integer({ min: 1, max: 3000 })).map(([l, n]) => `${l}\r\n`.repeat(n)),
      fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 })).map(([w, n]) => `${'w'.repeat(w)}\r\n`.repeat(n)),
      fc.constantFrom('\x1b[3J', '\x1b[H\x1b[2J', '\x1bc', '\x1b[?1049h', '\x1b[?1049l', '\x1b[5A', '\x1b[3;10r', '\x1b[r', '\r', '\n', 'abc', '\x1b[1J', '\x1b[2K'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 300 }), async (pieces, scrollback) => {
        const raw = pieces.join('');
        expect(await renderScreen(raw, 20, 5, scrollback)).toBe(await reference(raw, 20, 5, scrollback));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
