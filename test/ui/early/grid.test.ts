/**
 * The early screen's cells against xterm.js's own: the same bytes fed to @xterm/headless (the same parser and
 * buffer as the page's xterm.js) and to EarlyGrid must give the same characters, widths, colours, attributes
 * and cursor, as long as the grid says it understood them; what it does not understand stops it.
 */
import fc from 'fast-check';
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { BOLD, bgOf, DIM, EarlyGrid, fgOf, INVERSE, ITALIC } from '../../../src/ui/early/grid.js';

interface Seen {
  readonly rows: string[][];
  readonly x: number;
  readonly y: number;
}

const cellKey = (ch: string, w: number, fg: number, bg: number, flags: string): string => `${ch}|${w}|${fg}|${bg}|${flags}`;

async function xtermSees(rows: number, cols: number, data: readonly string[], to?: { rows: number; cols: number }): Promise<Seen> {
  const t = new Terminal({ rows, cols, allowProposedApi: true, scrollback: 100 });
  for (const d of data) await new Promise<void>((r) => t.write(d, r));
  if (to) {
    t.resize(to.cols, to.rows);
    [rows, cols] = [to.rows, to.cols];
  }
  const buf = t.buffer.active;
  const out: string[][] = [];
  for (let y = 0; y < rows; y++) {
    const line = buf.getLine(buf.baseY + y)!;
    const row: string[] = [];
    for (let x = 0; x < cols; x++) {
      const c = line.getCell(x)!;
      const fg = c.isFgDefault() ? -1 : c.getFgColor();
      const bg = c.isBgDefault() ? -1 : c.getBgColor();
      const flags = `${c.isBold() ? 'b' : ''}${c.isDim() ? 'd' : ''}${c.isItalic() ? 'i' : ''}${c.isInverse() ? 'v' : ''}`;
      row.push(cellKey(c.getChars(), c.getWidth(), fg, bg, flags));
    }
    out.push(row);
  }
  const seen = { rows: out, x: buf.cursorX, y: buf.cursorY };
  t.dispose();
  return seen;
}

function gridSees(rows: number, cols: number, data: readonly string[], to?: { rows: number; cols: number }): Seen | undefined {
  const g = new EarlyGrid(rows, cols);
  for (const d of data) if (!g.write(d)) return undefined;
  if (to && !g.resize(to.rows, to.cols)) return undefined;
  const out = g.lines.map((line) =>
    line.map((c) => {
      const a = c.attr;
      const flags = `${a & BOLD ? 'b' : ''}${a & DIM ? 'd' : ''}${a & ITALIC ? 'i' : ''}${a & INVERSE ? 'v' : ''}`;
      return cellKey(c.ch, c.w, fgOf(a), bgOf(a), flags);
    }),
  );
  return { rows: out, x: g.x, y: g.y };
}

const PROMPT = '\x1b]0;user@dockersim: ~\x07\x1b[01;32muser@dockersim\x1b[00m:\x1b[01;34m~\x1b[00m$ ';

describe('EarlyGrid', () => {
  it('draws a login banner and prompt as xterm.js does', async () => {
    const data = ['Welcome to Ubuntu\r\n\r\n', PROMPT, 'ls\b\b\x1b[K', 'echo 中文\r\n'];
    expect(gridSees(24, 80, data)).toEqual(await xtermSees(24, 80, data));
  });

  it('matches xterm.js cell for cell on what it understands', async () => {
    const token = fc.constantFrom(
      'a',
      'hello world',
      ' ',
      '中',
      '文字',
      'é',
      '─',
      '\r',
      '\n',
      '\r\n',
      '\b',
      '\t',
      '\x07',
      '\x1b[K',
      '\x1b[1K',
      '\x1b[2K',
      '\x1b[J',
      '\x1b[1J',
      '\x1b[H\x1b[2J',
      '\x1b[3D',
      '\x1b[2C',
      '\x1b[A',
      '\x1b[B',
      '\x1b[5G',
      '\x1b[2;3H',
      '\x1b[P',
      '\x1b[2P',
      '\x1b[@',
      '\x1b[3X',
      '\x1b[1;32m',
      '\x1b[01;34m',
      '\x1b[0m',
      '\x1b[m',
      '\x1b[2m',
      '\x1b[3m',
      '\x1b[7m',
      '\x1b[22;27m',
      '\x1b[38;5;200m',
      '\x1b[48;5;17m',
      '\x1b[44m',
      '\x1b[91m',
      '\x1b[103m',
      '\x1b[39;49m',
      '\x1b]0;title\x07',
      '\x1b[?25l',
      '\x1b[?25h',
    );
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(token, { maxLength: 12 }).map((t) => t.join('')), { maxLength: 6 }), async (chunks) => {
        const grid = gridSees(5, 11, chunks);
        if (grid === undefined) return;
        compared++;
        expect(grid).toEqual(await xtermSees(5, 11, chunks));
      }),
      { numRuns: 400 },
    );
    // Most runs are understood: the property is not vacuous.
    expect(compared).toBeGreaterThan(200);
  });

  it('resizes as xterm.js does where nothing needs reflowing', async () => {
    const token = fc.constantFrom('a', 'hello', ' ', '中', '\r\n', '\x1b[1;32m', '\x1b[44m', '\x1b[0m', '\x1b[K', '\x1b[3D', '\x1b[2;3H', '\x1b[?25l');
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 20 }).map((t) => t.join('')), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 4, max: 16 }), async (data, rows, cols) => {
        const to = { rows, cols };
        const grid = gridSees(6, 11, [data], to);
        if (grid === undefined) return;
        compared++;
        expect(grid).toEqual(await xtermSees(6, 11, [data], to));
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(60);
  });

  it('stops at what it does not draw', () => {
    for (const s of ['\x1b[?1049h', '\x1b[4m', '\x1b[38;2;1;2;3m', '\x1bc', '\x1b[s', 'e\u0301', '\x1b]8;;http://x\x07', '\x01', '\x1b[1:2m']) {
      const g = new EarlyGrid(5, 20);
      expect(g.write(`ok${s}more`), JSON.stringify(s)).toBe(false);
      expect(g.ok).toBe(false);
    }
  });
});
