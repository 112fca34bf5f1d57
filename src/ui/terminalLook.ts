/**
 * How the learner's terminals look and how many cells fit a box, without xterm.js itself: the early screen
 * (early/earlyScreen.ts) draws the first output before xterm.js's chunk is in, and must be the same size.
 */
import type { Terminal as Xterm } from '@xterm/xterm';
import type { Disposable } from '../pkg/disposable.js';
import type { MasterTty } from './terminalLink.js';

/** Something that shows terminals in a box of the page (one xterm, or the deck of tabs and split panes). */
export interface TerminalScreen {
  /** Shows the terminal(s) in `el`, sized to it; call the result to take them out again. */
  attach(el: HTMLElement): () => void;
}

/** One terminal's screen in the deck. */
export interface DeckScreen extends TerminalScreen, Disposable {
  /** xterm.js's terminal; undefined while an early screen waits for xterm.js's chunk. */
  readonly xterm: Xterm | undefined;
  /** The window's shell was replaced by a new login (a new pts): the screen stays, input and output go there. */
  relink(tty: MasterTty): void;
  /** Text from the terminal app itself, not from the machine. */
  notice(text: string): void;
  focus(): void;
  fit(): void;
  /** Keys no longer reach the machine (xterm's `disableStdin`). */
  setReadOnly(on: boolean): void;
}

/** Makes the screen of a terminal: its tty, the driver's wake-up, what it showed before a reload. */
export type MakeScreen<S extends DeckScreen> = (tty: MasterTty, wake: () => void, history: readonly (string | { rows: number; cols: number })[]) => S;

/**
 * How the learner's terminals look (scripts/bench-floor sets up its xterm the same way).
 *
 * lineHeight 1.2: xterm makes a row exactly as tall as the font's ascent plus descent as the browser reports
 * them, rounded to whole pixels, and clips each row to it. DejaVu Sans Mono at 14 px has a descent of 3.3 px,
 * reported as 3, and its underscore lies in the lost 0.3 px: at 1× it vanished (`daemon_dave` read "daemon
 * dave"), and É's accent and CJK fallback glyphs, taller than DejaVu's, lost their edges too. Like the native
 * terminals, which size a cell from the font's metrics rounded up plus its line gap, the row gets room above
 * and below the glyphs: 1.5 px at 14 px, 2.5 px at presenter size (test/e2e/glyphs measures it on pixels).
 */
export const XTERM_OPTIONS = {
  fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 14,
  lineHeight: 1.2,
  cursorBlink: true,
  scrollback: 5000,
  theme: {
    background: '#1e1e1e',
    foreground: '#d4d4d4',
    cursor: '#d4d4d4',
    selectionBackground: '#264f78',
  },
};

/** The part of xterm's options that sizes its cells. */
interface CellOptions {
  readonly fontFamily?: string;
  readonly fontSize?: number;
  readonly lineHeight?: number;
  readonly letterSpacing?: number;
  readonly scrollback?: number;
}

let measure: OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * The size FitAddon.fit() gives a terminal opened in `el`, worked out before it is opened: xterm 6 measures
 * its cell with a canvas's text metrics ('W', font bounding box) and FitAddon divides the box, less the
 * scrollbar, by it. Undefined where that cannot be known (no OffscreenCanvas, a hidden box); fit() decides.
 */
export function fittedSize(el: HTMLElement, o: CellOptions): { cols: number; rows: number } | undefined {
  if (el.offsetParent === null) return undefined;
  if (measure === undefined) measure = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(100, 100).getContext('2d') : null;
  if (!measure) return undefined;
  measure.font = `${o.fontSize ?? 15}px ${o.fontFamily ?? 'courier-new, courier, monospace'}`;
  const m = measure.measureText('W');
  const dpr = window.devicePixelRatio || 1;
  const cellWidth = (m.width * dpr + Math.round(o.letterSpacing ?? 0)) / dpr;
  const cellHeight = Math.floor(Math.ceil((m.fontBoundingBoxAscent + m.fontBoundingBoxDescent) * dpr) * (o.lineHeight ?? 1)) / dpr;
  if (!(cellWidth > 0 && cellHeight > 0)) return undefined;
  const style = window.getComputedStyle(el);
  const scrollbar = o.scrollback === 0 ? 0 : 14;
  const width = Math.max(0, parseInt(style.width)) - scrollbar;
  const height = parseInt(style.height);
  return { cols: Math.max(2, Math.floor(width / cellWidth)), rows: Math.max(1, Math.floor(height / cellHeight)) };
}
