/**
 * Every glyph of the terminal's font is drawn whole inside its cell, judged on pixels: at 1× and 2× device
 * pixels, at the default size and in presenter mode, the ink of `_`, descenders, `|` and CJK in the cell where
 * the terminal draws them is compared with their ink in the same terminal with rows three times as tall. A
 * glyph that pokes out of its row is cut off there (xterm's rows clip) and loses ink: `daemon_dave` read as
 * "daemon dave" at 14 px on a 1× screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForPrompt } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Glyphs whose ink reaches the edges of a line: underscore, descenders, the bar, accents, CJK (two cells). */
const GLYPHS = ['_', 'g', 'y', 'j', '|', 'Q', 'É', '中', '文', '量'];

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface Layout {
  readonly fontSize: number;
  readonly lineHeight: number;
  /** Per glyph, the cell(s) where the terminal drew it. */
  readonly cells: readonly Rect[];
  /** The cell of `_` in `a_b` and of the space in `a b` on the row below. */
  readonly underscore: Rect;
  readonly space: Rect;
}

/**
 * Writes the glyphs into the terminal, each after a space, then `a_b` over `a b`, with `lineHeight` set to
 * `lineHeight` (undefined: the app's own), and returns where their cells are on the page.
 */
async function lay(page: Page, lineHeight?: number): Promise<Layout> {
  return page.evaluate(
    async ([glyphs, lh]) => {
      const x = window.__dockersim!.xterm!;
      if (lh !== null) x.options.lineHeight = lh;
      const line = glyphs.map((g) => ` ${g}`).join('');
      await new Promise<void>((r) => x.write(`\x1b[2J\x1b[H${line}\r\n\r\na_b\r\na b\r\n`, r));
      x.refresh(0, x.rows - 1);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const rows = x.element!.querySelector('.xterm-rows')!.getBoundingClientRect();
      const screen = x.element!.querySelector('.xterm-screen')!.getBoundingClientRect();
      const cw = screen.width / x.cols;
      const ch = screen.height / x.rows;
      const cell = (col: number, row: number, width = 1) => ({ x: rows.left + col * cw, y: rows.top + row * ch, w: cw * width, h: ch });
      let col = 1;
      const cells = glyphs.map((glyph) => {
        const wide = glyph.charCodeAt(0) > 0x2e80;
        const at = col;
        col += (wide ? 2 : 1) + 1;
        return cell(at, 0, wide ? 2 : 1);
      });
      return { fontSize: x.options.fontSize!, lineHeight: x.options.lineHeight!, cells, underscore: cell(1, 2), space: cell(1, 3) };
    },
    [GLYPHS, lineHeight ?? null] as const,
  );
}

/**
 * Ink in each rect of a screenshot: the sum over its device pixels of how much brighter than the background
 * they are (0–1 per pixel), so a glyph's ink does not depend on where antialiasing splits it.
 */
async function ink(page: Page, rects: readonly Rect[]): Promise<number[]> {
  const png = (await page.screenshot({ scale: 'device' })).toString('base64');
  return page.evaluate(
    async ([data, rs]) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const scale = bitmap.width / window.innerWidth;
      return rs.map((r) => {
        const x0 = Math.round(r.x * scale);
        const y0 = Math.round(r.y * scale);
        const w = Math.max(1, Math.round(r.w * scale));
        const h = Math.max(1, Math.round(r.h * scale));
        const px = ctx.getImageData(x0, y0, w, h).data;
        const lum = (i: number) => (px[i] * 0.2126 + px[i + 1] * 0.7152 + px[i + 2] * 0.0722) / 255;
        // The background is the darkest pixel of the rect (each rect is mostly background).
        let bg = 1;
        for (let i = 0; i < px.length; i += 4) bg = Math.min(bg, lum(i));
        let sum = 0;
        for (let i = 0; i < px.length; i += 4) sum += Math.max(0, lum(i) - bg);
        return sum;
      });
    },
    [png, rs(rects)] as const,
  );
}

function rs(rects: readonly Rect[]): Rect[] {
  return rects.map((r) => ({ x: r.x, y: r.y, w: r.w, h: r.h }));
}

describe('terminal glyphs', () => {
  for (const dpr of [1, 2]) {
    for (const presenter of [false, true]) {
      it(`are whole inside their cells at ${dpr}× ${presenter ? 'in presenter mode' : 'at the default size'}`, async () => {
        // Tall enough that, under the dock, the terminal keeps four rows three times as tall in presenter mode.
        const context = await browser.newContext({ viewport: { width: 1024, height: 1200 }, deviceScaleFactor: dpr });
        const page = await context.newPage();
        await page.goto(`${inject('appUrl')}?test=1&seed=1&presenter=${presenter ? 1 : 0}`);
        await waitForPrompt(page);
        const app = await lay(page);
        expect(app.fontSize).toBe(presenter ? 24 : 14);
        const inCell = await ink(page, [...app.cells, app.underscore, app.space]);
        // The same glyphs in the same terminal with rows three times as tall: nothing can be cut off there.
        const roomy = await lay(page, 3);
        const free = await ink(page, roomy.cells);
        const report = GLYPHS.map((g, i) => `${g} ${(inCell[i] / free[i]).toFixed(2)}`);
        console.log(`${dpr}× ${app.fontSize}px, line height ${app.lineHeight}: ink in the cell / with room: ${report.join(', ')}`);
        for (const [i, g] of GLYPHS.entries()) {
          const where = `${g} in its cell at ${dpr}× ${app.fontSize}px`;
          expect(free[i], `${g} has ink`).toBeGreaterThan(0);
          expect(inCell[i] / free[i], where).toBeGreaterThan(0.95);
          expect(inCell[i] / free[i], where).toBeLessThan(1.05);
        }
        // `a_b` against `a b`: the underscore is what tells them apart.
        const n = GLYPHS.length;
        expect(inCell[n] - inCell[n + 1]).toBeGreaterThan(0.95 * free[0]);
        await context.close();
      });
    }
  }
});
